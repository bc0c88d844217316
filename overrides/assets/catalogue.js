/* Project catalogue filters. Without this script the page lists every project; it reveals the hidden form,
   filters the cards by their data-* attributes and keeps the state in the URL query. No dependencies. */
(function () {
  "use strict";
  var form = document.getElementById("kc-filters");
  var list = document.querySelector(".kc-results .kc-cards");
  var status = document.getElementById("kc-count");
  if (!form || !list || !status) return;
  var cards = Array.prototype.slice.call(list.children);
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var query = form.elements.q;
  var sort = form.elements.sort;
  var facets = [];
  boxes.forEach(function (box) {
    if (facets.indexOf(box.name) < 0) facets.push(box.name);
  });
  // Phone: results first, the form behind the "Filters (n)" button (absent in an override: no button).
  var toggle = document.querySelector(".kc-filters-toggle");
  var narrow = matchMedia("(max-width: 59.99em)");
  function showToggle() {
    var n = boxes.filter(function (b) { return b.checked; }).length + (query.value.trim() ? 1 : 0);
    if (toggle) toggle.textContent = toggle.dataset.label + (n ? " (" + n + ")" : "");
  }
  var done = form.querySelector(".kc-filters-done");
  function layout() {
    var phone = !!toggle && narrow.matches;
    if (toggle) toggle.hidden = !phone;
    if (done) done.hidden = !phone;
    form.hidden = phone && toggle.getAttribute("aria-expanded") != "true";
  }
  function open(yes) {
    toggle.setAttribute("aria-expanded", String(yes));
    layout();
  }
  if (toggle) {
    toggle.addEventListener("click", function () { open(toggle.getAttribute("aria-expanded") != "true"); });
    // Phone: "Toon n resultaten" closes the panel and goes to the results; Escape goes back to the button.
    if (done) done.addEventListener("click", function () { open(false); document.getElementById("kc-results").focus(); });
    form.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && narrow.matches) { open(false); toggle.focus(); }
    });
  }
  narrow.addEventListener("change", layout);
  var byTitle = new Intl.Collator("nl", { sensitivity: "base", numeric: true, ignorePunctuation: true });

  // The count in the page's language: its forms come from the plugin's message catalog (data-one, data-other).
  var plurals = new Intl.PluralRules(document.documentElement.lang || "nl");
  function countText(n) {
    var form = plurals.select(n) === "one" ? status.dataset.one : status.dataset.other;
    return form.replace("%(num)d", String(n));
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function selection() {
    var chosen = {};
    boxes.forEach(function (box) {
      if (box.checked) (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  // Within a facet values are alternatives (OR); facets and the words of the query narrow (AND).
  function matches(card, chosen, words, skip) {
    for (var name in chosen) {
      if (name === skip) continue;
      var values = (card.dataset[name] || "").split(" ");
      if (!chosen[name].some(function (v) { return values.indexOf(v) >= 0; })) return false;
    }
    var text = card.dataset.text || "";
    return words.every(function (w) { return text.indexOf(w) >= 0; });
  }

  function render() {
    var chosen = selection();
    var words = fold(query.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, chosen, words, null);
      if (!card.hidden) shown++;
    });
    // A value's count: the projects it would leave, given the filters set on the other facets.
    boxes.forEach(function (box) {
      var n = cards.filter(function (card) {
        return (card.dataset[box.name] || "").split(" ").indexOf(box.value) >= 0 &&
          matches(card, chosen, words, box.name);
      }).length;
      var label = box.parentNode.querySelector(".kc-count");
      if (label) label.textContent = "(" + n + ")";
      box.parentNode.classList.toggle("kc-zero", n === 0);
    });
    var ordered = cards.slice();
    if (sort.value === "titel") {
      ordered.sort(function (a, b) { return byTitle.compare(a.querySelector("a").textContent, b.querySelector("a").textContent); });
    } else {
      ordered.sort(function (a, b) { return a.dataset.published < b.dataset.published ? 1 : a.dataset.published > b.dataset.published ? -1 : cards.indexOf(a) - cards.indexOf(b); });
    }
    ordered.forEach(function (card) { list.appendChild(card); });
    showToggle();
    var text = countText(shown);
    // Nothing left: after a filter, clear one; after only a search word, try another.
    if (!shown) text += " " + (boxes.some(function (b) { return b.checked; }) ? status.dataset.none : status.dataset.noneWord);
    if (done) done.textContent = (plurals.select(shown) === "one" ? done.dataset.one : done.dataset.other).replace("%(num)d", String(shown));
    if (status.textContent !== text) status.textContent = text;
  }

  // The query string holds only what differs from the default view, in the form's own field names.
  function toQuery() {
    var params = new URLSearchParams();
    facets.forEach(function (name) {
      boxes.forEach(function (box) {
        if (box.name === name && box.checked) params.append(name, box.value);
      });
    });
    if (query.value.trim()) params.set("q", query.value.trim());
    if (sort.value !== "nieuw") params.set("sort", sort.value);
    var search = params.toString();
    return location.pathname + (search ? "?" + search : "") + location.hash;
  }

  function fromQuery() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
    });
    query.value = params.get("q") || "";
    sort.value = params.get("sort") === "titel" ? "titel" : "nieuw";
  }

  function update(push) {
    render();
    var url = toQuery();
    if (url !== location.pathname + location.search + location.hash) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  // Ticking a box or sorting is a step one can go back on; typing only replaces the current entry.
  form.addEventListener("change", function (event) { update(event.target !== query); });
  query.addEventListener("input", function () { update(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(false); });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    boxes.forEach(function (box) { box.checked = false; });
    query.value = "";
    sort.value = "nieuw";
    update(true);
  });
  window.addEventListener("popstate", function () { fromQuery(); render(); });

  fromQuery();
  render();
  layout();
})();
