/* Site search on Pagefind's chunked index (partials/search.html holds the markup, pages/search.py the data).
 *
 * Nothing is loaded until a reader focuses the search field; then Pagefind fetches only the index chunks and
 * page fragments a query needs. Entries come before static pages. A long word that no indexed page has is
 * replaced by the most frequent indexed word one letter away (wrong, missing, extra or swapped), from the word
 * lists of about that length and with that first letter (search/woorden/<length>-<letter>.txt). */
(function () {
  "use strict";

  var root = document.querySelector("[data-kc-search]");
  if (!root) return;

  var PAGE_SIZE = 10;
  var TYPO_MIN = 5;
  var PAGE_TYPE = "Pagina";
  // Dutch words that match half the site by prefix and say nothing about what a reader looks for.
  var STOP_WORDS = ("de het een en van in op te ten ter voor met aan bij of om is zijn was door tot over " +
    "uit naar als dat die dit wat hoe wie er ook niet je we ze u").split(" ");

  var input = root.querySelector(".kc-search__input");
  var form = root.querySelector(".kc-search__form");
  var toggle = root.querySelector(".kc-search__toggle");
  var closeButton = root.querySelector(".kc-search__close");
  var status = root.querySelector(".kc-search__status");
  var output = root.querySelector(".kc-search__output");
  var list = root.querySelector(".kc-search__results");
  var more = root.querySelector(".kc-search__more");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));

  // The template writes paths relative to the page; import() would resolve them against this script's URL.
  var bundle = new URL(root.dataset.pagefind, location.href).href;
  var wordsUrl = new URL(root.dataset.words, location.href).href;
  var sitePath = new URL(root.dataset.root, location.href).pathname;
  var pagefind = null;
  var wordLists = {};
  var current = { results: [], shown: 0 };
  var sequence = 0;
  var timer = null;

  root.classList.add("kc-search--js");
  toggle.hidden = false;
  closeButton.hidden = false;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: sitePath, excerptLength: 0 }).then(function () {
          return pf;
        });
      });
    }
    return pagefind;
  }

  function words(query) {
    return query.toLowerCase().split(/[\s,;:!?()"'“”‘’]+/).filter(Boolean);
  }

  function meaningful(query) {
    return words(query).filter(function (word) {
      return STOP_WORDS.indexOf(word) < 0;
    });
  }

  function filters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.dataset.filter] = select.value;
    });
    return chosen;
  }

  // Entries first, then static pages: two searches over the same (already loaded) index chunks.
  function searchAll(pf, query) {
    var chosen = filters();
    if (chosen.soort) return pf.search(query, { filters: chosen }).then(function (r) { return r.results; });
    var entries = Object.assign({}, chosen, { soort: { none: [PAGE_TYPE] } });
    var pages = Object.assign({}, chosen, { soort: PAGE_TYPE });
    return Promise.all([pf.search(query, { filters: entries }), pf.search(query, { filters: pages })]).then(
      function (found) {
        return found[0].results.concat(found[1].results);
      }
    );
  }

  // The names of the lists the build wrote (lijsten.json): a list that does not exist is never asked for.
  var listNames = null;
  function existingLists() {
    if (!listNames) {
      listNames = fetch(wordsUrl + "lijsten.json")
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return listNames;
  }

  function wordList(length, first) {
    var name = length + "-" + (first >= "a" && first <= "z" ? first : "_");
    if (!wordLists[name]) {
      wordLists[name] = existingLists().then(function (names) {
        if (names.indexOf(name) < 0) return [];
        return fetch(wordsUrl + name + ".txt")
          .then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (text) { return text.split("\n").filter(Boolean); })
          .catch(function () { return []; });
      });
    }
    return wordLists[name];
  }

  // One edit: a letter wrong, missing or extra, or two neighbours swapped.
  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function correction(query) {
    var terms = meaningful(query);
    var long = terms.filter(function (word) { return word.length >= TYPO_MIN; });
    if (!long.length) return Promise.resolve(null);
    return Promise.all(long.map(function (word) {
      var lengths = [word.length, word.length + 1, word.length - 1];
      return Promise.all(lengths.map(function (n) { return wordList(n, word[0]); })).then(function (lists) {
        if (lists.some(function (known) { return known.indexOf(word) >= 0; })) return word;
        for (var l = 0; l < lists.length; l++) {
          for (var k = 0; k < lists[l].length; k++) {
            if (oneEditApart(word, lists[l][k])) return lists[l][k];
          }
        }
        return word;
      });
    })).then(function (fixed) {
      var changed = false;
      var corrected = terms.map(function (word) {
        var at = long.indexOf(word);
        if (at >= 0 && fixed[at] !== word) {
          changed = true;
          return fixed[at];
        }
        return word;
      });
      return changed ? corrected.join(" ") : null;
    });
  }

  function quoted(text) {
    return "‘" + text + "’";
  }

  function count(n) {
    return n === 1 ? "1 resultaat" : n + " resultaten";
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "kc-search__result";
    var link = document.createElement("a");
    link.href = data.url;
    var type = document.createElement("span");
    type.className = "kc-search__type";
    type.textContent = data.meta.soort || PAGE_TYPE;
    var title = document.createElement("span");
    title.className = "kc-search__title";
    title.textContent = data.meta.title || data.url;
    link.appendChild(type);
    link.appendChild(title);
    if (data.meta.beschrijving) {
      var description = document.createElement("span");
      description.className = "kc-search__description";
      description.textContent = data.meta.beschrijving;
      link.appendChild(description);
    }
    item.appendChild(link);
    return item;
  }

  function showMore(mine) {
    var next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += next.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (data) {
      if (mine !== sequence) return;
      data.forEach(function (d) { list.appendChild(resultItem(d)); });
      more.hidden = current.shown >= current.results.length;
    });
  }

  function run() {
    var query = input.value.trim();
    var mine = ++sequence;
    if (!query) {
      root.classList.remove("kc-search--open");
      output.hidden = true;
      status.textContent = "";
      list.textContent = "";
      return Promise.resolve();
    }
    var terms = meaningful(query);
    if (!terms.length) {
      output.hidden = true;
      list.textContent = "";
      root.classList.add("kc-search--open");
      status.textContent = "Typ een woord dat zegt wat je zoekt.";
      return Promise.resolve();
    }
    var cleaned = terms.join(" ");
    // A long word that no indexed page has is a typo or an inflection: Pagefind would match it on a shorter
    // prefix only, so search with the closest indexed word instead.
    return Promise.all([load(), correction(cleaned)])
      .then(function (ready) {
        var corrected = ready[1];
        return searchAll(ready[0], corrected || cleaned).then(function (results) {
          return { results: results, corrected: corrected };
        });
      })
      .then(function (found) {
        if (mine !== sequence) return;
        current = { results: found.results, shown: 0 };
        list.textContent = "";
        output.hidden = false;
        root.classList.add("kc-search--open");
        if (!found.results.length) {
          more.hidden = true;
          status.textContent = "Geen resultaten voor " + quoted(query) + ". Probeer een ander woord of een ander filter.";
          return;
        }
        return showMore(mine).then(function () {
          if (mine !== sequence) return;
          status.textContent = count(found.results.length) + " voor " +
            (found.corrected ? quoted(found.corrected) + " (je typte " + quoted(query) + ")." : quoted(query) + ".");
        });
      })
      .catch(function () {
        if (mine !== sequence) return;
        root.classList.add("kc-search--open");
        status.textContent = "Zoeken lukt nu niet. Druk op Enter om in de projectencatalogus te zoeken.";
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function open() {
    root.classList.add("kc-search--active");
    toggle.setAttribute("aria-expanded", "true");
    input.focus();
    load();
  }

  function close(returnFocus) {
    root.classList.remove("kc-search--active", "kc-search--open");
    toggle.setAttribute("aria-expanded", "false");
    output.hidden = true;
    if (returnFocus) (toggle.offsetParent ? toggle : input).focus();
  }

  function editable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  input.addEventListener("focus", load);
  input.addEventListener("click", function () {
    // Back in the field after closing the results: show them again.
    if (input.value.trim() && list.children.length) {
      output.hidden = false;
      root.classList.add("kc-search--open");
    }
  });
  input.addEventListener("input", schedule);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var links = resultLinks();
      if (links.length) {
        event.preventDefault();
        links[0].focus();
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    }
  });
  form.addEventListener("submit", function (event) {
    // Enter opens the first result; without results (or without Pagefind) the form opens the catalogue.
    var links = resultLinks();
    if (links.length && !output.hidden) {
      event.preventDefault();
      location.href = links[0].href;
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at < links.length - 1) {
      event.preventDefault();
      links[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });
  more.addEventListener("click", function () {
    var first = current.shown;
    showMore(sequence).then(function () {
      var links = resultLinks();
      if (links[first]) links[first].focus();
    });
  });
  selects.forEach(function (select) {
    select.addEventListener("change", run);
  });
  toggle.addEventListener("click", function () {
    if (root.classList.contains("kc-search--active")) close(true);
    else open();
  });
  closeButton.addEventListener("click", function () {
    close(true);
  });
  root.addEventListener("focusout", function (event) {
    if (!root.contains(event.relatedTarget) && event.relatedTarget) close(false);
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) close(false);
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey &&
        !editable(event.target)) {
      event.preventDefault();
      open();
    }
  });
})();
