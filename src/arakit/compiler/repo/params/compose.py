"""Hydra composition: a primary config's `defaults:` list picks one option file per config
group (`- optimizer: adamw` picks `conf/optimizer/adamw.yaml`), and a launch line may
override the pick (`optimizer=sgd`). The values of the option files nobody picks are not
what a run uses: they stay listed, marked unused, with the reason. A launch line's dotted
override (`data.val_subset.indices.stop=1024`) names the config default it replaces at run
time (`overrides`: `configs/data/imagenet.yaml:96`) when the composed config defines it."""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from arakit.compiler.repo.params.model import CodeParam


def apply_composition(params: list[CodeParam]) -> None:
    """Mark the parameters of unpicked Hydra option files as unused, each launch-line
    override with the definition it replaces, and each value of an inheriting Python
    config (mmcv `_base_`) with the base definition it overrides (in place)."""
    _inherit(params)
    _hydra(params)


MAX_BASES = 8  # levels of `_base_` followed


def _inherit(params: list[CodeParam]) -> None:
    bases: dict[str, list[str]] = {}
    for p in params:
        if p.kind == "config-base":
            parent = posixpath.dirname(p.file)
            path = p.value.strip().strip("'\"")  # the string as written, quotes and all
            bases.setdefault(p.file, []).append(posixpath.normpath(posixpath.join(parent, path)))
    if not bases:
        return
    leaves = {(p.file, p.name): p for p in params if p.kind == "dict"}
    for p in params:
        if p.kind != "dict" or p.file not in bases:
            continue
        queue, seen = list(bases[p.file]), {p.file}
        for _ in range(MAX_BASES * 4):
            if not queue:
                break
            base = queue.pop(0)
            if base in seen:
                continue
            seen.add(base)
            hit = leaves.get((base, p.name))
            if hit is not None:
                p.overrides = hit.location
                break
            queue += bases.get(base, [])


def _hydra(params: list[CodeParam]) -> None:
    picks: dict[tuple[str, str], tuple[str, str]] = {}  # (config dir, group) -> (option, where)
    primaries: dict[str, set[str]] = {}  # config dir -> primary config files in it
    for p in params:
        if p.kind == "hydra-default":
            root = str(PurePosixPath(p.file).parent)
            picks.setdefault((root, p.name), (p.value.strip(), p.location))
            primaries.setdefault(root, set()).add(p.file)
    if not picks:
        return
    defaults = dict(picks)
    for p in params:  # `optimizer=sgd` on a launch line overrides the default pick
        if p.kind == "hydra-override" and "." not in p.name:
            for (root, group), _ in list(picks.items()):
                if group == p.name:
                    picks[(root, group)] = (p.value.strip(), p.location)
    yaml = {(p.file, p.name): p for p in params if p.kind == "yaml"}
    # the option a launch line picks for a group (`data=imagenet`), by (file, line, group)
    line_picks = {
        (p.file, p.line, p.name): p.value.strip()
        for p in params
        if p.kind == "hydra-override" and "." not in p.name
    }
    for p in params:
        if p.kind == "yaml":
            path = PurePosixPath(p.file)
            group, option = str(path.parent.name), path.stem
            root = str(path.parent.parent)
            picked = picks.get((root, group))
            if picked is not None and option != picked[0]:
                p.used = False
                p.help = f"not composed: {picked[1]} picks {group}/{picked[0]}"
        elif p.kind == "hydra-override":
            base = _overridden(p, line_picks, defaults, primaries, yaml)
            if base is not None:
                p.overrides = base.location


def _overridden(
    o: CodeParam,
    line_picks: dict[tuple[str, int, str], str],
    defaults: dict[tuple[str, str], tuple[str, str]],
    primaries: dict[str, set[str]],
    yaml: dict[tuple[str, str], CodeParam],
) -> CodeParam | None:
    """The config definition a launch-line override replaces: the key in the option file
    its group composes (the option this launch line picks, else the default pick), or the
    key of a primary config."""
    name = o.name.lstrip("+~")
    group, _, rest = name.partition(".")
    for (root, g), (option, _) in defaults.items():
        if g != group or not rest:
            continue
        chosen = line_picks.get((o.file, o.line, group), option)
        hit = yaml.get((f"{root}/{group}/{chosen}.yaml", rest)) or yaml.get(
            (f"{root}/{group}/{chosen}.yml", rest)
        )
        if hit is not None:
            return hit
    for files in primaries.values():
        for f in sorted(files):
            if (f, name) in yaml:
                return yaml[(f, name)]
    return None
