"""MkDocs hooks for Uitweg. Thin on purpose: every check and transform is a
plain function in the `uitweg` package, callable without MkDocs.

static-i18n builds once per language, so these run once per page per language.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from uitweg.contacts.changes import refuse_unreviewed_changes
from uitweg.core.filecache import clear_loaded_data
from uitweg.core.html import parse as parse_html
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem, raise_if_any
from uitweg.gate import report as gate_report
from uitweg.gate import timing as gate_timing
from uitweg.gate.docs_files import docs_file_problems
from uitweg.gate.judge import reader_data_problems
from uitweg.gate.numbers import load_number_words
from uitweg.gate.output_check import page_problems
from uitweg.gate.raw_html import raw_html_problems
from uitweg.gate.source_check import source_problems
from uitweg.gate.table_text import load_checked_contacts
from uitweg.postbuild.run import run as run_post_build
from uitweg.render.direction import isolate_latin_tree, set_direction
from uitweg.render.folding import fold_sections, folded_anchors
from uitweg.render.shortcodes import expand
from uitweg.render.telify import telify_tree
from uitweg.render.template_cache import share_compiled_templates
from uitweg.render.template_context import template_context

log = logging.getLogger("mkdocs.hooks.uitweg")
_state: dict = {}


def _fail(err: BuildError) -> None:
    raise PluginError(str(err))


def _i18n_building(config) -> bool:
    """True inside static-i18n's nested build of a further language."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and getattr(i18n, "building", False))


def on_config(config):
    if not _i18n_building(config):
        clear_loaded_data()   # a new build (also each `mkdocs serve` rebuild): read data/ again
        gate_report.reset()
        gate_timing.start()
    try:   # every data file the pages need, so a broken one stops here with its line
        _state["languages"] = load_languages()
        with gate_timing.gate():   # the table's texts are judged by the gate
            _state["table"] = load_checked_contacts()
        load_number_words()
        raise_if_any(_state["languages"].strip_problems(c.id for c in _state["table"].contacts),
                     "data/languages.yml names contacts that are not in the table")
        if not _i18n_building(config):
            refuse_unreviewed_changes(note=log.info)   # a changed number needs a new check
            with gate_timing.gate():   # data files, stylesheets, mkdocs.yml: once, at their own lines
                raise_if_any(reader_data_problems(Path(config["config_file_path"]).parent, _state["table"]),
                             gate_report.TITLE)
    except BuildError as err:
        _fail(err)
    _state["call_words"] = _state["languages"].all_call_words()
    return config


def _lang(page) -> str:
    return getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]


def _source_name(page, config) -> str:
    return str(Path(config["docs_dir"]).name + "/" + page.file.src_uri)


def on_env(env, config, files):
    share_compiled_templates(env)   # nine language builds, one compile per template
    return env


def on_files(files, config):
    with gate_timing.gate():
        gate_report.add(docs_file_problems(Path(config["docs_dir"]), Path(config["docs_dir"]).name))
    return files


def on_page_markdown(markdown, page, config, files):
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    with gate_timing.gate():
        gate_report.add(source_problems(source, _source_name(page, config), _state["table"], _state["call_words"]))
    try:
        return expand(markdown, _state["table"], _state["languages"].get(_lang(page)))
    except KeyError:   # an unknown id: reported above, the build stops at the end
        return markdown


def _sources(page, config) -> list[tuple[str, str]]:
    """Where a problem of a built page can come from, most likely first."""
    found = []
    if page is not None:
        found.append((_source_name(page, config), gate_report.read(Path(page.file.abs_src_path))))
    root = Path(config["config_file_path"]).parent
    found.append(("mkdocs.yml", gate_report.read(Path(config["config_file_path"]))))
    for tpl in sorted((root / "overrides").rglob("*.html")):
        found.append((tpl.relative_to(root).as_posix(), gate_report.read(tpl)))
    return found


