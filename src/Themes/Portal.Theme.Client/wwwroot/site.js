// Small progressive enhancements shared by the practice's sites. Everything works without it.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".nav-toggle");
    if (!toggle) {
      return;
    }
    var target = document.getElementById(toggle.getAttribute("aria-controls"));
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    if (target) {
      target.classList.toggle("is-open", !open);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    document.querySelectorAll(".nav-toggle[aria-expanded='true']").forEach(function (toggle) {
      toggle.setAttribute("aria-expanded", "false");
      var target = document.getElementById(toggle.getAttribute("aria-controls"));
      if (target) {
        target.classList.remove("is-open");
        toggle.focus();
      }
    });
  });
  // Stacked tables (.table-stack) name each cell's column beside it on narrow screens (base.css,
  // td[data-label]). A cell whose markup gives no data-label takes its column header's text, so
  // headings are written once; data-label="" asks for none. Lists fetched into the page later
  // (the document uploader's refresh) are labelled through Portal.labelTables.
  function labelTables(root) {
    root.querySelectorAll("table.table-stack").forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (!cell.hasAttribute("data-label") && headers[index]) {
            cell.setAttribute("data-label", headers[index]);
          }
        });
      });
    });
  }
  window.Portal = window.Portal || {};
  window.Portal.labelTables = labelTables;
  labelTables(document);

  document.addEventListener("submit", function (event) {
    // The button that submitted may carry its own question (forms with several actions).
    var source = event.submitter && event.submitter.hasAttribute("data-confirm") ? event.submitter : event.target;
    var message = source.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
