"""The machine the experiments ran on, as settings the code side can meet (`cores 4` and
`cores = 1`), in the ways papers describe it:

- a count of devices, with their memory and model between: `two 24G NVIDIA GeForce RTX
  3090 GPUs` (2 GPUs of 24 GB), `4 Nvidia RTX 3090 GPUs`, `limited to 10 CPU threads and 1
  GPU`, `a 64-core Xeon`;
- memory, clock and storage: `36GB unified RAM`, `32 GB of RAM`, `a 2.60 GHz CPU`, `1 TB of
  storage`;
- the cores each method was given: `FastPCA (4 cores), bigstatsr partial (1 core)`;
- the software it ran with, in a sentence about the environment: `PySyft 0.2.3 running on
  Python 3.8`, `la versión 3.6.9 de Python` (the number is major.minor: `3.6`).

A model number (`Xeon Silver 4310 CPU`, `EPYC 7742 Processors`) is never a count: a count
stands after a lower-case word or a comma, never after a capitalised name."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import words
from arakit.compiler.settings.numbers import WORDS, parse_number
from arakit.compiler.settings.patterns import clause_before, reports_a_result

_COUNT_WORD = "|".join(WORDS)
_DEVICE_KEY = {
    "gpu": "n_gpus",
    "tpu": "n_tpus",
    "cpu": "n_cpus",
    "processor": "n_cpus",
    "core": "cpu_cores",
    "thread": "n_threads",
    "node": "n_nodes",
}
_DEVICES = r"GPUs?|TPUs?|CPUs?|[Pp]rocessors?|cores?|threads?|nodes?"
# `two 24G NVIDIA GeForce RTX 3090 GPUs`, `10 CPU threads`, `8 × A100 GPUs`
_DEVICE_COUNT = re.compile(
    # not after a hyphen of any width: `a post‐2011 CPU` is a date
    rf"(?<![\w.,\-‐‑–])(?P<value>\d+|(?i:{_COUNT_WORD}))(?:\s*[x×]\s*|\s+)"
    r"(?:(?P<mem>\d+(?:\.\d+)?)\s?(?P<memunit>GB|G|TB)\s+)?"
    r"(?P<model>(?:(?:[A-Z][\w\-()®™]*|\d+[\w\-]*)\s+){0,6}?)"
    rf"(?P<device>{_DEVICES})\b(?!\s+(?:{_DEVICES})\b)"
)
_HYPHEN_CORE = re.compile(r"(?<![\w.,\-])(?P<value>\d+)-(?P<device>core|thread|node|GPU)\b")
# `36GB unified RAM`, `32 GB of RAM`, `256 GB of memory`, `1 TB of storage`
_MEMORY = re.compile(
    r"(?<![\w.,])(?P<value>\d+(?:\.\d+)?)\s?(?P<unit>GB|TB|MB|G(?=\s))\s+(?:of\s+)?"
    r"(?:(?:unified|system|main|shared|GPU|DDR\d|physical|total|available|installed)\s+)*"
    r"(?P<what>RAM|memory|VRAM|storage|disk|SSD|cache)\b"
)
_CLOCK = re.compile(r"(?<![\w.,])(?P<value>\d+(?:\.\d+)?)\s?(?P<unit>GHz)\b")
# `FastPCA (4 cores)`, `irlba (1 core)`: what each method was given
_GIVEN = re.compile(
    r"(?P<item>[A-Za-z][\w\-.]*(?:\s+[a-z][\w\-]*)?)\s*\(\s*(?P<value>\d+)\s+"
    r"(?P<device>cores?|threads?|GPUs?|CPUs?|workers?|processes)\s*\)"
)
_WHAT_KEY = {
    "ram": "ram",
    "memory": "ram",
    "vram": "gpu_memory",
    "storage": "storage",
    "disk": "storage",
    "ssd": "storage",
    "cache": "cpu_cache",
}
# words of a computing machine: a count of nodes is the cluster's only beside them
_MACHINE = re.compile(
    r"\b(?:GPUs?|CPUs?|cluster|server|HPC|supercomputer|compute|computing|cores?|núcleos)\b"
)
# a determiner before a count in words: `the two threads` are known ones, not a number set
_DETERMINED = re.compile(r"\b(?:the|these|those|both|its|their)\s*$", re.IGNORECASE)
# a lower-case word right after a singular device noun that it modifies (`core tasks`)
_MODIFIES = re.compile(
    r"\s+(?!(?:and|or|with|of|per|in|on|at|for|to|from|each|only|was|is|were|are)\b)[a-z]{3,}"
)
_PREVIOUS_OK = set(words("with and or of on to using use used uses has have had across over"))


def _device_key(device: str) -> str:
    return _DEVICE_KEY.get(device.lower().rstrip("s"), "")


def _count_position_ok(before: str) -> bool:
    """A count stands at the start, after punctuation or after a lower-case word."""
    toks = before.split()
    if not toks:
        return True
    last = toks[-1]
    return last[-1] in ",;:(" or last.islower() or last.lower() in _PREVIOUS_OK


def hardware(sentence: str) -> list[Found]:
    """Every setting of the machine a sentence describes (none in one reporting an outcome:
    `memory use peaked at 12 GB of RAM`)."""
    if re.search(r"\b(?:peak|peaked|consum\w*|footprint)\b", sentence):
        return []
    out: list[Found] = []
    devices = [
        m
        for m in _DEVICE_COUNT.finditer(sentence)
        # `a post- 2011 CPU` (hyphenated at a line end): a year, not a count
        if not (
            re.fullmatch(r"(?:19[5-9]|20[0-3])\d", m.group("value"))
            and re.search(r"[-‐‑–]\s*$", sentence[: m.start()])
        )
        # `trained on four GPUs and took 14 minutes`: the outcome comes after the count
        if not reports_a_result(clause_before(sentence, m.start()))
    ]
    if reports_a_result(sentence):
        return _found(devices, sentence)
    for m in _GIVEN.finditer(sentence):
        item = re.sub(r"^(?:and|or|with)\s+", "", m.group("item")).strip()
        device = m.group("device")
        plural = device if device.endswith("s") else f"{device}s"
        key = "cores" if plural == "cores" else _device_key(device) or plural
        out.append(Found(m.span("value"), f"{item} {plural}", m.group("value"), "", key))
    out += _found(devices, sentence)
    for m in _HYPHEN_CORE.finditer(sentence):
        key = _device_key(m.group("device"))
        if key:
            out.append(Found(m.span("value"), f"{m.group('device')}s", m.group("value"), "", key))
    for m in _MEMORY.finditer(sentence):
        what = m.group("what")
        unit = "GB" if m.group("unit") == "G" else m.group("unit")
        name = sentence[m.end("unit") : m.end()].strip().removeprefix("of ").strip()
        out.append(Found(m.span("value"), name, m.group("value"), unit, _WHAT_KEY[what.lower()]))
    for m in _CLOCK.finditer(sentence):
        out.append(Found(m.span("value"), "clock", m.group("value"), "GHz", "cpu_clock"))
    return [f for f in out if parse_number(f.value) is not None]


# a sentence about the software environment (not `Section 3.2`, `CC BY-SA 4.0`)
_SOFTWARE_CONTEXT = re.compile(
    r"\b(?:version|versión|versiones|installed|instalad[oa]s?|running\s+on|runs\s+on|"
    r"implemented\s+(?:in|with)|we\s+use|using|operating\s+system|sistema\s+operativo|"
    r"software\s+(?:stack|environment)|dependencies)\b",
    re.IGNORECASE,
)
_NOT_SOFTWARE = set(
    words(
        """
