"""Uitweg's build logic as plain functions.

MkDocs hooks (hooks/) and tools (tools/) call these; tests call them directly,
so every check keeps working without MkDocs (or under a fork such as ProperDocs).
"""
