"""uitweg/postbuild/whitespace.py: indentation goes, what a reader sees stays
(Chromium's innerText of the page before and after is the same), and
<pre>, <textarea>, <script> and <style> keep every byte."""
from __future__ import annotations

from uitweg.postbuild.whitespace import collapse_indentation

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <style>
      a { color: red }
    </style>
  </head>
  <body>
    <p>Call
       <a href="tel:112">112</a>
       <b>now</b>,
    day and night.</p>
    <pre>line 1
    indented line 2</pre>
    <textarea>  a
      b</textarea>
    <script>var s = "x\\n   y";</script>
    <ul>
      <li>one</li>
      <li>two</li>
    </ul>
  </body>
</html>
"""


def test_indentation_goes_and_verbatim_elements_stay():
    out = collapse_indentation(PAGE)
    assert "\n " not in out.split("<body>")[1].split("<pre>")[0]
    for kept in ("<style>\n      a { color: red }\n    </style>", "<pre>line 1\n    indented line 2</pre>",
                 "<textarea>  a\n      b</textarea>", '<script>var s = "x\\n   y";</script>'):
        assert kept in out
    assert len(out) < len(PAGE)


def test_the_reader_sees_the_same_text(chromium):
    page = chromium.new_page()
    try:
        seen = []
        for html in (PAGE, collapse_indentation(PAGE)):
            page.set_content(html)
            seen.append((page.inner_text("body"), page.input_value("textarea")))
        assert seen[0] == seen[1]
    finally:
        page.close()
