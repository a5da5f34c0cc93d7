"""MkDocs hooks for Uitweg. Thin on purpose: every check and transform is a
plain function in the `uitweg` package, callable without MkDocs.

static-i18n builds once per language, so these run once per page per language.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from uitweg.contacts.table import load_contacts  # noqa: E402
from uitweg.contacts.changes import refuse_unreviewed_changes  # noqa: E402
from uitweg.core.languages import load_languages  # noqa: E402
from uitweg.build.output_check import output_problems  # noqa: E402
from uitweg.build.source_check import source_problems  # noqa: E402
from uitweg.build.template_context import template_context  # noqa: E402
from uitweg.core.problems import BuildError, Problem  # noqa: E402
from uitweg.build.shortcodes import expand  # noqa: E402
from uitweg.build.telify import telify  # noqa: E402

log = logging.getLogger("mkdocs.hooks.uitweg")
_state: dict = {}


def _fail(err: BuildError) -> None:
    raise PluginError(str(err))


def on_config(config):
    try:
        _state["table"] = load_contacts()
        refuse_unreviewed_changes(note=log.info)   # a changed number needs a new check
    except BuildError as err:
        _fail(err)
    _state["languages"] = load_languages()
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
    return output
