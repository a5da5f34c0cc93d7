"""A changed number needs a new check: on a real temporary git history
(git init, commit the table, change it), the build's change check refuses a
changed phone number, e-mail or website unless the entry's `checked` date
moved forward, and says once that it cannot compare without git history."""
from __future__ import annotations

from pathlib import Path

import pytest
from builds import NEW_CHECK, OLD_CHECK, REAL, change_entry, git

from uitweg.contacts.changes import refuse_unreviewed_changes, unreviewed_changes
from uitweg.core.problems import BuildError


def committed_table(tmp_path: Path) -> Path:
    """A git repository with data/contacts.yml committed once."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    table = repo / "data" / "contacts.yml"
    table.write_text(REAL, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "data/contacts.yml")
    git(repo, "commit", "-q", "-m", "contact table")
    return table


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_changed_number_without_a_new_check_is_refused(tmp_path):
    table = committed_table(tmp_path)
    changed = change_entry(REAL, "pag-asa", '"02 511 64 64"', '"02 511 64 65"')
    table.write_text(changed, encoding="utf-8")
    problems, info = unreviewed_changes(table)
    assert info is None
    assert [str(p) for p in problems] == [
        f"{table}:{line_of(changed, '02 511 64 65')}: pag-asa phone changed: 02 511 64 64 → 02 511 64 65; "
        "set checked.date and checked.method for this entry (who confirmed the new number?) so a second "
        "person can review the change"]
    with pytest.raises(BuildError) as err:
        refuse_unreviewed_changes(table)
    assert str(err.value).startswith("A number, e-mail or web address changed without a new check (1 problem):")


def test_the_same_change_with_a_new_check_is_accepted(tmp_path):
    table = committed_table(tmp_path)
    changed = change_entry(REAL, "pag-asa", '"02 511 64 64"', '"02 511 64 65"')
    table.write_text(change_entry(changed, "pag-asa", OLD_CHECK, NEW_CHECK), encoding="utf-8")
    assert unreviewed_changes(table) == ([], None)
    refuse_unreviewed_changes(table)


def test_a_check_date_that_does_not_move_forward_is_refused(tmp_path):
    table = committed_table(tmp_path)
    changed = change_entry(REAL, "payoke", '"admin@payoke.be"', '"info@payoke.be"')
    changed = change_entry(changed, "payoke", OLD_CHECK, 'checked: {method: phone, date: 2026-11-01, by: "x"}')
    table.write_text(changed, encoding="utf-8")
    [problem] = unreviewed_changes(table)[0]
    assert problem.message.startswith("payoke e-mail changed: admin@payoke.be → info@payoke.be; ")
    assert "(who confirmed the new address?)" in problem.message


def test_added_and_removed_values_count_and_the_committed_check_is_what_counts(tmp_path):
    table = committed_table(tmp_path)
    changed = change_entry(REAL, "child-focus", "websites: []", 'websites: ["https://www.childfocus.be/"]')
    changed = change_entry(changed, "payoke", '["admin@payoke.be"]', "[]")
    table.write_text(changed, encoding="utf-8")
    messages = [p.message for p in unreviewed_changes(table)[0]]
    assert messages == [
        "child-focus website added: https://www.childfocus.be/; set checked.date and checked.method for this "
        "entry (who confirmed it?) so a second person can review the change",
        "payoke e-mail removed: admin@payoke.be; set checked.date and checked.method for this entry (who "
        "confirmed it is no longer in use?) so a second person can review the change"]
    # Committing the change makes it the reference: nothing left to review.
    git(table.parent.parent, "commit", "-q", "-am", "reviewed")
    assert unreviewed_changes(table) == ([], None)


def test_the_same_number_written_differently_is_no_change(tmp_path):
    table = committed_table(tmp_path)
    table.write_text(change_entry(REAL, "pag-asa", '"02 511 64 64"', '"02 5116464"'), encoding="utf-8")
    assert unreviewed_changes(table) == ([], None)


def test_a_table_from_before_checked_counts_verified_as_the_committed_check(tmp_path):
    """The first commit of this structure compares with a table that still had `verified:`."""
    table = committed_table(tmp_path)
    legacy = REAL.replace(OLD_CHECK, "verified: 2026-11-23")
    table.write_text(legacy, encoding="utf-8")
    git(table.parent.parent, "commit", "-q", "-am", "old structure")
    table.write_text(change_entry(REAL, "surya", '"04 232 40 30"', '"04 232 40 31"'), encoding="utf-8")
    assert [p.message.split(";")[0] for p in unreviewed_changes(table)[0]] == \
        ["surya phone changed: 04 232 40 30 → 04 232 40 31"]


def test_without_git_history_it_says_so_once_and_does_not_fail(tmp_path):
    plain = tmp_path / "tarball" / "data"
    plain.mkdir(parents=True)
    (plain / "contacts.yml").write_text(REAL, encoding="utf-8")
    problems, info = unreviewed_changes(plain / "contacts.yml")
    assert problems == [] and "is not in a git repository" in info
    notes: list[str] = []
    for _ in range(3):   # on_config runs once per language
        refuse_unreviewed_changes(plain / "contacts.yml", note=notes.append)
    assert notes == [info]

    repo = tmp_path / "fresh"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "contacts.yml").write_text(REAL, encoding="utf-8")
    git(repo, "init", "-q")
    problems, info = unreviewed_changes(repo / "data" / "contacts.yml")
    assert problems == [] and "has no committed version yet" in info


@pytest.mark.slow
def test_mkdocs_build_refuses_an_unreviewed_change_in_a_git_clone(accepted_build):
    """The real build (on_config) stops; with a new check it builds (one
    shared build, tests/builds.py)."""
    result, changed = accepted_build.refused, accepted_build.changed
    assert result.returncode != 0
    assert (f"data/contacts.yml:{line_of(changed, '04 232 40 31')}: surya phone changed: 04 232 40 30 → "
            "04 232 40 31; set checked.date") in result.stdout + result.stderr
    assert (accepted_build.site / "index.html").is_file()
    assert 'href="tel:+3242324031"' in (accepted_build.site / "who-can-help.html").read_text(encoding="utf-8")
