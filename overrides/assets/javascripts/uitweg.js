/* Uitweg: the quick exit, and what Material's bundle expects before it runs.
 * Loaded from a file (no inline script, so the Content-Security-Policy allows
 * only the site's own files) at the end of <body>, before Material's bundle.
 * Everything works without it: the quick exit is then a plain link. */
(function () {
  "use strict";

  /* Material's helpers, normally an inline <script> in <head>
     (partials/javascripts/base.html, emptied in overrides/). The scope is the
     site root: two folders up from assets/javascripts/. Nothing is stored on
     the device: a phone someone else checks keeps no trace in web storage. */
  var here = document.currentScript && document.currentScript.src;
  window.__md_scope = new URL("../../", here || location.href);
  window.__md_hash = function (text) {
    return Array.prototype.reduce.call(text, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function () { return null; };
  window.__md_set = function () {};

  /* Material falls back to a polyfill from unpkg.com when ResizeObserver is
     missing (old browsers). A small stand-in keeps that request from happening:
     it reports observed elements once, and again when the window resizes. */
  if (typeof window.ResizeObserver === "undefined") {
    window.ResizeObserver = function (callback) {
      var observed = [];
      var report = function (targets) {
        callback(targets.map(function (el) { return { target: el, contentRect: el.getBoundingClientRect() }; }));
      };
      var onResize = function () { report(observed); };
      this.observe = function (el) {
        if (observed.indexOf(el) < 0) observed.push(el);
        if (observed.length === 1) window.addEventListener("resize", onResize);
        setTimeout(function () { report([el]); }, 0);
      };
      this.unobserve = function (el) {
        observed = observed.filter(function (o) { return o !== el; });
      };
      this.disconnect = function () {
        observed = [];
        window.removeEventListener("resize", onResize);
      };
    };
  }

  /* Material's bundle fetches sitemap.xml next to every <link rel="alternate">
     of the page (to map pages between languages). The hreflang links are for
     search engines and hold full https://uitweg.example/ addresses: from a USB
     copy or a test server that would be a request to another site, and the
     language links of the page already lead to the same page. The bundle only
     reads them at start-up, so they go before it runs. */
  Array.prototype.forEach.call(document.querySelectorAll('link[rel="alternate"][hreflang]'),
    function (link) { link.remove(); });

  /* Quick exit (after GOV.UK "Exit this page"): hide the page at once, then
     replace this history entry with a neutral site. Offline (a USB copy with
     no network) the neutral site cannot load: go to an empty page instead. */
  var exit = document.getElementById("uw-exit");
  if (!exit) return;
  var root = document.documentElement;

  function leave(event) {
    if (event) event.preventDefault();
    root.classList.add("uw-leaving");
    document.body.hidden = true;
    var target = navigator.onLine === false ? "about:blank" : exit.href;
    window.location.replace(target);
  }

  /* Coming back with Back (page restored from the back/forward cache). */
  window.addEventListener("pageshow", function () {
    root.classList.remove("uw-leaving");
    document.body.hidden = false;
  });

  exit.addEventListener("click", leave);

  /* Shortcut: Shift pressed three times, each press within 5 seconds of the
     last. Not Escape: it stops page loads and closes dialogs. Shift held while
     typing a capital letter does not count. */
  var presses = 0;
  var timer = null;
  var lastWasModified = false;
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastWasModified) {
      presses += 1;
      clearTimeout(timer);
      if (presses >= 3) {
        presses = 0;
        leave();
      } else {
        timer = setTimeout(function () { presses = 0; }, 5000);
      }
    } else if (event.key !== "Shift") {
      presses = 0;
      clearTimeout(timer);
    }
    lastWasModified = event.shiftKey;
  }, true);
})();
