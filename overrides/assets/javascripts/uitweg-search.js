/* Uitweg search: loaded by uitweg.js only when the reader opens search,
 * followed by search/index.<lang>.js of the page's language, which calls
 * uitwegSearch([[location, title, text], …]). Written for this site instead of
 * Material's bundle + worker + lunr (~50 KB brotli): a plain substring search,
 * accents, case, hyphens and spaces ignored, so "pag asa", "PAG-ASA" and
 * "pagasa" all find PAG-ASA, "surya" finds Sürya. Results are built with DOM
 * nodes and textContent (never innerHTML) in Material's markup and CSS. */
(function () {
  "use strict";

  var field = document.querySelector(".md-search__input");
  var form = document.querySelector(".md-search__form");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var empty = document.querySelector(".uw-search-empty");
  var me = document.querySelector("script[data-search]");
  var root = new URL("../../", me ? me.src : location.href);   /* assets/javascripts/ → site root */
  var docs = null;
  var MAX = 10;

  /* Letters and digits of every script (Cyrillic, Arabic, Chinese too);
     accents and Arabic vowel marks are dropped, so "surya" finds Sürya. */
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function squash(text) {
    return fold(text).replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function words(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  /* A section matches when every word of the query is in it, or the whole
     query without spaces and hyphens is; the title counts more. */
  function search(query) {
    var ws = words(query), whole = squash(query);
    if (!whole) return [];
    var hits = [];
    docs.forEach(function (doc) {
      var title = doc.ft, text = doc.fx, score = 0;
      if (doc.sq.indexOf(whole) >= 0) score += 3;
      /* Everyday words (data/search_words.yml): "my boyfriend", "passp" */
      if (doc.kw.some(function (k) { return whole.indexOf(k) >= 0 || (whole.length > 2 && k.indexOf(whole) === 0); })) score += 20;
      var all = ws.every(function (w) { return title.indexOf(w) >= 0 || text.indexOf(w) >= 0; });
      if (all) score += 1 + ws.filter(function (w) { return title.indexOf(w) >= 0; }).length * 4;
      if (score) hits.push({ doc: doc, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.doc.i - b.doc.i; });
    return hits.slice(0, MAX).map(function (h) { return h.doc; });
  }

  /* Some 160 characters around the first word found, the words marked. */
  function snippet(doc, ws, into) {
    var text = doc.text, at = -1;
    ws.forEach(function (w) { var i = doc.fx.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = Math.max(0, at - 60), end = Math.min(text.length, start + 160);
    var part = (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
    var folded = fold(part), pos = 0;
    while (pos < part.length) {
      var next = -1, len = 0;
      ws.forEach(function (w) {
        var i = folded.indexOf(w, pos);
        if (w.length > 1 && i >= 0 && (next < 0 || i < next)) { next = i; len = w.length; }
      });
      if (next < 0) { into.appendChild(document.createTextNode(part.slice(pos))); break; }
      into.appendChild(document.createTextNode(part.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = part.slice(next, next + len);
      into.appendChild(mark);
      pos = next + len;
    }
  }

  function count(n) {
    var key = n === 0 ? "data-none" : n === 1 ? "data-one" : "data-other";
    return (meta.getAttribute(key) || "").replace("#", String(n));
  }

  function show() {
    var query = field.value;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!docs) return;
    if (!squash(query)) { meta.textContent = ""; if (empty) empty.hidden = true; return; }
    var found = search(query), ws = words(query);
    meta.textContent = count(found.length);
    if (empty) empty.hidden = found.length > 0;   /* nothing found: the numbers and who can help */
    found.forEach(function (doc) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = new URL(doc.location, root).href;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var h = document.createElement(doc.location.indexOf("#") < 0 ? "h1" : "h2");
      h.textContent = doc.title;
      var p = document.createElement("p");
      snippet(doc, ws, p);
      article.appendChild(h);
      article.appendChild(p);
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  /* What an empty result shows: a sentence and a link to who can help (texts
     from the index of this language), and the strip's numbers. */
  function fillEmpty(texts) {
    var p = document.createElement("p"), ul = document.createElement("ul"),
        q = document.createElement("p"), a = document.createElement("a");
    p.textContent = texts.empty;
    [].forEach.call(document.querySelectorAll(".uw-strip a[href^='tel:']"), function (tel) {
      var li = document.createElement("li"), copy = tel.cloneNode(true);
      copy.className = "";
      li.appendChild(copy);
      ul.appendChild(li);
    });
    a.href = empty.getAttribute("data-help");
    a.textContent = texts.help;
    q.appendChild(a);
    empty.appendChild(p);
    empty.appendChild(ul);
    empty.appendChild(q);
  }

  /* Called by search/index.<lang>.js. */
  window.uitwegSearch = function (entries, texts) {
    if (empty && texts && !empty.firstChild) fillEmpty(texts);
    docs = entries.map(function (e, i) {
      return { i: i, location: e[0], title: e[1], text: e[2], ft: fold(e[1]), fx: fold(e[2]),
               sq: squash(e[1] + " " + e[2]),
               kw: (e[3] || "").split("\n").map(squash).filter(function (k) { return k.length > 1; }) };
    });
    show();
  };

  field.addEventListener("input", show);
  form.addEventListener("reset", function () { setTimeout(show, 0); });
  form.addEventListener("submit", function (event) {   /* Enter opens the first result */
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      field.blur();
    }
  });
})();
