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

from arakit.compiler.mapping import claim_cues as cue
from arakit.compiler.mapping.claim_closing import concluded, said_in
from arakit.compiler.mapping.claim_findings import boxed_findings, highlighted, impact_claims
from arakit.compiler.mapping.claim_results import (
    MIN_SCORE,
    finding_score,
    plan,
    restates,
    result_cap,
    result_findings,
)
from arakit.compiler.mapping.claim_cues import STOP_WORDS
from arakit.compiler.mapping.claim_stated import stated_after_method, states_finding
from arakit.compiler.mapping.claim_foreign import (
    capitalised_line,
    english,
    foreign_claim_sentences,
    same,
)
from arakit.compiler.mapping.context import PaperContext, Sentence
from arakit.compiler.pdf.draft import placeholder
from arakit.compiler.mapping.quantities import CITATION


DUPLICATE = 0.7  # share of the smaller word set two claims hold in common to say the same


def words(text: str) -> set[str]:
    """Content words of a sentence, lower case (for comparing sentences)."""
    return {w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()) if w not in STOP_WORDS}


def introduced_names(ctx: PaperContext) -> list[str]:
    """What the paper introduces by name: `we present lightkurve`, `We introduce MultiVae`,
    and the name a title gives before its colon (`MultiVae: A Python package ...`)."""
    names: list[str] = []
    titled: list[str] = []  # the name a title gives is the paper's thing wherever it appears
    head = ctx.doc.title.split(":")[0].strip()
    if head and len(head.split()) <= 3 and head != ctx.doc.title:
        titled.append(head)
        if head.isupper() and len(head) > 3:
            titled.append(head.capitalize())  # "FELINE: ..." is "Feline" in running text
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


def did_in_abstract(s: Sentence) -> bool:
    """What the authors did, told in the abstract in the first person ("We have used a
    variety of methods ..."), not how a method is set up ("We assumed a Gaussian ...")."""
    text = s.text.strip()
    return (
        s.where.role == "abstract"
        and len(text) >= 30
        and re.search(r"[.!)]$", text) is not None
        and _WE_DID.match(text) is not None
        and not _ASSUMED.search(text)
        and not _USES.match(text)
        and not cue.scope_only(text)
        and not cue.NOT_A_CLAIM.search(text)
    )


# the authors as the subject of a verb of research ("We have used ...", "We then leverage"),
# after a clause that says how or from what ("Using a simple analytical model that combines
# ..., we decompose the SEDs ...", "Using the velocity distributions of these stars as our
# prior, we infer ...")
_WE_DID = re.compile(
    r"^(?:[\w-]+(?: [\w-]+){0,3},\s*|(?:using|with|by|from|based on|building on|starting "
    r"from|combining|applying)\b[^;:.!?]{0,200}?,\s*)?we (?:have |had |also |then |further |"
    r"first |additionally |\w+ly )*(?:us|appl|combin|buil|develop|creat|train|evaluat|compar|"
    r"test|extend|infer|decompos|calculat|determin|fit|detect|recover|reconstruct|"
    r"leverag|analy|investigat|measur|simulat|perform|conduct|implement|design|construct|"
    r"collect|releas|obtain|achiev|isolat|explor|examin|characteri|quantif|validat|"
    r"benchmark|fine-tun|adapt|integrat|deriv|estimat|comput)\w*\b",
    re.I,
)
# the authors or their work as the subject, after an opening clause ("To shed light on ...,
# we estimate ...", "Here we use ...", "We considered ...", "Our models combine ..."; not the
# "we" of an example: "For example, p may be ..., and k the number of heads we observe",
# nor the generic "we" of a textbook's reasoning: "We must approximate the band ...")
_WE_DID_ANY = re.compile(
    r"^(?:[^;]{0,200}?,\s*)?(?:here,?\s+)?(?:we|(?-i:I)|our|my)\b"
    r"(?!\s+(?:must|can|could|may|might|should|would|need)\b)",
    re.I,
)


