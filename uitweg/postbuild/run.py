"""Steps after `mkdocs build`, on the finished folder: python -m uitweg.postbuild.run SITE_DIR."""
from __future__ import annotations

import sys
from pathlib import Path

from uitweg.core.problems import BuildError
from uitweg.postbuild.compress import compress_site
from uitweg.postbuild.csp import add_csp_meta
from uitweg.postbuild.headers import write_headers_file
from uitweg.postbuild.material_fixes import drop_checkbox_autocomplete
from uitweg.postbuild.search_split import split_search_index
from uitweg.postbuild.stylesheet import fingerprint_scripts, inline_stylesheet, merge_stylesheets
from uitweg.postbuild.whitespace import collapse_site_indentation

# In order. Steps that change pages or assets go before compress_site, which
# writes the .gz/.br twins of the final files and must stay last.
STEPS = [
    split_search_index,    # search/index.<lang>.js; Material's search files go (dev-notes/light.md)
    merge_stylesheets,     # one trimmed stylesheet (dev-notes/light.md)
    inline_stylesheet,     # …inside every page: the first paint in one round trip (issue 12)
    fingerprint_scripts,   # uitweg.js → uitweg.<hash>.js
    drop_checkbox_autocomplete,  # valid HTML: Material's checkboxes (guides/architecture.md, "Tests")
    collapse_site_indentation,  # the templates' indentation out: ~300 bytes a page after brotli
    add_csp_meta,          # CSP <meta> from data/headers.yml; refuses inline code
    write_headers_file,    # site/_headers from data/headers.yml
    compress_site,         # .gz and .br twins: LAST
]


def run(site: Path) -> None:
    for step in STEPS:
        step(site)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m uitweg.postbuild.run SITE_DIR", file=sys.stderr)
        return 2
    try:
        run(Path(args[0]))
    except BuildError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
