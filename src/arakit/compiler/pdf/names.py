"""Person names and institutions in a paper's author block.

A person's name is two to six words, each capitalised (or set in small capitals, where the
text carries no case), allowing initials, hyphenated and accented names and the particles
that many surnames carry (de, van, von, da, ...). An institution names itself with words
such as University, Institute, Department, Laboratory, or carries an address or an e-mail.
"""

from __future__ import annotations

import re

PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "del",
        "della",
        "der",
        "den",
        "di",
        "la",
        "le",
        "van",
        "von",
        "ter",
        "ten",
        "zu",
        "bin",
        "al",
        "el",
        "y",
        "e",
    ]
)
_INSTITUTION = re.compile(
    r"\b(?:universit\w*|univ\.|institut\w*|instituto|department|dept\.?|d[ée]partement|"
    r"laborator\w*|labs?\b|school|college|faculty|facult[ée]|cent(?:er|re)|academy|academia|"
    r"hospital|clinic|inc\.?|ltd\.?|llc|gmbh|s\.?a\.?s?\b|corp(?:oration)?\.?|company|"
    r"research|sciences?|foundation|polytechnic|politecnico|polytechnique|ecole|école|escuela|"
    r"hochschule|technische|observatory|agency|ministry|council|consortium|"
    r"google|deepmind|microsoft|openai|meta|facebook|amazon|nvidia|ibm|apple|baidu|"
    r"alibaba|tencent|huawei|samsung|intel|adobe|salesforce|startup|team|"
    r"университет\w*|министерств\w*|институт\w*|факультет\w*|кафедр\w*|академи\w*|лаборатори\w*|"
    r"universität|universidad|università|université|uniwersytet)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:street|st\.|road|avenue|via|str\.|campus|usa|u\.s\.a\.|uk|china|germany|france|"
    r"italy|switzerland|japan|canada|spain|india|korea|netherlands|australia|israel|"
    r"singapore|sweden|denmark|norway|finland|austria|belgium|brazil|portugal|poland|"
    r"united kingdom|united states|russia|indonesia|mexico|argentina|chile|colombia|"
    r"turkey|greece|ireland|scotland|england|wales|czech republic|hungary|romania|"
    r"ukraine|iran|egypt|nigeria|kenya|south africa|new zealand|taiwan|hong kong|"
    r"vietnam|thailand|malaysia|philippines|pakistan|bangladesh|saudi arabia|qatar)\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b[A-Z]{0,2}-?\d{4,6}\b")
_PLACEHOLDERS = frozenset(["anonymous", "anonymized", "anonymised", "redacted"])
# the name lines an author template prints until its authors fill them in
_TEMPLATE_NAME = re.compile(
    r"(?:(?:first|second|third|fourth|fifth|sixth|last|corresponding|main|co-?)\s*author"
    r"|author\s*(?:name|\d|one|two|three)|authors?\s*\(?s?\)?|your\s+name|"
    r"(?:first\s*name|firstname|name)\s+(?:last\s*name|lastname|surname)|"
    r"anonymous(?:\s+(?:authors?\s*\(?s?\)?|(?:\w+\s+)?submission))?)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPLIT = re.compile(
    r"\s*(?:,\s*(?:and\s+|&\s*)?|;\s*|\s+and\s+|\s*&\s*|\s+·\s+|\s+•\s+)\s*", re.IGNORECASE
)
_MARKS = "*†‡§¶‖#∗⋆★☆♠♣♥♦✉⁰¹²³⁴⁵⁶⁷⁸⁹0123456789,;:. "


def affiliation_like(text: str) -> bool:
    """True when the text names an institution or an address rather than people."""
    return institution_like(text) or bool(
        _PLACE.search(text) or _POSTCODE.search(text) or _EMAIL.search(text)
    )


def institution_like(text: str) -> bool:
    """True when the text names an institution (not only a place)."""
    return bool(_INSTITUTION.search(text))


def names_in(cell: str, small_caps: bool = False) -> list[str]:
    """The person names in one cell of an author row, marks and separators removed."""
    text = _NICKNAME.sub(lambda m: f" {_NICK}{m.group(1)} ", cell)
    text = re.sub(r"\([^)]*\)", " ", text)  # "(equal contribution)", "(AAS ...)"
    text = _BYLINE.sub("", text)  # "By Donald P. Green, ...": the byline's word, no name
    out = []
    for piece in _SPLIT.split(text):
        name = " ".join(piece.strip(_MARKS).split())
        if piece.strip(_MARKS.replace(".", "")).endswith(".") and re.search(
            r"(?:^|[\s.])[^\W\d_]$", name
        ):
            name += "."  # an initial ends the name ("Рыжиков А.В.")
        name = re.sub(r"^and\s+", "", name, flags=re.IGNORECASE)  # small capitals: "AND"
        words = name.split()
        if is_name(" ".join(w for w in words if not w.startswith(_NICK)), small_caps):
            out.append(" ".join(f"({w[1:]})" if w.startswith(_NICK) else w for w in words))
    return out


# a nickname set in parentheses inside a name ("Yuxi (Lucy) Lu"): one capitalised word
# between two words of the name, kept as printed; it is marked while the name is read
_NICKNAME = re.compile(r"(?<=[^\W\d_])\s+\(([A-Z][^\W\d_A-Z]+)\)\s+(?=[A-Z])")
_NICK = "\x00"
# the word a byline sets before the first name (AER, magazines: "By Donald P. Green")
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+(?=[A-Z])")


def template_names(text: str) -> bool:
    """True when the text is nothing but a template's placeholder names ("First Author",
    "First Author Second Author", "Anonymous Author(s)"), marks aside."""
    rest = _TEMPLATE_NAME.sub(" ", text)
    return rest != text and not re.search(r"[^\W\d_]", rest.strip(_MARKS + " ,&"))


def is_name(text: str, small_caps: bool = False) -> bool:
    """Two to six words that can make a person's name (or a named group such as
    "lightkurve contributors", when set in small capitals)."""
    words = text.split()
    if not 2 <= len(words) <= 6 or affiliation_like(text):
        return False
    if any(w.casefold() in _PLACEHOLDERS for w in words) or template_names(text):
        return False  # an anonymised submission: "ANONYMOUS ANONYMOUS"; "First Author"
    if any(not re.search(r"[^\W\d_]", w) for w in words):
        return False
    if small_caps:
        return all(re.fullmatch(r"[\w'’.\-]+", w) for w in words)
    capital = [w for w in words if w.lower() not in PARTICLES]
    if len(capital) < 2 and not (len(words) >= 2 and capital):
        return False
    return all(_capitalised(w) for w in capital) and words[-1].lower() not in PARTICLES


def _capitalised(word: str) -> bool:
    """`Marco`, `Foreman-Mackey`, `O’Neil`, `J.`, `J.-P.`, `Élodie`: a capitalised word."""
    return word[:1].isupper() and all(ch.isalpha() or ch in "'’.-" for ch in word)
