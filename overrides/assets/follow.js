/* "Volg deze selectie" on the project catalogue and /marktconsultaties/: the feeds and calendar of the current
   filter, as catalogue.js announces it (without that script the box stays hidden).

   A filter on one value of a facet with feeds (or on one value of each facet of a declared pair) is a
   pre-built selection: its feeds and calendar are offered as they are. Several values of one facet are
   alternatives, so the OPML bundle of their feeds is exactly the selection; filters on facets without a common
   feed get the nearest feeds (a declared pair, else one facet), and the sentence first names every filter
   those feeds leave out. The OPML file is made here, as
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
      // A calendar's https address (next to its webcal link) is an agenda address, not a feed address.
      var label = /\.ics$/.test(a.pathname) ? texts.copyCalendar : texts.copy;
      button.textContent = label;
      button.setAttribute("aria-label", label + ": " + a.textContent);
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
    // Where the selection feeds live: feeds/thema/energie, or (data.prefix) feeds/marktconsultaties/thema/energie.
    return (data.prefix || "feeds/") + pairs.map(function (p) { return p[0] + "/" + p[1]; }).join("/");
  }

  // The pre-built selections (lists of [param, code]) whose union is the filter, or comes nearest to it: a
  // declared pair of facets when both are chosen, else the facet with the fewest values chosen. `dropped`
  // names the chosen facets the offered feeds do not honour (empty: the feeds are exactly the selection).
  function plan(chosen) {
    var params = Object.keys(chosen).filter(function (p) { return chosen[p].length; });
    var withFeeds = data.params.filter(function (p) { return params.indexOf(p) >= 0; });
    if (!params.length) return { all: true, dropped: [], selections: [] };
    var size = function (kept) { return kept.reduce(function (n, p) { return n * chosen[p].length; }, 1); };
    var pairs = data.pairs.filter(function (pr) {
      return withFeeds.indexOf(pr[0]) >= 0 && withFeeds.indexOf(pr[1]) >= 0;
    }).sort(function (a, b) { return size(a) - size(b); });
    var kept = pairs.length ? pairs[0] : withFeeds.length ? [withFeeds.slice().sort(function (a, b) {
      return chosen[a].length - chosen[b].length;
    })[0]] : [];
    var dropped = params.filter(function (p) { return kept.indexOf(p) < 0; });
    if (!kept.length) return { all: true, dropped: dropped, selections: [] };
    var selections = [[]];
    kept.forEach(function (param) {
      var longer = [];
      selections.forEach(function (pairs) {
        chosen[param].forEach(function (code) { longer.push(pairs.concat([[param, code]])); });
      });
      selections = longer;
    });
    return { dropped: dropped, selections: selections, params: kept };
  }

  // The facet's name as its legend shows it ("Soort organisatie").
  function facetName(param) {
    var input = form.querySelector("input[name='" + param + "']");
    return input ? input.closest("fieldset").querySelector("legend").textContent.trim() : param;
  }

  function opml(selections, criteria) {
    var doc = document.implementation.createDocument(null, "opml", null);
    var top = doc.documentElement;
    top.setAttribute("version", "2.0");
    var head = top.appendChild(doc.createElement("head"));
    head.appendChild(doc.createElement("title")).textContent = fill(box.dataset.opmlTitle, { criteria: criteria });
    var body = top.appendChild(doc.createElement("body"));
    selections.forEach(function (pairs) {
      var outline = body.appendChild(doc.createElement("outline"));
      // Titled as in the OPML of all feeds: "Thema: Energie" (a pair: "Thema: Energie + Soort organisatie: …").
      var text = pairs.map(function (p) { return facetName(p[0]) + ": " + label(p[0], p[1]); }).join(" + ");
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
      sentence = data.sentences.all;
    } else {
      // The sentence of the offered feeds' kind (their pages say the same), for the values chosen.
      var criteria = join(p.params.map(function (param) { return criterion(param, chosen[param]); }), "and");
      sentence = fill(data.sentences[p.params.length === 1 ? p.params[0] : "pair"], { criteria: criteria });
      if (!single) sentence = fill(box.dataset.union, { count: String(p.selections.length) }) + " " + sentence;
    }
    if (p.dropped.length) {
      // Never a broader feed passed off as the selection: say which filters the feed leaves out.
      var left = join(p.dropped.map(function (param) { return criterion(param, chosen[param]); }), "and");
      sentence = fill(box.dataset[p.dropped.length === 1 ? "droppedOne" : "droppedMany"], { criteria: left }) +
        " " + sentence;
    }
    if (hasWords) sentence += " " + box.dataset.words;
    box.querySelector(".kc-follow__what").textContent = sentence;
    box.querySelector(".kc-follow__feed").hidden = !single;
    el("page").textContent = p.dropped.length ? box.dataset.feedBroader : box.dataset.feedExact;
    // Without a filter: the page's own feed, or (data-hide-all, where the page offers it already) nothing.
    box.hidden = p.all && box.hasAttribute("data-hide-all");
    if (box.hasAttribute("data-hide-all")) {
      // With a filter, the page's box of everything ("kies een thema") would offer the wrong feed above the
      // selection's own box: it steps aside until the filter is cleared.
      Array.prototype.forEach.call(document.querySelectorAll("section.kc-follow"), function (other) {
        if (other !== box && !box.contains(other)) other.hidden = !p.all;
      });
    }
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
      opmlUrl = URL.createObjectURL(new Blob([opml(p.selections, criteria)], { type: "text/x-opml" }));
      el("opml").href = opmlUrl;
    }
  }

  el("copy").addEventListener("click", function () {
    copy(new URL(el("copy").dataset.feed, location.href).href, el("status"), box.dataset, el("copied"));
  });
  // The selection as catalogue.js applied it: announced after every change and back/forward step, and kept on
  // the form for a script that runs after its first announcement.
  function show(state) { update(state.chosen, state.words.length > 0); }
  form.addEventListener("kc-filter", function (e) { show(e.detail); });
  if (form.kcSelection) show(form.kcSelection);
})();
