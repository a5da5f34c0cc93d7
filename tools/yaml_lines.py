"""Where a YAML node's text ends in its file, for the tools that edit data
files as text (tools/fold_translation.py adds a language, tools/testkit/
trim_languages.py removes one): one rule for both."""
from __future__ import annotations

import yaml


def last_line(lines: list[str], node) -> int:
    """0-based last line that holds text of `node`: block scalars end at
    column 0 of the next line; blank lines and comments after a collection
    belong to what follows."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return last_line(lines, node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return last_line(lines, node.value[-1])
    end = node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1
    while end > node.start_mark.line and not lines[end].strip():
        end -= 1
    return end
