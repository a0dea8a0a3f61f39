"""Settings of a laboratory or field protocol, as experimental papers write them: what was
done to the material, at what temperature, speed or force, for how long, in what
concentration (`stratified at 4 °C for 3–5 d in 0.15% agarose`, `incubated at 37 °C for
48 h`, `centrifuged at 3000 rpm for 10 min`). Each value is named by the step's verb
(`stratified temperature`, `incubated duration`) and, for a concentration, by what it is a
share of (`agarose concentration`).

Only a sentence whose verb treats material reads this way: `at 4 °C` after "measured" or in
a result ("peaks at 40 °C") is no step of a protocol."""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import snake
from arakit.compiler.settings.numbers import parse_number

# verbs of a step done to material (past participles, as methods sections write them)
_STEP = (
    r"(?:incubated|stratified|grown|stored|held|heated|cooled|centrifuged|spun|dried|kept|"
    r"maintained|washed|rinsed|cultured|cultivated|fixed|stained|soaked|autoclaved|annealed|"
    r"sintered|baked|frozen|thawed|boiled|digested|shaken|stirred|mixed|sonicated|vortexed|"
    r"germinated|acclimated|acclimatized|equilibrated|exposed|treated|immersed|sterilized|"
    r"surface-sterilized|hybridized|amplified|denatured|extended|reared|raised|housed|"
    r"fasted|starved|irradiated|illuminated|dialyzed|filtered|evaporated|calcined)"
)
_NUM = r"[-−]?\d+(?:\.\d+)?"
_SPAN = rf"{_NUM}(?:\s?[–-]\s?{_NUM})?"
_TEMP = re.compile(rf"\bat\s+(?P<v>{_SPAN})\s?(?P<u>°\s?C|℃|K|°\s?F)(?!\w)")
_SPEED = re.compile(
    rf"\bat\s+(?P<v>{_SPAN}(?:,\d{{3}})*)\s?(?P<u>rpm|r\.p\.m\.|×\s?g|x\s?g|g)(?!\w)"
)
_TIME = re.compile(
    rf"\bfor\s+(?P<v>{_SPAN})\s?(?P<u>s|sec|seconds?|min|minutes?|h|hrs?|hours?|d|days?|"
    r"weeks?|wk)(?!\w)"
)
_SHARE = re.compile(rf"\bin\s+(?:a\s+)?(?P<v>{_NUM})\s?%\s+(?P<what>[a-z][\w-]{{2,}})", re.I)
_KINDS = ((_TEMP, "temperature"), (_SPEED, "speed"), (_TIME, "duration"))


def protocol_settings(sentence: str, where: Where) -> list[PaperSetting]:
    """The temperatures, speeds, durations and concentrations of each treatment step the
    sentence states, in the order printed."""
    out: list[PaperSetting] = []
    steps = list(re.finditer(rf"\b{_STEP}\b", sentence, re.IGNORECASE))
    if not steps:
        return out
    found: list[tuple[int, str, str, str]] = []  # (position, name, value, unit)
    for rx, kind in _KINDS:
        for m in rx.finditer(sentence):
            verb = _verb_before(steps, m.start(), sentence)
            if verb:
                found.append((m.start(), f"{verb} {kind}", m.group("v"), m.group("u")))
    for m in _SHARE.finditer(sentence):
        if _verb_before(steps, m.start(), sentence):
            found.append((m.start(), f"{m.group('what').lower()} concentration", m.group("v"), "%"))
    for _, name, value, unit in sorted(found):
        numbers = tuple(
            n
            for n in (parse_number(x) for x in re.split(r"(?<=\d)\s?[–-]\s?(?=\d)", value))
            if n is not None
        )
        if not numbers:
            continue
        unit = re.sub(r"\s", "", unit)
        s = PaperSetting(
            snake(name),
            name,
            value,
            numbers[0] if len(numbers) == 1 else None,
            unit,
            where,
            numbers=numbers if len(numbers) > 1 else (),
        )
        out.append(s)
    return out


def _verb_before(steps: list[re.Match[str]], at: int, sentence: str) -> str:
    """The nearest step verb before `at` in the same clause (no full stop or semicolon
    between), lower-cased; empty when there is none."""
    best = ""
    for m in steps:
        if m.end() <= at and not re.search(r"[.;]\s", sentence[m.end() : at]):
            best = m.group(0).lower()
    return best
