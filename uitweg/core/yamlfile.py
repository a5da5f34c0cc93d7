"""Load YAML and remember the line of every value, for messages like
`data/contacts.yml:57: …`. Every data file is read here, so a syntax error
in any of them is one line naming file, line and column, never a traceback;
each is checked against the JSON Schema beside it (`data/x.yml` →
`data/x.schema.json`)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from uitweg.core.paths import DATA, shown
from uitweg.core.problems import BuildError, Problem


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text (the schema checks their format)."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same with libyaml's parser (4× faster); errors are read again with
    _Loader, whose messages the problem text is written for."""


_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read(text: str, loader_class) -> tuple[Any, dict[tuple, int]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        lines: dict[tuple, int] = {}
        _walk(node, (), lines)
        return (loader.construct_document(node) if node is not None else None), lines
    finally:
        loader.dispose()


def load_with_lines(path: Path) -> tuple[Any, dict[tuple, int]]:
    """Return (data, lines) where lines maps a key path such as
    ("contacts", 3, "phones", 0, "number") to its 1-based line.
    Broken YAML raises a BuildError naming file, line and column."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        return _read(text, _FastLoader)
    except yaml.YAMLError:
        pass
    try:
        return _read(text, _Loader)
    except yaml.YAMLError as exc:
        raise broken_yaml(path, exc, text) from None   # the traceback would name no file


def load(path: Path) -> Any:
    """The data of a YAML file (dates kept as text)."""
    return load_with_lines(path)[0]


def load_text(text: str) -> Any:
    """YAML from a string, read like the files (dates kept as text), e.g. the
    committed version of a data file; raises yaml.YAMLError when broken."""
    return yaml.load(text, Loader=_Loader)


def _runaway_quote(text: str, before: yaml.Mark | None) -> yaml.Token | None:
    """The last quoted value that runs over several lines before the error:
    a missing closing quote swallows the lines after it, and the parser only
    notices further down."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if before and token.start_mark.index >= before.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line:
                found = token
    except yaml.YAMLError:
        pass
    return found


def broken_yaml(path: Path, exc: yaml.YAMLError, text: str = "") -> BuildError:
    """`data/x.yml:LINE:COL: broken YAML: <problem> — fix the file …`."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    found, began = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    # An unclosed quote is only noticed at the end of the file: name where it began.
    mark = began if began and (found is None or "end of stream" in problem) else found or began
    what = problem
    if context:
        what += f" ({context}" + (f" that began at line {began.line + 1}" if began and began is not mark else "") + ")"
    runaway = _runaway_quote(text, found)
    if runaway and "end of stream" not in problem:
        what = (f"the quoted text that starts here runs on to line {runaway.end_mark.line + 1} "
                f"(a closing quote is missing?); there: {what}")
        mark = runaway.start_mark
    return BuildError([Problem(shown(path), mark.line + 1 if mark else None,
                               f"broken YAML: {what} — fix the file (a missing quote or wrong "
                               "indentation is the usual cause)", mark.column + 1 if mark else None)],
                      f"{shown(path)} cannot be read")


@lru_cache(maxsize=16)
def _validator(schema_path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_problems(path: Path, data: Any, lines: dict[tuple, int], schema: str) -> list[Problem]:
    """Every place where `data` breaks data/<schema>.schema.json, with its line, in file order."""
    schema_path = DATA / f"{schema}.schema.json"
    problems = []
    for err in _validator(schema_path.resolve()).iter_errors(data):
        where = tuple(err.absolute_path)
        field = "/".join(str(k) for k in where) or "top level"
        if err.validator == "additionalProperties" and isinstance(err.instance, dict) and "properties" in err.schema:
            # One message per unknown key, at the key's own line.
            allowed = err.schema["properties"]
            for key in err.instance:
                if key not in allowed:
                    problems.append(Problem(shown(path), line_of(lines, (*where, key)),
                                            f"{field}: unknown field '{key}'; allowed here: {', '.join(sorted(allowed))}"
                                            f"; see {shown(schema_path)}"))
            continue
        problems.append(Problem(shown(path), line_of(lines, where), f"{field}: {err.message}; see {shown(schema_path)}"))
    return sorted(problems, key=lambda p: (p.line or 0, p.message))


def load_data(path: Path, schema: str) -> tuple[Any, dict[tuple, int]]:
    """Load a data file and check it against data/<schema>.schema.json (the
    schema beside the real file, also for a copy elsewhere): (data, lines),
    or a BuildError listing every problem with file and line."""
    try:
        data, lines = load_with_lines(path)   # broken YAML: a BuildError naming file, line and column
    except FileNotFoundError:
        raise BuildError([Problem(shown(path), None, "file not found")], f"{shown(path)} is missing") from None
    problems = schema_problems(path, data, lines, schema)
    if problems:
        raise BuildError(problems, f"{shown(path)} does not match its schema")
    return data, lines


def _walk(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines)


def line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    """Line of `path`, or of its nearest parent that has one."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)
