// Live preview for editors: a form with data-live-preview="buttonId" re-submits through that button
// (which targets a sandboxed preview frame) shortly after the user stops typing, and once on load.
(function () {
  "use strict";
  document.querySelectorAll("form[data-live-preview]").forEach(function (form) {
    var button = document.getElementById(form.getAttribute("data-live-preview"));
    if (!button || typeof form.requestSubmit !== "function") {
      return;
    }
    var timer = null;
    var preview = function () { form.requestSubmit(button); };
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(preview, 400);
    });
    preview();
  });
})();
