"""Core: what every stage shares. Problems with file and line (`problems`),
where the project's files are (`paths`), YAML with line numbers
(`yamlfile`), the language list (`languages`), the few settings tools read
from mkdocs.yml (`siteconfig`) and the one HTML reader (`html`, selectolax).

May import: the standard library and third-party packages only, never
another `uitweg` package.
"""
