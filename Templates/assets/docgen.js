// docgen default theme script. Every page works without it (plain links); it only enhances:
//  1. the language toggle keeps the reader's place: it opens the other language at the segment
//     (or heading) at the top of the viewport, and remembers the chosen language;
//  2. "Show original" (target page): each segment can reveal its English source in place, by a
//     button after the segment (Tab, Enter, Space), a click on the sentence, or one switch for all;
//  3. "Side by side" (target page): target | source, aligned block by block, stacked on phones.
// The source text of both modes is read from the source-language page (same segment ids) the
// first time a mode is turned on: fetched over http(s); from disk (file://), where browsers refuse
// fetch, that page is opened in a hidden frame and posts its segments back.
// The outline's current-section highlight is navigation.js's job.
// Reader modes are remembered in localStorage. Nothing here reacts to hover or to text selection.
(function () {
  "use strict";

  var KEYS = { lang: "docgen.lang", mode: "docgen.readerMode", all: "docgen.showAllOriginals" };
  var MODES = ["original", "sbs"];

  // ---------------------------------------------------------------- storage

  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try {
      if (value === null || value === "") localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* storage may be disabled (private mode, file:// policies): modes then last one page */ }
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // ---------------------------------------------------------------- live region

  var live = null;
  function announce(text) {
    if (!text) return;
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("aria-live", "polite");
      live.setAttribute("role", "status");
      (document.getElementById("main") || document.body).appendChild(live); // inside a landmark
    }
    // Clearing first makes screen readers announce the same text twice in a row.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }

  // ---------------------------------------------------------------- 1. the toggle keeps your place

  function headerOffset() {
    var header = document.querySelector(".site-header");
    var offset = header ? header.getBoundingClientRect().bottom : 0;
    var columns = document.querySelector(".sbs-columns");
    if (columns) offset = Math.max(offset, columns.getBoundingClientRect().bottom);
    return Math.max(0, offset);
  }

  // The first segment (or, on pages without segments, heading) still visible below the header.
  function placeMarker() {
    var top = headerOffset() + 2;
    var article = document.querySelector("main .content");
    if (!article) return "";
    var segs = article.querySelectorAll("[data-seg]");
    var i, rect;
    for (i = 0; i < segs.length; i++) {
      rect = segs[i].getBoundingClientRect();
      if (rect.height > 0 && rect.bottom > top) return "seg=" + encodeURIComponent(segs[i].getAttribute("data-seg"));
    }
    var headings = article.querySelectorAll("h1[id], h2[id], h3[id], h4[id]");
    var last = "";
    for (i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= top + 8) last = headings[i].id; else break;
    }
    return last;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.language-toggle, a.outline-lang");
    if (!link) return;
    var lang = link.getAttribute("data-lang") || link.getAttribute("hreflang");
    if (lang) save(KEYS.lang, lang);
    if (!link.classList.contains("language-toggle")) return; // section links keep their heading
    var marker = window.scrollY > 0 ? placeMarker() : "";
    link.href = link.href.split("#")[0] + (marker ? "#" + marker : "");
  });

  function findSegment(id) {
    var all = document.querySelectorAll("main .content [data-seg]");
    for (var i = 0; i < all.length; i++) if (all[i].getAttribute("data-seg") === id) return all[i];
    return null;
  }

  // On arrival with #seg=ID, bring that segment to the top (again once images have loaded,
  // unless the reader has scrolled since).
  function restorePlace() {
    var hash = location.hash.slice(1);
    var target = null;
    try { hash = decodeURIComponent(hash); } catch (e) { return; }
    if (hash.indexOf("seg=") === 0) target = findSegment(hash.slice(4));
    else if (hash && currentMode()) target = document.getElementById(hash); // relaid out by a reader mode
    if (!target) return;
    var place = function () { target.scrollIntoView({ block: "start" }); };
    place();
    target.classList.add("seg-target");
    // Keep the segment pinned while the page settles (images, the table of contents loading,
    // another script scrolling its own box into view), until the reader scrolls or 3 s pass.
    var wanted = target.getBoundingClientRect().top;
    var settled = false;
    var stop = function () {
      settled = true;
      ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) { window.removeEventListener(type, stop, true); });
    };
    ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) { window.addEventListener(type, stop, true); });
    window.setTimeout(stop, 3000);
    var check = function () {
      if (settled || Math.abs(target.getBoundingClientRect().top - wanted) <= 4) return;
      place();
      wanted = target.getBoundingClientRect().top;
    };
    window.addEventListener("scroll", function () { if (!settled) window.requestAnimationFrame(check); }, { passive: true });
    window.addEventListener("load", check);
  }

  // ---------------------------------------------------------------- reader modes (target page)

  var bar = document.querySelector(".reader-modes");
  var article = document.querySelector("main .content");
  var FRAME_HASH = "docgen-segments";
  var sources = null; // id -> the segment's rendered source HTML, once loaded
  var waiting = null; // callbacks while the source page loads

  function sourceFor(id) { return sources && Object.prototype.hasOwnProperty.call(sources, id) ? sources[id] : null; }

  // The segments of a page (or parsed document): id -> inner HTML.
  function segmentsIn(root) {
    var map = {};
    each(root.querySelectorAll("main .content [data-seg]"), function (el) { map[el.getAttribute("data-seg")] = el.innerHTML; });
    return map;
  }

  // Load the source-language page's segments once; `done(true)` when they are there.
  function loadSources(done) {
    if (sources) { done(true); return; }
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var finish = function (map) {
      if (map) sources = map;
      var callbacks = waiting;
      waiting = null;
      callbacks.forEach(function (fn) { fn(!!map); });
    };
    var page = bar.getAttribute("data-source-page");
    if (!page) { finish(null); return; }
    var href = new URL(page, location.href).href.split("#")[0];
    if (location.protocol === "file:" || !window.fetch || !window.DOMParser) { loadInFrame(href, finish); return; }
    fetch(href).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      finish(segmentsIn(new DOMParser().parseFromString(html, "text/html")));
    }).catch(function () { loadInFrame(href, finish); });
  }

  // From disk: the page in a hidden frame runs this script, which posts its segments (below).
  function loadInFrame(href, finish) {
    var frame = document.createElement("iframe");
    var timer = null;
    var done = function (map) {
      if (!frame) return;
      window.clearTimeout(timer);
      window.removeEventListener("message", onMessage);
      if (frame.parentNode) frame.parentNode.removeChild(frame);
      frame = null;
      finish(map);
    };
    var onMessage = function (event) {
      var data = event.data;
      if (!frame || event.source !== frame.contentWindow || !data || typeof data.docgenSegments !== "object") return;
      done(data.docgenSegments);
    };
    window.addEventListener("message", onMessage);
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    // A page that never answers (missing, or a browser that blocks the frame) fails after it loads.
    frame.addEventListener("load", function () { timer = window.setTimeout(function () { done(null); }, 1500); });
    timer = window.setTimeout(function () { done(null); }, 15000);
    frame.src = href + "#" + FRAME_HASH;
    document.body.appendChild(frame);
  }

  // The other side of loadInFrame: opened in a frame to lend its segments, post them to the parent.
  if (window.parent !== window && location.hash === "#" + FRAME_HASH) {
    var lend = function () { window.parent.postMessage({ docgenSegments: segmentsIn(document) }, "*"); };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", lend); else lend();
  }

  function text(name) { return bar ? bar.getAttribute("data-" + name) || "" : ""; }
  function sourceLang() { return text("source-lang") || "en"; }

  function segmentsOf(root) {
    return Array.prototype.filter.call(root.querySelectorAll("[data-seg]"), function (seg) {
      return !seg.closest(".sbs-source");
    });
  }

  // -- 2. show the original

  var originalsReady = false;

  // Where a segment's button and English go: after the segment, or after the link, summary or
  // button that contains it (an interactive element must not hold another one).
  function anchorFor(seg) {
    var outer = seg.parentElement && seg.parentElement.closest("a, button, summary, label");
    return outer && article.contains(outer) ? outer : seg;
  }

  function prepareOriginals() {
    if (originalsReady) return;
    originalsReady = true;
    var lastInserted = new Map();
    var code = sourceLang();
    segmentsOf(article).forEach(function (seg, index) {
      var id = seg.getAttribute("data-seg");
      var source = sourceFor(id);
      if (source === null) return;
      var anchor = anchorFor(seg);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "seg-toggle";
      button.setAttribute("aria-expanded", "false");
      var panelId = "seg-original-" + index;
      button.setAttribute("aria-controls", panelId);
      button.setAttribute("data-for", id);
      button.innerHTML = '<span aria-hidden="true"></span><span class="visually-hidden"></span>';
      button.firstChild.textContent = code.toUpperCase();
      button.lastChild.textContent = text("seg-toggle-label");
      var panel = document.createElement("span");
      panel.className = "seg-original";
      panel.id = panelId;
      panel.lang = code;
      if (text("source-dir")) panel.dir = text("source-dir");
      panel.hidden = true;
      panel.innerHTML = source;
      var after = lastInserted.get(anchor) || anchor;
      after.parentNode.insertBefore(button, after.nextSibling);
      button.parentNode.insertBefore(panel, button.nextSibling);
      lastInserted.set(anchor, panel);
      seg.setAttribute("data-original", panelId);
    });
  }

  function setExpanded(button, expanded) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    panel.hidden = !expanded;
    var seg = findSegment(button.getAttribute("data-for"));
    if (seg) seg.classList.toggle("seg-open", expanded);
  }

  function toggleOne(button) {
    var expanded = button.getAttribute("aria-expanded") !== "true";
    setExpanded(button, expanded);
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    announce(expanded ? text("announce-shown") + " " + panel.textContent : text("announce-hidden"));
    syncAllButton();
  }

  function allButtons() { return article.querySelectorAll("button.seg-toggle"); }

  function syncAllButton() {
    var all = bar.querySelector(".reader-all");
    var buttons = allButtons();
    var open = Array.prototype.every.call(buttons, function (b) { return b.getAttribute("aria-expanded") === "true"; });
    all.setAttribute("aria-pressed", buttons.length && open ? "true" : "false");
  }

  function setAll(expanded, quiet) {
    each(allButtons(), function (b) { setExpanded(b, expanded); });
    syncAllButton();
    save(KEYS.all, expanded ? "1" : "");
    if (!quiet) announce(text(expanded ? "announce-all-shown" : "announce-all-hidden"));
  }

  // A click on a sentence reveals its English, unless the click ends a text selection, starts a
  // double or triple click (word and line selection) or lands on a link or a control. The toggle
  // waits a double-click interval so that selecting a word never flashes the English open.
  var pendingClick = null;
  function onArticleClick(event) {
    if (!document.body.classList.contains("mode-original")) return;
    var button = event.target.closest("button.seg-toggle");
    if (button) { toggleOne(button); return; }
    if (pendingClick) { window.clearTimeout(pendingClick); pendingClick = null; }
    if (event.detail > 1 || event.button !== 0) return;
    if (hasSelection()) return;
    if (event.target.closest("a, button, input, select, textarea, summary, label, .seg-original")) return;
    var seg = event.target.closest("[data-seg][data-original]");
    if (!seg) return;
    var toggle = article.querySelector('button.seg-toggle[aria-controls="' + seg.getAttribute("data-original") + '"]');
    if (!toggle) return;
    pendingClick = window.setTimeout(function () {
      pendingClick = null;
      if (!hasSelection()) toggleOne(toggle);
    }, 280);
  }

  function hasSelection() {
    var selection = window.getSelection && window.getSelection();
    return !!(selection && !selection.isCollapsed && selection.toString().trim() !== "");
  }

  // -- 3. side by side

  var sbs = null; // { columns, rows: [{ row, block, list }] }

  function cleanSourceClone(clone) {
    var code = sourceLang();
    each(clone.querySelectorAll("[data-seg]"), function (seg) {
      var id = seg.getAttribute("data-seg");
      var source = sourceFor(id);
      seg.removeAttribute("data-seg");
      seg.removeAttribute("data-original");
      seg.className = "seg-src";
      seg.setAttribute("data-seg-source", id);
      if (source !== null) {
        seg.innerHTML = source; seg.lang = code;
      } else {
        seg.lang = document.documentElement.lang; seg.dir = document.documentElement.dir || "ltr";
      }
    });
    each(clone.querySelectorAll(".seg-toggle, .seg-original, .heading-anchor, img, picture, svg, details.image-description, script"), function (el) {
      el.parentNode.removeChild(el);
    });
    each(clone.querySelectorAll(".alert"), function (alert) {
      var kind = /alert-(note|tip|important|caution|warning)/.exec(alert.className);
      var title = alert.querySelector(".alert-title");
      if (kind && title && text("source-alert-" + kind[1])) { title.textContent = text("source-alert-" + kind[1]); title.lang = code; }
    });
    if (clone.id) clone.removeAttribute("id");
    each(clone.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    each(clone.querySelectorAll("[aria-labelledby], [aria-describedby], [aria-controls]"), function (el) {
      el.removeAttribute("aria-labelledby"); el.removeAttribute("aria-describedby"); el.removeAttribute("aria-controls");
    });
    return clone;
  }

  function makeRow(targetNode) {
    var row = document.createElement("div");
    row.className = "sbs-row";
    var left = document.createElement("div");
    left.className = "sbs-cell sbs-target";
    var right = document.createElement("div");
    right.className = "sbs-cell sbs-source";
    right.lang = sourceLang();
    if (text("source-dir")) right.dir = text("source-dir");
    row.appendChild(left);
    row.appendChild(right);
    left.appendChild(targetNode);
    right.appendChild(cleanSourceClone(targetNode.cloneNode(true)));
    if (!right.querySelector(".seg-src")) row.classList.add("sbs-row-untranslated");
    return row;
  }

  function buildSideBySide() {
    if (sbs) return;
    var blocks = Array.prototype.filter.call(article.children, function (el) {
      return !el.classList.contains("last-updated") && el.tagName !== "TEMPLATE";
    });
    var rows = [];
    var columns = document.createElement("div");
    columns.className = "sbs-columns";
    columns.setAttribute("aria-hidden", "true");
    // Both headings are interface text in the page's language ("Japonais (traduction)"); the
    // grid puts the target first in reading order (on the right in a right-to-left page).
    columns.innerHTML = '<span></span><span></span>';
    columns.firstChild.textContent = text("column-target");
    columns.lastChild.textContent = text("column-source");
    if (blocks.length) article.insertBefore(columns, blocks[0]);
    blocks.forEach(function (block) {
      var isList = (block.tagName === "UL" || block.tagName === "OL") && block.children.length > 1;
      if (!isList) {
        var placeholder = document.createComment("sbs");
        block.parentNode.insertBefore(placeholder, block);
        var row = makeRow(block);
        placeholder.parentNode.insertBefore(row, placeholder);
        placeholder.parentNode.removeChild(placeholder);
        rows.push({ row: row, block: block });
        return;
      }
      // A list is split into one row per item, so long lists stay aligned item by item.
      var items = Array.prototype.slice.call(block.children);
      var start = block.tagName === "OL" ? (parseInt(block.getAttribute("start"), 10) || 1) : 1;
      var original = Array.prototype.slice.call(block.childNodes);
      var marker = document.createComment("sbs-list");
      block.parentNode.insertBefore(marker, block);
      block.parentNode.removeChild(block);
      items.forEach(function (item, n) {
        var part = block.cloneNode(false);
        part.classList.add("sbs-list-part");
        if (block.tagName === "OL") part.setAttribute("start", String(start + n));
        part.appendChild(item);
        var row = makeRow(part);
        marker.parentNode.insertBefore(row, marker);
        rows.push({ row: row, block: block, item: item, part: part });
      });
      rows[rows.length - 1].marker = marker;
      rows[rows.length - 1].original = original;
    });
    sbs = { columns: columns, rows: rows };
  }

  function teardownSideBySide() {
    if (!sbs) return;
    sbs.rows.forEach(function (entry) {
      var row = entry.row;
      if (entry.item) {
        if (entry.marker) {
          // Put back every child (items and the text between them) in its original order.
          entry.original.forEach(function (node) { entry.block.appendChild(node); });
          entry.marker.parentNode.insertBefore(entry.block, entry.marker);
          entry.marker.parentNode.removeChild(entry.marker);
        }
      } else {
        row.parentNode.insertBefore(entry.block, row);
      }
      row.parentNode.removeChild(row);
    });
    if (sbs.columns.parentNode) sbs.columns.parentNode.removeChild(sbs.columns);
    sbs = null;
  }

  // -- switching modes

  function currentMode() {
    for (var i = 0; i < MODES.length; i++) if (document.body.classList.contains("mode-" + MODES[i])) return MODES[i];
    return "";
  }

  var wanted = null; // the mode asked for while the source page loads

  function pressButtons(mode) {
    each(bar.querySelectorAll(".reader-mode"), function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-mode") === mode ? "true" : "false");
    });
  }

  // The mode the buttons show: the one loading, else the one on.
  function shownMode() { return wanted !== null ? wanted : currentMode(); }

  // Turn a mode on (after loading the source page the first time) or off; `then` runs once it is
  // applied, or has failed.
  function setMode(mode, quiet, then) {
    if (MODES.indexOf(mode) < 0) mode = "";
    if (!mode || sources) {
      wanted = null;
      applyMode(mode, quiet);
      if (then) then();
      return;
    }
    var first = wanted === null;
    wanted = mode;
    pressButtons(mode);
    if (!first) return;
    bar.setAttribute("aria-busy", "true");
    var anchorId = quiet ? "" : placeMarker();
    loadSources(function (ok) {
      bar.removeAttribute("aria-busy");
      var next = wanted;
      wanted = null;
      if (next === null) { /* turned off while loading: already applied */ }
      else if (ok) applyMode(next, quiet, anchorId);
      else unavailable(quiet);
      if (then) then();
    });
  }

  // The source page could not be read: say so under the buttons and stay in normal reading (the
  // remembered mode is kept for the next page).
  function unavailable(quiet) {
    pressButtons(currentMode());
    var note = bar.querySelector(".reader-unavailable");
    if (!note) {
      note = document.createElement("p");
      note.className = "reader-hint reader-unavailable";
      bar.appendChild(note);
    }
    note.textContent = text("sources-unavailable");
    if (!quiet) announce(text("sources-unavailable"));
  }

  function applyMode(mode, quiet, marker) {
    var anchorId = quiet ? "" : marker !== undefined ? marker : placeMarker();
    document.body.classList.remove("mode-original", "mode-sbs");
    if (mode !== "sbs") teardownSideBySide();
    if (mode === "original") {
      prepareOriginals();
      setAll(load(KEYS.all) === "1", true);
    }
    if (mode === "sbs") buildSideBySide();
    if (mode) document.body.classList.add("mode-" + mode);
    pressButtons(mode);
    bar.querySelector(".reader-all").hidden = mode !== "original";
    bar.querySelector(".reader-hint").hidden = mode !== "original";
    var note = bar.querySelector(".reader-unavailable");
    if (note) note.parentNode.removeChild(note);
    save(KEYS.mode, mode);
    if (!quiet) {
      announce(text(mode === "original" ? "announce-mode-original" : mode === "sbs" ? "announce-mode-sbs" : "announce-mode-off"));
      // Keep the sentence the reader was at in view across the relayout.
      if (anchorId.indexOf("seg=") === 0) {
        var seg = findSegment(decodeURIComponent(anchorId.slice(4)));
        if (seg && window.scrollY > 0) seg.scrollIntoView({ block: "start" });
      }
    }
  }

  // `then` runs once a remembered mode is applied (the page's layout is final).
  function initReaderModes(then) {
    if (!bar || !article) { then(); return; }
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.classList.contains("reader-mode")) {
        var mode = button.getAttribute("data-mode");
        setMode(shownMode() === mode ? "" : mode);
      } else if (button.classList.contains("reader-all")) {
        setAll(button.getAttribute("aria-pressed") !== "true");
      }
    });
    article.addEventListener("click", onArticleClick);
    var saved = load(KEYS.mode);
    if (saved) setMode(saved, true, then); else then();
  }

  // ---------------------------------------------------------------- heading permalinks

  // A "#" link after each section heading of the article, added here rather than written into
  // every page (without the script, the outline links to the same ids).
  function addPermalinks() {
    if (!article) return;
    each(article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]"), function (heading) {
      if (heading.querySelector(".heading-anchor")) return;
      var link = document.createElement("a");
      link.className = "heading-anchor";
      link.setAttribute("href", "#" + heading.id);
      link.setAttribute("aria-hidden", "true");
      link.tabIndex = -1;
      link.textContent = "#";
      heading.appendChild(link);
    });
  }

  function start() {
    addPermalinks();
    initReaderModes(restorePlace);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
