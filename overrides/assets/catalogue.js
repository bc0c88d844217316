/* Card filters (the project catalogue, the market consultations by theme). Without it the page lists every
   card; it reveals the hidden form (data-filter-cards: the card lists; data-filter-facets: the checkbox names,
   which the cards carry as data-*), filters the cards, keeps the state in the URL query and restores it on
   back/forward. After each change the form has `kcSelection` ({chosen, words}) and fires "kc-filter" with
   it, for follow.js. No dependencies. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter-cards]");
  if (!form) return;
  var lists = [].slice.call(document.querySelectorAll(form.dataset.filterCards));
  var own = lists.map(function (list) { return [].slice.call(list.children); });
  var cards = [].concat.apply([], own);
  var facets = (form.dataset.filterFacets || "").split(" ");
  var boxes = [].slice.call(form.querySelectorAll("input[type=checkbox]")).filter(function (b) {
    return facets.indexOf(b.name) >= 0;
  });
  // Optional parts: free text, sort, the live count, a note under a list left empty.
  var query = form.elements.q;
  var sort = form.elements.sort;
  var status = document.getElementById(form.dataset.filterCount);
  var none = form.dataset.filterNone;
  // Phone: results first, the form behind the "Filters (n)" button (absent in an override).
  var toggle = document.querySelector(".kc-filters-toggle[aria-controls='" + form.id + "']");
  var narrow = matchMedia("(max-width: 59.99em)");
  function checked() { return boxes.filter(function (b) { return b.checked; }).length; }
  function typed() { return query ? query.value.trim() : ""; }
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
    var words = fold(typed()).split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, chosen, words, null);
      if (!card.hidden) shown++;
    });
    // A value's count: the cards it would leave, given the other facets' filters.
    boxes.forEach(function (box) {
      var n = cards.filter(function (card) {
        return (card.dataset[box.name] || "").split(" ").indexOf(box.value) >= 0 &&
          matches(card, chosen, words, box.name);
      }).length;
      var label = box.parentNode.querySelector(".kc-count");
      if (label) label.textContent = "(" + n + ")";
      box.parentNode.classList.toggle("kc-zero", n === 0);
    });
    lists.forEach(function (list, i) {
      if (sort) {
        own[i].slice().sort(sort.value === "titel"
          ? function (a, b) { return byTitle.compare(a.querySelector("a").textContent, b.querySelector("a").textContent); }
          : function (a, b) { var x = a.dataset.published, y = b.dataset.published; return (x < y) - (x > y) || own[i].indexOf(a) - own[i].indexOf(b); }
        ).forEach(function (card) { list.appendChild(card); });
      }
      // A list left without a card says so, instead of an empty heading ("Afgelopen" and nothing under it).
      if (!none) return;
      var note = list.nextElementSibling;
      if (!note || !note.classList.contains("kc-cards-none")) {
        note = list.insertAdjacentElement("afterend", document.createElement("p"));
        note.className = "kc-cards-none";
        note.textContent = none;
      }
      note.hidden = own[i].some(function (card) { return !card.hidden; });
    });
    var set = checked() + (typed() ? 1 : 0);
    if (toggle) toggle.textContent = toggle.dataset.label + (set ? " (" + set + ")" : "");
    if (done) done.textContent = plural(done, shown);
    if (status) {
      var text = plural(status, shown);
      // None left: with a filter, clear one; with only a search word, try another.
      if (!shown) text += " " + status.dataset[checked() ? "none" : "noneWord"];
      if (status.textContent !== text) status.textContent = text;
    }
    form.kcSelection = { chosen: chosen, words: words };
    form.dispatchEvent(new CustomEvent("kc-filter", { detail: form.kcSelection }));
  }
  // The query string: only what differs from the default view, in the form's field names.
  function toQuery() {
    var params = new URLSearchParams();
    boxes.forEach(function (box) { if (box.checked) params.append(box.name, box.value); });
    if (typed()) params.set("q", typed());
    if (sort && sort.value !== "nieuw") params.set("sort", sort.value);
    var q = params.toString();
    return location.pathname + (q ? "?" + q : "") + location.hash;
  }
  function fromQuery() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) >= 0; });
    if (query) query.value = params.get("q") || "";
    if (sort) sort.value = params.get("sort") === "titel" ? "titel" : "nieuw";
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
  if (query) query.oninput = function () { update(false); };
  form.onsubmit = function (e) { e.preventDefault(); update(false); };
  form.onreset = function (e) {
    e.preventDefault();
    boxes.forEach(function (box) { box.checked = false; });
    if (query) query.value = "";
    if (sort) sort.value = "nieuw";
    update(true);
  };
  window.addEventListener("popstate", function () { fromQuery(); render(); });
  fromQuery();
  render();
  layout();
})();
