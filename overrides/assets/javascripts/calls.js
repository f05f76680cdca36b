// calls: progressive enhancement; the page is complete without it.
// 1. Status: the build wrote the status as of its own day. Re-check it against the
//    reader's clock in Japan time, so a page built days ago never says 受付中 after
//    the deadline (the deadline day is open until 23:59:59 JST). Same rule as
//    sitegen/call_status.py; the labels come from the page (data-label-*). A call with
//    rounds (data-rounds: [start, end, label while it opens next], in date order) is open
//    while any round is open, upcoming before the first and between rounds (the label
//    names the round that opens next), closed after the last. The "closing soon" label
//    after the badge shows in a round's last data-closing-soon-days days.
// 2. Amount calculator: the general rule of sitegen/subsidy.py (subsidy_amount), in exact
//    integer (BigInt) arithmetic: base = cost (or cost - other income when deducted); raw =
//    floor(base x rate) or min(fixed, base); at most cost - other income when so limited;
//    rounded down to the unit; capped at the maximum; not eligible below the minimum. The
//    rule comes from data-* attributes (sitegen/subsidy.py rule_attributes) on the form, or
//    on the selected track's <option>. Both are tested against tests/cases/subsidy.json.
// 3. Checklist: remembers ticked boxes in this browser (localStorage), if allowed.
// 4. Print link: prints the page.
// Loaded (deferred) only on pages with this markup: overrides/main.html, block `scripts`.
(function () {
  "use strict";

  var JST_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has had no daylight saving time since 1951

  function japanDate(now) {
    return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
  }

  function daysBetween(fromIso, toIso) {
    return Math.round((Date.parse(toIso + "T00:00:00Z") - Date.parse(fromIso + "T00:00:00Z")) / 86400000);
  }

  function callStatus(startIso, endIso, todayIso) {
    return roundsStatus([[startIso, endIso, null]], todayIso);
  }

  // rounds: [[startIso, endIso, upcomingLabel or null], ...] in date order, not overlapping.
  function roundsStatus(rounds, todayIso) {
    var i;
    for (i = 0; i < rounds.length; i++) {
      if (rounds[i][0] <= todayIso && todayIso <= rounds[i][1]) {
        return { code: "open", daysLeft: daysBetween(todayIso, rounds[i][1]), round: i };
      }
    }
    for (i = 0; i < rounds.length; i++) {
      if (todayIso < rounds[i][0]) return { code: "upcoming", daysLeft: null, round: i, label: rounds[i][2] };
    }
    return { code: "closed", daysLeft: null, round: null };
  }

  function roundsOf(el) {
    var rounds = el.getAttribute("data-rounds");
    return rounds ? JSON.parse(rounds) : [[el.getAttribute("data-start"), el.getAttribute("data-end"), null]];
  }

  function statusLabel(el, st) {
    if (st.code === "upcoming" && st.label) return st.label;
    var soon = parseInt(el.getAttribute("data-soon-days"), 10);
    if (st.code !== "open" || st.daysLeft === null || st.daysLeft >= soon) {
      return el.getAttribute("data-label-" + st.code);
    }
    if (st.daysLeft === 0) return el.getAttribute("data-label-open-today");
    if (st.daysLeft === 1) return el.getAttribute("data-label-open-one-day");
    return el.getAttribute("data-label-open-days").replace("{n}", String(st.daysLeft));
  }

  function refreshStatuses(now) {
    var today = japanDate(now || new Date());
    var els = document.querySelectorAll(".sg-call-status[data-start][data-end], .sg-call-status[data-rounds]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var st = roundsStatus(roundsOf(el), today);
      el.setAttribute("data-status", st.code);
      var text = statusLabel(el, st);
      if (el.textContent !== text) el.textContent = text;
      var soonEl = el.nextElementSibling;
      if (soonEl && soonEl.classList.contains("sg-call-soon")) {
        var soonDays = parseInt(el.getAttribute("data-closing-soon-days"), 10);
        soonEl.hidden = !(st.code === "open" && st.daysLeft < soonDays);
      }
    }
    // The answer at the top of a call with rounds was written on the build's day; data-answers
    // holds the answer for each state ("open <round id>", "upcoming <round id>", "closed "), made
    // by the build (escaped markup: a Japanese-only title on an English page keeps its lang).
    var answer = document.querySelector(".sg-call-answer");
    var head = document.querySelector(".sg-call-head .sg-call-status[data-rounds]");
    if (answer && head) {
      var current = roundsStatus(roundsOf(head), today);
      var ids = JSON.parse(head.getAttribute("data-round-ids") || "null");
      var round = current.round === null ? "" : (ids ? ids[current.round] : String(current.round));
      var answers = JSON.parse(answer.getAttribute("data-answers") || "{}");
      var html = answers[current.code + " " + round];
      if (html === undefined) {
        answer.hidden = current.code !== answer.getAttribute("data-status") || round !== answer.getAttribute("data-round");
      } else if (answer.getAttribute("data-status") !== current.code || answer.getAttribute("data-round") !== round) {
        answer.innerHTML = html;
        answer.setAttribute("data-status", current.code);
        answer.setAttribute("data-round", round);
      }
    }
  }

  // --- Calculator ---------------------------------------------------------------------
  function parseYen(text) {
    var s = String(text)
      .replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[,，\s円¥￥]/g, "");
    return /^[0-9]+$/.test(s) ? BigInt(s) : null;
  }

  // rule: {numerator, denominator, fixed, minimum, maximum, deducts, limited, unit} as strings
  // ("" for an absent rate, fixed amount or maximum); the attributes of rule_attributes().
  function subsidy(expenses, rule, otherIncome) {
    var cost = BigInt(expenses), income = BigInt(otherIncome || 0), zero = BigInt(0);
    var net = cost > income ? cost - income : zero;
    var base = rule.deducts ? net : cost;
    var raw;
    if (rule.fixed !== "") {
      var fixed = BigInt(rule.fixed);
      raw = fixed < base ? fixed : base;
    } else {
      raw = (base * BigInt(rule.numerator)) / BigInt(rule.denominator); // floor for non-negative values
    }
    if (rule.limited && net < raw) raw = net;
    raw -= raw % BigInt(rule.unit);
    var capped = rule.maximum !== "" && raw > BigInt(rule.maximum);
    var amount = capped ? BigInt(rule.maximum) : raw;
    return { amount: amount, eligible: amount >= BigInt(rule.minimum), capped: capped };
  }

  function ruleOf(el) {
    var get = function (name) { return el.getAttribute("data-" + name) || ""; };
    return { numerator: get("rate-numerator"), denominator: get("rate-denominator"), fixed: get("fixed"),
      minimum: get("minimum") || "0", maximum: get("maximum"), deducts: get("deducts-other-income") === "true",
      limited: get("limited-by-other-income") === "true", unit: get("unit") || "1" };
  }

  function groupDigits(n) {
    return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function setUpCalculator(form) {
    var messages = JSON.parse(form.getAttribute("data-messages"));
    var yen = function (n) { return form.getAttribute("data-yen").replace("{n}", groupDigits(n)); };
    var input = form.querySelector("input[name=expenses]");
    var incomeInput = form.querySelector("input[name=other_income]");
    var track = form.querySelector("select[name=track]");
    var output = form.querySelector("output");
    function fail(message) {
      output.textContent = message;
      output.removeAttribute("data-amount");
      output.setAttribute("data-eligible", "");
    }
    function show() {
      var ruleEl = track ? track.options[track.selectedIndex] : form;
      var rule = ruleOf(ruleEl);
      var usesIncome = rule.deducts || rule.limited;
      var expenses = parseYen(input.value);
      if (expenses === null) return fail(messages.invalid);
      var income = BigInt(0);
      if (usesIncome && incomeInput && incomeInput.value.trim() !== "") {
        income = parseYen(incomeInput.value);
        if (income === null) return fail(messages.invalid_income);
      }
      var r = subsidy(expenses, rule, usesIncome ? income : 0);
      var key = !r.eligible ? "below" : (r.capped ? "capped" : "eligible");
      output.textContent = messages[key].replace("{amount}", yen(r.amount))
        .replace("{minimum}", yen(BigInt(rule.minimum)));
      output.setAttribute("data-amount", r.amount.toString());
      output.setAttribute("data-eligible", r.eligible ? "true" : "false");
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); show(); });
    form.hidden = false;
  }

  // --- Checklist ------------------------------------------------------------------------
  function setUpChecklist(box) {
    var key = "sg-checklist:" + location.pathname + "#" + box.id;
    try {
      box.checked = localStorage.getItem(key) === "1";
      box.addEventListener("change", function () { localStorage.setItem(key, box.checked ? "1" : "0"); });
    } catch (e) { /* storage disabled: the boxes still work for this visit */ }
  }

  function init() {
    refreshStatuses();
    window.setInterval(function () { refreshStatuses(); }, 60 * 1000); // a page left open past midnight
    var forms = document.querySelectorAll("form.sg-calculator");
    for (var i = 0; i < forms.length; i++) setUpCalculator(forms[i]);
    var boxes = document.querySelectorAll(".sg-checklist input.sg-check");
    for (var j = 0; j < boxes.length; j++) setUpChecklist(boxes[j]);
    // The print link is in the HTML already (un-hiding it here moved the page after load: issue 18);
    // site.css hides it where scripting is off.
    var printLinks = document.querySelectorAll("a.sg-print");
    for (var k = 0; k < printLinks.length; k++) {
      printLinks[k].addEventListener("click", function (e) { e.preventDefault(); window.print(); });
    }
  }

  window.sgCalls = { japanDate: japanDate, callStatus: callStatus, roundsStatus: roundsStatus, subsidy: subsidy, ruleOf: ruleOf,
    parseYen: parseYen, refreshStatuses: refreshStatuses };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
