// « Aperçu et envoi »: while the issue is being sent, the progress follows every 3 s.
(function () {
  "use strict";
  var box = document.getElementById("newsletter-progress");
  if (!box || !box.dataset.polling) { return; }
  var timer = setInterval(function () {
    fetch(box.dataset.url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (data) {
      box.querySelectorAll("[data-field]").forEach(function (el) { el.textContent = data[el.dataset.field]; });
      var bar = box.querySelector("progress");
      bar.value = data.percent; bar.textContent = data.percent + " %";
      if (data.status !== "sending") { clearInterval(timer); }
    });
  }, 3000);
})();
