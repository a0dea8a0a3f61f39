"""Which programs of a repository its launch files run: a shell or job script's
`python src/train.py ...`, a Snakemake rule's `script:`, a ROS launch file's
`<node pkg="P" .../>` (the package whose package.xml names P, or the folder named P).

Scoping uses it to count a launch file as an entry point: a script run by a launcher at
the repository root is the root's experiment, with the launcher's values."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from pathlib import PurePosixPath

from arakit.compiler.repo.params.model import CodeParam

_PKG_NAME = re.compile(r"<name>\s*([\w\-]+)\s*</name>")


def resolve(script: str, launcher: str, files: set[str]) -> str:
    """The repository file `script` names, as run from `launcher` (its folder, the root,
    or a unique file of that name); "" when none."""
    name = script.strip("'\"").removeprefix("./")
    if not name or "$" in name:
        return ""
    base = PurePosixPath(launcher).parent
    for cand in (base / name, PurePosixPath(name), base.parent / name):
        c = str(cand).removeprefix("./")
        if c in files:
            return c
    tail = PurePosixPath(name).name
    hits = [f for f in files if PurePosixPath(f).name == tail]
    return hits[0] if len(hits) == 1 else ""


def package_folders(
    files: list[str], read: Callable[[str], str | None] | None = None
) -> dict[str, str]:
    """ROS package name -> its folder ("" for the root), from each package.xml (its
    <name>, read when `read` is given, else the folder's name)."""
    out: dict[str, str] = {}
    for f in files:
        if PurePosixPath(f).name != "package.xml":
            continue
        folder = str(PurePosixPath(f).parent)
        folder = "" if folder == "." else folder
        text = read(f) if read is not None else None
        m = _PKG_NAME.search(text or "")
        out[m.group(1) if m else PurePosixPath(folder).name] = folder
    return out


def launched(
    params: list[CodeParam], files: list[str], read: Callable[[str], str | None] | None = None
) -> list[tuple[str, str]]:
    """(launch file, what it runs: a file, or a package's folder) for every launch line."""
    have = set(files)
    packages: dict[str, str] | None = None
    out: list[tuple[str, str]] = []
    for p in params:
        if p.kind != "launch":
            continue
        if p.context.startswith("pkg:"):
            if packages is None:
                packages = package_folders(files, read)
            folder = packages.get(p.context[4:])
            if folder is not None:
                out.append((p.file, folder))
            continue
        target = resolve(p.context, p.file, have)
        if target:
            out.append((p.file, target))
    return out


# a project file that names its commands and chains them into workflows (spaCy/weasel
# `project.yml`: `vars:`, `commands: - name, script: [...]`, `workflows:`)
PROJECT_FILES = ("project.yml", "project.yaml")
_VARS_RE = re.compile(r"\$\{vars\.([\w.]+)\}")
_MODULE_RE = re.compile(r"(?<![\w/.-])(python[\d.]*\s+)-m\s+([A-Za-z_][\w.]*)")
_RUN_COMMAND_RE = re.compile(r"\b(?:weasel|spacy\s+project)\s+run\s+([\w\-]+)")
MAX_COMMANDS = 200
MAX_PROJECT_BYTES = 1024 * 1024


def _module_path(module: str, files: set[str]) -> str:
    """`scripts.pretrain_model` -> `scripts/pretrain_model.py` when that file exists."""
    path = module.replace(".", "/")
    for cand in (f"{path}.py", f"{path}/__main__.py"):
        if cand in files:
            return cand
    return ""


def as_script_paths(command: str, files: set[str]) -> str:
    """A command with `python -m pkg.mod` written as the file it runs (`python
    pkg/mod.py`), so a launch line names the repository file either way."""

    def repl(m: re.Match[str]) -> str:
        path = _module_path(m.group(2), files)
        return f"{m.group(1)}{path}" if path else m.group(0)

    return _MODULE_RE.sub(repl, command)


def run_by_name(texts: list[str]) -> set[str]:
    """Names of project commands that launch files run (`weasel run finetune-trf-model`)."""
    return {m.group(1) for t in texts for m in _RUN_COMMAND_RE.finditer(t)}


def project_commands(
    text: str,
    rel: str,
    files: set[str],
    invoked: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[int, str, str]]:
    """(line, command with `${vars.X}` filled in, command name) for every script line of
    a project file's commands that the project runs: a command of one of its workflows, or
    one a launch file runs by name (`weasel run NAME`); every command when the file chains
    none into workflows. A command defined but never chained nor called is an alternative
    the project offers, not what ran. [] for anything that is not such a project file."""
    if (
        PurePosixPath(rel).name not in PROJECT_FILES
        or "commands:" not in text
        or len(text) > MAX_PROJECT_BYTES
    ):
        return []
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        doc = YAML(typ="rt", pure=True).load(text)
    except (YAMLError, ValueError):
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("commands"), list):
        return []
    variables = _flat_vars(doc.get("vars"))
    flows = doc.get("workflows")
    chained = (
        {str(c) for steps in flows.values() if isinstance(steps, list) for c in steps}
        if isinstance(flows, dict)
        else set()
    )
    out: list[tuple[int, str, str]] = []
    for cmd in doc["commands"][:MAX_COMMANDS]:
        if not isinstance(cmd, dict) or not isinstance(cmd.get("script"), list):
            continue
        name = str(cmd.get("name", ""))
        if chained and name not in chained and name not in invoked:
            continue
        script = cmd["script"]
        for i, line in enumerate(script):
            if not isinstance(line, str):
                continue
            filled = _VARS_RE.sub(lambda m: variables.get(m.group(1), m.group(0)), line)
            filled = " ".join(filled.split())
            at = _line_of(script, i, cmd)
            out.append((at, as_script_paths(filled, files), name))
    return out


