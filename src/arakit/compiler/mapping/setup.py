"""What an experiment ran on, as the paper states it: the hardware of the sentence that says
where the experiments ran, the software the paper says it uses, the dataset it names as one,
and the metrics it says it measures. Each is read from the paper's own words or left
unspecified; a word of the sentence that merely looks like a name is never taken."""

from __future__ import annotations

import re
from collections import Counter

from arakit.compiler.mapping.context import Sentence

# one piece of hardware: a count of cores, a vendor, a product line or model, a clock, memory
_HW_PART = (
    r"\d+[- ]core|Intel|AMD|NVIDIA|Nvidia|Apple|Google|Xeon|EPYC|"
    r"Ryzen|Threadripper|Core\s+i\d|GeForce|Tesla|Quadro|Titan|RTX\s?\d{4}\w*|GTX\s?\d{3,4}\w*|"
    r"[AHVTLP]\d{2,3}\b|A6000|M[1-4](?:\s+(?:Pro|Max|Ultra))?\b|TPU\s?v?\d*|GPUs?|CPUs?|"
    r"MacBook(?:\s+(?:Pro|Air))?|Mac\s?(?:Studio|Pro|mini)|"
    r"\d+(?:\.\d+)?\s*GHz|\d+\s*[GT]B(?:\s+of)?(?:\s+(?:unified|shared|system|main|DDR\d))?"
    r"(?:\s+(?:RAM|memory|VRAM|GPU memory))?|"
    # a count of devices: "8 × NVIDIA A100", "4 GPUs"
    r"\d+\s*(?:x|×)?\s*(?=(?:NVIDIA|Nvidia|AMD|Intel|Google|[CGT]PUs?|[AHV]100|RTX|GTX|Tesla)\b)"
)
_HW = re.compile(rf"(?:{_HW_PART})(?:[®™]|\b)", re.UNICODE)
# a count and a memory size printed before the first part: "two 24G NVIDIA ... GPUs"
_LEAD = re.compile(
    r"\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen)\s*(?:x|×)?\s+)?"
    r"(?:\d+(?:\.\d+)?\s?GB?\s+)?$",
    re.IGNORECASE,
)
# a device noun: without one a sentence is not about hardware ("4 GB of data")
_DEVICE = re.compile(
    r"\b(?:[CGT]PUs?|Xeon|EPYC|Ryzen|Threadripper|GeForce|Tesla|Quadro|RTX|GTX|A100|H100|"
    r"V100|A6000|Core\s+i\d|RAM|\d+[- ]core)\b"
)
# something that names the machine rather than a kind of device ("CPUs with accelerators
# such as GPUs" says nothing about what ran)
_SPECIFIC = re.compile(
    r"\b(?:Intel|AMD|NVIDIA|Nvidia|Apple|Google|Xeon|EPYC|Ryzen|Threadripper|GeForce|Tesla|"
    r"Quadro|Titan|RTX|GTX|[AHVTLP]\d{2,3}|A6000|M[1-4]|Core\s+i\d|\d+[- ]core|"
    r"\d+(?:\.\d+)?\s*GHz|\d+\s*[GT]B|\d+\s*(?:x|×)?\s*[CGT]PUs?)\b"
)
# the sentence says the work ran there (not "evaluating the use of GPUs" as future work)
_RAN = re.compile(
    r"\b(?:run|ran|runs|conducted|performed|executed|carried out|trained|computed|"
    r"measured|timed|took|takes|machine|computer|server|workstation|cluster|node|laptop|"
    r"collected|obtained|benchmarked|recorded|MacBook|desktop|"
    r"equipped|hardware)\b",
    re.I,
)

