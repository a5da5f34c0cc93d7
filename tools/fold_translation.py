"""Fold one language's translation file into the data files.

    python tools/fold_translation.py translations/uk.yml   (make fold-translation CODE=uk)
    python tools/fold_translation.py --keep FILE          (try a translation: the file stays)

A translator delivers every text of a new language in ONE file,
`translations/<code>.yml` (interface, contacts, print, pocket, read-me,
glossary, the unreviewed notice; see an existing language's entries for the
keys; `tools/extract_translation.py en` writes them all). The site itself reads only `data/*.yml`, where each text sits next to
the same text in every other language, so an editor who changes a contact sees
all its languages at once. This tool writes the file's texts into those data
files as text insertions (comments, quotes and order of the files stay as they
are), checks every data file against its schema, and deletes the translation
file. A text that is already there for this language stops it: nothing is
written twice.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml
from yaml_lines import last_line

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# What a translation file must hold (tools/extract_translation.py writes them all).
REQUIRED = ("language", "call_words", "unreviewed_notice", "ui", "contacts", "print", "pocket_ui", "readme",
            "glossary", "kiwix", "materials", "units", "texting_words", "search_words")

# The per-language texts of data/contacts.yml, in the order of an entry.
CONTACT_FIELDS = ("name", "strip_label", "description", "region")


class FoldError(Exception):
    pass


# --- writing YAML in the files' own style --------------------------------------------------

def scalar(value) -> str:
    """A one-line value: double-quoted text (JSON quoting is valid YAML), booleans as YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def emit(value, indent: int) -> list[str]:
    """Block-style lines for a mapping's contents at `indent` spaces."""
    pad = " " * indent
    out: list[str] = []
    for key, val in value.items():
        if isinstance(val, dict):
            out.append(f"{pad}{key}:")
            out += emit(val, indent + 2)
        elif isinstance(val, list):
            if all(isinstance(v, str) and "\n" not in v for v in val) and sum(len(v) for v in val) < 100:
                out.append(f"{pad}{key}: [{', '.join(scalar(v) for v in val)}]")
            else:
                out.append(f"{pad}{key}:")
                out += [f"{pad}  - {scalar(v)}" for v in val]
        elif isinstance(val, str) and "\n" in val:
            out.append(f"{pad}{key}: |")
            out += [f"{pad}  {line}".rstrip() for line in val.rstrip("\n").split("\n")]
        else:
            out.append(f"{pad}{key}: {scalar(val)}")
    return out


# --- finding places in a data file ----------------------------------------------------------

class DataFile:
    """A data file as lines plus its node tree; insertions are collected and
    applied bottom-up so earlier line numbers stay valid."""

    def __init__(self, path: Path):
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        self.lines = self.text.split("\n")
        self.root = yaml.compose(self.text)
        self.inserts: list[tuple[int, list[str]]] = []     # (after 0-based line, new lines)
        self.replaces: list[tuple[int, list[str]]] = []    # (0-based line, its new lines)
        self.done: set[int] = set()                        # id() of nodes already given this language

    def node(self, *path):
        node = self.root
        for step in path:
            if isinstance(node, yaml.SequenceNode):
                node = node.value[step]
            else:
                for key, val in node.value:
                    if key.value == step:
                        node = val
                        break
                else:
                    raise FoldError(f"{self.path.name}: no {'/'.join(map(str, path))}")
        return node

    def last_line(self, node) -> int:
        return last_line(self.lines, node)

    def add_to_language_map(self, node, code: str, value, where: str) -> None:
        """Add `code: value` to a {nl: …, en: …} map, flow or block."""
        if id(node) in self.done:      # an alias (&zsg / *zsg): the shared map has it already
            return
        if not isinstance(node, yaml.MappingNode):
            raise FoldError(f"{self.path.name}:{node.start_mark.line + 1}: {where} is not a per-language map")
        if any(k.value == code for k, _ in node.value):
            raise FoldError(f"{self.path.name}:{node.start_mark.line + 1}: {where} already has a {code!r} text")
        self.done.add(id(node))
        if node.flow_style:
            # One line per language from now on: nine languages do not fit on one line.
            line = node.start_mark.line
            if node.end_mark.line != line:
                raise FoldError(f"{self.path.name}:{line + 1}: {where}: a flow map over several lines")
            src = self.lines[line]
            head = src[:node.start_mark.column].rstrip()
            body = self.text_of(node)
            anchor = " " + body.split()[0] if body.startswith("&") else ""   # &always {…}: the anchor stays
            key_col = len(src) - len(src.lstrip())
            pad = " " * (key_col + 2)
            new = [f"{head}{anchor}"]
            for key, val in node.value:
                new.append(f"{pad}{key.value}: {self.text_of(val)}")
            new.append(f"{pad}{code}: {scalar(value)}")
            self.replaces.append((line, new))
        else:
            key_node = node.value[-1][0]
            pad = " " * key_node.start_mark.column
            self.inserts.append((self.last_line(node), [f"{pad}{code}: {scalar(value)}"]))

    def text_of(self, node) -> str:
        return self.text[node.start_mark.index:node.end_mark.index]

    def append_block(self, node, lines: list[str]) -> None:
        """Append lines after the last line of a block collection."""
        self.inserts.append((self.last_line(node), lines))

    def write(self) -> None:
        lines = list(self.lines)
        edits = [(at, "replace", new) for at, new in self.replaces] + [(at, "insert", new) for at, new in self.inserts]
        for at, kind, new in sorted(edits, key=lambda e: (e[0], e[1] == "insert"), reverse=True):
            if kind == "replace":
                lines[at:at + 1] = new
            else:
                lines[at + 1:at + 1] = new
        self.path.write_text("\n".join(lines), encoding="utf-8")


