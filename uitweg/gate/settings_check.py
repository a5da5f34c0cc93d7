"""mkdocs.yml: settings that would make pages load something from another
site or link elsewhere are refused at mkdocs.yml:LINE, since the page check
only sees what the templates render (a setting the templates ignore today
could be rendered by the next theme update).

Refused: analytics and consent (`extra.analytics`, `extra.consent`), social
links (`extra.social`), `repo_url` / `repo_name` / `edit_uri` (a link to the
code host on every page), web fonts (`theme.font` other than `false`), a
logo or favicon given as an address, `extra_css` / `extra_javascript`
entries that are addresses, and the social-cards plugin.
"""
from __future__ import annotations

import re
from pathlib import Path

from uitweg.core.problems import Problem
from uitweg.core.yamlfile import line_of, load_with_lines

REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE)
NEVER = {
    ("extra", "analytics"): "sends every visit to an analytics service",
    ("extra", "consent"): "asks for cookie consent, which only analytics need",
    ("extra", "social"): "puts links to other sites on every page",
    ("repo_url",): "puts a link to the code host on every page",
    ("repo_name",): "puts a link to the code host on every page",
    ("edit_uri",): "puts an edit link to the code host on every page",
}
WHAT_TO_DO = "remove it from mkdocs.yml (the site loads and links nothing outside the contact table)"


def settings_problems(path: Path, shown: str = "mkdocs.yml") -> list[Problem]:
    data, lines = load_with_lines(path)
    data = data or {}
    problems = []

    def refuse(keypath: tuple, why: str) -> None:
        problems.append(Problem(shown, line_of(lines, keypath), f"{'.'.join(map(str, keypath))} {why}; {WHAT_TO_DO}"))

    for keypath, why in NEVER.items():
        node = data
        for key in keypath:
            node = node.get(key) if isinstance(node, dict) else None
        if node not in (None, False, "", [], {}):
            refuse(keypath, why)
    theme = data.get("theme") or {}
    if isinstance(theme, dict):
        font = theme.get("font")   # absent: Material loads Roboto from Google
        if font is not False and (font is not None or theme.get("name") == "material"):
            refuse(("theme", "font"), "loads web fonts from Google (write font: false)")
        for key in ("logo", "favicon"):
            value = theme.get(key)
            if isinstance(value, str) and REMOTE.match(value) and value != "data:,":
                refuse(("theme", key), f"is an address ({value}), which every page would load")
    for key in ("extra_css", "extra_javascript"):
        for i, entry in enumerate(data.get(key) or []):
            value = entry.get("path", "") if isinstance(entry, dict) else str(entry)
            if REMOTE.match(value):
                refuse((key, i), f"is an address ({value}), which every page would load")
    for i, plugin in enumerate(data.get("plugins") or []):
        name = next(iter(plugin)) if isinstance(plugin, dict) else str(plugin)
        if name.split("/")[-1] == "social":
            refuse(("plugins", i), "makes social cards that other sites load")
    return problems
