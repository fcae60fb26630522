// A text input as a WAI-ARIA 1.2 combobox (list autocomplete), shared by the
// collectivité field and the « Mot-clé » fields. Loaded before the scripts that use
// it; everything here is an enhancement; no inline script, the CSP forbids them.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 200; // ms between the last key and the search

  // ``container`` holds the text ``input``; ``config`` says what the list proposes:
  // idPrefix, url, listLabel, count(n), failed, none(text), choose(result) and,
  // optionally, typed() when the text changes.
  function Combobox(container, input, config) {
    this.container = container;
    this.input = input;
    this.config = config;
    this.url = config.url;
    var id = this.input.id || config.idPrefix;
    this.input.id = id;
    this.options = [];
    this.active = -1;
    this.timer = null;
    this.request = null;

    this.listbox = document.createElement("ul");
    this.listbox.id = id + "-listbox";
    this.listbox.className = "tec-combobox__listbox";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", config.listLabel);
    this.listbox.hidden = true;

    this.status = document.createElement("div");
    this.status.className = "fr-sr-only";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.status.setAttribute("aria-atomic", "true");

    container.appendChild(this.listbox);
    container.appendChild(this.status);

    this.input.setAttribute("role", "combobox");
    this.input.setAttribute("aria-autocomplete", "list");
    this.input.setAttribute("aria-expanded", "false");
    this.input.setAttribute("aria-controls", this.listbox.id);
    this.input.setAttribute("autocomplete", "off");

    this.input.addEventListener("input", this.onInput.bind(this));
    this.input.addEventListener("keydown", this.onKeyDown.bind(this));
    this.input.addEventListener("blur", this.onBlur.bind(this));
    // mousedown, not click: choosing must not take the focus away from the input.
    this.listbox.addEventListener("mousedown", this.onPointer.bind(this));
  }

  Combobox.prototype.onInput = function () {
    var text = this.input.value.trim();
    if (this.config.typed) {
      this.config.typed.call(this);
    }
    window.clearTimeout(this.timer);
    if (text.length < MIN_LENGTH) {
      this.close();
      this.announce("");
      return;
    }
    this.timer = window.setTimeout(this.search.bind(this, text), DELAY);
  };

  Combobox.prototype.search = function (text) {
    var self = this;
    if (this.request) {
      this.request.abort();
    }
    var controller = "AbortController" in window ? new AbortController() : null;
    this.request = controller;
    var separator = this.url.indexOf("?") === -1 ? "?" : "&";
    fetch(this.url + separator + "q=" + encodeURIComponent(text), {
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (self.input.value.trim() !== text) {
          return; // an answer to an older query
        }
        self.show(data.results || []);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          self.close();
          self.announce(self.config.failed, true);
        }
      });
  };

  Combobox.prototype.show = function (results) {
    var self = this;
    this.options = results;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.textContent = "";
    results.forEach(function (result, index) {
      var option = document.createElement("li");
      option.id = self.listbox.id + "-option-" + index;
      option.className = "tec-combobox__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var name = document.createElement("span");
      name.className = "tec-combobox__name";
      name.textContent = result.label;
      var detail = document.createElement("span");
      detail.className = "tec-combobox__detail";
      detail.textContent = result.detail;
      option.appendChild(name);
      option.appendChild(document.createTextNode(" "));
      option.appendChild(detail);
      self.listbox.appendChild(option);
    });
    if (results.length) {
      this.open();
      this.announce(
        this.config.count(results.length) +
          ". Utilisez les flèches haut et bas pour les parcourir, Entrée pour choisir."
      );
    } else {
      this.close();
      this.announce(this.config.none(this.input.value.trim()), true);
    }
  };

  Combobox.prototype.open = function () {
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.highlight = function (index) {
    var items = this.listbox.children;
    if (!items.length) {
      return;
    }
    if (index < 0) {
      index = items.length - 1;
    } else if (index >= items.length) {
      index = 0;
    }
    for (var i = 0; i < items.length; i++) {
      items[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    this.active = index;
    this.input.setAttribute("aria-activedescendant", items[index].id);
    var item = items[index];
    if (item.scrollIntoView) {
      item.scrollIntoView({ block: "nearest" });
    }
  };

  Combobox.prototype.select = function (index) {
    var result = this.options[index];
    if (!result) {
      return;
    }
    this.close();
    this.config.choose.call(this, result);
  };

  Combobox.prototype.onKeyDown = function (event) {
    switch (event.key) {
      case "ArrowDown":
      case "Down":
        event.preventDefault();
        if (!this.isOpen() && this.options.length) {
          this.open();
        }
        if (event.altKey) {
          return; // Alt+Down opens the list without moving in it
        }
        this.highlight(this.active + 1);
        break;
      case "ArrowUp":
      case "Up":
        event.preventDefault();
        if (!this.isOpen() && this.options.length) {
          this.open();
        }
        this.highlight(this.active - 1);
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault(); // choose, do not send the form yet
          this.select(this.active);
        }
        break;
      case "Escape":
      case "Esc":
        // Closes the list and cancels a search on its way; the text stays (the APG's
        // optional clearing would lose what was typed).
        window.clearTimeout(this.timer);
        if (this.request) {
          this.request.abort();
        }
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onPointer = function (event) {
    var option = event.target.closest ? event.target.closest("[role=option]") : null;
    if (!option) {
      return;
    }
    event.preventDefault();
    this.select(Number(option.getAttribute("data-index")));
  };

  Combobox.prototype.onBlur = function () {
    var self = this;
    window.setTimeout(function () {
      self.close();
    }, 150);
  };

  // ``visible``: what a sighted user must see too (no result, a failed search); the
  // counts and choices are for screen readers only, the list shows them.
  Combobox.prototype.announce = function (message, visible) {
    var status = this.status;
    status.className = visible ? "fr-message fr-message--info tec-combobox__status" : "fr-sr-only";
    // Emptied first so that the same count said twice is read again.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  };

  window.TecCombobox = Combobox;
})();