# --- the data files ---------------------------------------------------------------------------

def fold_languages(tr: dict, f: DataFile, ui_extra: dict) -> None:
    lang = tr["language"]
    code = lang["code"]
    langs = f.node("languages")
    if any(f.text_of(item.value[0][1]).strip('"') == code for item in langs.value):
        raise FoldError(f"data/languages.yml already has language {code!r}")
    entry = {"code": code, "name": lang["name"]}
    if lang.get("script"):   # ISO 15924: the browser tests sample one language per script
        entry["script"] = lang["script"]
    if lang.get("dir", "ltr") == "rtl":
        entry["dir"] = "rtl"
    entry["reviewed"] = False
    entry["call_words"] = tr["call_words"]
    ui = dict(tr["ui"])
    ui["unreviewed_notice"] = tr["unreviewed_notice"]
    ui.update(ui_extra)
    entry["ui"] = ui
    body = emit(entry, 4)
    body[0] = "  - " + body[0].lstrip()
    f.append_block(langs, body)


def fold_contacts(tr: dict, f: DataFile, code: str) -> None:
    entries = {item_id(e): e for e in f.node("contacts").value}
    for cid, texts in tr["contacts"].items():
        if cid not in entries:
            raise FoldError(f"translation names contact {cid!r}, which data/contacts.yml does not have")
        entry = entries[cid]
        fields = {k.value: v for k, v in entry.value}
        for fld in CONTACT_FIELDS:
            if fld in texts:
                f.add_to_language_map(fields[fld], code, texts[fld], f"{cid} {fld}")
        hours = texts.get("hours", [])
        phones = fields["phones"].value
        for i, text in enumerate(hours):
            if i >= len(phones):
                raise FoldError(f"{cid}: {len(hours)} hours texts for {len(phones)} phone numbers")
            node = {k.value: v for k, v in phones[i].value}["hours"]
            if node.tag.endswith("null"):
                raise FoldError(f"{cid}: phone {i + 1} has no hours (null) but the translation gives some")
            f.add_to_language_map(node, code, text, f"{cid} phone {i + 1} hours")


def fold_quick_exit(tr: dict, f: DataFile, code: str) -> None:
    """The quick-exit page: the translation's `quick_exit_url`, else the English one
    (meteo.be has pages in nl, fr, de and en only)."""
    node = f.node("quick_exit")
    url = tr.get("quick_exit_url") or {k.value: v.value for k, v in node.value}["en"]
    f.add_to_language_map(node, code, url, "quick_exit")


def item_id(entry) -> str:
    return {k.value: v for k, v in entry.value}["id"].value


def fold_print(tr: dict, f: DataFile, code: str) -> None:
    texts = f.node("texts")
    f.append_block(texts, ["", f"  {code}:", *emit(tr["print"], 4)])


def fold_offline(tr: dict, f: DataFile, code: str, readme_file: str) -> None:
    readme = f.node("bundle", "readme")
    f.append_block(readme, [f"    - file: {readme_file}", f"      lang: {code}", *emit({"text": tr["readme"]}, 6)])
    f.append_block(f.node("pocket", "ui"), [f"    {code}:", *emit(tr["pocket_ui"], 6)])


def fold_glossary(tr: dict, f: DataFile, code: str) -> None:
    terms = f.node("terms")
    known = {k.value: v for k, v in terms.value}
    for term, word in tr["glossary"].items():
        if term not in known:
            raise FoldError(f"translation has glossary term {term!r}, which data/glossary.yml does not have")
        entry = known[term]
        if any(k.value == code for k, _ in entry.value):
            raise FoldError(f"data/glossary.yml: {term} already has a {code!r} term")
        # After the last language term, before `avoid:`.
        last = [v for k, v in entry.value if len(k.value) <= 3 and k.value.isalpha()][-1]
        f.inserts.append((f.last_line(last), [f"    {code}: {scalar(word)}"]))


