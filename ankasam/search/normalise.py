"""One spelling for the letters Persian (and Arabic) are typed with in several ways.

The same Persian word reaches the site in several spellings that look alike: an Arabic keyboard
(or text pasted from an Arabic source) types the Arabic yeh ي and kaf ك where a Persian one types
ی and ک; digits come as Persian ۱۲۳, Arabic-Indic ١٢٣ or ASCII 123; a word may carry vowel marks
(harakat) or a stretching tatweel. `normalise_for_search` gives each of these one form, and it is
applied to both sides: the text indexed (`indexing.entry_for`) and the query
(`querying.search_articles`), so any spelling finds any other.

The zero-width non-joiner (ZWNJ, U+200C) is kept: `می‌شود` is typed with one, with a space
(`می شود`) or with nothing (`میشود`), and a single form cannot stand for all three. The query
matches each way instead (docs/search.md, "Persian spellings"); `without_zwnj` gives the joined form.

Text in other scripts is unchanged but for its digits, which are ASCII already.
"""

import unicodedata

ZWNJ = "\u200c"

# Each variant and the form it is indexed and searched as.
LETTERS = {
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی Persian yeh
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک keheh
    "\u06c0": "\u0647",  # ۀ heh with yeh above (the ezafe of خانهٔ) -> ه
    "\u0629": "\u0647",  # ة teh marbuta (Arabic loanwords: دولة / دولت are spelt both ways too) -> ه
    "\u0623": "\u0627",  # أ alef with hamza above -> ا
    "\u0625": "\u0627",  # إ alef with hamza below -> ا
    "\u0671": "\u0627",  # ٱ alef wasla -> ا
}
DIGITS = {
    **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic ٠١٢...
    **{chr(0x06F0 + n): str(n) for n in range(10)},  # Persian ۰۱۲...
}
# Vowel marks and other combining signs of the Arabic script (fatha, kasra, shadda, sukun, the
# hamza above of خانهٔ, the superscript alef...), and the tatweel that only stretches a word.
MARKS = [chr(code) for code in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640)]

SEARCH_FORMS = str.maketrans({**LETTERS, **DIGITS, **dict.fromkeys(MARKS)})


def normalise_for_search(text: str) -> str:
    """The text with one form for each variant letter and digit, without vowel marks or tatweel."""
    # NFC first: an alef followed by a combining hamza becomes أ, which then becomes ا.
    return unicodedata.normalize("NFC", text or "").translate(SEARCH_FORMS)


def without_zwnj(text: str) -> str:
    """The text with its zero-width non-joiners left out: `می‌شود` as `میشود`."""
    return text.replace(ZWNJ, "")
