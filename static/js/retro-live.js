// The live retro: polling answers 304 while nothing changed, and never replaces what a
// person is typing. Every page works without this file (and without htmx).
(function () {
  "use strict";

  // Meeting mode: arrows or j / k move between steps, unless the person is typing.
  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("[data-meeting]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    var rel = { ArrowRight: "next", j: "next", ArrowLeft: "prev", k: "prev" }[event.key];
    var control = rel && document.querySelector("[data-meeting-" + rel + "]");
    if (control) {
      event.preventDefault();
      control.click();
    }
  });

  // The step timer counts down on every screen from the end time the server holds.
  function tick() {
    document.querySelectorAll("#meeting-timer[data-ends-at]").forEach(function (timer) {
      var left = Math.max(0, Math.round((Date.parse(timer.dataset.endsAt) - Date.now()) / 1000));
      var clock = timer.querySelector(".meeting-clock");
      if (clock) clock.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      timer.classList.toggle("is-over", left === 0);
    });
  }
  setInterval(tick, 1000);

  if (!window.htmx) return;

  // 304 Not Modified: nothing changed since the stamp the page holds; keep the page as is.
  htmx.config.responseHandling.unshift({ code: "304", swap: false });

  // A poll brings the sections others changed. A section holding text someone has typed
  // and not saved yet is left alone: their next save, based on the old version, comes back
  // with both texts to merge. Otherwise it is swapped, and the focus put back in place.
  function unsaved(field) {
    return field.hasAttribute("data-unsaved") || field.value !== field.defaultValue;
  }

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    if (!target) return;
    var fields = target.querySelectorAll("textarea, input[type=text], input[type=date]");
    for (var i = 0; i < fields.length; i++) {
      if (unsaved(fields[i])) {
        event.detail.shouldSwap = false;
        return;
      }
    }
    var active = document.activeElement;
    if (active && active.id && target.contains(active)) {
      var id = active.id;
      setTimeout(function () {
        var again = document.getElementById(id);
        if (again) again.focus();
      }, 0);
    }
  });

  // An autosave that went through makes the text sent the saved one.
  document.addEventListener("htmx:afterRequest", function (event) {
    var field = event.detail.elt;
    if (!event.detail.successful || !field.matches || !field.matches("textarea[hx-post]")) return;
    if (event.detail.xhr.getResponseHeader("HX-Retarget")) return; // refused: still unsaved
    var sent = event.detail.requestConfig.parameters;
    var value = sent.get ? sent.get(field.name) : sent[field.name];
    if (typeof value === "string") {
      field.defaultValue = value;
      field.removeAttribute("data-unsaved");
    }
  });
})();
