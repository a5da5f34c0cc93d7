"""tools/fold_translation.py on a copy of the project: a language delivered as
one translation file lands in every data file, equal to its source texts, and
`make i18n-status`'s setup list names what a half-added language still lacks."""
from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import copy_project


def _texts_of(data, code):
    """Every text of language `code` in a data structure, by key path."""
    out = {}

    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == code and isinstance(v, str | list):
                    out[path] = v
                else:
                    walk(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, (*path, v.get("id", i) if isinstance(v, dict) else i))
    walk(data, ())
    return out


def test_a_translation_file_lands_in_every_data_file(tmp_path):
    root = copy_project(tmp_path / "p")
    data = {n: yaml.safe_load((root / "data" / f"{n}.yml").read_text(encoding="utf-8"))
            for n in ("contacts", "print", "offline", "glossary", "languages")}
    ro = next(lg for lg in data["languages"]["languages"] if lg["code"] == "ro")
    # A made-up language "xx" with Romanian's texts, written as a translator delivers it.
    contacts = {}
    for c in data["contacts"]["contacts"]:
        entry = {f: c[f]["ro"] for f in ("name", "strip_label", "description", "region") if c.get(f)}
        hours = [p["hours"]["ro"] for p in c["phones"] if p["hours"]]
        if hours:
            entry["hours"] = hours
        contacts[c["id"]] = entry
    dates = {k: ro["ui"].pop(k) for k in ("months", "date_format", "checked", "card_checked", "checked_summary")}
    notice = ro["ui"].pop("unreviewed_notice")
    readme = data["offline"]["bundle"]["readme"][[r["file"] for r in data["offline"]["bundle"]["readme"]].index("CITESTE.txt")]["text"]
    tr = {"language": {"code": "xx", "name": "Xx"}, "call_words": ro["call_words"], "ui": ro["ui"], "ui_dates": dates,
          "contacts": contacts, "print": data["print"]["texts"]["ro"], "pocket_ui": data["offline"]["pocket"]["ui"]["ro"],
          "readme": readme, "glossary": {t: e["ro"] for t, e in data["glossary"]["terms"].items()},
          "unreviewed_notice": notice}
    (root / "translations").mkdir(exist_ok=True)
    (root / "translations" / "xx.yml").write_text(yaml.safe_dump(tr, allow_unicode=True), encoding="utf-8")
    before = _texts_of(data["contacts"], "ro")

    run = subprocess.run([sys.executable, "tools/fold_translation.py", "translations/xx.yml"], cwd=root,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert not (root / "translations" / "xx.yml").exists()
    after = yaml.safe_load((root / "data" / "contacts.yml").read_text(encoding="utf-8"))
    assert _texts_of(after, "xx") == before | {("quick_exit",): after["quick_exit"]["en"]}
    assert _texts_of(after, "ro") == before, "another language's texts changed"
    langs = yaml.safe_load((root / "data" / "languages.yml").read_text(encoding="utf-8"))["languages"]
    xx = langs[-1]
    assert xx["code"] == "xx" and xx["reviewed"] is False and xx["ui"]["unreviewed_notice"] == notice
    assert yaml.safe_load((root / "data" / "print.yml").read_text(encoding="utf-8"))["texts"]["xx"] == data["print"]["texts"]["ro"]
    readmes = yaml.safe_load((root / "data" / "offline.yml").read_text(encoding="utf-8"))["bundle"]["readme"]
    assert {"file": "README-xx.txt", "text": readme} in readmes

    # Half added: data done, no pages, not in mkdocs.yml: the status names both.
    status = subprocess.run([sys.executable, "-c", "from pathlib import Path; from uitweg.quality.i18n_status import setup_gaps;"
                             f"print(setup_gaps(Path({str(root)!r}))[1])"], cwd=root, capture_output=True, text=True)
    assert "mkdocs.yml (plugins.i18n.languages): no xx" in status.stdout, status.stderr
    assert "docs/<code>/ (the pages): no xx" in status.stdout

    # Folding twice is refused, nothing written.
    (root / "translations" / "xx.yml").write_text(yaml.safe_dump(tr, allow_unicode=True), encoding="utf-8")
    snapshot = (root / "data" / "contacts.yml").read_text(encoding="utf-8")
    again = subprocess.run([sys.executable, "tools/fold_translation.py", "translations/xx.yml"], cwd=root,
                           capture_output=True, text=True)
    assert again.returncode == 1 and "already has language 'xx'" in again.stderr
    assert (root / "data" / "contacts.yml").read_text(encoding="utf-8") == snapshot
