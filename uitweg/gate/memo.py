"""Verdicts on texts, remembered for one build.

Every page repeats the texts of its templates (header, footer, contact
cards), and every language repeats them again; judging each once per
language keeps the gate a small part of the build (`make bench`). A verdict
depends on the text and on the contact table, the call words and the word
lists it was judged with: those are the same objects for a whole build
(loaded once), so the memo holds for them alone and is emptied as soon as
it is asked about another table, call-word list or word list (a new build,
a test with its own table).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


_memos: list[TextMemo] = []


def forget_all() -> None:
    """Empty every memo (mutation testing: tools/testkit/mutation_caches.py)."""
    for memo in _memos:
        memo._for, memo._verdicts = (), {}


class TextMemo:
    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._for: tuple = ()
        self._verdicts: dict = {}
        _memos.append(self)

    def get(self, judged_with: tuple, key: Hashable, judge: Callable[[], T]) -> T:
        """The verdict `judge()` for `key`, judged once while `judged_with`
        (table, call words, word lists) are the same objects."""
        same = len(judged_with) == len(self._for) and all(a is b for a, b in zip(judged_with, self._for, strict=True))
        if not same or len(self._verdicts) >= self.limit:
            self._for, self._verdicts = judged_with, {}
        if key not in self._verdicts:
            self._verdicts[key] = judge()
        return self._verdicts[key]
