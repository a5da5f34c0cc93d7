"""Contact freshness (make audit): stale `verified` dates, and numbers or
e-mail addresses of the seed documents that the contact table lacks. Fixed
dates only (today= is always passed), small tables and seeds in tmp."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from uitweg.contacts.table import load_contacts
from uitweg.core.languages import load_languages
from uitweg.gates.audit import audit, months_before

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2027, 1, 31)

TABLE = """contacts:
  - id: pag-asa
    kind: specialised-centre
    name: {nl: "PAG-ASA", en: "PAG-ASA", fr: "PAG-ASA"}
    description: {nl: "Centrum.", en: "Centre.", fr: "Centre."}
    region: null
    phones:
      - {number: "02 511 64 64", free: null, always_open: true, hours: null}
    emails: ["info@pag-asa.be"]
    websites: ["https://www.pag-asa.be/"]
    source: "seed.txt"
    verified: 2026-07-30
  - id: payoke
    kind: specialised-centre
    name: {nl: "Payoke", en: "Payoke", fr: "Payoke"}
    description: {nl: "Centrum.", en: "Centre.", fr: "Centre."}
    region: null
    phones:
      - {number: "03 201 16 90", free: null, always_open: null, hours: null}
    emails: []
    websites: []
    source: "seed.txt"
    verified: 2026-07-31
quick_exit: {nl: "https://www.meteo.be/nl/belgie", en: "https://www.meteo.be/en/belgium", fr: "https://www.meteo.be/fr/belgique"}
"""

SEED = """PAG-ASA: 02 511 64 64, info@pag-asa.be
Payoke is bereikbaar op het telefoonnummer 03 201 16 90 of via e-mail admin@payoke.be
Sürya
04 232 40 30 (7 dagen op 7)
Opgericht in 1995, Houba-de Strooperlaan 292, 1020 Brussel.
"""


def fixtures(tmp_path: Path) -> tuple[Path, Path]:
    table = tmp_path / "contacts.yml"
    table.write_text(TABLE, encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "seed.txt").write_text(SEED, encoding="utf-8")
    (seeds / "notes.md").write_text("not a seed: 09 999 99 99", encoding="utf-8")
    return table, seeds


def test_audit_lists_stale_entries_and_seed_contacts_missing_from_the_table(tmp_path):
    table_path, seeds = fixtures(tmp_path)
    languages = load_languages()
    table = load_contacts(table_path, languages)
    problems = [str(p) for p in audit(table, seeds, TODAY, 6, languages.all_call_words())]
    t, s = str(table_path), str(seeds / "seed.txt")
    assert [p.split(": ", 1)[0] for p in problems] == [f"{t}:12", f"{s}:4", f"{s}:2"]
    assert problems[0] == (
        f"{t}:12: entry 'pag-asa' was last verified on 2026-07-30, more than 6 months ago (before 2026-07-31). "
        "Check its numbers, e-mail and website against its source (seed.txt), correct what changed, "
        "then write `verified: 2027-01-31`.")
    assert problems[1] == (
        f"{s}:4: the seed gives the number 04 232 40 30 (“04 232 40 30 (7 dagen op 7)”), which is not in "
        "data/contacts.yml. If the organisation still uses it, add it to its entry with this file as source; "
        "if the site dropped it on purpose, nothing to do.")
    assert problems[2].startswith(f"{s}:2: the seed gives the e-mail address admin@payoke.be (“Payoke is bereikbaar")


def test_audit_is_quiet_when_all_is_fresh(tmp_path):
    table_path, seeds = fixtures(tmp_path)
    (seeds / "seed.txt").write_text("PAG-ASA: 02 511 64 64, info@pag-asa.be\n", encoding="utf-8")
    languages = load_languages()
    table = load_contacts(table_path, languages)
    assert audit(table, seeds, date(2026, 12, 1), 6, languages.all_call_words()) == []


def test_six_months_before():
    assert months_before(date(2027, 1, 31), 6) == date(2026, 7, 31)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2028, 8, 31), 6) == date(2028, 2, 29)
    assert months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


def test_python_m_uitweg_audit_exit_codes(tmp_path):
    table_path, seeds = fixtures(tmp_path)
    args = [sys.executable, "-m", "uitweg.gates.audit", "--contacts", str(table_path), "--seeds", str(seeds)]
    found = subprocess.run(args + ["--today", "2027-01-31"], cwd=ROOT, capture_output=True, text=True)
    assert found.returncode == 1
    assert found.stdout.startswith("Contacts to check (audit of 2027-01-31) (3 problems):\n")
    missing = subprocess.run(args[:-1] + [str(tmp_path / "nope"), "--today", "2027-01-31"],
                             cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 2 and "seed folder" in missing.stderr


def test_make_audit_on_the_real_table_and_seeds():
    """`make audit` with a fixed date: the real table is fresh on its own
    verification day, and every seed number is in it."""
    table = load_contacts()
    day = max(c.verified for c in table.contacts)
    result = subprocess.run(["make", "-s", "-o", ".venv/.installed", "audit", f"PY={sys.executable}",
                             f"AUDIT_ARGS=--today {day.isoformat()}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"All {len(table.contacts)} contacts were verified")
