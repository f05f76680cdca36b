/* Site search with Pagefind (progressive enhancement: pages are complete without it).
 *
 * partials/search.html renders a hidden button and panel; this script shows the button,
 * loads Pagefind's module from our own site on first use (the bundle of the page's language,
 * /pagefind/ or /en/pagefind/, named by data-bundle, with the parts its parts.json lists),
 * and lists results as plain links, so a reader gets results in their language. Opening any page with ?q=<query> runs that search.
 * Keyboard: the button, "/" or "s" opens the panel; Escape closes it and returns focus.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-sg-search]");
  if (!root) return;
  var toggle = root.querySelector(".sg-search__toggle");
  var panel = root.querySelector(".sg-search__panel");
  var form = root.querySelector(".sg-search__form");
  var input = root.querySelector(".sg-search__input");
  var closer = root.querySelector(".sg-search__close");
  var status = root.querySelector(".sg-search__status");
  var list = root.querySelector(".sg-search__results");
  var MAX_RESULTS = 10;
  var bundle, siteRoot;
  try {
    bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
    siteRoot = new URL(root.getAttribute("data-site-root"), document.baseURI).pathname;
  } catch (e) {
    return;  // addresses the page got wrong: no search rather than a broken one
  }
  // The site asks no other host for anything: a bundle address that leads elsewhere (as
  // "//pagefind/" once did on the 404 page) leaves the search hidden. The tests see that.
  if (bundle.origin !== location.origin) return;
  bundle = bundle.href;
  var pagefind = null;
  var latest = 0;
  var timer = null;

  function load() {
    if (!pagefind) {
      // Pagefind's URLs start at the site's root (the Japanese one; English URLs begin with
      // /en/), and the site may live below a path.
      var options = { baseUrl: siteRoot };
      var parts = fetch(bundle + "parts.json").then(function (r) {
        if (!r.ok) throw new Error("parts.json: " + r.status);
        return r.json();
      });
      pagefind = Promise.all([import(bundle + "pagefind.js"), parts]).then(function (loaded) {
        var pf = loaded[0];
        return pf.options(options).then(function () {
          // A large site's index comes in parts (sitegen/search.py): merge the others into this one.
          return Promise.all(loaded[1].parts.map(function (part) {
            return pf.mergeIndex(bundle + part, options);
          }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function open(focus) {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    if (focus) input.focus();
    load().catch(function () {});
  }

  function close() {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }

  function count(n) {
    if (n === 0) return root.getAttribute("data-none");
    if (n === 1) return root.getAttribute("data-one");
    return root.getAttribute("data-other").replace("#", String(n));
  }

  /* Pagefind's excerpt is HTML with <mark> around the matches: keep only text and marks. */
  function excerpt(html) {
    var p = document.createElement("p");
    p.className = "sg-search__excerpt";
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        p.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      }
    });
    return p;
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (data) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = data.url;
      a.textContent = (data.meta && data.meta.title) || data.url;
      li.appendChild(a);
      li.appendChild(excerpt(data.excerpt || ""));
      list.appendChild(li);
    });
  }

  function remember(query) {
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(history.state, "", url.href);
  }

  // Pagefind's own ranking is not enough, for two reasons.
  //
  // 1. Japanese: Pagefind splits text with one segmenter when indexing (Lindera) and with the
  //    browser's (Intl.Segmenter) when searching, and they disagree (Pagefind/pagefind#1237).
  //    補助金 is indexed 補助+金 but queried whole, so it matched only the one page whose title
  //    token starts with 補助金 (/calls/), not the call page; 波力発電 is indexed 波力+発電 and
  //    queried 波+力+発電; a lone 電話 is indexed 電+話. So when a Japanese query's results
  //    hold fewer than a page of pages that contain the whole query, more candidates are
  //    looked for: further down the same results, then by searching the query's pieces
  //    (its words longest first, a long word's first two characters, its first character),
  //    keeping only pages whose text holds the whole query.
  // 2. An index in parts (sitegen_mkdocs/search.py) is searched part by part and merged by
  //    score, but each part scores with its own statistics (how many of its pages hold the
  //    word), so a part with few matches ranks its loose matches above another part's pages
  //    that hold the whole word. Results are therefore ranked again, the same way whatever
  //    part they come from: pages whose title holds the whole query first, then pages whose
  //    text holds it, then the rest; within each, by a score computed from the match
  //    positions and weights Pagefind gives (heading > text) and the page's length, without
  //    the part's statistics.
  // Only results that are shown or checked are loaded (one fragment each, gzip about 1 KB),
  // at most CHECK_LIMIT a search, so one search stays small (README: "one search").
  var CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
  var CHECK_LIMIT = 30;
  var MATCH = 512;  // Pagefind's balanced score of one exact match in body text (weight 1)

  function normal(text) {
    return String(text || "").toLowerCase().replace(/[\s\p{P}]+/gu, "");
  }

  function words(query) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [];
    return Array.from(new Intl.Segmenter("ja", { granularity: "word" }).segment(query))
      .filter(function (s) { return s.isWordLike; })
      .map(function (s) { return s.segment; })
      .sort(function (a, b) { return b.length - a.length; });
  }

  /* What to search for when the query as typed misses pages holding it (reason 1 above). */
  function pieces(query) {
    var out = [];
    function add(piece) { if (piece && CJK.test(piece) && out.indexOf(piece) === -1) out.push(piece); }
    var found = words(query);
    found.forEach(function (w) { add(w); });
    found.forEach(function (w) { if (w.length >= 3) add(w.slice(0, 2)); });
    add(Array.from(normal(query))[0]);
    var whole = query.trim();
    return out.filter(function (p) { return p !== whole; }).slice(0, 4);
  }

  /* How strongly a page holds the whole query, counted in its text so that neither the
     segmenter nor the part of the index matters: each occurrence in the text counts 1, in a
     heading as Pagefind weighs headings (h2 6, h3 5...: weight squared), in the title 7
     squared; then BM25's shape (k1 = 1.4, b = 0.75, as Pagefind ranks) over the page length. */
  function occurrences(text, wanted) {
    var n = 0;
    for (var at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + wanted.length)) n += 1;
    return n;
  }

  function strength(data, wanted) {
    var tf = occurrences(normal(data.content), wanted);
    (data.anchors || []).forEach(function (a) {
      var level = /^h([2-6])$/i.exec(a.element || "");
      if (level && normal(a.text).indexOf(wanted) !== -1) tf += Math.pow(8 - Number(level[1]), 2) - 1;
    });
    if (data.sgTitle) tf += 48;
    return tf;
  }

  /* The same shape for a loose match, from the match positions and weights Pagefind gives. */
  function looseStrength(data) {
    var tf = 0;
    (data.weighted_locations || []).forEach(function (l) { tf += (l.balanced_score || 0) / MATCH; });
    return tf;
  }

  function rank(checked, wanted) {
    var total = 0;
    checked.forEach(function (d) { total += d.word_count || 0; });
    var average = Math.max(1, total / Math.max(1, checked.length));
    checked.forEach(function (d) {
      var tf = d.sgWhole ? strength(d, wanted) : looseStrength(d);
      var length = d.word_count || average;
      d.sgScore = tf * 2.4 / (tf + 1.4 * (0.25 + 0.75 * length / average));
    });
    return checked.slice().sort(function (a, b) {
      return (b.sgTitle - a.sgTitle) || (b.sgWhole - a.sgWhole) || (b.sgScore - a.sgScore) || (a.sgOrder - b.sgOrder);
    });
  }

  function find(pf, query) {
    var wanted = normal(query);
    var seen = {};
    var checked = [];
    var budget = CHECK_LIMIT;

    function holds(text) { return normal(text).indexOf(wanted) !== -1; }
    function whole() { return checked.filter(function (d) { return d.sgWhole; }).length; }

    /* Load the first `count` results not loaded yet; keep them if `keepLoose` or they hold the query. */
    function check(results, count, keepLoose) {
      var todo = results.filter(function (r) { return !seen[r.id]; }).slice(0, Math.min(count, budget));
      budget -= todo.length;
      todo.forEach(function (r) { seen[r.id] = true; });
      return Promise.all(todo.map(function (r) { return r.data(); })).then(function (data) {
        var added = 0;
        data.forEach(function (d) {
          d.sgTitle = holds(d.meta && d.meta.title) ? 1 : 0;
          d.sgWhole = d.sgTitle || holds(d.content) ? 1 : 0;
          d.sgOrder = checked.length;
          if (d.sgWhole || keepLoose) checked.push(d);
          added += d.sgWhole;
        });
        return added;
      });
    }

    function enough() { return whole() >= MAX_RESULTS || budget <= 0; }

    return pf.search(query).then(function (direct) {
      var extra = 0;
      var step = check(direct.results, MAX_RESULTS, true);
      if (CJK.test(query)) {
        step = step.then(function () {
          // further down Pagefind's own results
          if (!enough()) return check(direct.results, MAX_RESULTS, true);
        }).then(function () {
          var rest = pieces(query);
          function next() {
            if (enough() || !rest.length) return null;
            return pf.search(rest.shift()).then(function (search) {
              return check(search.results, MAX_RESULTS, false);
            }).then(function (added) {
              extra += added;
              return added ? null : next();  // stop at the first piece that finds the query
            });
          }
          return next();
        });
      }
      return step.then(function () {
        return { data: rank(checked, wanted).slice(0, MAX_RESULTS), total: Math.max(checked.length, direct.results.length + extra) };
      });
    });
  }

  function run(query) {
    var id = ++latest;
    query = query.trim();
    remember(query);
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return Promise.resolve();
    }
    return load().then(function (pf) {
      return find(pf, query);
    }).then(function (found) {
      if (id !== latest) return;  // a newer query is on its way
      show(found.data);
      status.textContent = count(found.total);
      root.setAttribute("data-state", "done");
    }).catch(function () {
      if (id !== latest) return;
      status.textContent = root.getAttribute("data-failed");
      root.setAttribute("data-state", "failed");
    });
  }

  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    if (panel.hidden) open(true); else close();
  });
  closer.addEventListener("click", close);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  // Material's own shortcuts ("/", "s", "f") open its search plugin, which is off: take them.
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      event.stopImmediatePropagation();
      open(true);
    }
  }, true);

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    open(true);
    run(initial);
  }
})();
