"""Trim a copy of the project to a few of its languages, so a test that
builds a broken copy builds only the languages its property needs (issues
22/23: each language costs every such build ~11 s of CPU).

The inverse of adding a language (tools/fold_translation.py,
tools/stub_languages.py): a dropped language goes from data/languages.yml,
mkdocs.yml (plugins.i18n.languages), every per-language map of every data
file (`{nl: …, en: …}` flow or block, `nl:` sections), every list entry that
names it (`code:`, `lang:`, `locale:`), docs/<code>/, its Material
interface file in overrides/ and its ordinary sentences for the gate's tests
(tests/gate/ordinary/<code>.yml).

Only text is removed: the entries' lines, or their part of a one-line flow
map. Comments, quoting, order and the other lines stay, so a file's
remaining lines keep their layout (their numbers shift by the removed
lines). Afterwards no YAML file may still name a dropped language, as a key
or as a whole value: a data file that keeps languages some other way stops
the copy with its file and line, instead of a copy that half-builds.
"""
from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import yaml
from yaml_lines import last_line

# Fields of a list entry that say which language the entry belongs to.
LANGUAGE_FIELDS = ("code", "lang", "locale")

# libyaml when there (the same nodes and marks, a tenth of the time).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TrimError(Exception):
    pass


def project_languages(project: Path) -> list[str]:
    """The language codes of data/languages.yml, the default first."""
    data = yaml.safe_load((project / "data" / "languages.yml").read_text(encoding="utf-8"))
    return [str(entry["code"]) for entry in data["languages"]]


def trim_languages(project: Path, keep: Sequence[str]) -> None:
    """Remove every language but `keep` from the copy in `project`. The first
    of `keep` must be the project's default language (built at the root)."""
    codes = project_languages(project)
    keep = list(dict.fromkeys(keep))
    unknown = [code for code in keep if code not in codes]
    if unknown:
        raise TrimError(f"{', '.join(unknown)}: not languages of data/languages.yml ({', '.join(codes)})")
    if not keep or keep[0] != codes[0]:
        raise TrimError(f"the first language kept must be the default one, {codes[0]!r} (got {keep})")
    dropped = set(codes) - set(keep)
    if not dropped:
        return
    files = sorted((project / "data").glob("*.yml")) + [project / "mkdocs.yml"]
    for path in files:
        trim_file(path, dropped)
    for code in sorted(dropped):
        shutil.rmtree(project / "docs" / code)
        for leftover in (project / "overrides" / "partials" / "languages" / f"{code}.html",
                         project / "tests" / "gate" / "ordinary" / f"{code}.yml"):
            leftover.unlink(missing_ok=True)
    for path in files:
        check_trimmed(path, dropped, set(keep), project)


# --- one YAML file ------------------------------------------------------------------------------

def trim_file(path: Path, dropped: set[str]) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as err:
        raise TrimError(f"{path}: not YAML before trimming: {err}") from err
    spans: set[tuple[int, int]] = set()
    Trimmer(text, dropped, path, spans).collect(root)
    if not spans:
        return
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    path.write_text(text, encoding="utf-8")


class Trimmer:
    """Collects the spans (character offsets) of every entry of a dropped language."""

    def __init__(self, text: str, dropped: set[str], path: Path, spans: set[tuple[int, int]]):
        self.text, self.dropped, self.path, self.spans = text, dropped, path, spans
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.seen: set[int] = set()

    def collect(self, node) -> None:
        if node is None or id(node) in self.seen:     # an alias: the anchored node is handled once
            return
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for i, (key, value) in enumerate(node.value):
                if isinstance(key, yaml.ScalarNode) and key.value in self.dropped:
                    self.spans.add(self.entry_span(node, i))
                else:
                    self.collect(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                if names_dropped_language(item, self.dropped):
                    if node.flow_style:
                        raise TrimError(f"{where(self.path, item)}: an entry of a dropped language in a flow list")
                    self.spans.add(self.block_span(item.start_mark.line, self.last_line(item)))
                else:
                    self.collect(item)

    def entry_span(self, node, i: int) -> tuple[int, int]:
        """The text of the i-th `key: value` of a mapping: whole lines in a
        block map; in a one-line flow map, from the key to the next key (or
        from the previous value, for the last entry)."""
        key, value = node.value[i]
        if not node.flow_style:
            return self.block_span(key.start_mark.line, self.last_line(value))
        if node.start_mark.line != node.end_mark.line:
            raise TrimError(f"{where(self.path, key)}: a flow map over several lines")
        if i + 1 < len(node.value):
            return key.start_mark.index, node.value[i + 1][0].start_mark.index
        if i == 0:
            raise TrimError(f"{where(self.path, key)}: a map of one dropped language would be left empty")
        return node.value[i - 1][1].end_mark.index, value.end_mark.index

    def last_line(self, node) -> int:
        return last_line(self.lines, node)

    def block_span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets of lines first..last (0-based), with the newline after the last."""
        return self.starts[first], min(self.starts[last + 1], len(self.text))


def names_dropped_language(item, dropped: set[str]) -> bool:
    return isinstance(item, yaml.MappingNode) and any(
        isinstance(k, yaml.ScalarNode) and k.value in LANGUAGE_FIELDS
        and isinstance(v, yaml.ScalarNode) and v.value in dropped for k, v in item.value)


def where(path: Path, node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


# --- after trimming: nothing may name a dropped language ----------------------------------------

def check_trimmed(path: Path, dropped: set[str], kept: set[str], project: Path) -> None:
    """A key or a whole value that is a dropped language's code is a place the
    trimming does not know (a list of codes, `default: ar`, …): stop there.
    A kept language's own texts are words, not codes (Albanian "ti" is "you")."""
    name = path.relative_to(project)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=LOADER)
    except yaml.YAMLError as err:
        raise TrimError(f"{name}: not valid YAML after trimming languages {sorted(dropped)}: {err}") from err
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.value in dropped:
                raise TrimError(f"{name}:{node.start_mark.line + 1}: still names dropped language "
                                f"{node.value!r} after trimming; teach tools/testkit/trim_languages.py "
                                f"this file's way of keeping languages")
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                if not (isinstance(key, yaml.ScalarNode) and key.value in kept):
                    stack.append(value)
        else:
            stack += node.value
