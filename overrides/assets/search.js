/* Site search on Pagefind's chunked index (partials/search.html holds the markup, pages/search.py the data).
 *
 * Nothing is loaded until a reader focuses the search field; then Pagefind fetches only the index chunks and
 * page fragments a query needs. Entries come before static pages, and pages with the word itself before pages
 * with longer words that start with it.
 *
 * Each query word is first checked against the index. Pagefind, given a word that no indexed word starts with,
 * silently searches the longest indexed word the query starts with instead ("in" for "innovatiepartnerschap",
 * "af" for "afvalinzameling"); we look at the word the best result matched and treat such a word as unknown.
 * An unknown word that is not Dutch (search/woordenboek/, wordfreq's common words) is a typo: it is replaced by
 * the most frequent indexed word one letter away (wrong, missing, extra or swapped), from the word lists of
 * about that length and with that first letter (search/woorden/<length>-<letter>.txt). An unknown compound is
 * split into real words of five letters or more that the site has ("afval" + "inzameling"). A real Dutch word
 * that no page has is never replaced by another one: the reader reads that nothing was found. */
(function () {
  "use strict";

  var root = document.querySelector("[data-kc-search]");
  if (!root) return;

  var PAGE_SIZE = 10;
  var VERIFY_LIMIT = 40; // results checked before the first is shown (each check loads a small fragment)
  var TITLE_RANK = 2; // a static page with a query word in its title comes after this many entries
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
  var elsewhere = root.querySelector(".kc-search__elsewhere");
  var elsewhereLink = elsewhere.querySelector("a");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var clearFilters = root.querySelector(".kc-search__clear");

  // The template writes paths relative to the page; import() would resolve them against this script's URL.
  var bundle = new URL(root.dataset.pagefind, location.href).href;
  var wordsUrl = new URL(root.dataset.words, location.href).href;
  var dictionaryUrl = new URL(root.dataset.dictionary, location.href).href;
  var catalogueUrl = elsewhereLink.href;
  var sitePath = new URL(root.dataset.root, location.href).pathname;
  var pagefind = null;
  var wordLists = {};
  var listNames = {};
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

  // One search; for a single word, the pages with that very word (or an inflection) come before the pages
  // with longer words that start with it ("innovatie" before "innovatieve", "verlichting" before
  // "verlichtingspalen"): a quoted search finds the first kind only, and those need no check (see verified).
  function ranked(pf, query, chosen) {
    var single = query.indexOf(" ") < 0;
    return Promise.all([
      pf.search(query, { filters: chosen }),
      single ? pf.search("\"" + query + "\"", { filters: chosen }) : null
    ]).then(function (found) {
      var all = found[0].results;
      if (!found[1]) return all;
      var exact = {};
      found[1].results.forEach(function (r) { exact[r.id] = true; });
      all.forEach(function (r) { r.exact = !!exact[r.id]; });
      return all.filter(function (r) { return r.exact; }).concat(all.filter(function (r) { return !r.exact; }));
    });
  }

  // Entries first, then static pages: two searches over the same (already loaded) index chunks.
  function searchAll(pf, query) {
    var chosen = filters();
    if (chosen.soort) return ranked(pf, query, chosen).then(function (all) { return [all, []]; });
    var entries = Object.assign({}, chosen, { soort: { none: [PAGE_TYPE] } });
    var pages = Object.assign({}, chosen, { soort: PAGE_TYPE });
    return Promise.all([ranked(pf, query, entries), ranked(pf, query, pages)]);
  }

  // Only the results whose matched words stand for every searched word: Pagefind also matches other words
  // ("april" for "apps", a shorter word for one it does not have). Results with the exact word need no check;
  // of the others, the first VERIFY_LIMIT are checked. Also says, per searched word, whether a result had the
  // word itself (or an inflection), or only a word one letter away (counted, to name it).
  function verified(results, terms) {
    var toCheck = results.filter(function (r) { return !r.exact; }).slice(0, VERIFY_LIMIT);
    return Promise.all(toCheck.map(function (r) { return r.data(); })).then(function (data) {
      var rejected = {};
      var genuine = terms.map(function () { return false; });
      var typos = terms.map(function () { return {}; });
      if (results.some(function (r) { return r.exact; })) genuine = genuine.map(function () { return true; });
      data.forEach(function (d, i) {
        var v = verdict(d, terms);
        if (v.some(function (x) { return !x; })) {
          rejected[toCheck[i].id] = true;
          return;
        }
        toCheck[i].loaded = d;
        v.forEach(function (x, j) {
          if (x.genuine) genuine[j] = true;
          else typos[j][x.word] = (typos[j][x.word] || 0) + 1;
        });
      });
      var substitutes = terms.map(function (term, j) {
        if (genuine[j]) return null;
        var best = null;
        Object.keys(typos[j]).forEach(function (w) { if (!best || typos[j][w] > typos[j][best]) best = w; });
        return best;
      });
      return {
        results: results.filter(function (r) { return !rejected[r.id]; }),
        substitutes: substitutes
      };
    });
  }

  // A static page whose title has a query word ("Het PIO-traject" for "traject") comes among the first
  // results, after the best TITLE_RANK entries; other static pages after all entries.
  function merged(entries, pages, terms) {
    var checked = pages.slice(0, VERIFY_LIMIT);
    return Promise.all(checked.map(function (r) { return r.loaded || r.data(); })).then(function (data) {
      var titled = [];
      var rest = [];
      checked.forEach(function (r, i) {
        var title = String(data[i].meta.title || "").split(/[^\p{L}\p{N}]+/u);
        var hit = terms.some(function (term) {
          return title.some(function (w) { return correspondence(w, term) === "genuine"; });
        });
        (hit ? titled : rest).push(r);
      });
      rest = rest.concat(pages.slice(VERIFY_LIMIT));
      var at = Math.min(TITLE_RANK, entries.length);
      return entries.slice(0, at).concat(titled, entries.slice(at), rest);
    });
  }

  // The names of the lists the build wrote (lijsten.json): a list that does not exist is never asked for.
  function existingLists(folder) {
    if (!listNames[folder]) {
      listNames[folder] = fetch(folder + "lijsten.json")
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return listNames[folder];
  }

  // The words of one length and first letter: the site's indexed words (wordsUrl) or Dutch ones (dictionaryUrl).
  function wordList(folder, length, first) {
    var name = length + "-" + (first >= "a" && first <= "z" ? first : "_");
    var key = folder + name;
    if (!wordLists[key]) {
      wordLists[key] = existingLists(folder).then(function (names) {
        if (names.indexOf(name) < 0) return [];
        return fetch(folder + name + ".txt")
          .then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (text) { return text.split("\n").filter(Boolean); })
          .catch(function () { return []; });
      });
    }
    return wordLists[key];
  }

  function listed(folder, word) {
    if (word.length < TYPO_MIN) return Promise.resolve(false);
    return wordList(folder, word.length, word[0]).then(function (known) { return known.indexOf(word) >= 0; });
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

  // The most frequent indexed word one typo away from a word, or null.
  function correction(word) {
    var lengths = [word.length, word.length + 1, word.length - 1];
    return Promise.all(lengths.map(function (n) { return wordList(wordsUrl, n, word[0]); })).then(function (lists) {
      for (var l = 0; l < lists.length; l++) {
        for (var k = 0; k < lists[l].length; k++) {
          if (oneEditApart(word, lists[l][k])) return lists[l][k];
        }
      }
      return null;
    });
  }

  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\p{L}\p{N}]/gu, "");
  }

  function sharedStart(a, b) {
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  }

  // Does the word a result matched start like the query word? An inflection may end differently ("systemen",
  // "systeem"), so the last letters of a longer word may differ; the longest indexed word the query starts
  // with, Pagefind's stand-in for a word it does not have, agrees on far fewer letters.
  function startsLike(found, word) {
    var slack = word.length >= 8 ? 3 : word.length >= 6 ? 2 : word.length >= 4 ? 1 : 0;
    return sharedStart(plain(found), word) >= word.length - slack;
  }

  // A rough Dutch stem, the same for a word's inflections and derivations: "duurzaam", "duurzame" and
  // "duurzaamheid" are all "duurzam", "autosnelweg" and "autosnelwegen" "autosnelweg", "apps" "ap".
  function stem(word) {
    var w = plain(word);
    if (w.length > 7 && /heid$/.test(w)) w = w.slice(0, -4);
    if (w.length > 3 && /[^aeiouys]s$/.test(w)) w = w.slice(0, -1);
    if (w.length > 4 && /en$/.test(w)) w = w.slice(0, -2);
    else if (w.length > 3 && /e$/.test(w)) w = w.slice(0, -1);
    if (/([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
    w = w.replace(/([^aeiou])(aa|ee|oo|uu)([^aeiou])$/, function (all, before, vowels, after) {
      return before + vowels[0] + after;
    });
    return w;
  }

  // Does an indexed word a result matched really stand for a query word? "genuine" for the word itself, an
  // inflection or a longer word that starts with it; "typo" for a word one letter away (Pagefind's own typo
  // tolerance); false for anything else, such as "april" that Pagefind also matches for "apps".
  function correspondence(found, word) {
    var f = plain(found);
    var w = plain(word);
    if (!f || !w) return false;
    var s = stem(w);
    if (f.indexOf(w) === 0 || stem(f) === s || (s.length >= 4 && f.indexOf(s) === 0)) {
      return "genuine";
    }
    if (w.length >= TYPO_MIN && (oneEditApart(f, w) || oneEditApart(f.slice(0, w.length), w) ||
        oneEditApart(f.slice(0, w.length + 1), w) || oneEditApart(f.slice(0, w.length - 1), w))) {
      return "typo";
    }
    return false;
  }

  // The words a result matched: those at its match locations and those of its title.
  function matchedWords(data) {
    var text = data.content.split(/[\r\n\s]+/g);
    var matched = data.locations.map(function (at) { return text[at] || ""; });
    return matched.concat(String(data.meta.title || "").split(/[^\p{L}\p{N}]+/u));
  }

  // For each searched word, the indexed word of a result that stands for it (null when none does).
  function verdict(data, terms) {
    var matched = matchedWords(data);
    return terms.map(function (term) {
      var typo = null;
      for (var i = 0; i < matched.length; i++) {
        var kind = correspondence(matched[i], term);
        if (kind === "genuine") return { word: plain(matched[i]), genuine: true };
        if (kind === "typo" && !typo) typo = { word: plain(matched[i]), genuine: false };
      }
      return typo;
    });
  }

  // Is a query word in the index: does the best result match a word that starts like it?
  function indexed(pf, word) {
    return pf.search(word).then(function (found) {
      if (!found.results.length) return false;
      return found.results[0].data().then(function (data) {
        var text = data.content.split(/[\r\n\s]+/g);
        var matched = data.locations.map(function (at) { return text[at] || ""; });
        matched = matched.concat(String(data.meta.title || "").split(/\s+/));
        return matched.some(function (found) { return startsLike(found, plain(word)); });
      });
    });
  }

  // An unknown compound split into two words of five letters or more, both Dutch and at least one the site's:
  // the words to search instead ("innovatie partnerschap"; "afval" when no page has "inzameling"), or null.
  function compoundParts(word) {
    var splits = [];
    for (var i = TYPO_MIN; i <= word.length - TYPO_MIN; i++) {
      var head = word.slice(0, i);
      var heads = [head];
      ["en", "s", "e"].forEach(function (link) {
        var stem = head.slice(0, head.length - link.length);
        if (head.slice(-link.length) === link && stem.length >= TYPO_MIN) heads.push(stem);
      });
      splits.push({ heads: heads, tail: word.slice(i) });
    }
    return Promise.all(splits.map(function (split) {
      var checks = [listed(wordsUrl, split.tail), listed(dictionaryUrl, split.tail)];
      split.heads.forEach(function (head) {
        checks.push(listed(wordsUrl, head), listed(dictionaryUrl, head));
      });
      return Promise.all(checks).then(function (found) {
        var tailKnown = found[0];
        var tailDutch = found[0] || found[1];
        for (var h = 0; h < split.heads.length; h++) {
          var headKnown = found[2 + 2 * h];
          var headDutch = headKnown || found[3 + 2 * h];
          if (!headDutch || !tailDutch || !(headKnown || tailKnown)) continue;
          var parts = [];
          if (headKnown) parts.push(split.heads[h]);
          if (tailKnown) parts.push(split.tail);
          return parts;
        }
        return null;
      });
    })).then(function (candidates) {
      var best = null;
      candidates.forEach(function (parts) {
        if (!parts) return;
        var size = parts.length * 100 + parts.join("").length;
        if (!best || size > best.size) best = { parts: parts, size: size };
      });
      return best ? best.parts : null;
    });
  }

  // An indexed word with the same stem as a word no page has, from the word lists of about its length:
  // "duurzame" for "duurzaam" or "duurzaamheid", "autosnelwegen" for "autosnelweg". Null when there is none.
  function relatedForm(word) {
    if (word.length < TYPO_MIN) return Promise.resolve(null);
    var s = stem(word);
    var lengths = [];
    for (var d = 0; d <= 5; d++) {
      [word.length + d, word.length - d].forEach(function (n) {
        if (n >= TYPO_MIN && lengths.indexOf(n) < 0) lengths.push(n);
      });
    }
    return Promise.all(lengths.map(function (n) { return wordList(wordsUrl, n, word[0]); })).then(function (lists) {
      for (var l = 0; l < lists.length; l++) {
        for (var k = 0; k < lists[l].length; k++) {
          if (lists[l][k] !== word && stem(lists[l][k]) === s) return lists[l][k];
        }
      }
      return null;
    });
  }

  // What to search for one query word: itself, a related form, its correction, its parts, or nothing (null).
  function resolve(pf, word) {
    return listed(wordsUrl, word).then(function (known) {
      return known || indexed(pf, word);
    }).then(function (known) {
      if (known) return { search: word };
      return relatedForm(word);
    }).then(function (found) {
      if (!found || typeof found !== "string") return found;
      return { search: found, corrected: true };
    }).then(function (found) {
      if (found) return found;
      return listed(dictionaryUrl, word).then(function (dutch) {
        var fixing = dutch || word.length < TYPO_MIN ? Promise.resolve(null) : correction(word);
        return fixing.then(function (fixed) {
          if (fixed) return { search: fixed, corrected: true };
          return compoundParts(word).then(function (parts) {
            return parts ? { search: parts.join(" "), split: true } : { search: null };
          });
        });
      });
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
    title.textContent = data.meta.titel || data.meta.title || data.url;
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
    return Promise.all(next.map(function (result) { return result.loaded || result.data(); })).then(function (data) {
      if (mine !== sequence) return;
      data.forEach(function (d) { list.appendChild(resultItem(d)); });
      more.hidden = current.shown >= current.results.length;
    });
  }

  // The filters that are set, as the status says them: " (gefilterd op Thema: Wonen)", or "".
  function filterNote() {
    var set = selects.filter(function (select) { return select.value; }).map(function (select) {
      return select.labels[0].textContent + ": " + select.value;
    });
    return set.length ? " (gefilterd op " + set.join(", ") + ")" : "";
  }

  function updateClear() {
    clearFilters.hidden = !selects.some(function (select) { return select.value; });
  }

  function showNothing(query) {
    current = { results: [], shown: 0 };
    list.textContent = "";
    more.hidden = true;
    var filtered = selects.some(function (select) { return select.value; });
    // The filters stay visible (and can be cleared) when they are what leaves nothing.
    output.hidden = !filtered;
    root.classList.add("kc-search--open");
    status.textContent = "Geen resultaten voor " + quoted(query) + filterNote() + ". " +
      (filtered ? "Probeer een ander woord of wis de filters." : "Probeer een ander woord.");
    elsewhereLink.href = catalogueUrl + "?q=" + encodeURIComponent(query);
    elsewhere.hidden = false;
    updateClear();
  }

  function run() {
    var query = input.value.trim();
    var mine = ++sequence;
    elsewhere.hidden = true;
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
    var typed = terms.join(" ");
    return load()
      .then(function (pf) {
        return Promise.all(terms.map(function (word) { return resolve(pf, word); })).then(function (resolved) {
          // A word no page has is left out, as long as another word is left to search for.
          var known = resolved.filter(function (r) { return r.search !== null; });
          if (!known.length) return null;
          var dropped = terms.filter(function (word, i) { return resolved[i].search === null; });
          var searchedTerms = words(known.map(function (r) { return r.search; }).join(" "));
          var searched = searchedTerms.join(" ");
          return searchAll(pf, searched).then(function (found) {
            return Promise.all([verified(found[0], searchedTerms), verified(found[1], searchedTerms)]);
          }).then(function (checked) {
            return merged(checked[0].results, checked[1].results, searchedTerms).then(function (results) {
              var substitutes = checked[0].substitutes.map(function (s, i) {
                return checked[0].results.length ? s : checked[1].substitutes[i];
              });
              var shown = searchedTerms.map(function (term, i) { return substitutes[i] || term; }).join(" ");
              return {
                results: results,
                searched: shown,
                dropped: dropped,
                split: known.some(function (r) { return r.split; }),
                corrected: shown !== searched || known.some(function (r) { return r.corrected; })
              };
            });
          });
        });
      })
      .then(function (found) {
        if (mine !== sequence) return;
        if (!found || !found.results.length) {
          showNothing(query);
          return;
        }
        current = { results: found.results, shown: 0 };
        list.textContent = "";
        output.hidden = false;
        root.classList.add("kc-search--open");
        return showMore(mine).then(function () {
          if (mine !== sequence) return;
          var n = count(found.results.length);
          var text;
          var known = terms.filter(function (word) { return found.dropped.indexOf(word) < 0; }).join(" ");
          if (found.split) {
            text = "Geen resultaten voor " + quoted(typed) + "; wel " + n + " voor " + quoted(found.searched);
          } else if (found.corrected) {
            text = n + " voor " + quoted(found.searched) + " in plaats van " + quoted(known);
          } else {
            text = n + " voor " + quoted(found.dropped.length ? known : query);
          }
          if (found.dropped.length) {
            text += " (" + found.dropped.map(quoted).join(" en ") + (found.dropped.length === 1 ? " komt" : " komen") +
              " niet voor)";
          }
          status.textContent = text + filterNote() + ".";
          updateClear();
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
    }
  });
  // Escape closes the search from any of its controls (field, filters, results, "Meer resultaten"), as in
  // Material, and puts the focus back where the reader opened it.
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
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
  clearFilters.addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    run().then(function () { input.focus(); });
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
