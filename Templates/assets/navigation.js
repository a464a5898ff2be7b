// Navigation enhancements. The sidebar works without this script (links and <details>); with it,
// the full tree is loaded from toc.html once so every section can be expanded in place, the
// open/closed state of sections is remembered, and the outline follows the reading position.
(function () {
  "use strict";
  var KEY = "docgen.toc.closed";

  function closedSet() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function remember(details) {
    var label = details.querySelector("summary");
    if (!label) return;
    var id = label.textContent.trim();
    var closed = closedSet().filter(function (x) { return x !== id; });
    if (!details.open) closed.push(id);
    try { sessionStorage.setItem(KEY, JSON.stringify(closed)); } catch (e) { /* storage may be off */ }
  }

  function wire(sidebar) {
    var closed = closedSet();
    sidebar.querySelectorAll("details").forEach(function (details) {
      var label = details.querySelector("summary");
      if (label && closed.indexOf(label.textContent.trim()) >= 0 && !details.querySelector("[aria-current]")) details.open = false;
      details.addEventListener("toggle", function () { remember(details); });
    });
    // Bring the current entry into view inside the sidebar only, and only when the sidebar is its
    // own scroll box (beside the article); on phones it sits below the article and the page must
    // stay at its top.
    var current = sidebar.querySelector("[aria-current='page']");
    if (current && sidebar.scrollHeight > sidebar.clientHeight + 1) {
      var box = sidebar.getBoundingClientRect();
      var item = current.getBoundingClientRect();
      if (item.top < box.top || item.bottom > box.bottom) {
        sidebar.scrollTop += item.top - box.top - sidebar.clientHeight / 3;
      }
    }
  }

  // Replace the partial sidebar with the full tree from toc.html, marking the current page.
  function expand(sidebar) {
    var url = sidebar.getAttribute("data-toc-url");
    if (!url || location.protocol === "file:" || !window.fetch) return Promise.resolve();
    var base = new URL(url, location.href);
    return fetch(base.href).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var full = doc.querySelector(".toc-full");
      if (!full) return;
      var here = location.href.split("#")[0];
      full.querySelectorAll("a[href]").forEach(function (a) {
        var absolute = new URL(a.getAttribute("href"), base).href;
        a.setAttribute("href", absolute);
        if (absolute.split("#")[0] === here) {
          a.setAttribute("aria-current", "page");
          var item = a.closest("li");
          if (item) item.classList.add("toc-current");
        }
      });
      full.querySelectorAll("details").forEach(function (d) { d.open = !!d.querySelector("[aria-current]"); });
      full.classList.remove("toc-full");
      var list = sidebar.querySelector(".toc");
      if (list) list.replaceWith(full);
    }).catch(function () { /* keep the partial sidebar */ });
  }

  function scrollSpy() {
    var links = document.querySelectorAll(".outline a[href^='#']");
    if (!links.length || !("IntersectionObserver" in window)) return;
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        links.forEach(function (a) { a.removeAttribute("aria-current"); });
        var link = byId[entry.target.id];
        if (link) link.setAttribute("aria-current", "true");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var heading = document.getElementById(id);
      if (heading) observer.observe(heading);
    });
  }

  function start() {
    var sidebar = document.getElementById("sidebar");
    if (sidebar) expand(sidebar).then(function () { wire(sidebar); });
    scrollSpy();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
