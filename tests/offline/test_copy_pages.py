"""Every page of every language of the USB copy, read from its files (the
browser crawls of tests/crawls.py open one language per script,
tests/language_sample.py): the page's lang, the strip's tel: links and the
quick exit; the language chooser leads to the same page in every other
language; from the root index.html, and from each language's home within
that language, links reach every page. Links are resolved as a browser
resolves them (urljoin against the page's file:// address); that this reader
sees the links the browser sees is checked on the sampled pages in
tests/browser/test_nojs.py (test_the_files_give_the_links_the_browser_follows)."""
from __future__ import annotations

import pytest
from crawls import reached_from, read_copy
from light_helpers import LANGS, lang_of, page_in
from test_offline_bundle import page_problems


@pytest.fixture(scope="module")
def copy_pages(bundle) -> tuple[str, dict[str, dict]]:
    _, unpacked = bundle
    return unpacked.as_uri() + "/", read_copy(unpacked)


def test_every_page_has_its_lang_the_strip_and_the_exit(copy_pages):
    _, pages = copy_pages
    assert {lang_of(rel) for rel in pages} == set(LANGS.codes)
    problems = [p for rel, page in pages.items()
                for p in page_problems(rel, page["lang"], page["strip_links"], page["exits"])]
    assert not problems, "\n".join(problems)


def test_the_chooser_leads_to_the_same_page_in_every_other_language(copy_pages):
    base, pages = copy_pages
    wrong = []
    for rel, page in pages.items():
        others = set(LANGS.codes) - {lang_of(rel)}
        if set(page["chooser"]) != others:
            wrong.append(f"{rel}: language links {sorted(page['chooser'])}, expected {sorted(others)}")
        wrong += [f"{rel}: the {code} link points to {url}" for code, url in page["chooser"].items()
                  if url != base + page_in(rel, code)]
    assert not wrong, "\n".join(wrong)


def test_links_reach_every_page_from_the_root_and_from_each_home(copy_pages):
    base, pages = copy_pages
    links = lambda rel: pages[rel]["links"] if rel in pages else []  # noqa: E731
    reached = set(reached_from("index.html", base, links))
    assert reached == set(pages), (f"not reachable from index.html: {sorted(set(pages) - reached)}; "
                                   f"links to missing pages: {sorted(reached - set(pages))}")
    for code in LANGS.codes:
        own = {rel for rel in pages if lang_of(rel) == code}
        seen = set(reached_from(page_in("index.html", code), base, links, keep=lambda rel, c=code: lang_of(rel) == c))
        assert seen == own, (f"not reachable from the {code} home: {sorted(own - seen)}; "
                             f"links to missing pages: {sorted(seen - own)}")


def test_the_reader_sees_a_missing_page_a_wrong_chooser_link_and_no_exit(tmp_path):
    """The checks above on a copy made to fail."""
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(
        '<html lang="nl"><body><a id="uw-exit" href="https://x.invalid/">x</a>'
        '<nav class="uw-langs"><a hreflang="en" href="en/other.html">EN</a></nav>'
        '<a href="en/index.html">en</a><a href="gone.html">gone</a></body></html>', encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text('<html lang="en"><body></body></html>', encoding="utf-8")
    pages = read_copy(tmp_path)
    base = tmp_path.as_uri() + "/"
    assert pages["index.html"]["chooser"] == {"en": base + "en/other.html"}
    assert pages["en/index.html"]["exits"] == 0 and pages["index.html"]["exits"] == 1
    assert "no quick exit link #uw-exit" in " ".join(page_problems("en/index.html", "en", [], 0))
    reached = reached_from("index.html", base, lambda rel: pages[rel]["links"] if rel in pages else [])
    assert set(reached) == {"index.html", "en/index.html", "en/other.html", "gone.html"}   # missing pages too
