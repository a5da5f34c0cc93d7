"""Checks of Markdown sources, shortcodes, tel: links and finished HTML,
without MkDocs."""
from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.gate.output_check import output_problems
from uitweg.gate.source_check import source_problems
from uitweg.render.shortcodes import expand, md_text
from uitweg.render.telify import telify

TABLE = load_contacts()
LANGS = load_languages()
CW = LANGS.all_call_words()


def problems(md):
    return [str(p) for p in source_problems(md, "docs/nl/x.md", TABLE, CW)]


def test_clean_page_has_no_problems():
    md = "# T {#t}\n\nBel [[phone:pag-asa]] of 1712.\n\n[[card:payoke]]\n\nMail <info@pag-asa.be> of [ons](mailto:admin@payoke.be).\n[Zie](signs.md#x)\n"
    assert problems(md) == []


def test_wrong_number_names_file_line_and_fix():
    md = "# T\n\nTekst.\n\nBel PAG-ASA op 02 511 64 46.\n"
    assert problems(md) == ["docs/nl/x.md:5: 02 511 64 46 is not in the contact table — did you mean PAG-ASA 02 511 64 64? "
                            "Fix the number, or add it to data/contacts.yml with its source."]


def test_unknown_links_and_emails_fail_with_nearest_target():
    md = "[x](https://www.meteo.be/nl/belgi)\n\nMail hulp@pag-asa.be\n\n<a href=\"https://evil.example/\">y</a>\n"
    found = problems(md)
    assert found[0].startswith("docs/nl/x.md:1: link https://www.meteo.be/nl/belgi is not in the contact table — did you mean https://www.meteo.be/nl/belgie?")
    assert found[1].startswith("docs/nl/x.md:3: e-mail address hulp@pag-asa.be is not in the contact table")
    assert found[2].startswith("docs/nl/x.md:5: link https://evil.example/")


def test_tel_link_must_be_in_table():
    assert "tel: link tel:+3225116446" in problems("[bel](tel:+3225116446)\n")[0]
    assert problems("[02 511 64 64](tel:+3225116464)\n") == []
    # A call link shows the number it dials, so a reader knows who answers.
    assert "link shows bel but dials +3225116464" in problems("[bel](tel:+3225116464)\n")[0]


def test_shortcode_problems():
    found = problems("[[card:pagasa]]\n[[phone:caw]]\n[[foo:bar]]\n[[card]]\n")
    assert "unknown contact id 'pagasa'" in found[0] and "pag-asa" in found[0]
    assert "'caw' has no phone number" in found[1]
    assert "unknown shortcode [[foo:bar]]" in found[2]
    assert "[[card]] needs a contact id" in found[3]


def test_numbers_in_link_targets_and_anchors_are_not_text():
    assert problems("[x](signs.md#0251164646) {#a-025116446}\n") == []


def test_expand_in_each_language():
    for code, hours in (("nl", "24 uur op 24"), ("en", "24 hours a day"), ("fr", "24 heures sur 24")):
        out = expand("[[card:pag-asa]] [[name:child-focus]] [[email:payoke]]", TABLE, LANGS.get(code))
        assert "02 511 64 64" in out and hours in out and "Child Focus" in out
        assert "[admin@payoke.be](mailto:admin@payoke.be)" in out


def test_directory_lists_every_contact_with_its_anchor():
    out = expand("[[directory]]", TABLE, LANGS.get("fr"))
    for c in TABLE.contacts:
        assert f"{{#contact-{c.id} " in out and md_text(c.name["fr"]) in out   # escaped Markdown
    assert "{#specialised-centre}" in out


def test_telify_links_known_numbers_only_outside_links():
    html = '<p>Bel 02/511.64.64 of 1712, niet 1721. <a href="tel:112">112</a></p><script>var x="112"</script>'
    out = telify(html, TABLE, CW)
    assert '<a href="tel:+3225116464" class="tel" dir="ltr">02/511.64.64</a>' in out
    assert '<a href="tel:1712" class="tel" dir="ltr">1712</a>' in out
    assert "niet 1721." in out and out.count('href="tel:112"') == 1 and 'var x="112"' in out


def test_output_check_catches_everything_that_must_not_be_published():
    html = ('<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css"></head><body>\n'
            '<p>Bel 02 511 64 46</p>\n<a href="tel:+3225116446">x</a>\n<a href="https://other.example/">o</a>\n'
            '<img src="https://cdn.example/x.png">\n<a href="tel:+3225116464">03 201 16 90</a>\n'
            '<a href="https://uitweg.example/en/index.html">self</a>\n<a href="https://www.meteo.be/fr/belgique">exit</a></body></html>')
    found = output_problems(html, TABLE, CW, "https://uitweg.example/")
    messages = " | ".join(m for _, m in found)
    assert "fonts.googleapis.com" in messages and "loads from another site" in messages
    assert "02 511 64 46 is not in the contact table" in messages
    assert "tel: link tel:+3225116446" in messages
    assert "link https://other.example/" in messages
    assert "cdn.example" in messages
    assert "shows 03 201 16 90 but dials +3225116464" in messages
    assert "uitweg.example" not in messages and "meteo.be" not in messages
    assert sorted(line for line, _ in found) == [1, 2, 3, 4, 5, 6]


def test_only_an_empty_icon_may_be_a_data_link():
    """theme.favicon "data:," stops the /favicon.ico request; any other data: link is refused."""
    page = '<html><head><link rel="icon" href="{}"></head><body><p>x</p></body></html>'
    assert output_problems(page.format("data:,"), TABLE, CW, "https://uitweg.example/") == []
    for bad in ("data:image/svg+xml,%3Csvg%2F%3E", "data:,x", "https://cdn.example/icon.png"):
        assert output_problems(page.format(bad), TABLE, CW, "https://uitweg.example/"), bad
    sheet = '<html><head><link rel="stylesheet" href="data:,"></head><body></body></html>'
    assert output_problems(sheet, TABLE, CW, "https://uitweg.example/")


def test_cards_follow_each_languages_typography_and_do_not_repeat_the_region():
    langs = LANGS
    fr = expand("[[card:pag-asa]]", TABLE, langs.get("fr"))
    assert "Téléphone\u00a0: **" in fr and "Téléphone: " not in fr
    assert "Telefoon: **" in expand("[[card:pag-asa]]", TABLE, langs.get("nl"))
    brussels = next(c for c in TABLE.contacts if c.id == "zsg-brussels")
    name, region = brussels.name["nl"], brussels.region["nl"]
    assert region in name   # the name already says where: the card does not say it twice
    assert f"**{name}** · {region}" not in expand("[[card:zsg-brussels]]", TABLE, langs.get("nl"))
