"""Which files of a config tree the project loads.

A research repository often carries a framework's whole config tree (mmdetection's or
mmsegmentation's hundreds of stock detector configs, a template's examples) of which its
runs load a few: `Config.fromfile('configs/faster_rcnn/faster_rcnn_r50_fpn_1x_coco.py')`
and the `_base_` files that one names. The others hold values no run of this project
used, and agreeing with one of them by chance (a stock 3x schedule, momentum 0.9) is no
evidence that it is the paper's code.

A config tree is a folder named `configs`, `config`, `cfg(s)` or `conf` holding at least
MIN_TREE config files (a project's handful of configs are its own experiments, whatever
names them). In such a tree a config is loaded when a file outside the tree (a program, a
launch script, a notebook, a README) names it — by its path, its file name, or as a Hydra
group choice (`data=imagenet`, `- data: imagenet`) — or a loaded config of the tree names
it in turn (`_base_`, `defaults`). When nothing outside names any config of the tree by
a fixed name, or names the tree with a path built at run time (`configs/${EXP}.yaml`,
`configs/*.yaml`), what is loaded cannot be told and every config of the tree counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from arakit.compiler.repo.params import is_config

MIN_TREE = 20
MAX_READ = 400  # files read outside the trees
MAX_BYTES = 256 * 1024  # of each file read
_TREE = re.compile(r"^(?:configs?|cfgs?|conf)$", re.I)
_RUNNERS = (".py", ".sh", ".bash", ".ipynb", ".md", ".rst", ".txt", ".yml", ".yaml", ".cfg",
            ".toml", ".slurm", ".pbs", ".job", "makefile", ".smk", "snakefile")  # fmt: skip


def _tree_of(rel: str) -> str:
    """The outermost config-tree folder holding `rel`, or ""."""
    parts = rel.split("/")[:-1]
    for i, part in enumerate(parts):
        if _TREE.match(part):
            return "/".join(parts[: i + 1])
    return ""


def _is_tree_config(rel: str) -> bool:
    # Python configs (mmcv, detectron2 lazy configs) are loaded by path like YAML ones
    return is_config(rel) or rel.endswith(".py")


# a path token starts after no path character (a `/` inside a path starts none): one try
# per token, bounded, so a hostile run of `a/a/a/...` stays linear
_PATH = re.compile(
    r"(?<![\w./-])/?((?:\.{1,2}/){0,8}[\w.-]{1,200}(?:/[\w.-]{1,200}){0,24}\.[A-Za-z]{1,5})(?![\w-])"
)
_CHOICE = re.compile(r"(?<![\w.-])([A-Za-z_][\w-]{0,100})\s*[=:]\s*['\"]?([\w-]{1,100})(?![\w.-])")

_CHOICES = re.compile(r"(?<![\w.-])([A-Za-z_][\w-]{0,100})\s*[=:]\s*\[([\w\s,'\"-]{0,400})\]")
_MAIN = re.compile(r"(?:config_name\s*=\s*|--config-name[=\s]+|-cn\s+)['\"]?([\w/-]{1,200})")


class _Mentions:
    """The file paths and Hydra group choices some texts name, for set look-ups."""

    def __init__(self) -> None:
        self.paths: set[str] = set()
        self.choices: set[tuple[str, str]] = set()

    def add(self, text: str) -> None:
        for m in _PATH.finditer(text):
            parts = [p for p in m.group(1).split("/") if p not in (".", "..")]
            for i in range(len(parts)):  # every tail: `configs/a/b.py`, `a/b.py`, `b.py`
                self.paths.add("/".join(parts[i:]))
        self.choices.update((g, s) for g, s in _CHOICE.findall(text))
        for g, items in _CHOICES.findall(text):  # `metric=[imagenet,bpp]`, `- handler: [a]`
            self.choices.update((g, s) for s in re.findall(r"[\w-]+", items))
        for name in _MAIN.findall(text):  # Hydra's primary config: `config_name="eval"`
            self.paths.update(f"{name}{suffix}" for suffix in (".yaml", ".yml"))

    def name(self, rel: str, tree: str) -> bool:
        """True when `rel` (a file of `tree`) is named: by its path below the tree's
        parent or below the tree, by its file name, or as a group choice."""
        inner = rel[len(tree) + 1 :]
        top = PurePosixPath(tree).name
        p = PurePosixPath(rel)
        return (
            bool({f"{top}/{inner}", inner, p.name} & self.paths)
            or (p.parent.name, p.stem) in self.choices
        )


def _templated(tree: str, text: str) -> bool:
    """True when `text` names a file of `tree` by a path built at run time."""
    top = re.escape(PurePosixPath(tree).name)
    built = rf"(?<![\w.-]){top}/[\w/.-]{{0,200}}(?:\$|\*|\{{|%|['\"]\s*\+|['\"],)"
    return re.search(built, text) is not None


def unloaded(files: list[str], read: Callable[[str], str | None]) -> dict[str, str]:
    """{config file: its tree} for the configs of large config trees that nothing the
    project runs loads (see the module doc)."""
    trees: dict[str, list[str]] = {}
    for f in files:
        t = _tree_of(f)
        if t and _is_tree_config(f):
            trees.setdefault(t, []).append(f)
    trees = {t: fs for t, fs in trees.items() if len(fs) >= MIN_TREE}
    if not trees:
        return {}
    outside = [
        f
        for f in files
        if not any(f.startswith(t + "/") for t in trees) and f.lower().endswith(_RUNNERS)
    ][:MAX_READ]
    texts = [text[:MAX_BYTES] for f in outside if (text := read(f))]
    said = _Mentions()
    for text in texts:
        said.add(text)
    out: dict[str, str] = {}
    for tree, configs in trees.items():
        if any(_templated(tree, text) for text in texts):
            continue
        loaded = {c for c in configs if said.name(c, tree)}
        todo = list(loaded)
        while todo:  # configs the loaded ones name in turn (`_base_`, `defaults`)
            inner = _Mentions()
            inner.add((read(todo.pop()) or "")[:MAX_BYTES])
            for c in configs:
                if c not in loaded and inner.name(c, tree):
                    loaded.add(c)
                    todo.append(c)
        if loaded:
            out.update({c: tree for c in configs if c not in loaded})
    return out
