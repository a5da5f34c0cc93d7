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
            for n in ("contacts", "print", "offline", "glossary", "languages", "kiwix", "materials",
                      "number_exceptions", "search_words")}
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
          "unreviewed_notice": notice, "kiwix": data["kiwix"]["languages"]["ro"],
          "materials": data["materials"]["texts"]["ro"], "units": data["number_exceptions"]["units"]["ro"],
          "texting_words": data["number_exceptions"]["texting_words"]["ro"],
          "search_words": {e["to"]: e["ro"] for e in data["search_words"]["entries"]}}
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
    assert {"file": "README-xx.txt", "lang": "xx", "text": readme} in readmes
    load = lambda name: yaml.safe_load((root / "data" / f"{name}.yml").read_text(encoding="utf-8"))  # noqa: E731
    assert load("kiwix")["languages"]["xx"] == data["kiwix"]["languages"]["ro"]
    assert load("materials")["texts"]["xx"] == data["materials"]["texts"]["ro"]
    assert load("number_exceptions")["units"]["xx"] == data["number_exceptions"]["units"]["ro"]
    assert [e["xx"] for e in load("search_words")["entries"]] == [e["ro"] for e in data["search_words"]["entries"]]

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


def test_extract_then_fold_gives_the_same_language_back(tmp_path):
    """tools/extract_translation.py is the template a translator starts from:
    Ukrainian extracted, folded in under a new code and extracted again is the
    same file (so the template holds every key the fold needs, and nothing is lost)."""
    root = copy_project(tmp_path / "p")
    source = subprocess.run([sys.executable, "tools/extract_translation.py", "uk"], cwd=root,
                            capture_output=True, text=True, check=True).stdout
    tr = yaml.safe_load(source)
    tr["language"]["code"], tr["readme_file"] = "xx", "README-xx.txt"
    path = root / "xx.yml"
    path.write_text(yaml.safe_dump(tr, allow_unicode=True, sort_keys=False), encoding="utf-8")
    run = subprocess.run([sys.executable, "tools/fold_translation.py", "--keep", str(path)], cwd=root,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert path.exists(), "--keep deleted the translation file"
    back = subprocess.run([sys.executable, "tools/extract_translation.py", "xx"], cwd=root,
                          capture_output=True, text=True, check=True).stdout
    assert yaml.safe_load(back) == tr


def test_a_translation_file_without_a_key_writes_nothing(tmp_path):
    root = copy_project(tmp_path / "p")
    tr = yaml.safe_load(subprocess.run([sys.executable, "tools/extract_translation.py", "en"], cwd=root,
                                       capture_output=True, text=True, check=True).stdout)
    tr["language"]["code"] = "xx"
    del tr["search_words"]
    path = root / "xx.yml"
    path.write_text(yaml.safe_dump(tr, allow_unicode=True), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (root / "data").glob("*.yml")}
    run = subprocess.run([sys.executable, "tools/fold_translation.py", str(path)], cwd=root,
                         capture_output=True, text=True)
    assert run.returncode == 1 and "lacks search_words" in run.stderr
    assert {p.name: p.read_bytes() for p in (root / "data").glob("*.yml")} == before


def test_help_and_a_missing_file_get_a_message_not_a_traceback(tmp_path):
    from conftest import ROOT
    tool = [sys.executable, str(ROOT / "tools" / "fold_translation.py")]
    shown = subprocess.run([*tool, "--help"], capture_output=True, text=True)
    assert shown.returncode == 0 and "translations/<code>.yml" in shown.stdout
    missing = subprocess.run([*tool, str(tmp_path / "xx.yml")], capture_output=True, text=True)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert f"{tmp_path / 'xx.yml'}: no such file" in missing.stderr
    unknown = subprocess.run([*tool, "--dry-run", "translations/xx.yml"], capture_output=True, text=True)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
