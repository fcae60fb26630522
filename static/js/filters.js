// Filters that apply as they are chosen (progressive enhancement of a GET form).
// Without this script the form is sent by « Appliquer les filtres » and the facets
// stay open at every width. With it: a change fetches the same page for the new
// address, swaps the facets, active filters and results in place (keeping the focus
// where it was), says the new count in the results' live status and puts the address
// in the history, so the URL stays shareable. No inline script: the CSP forbids them.
(function () {
  "use strict";

  var form = document.querySelector("form[data-tec-autofilter]");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }
  var status = form.querySelector("[data-tec-status]");
  var pending = null;

  function addressOf(data) {
    var params = new URLSearchParams();
    var defaults = {};
    form.querySelectorAll("[data-tec-default]").forEach(function (field) {
      defaults[field.name] = field.getAttribute("data-tec-default");
    });
    data.forEach(function (value, key) {
      // A new choice starts again at page 1; empty fields and the default order only
      // lengthen the address.
      if (key !== "page" && String(value).trim() !== "" && defaults[key] !== value) {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return form.getAttribute("action").split("?")[0] + (query ? "?" + query : "");
  }

  function swap(html, address, push) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var focusedId = document.activeElement ? document.activeElement.id : "";
    form.querySelectorAll("[data-tec-swap]").forEach(function (region) {
      var next = fresh.querySelector('[data-tec-swap="' + region.getAttribute("data-tec-swap") + '"]');
      if (next) {
        region.innerHTML = next.innerHTML;
      }
    });
    var freshStatus = fresh.querySelector("[data-tec-status]");
    if (status && freshStatus) {
      status.textContent = freshStatus.textContent;
    }
    var toggle = form.querySelector(".tec-filters__toggle");
    var freshToggle = fresh.querySelector(".tec-filters__toggle");
    if (toggle && freshToggle) {
      toggle.textContent = freshToggle.textContent;
    }
    document.title = fresh.title;
    if (push) {
      window.history.pushState({ tecFilters: true }, "", address);
    }
    var focused = focusedId && document.getElementById(focusedId);
    if (focused && focused !== document.activeElement) {
      focused.focus();
    } else if (!focused && status) {
      // The focused value is gone (no result left with it): the count says why.
      status.setAttribute("tabindex", "-1");
      status.focus();
    }
    document.dispatchEvent(new CustomEvent("tec:filters-updated"));
  }

  function load(address, push) {
    if (pending) {
      pending.abort();
    }
    var controller = new AbortController();
    pending = controller;
    form.setAttribute("aria-busy", "true");
    fetch(address, { headers: { Accept: "text/html" }, signal: controller.signal })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        form.removeAttribute("aria-busy");
        swap(html, address, push);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(address); // the server's own page, whatever went wrong
        }
      });
  }

  form.addEventListener("change", function (event) {
    var field = event.target;
    // The search box and the tag text field wait for Enter or « Appliquer ».
    if (field.type === "search" || field.type === "text") {
      return;
    }
    load(addressOf(new FormData(form)), true);
  });

  // A tag chosen in the « Mot-clé » combobox (tag-autocomplete.js).
  form.addEventListener("tec:tag-chosen", function () {
    load(addressOf(new FormData(form)), true);
  });

  form.addEventListener("click", function (event) {
    // Only the links that change the selection: an active filter, a page of results.
    var link = event.target.closest
      ? event.target.closest("a[data-tec-filter-link], [data-tec-swap] .fr-pagination a[href]")
      : null;
    if (!link || link.origin !== window.location.origin || event.ctrlKey || event.metaKey) {
      return;
    }
    // Removing an active filter, another page: same swap, same history.
    event.preventDefault();
    load(link.href, true);
    if (link.closest('[data-tec-swap="resultats"]')) {
      document.getElementById("resultats").scrollIntoView();
    }
  });

  window.addEventListener("popstate", function () {
    window.location.reload();
  });
})();
