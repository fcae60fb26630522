// The « Mot-clé » fields of the library and the project index as comboboxes
// (combobox.js). Without this script the projects' field is a plain text input that
// the server resolves by name (accents and case ignored) and the library's extra
// field stays hidden: everything here is an enhancement; no inline script, the CSP
// forbids them.
(function () {
  "use strict";

  function tagCombobox(container, index) {
    var input = container.querySelector("input[type=text], input:not([type])");
    var url = container.getAttribute("data-search-url");
    // The library's tag facet: a chosen tag becomes one of its radio buttons.
    var radios = container.getAttribute("data-tec-tag-radios");
    if (!input || !url || container.getAttribute("data-tec-ready")) {
      return;
    }
    container.setAttribute("data-tec-ready", "true");
    container.hidden = false;
    new window.TecCombobox(container, input, {
      idPrefix: "mot-cle-" + index,
      url: url,
      listLabel: "Mots-clés proposés",
      count: function (n) {
        return n + (n > 1 ? " mots-clés proposés" : " mot-clé proposé");
      },
      failed: "La recherche de mots-clés n'a pas abouti ; vous pouvez saisir le mot-clé en entier.",
      none: function (text) {
        return "Aucun mot-clé trouvé pour « " + text + " ».";
      },
      choose: function (result) {
        this.announce("Mot-clé « " + result.label + " » choisi.");
        if (radios) {
          input.value = "";
          checkRadio(document.getElementById(radios), radios, result, container);
          return;
        }
        input.value = result.label;
        // The filters apply as they are chosen (filters.js listens for this).
        input.dispatchEvent(new CustomEvent("tec:tag-chosen", { bubbles: true }));
      },
    });
  }

  function checkRadio(group, groupId, result, before) {
    var radio = group && group.querySelector('input[type=radio][value="' + result.id + '"]');
    if (!radio && group) {
      // A tag outside the most used: added to the facet, then chosen like the others.
      var element = document.createElement("div");
      element.className = "fr-fieldset__element";
      var wrapper = document.createElement("div");
      wrapper.className = "fr-radio-group";
      radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "tag";
      radio.value = result.id;
      radio.id = groupId + "-" + result.id;
      var label = document.createElement("label");
      label.className = "fr-label";
      label.htmlFor = radio.id;
      label.textContent = result.label;
      wrapper.appendChild(radio);
      wrapper.appendChild(label);
      element.appendChild(wrapper);
      group.insertBefore(element, before);
    }
    if (radio) {
      radio.checked = true;
      radio.focus();
      radio.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function start() {
    var containers = document.querySelectorAll("[data-tec-tag-autocomplete]");
    for (var i = 0; i < containers.length; i++) {
      tagCombobox(containers[i], i);
    }
  }
  start();
  // The facets are swapped in place when a filter changes (filters.js).
  document.addEventListener("tec:filters-updated", start);
})();
