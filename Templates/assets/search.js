// Search, with Pagefind's index (written by `docgen build` into pagefind/). Without this script
// the header's search entry is a link to <lang>/search.html, which explains what search needs.
// With it, the link becomes a button that opens a search box under the header (or the `/` key
// does); the box is the search page's widget, fetched once when first opened, so pages carry no
// search markup. Nothing of the index is loaded before the reader types: pagefind.js is imported
// on the first keystroke, and Pagefind then fetches only the index chunks the words need.
// The box is a combobox (the ARIA 1.1 pattern, which axe 3 and 4 both accept) over a listbox: arrows move through the results, Enter opens one,
// Escape closes; a live region says how many results there are.
(function () {
  "use strict";
  var header = document.querySelector(".site-search");
  if (!header) return;
  var link = header.querySelector(".search-link");
  var root = new URL(header.getAttribute("data-root") || "./", location.href);
  var fromDisk = location.protocol === "file:";
  var pagefind = null; // promise of {primary, other} instances
  var widget = null;
  var panel = null;
  var opener = null;

  function format(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function escapeHTML(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Pagefind picks the index of <html lang>; the other language's instance is created while the
  // attribute names that language (createInstance reads it synchronously), then it is restored.
  // The other instance is made only when the reader asks for the other language.
  var OPTIONS = { excerptLength: 24, baseUrl: "/" };
  function loadPagefind(otherLang) {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return { module: module, primary: module.createInstance(OPTIONS), other: null };
      });
    }
    return pagefind.then(function (instances) {
      if (otherLang && !instances.other) {
        var html = document.documentElement;
        var lang = html.getAttribute("lang");
        html.setAttribute("lang", otherLang);
        try { instances.other = instances.module.createInstance(OPTIONS); } finally { html.setAttribute("lang", lang); }
      }
      return instances;
    });
  }

  // The page a result leads to: Pagefind's URLs are relative to the site root ("/fr/a.html").
  function resultURL(url) {
    return new URL(url.replace(/^\//, ""), root).href;
  }

  function bestSubResult(data) {
    var best = null;
    (data.sub_results || []).forEach(function (sub) {
      if (!best || (sub.locations || []).length > (best.locations || []).length) best = sub;
    });
    return best;
  }

  function wireWidget(box, inPanel) {
    var input = box.querySelector(".search-input");
    var list = box.querySelector(".search-results");
    var status = box.querySelector(".search-status");
    var otherCheck = box.querySelector(".search-other-check");
    var form = box.querySelector("form");
    var otherLang = box.getAttribute("data-other-lang");
    // The ARIA 1.1 combobox: a wrapper that owns the listbox says whether it is expanded.
    var combobox = box.querySelector("[role=combobox]") || input;
    var strings = {};
    ["loading", "count-one", "count", "none", "unavailable", "needs-server", "mt", "other-group", "other-count"].forEach(function (k) {
      strings[k] = box.getAttribute("data-" + k) || "";
    });
    var active = -1;
    var sequence = 0;
    var timer = null;

    function options() { return list.querySelectorAll("[role=option]"); }
    function setActive(index) {
      var all = options();
      if (!all.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
    function say(text) { status.textContent = text; }
    function clear() {
      list.innerHTML = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      combobox.setAttribute("aria-expanded", "false");
    }

    function optionHTML(data, index, lang) {
      var sub = bestSubResult(data);
      var meta = data.meta || {};
      var url = sub && sub.url && sub.url.indexOf("#") > 0 ? sub.url : data.url;
      var excerpt = sub && sub.excerpt ? sub.excerpt : data.excerpt;
      return '<a role="option" class="search-result" tabindex="-1" aria-selected="false" id="search-option-' + index + '"' +
        ' href="' + escapeHTML(resultURL(url)) + '"' + (lang ? ' lang="' + escapeHTML(lang) + '"' : "") + ">" +
        '<span class="search-result-title">' + escapeHTML(meta.title || data.url) + "</span>" +
        (meta.section || meta.translation === "MT" ? '<span class="search-result-meta">' +
          (meta.section ? '<span class="search-result-section">' + escapeHTML(meta.section) + "</span>" : "") +
          (meta.translation === "MT" ? '<span class="search-result-mt">' + escapeHTML(strings.mt) + "</span>" : "") +
          "</span>" : "") +
        // Pagefind escapes the page text of an excerpt before adding <mark>.
        '<span class="search-result-excerpt">' + (excerpt || "") + "</span></a>";
    }

    function run() {
      var query = input.value.trim();
      var mine = ++sequence;
      if (!query) { clear(); say(""); return; }
      if (fromDisk) { clear(); say(strings["needs-server"]); return; }
      if (!list.childElementCount) say(strings.loading);
      var wantOther = otherCheck && otherCheck.checked;
      loadPagefind(wantOther ? otherLang : null).then(function (instances) {
        var searches = [instances.primary.search(query)];
        if (wantOther && instances.other) searches.push(instances.other.search(query));
        return Promise.all(searches);
      }).then(function (found) {
        return Promise.all(found.map(function (search, i) {
          var results = (search && search.results) || [];
          return Promise.all(results.slice(0, i === 0 ? 8 : 5).map(function (r) { return r.data(); }))
            .then(function (data) { return { data: data, total: results.length }; });
        }));
      }).then(function (groups) {
        if (mine !== sequence) return;
        var html = "";
        var index = 0;
        groups[0].data.forEach(function (data) { html += optionHTML(data, index++, null); });
        if (groups[1] && groups[1].data.length) {
          html += '<div role="group" aria-labelledby="search-other-label"><div class="search-group-label" id="search-other-label" role="presentation">' +
            escapeHTML(strings["other-group"]) + "</div>";
          groups[1].data.forEach(function (data) { html += optionHTML(data, index++, otherLang); });
          html += "</div>";
        }
        list.innerHTML = html;
        active = -1;
        input.removeAttribute("aria-activedescendant");
        combobox.setAttribute("aria-expanded", index > 0 ? "true" : "false");
        var total = groups[0].total;
        var text = total === 0 && !(groups[1] && groups[1].total) ? format(strings.none, { query: query })
          : total === 1 ? strings["count-one"] : format(strings.count, { count: total });
        if (groups[1] && groups[1].total) text += " · " + format(strings["other-count"], { count: groups[1].total });
        say(text);
      }).catch(function () {
        if (mine !== sequence) return;
        clear();
        say(strings.unavailable);
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    if (otherCheck) otherCheck.addEventListener("change", run);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("keydown", function (event) {
      var all = options();
      if (event.key === "ArrowDown") { event.preventDefault(); setActive(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active < 0 ? all.length - 1 : active - 1); }
      else if (event.key === "Enter") {
        event.preventDefault();
        var chosen = all[active >= 0 ? active : 0];
        if (chosen) location.href = chosen.href;
        else { clearTimeout(timer); run(); }
      } else if (event.key === "Escape") {
        event.preventDefault();
        if (inPanel) close(true); else { input.value = ""; clear(); say(""); }
      }
    });
    list.addEventListener("mousemove", function (event) {
      var option = event.target.closest && event.target.closest("[role=option]");
      if (option) setActive(Array.prototype.indexOf.call(options(), option));
    });
    return input;
  }

  function close(restoreFocus) {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    if (restoreFocus) opener.focus();
  }

  function open() {
    if (widget) { // the search page: its own box
      widget.querySelector(".search-input").focus();
      return;
    }
    if (panel) {
      panel.hidden = false;
      opener.setAttribute("aria-expanded", "true");
      panel.querySelector(".search-input").focus();
      return;
    }
    fetch(link.href).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (text) {
      var page = new DOMParser().parseFromString(text, "text/html");
      var box = page.querySelector(".search-widget");
      if (!box) throw new Error("no search widget");
      panel = document.createElement("div");
      panel.className = "search-panel";
      panel.id = "search-panel";
      panel.appendChild(document.importNode(box, true));
      header.appendChild(panel);
      opener.setAttribute("aria-controls", panel.id);
      wireWidget(panel.querySelector(".search-widget"), true);
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); close(true); }
      });
      panel.addEventListener("focusout", function (event) {
        if (event.relatedTarget && !panel.contains(event.relatedTarget) && event.relatedTarget !== opener) close(false);
      });
      open();
    }).catch(function () { location.href = link.href; });
  }

  // The search page has the box in its article: wire it, and fill it from ?q=.
  var pageWidget = document.querySelector("main .search-widget");
  if (pageWidget) {
    widget = pageWidget;
    var input = wireWidget(widget, false);
    if (fromDisk) widget.querySelector(".search-status").textContent = widget.getAttribute("data-needs-server");
    var query = new URLSearchParams(location.search).get("q");
    if (query) { input.value = query; input.dispatchEvent(new Event("input")); }
  }

  // From disk the link is kept: the search page explains that search needs a web server.
  if (!fromDisk || widget) {
    opener = document.createElement("button");
    opener.type = "button";
    opener.className = link.className;
    opener.innerHTML = link.innerHTML;
    opener.setAttribute("aria-expanded", "false");
    opener.setAttribute("aria-keyshortcuts", "/");
    if (widget) opener.removeAttribute("aria-expanded");
    link.replaceWith(opener);
    opener.addEventListener("click", function () {
      if (panel && !panel.hidden) close(true); else open();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    if (opener) open(); else location.href = link.href;
  });
  document.addEventListener("click", function (event) {
    if (panel && !panel.hidden && !header.contains(event.target)) close(false);
  });
})();
