// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  function updateCounter(field) {
    var counter = document.getElementById(field.id + "-counter");
    if (!counter) return;
    var max = parseInt(field.getAttribute("maxlength") || field.dataset.maxlength, 10);
    var used = field.value.length;
    counter.textContent = used + " / " + max;
    counter.classList.toggle("over", used > max);
  }

  function markChip(checkbox) {
    var chip = checkbox.closest(".chip");
    if (chip) chip.classList.toggle("is-picked", checkbox.checked);
  }

  // Picked chips default to "honoured" for a good story and "broken" for a bad one,
  // unless the person already chose a verdict for that chip by hand.
  function defaultVerdicts(form) {
    var kind = form.querySelector("input[name=kind]:checked");
    if (!kind) return;
    var verdict = kind.value === "bad" ? "broken" : "honoured";
    form.querySelectorAll(".chip").forEach(function (chip) {
      if (chip.dataset.touched) return;
      var radio = chip.querySelector("input[type=radio][value=" + verdict + "]");
      if (radio) radio.checked = true;
    });
  }

  function init(root) {
    root.querySelectorAll("[data-counter]").forEach(function (field) {
      updateCounter(field);
      field.addEventListener("input", function () { updateCounter(field); });
    });
    root.querySelectorAll(".chip input[type=checkbox]").forEach(function (box) {
      markChip(box);
      box.addEventListener("change", function () { markChip(box); });
    });
    root.querySelectorAll(".chip input[type=radio]").forEach(function (radio) {
      radio.addEventListener("change", function () { radio.closest(".chip").dataset.touched = "1"; });
    });
    root.querySelectorAll("form[data-story-form]").forEach(function (form) {
      // A double click sends one story; the server's one-time token guards the rest.
      form.addEventListener("submit", function (event) {
        var button = event.submitter;
        if (!button || button.name === "redact") return;
        window.setTimeout(function () { button.disabled = true; }, 0);
      });
      form.querySelectorAll("input[name=kind]").forEach(function (k) {
        k.addEventListener("change", function () { defaultVerdicts(form); });
      });
    });
  }

  // Filters open for a desktop (and without JavaScript) fold behind their "Filter" control on a phone.
  function foldOnPhone() {
    if (!window.matchMedia("(max-width: 991.98px)").matches) return;
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (d) { d.open = false; });
  }

  document.addEventListener("DOMContentLoaded", function () { foldOnPhone(); init(document); });
  // Coming back with the back button restores the page as it was left: enable its buttons again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-story-form] button[disabled]").forEach(function (b) { b.disabled = false; });
  });
  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
})();
