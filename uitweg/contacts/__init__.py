"""Contacts: the contact table (data/contacts.yml), the single source of
contact data for every other stage. The model (`model`), the checks of
single fields (`validate`), loading with every problem at its line (`load`),
how fresh each entry is (`freshness`) and the review of changed numbers
(`changes`). Judging texts against the table is the gate's job
(`uitweg.gate`).

May import: `uitweg.core`.
"""
