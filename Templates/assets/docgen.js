// docgen default theme script. Everything works without it; it only enhances:
// the language toggle keeps the reader's place (the segment or heading at the top of the
// viewport) and remembers the chosen language.
(function () {
  "use strict";
  var STORAGE_KEY = "docgen.lang";

  function remember(lang) {
    try { localStorage.setItem(STORAGE_KEY, lang); } catch (e) { /* storage may be disabled */ }
  }

  // The first segment or heading whose top is at or below the top of the viewport.
  function placeMarker() {
    var header = document.querySelector(".site-header");
    var offset = header ? header.getBoundingClientRect().height : 0;
    var candidates = document.querySelectorAll("main [data-seg], main h1[id], main h2[id], main h3[id], main h4[id]");
    for (var i = 0; i < candidates.length; i++) {
      var rect = candidates[i].getBoundingClientRect();
      if (rect.bottom > offset + 4) {
        var el = candidates[i];
        if (el.hasAttribute("data-seg")) return "seg=" + encodeURIComponent(el.getAttribute("data-seg"));
        return el.id;
      }
    }
    return "";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.language-toggle");
    if (!link) return;
    var lang = link.getAttribute("data-lang") || link.getAttribute("hreflang");
    if (lang) remember(lang);
    var marker = placeMarker();
    if (marker && window.scrollY > 0) {
      link.href = link.href.split("#")[0] + "#" + marker;
    }
  });

  // On arrival with #seg=ID, scroll that segment into view.
  function restore() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash.indexOf("seg=") !== 0) return;
    var id = hash.slice(4);
    var all = document.querySelectorAll("[data-seg]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-seg") === id) {
        all[i].scrollIntoView({ block: "start" });
        all[i].classList.add("seg-target");
        return;
      }
    }
  }
  remember(document.documentElement.lang);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", restore); else restore();
})();
