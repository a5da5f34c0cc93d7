"""Over every built page of the real site: no digit run of 3+ digits
survives outside a tel: link unless the classifier named it (year, date,
quantity …). Uses the session `site` fixture."""
from __future__ import annotations

from uitweg.contacts.load import load_contacts
from uitweg.core import html as H
from uitweg.core.languages import load_languages
from uitweg.gate.numbers import judge_numbers
from uitweg.offline import signing

TABLE = load_contacts()
CW = load_languages().all_call_words()


def test_no_unexplained_digit_run_on_any_built_page(site):
    unexplained = []
    for page in sorted(site.rglob("*.html")):
        # Key fingerprints (materials page) are base64 made from the key, never a number: masked
        # as the materials step masks them before its own output check (a random test key may
        # hold "+5" or "1712" in its fingerprint).
        tree = H.parse(signing.mask_fingerprints(page.read_text(encoding="utf-8")))
        for block in H.blocks(tree):
            for f in judge_numbers(block.text, TABLE, CW, page.relative_to(site).as_posix()):
                if f.refused:
                    unexplained.append(f"{page.relative_to(site)}: {f.text!r} in {block.text.strip()[:80]!r}")
    assert not unexplained, "\n".join(unexplained)
