"""The words that mark a sentence as a claim, or as no claim: the first person, verbs of
contribution and finding, the paper's own thing as subject, results stated with their size,
and what sets background, scope, questions and future work apart (see claim_sentences)."""

from __future__ import annotations

import re

from arakit.compiler.mapping.quantities import CITATION

# what a paper calls itself ("this paper", "this note"); a text, tutorial or thesis too,
# asked only where no sentence reads as a finding
SELF = "paper|work|article|study|note|report"
SELF_ANY = SELF + "|text|chapter|tutorial|survey|review|thesis|manuscript|letter|document"
# a single author writes "I": only before a verb of doing or finding ("Type I error" is not)
I_DO = (
    r"(?-i:I)\s+(?:also\s+|then\s+|further\s+|first\s+)?(?:use|show|find|found|present|"
    r"propose|introduce|develop|demonstrate|argue|examine|study|studied|model|simulate|"
    r"test|vary|varied|derive|prove|compare|analy[sz]e|investigate|report|describe|estimate|"
    r"conclude|identify|evaluate|obtain|construct|design|build|built|apply|applied)\w*"
)
FIRST_PERSON = re.compile(
    rf"\b(?:we|{I_DO}|this (?:{SELF})|the present (?:paper|work)|"
    r"in this (?:paper|work|article)|(?:our|my) (?:\w+[- ]){0,2}(?:method|approach|model|models|"
    r"framework|results?|work|contributions?|analysis|experiments?|algorithms?|system|library|"
    r"package|tool|findings?|study|paper|procedure|technique|estimator|implementation|design|"
    r"proposal|solution|evaluation|benchmark|recipe|aim))\b",
    re.I,
)
CONTRIBUTION = re.compile(
    r"\b(?:present(?:s|ed)?|propose[sd]?|introduce[sd]?|develop(?:s|ed)?|show(?:s|n|ed)?|"
    r"demonstrate[sd]?|find|found|establish(?:es|ed)?|prove[sd]?|report(?:s|ed)?|"
    r"identif(?:y|ies|ied)|provide[sd]?|derive[sd]?|achiev(?:e|es|ed|ing)|reach(?:es|ed)?|"
    r"outperform(?:s|ed)?|improve[sd]?|reduce[sd]?|enable[sd]?|allow(?:s|ed)?|obtain(?:s|ed)?|"
    r"tackle[sd]?|design(?:s|ed)?|construct(?:s|ed)?|implement(?:s|ed)?|offer(?:s|ed)?|"
    r"focus(?:es|ed)? on|hand-code|train(?:s|ed)?|learn(?:s|ed)?|execute[sd]?|"
    r"generali[sz]e[sd]?|recover(?:s|ed)?|support(?:s|ed)?|facilitate[sd]?|"
    r"is the first|are the first|(?:is|are) designed|(?:is|are) (?:open[- ]source|capable|able)|"
    r"establish|bridg(?:e|es|ing)|perform(?:s|ed)? (?:better|best|well|comparably)|"
    r"contributions? (?:is|are)|uncover(?:s|ed)?|discover(?:s|ed)?|"
    # kinds the authors sorted what they read into ("we categorized four main challenges")
    r"(?:categori[sz]|classifi)ed (?:\w+ )?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+) (?:\w+ )?(?:challenges|kinds|types|categories|classes|groups|themes|modes|"
    r"problems|patterns|reasons)|"
    r"observe[sd]?)\b",
    re.I,
)
# the paper's own thing as the subject: "our method", "the proposed framework", "the
# trained model", "all results" (a clause may open the sentence: "On a 32-cell system, ...")
THING = (
    r"(?:\w+[- ]){0,2}?(?:method|approach|model|models|framework|algorithm|algorithms|system|library|"
    r"package|tool|technique|results?|rounds?|experiments?|estimator|architecture|procedure|"
    r"analysis|case studies|methodolog(?:y|ies)|strategies|implementation|code|software|recipe|"
    r"pipeline|metrics?|scheme|protocol|policy|agent|network|networks)\b(?!\s+(?:of|for|in)\s+"
    r"(?:the\s+)?(?:previous|prior|existing|other))"
)
OWN_SUBJECT = re.compile(
    r"(?:^|,\s+)(?:(?:our|the (?:proposed|presented|trained|resulting|developed|constructed|"
    r"hand-coded|learned|new|two)|both|all(?: (?:our|the))?)\s+)" + THING,
    re.I,
)
# in an abstract, once the paper has said what it presents, "The method ..." and "this
# model ..." are the paper's own (background there names others' work as such)
ABSTRACT_SUBJECT = re.compile(
    r"(?:^|,\s+)(?:the|this|these|an? (?=single|new|novel|simple|unified|lightweight))\s*"
    r"(?!(?:previous|prior|existing|conventional|traditional|"
    r"other|classical|standard|baseline|original|earlier|current|typical)\b)" + THING,
    re.I,
)
# a result stated against something else ("matches or exceeds PIFF", "removes a bias the
# baselines retain"), an alternative ruled out, or a conclusion drawn ("X is therefore a
# validated planet"): in an abstract, that is the paper's finding
ABSTRACT_RESULT = re.compile(
    r"\b(?:outperform(?:s|ed)?|exceed(?:s|ed)?|surpass(?:es|ed)?|beat(?:s)?|"
    r"(?:further )?(?:removes|reduces|improves|halves|doubles)|matches or exceeds|"
    r"rules? out|excludes?|(?:is|are) (?:therefore|thus|hence))\b",
    re.I,
)
# a result stated without a first-person cue, once the abstract has said what the paper
# presents: an effect with its size ("reduces the error by 22%", "3× faster"), a comparison
# ("more likely to be stable than"), an emphasis ("especially important for"), robustness
# ("are robust to"), a counterfactual ("would be unstable if not for")
STATED_RESULT = re.compile(
    r"\b(?:by|of|to) (?:up to |about |nearly |over |approximately |roughly |around )?"
    r"\d[\d.,]*\s*(?:%|×|x\b|times\b|-?fold\b|orders? of magnitude)|"
    r"\d[\d.,]*\s*(?:%|×|x|-fold|times) (?:faster|slower|higher|lower|better|fewer|more|less|"
    r"smaller|larger|improvement|reduction|speed-?up|increase|decrease)\b|"
    r"\b(?:more|less|higher|lower|faster|slower|better|worse|larger|smaller|fewer|greater|"
    r"stronger|weaker)\b[^.;]{0,60}?\b(?:than|relative to|compared (?:to|with))\b|"
    r"\b(?:especially|particularly|significantly|substantially|consistently|markedly) "
    r"(?:important|effective|better|higher|lower|faster|slower|more|less|larger|smaller)\b|"
    r"\b(?:is|are|remain|remains) robust to\b|\bwould (?:not )?be\b[^.;]{0,60}\bif not for\b",
    re.I,
)
# "is demonstrated", "has been proposed", "are shown to be": results stated in the passive
PASSIVE_RESULT = re.compile(
    r"\b(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?(?:demonstrated|shown|validated|"
    r"verified|confirmed|established|proved|proven)\s+(?:to|that|by|through|via|on|"
    r"(?:in|with) (?:\w+ )?(?:experiments?|case stud\w+|benchmarks?|simulations?))\b",
    re.I,
)
SHOWS_THAT = re.compile(
    r"\b(?:show|shows|showed|demonstrate|demonstrates|establish|establishes|confirm|confirms|"
    r"reveal|reveals|indicate|indicates|suggest|suggests)\s+that\b",
    re.I,
)
BACKGROUND = re.compile(
    r"^(?:in recent years|in the past|recently|nowadays|traditionally|historically|previous|prior|existing|"
    r"many|several|most|some|other|related|classical|standard|conventional)\b",
    re.I,
)
STRONG = re.compile(
    r"\b(?:(?:is|are) the (?:first|only)|differs?|unlike|outperform\w*|state[- ]of[- ]the[- ]art|"
    r"novel|complements?)\b",
    re.I,
)
ITEM = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|\([ivx]{1,4}\)|[•◦▪‣∙·*–-])\s+")
NOT_A_CLAIM = re.compile(
    # an illustration: "For example, p may be the probability of a coin flip ...", "For
    # instance, the wide model's training loss jumps ..." (the claim is what it illustrates)
    r"^(?:for (?:example|instance)),|"
    # an explanation offered as a possibility, not a finding: "Alternatively, the slower
    # response could be explained by ...", "One possible interpretation of our findings is"
    # the hypothesis recalled, not what was found: "First, we predicted that stomata ..."
    r"we (?:\w+ )?(?:predicted|hypothesi[sz]ed|expected|anticipated) that|"
    r"^alternatively,|\b(?:could|may|might) (?:also )?(?:be )?(?:best )?(?:explained|"
    r"attributed|due) (?:by|to)\b|\bpossible (?:interpretation|explanation)s?\b|"
    r"\b(?:future (?:work|research)|will be devoted|we (?:will|plan|intend|hope)|intends? to|"
    # a belief or a conjecture is no finding: "We believe that X could ...", "We hypothesize"
    r"we (?:\w+ )?(?:believe|hypothesi[sz]e|conjecture|speculate|suspect|predict|expect|"
    r"anticipate)|"
    # a guess about what might come: "with more data, X could potentially outperform Y"
    r"could (?:potentially|possibly|perhaps|conceivably|eventually)|"
    # what a figure holds where: "Our algorithm's output is shown in the bottom row."
    r"(?:is|are) (?:shown|depicted|displayed|plotted|visuali[sz]ed|illustrated) (?:in|on|at) "
    r"the (?:top|bottom|left|right|middle|first|second|third|last) (?:rows?|columns?|panels?)|"
    # how a result is reached, not the result: "We achieve this by using ..."
    r"(?:achieve[sd]?|is achieved|are achieved) (?:this |that |it )?(?:by|through|via) "
    r"(?:using|means|\w+ing)|"
    r"(?:do|does) not intend|"
    # what the authors set out to do, not what they did: "Our aim in this paper is to
    # develop ...", "In this work, our goal is to explore and demonstrate how ..."
    r"our (?:\w+ )?(?:aim|goal|objective|purpose)s? (?:in this (?:paper|work|study|article) )?"
    r"(?:is|was|are|were) to|"
    r"remains? (?:open|unclear)|is left for|we leave|acknowledg|is organi[sz]ed as follows|"
    r"the rest of (?:this|the) paper|section \d+ (?:describes|presents|introduces)|"
    # the paper's plan: "The remainder of this report is structured as follows.", "Section 2
    # provides an introduction to the modeling system ..."
    r"(?:remainder|rest) of (?:this|the) (?:\w+ )?(?:is|are) (?:structured|organi[sz]ed|"
    r"laid out|arranged)|section \d+ (?:provides|gives|details|discusses|reviews|outlines|"
    r"summari[sz]es|investigates|covers)|"
    r"in section \d|are (?:described|presented|discussed|introduced) in section|"
    r"thank|grant|"
    # a funding or support note (a first-page footnote read into the text)
    r"(?:supported|funded|financed|sponsored) (?:\w+ ){0,2}by|"
    # the authors' earlier work is not this paper's finding
    r"we (?:have )?previously|our (?:previous|prior|earlier) (?:work|paper|study|studies)|"
    # where the code or data can be had is no finding
    r"(?:is|are)\s+(?:\w+ly\s+)?(?:made\s+)?(?:available|accessible|hosted)\s+(?:at|from|on|in|"
    r"via|through|under)|can be (?:found|downloaded|accessed|obtained)(?: at| from| on| in| via| here)?\s*(?:https?:|www\.|$|at\b|from\b|on\b|in\b|via\b))\b",
    re.I,
)
# a sentence saying what the authors set out to look at, not what they found or made: "This
# paper reports a preliminary study on ...", "We also explore ways to ...", "we conduct a
# study of ..." ("This paper focuses on X with Y" names what it brings: not here); it is a
# claim only with a finding in it
SCOPE = re.compile(
    r"\b(?:we|this (?:paper|work|study|article|report)|(?:our|the present) (?:\w+ )?(?:study|"
    r"work|paper|evaluation|analysis|experiments?|investigation))\s+(?:also\s+|then\s+|"
    r"further\s+|first\s+|here\s+|now\s+)?(?:explore[sd]?|investigate[sd]?|examine[sd]?|"
    r"stud(?:y|ies|ied)|delve[sd]?|look(?:s|ed)? (?:into|at)|aim(?:s|ed)? (?:to|at)|"
    r"seek(?:s)? to|set(?:s)? out to|ask(?:s|ed)?|"
    r"(?:report|present|conduct|perform|carr(?:y|ies|ied) out|undert(?:akes?|ook)|"
    r"provide)(?:s|ed)? (?:a|an|the) (?:\w+[- ]){0,3}?(?:study|investigation|analysis|"
    r"exploration|survey|examination|look|overview|review))\b",
    re.I,
)
# the authors saying what they look at: "we focus on ...", "we choose to focus on ..."
WE_FOCUS = re.compile(
    r"\bwe\s+(?:\w+\s+)?(?:(?:choose|chose|decided?)\s+to\s+)?focus(?:ed)?\s+on\b", re.I
)
# what turns a sentence about the authors' inquiry into a finding
FOUND = re.compile(
    r"\b(?:find|finds|found|reveal\w*|show(?:s|ed|n)?|demonstrat\w+|confirm\w*|indicat\w+|"
    r"outperform\w*|surpass\w*|achiev\w+|improv\w+|reduc\w+|increas\w+|decreas\w+)\b|"
    r"\d(?:[\d.,]*)\s*(?:%|×|x\b|times\b)",
    re.I,
)
# a research question quoted inside the sentence ("we propose RQ2: “What ...?”.")
QUOTED_QUESTION = re.compile(r"\?\s*[”\"’']|\bRQ\d+\s*:")


