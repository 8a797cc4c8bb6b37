// The checkout page's countdown. Everything works without it; it only counts.
"use strict";
(function () {
  var el = document.getElementById("countdown");
  if (!el) return;
  var until = Date.parse(el.getAttribute("data-valid-until"));
  if (isNaN(until)) return;
  function tick() {
    var left = Math.max(0, Math.floor((until - Date.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    el.textContent = left > 0 ? m + ":" + (s < 10 ? "0" : "") + s + " left" : "expired";
    if (left > 0) setTimeout(tick, 1000);
  }
  tick();
})();
