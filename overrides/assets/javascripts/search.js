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

  // Pagefind splits Japanese text with one segmenter when indexing (Lindera) and with the
  // browser's (Intl.Segmenter) when searching; they disagree on compounds such as 波力発電
  // (indexed 波力+発電, queried 波+力+発電), which then finds nothing (Pagefind/pagefind#1237).
  // When a Japanese query finds nothing, search again for each of its words, longest first,
  // and keep the pages whose text really contains the whole query.
  var CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
  var FALLBACK_CANDIDATES = 30;

  function compact(text) { return text.replace(/\s+/g, ""); }

  function words(query) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [];
    var seen = {};
    return Array.from(new Intl.Segmenter("ja", { granularity: "word" }).segment(query))
      .filter(function (s) { return s.isWordLike && !seen[s.segment] && (seen[s.segment] = true); })
      .map(function (s) { return s.segment; })
      .sort(function (a, b) { return b.length - a.length; })
      .slice(0, 3);
  }

  function containing(pf, query, candidates) {
    if (!candidates.length) return Promise.resolve(null);
    return pf.search(candidates[0]).then(function (search) {
      var slice = search.results.slice(0, FALLBACK_CANDIDATES);
      return Promise.all(slice.map(function (r) { return r.data(); }));
    }).then(function (data) {
      var wanted = compact(query);
      var found = data.filter(function (d) { return compact(d.content).indexOf(wanted) !== -1; });
      return found.length ? { data: found.slice(0, MAX_RESULTS), total: found.length }
                          : containing(pf, query, candidates.slice(1));
    });
  }

  function find(pf, query) {
    return pf.search(query).then(function (search) {
      if (search.results.length || !CJK.test(query)) {
        var slice = search.results.slice(0, MAX_RESULTS);
        return Promise.all(slice.map(function (r) { return r.data(); })).then(function (data) {
          return { data: data, total: search.results.length };
        });
      }
      return containing(pf, query, words(query)).then(function (found) {
        return found || { data: [], total: 0 };
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
