"""An allow-list for the HTML of a page body (Markdown's output plus any raw
HTML an editor typed, plus attributes from attribute lists `{: …}`).

Only elements and attributes that show text are allowed (nh3/ammonia's
defaults were the reference, narrowed to what pages need); anything that
can act or load (script, style, iframe, object, embed, form, base, meta,
link, svg, event handlers, style attributes, srcdoc, ping, srcset, …) is
refused. Link and image targets are judged by the output check."""
from __future__ import annotations

from uitweg.core import html as H

ELEMENTS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "b", "i", "u", "s",
    "code", "pre", "blockquote", "hr", "br", "img", "div", "span", "table", "thead", "tbody", "tfoot",
    "tr", "th", "td", "caption", "dl", "dt", "dd", "abbr", "sup", "sub", "small", "mark", "kbd", "del",
    "ins", "q", "cite", "figure", "figcaption", "details", "summary", "section", "aside", "wbr",
}
ATTRIBUTES = {"id", "class", "href", "title", "alt", "src", "lang", "dir", "start", "colspan", "rowspan",
              "width", "height", "open", "reversed", "scope", "align"}


def raw_html_problems(html: str) -> list[tuple[str, str]]:
    """(text to find in the source, message) for every element or attribute
    of a page body that is not on the allow-list."""
    tree = H.parse(f"<body>{html}</body>")
    found: list[tuple[str, str]] = []
    for node in H.elements(tree):
        tag = node.tag
        # The wrapper has no attributes: any on html, head or body were typed
        # by the editor (`<body onload=…>` adds them to the page's own body).
        if tag not in ELEMENTS and tag not in ("html", "head", "body"):
            found.append((f"<{tag}", f"<{tag}> is not allowed in a page: it can run, load or change something. "
                          "Remove it; write the text in Markdown (see dev-notes/content-conventions.md)"))
            continue
        for name in node.attributes:
            low = name.lower()
            if tag in ("html", "head", "body") or low not in ATTRIBUTES and not low.startswith("aria-"):
                found.append((name, f"<{tag} {name}=…> is not allowed in a page (only {', '.join(sorted(ATTRIBUTES))}"
                              " and aria-*); remove the attribute"))
    return found
