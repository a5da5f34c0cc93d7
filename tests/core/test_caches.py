"""The caches that make one build read each data file and compile each
template once: they give the same results, and they forget on purpose."""
from __future__ import annotations

import shutil

from jinja2 import DictLoader, Environment

from uitweg.core import paths
from uitweg.core.filecache import cached_loader, clear_loaded_data
from uitweg.core.languages import load_languages
from uitweg.core.yamlfile import _FastLoader, _Loader, _read
from uitweg.render.template_cache import MemoryBytecodeCache


def test_a_cached_loader_reads_again_only_after_clear():
    calls = []

    @cached_loader
    def load(path="a", extra=None):
        calls.append((path, extra))
        return [path]

    assert load() is load("a") is load(path="a")     # one key, however it is called
    load("b")
    assert calls == [("a", None), ("b", None)]
    load("a", extra={"unhashable": 1})                 # not cached, still loaded
    load("a", extra={"unhashable": 1})
    assert len(calls) == 4
    clear_loaded_data()
    load("a")
    assert len(calls) == 5


def test_an_edited_data_file_is_read_again_after_clear(tmp_path):
    """What `mkdocs serve` relies on: the hooks clear at each new build."""
    copy = tmp_path / "languages.yml"
    shutil.copy(paths.LANGUAGES, copy)
    shutil.copy(paths.DATA / "languages.schema.json", tmp_path / "languages.schema.json")
    before = load_languages(copy)
    first = before.languages[0].name
    copy.write_text(copy.read_text(encoding="utf-8").replace(f"name: {first}", "name: Edited", 1), encoding="utf-8")
    assert load_languages(copy).languages[0].name == first     # same build: the file is read once
    clear_loaded_data()
    assert load_languages(copy).languages[0].name == "Edited"


def test_libyaml_and_the_python_parser_read_every_data_file_alike():
    for path in sorted(paths.DATA.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert _read(text, _FastLoader) == _read(text, _Loader), path.name


def test_templates_compile_once_and_again_when_edited():
    compiled = []

    class Counting(Environment):
        def compile(self, source, *args, **kwargs):
            compiled.append(source)
            return super().compile(source, *args, **kwargs)

    cache, templates = MemoryBytecodeCache(), {"page.html": "Hello {{ name }}"}
    for _ in range(3):   # a new environment per language build
        env = Counting(loader=DictLoader(templates), bytecode_cache=cache)
        assert env.get_template("page.html").render(name="Uitweg") == "Hello Uitweg"
    assert len(compiled) == 1
    templates["page.html"] = "Bye {{ name }}"
    env = Counting(loader=DictLoader(templates), bytecode_cache=cache)
    assert env.get_template("page.html").render(name="Uitweg") == "Bye Uitweg"
    assert len(compiled) == 2
