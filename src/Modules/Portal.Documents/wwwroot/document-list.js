// The document list's buttons act on the ticked documents. With none ticked, say so beside the
// buttons at once instead of asking "Move the selected documents to the trash?" about nothing or
// leaving the page; the server still answers the same message when this script is not running.
(function () {
  "use strict";

  function message(form) {
    return form.querySelector("[data-selection-message]");
  }

  // Capture phase: runs before site.js's confirmation question, which must not be asked at all.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-document-list]");
    var button = event.submitter;
    if (!form || !button || !button.hasAttribute("data-nothing-chosen")) {
      return;
    }
    if (form.querySelector("input[name='Documents']:checked")) {
      message(form).textContent = "";
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    message(form).textContent = button.getAttribute("data-nothing-chosen");
    var first = form.querySelector("input[name='Documents']");
    if (first) {
      first.focus();
    }
  }, true);

  document.addEventListener("change", function (event) {
    var form = event.target.closest("[data-document-list]");
    if (form && event.target.name === "Documents" && event.target.checked) {
      message(form).textContent = "";
    }
  });
})();