# software a paper says its experiments use: frameworks, simulators and languages
_SOFTWARE = (
    r"PyTorch|TensorFlow|JAX|Keras|MXNet|scikit-learn|PySyft|Flax|"
    r"Hugging ?Face(?: [Tt]ransformers)?|"
    r"Julia|MATLAB|Mathematica|Python|C\+\+|Fortran|Rust|Stan|PyMC3?|LAMMPS|GROMACS|"
    r"VASP|Quantum ESPRESSO|ROS 2|ROS|OpenCV|Gurobi|CPLEX|CasADi|NumPy|SciPy"
)
_NAMED = re.compile(rf"(?<![\w.])({_SOFTWARE})(?![\w+])")
_R_LANGUAGE = re.compile(
    r"\b(?:(?i:in|using|with|an?) R(?: package| language| code|\b(?=[,.;]))"
    r"|[A-Z][\w.]+ R(?= package\b))"
)
# "An R package for ...", "The FastPCA R package was developed": what the package is
_PACKAGE_OF = re.compile(r"^\s*(?:package|library|toolbox|language)\b")
# the paper says it uses the software itself ("We use PyTorch for …", "implemented in
# Julia", "running on Python 3.8"); a mention in related work ("frameworks such as
# TensorFlow") is not
_USES = re.compile(
    r"\b(?:we (?:will |also |then )?(?:use|used|rely on|employ|chose)|using|"
    r"(?:implemented|written|coded|developed|done|performed) (?:in|with|using)|"
    r"built (?:on|with)|based on|runs? (?:on|in)|running (?:on|in))\s*(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
# the languages of what a study looked at ("projects written in Python, Rust and Java")
_STUDIED = re.compile(
    r"\b(?:projects|repositories|programs|applications|apps|languages|codebases)\b[^.;]*"
    r"\b(?:written|implemented|developed|coded) in\b",
    re.I,
)
# what a package is ("RAFF.jl is a Julia package"): weaker, the subject may be another tool
_IS_A = re.compile(r"\b(?:is|are) an? (?:\w+\s+){0,1}$", re.I)

_DATASET = re.compile(
    # said to be one: "the MNIST dataset", "dataset CIFAR-10", "the Penn Treebank corpus"
    r"\b(?:the\s+)?((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:-\d+)?)\s+(?:data\s?set|benchmark|"
    r"corpus|database)\b"
    r"|\b(?:data\s?set|benchmark|corpus)\s+(?:called\s+|named\s+)?([A-Z][\w-]*[A-Z0-9][\w-]*)"
    # trained or evaluated on a name spelled like one (ImageNet, CIFAR-10, WMT24, MNIST)
    r"|\b(?:train|evaluat|test|fine-tun|pre-?train|benchmark)\w*"
    r"\s+(?:\w+\s+){0,2}on\s+(?:the\s+)?([A-Z][a-z]*[A-Z0-9][\w-]*|[A-Z]{2,}[\w-]*)\b(?!\.\d)"
)
# words that are spelled like a dataset's name but name a method, metric or tool
_NOT_DATA = re.compile(
    r"^(?:F1|OLS|GLS|MSD|MSE|RMSE|MAE|AUC|ROC|BLEU|ROUGE|GPU|CPU|TPU|GitHub|MCMC|SGD|PCA|"
    r"LSTM|CNN|RNN|GAN|VAE|API|SQL|JSON|YAML|URL|PDF|ODE|PDE|SVD|FFT|OK|We|In|Our|This|The|"
    # a determiner or a kind, not a name: "Each dataset", "Synthetic data set"
    r"A|An|Each|Every|All|Both|Any|Another|Other|Such|Same|These|Those|That|One|Two|Three|"
    r"Real|Synthetic|Training|Test|Validation|New|Full|Whole|Original|Public|Private|Large|"
    r"Small|Simulated|Benchmark|Final)$"
)

# metrics named in words (the table header gives them when there is one)
_METRIC = re.compile(
    r"\b(top-[15] accuracy|accuracy|F1(?:[- ]score)?|precision|recall|AUC|ROC|mAP|"
    r"RMSE|MAE|MSE|mean (?:squared|absolute) error|root mean square(?:d)? error|log-likelihood|"
    r"perplexity|BLEU|ROUGE(?:-[L12])?|error rate|success rate|R²|R\^2|"
    r"wall[- ]clock time|run ?time|throughput|latency|convergence rate|reward|return)\b",
    re.I,
)
_MEASURES = re.compile(
    r"\b(?:metrics?|measur\w+|evaluat\w+|report\w*|record\w*|compar\w+|assess\w+|scor\w+)\b", re.I
)


def hardware(items: list[Sentence]) -> str | None:
    """The hardware of the first sentence that says the work ran on it: the span from its
    first part to its last ("64-core Intel Xeon E5-4610 CPU running at 2.3 GHz and 128 GB of
    RAM"), preferring the setup section."""
    ordered = sorted(items, key=lambda s: s.where.role != "setup")
    for s in ordered:
        if not (_DEVICE.search(s.text) and _SPECIFIC.search(s.text) and _RAN.search(s.text)):
            continue
        parts = list(_HW.finditer(s.text))
        if not parts:
            continue
        lead = _LEAD.search(s.text[: parts[0].start()])
        start = lead.start() if lead else parts[0].start()
        span = s.text[start : parts[-1].end()].strip(" ,;")
        if len(span) <= 160:
            return span
        return parts[0].group(0)
    return None


def framework(items: list[Sentence]) -> str | None:
    """The software the paper says it uses, in the order it says so (at most three); else
    what it says a package is; else the one it names most often. The
    languages of what a study looked at ("projects written in Python, Rust, Java") and a
    list of three or more names in one sentence are never counted as what ran."""
    said: list[str] = []
    described: list[str] = []
    counts: Counter[str] = Counter()
    for s in items:
        found = [(m.start(), m.group(1)) for m in _NAMED.finditer(s.text)]
        found += [
            (m.start() + m.group(0).rindex(" R") + 1, "R") for m in _R_LANGUAGE.finditer(s.text)
        ]
        listed = len({name for _, name in found}) >= 3
        for at, name in sorted(found):
            if _STUDIED.search(s.text[:at]):
                continue
            if _USES.search(s.text[:at]):
                said.append(name)
            elif _IS_A.search(s.text[:at]) or _PACKAGE_OF.match(s.text[at + len(name) :]):
                described.append(name)
            elif not listed:
                counts[name] += 1
    if said:
        return ", ".join(list(dict.fromkeys(said))[:3])
    if described:
        return Counter(described).most_common(1)[0][0]
    common = [name for name, k in counts.most_common(1) if k]
    return common[0] if common else None


def dataset(texts: list[str]) -> str | None:
    """The first dataset named as one, or trained / evaluated on by name."""
    for text in texts:
        for m in _DATASET.finditer(text):
            name = (m.group(1) or m.group(2) or m.group(3) or "").strip()
            last = name.split()[-1] if name else ""
            if name and not _NOT_DATA.match(last) and not _NOT_DATA.match(name.split()[0]):
                return name
    return None


def is_metric(label: str) -> bool:
    """A row or column label that names a metric ("Macro F1", "Accuracy (%)")."""
    return bool(_METRIC.search(label))


def metrics(texts: list[str]) -> list[str]:
    """Metrics named in sentences that say what is measured, in order, once each."""
    out: list[str] = []
    for text in texts:
        if not _MEASURES.search(text):
            continue
        for m in _METRIC.finditer(text):
            name = m.group(1)
            if name.lower() not in {o.lower() for o in out}:
                out.append(name)
    return out