def fold_kiwix(tr: dict, f: DataFile, code: str) -> None:
    f.add_to_language_map(f.node("languages"), code, tr["kiwix"], "languages")


def fold_materials(tr: dict, f: DataFile, code: str) -> None:
    f.append_block(f.node("texts"), [f"  {code}:", *emit(tr["materials"], 4)])


def fold_number_words(tr: dict, f: DataFile, code: str) -> None:
    """The words that excuse a quantity ("365 days"), mark a text-message code
    and (optional) follow a time written with a dot ("17.00 uur")."""
    for key in ("units", "texting_words"):
        f.add_to_language_map(f.node(key), code, tr[key], key)
    if tr.get("time_words"):   # only languages that write a time with a dot and a word ("17.00 uur")
        f.add_to_language_map(f.node("time_words"), code, tr["time_words"], "time_words")


def fold_search_words(tr: dict, f: DataFile, code: str) -> None:
    entries = {{k.value: v for k, v in e.value}["to"].value: e for e in f.node("entries").value}
    unknown = sorted(set(tr["search_words"]) - set(entries))
    missing = sorted(set(entries) - set(tr["search_words"]))
    if unknown or missing:
        raise FoldError(f"search_words: targets {unknown} are not in data/search_words.yml; {missing} are missing")
    for target, words in tr["search_words"].items():
        f.add_to_language_map(entries[target], code, words, f"search words for {target}")


# Every data file a language has texts in.
FILES = ("languages", "contacts", "print", "offline", "glossary", "kiwix", "materials", "number_exceptions",
         "search_words")


def fold(tr_path: Path, readme_file: str, ui_extra: dict) -> None:
    tr = yaml.safe_load(tr_path.read_text(encoding="utf-8"))
    code = tr["language"]["code"]
    missing = [key for key in REQUIRED if key not in tr]
    if missing:
        raise FoldError(f"the translation file lacks {', '.join(missing)} (see tools/extract_translation.py en)")
    files = {name: DataFile(DATA / f"{name}.yml") for name in FILES}
    fold_languages(tr, files["languages"], ui_extra)
    fold_contacts(tr, files["contacts"], code)
    fold_quick_exit(tr, files["contacts"], code)
    fold_print(tr, files["print"], code)
    fold_offline(tr, files["offline"], code, readme_file)
    fold_glossary(tr, files["glossary"], code)
    fold_kiwix(tr, files["kiwix"], code)
    fold_materials(tr, files["materials"], code)
    fold_number_words(tr, files["number_exceptions"], code)
    fold_search_words(tr, files["search_words"], code)
    for f in files.values():
        f.write()


def main(argv: list[str]) -> int:
    if {"-h", "--help"} & set(argv):
        print(__doc__)
        return 0
    keep = "--keep" in argv
    argv = [a for a in argv if a != "--keep"]
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    tr_path = Path(argv[0])
    if not tr_path.is_file():
        print(f"{tr_path}: no such file. A translator's file is translations/<code>.yml "
              "(tools/extract_translation.py <code> writes one to fill in).", file=sys.stderr)
        return 2
    tr = yaml.safe_load(tr_path.read_text(encoding="utf-8"))
    # Texts the translation file may add for languages.yml `ui` (dates, checks), and the read-me name.
    extra = tr.get("ui_dates", {})
    readme_file = tr.get("readme_file", f"README-{tr['language']['code']}.txt")
    originals = {name: (DATA / f"{name}.yml").read_text(encoding="utf-8") for name in FILES}
    try:
        fold(tr_path, readme_file, extra)
    except FoldError as err:
        print(f"{tr_path}: {err}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from uitweg.core.problems import BuildError
    from uitweg.core.yamlfile import load_data
    bad = 0
    for name in FILES:
        try:
            load_data(DATA / f"{name}.yml", name)
        except BuildError as err:
            bad += 1
            print(err, file=sys.stderr)
            for p in err.problems:
                print(f"  {p}", file=sys.stderr)
    if bad:
        for name, text in originals.items():   # leave the data files as they were
            (DATA / f"{name}.yml").write_text(text, encoding="utf-8")
        print(f"Nothing written: add what is missing to {tr_path} and run again.", file=sys.stderr)
        return 1
    if keep:
        print(f"{tr_path} folded into data/*.yml (kept; `git checkout data/` undoes it).")
        return 0
    tr_path.unlink()
    print(f"{tr_path} folded into data/*.yml and deleted; now add the language to mkdocs.yml and run make.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
