"""Claims the site must never make, in any language, whatever the wording of
the day (editorial review no. 3):

- that the phone numbers were checked or verified (nobody of an organisation
  has confirmed them: every entry was only compared with documents), or a
  "last checked" line that reads as "works today";
- that a victim who stays silent gives the exploiter power (it blames a
  person whom threats, debt or fear keep silent).

The judges below are sentence patterns written for this test, per language;
they are first tried on sentences the review quoted from the site (which they
must catch) and on honest sentences (which they must let pass), then run
over every text a reader gets: the built pages (banner and cards included),
every interface text, the print texts, the USB read-me files and the pocket
files' own texts.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.yamlfile import load_data

LANGS = load_languages()
# Clauses: a claim and the words it is about stand in one clause ("the translations
# are checked …, and the numbers come from the same list" claims nothing of the numbers).
CLAUSE_END = re.compile(r"(?<=[.!?;:,。！？؟；，،、።፣፤፧])\s*|\n+")
SENTENCE_END = re.compile(r"(?<=[.!?。！？؟።፧])\s*|\n+")
# Thai writes no full stops or commas: a space ends a clause (numbers and
# Latin names also stand between spaces, which only makes clauses shorter).
CLAUSE_END_BY_LANG = {"th": re.compile(r"(?<=[.!?;:,])\s*|\s+")}

# "The numbers are checked": a sentence with a word for the numbers and a word
# for checked/verified, and no negation; or a "last checked" phrase anywhere.
NUMBERS = {
    "nl": r"nummers?|telefoonnummers?|lijst", "en": r"numbers?|list", "fr": r"numéros?|liste",
    "ar": r"أرقام|الأرقام|القائمة", "bg": r"номер\w*|списък", "pt": r"números?|lista",
    "ro": r"num[ăe]r\w*|list[aăe]", "zh": r"号码|名单", "uk": r"номер\w*|список\w*",
    "th": r"เบอร์|หมายเลข|รายการ|รายชื่อ",
    "vi": r"số|số điện thoại|danh sách",
    "sq": r"numr\w*|numër|list\w*",
    "hu": r"szám\w*|telefonszám\w*|list\w*",
    "ti": r"ቁጽሪ\w*|ዝርዝር",
}
CHECKED = {
    "nl": r"gecontroleerde?|nagekeken|geverifieerde?|gecheckt", "en": r"checked|verified",
    "fr": r"vérifié(?:e|s|es)?|contrôlé(?:e|s|es)?", "ar": r"التحقق|تحقق|مُتحقق",
    "bg": r"проверен\w*", "pt": r"conferid\w*|verificad\w*", "ro": r"verificat\w*",
    "zh": r"核对过|检查过|核实|已核对|已检查", "uk": r"перевірен\w*|перевірено",
    "th": r"ตรวจสอบแล้ว|ตรวจแล้ว|ผ่านการตรวจสอบ|ได้รับการตรวจสอบ",
    "vi": r"đã kiểm tra|được kiểm tra|đã xác minh|được xác minh|đã kiểm chứng",
    "sq": r"kontrolluar|kontrolluara|verifikuar|verifikuara|konfirmuar|konfirmuara",
    "hu": r"ellenőrzött\w*|ellenőrizt\w*|ellenőrizve|leellenőr\w*",
    "ti": r"ተፈቲሹ\w*|ዝተፈተሸ\w*|ተረጋጊጹ\w*",
}
NEGATION = {
    "nl": r"niet|geen|nooit", "en": r"not|no|never", "fr": r"pas|jamais", "ar": r"لم|لا|ليس|ليست",
    "bg": r"не", "pt": r"não|nunca", "ro": r"nu|încă", "zh": r"没|未|不", "uk": r"не|ще", "th": r"ไม่|ยัง",
    "vi": r"không|chưa|chẳng",
    "sq": r"nuk|s'|jo|ende",
    "hu": r"nem|még|soha|sem",
    "ti": r"ኣይ\w*|ዘይ\w*|ገና",
}
LAST_CHECKED = {
    "nl": r"laatst gecontroleerd|laatste controle", "en": r"last checked", "fr": r"dernière vérification",
    "ar": r"آخر تحقق", "bg": r"последна проверка", "pt": r"última verificação", "ro": r"ultima verificare",
    "zh": r"最后一次检查", "uk": r"остання перевірка", "th": r"ตรวจสอบล่าสุด|ตรวจล่าสุด|ตรวจครั้งล่าสุด",
    "vi": r"kiểm tra lần cuối|lần kiểm tra cuối|lần kiểm tra gần nhất",
    "sq": r"kontrolluar së fundi|kontrolli i fundit|kontrolli më i fundit",
    "hu": r"utolsó ellenőrzés\w*|legutóbb ellenőr\w*",
    "ti": r"ናይ መወዳእታ ምፍታሽ|ብመወዳእታ ዝተፈተሸ",
}
# "If you stay silent, you give the exploiter power over your life."
SILENT = {
    "nl": r"zwijg\w*", "en": r"silent|silence|keep quiet", "fr": r"taisez|taire|silence",
    "ar": r"صامت\w*|صمت|سكت\w*|تسكت", "bg": r"мълчи\w*|мълчание", "pt": r"calad\w*|calar|silêncio",
    "ro": r"taci|tăcere", "zh": r"不说|沉默", "uk": r"мовчи\w*|мовчання", "th": r"เงียบ|ไม่พูด|นิ่งเฉย",
    "vi": r"im lặng|không nói|giữ im lặng",
    "sq": r"hesht\w*|heshtje\w*",
    "hu": r"hallgat\w*|elhallgat\w*|csend\w*|némaság\w*",
    "ti": r"ስቕ\w*|ስቕታ",
}
POWER = {
    "nl": r"macht", "en": r"power|control", "fr": r"pouvoir|contrôle", "ar": r"سلطة|سيطرة|يتحكم|تتحكم|قوة",
    "bg": r"власт|контрол", "pt": r"poder|controle", "ro": r"putere|control", "zh": r"控制|权力",
    "uk": r"влад\w*|контрол\w*", "th": r"อำนาจ|ควบคุม",
    "vi": r"quyền lực|kiểm soát|quyền làm chủ",
    "sq": r"pushtet\w*|kontroll\w*",
    "hu": r"hatalm\w*|irányít\w*|kontroll\w*",
    "ti": r"ስልጣን|ሓይሊ|ቁጽጽር",
}

# Quoted by the review from the site (must be caught) ...
REVIEW_QUOTES_CLAIMS = {
    "nl": ["De nummers zijn gecontroleerd.", "de telefoonnummers komen in elke taal uit dezelfde gecontroleerde lijst.",
           "Laatst gecontroleerd op 23 november 2026: vergeleken met de brondocumenten."],
    "en": ["The phone numbers are checked.", "in every language the phone numbers come from the same checked list",
           "Last checked on 23 November 2026: compared with the source documents."],
    "fr": ["Les numéros sont vérifiés.", "Dernière vérification le 23 novembre 2026 : comparé aux documents sources."],
    "ar": ["أرقام الهاتف تم التحقق منها."], "bg": ["Телефонните номера са проверени."],
    "pt": ["Os números de telefone foram conferidos."], "zh": ["电话号码已经核对过。"], "uk": ["Номери телефонів перевірено."],
    # th: the English quotes as a Thai page would say them (th came after the review)
    "th": ["เบอร์โทรศัพท์ได้รับการตรวจสอบแล้ว", "ตรวจสอบล่าสุดเมื่อ 23 พฤศจิกายน 2026 เทียบกับเอกสารต้นฉบับ"],
}
REVIEW_QUOTES_SILENCE = {
    "nl": ["Als je zwijgt, geef je de uitbuiter macht over je leven."],
    "en": ["If you stay silent, you give the exploiter power over your life."],
    "fr": ["Si vous vous taisez, vous donnez à l'exploiteur du pouvoir sur votre vie."],
    "zh": ["如果你不说，就等于让剥削者控制你的生活。"],
    # as the sentence stood on the bg, uk and ro pages (the review quoted it for all nine)
    "bg": ["Но ако мълчиш, даваш на експлоататора власт над живота си."],
    "uk": ["Але коли ти мовчиш, ти даєш експлуататору владу над своїм життям."],
    "ro": ["Dar dacă taci, îi dai exploatatorului putere asupra vieții tale."],
    "th": ["ถ้าคุณเงียบ คุณก็ให้อำนาจผู้แสวงประโยชน์เหนือชีวิตของคุณ"],
}
# ... and honest sentences (must pass): the review's proposed wording and ro's notice.
HONEST = {
    "en": ["The phone numbers come from the source documents; the organisations have not confirmed them yet.",
           "From a source document; compared on 23 November 2026. Not yet confirmed by the organisation.",
           "Exploiters often try to cut you off from other people. Talking to someone you trust can break that "
           "isolation and help you take back some control over your life."],
    "ro": ["Numerele de telefon sunt aceleași ca în versiunea în neerlandeză.",
           "Exploatatorii încearcă adesea să te izoleze de ceilalți oameni. Când vorbești cu cineva în care ai "
           "încredere, poți rupe această izolare. Așa îți iei înapoi o parte din controlul asupra vieții tale."],
    "bg": ["Номерата са от изходните документи; организациите още не са ги потвърдили.",
           "Експлоататорите често се опитват да ви откъснат от другите хора. Разговорът може да сложи край на "
           "тази изолация. Така си връщате част от контрола над живота си."],
    "uk": ["Номери телефонів узято з документів-джерел; організації їх ще не підтвердили.",
           "Експлуататори часто намагаються відрізати вас від інших людей. Розмова може розірвати цю ізоляцію. "
           "Так ви повертаєте собі трохи контролю над своїм життям."],
    "th": ["เจ้าของภาษายังไม่ได้ตรวจคำแปลนี้ เบอร์โทรมาจากเอกสารต้นฉบับ หน่วยงานต่าง ๆ ยังไม่ได้ยืนยันเบอร์เหล่านี้",
           "มาจากเอกสารต้นฉบับ ตรวจเทียบเมื่อ 23 พฤศจิกายน 2026 หน่วยงานยังไม่ได้ยืนยัน",
           "ผู้แสวงประโยชน์มักพยายามแยกคุณออกจากคนอื่น การคุยกับคนที่คุณไว้ใจช่วยทำลายความโดดเดี่ยวนั้นได้ "
           "และช่วยให้คุณได้ควบคุมชีวิตของคุณกลับคืนมาบ้าง"],
}


def _word(pattern: str, lang: str) -> re.Pattern:
    if lang in ("zh", "th"):   # no spaces between words
        return re.compile(pattern)
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


def clauses(text: str, end: re.Pattern = CLAUSE_END) -> list[str]:
    return [s.strip() for s in end.split(text) if s and s.strip()]


def number_claims(text: str, lang: str) -> list[str]:
    """Clauses that say the numbers were checked or verified, and "last checked" phrases."""
    numbers, checked = _word(NUMBERS[lang], lang), _word(CHECKED[lang], lang)
    negation, last = _word(NEGATION[lang], lang), _word(LAST_CHECKED[lang], lang)
    found = [s for s in clauses(text, CLAUSE_END_BY_LANG.get(lang, CLAUSE_END)) if numbers.search(s) and checked.search(s) and not negation.search(s)]
    return found + [m.group(0) for m in last.finditer(text)]


def silence_blames(text: str, lang: str) -> list[str]:
    silent, power = _word(SILENT[lang], lang), _word(POWER[lang], lang)
    return [s for s in clauses(text, SENTENCE_END) if silent.search(s) and power.search(s)]


def test_the_judges_catch_what_the_review_quoted_and_pass_honest_sentences():
    for lang, quotes in REVIEW_QUOTES_CLAIMS.items():
        for q in quotes:
            assert number_claims(q, lang), (lang, q)
    for lang, quotes in REVIEW_QUOTES_SILENCE.items():
        for q in quotes:
            assert silence_blames(q, lang), (lang, q)
    for lang, texts in HONEST.items():
        for t in texts:
            assert number_claims(t, lang) == [] and silence_blames(t, lang) == [], (lang, t)


def strings(value) -> list[str]:
    """Every string inside a data-file value (dicts and lists walked)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def data_texts() -> dict[str, list[tuple[str, str]]]:
    """(where, text) per language from the interface, print and read-me texts."""
    out: dict[str, list[tuple[str, str]]] = {code: [] for code in LANGS.codes}
    for lang in LANGS.languages:
        out[lang.code] += [(f"data/languages.yml {lang.code} ui", s) for s in strings(lang.ui)]
    print_texts = load_data(paths.DATA / "print.yml", "print")[0]["texts"]
    for code, texts in print_texts.items():
        out[code] += [(f"data/print.yml {code}", s) for s in strings(texts)]
    offline = load_data(paths.DATA / "offline.yml", "offline")[0]
    readmes = offline["bundle"]["readme"]
    for readme in readmes:   # each read-me names its language
        out[readme["lang"]].append((f"data/offline.yml {readme['file']}", readme["text"]))
    for code, texts in offline["pocket"]["ui"].items():   # the pocket files' own words (their pages are the site's)
        out[code] += [(f"data/offline.yml pocket {code}", t) for t in strings(texts)]
    return out


