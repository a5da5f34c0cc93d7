"""Contact freshness (make audit): entries not confirmed by a person, checks
older than six months, and (only with --seeds) numbers or e-mail addresses of
the seed documents that the contact table lacks. Fixed dates only (today= is
always passed), small tables and seeds in tmp."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from conftest import copy_project, every_language
from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.quality.audit import audit, months_before

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2027, 1, 31)

TABLE = every_language("""contacts:
  - id: pag-asa
    kind: specialised-centre
    name: {nl: "PAG-ASA", en: "PAG-ASA", fr: "PAG-ASA"}
    description: {nl: "Centrum.", en: "Centre.", fr: "Centre."}
    region: null
    phones:
      - {number: "02 511 64 64", free: null, always_open: true, hours: null}
    emails: ["info@pag-asa.be"]
    websites: ["https://www.pag-asa.be/"]
    sources: [seed]
    checked: {method: phone, date: 2026-07-30, by: "Anna called the reception"}
  - id: payoke
    kind: specialised-centre
    name: {nl: "Payoke", en: "Payoke", fr: "Payoke"}
    description: {nl: "Centrum.", en: "Centre.", fr: "Centre."}
    region: null
    phones:
      - {number: "03 201 16 90", free: null, always_open: null, hours: null}
    emails: []
    websites: []
    sources: [seed]
    checked: {method: document, date: 2026-07-31}
quick_exit: {nl: "https://www.meteo.be/nl/belgie", en: "https://www.meteo.be/en/belgium", fr: "https://www.meteo.be/fr/belgique"}
sources:
  seed: {title: "Mensenhandel", kind: web page, publisher: null, year: null}
""")

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


def test_audit_lists_stale_and_unconfirmed_entries_and_seed_contacts_missing_from_the_table(tmp_path):
    table_path, seeds = fixtures(tmp_path)
    languages = load_languages()
    table = load_contacts(table_path, languages)
    problems = [str(p) for p in audit(table, TODAY, 6, seeds, languages.all_call_words())]
    t, s = str(table_path), str(seeds / "seed.txt")
    assert [p.split(": ", 1)[0] for p in problems] == [f"{t}:12", f"{t}:23", f"{s}:4", f"{s}:2"]
    assert problems[0] == (
        f"{t}:12: entry 'pag-asa' was last checked on 2026-07-30 (confirmed by phone), more than 6 months ago "
        "(before 2026-07-31). Ask the organisation whether its numbers, e-mail and website are still right "
        "(its sources: publisher not stated, “Mensenhandel” (web page), year not stated), correct what changed, "
        "then write `checked: {method: phone, date: 2027-01-31, by: \"who called whom\"}`.")
    assert problems[1] == (
        f"{t}:23: entry 'payoke' has not been confirmed by a person: it was only compared with its source "
        "documents on 2026-07-31. Call the organisation (or ask it in writing) whether its numbers, e-mail and "
        "website are right, correct what changed, then write "
        "`checked: {method: phone, date: 2027-01-31, by: \"who called whom\"}`.")
    assert problems[2] == (
        f"{s}:4: the seed gives the number 04 232 40 30 (“04 232 40 30 (7 dagen op 7)”), which is not in "
        "data/contacts.yml. If the organisation still uses it, add it to its entry with this document in its "
        "`sources`; if the site dropped it on purpose, nothing to do.")
    assert problems[3].startswith(f"{s}:2: the seed gives the e-mail address admin@payoke.be (“Payoke is bereikbaar")


def test_audit_reads_no_seeds_unless_asked(tmp_path):
    table_path, _ = fixtures(tmp_path)
    table = load_contacts(table_path)
    assert [p.line for p in audit(table, TODAY, 6)] == [12, 23]


def test_audit_is_quiet_when_all_is_fresh_and_confirmed(tmp_path):
    table_path, seeds = fixtures(tmp_path)
    table_path.write_text(TABLE.replace("{method: document, date: 2026-07-31}",
                                        '{method: organisation, date: 2026-11-02, by: "Payoke answered our e-mail"}'),
                          encoding="utf-8")
    (seeds / "seed.txt").write_text("PAG-ASA: 02 511 64 64, info@pag-asa.be\n", encoding="utf-8")
    languages = load_languages()
    table = load_contacts(table_path, languages)
    assert audit(table, date(2026, 12, 1), 6, seeds, languages.all_call_words()) == []
    # six months after the oldest check, it is stale
    assert [p.line for p in audit(table, date(2027, 1, 31), 6)] == [12]


def test_six_months_before():
    assert months_before(date(2027, 1, 31), 6) == date(2026, 7, 31)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2028, 8, 31), 6) == date(2028, 2, 29)
    assert months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


def test_python_m_uitweg_audit_exit_codes(tmp_path):
    table_path, seeds = fixtures(tmp_path)
    args = [sys.executable, "-m", "uitweg.quality.audit", "--contacts", str(table_path), "--today", "2027-01-31"]
    found = subprocess.run(args + ["--seeds", str(seeds)], cwd=ROOT, capture_output=True, text=True)
    assert found.returncode == 1
    assert found.stdout.startswith("Contacts to check (audit of 2027-01-31) (4 problems):\n")
    assert "Of 2 contacts, 1 are not confirmed by a person and 1 were last checked more than 6 months ago." \
        in found.stdout
    missing = subprocess.run(args + ["--seeds", str(tmp_path / "nope")], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 2 and "seed folder" in missing.stderr


def test_make_audit_on_the_real_table_lists_every_entry_nobody_confirmed(tmp_path):
    """`make audit` with a fixed date and no SEEDS: today every entry was only
    compared with documents on 2026-11-23, so every entry is listed. It runs
    in a copy of the repository with no shared/ beside it: a clone is enough."""
    table = load_contacts()
    day = max(c.checked.date for c in table.contacts)
    unconfirmed = [c.id for c in table.contacts if c.checked.method == "document"]
    clone = copy_project(tmp_path / "clone")
    result = subprocess.run(["make", "-s", "--no-print-directory", "-o", ".venv/.installed", "audit",
                             f"PY={sys.executable}", f"AUDIT_ARGS=--today {day.isoformat()}"],
                            cwd=clone, capture_output=True, text=True)
    assert (result.returncode != 0) == bool(unconfirmed), result.stdout + result.stderr
    listed = [line.split("entry '", 1)[1].split("'", 1)[0] for line in result.stdout.splitlines()
              if "has not been confirmed by a person" in line]
    assert listed == unconfirmed
    assert "seed documents not compared" in result.stdout
    assert "shared" not in result.stdout + result.stderr
