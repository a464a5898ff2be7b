/// The script `docgen serve` adds to every page (and only there; `build` never writes it). It
/// opens a WebSocket to the server; on "reload" it remembers the reader's place, the first
/// segment visible below the header as the language toggle does (else the scroll offset), and
/// reloads; after the reload it brings that segment back to the top. The build's errors are
/// shown in an overlay until a build without errors.
enum ReloadScript {
    static let source = #"""
        (function () {
          "use strict";
          var KEY = "docgen-serve-place";
          function headerOffset() {
            var header = document.querySelector(".site-header");
            return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
          }
          function place() {
            var top = headerOffset() + 2;
            var segs = document.querySelectorAll("main .content [data-seg]");
            for (var i = 0; i < segs.length; i++) {
              var rect = segs[i].getBoundingClientRect();
              if (rect.height > 0 && rect.bottom > top) {
                return { path: location.pathname, seg: segs[i].getAttribute("data-seg"), offset: rect.top - top, y: window.scrollY };
              }
            }
            return { path: location.pathname, seg: null, offset: 0, y: window.scrollY };
          }
          function restore() {
            var saved = null;
            try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); sessionStorage.removeItem(KEY); } catch (e) { return; }
            if (!saved || saved.path !== location.pathname) return;
            var target = null;
            if (saved.seg) {
              var segs = document.querySelectorAll("main .content [data-seg]");
              for (var i = 0; i < segs.length; i++) if (segs[i].getAttribute("data-seg") === saved.seg) { target = segs[i]; break; }
            }
            if (target) {
              window.scrollTo(0, window.scrollY + target.getBoundingClientRect().top - headerOffset() - 2 - saved.offset);
            } else {
              window.scrollTo(0, saved.y);
            }
            document.documentElement.setAttribute("data-docgen-restored", saved.seg || String(saved.y));
          }
          function overlay(problems) {
            var box = document.getElementById("docgen-serve-overlay");
            if (!problems.length) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "docgen-serve-overlay";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;z-index:2147483647;" +
                "background:#2b0b0b;color:#ffdede;font:13px/1.45 ui-monospace,monospace;padding:12px 16px;white-space:pre-wrap;" +
                "border-top:3px solid #ff5c5c";
              document.body.appendChild(box);
            }
            box.textContent = "docgen: the last build has errors\n\n" + problems.join("\n");
          }
          function connect(delay) {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__docgen/socket");
            socket.onmessage = function (event) {
              var message = JSON.parse(event.data);
              if (message.type === "reload") {
                try { sessionStorage.setItem(KEY, JSON.stringify(place())); } catch (e) {}
                location.reload();
              } else if (message.type === "state") {
                overlay(message.problems || []);
              }
            };
            socket.onopen = function () { delay = 250; };
            socket.onclose = function () { window.setTimeout(function () { connect(Math.min(delay * 2, 4000)); }, delay); };
          }
          if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", restore); else restore();
          window.addEventListener("load", restore.bind(null));
          connect(250);
        })();
        """#
}
