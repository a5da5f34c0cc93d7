"""A changed number needs a new check.

Compares the phone numbers, e-mail addresses and web addresses of each entry
of data/contacts.yml with the last committed version (`git show HEAD:…`).
When one changed, was added or removed, the entry's `checked.date` must be
later than the committed one: whoever changes a number records who confirmed
the new one, so a second person can review the change before it reaches
victims. Without git or without a committed version (a tarball, the first
commit) there is nothing to compare with: that is said once, not failed.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import yaml

from uitweg.contacts.model import national_digits
from uitweg.core import paths
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_text, load_with_lines

TITLE = "A number, e-mail or web address changed without a new check"
# field -> (how a message names it, the key that decides whether two values are the same)
FIELDS = {
    "phones": ("phone", lambda v: national_digits(v)),
    "emails": ("e-mail", lambda v: v.lower()),
    "websites": ("website", lambda v: v),
}
QUESTION = {
    ("phones", "changed"): "who confirmed the new number?",
    ("emails", "changed"): "who confirmed the new address?",
    ("websites", "changed"): "who confirmed the new address?",
    "added": "who confirmed it?",
    "removed": "who confirmed it is no longer in use?",
}
_noted: set[str] = set()   # infos already shown in this process (on_config runs once per language)


def committed_text(path: Path) -> tuple[str | None, str | None]:
    """(text of `path` at HEAD, None) or (None, why there is none)."""
    shown = _shown(path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    try:
        done = subprocess.run(["git", "-C", str(path.parent), "show", f"HEAD:./{path.name}"],
                              capture_output=True, text=True, env=env, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None, (f"git is not available: {shown} is not compared with its last committed version, "
                      "so a changed number is not checked for a new `checked` date")
    if done.returncode == 0:
        return done.stdout, None
    if "not a git repository" in done.stderr:
        return None, (f"{shown} is not in a git repository (a copy or a tarball?): it is not compared with a "
                      "committed version, so a changed number is not checked for a new `checked` date")
    return None, (f"{shown} has no committed version yet (first commit?): nothing to compare a changed number "
                  f"with ({done.stderr.strip().splitlines()[-1] if done.stderr.strip() else 'git show failed'})")


def _values(entry: dict, fld: str) -> list[str]:
    items = entry.get(fld) or []
    return [i.get("number", "") if isinstance(i, dict) else str(i) for i in items]


def _check(entry: dict) -> str | None:
    """The date of the entry's check; a table from before `checked` has `verified`."""
    checked = entry.get("checked")
    if isinstance(checked, dict):
        return str(checked.get("date"))
    return str(entry["verified"]) if "verified" in entry else None


def compare(old: dict, new: dict, lines: dict, shown: str) -> list[Problem]:
    """Problems for every entry whose numbers, e-mails or websites differ from
    `old` while its check date did not move forward."""
    old_entries = {e.get("id"): e for e in old.get("contacts") or [] if isinstance(e, dict)}
    problems = []
    for i, entry in enumerate(new.get("contacts") or []):
        before = old_entries.get(entry.get("id")) if isinstance(entry, dict) else None
        if before is None:
            continue      # a new entry: its own check is its first
        old_date, new_date = _check(before), _check(entry)
        if old_date and new_date and new_date > old_date:
            continue      # ISO dates compare as text
        for fld, (label, key) in FIELDS.items():
            was, now = _values(before, fld), _values(entry, fld)
            old_keys, new_keys = {key(v) for v in was}, {key(v) for v in now}
            removed = [v for v in was if key(v) not in new_keys]
            added = [(j, v) for j, v in enumerate(now) if key(v) not in old_keys]
            changes = [("changed", f"{a} → {b}", (fld, j)) for a, (j, b) in zip(removed, added, strict=False)]
            changes += [("added", b, (fld, j)) for j, b in added[len(removed):]]
            changes += [("removed", a, (fld,)) for a in removed[len(added):]]
            for what, values, keypath in changes:
                if fld == "phones" and what != "removed":
                    keypath = keypath + ("number",)
                problems.append(Problem(shown, line_of(lines, ("contacts", i) + keypath),
                                        f"{entry['id']} {label} {what}: {values}; set checked.date and "
                                        f"checked.method for this entry ({QUESTION.get((fld, what)) or QUESTION[what]}) so a second person "
                                        "can review the change"))
    return problems


def unreviewed_changes(path: Path | str = paths.CONTACTS) -> tuple[list[Problem], str | None]:
    """(problems, info): info says why nothing was compared, if so."""
    path = Path(path)
    text, info = committed_text(path)
    if text is None:
        return [], info
    try:
        old = load_text(text) or {}
    except yaml.YAMLError as exc:
        return [], f"the committed {_shown(path)} cannot be read ({exc}): a changed number is not checked"
    new, lines = load_with_lines(path)
    return compare(old, new, lines, _shown(path)), None


def refuse_unreviewed_changes(path: Path | str = paths.CONTACTS, note: Callable[[str], None] = print) -> None:
    """For the build: raise BuildError on an unreviewed change; `note` the info once."""
    problems, info = unreviewed_changes(path)
    if info and info not in _noted:
        _noted.add(info)
        note(info)
    if problems:
        raise BuildError(problems, TITLE)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)
