"""Which sentences of a paper are its claims.

Papers state their claims in three places: the abstract, the contribution list of the
introduction, and the conclusion (with its summary of findings). A claim sentence says
what the authors did or found ("we present", "we show that", "we have demonstrated"),
or what the thing they introduce does ("lightkurve is designed to ...", "the trained
model achieves 100% ..."). Background about others' work, questions, plans and future
work are not claims. Near-duplicates (the abstract's sentence repeated in the
conclusion) are kept once, in the abstract's wording.
"""

from __future__ import annotations

import re

from arakit.compiler.mapping.context import PaperContext, Sentence
from arakit.compiler.mapping.quantities import CITATION

# what a paper calls itself ("this paper", "this note"); a text, tutorial or thesis too,
# asked only where no sentence reads as a finding
_SELF = "paper|work|article|study|note|report"
_SELF_ANY = _SELF + "|text|chapter|tutorial|survey|review|thesis|manuscript|letter|document"
# a single author writes "I": only before a verb of doing or finding ("Type I error" is not)
_I_DO = (
    r"(?-i:I)\s+(?:also\s+|then\s+|further\s+|first\s+)?(?:use|show|find|found|present|"
    r"propose|introduce|develop|demonstrate|argue|examine|study|studied|model|simulate|"
    r"test|vary|varied|derive|prove|compare|analy[sz]e|investigate|report|describe|estimate|"
    r"conclude|identify|evaluate|obtain|construct|design|build|built|apply|applied)\w*"
)
_FIRST_PERSON = re.compile(
    rf"\b(?:we|{_I_DO}|this (?:{_SELF})|the present (?:paper|work)|"
    r"in this (?:paper|work|article)|(?:our|my) (?:\w+[- ]){0,2}(?:method|approach|model|models|"
    r"framework|results?|work|contributions?|analysis|experiments?|algorithms?|system|library|"
    r"package|tool|findings?|study|paper|procedure|technique|estimator|implementation|design|"
    r"proposal|solution|evaluation|benchmark|recipe|aim))\b",
    re.I,
)
_CONTRIBUTION = re.compile(
    r"\b(?:present(?:s|ed)?|propose[sd]?|introduce[sd]?|develop(?:s|ed)?|show(?:s|n|ed)?|"
    r"demonstrate[sd]?|find|found|establish(?:es|ed)?|prove[sd]?|report(?:s|ed)?|"
    r"identif(?:y|ies|ied)|provide[sd]?|derive[sd]?|achiev(?:e|es|ed|ing)|reach(?:es|ed)?|"
    r"outperform(?:s|ed)?|improve[sd]?|reduce[sd]?|enable[sd]?|allow(?:s|ed)?|obtain(?:s|ed)?|"
    r"tackle[sd]?|design(?:s|ed)?|construct(?:s|ed)?|implement(?:s|ed)?|offer(?:s|ed)?|"
    r"focus(?:es|ed)? on|hand-code|train(?:s|ed)?|learn(?:s|ed)?|execute[sd]?|"
    r"generali[sz]e[sd]?|recover(?:s|ed)?|support(?:s|ed)?|facilitate[sd]?|"
    r"is the first|are the first|(?:is|are) designed|(?:is|are) (?:open[- ]source|capable|able)|"
    r"establish|bridg(?:e|es|ing)|perform(?:s|ed)? (?:better|best|well|comparably)|"
    r"contributions? (?:is|are))\b",
    re.I,
)
# the paper's own thing as the subject: "our method", "the proposed framework", "the
# trained model", "all results" (a clause may open the sentence: "On a 32-cell system, ...")
_THING = (
    r"(?:\w+[- ]){0,2}?(?:method|approach|model|models|framework|algorithm|algorithms|system|library|"
    r"package|tool|technique|results?|rounds?|experiments?|estimator|architecture|procedure|"
    r"analysis|case studies|methodolog(?:y|ies)|strategies|implementation|code|software|recipe|"
    r"pipeline|metrics?|scheme|protocol|policy|agent|network|networks)\b(?!\s+(?:of|for|in)\s+"
    r"(?:the\s+)?(?:previous|prior|existing|other))"
)
_OWN_SUBJECT = re.compile(
    r"(?:^|,\s+)(?:(?:our|the (?:proposed|presented|trained|resulting|developed|constructed|"
    r"hand-coded|learned|new|two)|both|all(?: (?:our|the))?)\s+)" + _THING,
    re.I,
)
# in an abstract, once the paper has said what it presents, "The method ..." and "this
# model ..." are the paper's own (background there names others' work as such)
_ABSTRACT_SUBJECT = re.compile(
    r"(?:^|,\s+)(?:the|this|these|an? (?=single|new|novel|simple|unified|lightweight))\s*"
    r"(?!(?:previous|prior|existing|conventional|traditional|"
    r"other|classical|standard|baseline|original|earlier|current|typical)\b)" + _THING,
    re.I,
)
# a result stated against something else ("matches or exceeds PIFF", "removes a bias the
# baselines retain"), an alternative ruled out, or a conclusion drawn ("X is therefore a
# validated planet"): in an abstract, that is the paper's finding
_ABSTRACT_RESULT = re.compile(
    r"\b(?:outperform(?:s|ed)?|exceed(?:s|ed)?|surpass(?:es|ed)?|beat(?:s)?|"
    r"(?:further )?(?:removes|reduces|improves|halves|doubles)|matches or exceeds|"
    r"rules? out|excludes?|(?:is|are) (?:therefore|thus|hence))\b",
    re.I,
)
# "is demonstrated", "has been proposed", "are shown to be": results stated in the passive
_PASSIVE_RESULT = re.compile(
    r"\b(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?(?:demonstrated|shown|validated|"
    r"verified|confirmed|established|proved|proven)\s+(?:to|that|by|through|via|on|"
    r"(?:in|with) (?:\w+ )?(?:experiments?|case stud\w+|benchmarks?|simulations?))\b",
    re.I,
)
_SHOWS_THAT = re.compile(
    r"\b(?:show|shows|showed|demonstrate|demonstrates|establish|establishes|confirm|confirms|"
    r"reveal|reveals|indicate|indicates|suggest|suggests)\s+that\b",
    re.I,
)
_BACKGROUND = re.compile(
    r"^(?:in recent years|recently|nowadays|traditionally|historically|previous|prior|existing|"
    r"many|several|most|some|other|related|classical|standard|conventional)\b",
    re.I,
)
_STRONG = re.compile(
    r"\b(?:(?:is|are) the (?:first|only)|differs?|unlike|outperform\w*|state[- ]of[- ]the[- ]art|"
    r"novel|complements?)\b",
    re.I,
)
_ITEM = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|\([ivx]{1,4}\)|[•◦▪‣∙·*–-])\s+")
_NOT_A_CLAIM = re.compile(
    r"\b(?:future (?:work|research)|will be devoted|we (?:will|plan|intend|hope)|intends? to|"
    r"(?:do|does) not intend|"
    r"remains? (?:open|unclear)|is left for|we leave|acknowledg|is organi[sz]ed as follows|"
    r"the rest of (?:this|the) paper|section \d+ (?:describes|presents|introduces)|"
    r"in section \d|are (?:described|presented|discussed|introduced) in section|"
    r"thank|funded by|supported by|grant|"
    # where the code or data can be had is no finding
    r"(?:is|are)\s+(?:\w+ly\s+)?(?:made\s+)?(?:available|accessible|hosted)\s+(?:at|from|on|in|"
    r"via|through|under)|can be (?:found|downloaded|accessed|obtained) (?:at|from|on|in|via))\b",
    re.I,
)
_LEAD = re.compile(
    r"^(?:(?:in (?:this|the present) (?:paper|work|article),?\s*)|(?:here,?\s*))?"
    r"(?:(?:we|(?-i:I)) (?:also |further |then |finally )?(?:show|demonstrate|find|prove|establish|observe|"
    r"argue) that\s+)",
    re.I,
)
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "and",
        "or",
        "to",
        "with",
        "that",
        "we",
        "our",
        "by",
        "at",
        "for",
        "is",
        "are",
        "be",
        "as",
        "this",
        "these",
        "it",
        "its",
        "from",
        "using",
        "use",
        "than",
        "which",
        "both",
        "can",
        "will",
        "has",
        "have",
        "been",
        "was",
        "were",
    ]
)


