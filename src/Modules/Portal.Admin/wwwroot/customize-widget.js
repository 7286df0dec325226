// Copy buttons of the login widget page: shown only where the Clipboard API is there, so a browser
// without it still has the selectable text. Reports the result in the field's status line.
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }

  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var id = button.getAttribute("data-copy-target");
    var source = document.getElementById(id);
    var status = document.querySelector('[data-copy-status="' + id + '"]');
    if (!source) {
      return;
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        if (status) {
          status.textContent = "Copied. Paste it into your website's HTML.";
        }
      }, function () {
        source.select();
        if (status) {
          status.textContent = "Your browser did not allow copying: the HTML is selected, press Ctrl+C (or Cmd+C).";
        }
      });
    });
  });
})();
