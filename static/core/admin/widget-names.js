// Two widgets of Wagtail's admin draw controls without a name, which screen readers
// announce as « bouton » or « zone de saisie »: the date picker's icon buttons (xdsoft)
// and the tag field's typing box (tagit). Name them in French each time they are drawn.
(function () {
  "use strict";
  var PICKER_NAMES = {
    xdsoft_prev: "Mois précédent",
    xdsoft_next: "Mois suivant",
    xdsoft_today_button: "Aujourd'hui",
    xdsoft_close: "Fermer",
  };
  function namePickerButtons() {
    document.querySelectorAll(".xdsoft_datetimepicker button").forEach(function (button) {
      if (button.hasAttribute("aria-label")) return;
      Object.keys(PICKER_NAMES).forEach(function (cls) {
        if (button.classList.contains(cls)) button.setAttribute("aria-label", PICKER_NAMES[cls]);
      });
    });
  }
  function nameTagInputs() {
    document.querySelectorAll("input.ui-autocomplete-input").forEach(function (input) {
      if (input.hasAttribute("aria-label") || input.labels.length) return;
      var field = input.closest(".w-field");
      var label = field && field.querySelector("label, .w-field__label");
      var text = label ? label.textContent.replace(/\s+/g, " ").replace("*", "").trim() : "";
      input.setAttribute("aria-label", text || "Mots-clés");
    });
  }
  function nameAll() {
    namePickerButtons();
    nameTagInputs();
  }
  function start() {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
