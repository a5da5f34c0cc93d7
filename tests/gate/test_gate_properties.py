"""Property tests (Hypothesis): table numbers and near-miss numbers written in
many separators, digit scripts, entities and inline markups, through a real
Markdown -> HTML conversion and the output check. The oracle is the
generator (it knows which number it wrote), never the finder."""
from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.gate.output_check import page_problems

TABLE = load_contacts()
CW = load_languages().all_call_words()
LONG = sorted(p.digits for _, p in TABLE._by_digits.values() if not p.short)
SEPS = [" ", "\u00a0", "\u2009", "\u202f", "-", "\u2011", "\u2013", ".", "/", "&nbsp;", "&#160;", " / ", "\u200b", "\u00ad"]
SCRIPTS = [0x30, 0xFF10, 0x660, 0x6F0, 0x966]   # ASCII, fullwidth, Arabic-Indic, Persian, Devanagari


def write(digits: str, sep: str, script: int, markup: str, entity: bool) -> str:
    chars = [chr(script + int(d)) for d in digits]
    if entity:
        chars[1] = f"&#{ord(chars[1])};"
    groups = ["".join(chars[:2]), "".join(chars[2:5]), "".join(chars[5:7]), "".join(chars[7:])]
    if markup:
        groups[1] = markup.format(groups[1])
    return sep.join(groups)


writings = st.tuples(st.sampled_from(SEPS), st.sampled_from(SCRIPTS),
                     st.sampled_from(["", "**{}**", "_{}_", "<span>{}</span>", "<b>{}</b>"]), st.booleans())


def refused(md: str) -> list[str]:
    html = markdown.markdown(md, extensions=["attr_list", "md_in_html"])
    return [f.message for f in page_problems(f"<html><body>{html}</body></html>", TABLE, CW)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LONG), writings)
def test_a_table_number_in_any_writing_passes(digits, how):
    assert refused(f"Bel {write(digits, *how)} vandaag.") == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LONG), st.integers(2, 8), st.integers(1, 9), writings)
def test_a_near_miss_in_any_writing_is_refused(digits, pos, bump, how):
    near = digits[:pos] + str((int(digits[pos]) + bump) % 10) + digits[pos + 1:]
    if TABLE.phone_by_digits(near):
        return
    assert any("is not in the contact table" in m for m in refused(f"Bel {write(near, *how)} vandaag.")), near
