// projects: progressive enhancement; the page is complete without it.
// Without JavaScript each filter link opens a pre-built page (projects/status/ongoing/ …,
// calls/status/open/ … for the call finder, whose nav names its items in data-sg-filterable).
// With it, the same links filter the full listing in place, one choice per group
// (status, support, department), combined; the count is announced in a status region.
// Loaded (deferred) only on pages with its markup (data-sg-filterable): overrides/main.html, block `scripts`.
(function () {
  "use strict";

  function enhance() {
    var nav = document.querySelector("[data-sg-filterable]");
    if (!nav) return;  // only the full listing filters in place
    // The items: the attribute's selector (the call finder: ".sg-call-item"), else the project cards.
    var cards = Array.prototype.slice.call(
      document.querySelectorAll(nav.getAttribute("data-sg-filterable") || ".sg-project-card"));
    var lists = cards.map(function (c) { return c.parentNode; })
      .filter(function (l, i, all) { return all.indexOf(l) === i; });
    var status = document.querySelector(".sg-filter-status");
    var empty = document.querySelector(".sg-filter-empty");
    var reset = nav.querySelector("[data-filter-reset]");
    var links = Array.prototype.slice.call(nav.querySelectorAll("a[data-filter-dim]"));
    var chosen = {};  // dim -> value

    function matches(card) {
      return Object.keys(chosen).every(function (dim) {
        var have = (card.getAttribute("data-filter-" + dim) || "").split(" ");
        return have.indexOf(chosen[dim]) !== -1;
      });
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      links.forEach(function (a) {
        var on = chosen[a.getAttribute("data-filter-dim")] === a.getAttribute("data-filter-value");
        if (on) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
      });
      var any = Object.keys(chosen).length > 0;
      if (any) reset.removeAttribute("aria-current"); else reset.setAttribute("aria-current", "page");
      if (empty) empty.hidden = shown > 0;
      lists.forEach(function (list) {  // a group with nothing left goes, with its heading
        var none = !Array.prototype.some.call(list.children, function (c) { return !c.hidden; });
        list.hidden = none;
        var heading = list.previousElementSibling;
        if (heading && /^H[2-4]$/.test(heading.tagName)) heading.hidden = none;
      });
      var template = status.getAttribute(any ? "data-template-some" : "data-template-all");
      status.textContent = template.replace("{total}", cards.length).replace("{shown}", shown);
    }

    function plainClick(event) {  // let ctrl/shift/middle clicks open the pre-built page
      return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
    }

    links.forEach(function (a) {
      a.addEventListener("click", function (event) {
        if (!plainClick(event)) return;
        event.preventDefault();
        var dim = a.getAttribute("data-filter-dim"), value = a.getAttribute("data-filter-value");
        if (chosen[dim] === value) delete chosen[dim]; else chosen[dim] = value;
        apply();
      });
    });
    reset.addEventListener("click", function (event) {
      if (!plainClick(event)) return;
      event.preventDefault();
      chosen = {};
      apply();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();
