"""Settings stated in running text: `learning rate of 0.1`, `for 90 epochs`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arakit.compiler.atoms import VALUE, Where

# canonical name → phrases that name it in prose
HYPERPARAMETERS: dict[str, tuple[str, ...]] = {
    "learning_rate": ("learning rate", "initial learning rate", "base learning rate", "lr"),
    "batch_size": ("batch size", "mini-batch size", "minibatch size"),
    "weight_decay": ("weight decay", "l2 penalty"),
    "momentum": ("momentum",),
    "dropout": ("dropout rate", "dropout probability", "dropout"),
    "label_smoothing": ("label smoothing",),
    "gradient_clipping": ("gradient clipping", "gradient norm clipping", "max gradient norm"),
    "temperature": ("temperature",),
    "hidden_size": ("hidden size", "hidden dimension", "embedding dimension", "model dimension"),
    "seed": ("random seed", "seed"),
    "warmup": ("warmup", "warm-up", "linear warmup"),
    "beta1": ("β1", "beta1"),
    "beta2": ("β2", "beta2"),
    "epsilon": ("epsilon", "ε"),
}
# value-first mentions: "for 90 epochs", "500 warmup steps", "12 layers"
_VALUE_FIRST = (
    ("epochs", re.compile(rf"(?:for|over)\s+(?P<value>{VALUE})\s+(?:training\s+)?epochs\b")),
    ("warmup_steps", re.compile(rf"(?P<value>{VALUE})\s+warm-?up\s+steps\b")),
    ("num_layers", re.compile(rf"(?P<value>{VALUE})\s+(?:transformer\s+)?layers\b")),
    ("num_heads", re.compile(rf"(?P<value>{VALUE})\s+(?:attention\s+)?heads\b")),
)
_FILLER = (
    r"(?:\s+(?:of|to|=|:|is|was|were|set|at|equal|value|rate|parameter|we|use|used|a|an|the|with))*"
)
_NAME_RE = {
    name: re.compile(
        r"(?<![\w-])(?P<name>"
        + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        + rf")\b{_FILLER}\s*[=:]?\s*(?P<value>{VALUE})(?:\s?(?P<unit>epochs?|steps?|iterations?|%))?(?![\w.]\d)",
        re.IGNORECASE,
    )
    for name, phrases in HYPERPARAMETERS.items()
}


@dataclass
class Hyperparameter:
    """`learning rate of 0.1`: canonical name, the words used, exact value, unit, place."""

    name: str
    mention: str
    value: str
    unit: str
    where: Where
    negative: bool = False  # stated in a negative result or an ablation, not as the setting


def hyperparameters_in(sentence: str, where: Where, negative: bool = False) -> list[Hyperparameter]:
    """Hyperparameter mentions in one sentence; each value is copied exactly as printed."""
    out: list[Hyperparameter] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _NAME_RE.items():
        for m in rx.finditer(sentence):
            unit = (m.group("unit") or "").lower()
            canon = name
            if name == "warmup":
                canon = "warmup_epochs" if unit.startswith("epoch") else "warmup_steps"
            out.append(
                Hyperparameter(canon, m.group("name"), m.group("value"), unit, where, negative)
            )
            taken.append(m.span())
    for name, rx in _VALUE_FIRST:
        for m in rx.finditer(sentence):
            if any(a <= m.start("value") < b for a, b in taken):
                continue
            unit = "epochs" if name == "epochs" else ""
            out.append(Hyperparameter(name, m.group(0), m.group("value"), unit, where, negative))
    out.sort(key=lambda h: sentence.find(h.mention))
    return out
