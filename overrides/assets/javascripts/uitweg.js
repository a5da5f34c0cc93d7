/* Uitweg: the quick exit, and search on demand. The only script a page loads
 * (Material's bundle is not used, dev-notes/light.md); from a file, as the
 * Content-Security-Policy allows only the site's own files, at the end of
 * <body>. Everything works without it: the quick exit is then a plain link,
 * the search box is hidden and the contact directory is a link away. */
(function () {
  "use strict";

  var root = document.documentElement;
  var me = document.currentScript;

  /* Search, only when the reader asks for it. Material's CSS hides the search
     box under .no-js; with this script it shows. Opening it (the search button,
     focus on the field, or the keys / s f) loads uitweg-search.js and the index
     of this page's language (data-* of this script tag), once. Script tags,
     not fetch(): they also load from file:// (USB copies). */
  root.classList.remove("no-js");
  root.classList.add("js");
  var toggle = document.getElementById("__search");
  var field = document.querySelector(".md-search__input");
  var asked = false;
  function load(src) {
    var s = document.createElement("script");
    s.src = src;
    s.async = false;   /* run in order: the engine, then the index */
    document.body.appendChild(s);
  }
  function openSearch() {
    if (!asked && me) {
      asked = true;
      load(me.getAttribute("data-search"));
      load(me.getAttribute("data-index"));
    }
  }
  if (toggle && field) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) { openSearch(); field.focus(); }
    });
    field.addEventListener("focus", function () { toggle.checked = true; openSearch(); });
    /* Closed again when focus leaves it (Tab, a click elsewhere), so the
       overlay never covers the next Tab stops (WCAG 2.4.11). */
    var box = document.querySelector(".md-search");
    box.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !box.contains(event.relatedTarget)) toggle.checked = false;
    });
    document.addEventListener("keydown", function (event) {
      var t = event.target;
      if (event.ctrlKey || event.altKey || event.metaKey || t.isContentEditable ||
          /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      if (event.key === "/" || event.key === "s" || event.key === "f") {
        event.preventDefault();
        toggle.checked = true;
        openSearch();
        field.focus();
      }
    });
  }

  /* Material's menu and search buttons are <label>s, which are no Tab stops:
     with this script they are keyboard buttons (Enter, Space) named like the
     menu and the search field. The drawer takes focus when it opens and
     closes when focus leaves it, like search, so it never covers a Tab stop. */
  var drawer = document.getElementById("__drawer");
  var nav = document.querySelector(".md-sidebar--primary");
  [].forEach.call(document.querySelectorAll(".md-header__button[for]"), function (b) {
    var named = b.htmlFor === "__search" ? field : nav && nav.querySelector("nav");
    if (!named) return;
    b.tabIndex = 0;
    b.setAttribute("role", "button");
    b.setAttribute("aria-label", named.getAttribute("aria-label"));
    b.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      b.click();
      if (b.htmlFor === "__drawer" && drawer.checked) {
        var first = nav.querySelector("a[href]");
        if (first) first.focus();
      }
    });
  });
  if (drawer && nav) {
    nav.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !nav.contains(event.relatedTarget)) drawer.checked = false;
    });
  }

  /* Quick exit (after GOV.UK "Exit this page"): hide the page at once, then
     replace this history entry with a neutral site. Offline (a USB copy with
     no network) the neutral site cannot load: go to an empty page instead. */
  var exit = document.getElementById("uw-exit");
  if (!exit) return;

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
     typing a capital letter does not count. Screen readers hear how many
     presses are left, and when the time ran out (the live region's texts, in
     the page's language); the exit itself does not wait for them. */
  var presses = 0;
  var timer = null;
  var lastWasModified = false;
  var status = document.getElementById("uw-exit-status");
  function say(key) {
    if (status) status.textContent = key ? status.getAttribute("data-" + key) : "";
  }
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastWasModified) {
      presses += 1;
      clearTimeout(timer);
      if (presses >= 3) {
        presses = 0;
        say("");
        leave();
      } else {
        say("press-" + (3 - presses));
        timer = setTimeout(function () { presses = 0; say("expired"); }, 5000);
      }
    } else if (event.key !== "Shift") {
      if (presses) say("");
      presses = 0;
      clearTimeout(timer);
    }
    lastWasModified = event.shiftKey;
  }, true);
})();
