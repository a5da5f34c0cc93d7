"""The message catalogue (data/messages.yml → guides/messages.md) holds every
message the code can print: no message without an entry, no entry for a
message the code no longer prints, and the generated guide up to date
(`make messages` writes it and names what is missing)."""
from __future__ import annotations

import textwrap

from uitweg.quality.message_catalogue import (
    GUIDE,
    Catalogue,
    code_messages,
    key,
    load_catalogue,
    problems,
    render,
    strings_of,
)


def test_every_message_of_the_code_has_an_entry_and_every_entry_a_message():
    catalogue = load_catalogue()
    wrong = problems(catalogue, code_messages(catalogue.data["scan"]))
    assert not wrong, "Run `make messages` and fix data/messages.yml:\n  " + "\n  ".join(wrong)


def test_guides_messages_md_is_generated_from_the_catalogue():
    catalogue = load_catalogue()
    assert GUIDE.read_text(encoding="utf-8") == render(catalogue, code_messages(catalogue.data["scan"])), \
        "guides/messages.md is out of date: run `make messages`"


def test_the_scan_finds_messages_and_skips_code():
    source = textwrap.dedent('''\
        """Docstring of the module, four words or more."""
        import re
        RX = re.compile(r'a regex with some words')
        def f(x):
            """A docstring with several words."""
            if x == 'a comparison with many words':
                return {'a dict key with words': 1}
            return f'{x!r} is not a Belgian number: write it nationally'
        ''')
    assert strings_of(source) == [(8, ["", " is not a Belgian number: write it nationally"])]
    assert key(["", " is not a Belgian\n  number: ", ""]) == "… is not a Belgian number: …"


def _module(tmp_path, text):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(text, encoding="utf-8")
    return code_messages(["pkg/*.py"], tmp_path)


def _catalogue(*entries, not_messages=()):
    return Catalogue({"title": "T", "intro": "I", "scan": ["pkg/*.py"], "not_messages": list(not_messages),
                      "sections": [{"title": "S", "id": "s", "entries": list(entries)}]})


def test_a_new_message_without_an_entry_is_named_with_its_key(tmp_path):
    found = _module(tmp_path, "def f(n):\n    raise ValueError(f'{n} is not a known contact id here')\n")
    assert found == {"… is not a known contact id here": ["pkg/m.py:2"]}
    wrong = problems(_catalogue({"says": ["something the code never prints at all"]}), found)
    assert len(wrong) == 2
    assert wrong[0].startswith("pkg/m.py:2: a message without an entry") and "'… is not a known contact id here'" in wrong[0]
    assert "“something the code never prints at all” is printed by no scanned module any more" in wrong[1]
    assert problems(_catalogue({"says": ["… is not a known contact id here"], "do": "Use an id."}), found) == []


def test_other_programs_messages_and_not_messages_are_kept_apart(tmp_path):
    found = _module(tmp_path, "HTML = '<a href=\"x\" class=\"tel\">call this number now</a>'\n")
    mkdocs = {"says": ["Doc file '…' contains a link that goes nowhere"], "printed_by": "MkDocs"}
    assert problems(_catalogue(mkdocs), found)[0].startswith("pkg/m.py:1: a message without an entry")
    assert problems(_catalogue(mkdocs, not_messages=['<a href="x" class="tel">call this number now</a>']), found) == []
    stale = problems(_catalogue(mkdocs, not_messages=["a string that is gone from the code"]), found)
    assert any("not_messages: “a string that is gone from the code” is found in no scanned module" in p for p in stale)
    twice = problems(_catalogue({"says": ["x y z w"]}, {"says": ["x y z w"]}), {"x y z w": ["pkg/m.py:1"]})
    assert twice == ["data/messages.yml: “x y z w” is listed 2 times; keep one entry"]


def test_the_guide_shows_the_message_what_to_do_and_who_prints_it():
    catalogue = _catalogue({"shows": ["docs/x.md:3: 0471 is not in the `table`"],
                            "says": ["… is not in the `table`"], "do": "Use [[phone:ID]]."},
                           {"says": ["Doc file '…' contains a link"], "printed_by": "MkDocs"})
    text = render(catalogue, {"… is not in the `table`": ["pkg/m.py:9", "pkg/n.py:2"]})
    assert "- ``docs/x.md:3: 0471 is not in the `table```" not in text
    assert "- `` docs/x.md:3: 0471 is not in the `table` ``" in text
    assert "  — Use [[phone:ID]]." in text
    assert "Printed by: `pkg/m.py`, `pkg/n.py`" in text
    assert "Printed by: MkDocs" in text
    assert '<a id="s"></a>' in text and "- [S](#s)" in text
