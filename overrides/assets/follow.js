/* "Volg deze selectie" on the project catalogue: the feeds and calendar of the current filter, read from the
   filter form catalogue.js shows (without it the box stays hidden).

   A filter on one value of a facet with feeds (or on one value of each facet of a declared pair) is a
   pre-built selection: its feeds and calendar are offered as they are. Several values of one facet are
   alternatives, so the OPML bundle of their feeds is exactly the selection; filters on facets without a common
   feed get the feeds of one facet, and the sentence says that this is broader. The OPML file is made here, as
   a download, with the DOM's XML serializer (so every title and address is escaped). No dependencies. */
(function () {
  "use strict";
  // On every page: calendar links (class kc-webcal) become webcal:// so a calendar app subscribes instead of
  // importing once, and a feed link of class kc-copyable gets a copy button that says "Gekopieerd" in its
  // section's live region. Texts come from the plugin's catalog (#kc-ui, printed by overrides/main.html).
  var ui = document.getElementById("kc-ui");
  var texts = ui ? JSON.parse(ui.textContent) : null;
  Array.prototype.forEach.call(document.querySelectorAll("a.kc-webcal"), function (a) {
    a.href = a.href.replace(/^https?:/, "webcal:");
  });
  if (texts) {
    Array.prototype.forEach.call(document.querySelectorAll("a.kc-copyable"), function (a) {
      var section = a.closest("section");
      var said = section && section.querySelector("[role=status]");
      if (!said) {
        said = a.parentNode.appendChild(document.createElement("span"));
        said.className = "kc-visually-hidden";
        said.setAttribute("role", "status");
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button kc-copy";
      button.textContent = texts.copy;
      button.setAttribute("aria-label", texts.copy + ": " + a.textContent);
      // A link to a feed's own page (feeds/…/, next to the files) copies the feed's RSS address.
      var target = /\/$/.test(a.pathname) ? new URL(a.pathname.replace(/\/$/, ".xml"), a.href).href : a.href;
      var shown = visible();
      button.addEventListener("click", function () { copy(target, said, texts, shown); });
      a.insertAdjacentElement("afterend", shown);
      a.insertAdjacentText("afterend", " ");
      a.insertAdjacentElement("afterend", button);
      a.insertAdjacentText("afterend", " ");
    });
  }

  // "Gekopieerd" next to the button, for every reader (the live region says it to screen readers).
  function visible() {
    var span = document.createElement("span");
    span.className = "kc-copied";
    span.setAttribute("aria-hidden", "true");
    return span;
  }

  function copy(text, said, messages, shown) {
    var done = function (ok) {
      said.textContent = "";
      if (shown) shown.textContent = "";
      // A fresh text each time, so a screen reader announces a second copy too.
      window.setTimeout(function () {
        said.textContent = ok ? messages.copied : messages.copyFailed;
        if (shown) shown.textContent = ok ? messages.copied : messages.copyFailed;
      }, 50);
    };
    if (!navigator.clipboard) return done(false);
    navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
  }

  var box = document.getElementById("kc-follow");
  var form = document.getElementById("kc-filters");
  if (!box || !form) return;

  var data = JSON.parse(box.dataset.feeds);
  var root = new URL(data.root.replace(/\/?$/, "/"), location.href);
  var opmlUrl = null;

  function el(kind) { return box.querySelector("[data-kind=" + kind + "]"); }
  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }
  function join(parts, how) {
    return parts.reduce(function (first, second) { return fill(box.dataset[how], { first: first, second: second }); });
  }
  function legend(param) {
    var input = form.querySelector("input[name='" + param + "']");
    return input ? input.closest("fieldset").querySelector("legend").textContent.trim().toLowerCase() : param;
  }
  function label(param, code) {
    var input = form.querySelector("input[name='" + param + "'][value='" + CSS.escape(code) + "']");
    var text = input ? input.parentNode.textContent : code;
    return text.replace(/\(\d+\)\s*$/, "").trim();
  }
  function criterion(param, codes) {
    return join(codes.map(function (code) {
      return fill(box.dataset.criterion, { facet: legend(param), value: label(param, code) });
    }), "or");
  }
  function feedUrl(path, ext) { return new URL(path + "." + ext, root).href; }
  function selectionPath(pairs) {
    return "feeds/" + pairs.map(function (p) { return p[0] + "/" + p[1]; }).join("/");
  }

  // The pre-built selections (lists of [param, code]) whose union is the filter, and whether that is exact.
  function plan(chosen) {
    var params = Object.keys(chosen).filter(function (p) { return chosen[p].length; });
    var withFeeds = params.filter(function (p) { return data.params.indexOf(p) >= 0; });
    if (!params.length) return { all: true, exact: true, selections: [] };
    var pair = data.pairs.filter(function (pr) {
      return params.length === 2 && params.indexOf(pr[0]) >= 0 && params.indexOf(pr[1]) >= 0;
    })[0];
    if (pair) {
      var combos = [];
      chosen[pair[0]].forEach(function (a) {
        chosen[pair[1]].forEach(function (b) { combos.push([[pair[0], a], [pair[1], b]]); });
      });
      return { exact: true, selections: combos, params: pair };
    }
    if (params.length === 1 && withFeeds.length === 1) {
      return { exact: true, selections: chosen[params[0]].map(function (c) { return [[params[0], c]]; }), params: params };
    }
    // No feed for this combination: the feeds of the facet with the fewest values chosen, a broader selection.
    var broad = withFeeds.sort(function (a, b) { return chosen[a].length - chosen[b].length; })[0];
    if (!broad) return { all: true, exact: false, selections: [] };
    return { exact: false, selections: chosen[broad].map(function (c) { return [[broad, c]]; }), params: [broad] };
  }

  function opml(selections) {
    var doc = document.implementation.createDocument(null, "opml", null);
    var top = doc.documentElement;
    top.setAttribute("version", "2.0");
    var head = top.appendChild(doc.createElement("head"));
    head.appendChild(doc.createElement("title")).textContent = document.title;
    var body = top.appendChild(doc.createElement("body"));
    selections.forEach(function (pairs) {
      var outline = body.appendChild(doc.createElement("outline"));
      var text = pairs.map(function (p) { return label(p[0], p[1]); }).join(" + ");
      outline.setAttribute("type", "rss");
      outline.setAttribute("text", text);
      outline.setAttribute("title", text);
      outline.setAttribute("xmlUrl", feedUrl(selectionPath(pairs), data.ext.feed));
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
  }

  function update(chosen, hasWords) {
    var p = plan(chosen);
    var single = p.all ? data.all : p.selections.length === 1 ? selectionPath(p.selections[0]) : null;
    var sentence;
    if (p.all) {
      sentence = box.dataset.all;
    } else {
      var criteria = join(p.params.map(function (param) { return criterion(param, chosen[param]); }), "and");
      sentence = fill(box.dataset[single ? "exact" : p.exact ? "union" : "broader"], {
        criteria: criteria, count: String(p.selections.length)
      });
    }
    if (hasWords) sentence += " " + box.dataset.words;
    box.querySelector(".kc-follow__what").textContent = sentence;
    box.querySelector(".kc-follow__feed").hidden = !single;
    // Without a filter: the page's own feed, or (data-hide-all, where the page offers it already) nothing.
    box.hidden = p.all && box.hasAttribute("data-hide-all");
    box.querySelector(".kc-follow__calendar").hidden = !single || (p.all && !data.allCalendar);
    box.querySelector(".kc-follow__calendars").hidden = !!single;
    box.querySelector(".kc-follow__opml").hidden = !!single;
    if (single) {
      // The feed's own page lists its files; the button copies the RSS address.
      el("page").href = new URL(single + "/", root).href;
      el("copy").dataset.feed = feedUrl(single, data.ext.feed);
      el("calendar").href = feedUrl(single, data.ext.calendar).replace(/^https?:/, "webcal:");
    } else {
      // A calendar app subscribes to one calendar at a time: one webcal link per pre-built selection.
      var list = el("calendars");
      list.textContent = "";
      p.selections.forEach(function (pairs) {
        var link = list.appendChild(document.createElement("li")).appendChild(document.createElement("a"));
        link.href = feedUrl(selectionPath(pairs), data.ext.calendar).replace(/^https?:/, "webcal:");
        link.textContent = fill(box.dataset.calendar, {
          name: pairs.map(function (pr) { return label(pr[0], pr[1]); }).join(" + ")
        });
      });
      if (opmlUrl) URL.revokeObjectURL(opmlUrl);
      opmlUrl = URL.createObjectURL(new Blob([opml(p.selections)], { type: "text/x-opml" }));
      el("opml").href = opmlUrl;
    }
  }

  el("copy").addEventListener("click", function () {
    copy(new URL(el("copy").dataset.feed, location.href).href, el("status"), box.dataset, el("copied"));
  });
  // The filter as catalogue.js left it (its listeners run first: it was loaded first).
  function chosenNow() {
    var chosen = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]:checked"), function (input) {
      (chosen[input.name] = chosen[input.name] || []).push(input.value);
    });
    return chosen;
  }
  function current() {
    var chosen = chosenNow();
    if (facet) filterCards(chosen);
    update(chosen, !!(form.elements.q && form.elements.q.value.trim()));
  }
  // /marktconsultaties/ (form data-cards): this script filters its cards and keeps the choice in the URL, as
  // catalogue.js does for the projects.
  var facet = form.dataset.cards;
  var cards = facet ? [].slice.call(document.querySelectorAll(".kc-cards > .kc-card")) : [];
  function filterCards(chosen) {
    var codes = chosen[facet] || [];
    cards.forEach(function (card) {
      var values = (card.dataset[facet] || "").split(" ");
      card.hidden = codes.length > 0 && !codes.some(function (c) { return values.indexOf(c) >= 0; });
    });
  }
  function fromQuery() {
    var params = new URLSearchParams(location.search);
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (input) {
      input.checked = params.getAll(input.name).indexOf(input.value) >= 0;
    });
  }
  function toQuery(chosen) {
    var params = new URLSearchParams();
    (chosen[facet] || []).forEach(function (code) { params.append(facet, code); });
    var q = params.toString();
    return location.pathname + (q ? "?" + q : "") + location.hash;
  }
  if (facet) {
    fromQuery();
    form.hidden = false;
    form.addEventListener("change", function () {
      var url = toQuery(chosenNow());
      if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    });
    window.addEventListener("popstate", function () { fromQuery(); current(); });
  }
  ["change", "input", "reset"].forEach(function (type) { form.addEventListener(type, current); });
  window.addEventListener("popstate", current);
  current();
})();
