// Search as you type, on the search page and from the search box in the
// header of every page, and the filters of the search page and the services index.
// Plain JavaScript, no framework. Nothing is downloaded until the reader starts
// to search: then the document table, and one shard per first letter of each
// word typed (see README.md, "Search"). The build has already reduced words to
// their stems and expanded the glossary's abbreviations; this file looks words
// up, allows for one wrong letter, ranks, filters and highlights.
(function () {
  "use strict";
  var FILTERS = ["area", "age", "level", "category", "self", "free"];
  var MAX_RESULTS = 50;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  }

  // The filters' state, from the form or the address bar.
  function readFilters(form) {
    var f = {};
    FILTERS.forEach(function (name) {
      var el = form.elements[name];
      if (!el) return;
      var v = el.type === "checkbox" ? (el.checked ? "1" : "") : el.value.trim();
      if (name === "age" && !/^\d{1,2}$/.test(v)) v = "";
      if (v) f[name] = v;
    });
    return f;
  }
  function writeForm(form, params) {
    FILTERS.concat("q").forEach(function (name) {
      var el = form.elements[name];
      if (!el) return;
      var v = params.get(name) || "";
      if (el.type === "checkbox") el.checked = v === "1";
      else el.value = v;
    });
  }
  // Facets: {l: area ids (none: all areas), a: [min, max], n: levels,
  // c: topics, r: 1 if you can refer yourself or drop in, f: 1 if free}.
  function passes(facets, f) {
    if (!facets) return false;
    var age = +f.age, a = facets.a || [];
    return !(
      (f.area && facets.l && facets.l.indexOf(f.area) < 0) ||
      (f.age && ((a[0] != null && age < a[0]) || (a[1] != null && age > a[1]))) ||
      (f.level && facets.n.indexOf(+f.level) < 0) ||
      (f.category && facets.c.indexOf(f.category) < 0) ||
      (f.self && !facets.r) ||
      (f.free && !facets.f)
    );
  }
  function filtered(f) {
    return Object.keys(f).length > 0;
  }

  // The address holds the state, so that results can be shared and Back works.
  function remember(q, f, push) {
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    FILTERS.forEach(function (name) {
      if (f[name]) params.set(name, f[name]);
    });
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function reveal(form, params) {
    var details = form.querySelector("[data-filters]");
    if (!details) return;
    details.hidden = false;
    if (FILTERS.some(function (n) { return params.has(n); })) details.open = true;
    var clear = details.querySelector("[data-clear]");
    clear.addEventListener("click", function () {
      FILTERS.forEach(function (name) {
        var el = form.elements[name];
        if (el.type === "checkbox") el.checked = false;
        else el.value = "";
      });
      form.dispatchEvent(new Event("input"));
    });
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // The services index: filters hide the cards that do not match.
  function filterList(form) {
    var cards = [].slice.call(document.querySelectorAll("li[data-facets]"));
    var status = document.getElementById("filter-status");
    var facets = cards.map(function (li) {
      return JSON.parse(li.getAttribute("data-facets"));
    });
    function apply(push) {
      var f = readFilters(form), shown = 0;
      cards.forEach(function (li, i) {
        li.hidden = filtered(f) && !passes(facets[i], f);
        if (!li.hidden) shown++;
      });
      status.textContent = filtered(f)
        ? "Showing " + shown + " of " + plural(cards.length, "service", "services") + "."
        : "";
      remember("", f, push);
    }
    form.addEventListener("input", function (e) {
      apply(e.target.name !== "age");
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      apply(true);
    });
    window.addEventListener("popstate", function () {
      writeForm(form, new URLSearchParams(location.search));
      apply(false);
    });
    var params = new URLSearchParams(location.search);
    reveal(form, params);
    writeForm(form, params);
    apply(false);
  }

  // Whether two words are at most one letter apart (a letter wrong, missing,
  // extra, or two letters swapped).
  function near(a, b) {
    var la = a.length, lb = b.length, i = 0;
    if (Math.abs(la - lb) > 1) return false;
    while (i < la && a[i] === b[i]) i++;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // Whether `word` is a form of `stem`: the stem and up to four more letters.
  function grows(word, stem) {
    return stem.length > 2 && word.length - stem.length < 5 && word.lastIndexOf(stem, 0) === 0;
  }

  // The shard entries a query word finds: [entry, how well it matches].
  // An entry is [stem, forms that do not start with it, postings]; words that
  // start with the stem ("parents", "parenting") are its forms too.
  function lookup(entries, w, typing) {
    var hits = [], exact = false;
    entries.forEach(function (e) {
      var stem = e[0];
      var best = w === stem ? 1 : grows(w, stem) ? 0.9 : typing && w.length > 1 && stem.lastIndexOf(w, 0) === 0 ? 0.8 : 0;
      e[1].forEach(function (form) {
        var s = form === w ? 1 : typing && w.length > 1 && form.lastIndexOf(w, 0) === 0 ? 0.8 : 0;
        if (s > best) best = s;
      });
      if (best > 0.8) exact = true;
      if (best) hits.push([e, best]);
    });
    // One letter wrong, missing, extra or swapped, in the stem or a form.
    if (!exact && w.length > 3) {
      entries.forEach(function (e) {
        var stem = e[0], n = stem.length;
        if (e[1].some(function (form) { return near(w, form); }) ||
            (n > 3 && [n - 1, n, n + 1].some(function (k) { return near(w.slice(0, k), stem); }))) {
          hits.push([e, 0.6]);
        }
      });
    }
    return hits;
  }

  // The search engine over one index: fetches the document table on first
  // use and each shard when a word needs it. Returns query(q, filters) ->
  // Promise of {t: the table, ids: ranked documents, marks: what matched}.
  function engine(indexUrl) {
    var table = null, shards = {};
    // The table is always at the same address: the browser asks the server
    // whether it changed. The shards' names change with their bytes.
    function load(url, fresh) {
      return fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    function shard(t, key) {
      if (!t.shards[key]) return Promise.resolve([]);
      return shards[key] || (shards[key] = load(new URL(t.shards[key], indexUrl)));
    }
    // The entries to look a word up in: its first letter's shard. A word that
    // finds nothing there may have its first letter wrong: then, and only
    // then, every shard is fetched.
    function entriesFor(t, w, typing) {
      return shard(t, /[a-z0-9]/.test(w[0]) ? w[0] : "_").then(function (entries) {
        if (w.length < 4 || lookup(entries, w, typing).length) return entries;
        return Promise.all(Object.keys(t.shards).map(function (k) { return shard(t, k); })).then(function (all) {
          return [].concat.apply([], all);
        });
      });
    }
    return function (q, f) {
      return (table || (table = load(indexUrl, true))).then(function (t) {
        var content = words(q).filter(function (w) { return t.stop.indexOf(w) < 0; });
        var typing = !/\s$/.test(q);
        return Promise.all(content.map(function (w, i) {
          return entriesFor(t, w, typing && i === content.length - 1);
        })).then(function (found) {
          if (content.length) return rank(t, content, typing, f, found);
          // Filters alone list the services that pass them, A to Z.
          var ids = words(q).length || !filtered(f) ? [] : t.docs.map(function (_, d) { return d; }).filter(function (d) {
            return passes(t.docs[d][4], f);
          });
          return { t: t, ids: ids, marks: { stems: [], forms: new Set() } };
        });
      }).catch(function (e) {
        table = null;
        throw e;
      });
    };
  }

  function rank(t, content, typing, f, found) {
    var n = t.docs.length, scores = {}, marks = { stems: [], forms: new Set() }, total = 0;
    content.forEach(function (w, i) {
      var best = {}, weight = 0;
      lookup(found[i], w, typing && i === content.length - 1).forEach(function (hit) {
        var e = hit[0], p = e[2], idf = Math.log(1 + n / (p.length / 2));
        weight = Math.max(weight, idf);
        marks.stems.push(e[0]);
        e[1].forEach(function (form) { marks.forms.add(form); });
        for (var k = 0, d = 0; k < p.length; k += 2) {
          d += p[k];
          var s = p[k + 1] * hit[1] * idf;
          if (!(best[d] >= s)) best[d] = s;
        }
      });
      total += weight;
      Object.keys(best).forEach(function (d) {
        var r = scores[d] || (scores[d] = { s: 0, c: 0 });
        r.s += best[d];
        r.c += weight;
      });
    });
    var ids = Object.keys(scores).map(Number).filter(function (d) {
      return !filtered(f) || passes(t.docs[d][4], f);
    });
    // A page must have most of what the query asks, counting rare words
    // more than common ones ("teenager" more than "help"), and ranks lower
    // for each word it lacks.
    var most = ids.reduce(function (m, d) { return Math.max(m, scores[d].c); }, 0);
    ids = ids.filter(function (d) { return scores[d].c >= 0.6 * most; });
    ids.forEach(function (d) { scores[d].s *= scores[d].c / total; });
    ids.sort(function (a, b) { return scores[b].s - scores[a].s || a - b; });
    return { t: t, ids: ids, marks: marks };
  }

  function marked(word, marks) {
    word = fold(word);
    return marks.forms.has(word) || marks.stems.some(function (stem) { return word === stem || grows(word, stem); });
  }

  function highlight(text, marks) {
    var frag = document.createDocumentFragment();
    text.split(/([A-Za-z0-9\u00c0-\u024f]+)/).forEach(function (part, i) {
      if (i % 2 && marked(part, marks)) {
        var m = document.createElement("mark");
        m.textContent = part;
        frag.appendChild(m);
      } else if (part) {
        frag.appendChild(document.createTextNode(part));
      }
    });
    return frag;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function what(q) {
    return q.trim() ? " for \u201c" + q.trim() + "\u201d" : "";
  }

  // The search page: results as you type, with filters.
  function searchPage(form) {
    var input = form.elements.q;
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var query = engine(new URL(form.getAttribute("data-search"), location.href));
    var base = form.getAttribute("data-base");
    var latest = 0;

    function show(r, q, f) {
      var t = r.t, ids = r.ids;
      list.textContent = "";
      ids.slice(0, MAX_RESULTS).forEach(function (d) {
        var doc = t.docs[d];
        var li = element("li", "card search-result");
        var h = element("h2", "card__title");
        var a = element("a");
        a.href = base + doc[1];
        a.appendChild(highlight(doc[2], r.marks));
        h.appendChild(a);
        li.appendChild(h);
        if (doc[3]) li.appendChild(element("p")).appendChild(highlight(doc[3], r.marks));
        li.appendChild(element("p", "card__meta", t.kinds[doc[0]]));
        list.appendChild(li);
      });
      var narrowed = filtered(f) ? ", with the filters you chose" : "";
      status.textContent = ids.length
        ? plural(ids.length, "result", "results") + what(q) + narrowed +
          (ids.length > MAX_RESULTS ? ". The first " + MAX_RESULTS + " are shown." : ".")
        : "No results" + what(q) + narrowed + ". Check the spelling, try other words" +
          (filtered(f) ? ", clear the filters" : "") + " or browse instead.";
    }

    // Each search replaces the page's entry in the browser's history rather
    // than adding one, so that Back does not step through what was searched
    // for (the words stay in the address, and in the history's one entry).
    function run() {
      var q = input.value, f = readFilters(form), ticket = ++latest;
      remember(q.trim(), f, false);
      if (!words(q).length && !filtered(f)) {
        list.textContent = "";
        status.textContent = "";
        return;
      }
      query(q, f).then(function (r) {
        if (ticket === latest) show(r, q, f);
      }, function () {
        status.textContent = "Search could not load. Check your connection and try again, or browse instead.";
      });
    }

    var timer = 0;
    form.addEventListener("input", function (e) {
      clearTimeout(timer);
      if (e.target === input || e.target.name === "age") {
        timer = setTimeout(run, 120);
      } else {
        run();
      }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    var params = new URLSearchParams(location.search);
    reveal(form, params);
    writeForm(form, params);
    [].forEach.call(document.querySelectorAll("[data-nojs]"), function (el) { el.hidden = true; });
    run();
  }

  // The search box in the header: the first results as you type, under the
  // header, and a link to all of them. Enter still opens the search page.
  function headerSearch(form) {
    var input = form.elements.q;
    var query = engine(new URL(form.getAttribute("data-search"), location.href));
    var base = form.getAttribute("data-base");
    var status = element("p", "visually-hidden");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var panel = element("div", "site-search__panel");
    panel.id = "site-search-panel";
    panel.hidden = true;
    panel.setAttribute("aria-label", "Search results");
    panel.setAttribute("role", "region");
    form.parentNode.insertBefore(status, form.nextSibling);
    form.parentNode.insertBefore(panel, status.nextSibling);
    input.setAttribute("aria-controls", panel.id);
    var timer = 0, latest = 0;

    function close() {
      panel.hidden = true;
    }
    function run() {
      var q = input.value, ticket = ++latest;
      if (!words(q).length) {
        close();
        status.textContent = "";
        return;
      }
      query(q, {}).then(function (r) {
        if (ticket !== latest) return;
        panel.textContent = "";
        var count = r.ids.length ? plural(r.ids.length, "result", "results") + what(q) : "No results" + what(q);
        panel.appendChild(element("p", "site-search__count", count));
        var list = panel.appendChild(element("ul", "site-search__list"));
        r.ids.slice(0, 5).forEach(function (d) {
          var doc = r.t.docs[d];
          var a = list.appendChild(element("li")).appendChild(element("a"));
          a.href = base + doc[1];
          a.appendChild(highlight(doc[2], r.marks));
          a.appendChild(element("span", "site-search__kind", r.t.kinds[doc[0]]));
        });
        var all = panel.appendChild(element("a", "site-search__all",
          r.ids.length > 5 ? "See all " + r.ids.length + " results" : "Search with filters"));
        all.href = form.action + "?q=" + encodeURIComponent(q.trim());
        panel.hidden = false;
        status.textContent = count + (r.ids.length ? ". Press Tab to reach them." : ".");
      }, function () {
        close();
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    // Escape closes the results; leaving the box and the results closes them too.
    form.parentNode.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !panel.hidden) {
        close();
        input.focus();
      }
    });
    document.addEventListener("focusin", function (e) {
      if (!form.contains(e.target) && !panel.contains(e.target)) close();
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target) && !panel.contains(e.target)) close();
    });
  }

  var page = document.querySelector("main form[data-search]");
  var header = document.querySelector("header form[data-search]");
  var filterForm = document.querySelector("form[data-filter-list]");
  if (page) searchPage(page);
  else if (header) headerSearch(header);
  if (filterForm) filterList(filterForm);
})();
