// The collectivité field as a combobox (combobox.js). Without this script the field
// is a plain text input that the server resolves, so everything here is an
// enhancement; no inline script, the CSP forbids them.
(function () {
  "use strict";

  function collectiviteCombobox(container, index) {
    var input = container.querySelector("input[type=text], input:not([type])");
    var choice = container.querySelector("[data-collectivite-choice]");
    var url = container.getAttribute("data-search-url");
    if (!input || !choice || !url) {
      return;
    }
    var chosenLabel = choice.value ? input.value : null;
    new window.TecCombobox(container, input, {
      idPrefix: "collectivite-" + index,
      url: url,
      listLabel: "Collectivités proposées",
      count: function (n) {
        return n + (n > 1 ? " collectivités proposées" : " collectivité proposée");
      },
      failed:
        "La recherche de collectivités n'a pas abouti ; vous pouvez saisir le nom complet, le code INSEE ou le SIREN.",
      none: function (text) {
        return (
          "Aucune collectivité trouvée pour « " + text + " ». Essayez le nom de la commune, le code postal, le code INSEE ou le SIREN."
        );
      },
      typed: function () {
        if (chosenLabel !== null && input.value !== chosenLabel) {
          // Typing again: the earlier choice no longer stands.
          choice.value = "";
          chosenLabel = null;
        }
      },
      choose: function (result) {
        input.value = result.label;
        choice.value = String(result.id);
        chosenLabel = result.label;
        this.announce(result.label + " choisie.");
      },
    });
  }

  var containers = document.querySelectorAll("[data-collectivite-autocomplete]");
  for (var i = 0; i < containers.length; i++) {
    collectiviteCombobox(containers[i], i);
  }
})();