DUPLICATE = 0.7  # share of the smaller word set two claims hold in common to say the same


def words(text: str) -> set[str]:
    """Content words of a sentence, lower case (for comparing sentences)."""
    return {w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()) if w not in STOP_WORDS}


def same(a: set[str], b: set[str], share: float = 0.8) -> bool:
    """True when the smaller word set lies mostly inside the larger one."""
    small = min(len(a), len(b))
    return small > 0 and len(a & b) >= share * small


def introduced_names(ctx: PaperContext) -> list[str]:
    """What the paper introduces by name: `we present lightkurve`, `We introduce MultiVae`,
    and the name a title gives before its colon (`MultiVae: A Python package ...`)."""
    names: list[str] = []
    titled: list[str] = []  # the name a title gives is the paper's thing wherever it appears
    head = ctx.doc.title.split(":")[0].strip()
    if head and len(head.split()) <= 3 and head != ctx.doc.title:
        titled.append(head)
    for s in ctx.sentences("abstract", "introduction"):
        m = re.search(
            r"\bwe (?:present|introduce|propose|describe|release)\s+(?:the\s+)?"
            r"(?P<name>[A-Za-z][\w+.-]*[A-Za-z0-9+])(?=[\s,.;:(])",
            s.text,
        )
        name = m.group("name") if m else ""
        if name and (name != name.lower() or name in ctx.doc.title):
            names.append(name)
        if m or re.search(r"\bwe (?:present|introduce|propose)\b", s.text, re.I):
            names += re.findall(r"\(([A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*)\)", s.text)  # (ABC)
    # a name the paper uses before the sentence that proposes something with it is the
    # field's term, not the paper's thing ("Detecting a Rogue Access Point (RAP) is ... we
    # propose RAP detection by ...")
    text = [s.text for s in ctx.sentences("abstract", "introduction")]
    return [
        n
        for n in dict.fromkeys(titled + names)
        if n.lower() not in ("a", "an", "two", "three", "new")
        and (n in titled or _introduced_where_first(n, text))
    ]


