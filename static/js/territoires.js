// Small behaviours shared by every page; no inline script, so the CSP can forbid them.
(function () {
  "use strict";
  // A form sent back with errors: move the focus to its error summary so that
  // keyboard and screen-reader users start from the list of what to fix.
  var summary = document.querySelector("[data-tec-focus]");
  if (summary) {
    summary.focus();
  }
  // The header's search and menu open as dialogs on phones, named by their button.
  // The name is set here: DSFR gives them the dialog role only while open, and a
  // plain div may not carry aria-labelledby in the served HTML (RGAA 8.2).
  document.querySelectorAll("[data-tec-labelledby]").forEach(function (modal) {
    modal.setAttribute("aria-labelledby", modal.getAttribute("data-tec-labelledby"));
  });
})();
