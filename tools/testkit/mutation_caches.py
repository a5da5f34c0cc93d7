"""A pytest plugin for mutation runs only (setup.cfg [mutmut]
pytest_add_cli_args: `-p testkit.mutation_caches`): each test session starts
with the gate's caches of results empty.

mutmut runs every test once unmutated, then forks each mutant's test run
from that process: a verdict cached then (a loaded word list, a judged text,
the split of a word list) would be handed to the mutant and hide it. Caches
of what no mutated module computes (compiled patterns, the numbering plan's
metadata) stay warm: they keep each mutant's run short."""
from __future__ import annotations


def pytest_sessionstart(session) -> None:
    from uitweg.core.filecache import clear_loaded_data
    from uitweg.gate import memo, numbers

    clear_loaded_data()          # data/number_exceptions.yml -> NumberWords (its __post_init__ is mutated)
    memo.forget_all()            # judged texts (output_check, numbers.judge_numbers_once)
    numbers._keys.cache_clear()  # the split of word lists into scripts (numbers._unspaced)