section sections table tables figure figures fig figs eq eqs equation equations chapter
appendix algorithm theorem lemma definition step steps proposition corollary remark example
assumption subsection tab sec version versión attribution license licence cc by by-sa by-nc
by-nd by-nc-sa by-nc-nd
"""
    )
)
_NAME_VERSION = re.compile(
    # a name capitalised, or written in camel case (`pyTorch 2.5`)
    r"(?P<name>\b[A-Z][A-Za-z+#\-]*[A-Za-z+#]|\b[a-z]+[A-Z][A-Za-z]*|\bR)\s+(?:version\s+|v\.?\s?)?"
    r"(?P<value>\d+\.\d+(?:\.\d+)*)(?![\w.]*\d)"
)
_VERSION_OF = re.compile(
    r"\bversi[oó]n\s+(?P<value>\d+\.\d+(?:\.\d+)*)\s+(?:de|of)\s+(?P<name>[A-Z][A-Za-z+#\-]*)"
    r"|(?P<name2>\b[A-Z][A-Za-z+#\-]*)\s+en\s+su\s+versi[oó]n\s+(?P<value2>\d+\.\d+(?:\.\d+)*)"
    # `Scikit-learn was used in version 0.17.1`
    r"|(?P<name3>\b[A-Z][A-Za-z+#\-]*[A-Za-z+#])\s+(?:(?:was|is|were|has\s+been)\s+"
    r"(?:used|run|installed)\s+)?in\s+(?:its\s+)?version\s+(?P<value3>\d+\.\d+(?:\.\d+)*)"
)


def software(sentence: str) -> list[tuple[Found, float]]:
    """`PySyft 0.2.3 running on Python 3.8`: each piece of software with its version, the
    number as major.minor (`3.6.9` → 3.6)."""
    if not _SOFTWARE_CONTEXT.search(sentence):
        return []
    out: list[tuple[Found, float]] = []
    for m in _VERSION_OF.finditer(sentence):
        name = m.group("name") or m.group("name2") or m.group("name3")
        group = next(g for g in ("value", "value2", "value3") if m.group(g))
        out.append(_version(m.span(group), name, m.group(group)))
    for m in _NAME_VERSION.finditer(sentence):
        if m.group("name").lower() in _NOT_SOFTWARE:
            continue
        if any(a < m.end() and m.start() < b for a, b in (f.span for f, _ in out)):
            continue
        out.append(_version(m.span("value"), m.group("name"), m.group("value")))
    return out


def _version(span: tuple[int, int], name: str, value: str) -> tuple[Found, float]:
    major_minor = float(".".join(value.split(".")[:2]))
    return Found(span, name, value, "", f"{name.lower().replace('-', '_')}_version"), major_minor


def _found(devices: list[re.Match[str]], sentence: str) -> list[Found]:
    """The device counts (and the memory printed with them) of `_DEVICE_COUNT` matches."""
    out: list[Found] = []
    for m in devices:
        key = _device_key(m.group("device"))
        if not key or not _count_position_ok(sentence[: m.start()]):
            continue
        if key == "n_nodes" and not _MACHINE.search(sentence):
            continue  # `a hidden layer with 15 nodes`: the nodes of a network
        spelled = not m.group("value")[:1].isdigit()
        if key == "n_threads" and spelled and _DETERMINED.search(sentence[: m.start()]):
            continue  # `this work joins the two threads`: threads of an argument
        device = m.group("device")
        if not device.endswith("s") and _MODIFIES.match(sentence, m.end()):
            continue  # `the two core tasks`, `one thread group`: a modifier, not a device
        plural = device if device.endswith("s") else f"{device}s"
        out.append(Found(m.span("value"), plural, m.group("value"), "", key))
        if m.group("mem"):
            name = f"{device.rstrip('s')} memory"
            unit = "GB" if m.group("memunit") in ("G", "GB") else m.group("memunit")
            mem_key = "gpu_memory" if key == "n_gpus" else "memory"
            out.append(Found(m.span("mem"), name, m.group("mem"), unit, mem_key))
    return [f for f in out if parse_number(f.value) is not None]