def scope_only(text: str) -> bool:
    """True when the sentence says what the authors look at and states no finding."""
    pointer = r"\bas (?:shown|seen|illustrated|reported) in (?:figure|fig\.|table|section)"
    scoped = SCOPE.search(text) or WE_FOCUS.search(text)
    return bool(scoped) and not FOUND.search(re.sub(pointer, "", text, flags=re.I))


LEAD = re.compile(
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


# the marks of program text: a code listing run into a sentence is no claim
_CODE = re.compile(
    r"::|\(\)|[{}]|\bend\b|\bfunction\b|\breturn\b|\bdef\b|==|:=|->|=>|\w+\.\w+\(|#\s"
)
CODE_MARKS = 3


def code_like(text: str) -> bool:
    """True when the sentence carries a program's text (several marks of code)."""
    return len(_CODE.findall(text)) >= CODE_MARKS


# a section about others' work: its findings are theirs ("State of the Art", "Prior Work",
# "Literature Review", "Related Approaches", "Background")
OTHERS_SECTION = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:state[- ]of[- ](?:the[- ])?art|related (?:work|research|"
    r"literature|approaches|studies)|prior (?:work|art|research)|previous (?:work|research|"
    r"studies|approaches)|existing (?:work|approaches|methods)|literature(?: review| survey)?|"
    r"background)\b",
    re.I,
)
# a cited party as the subject: "The authors conclude ...", "Smith et al. [4] report ...",
# "In [12], ..."
_OTHERS_SUBJECT = re.compile(
    r"^(?:[Tt]he (?:original |same )?authors\b(?! of this)|"
    r"(?:[Ii]n|[Bb]y|[Ff]rom)\s+(?:\[\d|[A-Z][\w'-]+ et al\.)|\[\d+(?:[,–-]\s*\d+)*\]\s+[a-z]|"
    r"[A-Z][\w'-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'-]+)?\s*[\[(](?:\d{1,3}[\],–-]|"
    r"(?:19|20)\d\d)|"
    # "Fraser et al. have showed that ...": the cited authors named, their reference aside
    r"[A-Z][\w'-]+\s+et\s+al\.?\s+(?:have\s+|had\s+)?(?:\w+ly\s+)?(?:show|showed|shown|"
    r"found|find|report(?:ed)?|demonstrated?|propose[sd]?|suggest(?:ed)?|argue[sd]?|"
    r"observed?|conclude[sd]?)\b)",
)
# "They ..." / "Their ..." carrying on from a sentence about cited work
_THEY = re.compile(
    r"^(?:(?:however|but|yet|still|unfortunately|nevertheless|moreover|also),?\s+)?"
    r"(?:they|their|these authors|the latter|the former)\b",
    re.I,
)
# why the work is needed, or how things stood before it: framing, not a finding ("The need
# for X is demonstrated by ...", "Before X, the difficulty ... had prevented ...", "Until
# now, no tool ...")
FRAMING = re.compile(
    r"^(?:the (?:need|motivation|demand|importance|relevance) (?:for|of)\b|"
    r"(?:before|prior to|until) (?:the (?:advent|introduction|release|development) of )?"
    r"[A-Z][\w.+-]*,|until (?:now|recently)\b|to date\b)",
    re.I,
)


# what others have found, told without naming them: "It has been shown that GCMs can ...",
# "In fact, recent research shows that ...", "Interestingly, evidence suggests that ..."
OTHERS_FOUND = re.compile(
    r"^(?:[\w-]+(?: [\w-]+){0,2},\s*)?(?:it (?:has|had) (?:also )?been (?:\w+ly )?(?:shown|"
    r"demonstrated|reported|suggested|argued|found|established|observed|proposed)\b|"
    r"(?:(?:recent|previous|prior|past|earlier|much|some|other|growing|mounting|emerging|"
    r"existing|empirical|ample|accumulating|considerable|a growing body of|a body of)\s+)*"
    r"(?:research|studies|evidence|literature|reports|(?:\w+ )?theory|theories|"
    r"(?:a|one|another) (?:\w+ )?study)\s+(?:\w+ly\s+)?"
    r"(?:has |have )?(?:show|shows|shown|suggest|suggests|suggested|indicate|indicates|"
    r"indicated|demonstrate|demonstrates|demonstrated|report|reports|reported|find|finds|"
    r"found|point|points)\b)",
    re.I,
)


def others_subject(text: str, before: str = "") -> bool:
    """True when the sentence reports what a cited party did or found: its subject is the
    cited authors ("The authors conclude ...", "Smith et al. [4] report ..."), or "They ..."
    right after a sentence that cites someone and speaks not of the paper's own work."""
    text = text.strip()
    if _OTHERS_SUBJECT.match(text):
        return True
    return bool(_THEY.match(text) and CITATION.search(before) and not FIRST_PERSON.search(before))
