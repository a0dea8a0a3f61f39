"""What a paper states about one setting: the name and value as printed, the value as a
number, the unit, and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field

from arakit.compiler.atoms import Where


@dataclass
class PaperSetting:
    """`learning rate λ = 10−4` on p. 13, §5.3: key `learning_rate`, number 1e-4."""

    key: str  # normalised name shared with the code side (`learning_rate`, `alpha`)
    name: str  # the name as printed (`learning rate λ`, `n`, `Ts,min`)
    value: str  # the value as printed (`10−4`, `40,000`, `[5, 300]`)
    number: float | None  # the value as a number in the printed unit (None for lists)
    unit: str
    where: Where
    numbers: tuple[float, ...] = ()  # every number of a list or range, in printed order
    source: str = "prose"  # prose | table
    negative: bool = False  # stated in a negative result or an ablation, not as the setting
    variant: bool = False  # stated for a baseline, an ablation or a degenerate case
    group: int = 0  # the paragraph (or table) it came from: settings of one experiment
    meaning: str = ""  # the paper's own description of a symbol (`number of iterations`)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def values(self) -> tuple[float, ...]:
        """Every number the setting states (one for a scalar)."""
        if self.numbers:
            return self.numbers
        return (self.number,) if self.number is not None else ()
