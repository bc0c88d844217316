/* Project catalogue filters. Without it the page lists every project; it reveals the hidden form, filters
   the cards by their data-* attributes and keeps the state in the URL query. No dependencies. */
(function () {
  "use strict";
  var form = document.getElementById("kc-filters");
  var list = document.querySelector(".kc-results .kc-cards");
  var status = document.getElementById("kc-count");
  if (!form || !list || !status) return;
  var cards = [].slice.call(list.children);
  var boxes = [].slice.call(form.querySelectorAll("input[type=checkbox]"));
  var query = form.elements.q;
  var sort = form.elements.sort;
  // Phone: results first, the form behind the "Filters (n)" button (absent in an override).
  var toggle = document.querySelector(".kc-filters-toggle");
  var narrow = matchMedia("(max-width: 59.99em)");
  function checked() { return boxes.filter(function (b) { return b.checked; }).length; }
  function showToggle() {
    var n = checked() + (query.value.trim() ? 1 : 0);
    if (toggle) toggle.textContent = toggle.dataset.label + (n ? " (" + n + ")" : "");
  }
  var done = form.querySelector(".kc-filters-done");
  var opened = false;
  function layout() {
    var phone = !!toggle && narrow.matches;
    if (toggle) toggle.hidden = !phone;
    if (done) done.hidden = !phone;
    form.hidden = phone && !opened;
  }
  function open(yes) {
    toggle.setAttribute("aria-expanded", opened = yes);
    layout();
  }
  if (toggle) {
    toggle.onclick = function () { open(!opened); };
    // "Toon n resultaten" closes it and goes to the results; Escape goes back to the button.
    if (done) done.onclick = function () { open(false); document.getElementById("kc-results").focus(); };
    form.onkeydown = function (e) { if (e.key === "Escape" && narrow.matches) { open(false); toggle.focus(); } };
  }
  narrow.onchange = layout;
  var byTitle = new Intl.Collator("nl", { sensitivity: "base", numeric: true, ignorePunctuation: true });
  // A count in the page's language, forms from the message catalog (data-one, data-other).
  var plurals = new Intl.PluralRules(document.documentElement.lang || "nl");
  function plural(el, n) {
    return (plurals.select(n) === "one" ? el.dataset.one : el.dataset.other).replace("%(num)d", String(n));
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
    // A value's count: the projects it would leave, given the other facets' filters.
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
    ordered.sort(sort.value === "titel"
      ? function (a, b) { return byTitle.compare(a.querySelector("a").textContent, b.querySelector("a").textContent); }
      : function (a, b) { var x = a.dataset.published, y = b.dataset.published; return (x < y) - (x > y) || cards.indexOf(a) - cards.indexOf(b); });
    ordered.forEach(function (card) { list.appendChild(card); });
    showToggle();
    var text = plural(status, shown);
    // None left: with a filter, clear one; with only a search word, try another.
    if (!shown) text += " " + status.dataset[checked() ? "none" : "noneWord"];
    if (done) done.textContent = plural(done, shown);
    if (status.textContent !== text) status.textContent = text;
  }
  // The query string: only what differs from the default view, in the form's field names.
  function toQuery() {
    var params = new URLSearchParams();
    boxes.forEach(function (box) { if (box.checked) params.append(box.name, box.value); });
    if (query.value.trim()) params.set("q", query.value.trim());
    if (sort.value !== "nieuw") params.set("sort", sort.value);
    var q = params.toString();
    return location.pathname + (q ? "?" + q : "") + location.hash;
  }
  function fromQuery() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) >= 0; });
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
  // Ticking a box or sorting is a step back can undo; typing replaces the current entry.
  form.onchange = function (e) { update(e.target !== query); };
  query.oninput = function () { update(false); };
  form.onsubmit = function (e) { e.preventDefault(); update(false); };
  form.onreset = function (e) {
    e.preventDefault();
    boxes.forEach(function (box) { box.checked = false; });
    query.value = "";
    sort.value = "nieuw";
    update(true);
  };
  window.onpopstate = function () { fromQuery(); render(); };
  fromQuery();
  render();
  layout();
})();
