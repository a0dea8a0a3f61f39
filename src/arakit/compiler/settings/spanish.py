"""Settings stated in Spanish prose, as a language table the way russian.py reads Russian:

- numbers as Spanish prints them: a decimal comma (`0,5`), a point in a clock or a version
  (`3.07 GHz`), number words (`dos`, `tres`, `diez`), `mil` for thousands (`20 mil`);
- a verb of taking a value: `β ... toma el valor 0,5 por defecto`, `los pesos son
  inicializados en 1`, `se fija en 10`;
- a noun and its value after `de`: `un umbral de 0,5`, `una tasa de aprendizaje de 0,01`;
- `es de`: `el espacio de almacenamiento disponible es de 1 TB`;
- a value with its unit before what it measures: `3.07 GHz de velocidad de procesamiento`;
- a count before a plural noun, in a sentence that tells what was done: `cuenta con dos
  nodos de 12 núcleos cada uno`, `configurados con diez clasificadores base`, `se divide
  ... en 20 ventanas`.

Every name keeps its printed words; nouns of the table get the key the code side uses."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake, words

# words only Spanish uses among the languages papers are written in (an English sentence
# that quotes one Spanish word does not reach two of them)
_ONLY_SPANISH = frozenset(
    words(
        "el la los las del de en al lo un y es son fue fueron se una uno con para por que su sus como cada "
        "entre según también este esta estos estas dicho dicha cual cuales cuyo cuya donde"
    )
)
_ONLY_ENGLISH = frozenset(
    words("the of and is are was were with for to this that these which by an from on")
)
_WORD_NUMBERS = {
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "cincuenta": 50,
    "cien": 100,
}
# `0,5` (a decimal comma), `3.07` (a point, as clocks and versions are printed), `20 mil`
_NUM = (
    r"(?:\d+,\d{1,2}(?!\d)|0,\d+|\d+(?:\.\d+)?(?:\s+mil\b)?|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")"
)
_UNIT = r"(?:[kMGT]B|[kMG]Hz|%|horas|minutos|segundos|ms|s)(?![\wáéíóú])"
_END = r"(?![\w,.]\d|\s*[×x*/^]\s*\d)"
# nouns of settings with the key the code side shares (names.py), and hardware nouns
_KEYS = {
    "tasa de aprendizaje": "learning_rate",
    "tamaño de lote": "batch_size",
    "tamaño del lote": "batch_size",
    "épocas": "epochs",
    "iteraciones": "iterations",
    "semilla": "seed",
    "capas": "num_layers",
    "repeticiones": "repetitions",
    "ejecuciones": "repetitions",
    "umbral": "threshold",
    "núcleos": "cpu_cores",
    "nodos": "n_nodes",
    "hilos": "n_threads",
    "memoria ram": "ram",
    "memoria caché": "cpu_cache",
    "almacenamiento": "storage",
    "velocidad de procesamiento": "cpu_clock",
    "ventanas": "n_windows",
}
_DETERMINERS = re.compile(
    r"^(?:(?:todos|todas|los|las|el|la|lo|un|una|unos|unas|su|sus|este|esta|dicho|dicha|y|e)\s+)+",
    re.IGNORECASE,
)
# verbs of what was done, and of an outcome
_METHOD = re.compile(
    r"\b(?:us[aó]\w*|usad\w*|usando|utiliz\w*|emple\w*|entren\w*|configur\w*|fij\w*|divid\w*|"
    r"divide|gener\w*|seleccion\w*|realiz\w*|ejecut\w*|form(?:ar|a|an|ada|ado)|const(?:a|an)|"
    r"cuentan?|contar\w*|aplic\w*|defin\w*|inicializ\w*|establec\w*|compuest\w*|etiquetad\w*|"
    r"preprocesad\w*|muestre\w*|repit\w*|repet\w*|equipad\w*|instalad\w*|toma|tiene)\b",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"\b(?:obtien\w*|obtuv\w*|obtenid\w*|alcanz\w*|logr\w*|mejor(?:a|an|ó|aron)|"
    r"super(?:a|an|ó|aron)|muestran?|mostr\w*|reduc\w*|result(?:a|an|ó|aron|ados?)|consigu\w*)\b",
    re.IGNORECASE,
)
# nouns after a number that are units, references or comparisons, never a count set up
_NOT_COUNTED = frozenset(
    words(
        "veces años meses días semanas grados casos tipos partes formas maneras secciones tablas "
        "figuras capítulos páginas ecuaciones referencias autores trabajos"
    )
)
_REFERENCE = re.compile(
    r"(?:\b(?:los|las|el|la|estos|estas|esos|esas|sus|de\s+la|del|sección|secciones|tabla|"
    r"tablas|figura|figuras|capítulo|ecuación|algoritmo|página|cap\.|fig\.|tab\.)|[≤≥<>=])\s*$",
    re.IGNORECASE,
)


def spanish(sentence: str) -> bool:
    """True when a sentence is written in Spanish: at least two words only Spanish uses,
    more than the words only English uses."""
    toks = [t.lower() for t in re.findall(r"[^\W\d_]+", sentence)]
    es = sum(t in _ONLY_SPANISH for t in toks)
    en = sum(t in _ONLY_ENGLISH for t in toks)
    return es >= 2 and es > en


def number(text: str) -> float | None:
    """`0,5` → 0.5; `3.07` → 3.07; `dos` → 2; `20 mil` → 20000; `1006` → 1006."""
    t = text.strip().lower()
    if t in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[t])
    scale = 1.0
    if t.endswith(" mil"):
        scale, t = 1000.0, t[:-4].strip()
    if re.fullmatch(r"\d+,\d+", t):
        t = t.replace(",", ".")
    try:
        return float(t) * scale
    except ValueError:
        return None


def _key(name: str) -> str:
    low = name.lower()
    for phrase, key in sorted(_KEYS.items(), key=lambda kv: -len(kv[0])):
        if phrase in low:
            return key
    return snake(name)


def _noun_phrase(text: str, n: int = 4) -> str:
    """The words of the clause that ends `text` (determiners dropped), at most `n`."""
    clause = re.split(r"[,;:()]|\s(?:y|e|que|donde|cuando)(?:\s|$)", text)[-1]
    words = clause.split()[-n:]
    return _DETERMINERS.sub("", " ".join(words)).strip()


_TAKES = re.compile(
    r"\s(?:toma(?:n|rá)?\s+(?:el|un)\s+valor(?:\s+de)?|tiene\s+(?:el|un)\s+valor(?:\s+de)?|"
    r"vale|es\s+igual\s+a|(?:se\s+)?fij(?:a|ó|an|aron|ad[oa]s?)\s+en|"
    r"(?:son|es|fueron|fue|se)\s+inicializad[oa]s?\s+(?:en|con|a)|inicializad[oa]s?\s+(?:en|con|a)|"
    r"(?:se\s+)?establec(?:e|ió|id[oa]s?)\s+en|(?:se\s+)?configur(?:a|ó|ad[oa]s?)\s+en)\s+"
    rf"(?P<value>{_NUM}){_END}",
    re.IGNORECASE,
)
# the subject of a sentence (or of one run on after a full stop): `β` in `β es un valor`
_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+)\s*(?P<s>[^\s.;:]+(?:\s+[^\s.;:]+){0,3}?)\s+(?:es|son|fue|fueron)\s"
)
_IS_OF = re.compile(
    rf"\s(?:es|son|fue|fueron)\s+de\s+(?P<value>{_NUM})\s?(?P<unit>{_UNIT})?{_END}", re.IGNORECASE
)
_UNIT_OF = re.compile(
    rf"(?<![\w,.])(?P<value>{_NUM})\s?(?P<unit>{_UNIT})\s+de\s+"
    r"(?!(?:la|las|el|los|un|una)\s)(?P<noun>[a-záéíóúñ]+(?:\s+(?:de\s+)?[a-záéíóúñA-Z]+)?)",
)
_NOUN_OF = re.compile(
    r"\b(?P<noun>umbral|tasa\s+de\s+aprendizaje|tamaño\s+de(?:l)?\s+lote|tamaño\s+de\s+ventana|"
    r"factor|semilla|coeficiente|probabilidad|límite|margen|tolerancia|penalización|"
    r"temperatura|momento|decaimiento)\s+(?:de\s+)?(?P<value>" + _NUM + r")" + _END,
    re.IGNORECASE,
)
# a bound or an estimate, not a setting: `más de dos clases`, `menos de 10`
_BOUND = re.compile(r"\b(?:más|menos|mayor|menor)\s+(?:de|que)\s*$|[−-]\s*$", re.IGNORECASE)
_COUNT = re.compile(
    rf"(?<![\w,.−-])(?P<value>{_NUM})\s+(?P<noun>[a-záéíóúñ]{{3,}}s)\b"
    r"(?P<adj>\s+(?!(?:de|del|que|se|le|los|las|sus|mis)\b)[a-záéíóúñ]+(?:s|e)\b)?",
    re.IGNORECASE,
)


def spanish_settings(sentence: str) -> list[tuple[Found, float]]:
    """Every setting a Spanish sentence states in one of the forms above, with its number
    (none in a sentence that reports an outcome)."""
    if not spanish(sentence) or _OUTCOME.search(sentence):
        return []
    out: list[tuple[Found, float]] = []

    def add(span: tuple[int, int], name: str, value: str, unit: str = "", key: str = "") -> None:
        v = number(value)
        if v is not None and name and re.search(r"[^\W\d_]", name):
            out.append((Found(span, name, value, unit, key or _key(name)), v))

    for m in _TAKES.finditer(sentence):
        name = _noun_phrase(sentence[: m.start()])
        if not name:  # `β es un valor … y toma el valor 0,5`: the sentence's subject
            heads = list(_SUBJECT.finditer(sentence[: m.start()]))
            name = _DETERMINERS.sub("", heads[-1].group("s")).strip() if heads else ""
        add(m.span("value"), name, m.group("value"))
    for m in _IS_OF.finditer(sentence):
        add(
            m.span("value"),
            _noun_phrase(sentence[: m.start()]),
            m.group("value"),
            m.group("unit") or "",
        )
    for m in _UNIT_OF.finditer(sentence):
        add(m.span("value"), m.group("noun"), m.group("value"), m.group("unit"))
    for m in _NOUN_OF.finditer(sentence):
        add(m.span("value"), m.group("noun"), m.group("value"))
    if _METHOD.search(sentence):
        for m in _COUNT.finditer(sentence):
            noun = m.group("noun").lower()
            before = sentence[: m.start()]
            if noun in _NOT_COUNTED or _REFERENCE.search(before) or _BOUND.search(before):
                continue
            prev = before.split()[-1].lower() if before.split() else ""
            if not m.group("value")[0].isdigit() and not (prev == "con" or _METHOD.fullmatch(prev)):
                continue  # `se clasifican en dos grupos`: a word number counts what was set up
            if any(a < m.end("value") and m.start() < b for f, _ in out for a, b in [f.span]):
                continue
            name = f"{noun}{m.group('adj') or ''}"
            add(m.span("value"), name, m.group("value"), "", _KEYS.get(noun, f"n_{snake(noun)}"))
    return out
