// The header's search and menu open as dialogs on phones, named by their button. The
// name is set here: DSFR gives them the dialog role only while open, and a plain div
// may not carry aria-labelledby in the served HTML (RGAA 8.2). Loaded right after the
// header, without defer, so that DSFR (a module, run after parsing) finds the name.
document.querySelectorAll("[data-tec-labelledby]").forEach(function (modal) {
  "use strict";
  modal.setAttribute("aria-labelledby", modal.getAttribute("data-tec-labelledby"));
});
