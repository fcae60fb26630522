// Small behaviours shared by every page; no inline script, so the CSP can forbid them.
(function () {
  "use strict";
  // A form sent back with errors: move the focus to its error summary so that
  // keyboard and screen-reader users start from the list of what to fix.
  var summary = document.querySelector("[data-tec-focus]");
  if (summary) {
    summary.focus();
  }
})();