def _line_of(items: Any, i: int, owner: Any) -> int:
    """The 1-based line of the i-th item of a list ruamel read (its owner's line when
    the loader kept no positions)."""
    lc = getattr(items, "lc", None)
    if lc is not None:
        return int(lc.item(i)[0]) + 1
    own = getattr(owner, "lc", None)
    return int(own.line) + 1 if own is not None else 0


def _flat_vars(node: object, prefix: str = "") -> dict[str, str]:
    if not isinstance(node, dict):
        return {}
    out: dict[str, str] = {}
    for k, v in node.items():
        if isinstance(v, dict):
            out.update(_flat_vars(v, f"{prefix}{k}."))
        elif isinstance(v, str | int | float | bool):
            out[f"{prefix}{k}"] = str(v)
    return out


def project_params(text: str, rel: str, files: set[str], invoked: set[str]) -> list[CodeParam]:
    """The launches and flags of the commands a project file runs (project_commands), each
    at its line of the project file, the launch's help naming the command (`project
    command pretrain-model`): the step of the pipeline that runs the program."""
    from arakit.compiler.repo.params.shell import shell_params

    out: list[CodeParam] = []
    for line, command, name in project_commands(text, rel, files, invoked):
        for p in shell_params(command, rel):
            p.line = line
            if p.kind == "launch":
                p.help = f"project command {name}"
            out.append(p)
    return out


def retarget(params: list[CodeParam], files: list[str]) -> None:
    """A launch whose program is not a repository file (`spacy train configs/x.cfg`,
    `python -m spacy train ...`) runs the repository file it names as an argument: the
    launch and its flags are given that file as what they run."""
    have = set(files)
    moved: dict[tuple[str, int], tuple[str, str]] = {}
    for p in params:
        if p.kind != "launch" or resolve(p.context, p.file, have):
            continue
        module = _MODULE_RE.search(p.value)
        first = _module_path(module.group(2), have) if module else ""
        for tok in [first, *p.value.split()[1:]]:
            target = resolve(tok, p.file, have) if "/" in tok else ""
            if target:
                moved[(p.file, p.line)] = (p.context, target)
                p.context = target
                break
    _move_flags(params, moved)


MAX_HOPS = 4  # wrappers of wrappers followed


def forward(params: list[CodeParam], files: list[str]) -> None:
    from arakit.compiler.repo.params.shell import PASSES_ON

    """A launch of a repository shell script that passes its arguments on to one program
    (`bin/train.sh --max-epochs 360`, where bin/train.sh runs `python -m pkg train $@`)
    runs that program with those flags: the launch and its flags are given the program as
    what they run, through wrappers of wrappers (a job file running a launcher that runs
    the wrapper). A wrapper whose forwarding lines run different programs is not followed."""
    have = set(files)
    programs: dict[str, set[str]] = {}
    for p in params:
        if p.kind == "launch" and p.help == PASSES_ON and is_shell(p.file):
            programs.setdefault(p.file, set()).add(resolve(p.context, p.file, have) or p.context)
    passes = {w: next(iter(ps)) for w, ps in programs.items() if len(ps) == 1}
    if not passes:
        return
    moved: dict[tuple[str, int], tuple[str, str]] = {}
    for p in params:
        if p.kind != "launch" or not is_shell(p.context):
            continue
        target, hops = resolve(p.context, p.file, have), 0
        while target in passes and hops < MAX_HOPS:
            target, hops = passes[target], hops + 1
        if hops:
            moved[(p.file, p.line)] = (p.context, target)
            p.context = target
    _move_flags(params, moved)


def is_shell(path: str) -> bool:
    return path.endswith((".sh", ".bash"))


def _move_flags(params: list[CodeParam], moved: dict[tuple[str, int], tuple[str, str]]) -> None:
    """The flags of each moved launch ((file, line) -> (old program, new)) follow it."""
    if not moved:
        return
    starts: dict[str, list[int]] = {}
    for f, line in moved:
        starts.setdefault(f, []).append(line)
    launches: dict[str, list[int]] = {}
    for p in params:
        if p.kind == "launch":
            launches.setdefault(p.file, []).append(p.line)
    for p in params:
        if p.kind not in ("cli-flag", "hydra-override") or p.file not in starts:
            continue
        before = [ln for ln in launches.get(p.file, []) if ln <= p.line]
        key = (p.file, max(before)) if before else None
        if key in moved and moved[key][0] == p.context:
            p.context = moved[key][1]
