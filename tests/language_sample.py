"""Which languages the browser tests open.

Behaviour that is the same code, template and CSS in every language of one
script (focus, quick exit, the first screen, the Tab walk, the no-JS view,
search, the pocket file in a browser) is tried in the default language and
in the first language of each script of data/languages.yml (`script:`, ISO
15924, with its direction): a new language of a new script is in the sample
at once, a new Latin one costs the browser tests nothing. A language without
a `script:` stands for a script of its own, so it is tested rather than left
out. The checks that read the built files (gate, parity, budgets, links,
valid HTML, axe without JavaScript, i18n status) cover every page of every
language; they do not use this sample. axe with the site's scripts running
uses it: every page of the default language, two pages of each other
sampled language (the scripts add the same things to every page of a
script).

UITWEG_TEST_LANGUAGES=all runs the sampled tests in every language (after a
change to the layout, the chooser or a script's CSS): `make test-all-languages`.
"""
from __future__ import annotations

import os

from uitweg.core.languages import Languages, load_languages

EVERY_LANGUAGE = "UITWEG_TEST_LANGUAGES"


def script_sample(languages: Languages) -> list[str]:
    """The default language, then the first language of each (script,
    direction) in the order of the file."""
    sample, seen = [languages.default.code], set()
    for lang in languages.languages:
        family = (lang.script or f"undeclared:{lang.code}", lang.dir)
        if family not in seen:
            seen.add(family)
            if lang.code not in sample:
                sample.append(lang.code)
    return sample


def sample_languages(languages: Languages | None = None) -> list[str]:
    """The languages the sampled browser tests open (all of them with
    UITWEG_TEST_LANGUAGES=all)."""
    languages = languages or load_languages()
    if os.environ.get(EVERY_LANGUAGE, "").strip().lower() == "all":
        return languages.codes
    return script_sample(languages)


def family_names(languages: Languages, codes: list[str]) -> dict[str, str]:
    """A test id for each sampled language: its script and code (Latn-nl, Arab-ar)."""
    return {code: f"{languages.get(code).script or 'undeclared'}-{code}" for code in codes}
