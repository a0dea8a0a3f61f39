"""Text as a reader sees it, from the glyph codes a PDF carries.

TeX's math-extension fonts (cmex, LM Math Extension) have no Unicode map: their big
delimiters and operators come out as control codes. Symbol-font bracket pieces come out in
the Private Use Area. Accents typeset over a letter come out as a spacing accent before
it, ligatures as one glyph. This module turns all of these back into Unicode text, and
drops what is left of control characters, so no control byte reaches a written file.
"""

from __future__ import annotations

import re
import unicodedata

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\uf001": "fi",  # Mac Roman fonts put the fi and fl ligatures in the Private Use Area
    "\uf002": "fl",
}
# The OMX encoding of cmex10 below 0x20: delimiters at growing sizes. A PDF that gives these
# glyphs no Unicode passes their codes through, which are control characters.
OMX: dict[int, str] = dict(enumerate("()[]⌊⌋⌈⌉{}⟨⟩|‖/\\()()[]⌊⌋⌈⌉{}⟨⟩/\\"))
# Adobe Symbol's Private Use Area pieces of tall brackets, braces and integrals.
SYMBOL_PUA = dict(
    zip(
        range(0xF8E5, 0xF8FF),
        "√⏐⎯®©™⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪⌠⎞⎟⎠⎤⎥⎦⎫⎬⎭",
        strict=True,
    )
)
# Spacing accents that TeX sets before the letter they sit on, and their combining forms.
_ACCENTS = {
    "\u00b4": "\u0301",  # ´ acute
    "\u02dd": "\u030b",  # ˝ double acute
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u02c6": "\u0302",  # ˆ circumflex
    "\u02dc": "\u0303",  # ˜ tilde
    "\u02c7": "\u030c",  # ˇ caron
    "\u02d8": "\u0306",  # ˘ breve
    "\u02da": "\u030a",  # ˚ ring
    "\u00b8": "\u0327",  # ¸ cedilla
    "\u02d9": "\u0307",  # ˙ dot above
    "\u00af": "\u0304",  # ¯ macron
}
_ACCENT_BEFORE = re.compile(
    "([\u00b4\u02dd\u00a8\u02c6\u02dc\u02c7\u02d8\u02da\u02d9\u00af])([A-Za-zıȷ])"
    "|(\u00b8)([CcSsTtGgKkLlNnRr])"
)
_DOTLESS = {"ı": "i", "ȷ": "j"}
# a grave accent is the ASCII backquote in TeX's text fonts: only inside a word is it one
_GRAVE_BEFORE = re.compile("(?<=[A-Za-z])`([aeiouAEIOU])")
_LIG_RE = re.compile("[" + "".join(LIGATURES) + "]")
_PUA_RE = re.compile("[\uf8e5-\uf8fe]")


def math_extension(font: str) -> bool:
    """True for TeX's math-extension fonts (cmex, LM Math Extension), whose codes are OMX."""
    low = font.lower()
    return "cmex" in low or "mathextension" in low or "lmex" in low


def span_text(text: str, font: str) -> str:
    """The text of one span: control codes of math-extension fonts (glyphs the PDF gives no
    Unicode for) become the OMX symbols they draw. Printable characters are left alone:
    they came through a Unicode map and mean what they say."""
    if math_extension(font):
        return "".join(OMX.get(ord(ch), ch) if ord(ch) < 0x20 else ch for ch in text)
    return text


def _compose(m: re.Match[str]) -> str:
    accent, letter = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    base = _DOTLESS.get(letter, letter)
    return unicodedata.normalize("NFC", base + _ACCENTS[accent])


# TeX sets an accent over i and j on their dotless forms (\\'{\\i}); a PDF may give the letter
# and a combining mark, which no Unicode normal form joins: "dı́a" is "día" as printed.
_DOTLESS_MARKED = re.compile("([ıȷ])([\u0300-\u036f])")


def dotted(text: str) -> str:
    """Text with a dotless i or j under a combining accent written as the accented letter."""
    if "ı" not in text and "ȷ" not in text:
        return text
    return _DOTLESS_MARKED.sub(
        lambda m: unicodedata.normalize("NFC", _DOTLESS[m.group(1)] + m.group(2)), text
    )


