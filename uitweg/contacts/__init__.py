"""Contacts: the contact table (data/contacts.yml) and the detection of
phone numbers, e-mail addresses and links in text, judged against it.
This is the single source of contact data for every other stage.

May import: `uitweg.core`.
"""