# how a method is set up, not what the authors did or found: "We assumed a Gaussian ..."
_ASSUMED = re.compile(
    r"^(?:[\w-]+(?: [\w-]+){0,3},\s*)?we (?:\w+ )?(?:assum|suppos|denot|defin|set|fix|let|"
    r"chose|choose|select|adopt)\w*\b",
    re.I,
)


# what the method is made of, told in the present: "We use a dataset of ...", "In X, we
# employ ..." (what the authors have used, in the perfect, says what they did)
_USES = re.compile(
    r"^(?:[\w-]+(?: [\w-]+){0,3},\s*)?we (?:also |then |first |further |additionally )?"
    r"(?:use|employ|adopt|utili[sz]e|rely on)\b",
    re.I,
)


def is_claim(
    s: Sentence, names: list[str], after_claim: bool = False, announced: bool = True
) -> bool:
    """True when the sentence states what the paper did, found or offers (see the module
    docstring); `after_claim` says the sentence before it was a claim ("It ..." follows),
    `announced` that the abstract has said what the paper presents before this sentence
    (until then, "The framework ..." is background)."""
    text = cue.ITEM.sub("", s.text.strip())
    if len(text) < 30 or text.endswith("?") or cue.NOT_A_CLAIM.search(text):
        return False
    if cue.QUOTED_QUESTION.search(text) or cue.scope_only(text) or cue.code_like(text):
        return False  # a research question, or what the authors set out to study
    if not re.search(r"[.!;)\"”’]$", text):
        return False  # cut off: a claim is a complete sentence
    if cue.FRAMING.match(text):
        return False  # why the work is needed, how things stood before it
    if cue.OTHERS_FOUND.match(text) and not cue.FIRST_PERSON.search(text):
        return False  # "It has been shown that ...", "Recent research shows that ...": others'
    if _USES.match(text):
        return False  # how the method is built ("In VAEPP, we use the penalty of ..."), no claim
    if not text[:1].isupper() and not any(text.startswith(n) for n in names):
        return False
    cited = CITATION.search(text)
    first_person = bool(cue.FIRST_PERSON.search(text))
    if _OTHERS_RESULT.search(text) and not first_person:
        return False  # "... has been shown by Trask et al. [2018]": the cited work's result
    opening = text[: max(60, len(text) // 3)]
    named = [
        m.start()
        for n in names
        if (m := re.search(rf"(?<![\w-]){re.escape(n)}(?:-[\w.]+)?(?![\w])", opening))
    ]
    about_names = bool(named)
    own_first = bool(named) and cited is not None and min(named) < cited.start()
    if cited and cited.start() < 0.4 * len(text) and not first_person and not own_first:
        return False  # about the work it cites (not "Using X (ref) ..." of the paper's own X)
    role = s.where.role
    if role == "abstract" and not (announced or first_person or about_names):
        # the abstract's opening: the field and others' work, before the paper's own; only a
        # result it states citing no one ("Results suggest that ...") is the paper's
        shown = cue.SHOWS_THAT.search(text) or cue.PASSIVE_RESULT.search(text)
        return bool(shown) and not cited
    if role not in ("abstract", "introduction", "conclusion"):
        return about_names and bool(cue.STRONG.search(text))  # "X is the first library to ..."
    figure_text = re.search(r"\b(?:panels?|figure|fig\.|table)", text, re.I)
    if role == "conclusion" and not figure_text:
        if cue.ITEM.match(s.text.strip()) and not capitalised_line(text):
            return True  # the conclusion's list of findings (not a list of publications)
        goes_on = after_claim and s.paragraph == 0
        if goes_on and not re.match(r"^(?:however|but|yet|although|while)\b", text, re.I):
            return True  # the summary goes on ("... constraints are taken into account")
    if cue.BACKGROUND.match(text) and not first_person:
        return False
    if (
        role == "introduction"
        and cue.ITEM.match(s.text.strip())
        and re.match(r"(?:we|our)\b", text, re.I)
    ):
        return True  # an item of the contribution list: "1. We consider a novel family of ..."
    if first_person and (cue.CONTRIBUTION.search(text) or cue.SHOWS_THAT.search(text)):
        return not (
            cited
            and cited.start() < 0.4 * len(text)
            and not re.search(rf"\bwe\b|\b{cue.I_DO}\b", text, re.I)
        )
    if cue.SHOWS_THAT.search(text) or cue.PASSIVE_RESULT.search(text):
        return True
    follows = after_claim and re.match(r"^(?:It|They|These|This)\b", text) is not None
    own = cue.OWN_SUBJECT.search(text[:80]) is not None or (
        role == "abstract"
        and s.paragraph == 0
        and announced
        and (
            cue.ABSTRACT_SUBJECT.search(text[:120])
            or cue.ABSTRACT_RESULT.search(text)
            or (cue.STATED_RESULT.search(text) and not cited)
        )
        is not None
    )
    return about_names or own or follows


# a result told in the passive with the cited authors as its agent
_OTHERS_RESULT = re.compile(
    r"\b(?:shown|demonstrated|proposed|introduced|reported|observed|found|proved|proven)\s+"
    r"(?:\w+ly\s+)?by\s+(?:[A-Z][\w'-]+(?:\s+(?:et al\.?|and|&)\s*(?:[A-Z][\w'-]+)?)?,?\s*"
    r"[\[(]\s*(?:\d|[A-Z][\w-]+,? \d)|\[\d)",
)


# where a paper sums up its findings: a result stated there without strong cues is one
_SUMMING_UP = ("abstract", "conclusion")
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
        and not cue.NOT_A_CLAIM.search(text)
        and not CITATION.search(text)
        and not text.endswith("?")
    )


# a lead-in that announces a list of what the paper contributes: "Our contributions are as
# follows:", "the main contributions of this work are:", "the following features are unique
# to this package:"; its items are claims whatever their grammar ("1. A decoupled ...",
# "• calculate the optical effective mass ..."), taken before the section's other sentences
_ANNOUNCED = re.compile(
    r"(?:^our contributions?\b|\b(?:our|the|its|main|key|principal|primary|major|specific|"
    r"technical)\s+contributions?\b(?:\s+(?:of|in)\s+(?:this|the|our)\s+\w+)?\s+(?:are|is|"
    r"include|can be)\b|\bfollowing (?:\w+ )?(?:contributions|features|capabilities|advantages|"
    r"novelties)\b|\b(?:features?|capabilities|advantages) (?:\w+ )?(?:are|is) unique\b)"
    r"[^.;]*:\s*$",
    re.I,
)
# ... and names them as the paper's own (a list of another tool's features is not)
_OWN_LEAD = re.compile(
    r"\b(?:our|we|this|the present|the proposed|the (?:paper|work|study|article)|"
    r"(?:main|key|principal) contributions?)\b",
    re.I,
)
MAX_LISTED = 6  # a list announced so is the paper's own summary: taken beyond the cap


# how many claims each place may give: the abstract and the conclusion state the claims;
# the introduction repeats them at length; other sections only add "X is the first ..."
_CAPS = ((("abstract",), 8), (("introduction",), 5), (("conclusion",), 8), (("method", "other"), 3))


def claim_sentences(ctx: PaperContext) -> list[Sentence]:
    """The paper's claim sentences (see `claims_and_rest`)."""
    return claims_and_rest(ctx)[0]


def claims_and_rest(ctx: PaperContext) -> tuple[list[Sentence], list[Sentence]]:
    """The paper's claim sentences, in the order a reader wants them: the abstract, the
    introduction's contributions, the strongest findings of the Results (strongest first),
    then the conclusion and what other sections say the introduced thing is first at;
    near-duplicates kept once, a restated finding once. Second: the further findings of the
    Results sections beyond the bound (RESULT_CAP), which the claims file counts but does
    not list."""
    if not english(ctx):
        return foreign_claim_sentences(ctx), []  # the rules below read English only
    names = introduced_names(ctx)
    chosen: list[Sentence] = []
    seen: list[set[str]] = []
    opening = 0  # how many of `chosen` the abstract and the introduction gave
    proposals = 0  # sentences that only say what the paper proposes, taken so far
    for roles, cap in _CAPS:
        said = said_in(ctx, roles)
        previous = False
        announced = roles != ("abstract",)  # the abstract has said what the paper presents
        lead = ""  # the last sentence that is not an item of a list
        studied = False  # the sentence before said what the authors examined
        listed: list[Sentence] = []  # the items of a list announced as the contributions
        claimed: list[Sentence] = []  # what the paper says it did or found
        did: list[Sentence] = []  # what the abstract says the authors did, after those
        results: list[Sentence] = []  # results stated in their own right, after those
        before: Sentence | None = None
        told_did = False  # the abstract has said in the first person what the authors did
        for s in said:
            told, before = before, s
            if re.match(r"^\W*future\b", s.heading, re.I) or placeholder(s.text):
                continue  # a section of future work holds plans; a template's text, nothing
            if cue.OTHERS_SECTION.match(s.heading) or _others(s, told):
                continue  # a cited party's work or result ("They conclude that ...")
            if ("future" in s.heading.lower() and plan(s.text)) or _FUTURE.match(s.text):
                continue  # "Conclusion and future work", "In the future, we ...": plans
            item = bool(cue.ITEM.match(s.text.strip()))
            explained = item and bool(_EXPLAINS.search(lead))  # "... attributed to: • ..."
            announced = announced or _announces(s.text, names)  # this sentence may say it
            primary = is_claim(s, names, False, announced) and not explained
            ok = primary or (is_claim(s, names, previous, announced) and not explained)
            ok = ok or (studied and _finding(s))
            ok = ok or (s.where.role == "conclusion" and concluded(s.text) and not explained)
            # a claim in its own right lets the next sentence follow, and so does "It ..."
            # continuing one: "We introduce X. It is designed for ... It facilitates ..."
            previous = primary or (ok and re.match(r"^(?:It|They)\b", s.text) is not None)
            studied = s.where.role == "conclusion" and bool(_STUDIED.search(s.text))
            if item and _ANNOUNCED.search(lead) and _OWN_LEAD.search(lead):
                listed.append(s)  # an item of the paper's own list of contributions
                continue
            lead = lead if item else s.text
            if ok:
                claimed.append(s)
            elif did_in_abstract(s):
                did.append(s)
            elif (
                announced
                and not explained
                and (
                    finding_score(s.text) >= MIN_SCORE
                    or (s.where.role in _SUMMING_UP and states_finding(s.text))
                    or (told_did and s.where.role == "abstract" and stated_after_method(s.text))
                )
            ):
                results.append(s)  # a result the abstract or the conclusion states
            told_did = told_did or (
                s.where.role == "abstract" and bool(_WE_DID_ANY.match(s.text.strip()))
            )
        taken: list[Sentence] = []
        for s in [*listed, *claimed, *did, *results]:
            key = words(statement_of(s.text))
            full = len(taken) >= cap + min(len(listed), MAX_LISTED)
            if full or any(same(key, k, DUPLICATE) for k in seen):
                continue
            if _proposes(s.text):
                if proposals >= MAX_PROPOSALS:
                    continue  # the paper's offer is said; its restatements add no finding
                proposals += 1
            seen.append(key)
            taken.append(s)
        order = {id(x): k for k, x in enumerate(said)}
        chosen += sorted(taken, key=lambda x: order[id(x)])
        if roles == ("introduction",):
            opening = len(chosen)
    for s in [*impact_claims(ctx, names), *boxed_findings(ctx), *highlighted(ctx)]:
        key = words(s.text)
        fresh = not any(same(key, k, DUPLICATE) for k in seen)
        if fresh and len(s.text) >= 30 and not cue.NOT_A_CLAIM.search(s.text):
            seen.append(key)
            chosen.append(s)
    results, rest = _strongest_results(ctx, chosen, seen)
    return chosen[:opening] + results + chosen[opening:], rest


# what the paper proposes, said with no outcome: "we propose a second-order extension of
# ...", "we design a new neural architecture for ..."; the abstract says it, and the
# introduction and the conclusion say it again in other words
_PROPOSING = re.compile(
    r"\bwe (?:also |further |then |first |here |now )?(?:propose|introduce|present|design|"
    r"develop|construct|describe)(?:s|d|ed)?\b",
    re.I,
)
MAX_PROPOSALS = 2


def _proposes(text: str) -> bool:
    """The sentence says what the paper proposes and reports no outcome of it."""
    return (
        bool(_PROPOSING.search(text))
        and finding_score(text) < MIN_SCORE
        and not (cue.SHOWS_THAT.search(text) or cue.STATED_RESULT.search(text))
    )


# a sentence that opens on what the authors will do next
_FUTURE = re.compile(
    r"^\W*(?:in (?:the )?future|as (?:a )?future work|future (?:work|research))\b", re.I
)


def _others(s: Sentence, before: Sentence | None) -> bool:
    """The sentence reports a cited party's work (see claim_cues.others_subject), read with
    the sentence before it in the same paragraph."""
    near = before is not None and (before.heading, before.paragraph) == (s.heading, s.paragraph)
    if cue.OTHERS_FOUND.match(s.text.strip()) and not cue.FIRST_PERSON.search(s.text):
        return True  # "It has been shown that ...", "Recent research shows that ..."
    return cue.others_subject(s.text, before.text if near and before else "")


def _strongest_results(
    ctx: PaperContext, chosen: list[Sentence], seen: list[set[str]]
) -> tuple[list[Sentence], list[Sentence]]:
    """The strongest findings of the Results and Discussion sections that no claim taken
    already states, at most `result_cap`, strongest first; and the further ones beyond it."""
    said = [(c.text, words(c.text)) for c in chosen]
    taken: list[Sentence] = []
    rest: list[Sentence] = []
    found = result_findings(ctx)
    cap = result_cap(found)
    for s in found:
        key = words(statement_of(s.text))
        if any(same(key, k, DUPLICATE) for k in seen):
            continue
        if any(restates(s.text, t, key, k) for t, k in said):
            continue
        seen.append(key)
        said.append((s.text, key))
        (taken if len(taken) < cap else rest).append(s)
    return taken, rest


_PROPOSED = re.compile(r"\b(?:the|this|our) (?:proposed|presented|developed|novel)\b", re.I)


def _announces(text: str, names: list[str]) -> bool:
    """The sentence says what the paper presents: in the first person, as "the proposed
    ...", or naming what the paper introduces."""
    if cue.FIRST_PERSON.search(text) or _PROPOSED.search(text):
        return True
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w])", text) for n in names)