def _report_built(found, page, config, built: str) -> None:
    if not found:
        return   # the usual case: no need to read the page's sources and every template
    sources = _sources(page, config)
    used: set = set()   # the n-th of the same finding goes to the n-th line that holds it
    own = sources[0][0] if page is not None else None
    for needle, message, *context in found:
        name, line = gate_report.locate(needle, sources, used, *context)
        # A template or setting shows on every page: report it once, there.
        gate_report.add([Problem(name, line, message if name != own else f"{message} (built as {built})")])


def on_page_content(html, page, config, files):
    with gate_timing.gate():
        _report_built(raw_html_problems(html), page, config, page.file.dest_uri)
    name = page.file.src_uri.rsplit("/", 1)[-1]
    try:
        return fold_sections(html, folded_anchors(name), name)
    except BuildError as err:
        _fail(err)


def on_page_context(context, page, config, nav):
    urls = {code: f.url for code, f in getattr(page.file, "alternates", {}).items()}
    urls.setdefault(_lang(page), page.url)
    home = page.file.src_uri.rsplit("/", 1)[-1] == "index.md" and page.file.src_uri.count("/") <= 1
    context["uitweg"] = template_context(_lang(page), urls, _state["table"], _state["languages"], home=home)
    return context


def on_post_page(output, page, config):
    # On the finished page, so numbers in template parts become links too.
    # One parse per page, shared by click-to-call and the last check.
    with gate_timing.gate():   # the parse and click-to-call count as the gate's: they exist for it
        tree = parse_html(output)
        if telify_tree(tree, _state["table"], _state["call_words"]):
            output = tree.html
        found = page_problems(tree, _state["table"], _state["call_words"], config["site_url"] or "",
                              _source_name(page, config), _lang(page))
        _report_built([(f.needle, f.message, f.context) for f in found], page, config, page.file.dest_uri)
    direction = _state["languages"].get(_lang(page)).dir
    if direction == "rtl" and isolate_latin_tree(tree):   # Latin names keep their order in Arabic text
        output = tree.html
    output = set_direction(output, direction)   # <html dir="rtl"> for ar
    return output


def on_template_context(context, template_name, config):
    """Static templates (404.html) get the frame too, pointing at the homes."""
    if "uitweg" not in context:
        langs = _state["languages"]
        urls = {lang.code: ("" if lang.code == langs.default.code else f"{lang.code}/") + "index.html"
                for lang in langs.languages}
        context["uitweg"] = template_context(config["theme"]["language"], urls, _state["table"], langs)
    return context


def on_post_template(output_content, template_name, config):
    """404.html and other static templates pass the same last gate."""
    if not template_name.endswith(".html"):
        return output_content
    with gate_timing.gate():
        tree = parse_html(output_content)
        output = tree.html if telify_tree(tree, _state["table"], _state["call_words"]) else output_content
        found = page_problems(tree, _state["table"], _state["call_words"], config["site_url"] or "", template_name)
        _report_built([(f.needle, f.message, f.context) for f in found], None, config, template_name)
    # Each language's build writes site/404.html over the last; keep every
    # version so the default language's can be put back at the end.
    _state.setdefault("static", {})[(config["theme"]["language"], template_name)] = output
    return output


@event_priority(-200)  # after static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config):
    """After the last language: every problem of every page at once, one stop;
    then the post-build steps (uitweg/postbuild/run.py), once, on the whole
    site, so `mkdocs build`, `mkdocs serve` and `make site` give the same files."""
    if _i18n_building(config):
        return  # a nested build of one more language; the outer build ends last
    if (err := gate_report.error()):
        gate_report.reset()
        _fail(err)
    log.info("Post-build steps (uitweg/postbuild): stylesheet, CSP, headers, compressed twins")
    default = _state["languages"].default.code
    for (lang, name), output in _state.pop("static", {}).items():
        if lang == default:
            Path(config["site_dir"], name).write_text(output, encoding="utf-8")
    try:
        run_post_build(Path(config["site_dir"]))
    except BuildError as err:
        _fail(err)
    if (line := gate_timing.summary()):
        log.info("Gate timing: %s", line)