def _compose_grave(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", m.group(1) + "\u0300")


def clean(text: str) -> str:
    """Ligatures expanded, accents joined to their letter, bracket pieces as Unicode,
    control characters removed, spaces normalised; nothing else about the text changes."""
    return clean_span(text).strip()


def clean_span(text: str) -> str:
    """`clean` without trimming the ends (spans are joined into lines afterwards)."""
    text = _LIG_RE.sub(lambda m: LIGATURES[m.group(0)], text)
    text = _PUA_RE.sub(lambda m: SYMBOL_PUA[ord(m.group(0))], text)
    text = _ACCENT_BEFORE.sub(_compose, text)
    text = dotted(_GRAVE_BEFORE.sub(_compose_grave, text))
    # a soft hyphen shows only where a line breaks (Typst, InDesign): at the end of a span it
    # was printed as a hyphen, which the line join then reads as a broken word
    text = re.sub("\u00ad\\s*$", "-", text)
    return printable(text).replace("\u00a0", " ").replace("\u00ad", "")


def compose_accents(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Join accents to their letters across span boundaries (`ˇ` + `Z` → `Ž`), keeping the
    character ranges in `marks` pointing at the same characters."""
    if not _ACCENT_BEFORE.search(text):
        return text, marks
    out: list[str] = []
    shift: list[int] = []  # characters removed before each original position
    removed = 0
    last = 0
    for m in _ACCENT_BEFORE.finditer(text):
        out.append(text[last : m.start()])
        shift += [removed] * (m.start() - last)
        out.append(_compose(m))
        shift += [removed, removed + 1]
        removed += 1
        last = m.end()
    out.append(text[last:])
    shift += [removed] * (len(text) - last + 1)
    return "".join(out), [(a - shift[a], b - shift[b]) for a, b in marks]


def printable(text: str) -> str:
    """Text with every control character but tab and newline removed (for any written file)."""
    return "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) != "Cc")


# TeX's math symbol fonts (cmsy, LM math symbols) put these glyphs at control codes; a PDF
# without a ToUnicode entry for them yields the raw code, which must not reach Markdown.
_TEX_SYMBOLS = {
    0x00: "−",
    0x01: "·",
    0x02: "×",
    0x03: "∗",
    0x04: "÷",
    0x06: "±",
    0x07: "∓",
    0x0E: "∘",
    0x0F: "•",
    0x14: "≤",
    0x15: "≥",
    0x18: "∼",
    0x19: "≈",
    0x1C: "≪",
    0x1D: "≫",
}
_SYMBOL_FONT_RE = re.compile(r"cmsy|cmbsy|mathsymbols|lmsy|msam|symbol", re.IGNORECASE)

SUPERSCRIPT = str.maketrans("0123456789+-−=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
SUBSCRIPT = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SCRIPTABLE = set("0123456789+-−=()")
FOOTNOTE_MARKS = set("*∗†‡§¶‖#")


_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


def math_italic_g(char: str, font: str, span: str) -> str:
    """Linux Libertine's italic has no math g of its own: TeX math set in it (ACM's acmart
    class) prints the italic Cyrillic de, which is drawn as a g, and the PDF maps it to "д".
    A lone "д" in such a font, among no other Cyrillic letters, is the g that is printed."""
    if char != "д" or "libertine" not in font.lower():
        return char
    return "g" if len(_CYRILLIC_RE.findall(span)) == span.count("д") else char


def glyph_text(char: str, font: str = "") -> str:
    """The text one glyph stands for (tables read glyph by glyph): a TeX symbol at a control
    code becomes its Unicode symbol, a math-extension code its delimiter, a ligature its
    letters, the micro sign the Greek mu, a math-styled letter its plain letter; other control
    and format characters vanish."""
    if not char:
        return ""
    code = ord(char[0])
    if code in _TEX_SYMBOLS and len(char) == 1 and _SYMBOL_FONT_RE.search(font):
        return _TEX_SYMBOLS[code]
    char = span_text(char, font)
    if char in LIGATURES:
        return LIGATURES[char]
    if char in ("\u00a0", "\u2009", "\u2002", "\u2003", "\u202f"):
        return " "
    char = _PUA_RE.sub(lambda m: SYMBOL_PUA[ord(m.group(0))], char)
    out = "".join(ch for ch in char if unicodedata.category(ch) not in ("Cc", "Cf", "Co"))
    # a math italic (bold, script, ...) letter or digit is the letter it styles: 𝐷 is D
    out = "".join(unicodedata.normalize("NFKC", ch) if _math_alnum(ch) else ch for ch in out)
    # a font's "mu" glyph maps to the micro sign; it prints the Greek letter (NFKC agrees)
    return out.replace("\ufffd", "").replace("\u00b5", "\u03bc")


def _math_alnum(ch: str) -> bool:
    return 0x1D400 <= ord(ch) <= 0x1D7FF  # Unicode's Mathematical Alphanumeric Symbols


def script(text: str, raised: bool) -> str:
    """Raised or lowered text as plain text: Unicode super/subscript digits and signs, footnote
    marks as they are, anything else as `^x`, `_x` or `^{xy}`, `_{xy}`."""
    body = text.strip()
    if not body:
        return ""
    if all(ch in _SCRIPTABLE for ch in body):
        return body.translate(SUPERSCRIPT if raised else SUBSCRIPT)
    if raised and all(ch in FOOTNOTE_MARKS or ch == "," for ch in body):
        return body
    mark = "^" if raised else "_"
    return f"{mark}{body}" if len(body) == 1 else f"{mark}{{{body}}}"