# What a paper says it does when it states no finding: "This text discusses ...", "this
# tutorial reviews ...". Only asked when no sentence passed `is_claim`.
_DESCRIBES = re.compile(
    rf"\b(?:we|this (?:{cue.SELF_ANY}|contribution))\s+(?:\w+ly\s+)?(?:discuss|describe|"
    r"examine|compare|analy[sz]e|evaluate|investigate|argue|review|summari[sz]e|explore|"
    r"assess|stud(?:y|ie)|outline|present|propose|introduce|provide|show)(?:es|s|d|ed)?\b|"
    rf"\b(?:aim|purpose|goal|objective) of this (?:{cue.SELF_ANY}) is to\b",
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
        and not cue.NOT_A_CLAIM.search(s.text)
        and not (CITATION.search(s.text) and not cue.FIRST_PERSON.search(s.text))
    ]
    foreign = [] if english(ctx) else foreign_claim_sentences(ctx)
    if foreign:
        return foreign
    describing = [s for s in abstract if _DESCRIBES.search(s.text)]
    if describing:
        return describing[:FALLBACK_CAP]
    rest = abstract[1:] if len(abstract) > 2 else abstract
    return rest[:FALLBACK_CAP]


def statement_of(sentence: str) -> str:
    """The claim in the paper's words; a list mark or a leading "we show that" removed."""
    text = cue.ITEM.sub("", sentence.strip())
    rest = cue.LEAD.sub("", text).strip()
    if rest == text or not rest:
        return text
    return rest[0].upper() + rest[1:]
