"""Hydra composition: a primary config's `defaults:` list picks one option file per config
group (`- optimizer: adamw` picks `conf/optimizer/adamw.yaml`), and a launch line may
override the pick (`optimizer=sgd`). The values of the option files nobody picks are not
what a run uses: they stay listed, marked unused, with the reason."""

from __future__ import annotations

from pathlib import PurePosixPath

from arakit.compiler.repo.params.model import CodeParam


def apply_composition(params: list[CodeParam]) -> None:
    """Mark the parameters of unpicked Hydra option files as unused (in place)."""
    picks: dict[tuple[str, str], tuple[str, str]] = {}  # (config dir, group) -> (option, where)
    for p in params:
        if p.kind == "hydra-default":
            root = str(PurePosixPath(p.file).parent)
            picks.setdefault((root, p.name), (p.value.strip(), p.location))
    if not picks:
        return
    for p in params:  # `optimizer=sgd` on a launch line overrides the default pick
        if p.kind == "hydra-override" and "." not in p.name:
            for (root, group), _ in list(picks.items()):
                if group == p.name:
                    picks[(root, group)] = (p.value.strip(), p.location)
    for p in params:
        if p.kind != "yaml":
            continue
        path = PurePosixPath(p.file)
        group, option = str(path.parent.name), path.stem
        root = str(path.parent.parent)
        picked = picks.get((root, group))
        if picked is not None and option != picked[0]:
            p.used = False
            p.help = f"not composed: {picked[1]} picks {group}/{picked[0]}"
