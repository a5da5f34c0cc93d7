"""An independent oracle for the gate: every built page as Chromium shows it
to a reader (innerText at phone and at desktop width, the title, and the
attributes a reader can be shown or hear), read by libphonenumber's own
matcher and short-number check. Shares no code with the gate (no import
from uitweg): the table's numbers are read from data/contacts.yml with plain
YAML, so a blind spot of the gate cannot hide the same number here. The
text is recorded by the shared crawl of every served page (tests/crawls.py,
served_crawl, SHOWN_JS), which opens each page anyway: a pass of its own cost
another 200 page loads."""
from __future__ import annotations

import re

import phonenumbers
import pytest
import yaml
from phonenumbers import shortnumberinfo

from conftest import ROOT

pytestmark = pytest.mark.browser


def table_numbers() -> tuple[set[str], set[str]]:
    """(E.164 of every long number, digits of every short one) in data/contacts.yml."""
    data = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
    long, short = set(), set()
    for entry in data["contacts"]:
        for phone in entry.get("phones") or []:
            digits = re.sub(r"\D", "", phone["number"])
            if len(digits) <= 6:
                short.add(digits)
            else:
                long.add(phonenumbers.format_number(phonenumbers.parse(phone["number"], "BE"),
                                                    phonenumbers.PhoneNumberFormat.E164))
    return long, short


def short_candidates(text: str) -> set[str]:
    """Runs of 3 to 6 digits as a reader may key them: each group, and groups
    joined by single spaces ("116 000")."""
    found = set()
    for m in re.finditer(r"\d+(?: \d+)*", text):
        groups = m.group(0).split(" ")
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                run = "".join(groups[i:j])
                if 3 <= len(run) <= 6:
                    found.add(run)
    return found


def callable_short(run: str) -> bool:
    # 2000-9999 are text-message codes to libphonenumber; the gate lets them
    # through unless a texting word is near, which this oracle does not read.
    if len(run) == 4 and run[0] in "23456789" or run.startswith("0"):
        return False   # short numbers never start with 0 ("006" is no number)
    return shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(run, "BE"), "BE") \
        or (len(run) == 6 and run.startswith("116"))


def test_no_page_shows_a_number_one_can_call_that_is_not_in_the_table(site, served_crawl):
    long, short = table_numbers()
    assert long and short, "no numbers read from data/contacts.yml"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 50 and sorted(served_crawl) == pages, "the crawl did not open every built page"
    wrong, seen_long, seen_short = [], set(), set()
    for rel in pages:
        shown = served_crawl[rel].shown
        assert set(shown) == {"phone", "desktop"}, f"{rel}: the crawl did not read the page at both widths"
        for width, text in shown.items():
            for match in phonenumbers.PhoneNumberMatcher(text, "BE"):
                e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
                seen_long.add(e164)
                if e164 not in long:
                    wrong.append(f"{rel} ({width}): {match.raw_string!r} ({e164})")
            for run in short_candidates(text):
                if run in short:
                    seen_short.add(run)
                elif callable_short(run):
                    wrong.append(f"{rel} ({width}): short number {run}")
    assert not wrong, "\n".join(sorted(set(wrong)))
    # The oracle saw the table's numbers, so it was reading the pages.
    assert seen_long & long and seen_short & short


def test_the_oracle_would_see_a_wrong_number():
    """The oracle's own reading, on text it did not get from the site."""
    long, short = table_numbers()
    text = "Bel 02 511 64 65 of 116 006, of 1813. Sinds 2005: 365 dagen."
    found = {phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
             for m in phonenumbers.PhoneNumberMatcher(text, "BE")}
    assert "+3225116465" in found - long
    assert {"116006", "1813"} <= {r for r in short_candidates(text) if callable_short(r) and r not in short}
    assert not {"2005", "365"} & {r for r in short_candidates(text) if callable_short(r)}