_INTRODUCING = re.compile(
    r"\b(?:present|introduce|propose|describe|release|call|dub|name|term|develop|design)\w*\b",
    re.I,
)


def _introduced_where_first(name: str, text: list[str]) -> bool:
    """True when the first sentence naming `name` is one that introduces something (or the
    name is never used in running text, as a title's name may not be)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w])")
    first = next((t for t in text if pattern.search(t)), None)
    return first is None or bool(_INTRODUCING.search(first))


def is_claim(s: Sentence, names: list[str], after_claim: bool = False) -> bool:
    """True when the sentence states what the paper did, found or offers (see the module
    docstring); `after_claim` says the sentence before it was a claim ("It ..." follows)."""
    text = _ITEM.sub("", s.text.strip())
    if len(text) < 30 or text.endswith("?") or _NOT_A_CLAIM.search(text):
        return False
    if not re.search(r"[.!;)\"”’]$", text):
        return False  # cut off: a claim is a complete sentence
    if not text[:1].isupper() and not any(text.startswith(n) for n in names):
        return False
    cited = CITATION.search(text)
    first_person = bool(_FIRST_PERSON.search(text))
    if cited and cited.start() < 0.4 * len(text) and not first_person:
        return False  # about the work it cites
    opening = text[: max(60, len(text) // 3)]
    about_names = any(
        re.search(rf"(?<![\w-]){re.escape(n)}(?:-[\w.]+)?(?![\w])", opening) for n in names
    )
    role = s.where.role
    if role not in ("abstract", "introduction", "conclusion"):
        return about_names and bool(_STRONG.search(text))  # "X is the first library to ..."
    figure_text = re.search(r"\b(?:panels?|figure|fig\.|table)", text, re.I)
    if role == "conclusion" and not figure_text:
        if _ITEM.match(s.text.strip()):
            return True  # the conclusion's list of findings
        goes_on = after_claim and s.paragraph == 0
        if goes_on and not re.match(r"^(?:however|but|yet|although|while)\b", text, re.I):
            return True  # the summary goes on ("... constraints are taken into account")
    if _BACKGROUND.match(text) and not first_person:
        return False
    if (
        role == "introduction"
        and _ITEM.match(s.text.strip())
        and re.match(r"(?:we|our)\b", text, re.I)
    ):
        return True  # an item of the contribution list: "1. We consider a novel family of ..."
    if first_person and (_CONTRIBUTION.search(text) or _SHOWS_THAT.search(text)):
        return not (
            cited
            and cited.start() < 0.4 * len(text)
            and not re.search(rf"\bwe\b|\b{_I_DO}\b", text, re.I)
        )
    if _SHOWS_THAT.search(text) or _PASSIVE_RESULT.search(text):
        return True
    follows = after_claim and re.match(r"^(?:It|They|These|This)\b", text) is not None
    own = _OWN_SUBJECT.search(text[:80]) is not None or (
        role == "abstract"
        and s.paragraph == 0
        and (_ABSTRACT_SUBJECT.search(text[:120]) or _ABSTRACT_RESULT.search(text)) is not None
    )
    return about_names or own or follows


# a lead-in that explains rather than finds: the list after it gives reasons
_EXPLAINS = re.compile(
    r"\b(?:attribut\w*|factors?|reasons?|because|due to|explain\w*|caused)\b[^.]*:\s*$", re.I
)
# a conclusion saying what the authors examined; its next sentence states what they found
_STUDIED = re.compile(
    r"\bwe (?:also |further |then |additionally )?(?:evaluated|explored|examined|compared|"
    r"investigated|studied|tested|analy[sz]ed|measured|assessed|benchmarked)\b",
    re.I,
)


def _finding(s: Sentence) -> bool:
    """The sentence after one saying what was examined, when it states a result: a whole
    sentence, no contrast or hedge opening it, not about future or cited work."""
    text = s.text.strip()
    return (
        len(text) >= 30
        and text[:1].isupper()
        and bool(re.search(r"[.!]$", text))
        and not re.match(r"^(?:however|but|yet|although|while|this|these|it)\b", text, re.I)
        and not _NOT_A_CLAIM.search(text)
        and not CITATION.search(text)
        and not text.endswith("?")
    )


# how many claims each place may give: the abstract and the conclusion state the claims;
# the introduction repeats them at length; other sections only add "X is the first ..."
_CAPS = ((("abstract",), 8), (("introduction",), 5), (("conclusion",), 8), (("method", "other"), 3))


def claim_sentences(ctx: PaperContext) -> list[Sentence]:
    """The paper's claim sentences: abstract first, then the introduction's contributions,
    then the conclusion, then what other sections say the introduced thing is first at;
    near-duplicates kept once."""
    names = introduced_names(ctx)
    chosen: list[Sentence] = []
    seen: list[set[str]] = []
    for roles, cap in _CAPS:
        previous = False
        taken = 0
        lead = ""  # the last sentence that is not an item of a list
        studied = False  # the sentence before said what the authors examined
        for s in ctx.sentences(*roles):
            if "future" in s.heading.lower() or taken >= cap:
                continue
            item = bool(_ITEM.match(s.text.strip()))
            explained = item and bool(_EXPLAINS.search(lead))  # "... attributed to: • ..."
            primary = is_claim(s, names, False) and not explained
            ok = primary or (is_claim(s, names, previous) and not explained)
            ok = ok or (studied and _finding(s))
            # a claim in its own right lets the next sentence follow, and so does "It ..."
            # continuing one: "We introduce X. It is designed for ... It facilitates ..."
            previous = primary or (ok and re.match(r"^(?:It|They)\b", s.text) is not None)
            studied = s.where.role == "conclusion" and bool(_STUDIED.search(s.text))
            lead = lead if item else s.text
            if not ok:
                continue
            key = words(statement_of(s.text))
            if any(same(key, k, DUPLICATE) for k in seen):
                continue
            seen.append(key)
            chosen.append(s)
            taken += 1
    return chosen


# What a paper says it does when it states no finding: "This text discusses ...", "this
# tutorial reviews ...". Only asked when no sentence passed `is_claim`.
_DESCRIBES = re.compile(
    rf"\b(?:we|this (?:{_SELF_ANY}|contribution))\s+(?:\w+ly\s+)?(?:discuss|describe|"
    r"examine|compare|analy[sz]e|evaluate|investigate|argue|review|summari[sz]e|explore|"
    r"assess|stud(?:y|ie)|outline|present|propose|introduce|provide|show)(?:es|s|d|ed)?\b|"
    rf"\b(?:aim|purpose|goal|objective) of this (?:{_SELF_ANY}) is to\b",
    re.I,
)
FALLBACK_CAP = 3


def fallback_claim_sentences(ctx: PaperContext) -> list[Sentence]:
    """When no sentence reads as a claim (a tutorial, a survey, a paper in another language):
    for a paper not in English, the opening sentences of its conclusion's paragraphs (see
    foreign_claim_sentences); else the abstract's sentences that say what the paper does,
    else the abstract's own
    statements after its opening sentence (which usually sets the scene), at most three;
    the introduction's when there is no abstract (a draft).

    These are the paper's words; the caller says they were taken this way.
    """
    abstract = [
        s
        for s in ctx.sentences("abstract") or ctx.sentences("introduction")
        if len(s.text.strip()) >= 30
        and re.search(r"[.!;)\"”’]$", s.text.strip())
        and not _NOT_A_CLAIM.search(s.text)
        and not (CITATION.search(s.text) and not _FIRST_PERSON.search(s.text))
    ]
    foreign = [] if english(ctx) else foreign_claim_sentences(ctx)
    if foreign:
        return foreign
    describing = [s for s in abstract if _DESCRIBES.search(s.text)]
    if describing:
        return describing[:FALLBACK_CAP]
    rest = abstract[1:] if len(abstract) > 2 else abstract
    return rest[:FALLBACK_CAP]


_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "is", "that", "for", "we", "with", "are", "this", "by", "on"]
)


def english(ctx: PaperContext) -> bool:
    """True when the paper's running text reads as English (its commonest function words
    make up a fair share of its words); the claim rules read English only."""
    text = " ".join(s.text for s in ctx.sentences()[:400])
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    return not tokens or sum(t in _FUNCTION_WORDS for t in tokens) >= 0.05 * len(tokens)


# a paragraph about what comes next, in the languages the conclusion headings cover
_FURTHER = re.compile(
    r"\b(?:future|further|дальнейш\w*|в будущем|перспектив\w*|künftig\w*|zukünftig\w*|"
    r"ausblick|futur\w*|ulterior\w*)\b",
    re.IGNORECASE,
)
FOREIGN_CAP = 8


def foreign_claim_sentences(ctx: PaperContext) -> list[Sentence]:
    """Claims of a paper in a language the rules do not read: a conclusion states its
    findings at the start of its paragraphs, so the first two sentences of each paragraph
    of the conclusion sections, in order, leaving out paragraphs about further work, at
    most FOREIGN_CAP."""
    out: list[Sentence] = []
    key: tuple[str, str, int] | None = None
    nth, further = 0, False  # the sentence's place in its paragraph; a further-work paragraph
    for s in ctx.sentences("conclusion"):
        text = s.text.strip()
        if (s.heading, s.where.section, s.paragraph) != key:
            key = (s.heading, s.where.section, s.paragraph)
            nth, further = 0, bool(_FURTHER.search(text[:60]))
        nth += 1
        if further or nth > 2 or len(text) < 30 or not re.search(r"[.!]$", text):
            continue
        if any(same(words_any(text), words_any(o.text)) for o in out):
            continue
        out.append(s)
        if len(out) >= FOREIGN_CAP:
            break
    return out


def words_any(text: str) -> set[str]:
    """Content words of a sentence in any script, lower case."""
    return {w for w in re.findall(r"[^\W_][\w'-]*", text.lower()) if w not in STOP_WORDS}


def statement_of(sentence: str) -> str:
    """The claim in the paper's words; a list mark or a leading "we show that" removed."""
    text = _ITEM.sub("", sentence.strip())
    rest = _LEAD.sub("", text).strip()
    if rest == text or not rest:
        return text
    return rest[0].upper() + rest[1:]
