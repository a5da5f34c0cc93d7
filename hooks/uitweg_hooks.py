"""MkDocs hooks for Uitweg. Thin on purpose: every check and transform is a
plain function in the `uitweg` package, callable without MkDocs.

static-i18n builds once per language, so these run once per page per language.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from uitweg.build.direction import set_direction
from uitweg.build.output_check import output_problems
from uitweg.build.shortcodes import expand
from uitweg.build.source_check import source_problems
from uitweg.build.telify import telify
from uitweg.build.template_context import template_context
from uitweg.contacts.changes import refuse_unreviewed_changes
from uitweg.contacts.table import load_contacts
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem, raise_if_any
from uitweg.postbuild.run import run as run_post_build

log = logging.getLogger("mkdocs.hooks.uitweg")
_state: dict = {}


def _fail(err: BuildError) -> None:
    raise PluginError(str(err))


def on_config(config):
    try:
        _state["languages"] = load_languages()
        _state["table"] = load_contacts()
        raise_if_any(_state["languages"].strip_problems(c.id for c in _state["table"].contacts),
                     "data/languages.yml names contacts that are not in the table")
        refuse_unreviewed_changes(note=log.info)   # a changed number needs a new check
    except BuildError as err:
        _fail(err)
    _state["call_words"] = _state["languages"].all_call_words()
    return config


def _lang(page) -> str:
    return getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]


def _source_name(page, config) -> str:
    return str(Path(config["docs_dir"]).name + "/" + page.file.src_uri)


def on_page_markdown(markdown, page, config, files):
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    problems = source_problems(source, _source_name(page, config), _state["table"], _state["call_words"])
    if problems:
        _fail(BuildError(problems, "A page has numbers or links that are not in the contact table"))
    return expand(markdown, _state["table"], _state["languages"].get(_lang(page)))


def on_page_context(context, page, config, nav):
    urls = {code: f.url for code, f in getattr(page.file, "alternates", {}).items()}
    urls.setdefault(_lang(page), page.url)
    context["uitweg"] = template_context(_lang(page), urls, _state["table"], _state["languages"])
    return context


def on_post_page(output, page, config):
    # On the finished page, so numbers in template parts become links too.
    output = telify(output, _state["table"], _state["call_words"])
    output = set_direction(output, _state["languages"].get(_lang(page)).dir)   # <html dir="rtl"> for ar
    found = output_problems(output, _state["table"], _state["call_words"], config["site_url"] or "")
    if found:
        name = f"{_source_name(page, config)} (built as {page.file.dest_uri})"
        _fail(BuildError([Problem(name, line, msg) for line, msg in found],
                         "A built page would publish something that is not in the contact table"))
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
    output = telify(output_content, _state["table"], _state["call_words"])
    found = output_problems(output, _state["table"], _state["call_words"], config["site_url"] or "")
    if found:
        _fail(BuildError([Problem(f"template {template_name}", line, msg) for line, msg in found],
                         "A built page would publish something that is not in the contact table"))
    # Each language's build writes site/404.html over the last; keep every
    # version so the default language's can be put back at the end.
    _state.setdefault("static", {})[(config["theme"]["language"], template_name)] = output
    return output


@event_priority(-200)  # after static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config):
    """The post-build steps (uitweg/postbuild/run.py), once, on the whole site:
    `mkdocs build`, `mkdocs serve` and `make site` give the same files."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested build of one more language; the outer build ends last
    log.info("Post-build steps (uitweg/postbuild): stylesheet, CSP, headers, compressed twins")
    default = _state["languages"].default.code
    for (lang, name), output in _state.pop("static", {}).items():
        if lang == default:
            Path(config["site_dir"], name).write_text(output, encoding="utf-8")
    try:
        run_post_build(Path(config["site_dir"]))
    except BuildError as err:
        _fail(err)