@pytest.mark.parametrize("code", LANGS.codes)
def test_no_interface_print_or_readme_text_claims_checked_numbers(code):
    found = [(where, claim) for where, text in data_texts()[code] for claim in number_claims(text, code)]
    assert not found, found


def page_text(page: Path) -> str:
    html = LexborHTMLParser(page.read_text(encoding="utf-8"))
    for node in html.css("script, style, nav"):
        node.decompose()
    return html.body.text(separator="\n") if html.body else ""


def pages_of(site: Path, code: str) -> list[Path]:
    root = site if code == LANGS.codes[0] else site / code
    return sorted(p for p in root.glob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("code", LANGS.codes)
def test_no_built_page_claims_checked_numbers(site, code):
    found = [(p.name, claim) for p in pages_of(site, code) for claim in number_claims(page_text(p), code)]
    assert not found, found


# Languages whose pages still carry the sentence (strict xfail: once fixed, the
# test fails until the code leaves the set). Empty since review 3 reached all
# nine languages (content-b1: ar, zh, pt; content-b2: bg, uk, ro).
SILENCE_NOT_YET_TRANSLATED: set[str] = set()


@pytest.mark.parametrize("code", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="review 3 B1 not yet carried into this language"))
    if c in SILENCE_NOT_YET_TRANSLATED else c for c in LANGS.codes])
def test_no_page_says_silence_gives_the_exploiter_power(site, code):
    found = [(p.name, s) for p in pages_of(site, code) for s in silence_blames(page_text(p), code)]
    assert not found, found
