// tax-calculator: progressive enhancement; the page is complete without it.
//
// The explainer page (donations/corporate/) carries a hidden <form class="sg-calc">
// whose data-params are the tax-relief parameters of data/donations.yaml and whose
// data-msg-* are the messages in the page's language. This script shows the form
// and computes the same numbers as sitegen/tax_relief.py: integers only (BigInt),
// each percentage rounded down to the yen, then the smaller of credit and cap.
// tests/cases/tax_relief.json is checked against both.
// Loaded (deferred) only on pages with its markup (sg-calc__*): overrides/main.html, block `scripts`.
(function () {
  "use strict";

  var LIMIT = 1000000000000n; // one trillion yen: far above any real donation

  function percentOf(amount, percent) {
    return (amount * BigInt(percent)) / 100n; // BigInt division truncates: floor for amounts >= 0
  }

  function min(a, b) {
    return a < b ? a : b;
  }

  function capped(credit, tax, capPercent) {
    return tax === null ? credit : min(credit, percentOf(tax, capPercent));
  }

  // Same rules as compute_relief() in sitegen/tax_relief.py.
  function computeRelief(p, donation, localTaxBase, corporationTax, businessTax) {
    if (donation < BigInt(p.minimumDonation)) {
      throw { code: "below_minimum" };
    }
    var local = capped(percentOf(donation, p.local.creditPercent), localTaxBase, p.local.capPercent);
    var rest = percentOf(donation, p.corporation.creditPercent) - local;
    if (rest < 0n) rest = 0n;
    var corporation = capped(min(rest, percentOf(donation, p.corporation.donationCapPercent)),
                             corporationTax, p.corporation.capPercent);
    var business = capped(percentOf(donation, p.business.creditPercent), businessTax, p.business.capPercent);
    var loss = percentOf(donation, p.lossInclusionPercent);
    var total = loss + local + corporation + business;
    return {
      loss_inclusion: loss, local_inhabitant_tax: local, corporation_tax: corporation,
      business_tax: business, total: total, real_cost: donation - total
    };
  }

  // "1,000,000", "１００００００", "¥1000000", "1000000円" -> 1000000n; "" -> null.
  function parseYen(text, required) {
    var s = (text || "").normalize("NFKC").replace(/[\s,]/g, "").replace(/^¥/, "").replace(/円$/, "");
    if (s === "") {
      if (required) throw { code: "required" };
      return null;
    }
    if (/^-[0-9]/.test(s)) throw { code: "negative" };
    if (!/^[0-9]+$/.test(s)) throw { code: "not_integer" };
    var value = BigInt(s);
    if (value > LIMIT) throw { code: "too_large" };
    return value;
  }

  function groupDigits(value) {
    return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function setUp(form) {
    var params = JSON.parse(form.dataset.params);
    var prefix = form.dataset.yenPrefix || "";
    var suffix = form.dataset.yenSuffix || "";
    var output = form.querySelector(".sg-calc__output");
    var error = form.querySelector("[data-role=error]");
    var result = output.querySelector("table");

    function message(code) {
      // "below_minimum" -> dataset.msgBelowMinimum (the attribute data-msg-below-minimum)
      var key = "msg" + code.replace(/(^|_)([a-z])/g, function (_, __, c) { return c.toUpperCase(); });
      return form.dataset[key] || code;
    }

    function showError(code, input) {
      result.hidden = true;
      error.textContent = message(code);
      error.hidden = false;
      output.dataset.state = "error";
      output.dataset.error = code;
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = {};
      var names = ["donation", "local_tax_base", "corporation_tax", "business_tax"];
      for (var i = 0; i < names.length; i++) {
        var input = form.elements[names[i]];
        input.removeAttribute("aria-invalid");
      }
      for (var j = 0; j < names.length; j++) {
        var field = form.elements[names[j]];
        try {
          values[names[j]] = parseYen(field.value, names[j] === "donation");
        } catch (e) {
          showError(e.code, field);
          return;
        }
      }
      var relief;
      try {
        relief = computeRelief(params, values.donation, values.local_tax_base,
                               values.corporation_tax, values.business_tax);
      } catch (e) {
        showError(e.code, form.elements.donation);
        return;
      }
      error.hidden = true;
      error.textContent = "";
      Object.keys(relief).forEach(function (name) {
        var cell = result.querySelector("[data-field=" + name + "]");
        cell.dataset.value = relief[name].toString();
        cell.textContent = prefix + groupDigits(relief[name]) + suffix;
      });
      result.hidden = false;
      output.dataset.state = "result";
      delete output.dataset.error;
    });

    form.hidden = false;
    var fallback = form.parentNode.querySelector(".sg-calc__nojs");
    if (fallback) fallback.hidden = true;
  }

  function init() {
    var forms = document.querySelectorAll("form.sg-calc");
    for (var i = 0; i < forms.length; i++) setUp(forms[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
