"""Parameters in launch scripts (shell, Slurm/PBS job files, Makefile recipes):

- assignments `LR=1e-3`, `export K=8`, and a Makefile's variables that hold numbers,
  `N_ITER = 500`, `SEED ?= 1`, `LR := 1e-3` (kind `shell`);
- defaults `${K:-8}`, `${LR:=1e-3}` (kind `shell-default`, named by the variable);
- flags passed to the program a script launches, `python train.py --lr 1e-4 --k=4`,
  `python -m pkg.train --lr 1e-4`, `Rscript fit.R --n-iter 500`, `julia run.jl --n 100`
  (kind `cli-flag`, the script as context): the values a run actually gets;
- Hydra overrides on the same command line, `optimizer.lr=1e-3 +trainer.epochs=10`
  (kind `hydra-override`).

A flag whose value is `$VAR` or `${VAR:-x}` keeps the text as written; the help says what
the script's own assignment or default makes of it."""

from __future__ import annotations

import re
import shlex

from arakit.compiler.repo.params.model import CodeParam

MAX_PARAMS = 1000
SHELL_SUFFIXES = (".sh", ".bash", ".zsh", ".slurm", ".pbs", ".sbatch", ".job", ".qsub", ".lsf")
_ASSIGN_RE = re.compile(
    r"^\s*(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?|readonly\s+)?([A-Za-z_]\w*)=(\S.*?)?\s*(?:\s#.*)?$"
)
# `for STDEV in 0 10 1000; do`, `for i in {1..3}`: the values a launch script sweeps
_FOR_RE = re.compile(r"^\s*for\s+([A-Za-z_]\w*)\s+in\s+(.+?)\s*(?:;\s*do\b.*|\bdo\s*)?$")
_SWEEP_TOKEN = re.compile(
    r"^(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?|\{-?\d+\.\.-?\d+(?:\.\.\d+)?\}|[A-Za-z][\w.\-]*)$"
)
# a Makefile's variable: `N_ITER = 500`, `SEED ?= 1`, `LR := 1e-3`, `override K = 4` (a
# recipe line starts with a tab and is a command, read as one)
_MAKE_ASSIGN_RE = re.compile(
    r"^(?:override\s+|export\s+)?([A-Za-z_]\w*)\s*(?:\?|::?|\+|!)?=\s*(\S.*?)?\s*(?:#.*)?$"
)
# a Makefile variable is a setting when it holds numbers (`N_ITER = 500`, `SEEDS = 1 2 3`)
_MAKE_NUMBERS = re.compile(
    r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?:\s+[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)*"
)
_MAKEFILES = ("Makefile", "makefile", "GNUmakefile")
_DEFAULT_RE = re.compile(r"\$\{([A-Za-z_]\w*):?[-=]([^}]*)\}")
_LAUNCH_RE = re.compile(
    r"(?:^|[\s;&|(])(?:python[\d.]*|torchrun|accelerate\s+launch|deepspeed|srun|mpirun|uv\s+run|"
    r"poetry\s+run|pipenv\s+run|\S+\.py\b|Rscript|julia|\S+\.(?:R|jl)(?=\s|$))"
)
# the program a launch line runs: a Python, R or Julia file
_PROGRAM_RE = re.compile(r"\.(?:py|R|r|jl)$")
# a line whose command is a shell script of the repository (`bin/train.sh --epochs 360`,
# `bash ./run.sh`): a wrapper that may pass the flags on to the program it runs
_WRAPPER_RE = re.compile(
    r"^\s*(?:[A-Za-z_]\w*=\S*\s+)*(?:(?:bash|sh|zsh)\s+)?((?:\.{1,2}/)?[\w.\-/]+\.(?:sh|bash))(?=\s|$)"
)
# a command that passes on the arguments its script was given: `python -m pkg "$@"`, `$*`
FORWARDS_RE = re.compile(r"\$(?:@|\*|\{[@*]\})")
PASSES_ON = "passes on the arguments its script is given"
# a variable passed as a flag anywhere in the script, even inside a sed expression
_PASSED_RE = re.compile(r"--([A-Za-z][\w\-]*)[ =]\$[{(]?([A-Za-z_]\w*)")
_VAR_RE = re.compile(r"^\$\{?([A-Za-z_]\w*)")
_OVERRIDE_RE = re.compile(r"^\+{0,2}([A-Za-z_][\w\-]*(?:\.[\w\-]+)*)=(.+)$")


def is_launch_script(rel: str) -> bool:
    """Shell scripts, job files and Makefiles."""
    name = rel.rsplit("/", 1)[-1]
    return name.lower().endswith(SHELL_SUFFIXES) or _is_makefile(name)


def _is_makefile(rel: str) -> bool:
    return rel.rsplit("/", 1)[-1] in _MAKEFILES


def _logical_lines(text: str) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """Lines with backslash continuations joined, each with its first line number and the
    physical lines it was joined from (a flag keeps the line it is written on)."""
    out: list[tuple[int, str, list[tuple[int, str]]]] = []
    buf, start = "", 0
    parts: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not buf:
            start, parts = n, []
        parts.append((n, line))
        if line.rstrip().endswith("\\"):
            buf += line.rstrip()[:-1] + " "
            continue
        out.append((start, buf + line, parts))
        buf = ""
    if buf:
        out.append((start, buf, parts))
    return out


def shell_params(text: str, rel: str) -> list[CodeParam]:
    """Assignments, `${VAR:-default}` defaults and launched programs' flags of one script."""
    out: list[CodeParam] = []
    known: dict[str, str] = {}
    make = _is_makefile(rel)
    for n, line, parts in _logical_lines(text):
        if len(out) >= MAX_PARAMS:
            break
        body = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        if not body.strip():
            continue
        for m in _DEFAULT_RE.finditer(body):
            out.append(CodeParam(m.group(1), m.group(2).strip("'\""), rel, n, "shell-default"))
            known.setdefault(m.group(1), m.group(2).strip("'\""))
        loop = _FOR_RE.match(body)
        if loop and (sweep := _sweep(loop.group(2))):
            out.append(CodeParam(loop.group(1), sweep, rel, n, "sweep", "values a loop runs"))
            known.setdefault(loop.group(1), sweep)
            continue
        a = _ASSIGN_RE.match(body)
        if a is None and make and not line.startswith("\t"):
            # `N_ITER = 500`, `SEED ?= 1`: Make's own assignments, kept when they hold numbers
            # (a path, a tool, compiler flags or a file list says how it builds)
            made = _MAKE_ASSIGN_RE.match(body)
            if made and _MAKE_NUMBERS.fullmatch(made.group(2) or ""):
                a = made
        if a and a.group(2) is not None and not _LAUNCH_RE.search(a.group(2)):
            value = a.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            if not _DEFAULT_RE.fullmatch(value):
                out.append(CodeParam(a.group(1), value, rel, n, "shell"))
            known[a.group(1)] = _DEFAULT_RE.sub(lambda d: d.group(2), value)
            continue
        launch = _LAUNCH_RE.search(body)
        wrapper = None if launch else _WRAPPER_RE.match(body)
        start = launch.start() if launch else wrapper.start(1) if wrapper else -1
        if start >= 0:
            found = _flags(body[start:], rel, n, known)
            _place(found, parts)
            out += found
    passed = {m.group(2): m.group(1) for m in _PASSED_RE.finditer(text)}
    for p in out:
        if p.kind in ("shell", "shell-default", "sweep") and p.name in passed:
            # `--n-samples-per-prompt ${N_SAMPLES}`: what it means
            p.help = (
                f"--{passed[p.name]}"
                if p.kind != "sweep" or not p.help
                else f"{p.help}, passed as --{passed[p.name]}"
            )
    return out


def _sweep(values: str) -> str:
    """The loop's values when they are literals (numbers, percentages, `{1..3}`, words),
    two or more of them or a range; "" for a loop over files, globs or a command's output."""
    tokens = values.split()
    if not tokens or any(not _SWEEP_TOKEN.match(t) for t in tokens):
        return ""
    if len(tokens) == 1 and not tokens[0].startswith("{"):
        return ""
    if not any(re.match(r"^[-+.\d{]", t) for t in tokens):
        return ""  # `for m in resnet vit`: names, kept only beside numbers
    return values.strip()


def _place(found: list[CodeParam], parts: list[tuple[int, str]]) -> None:
    """Each flag of a command continued over several lines gets the line it is written on."""
    if len(parts) < 2:
        return
    k = 0
    for p in found:
        if p.kind == "launch":
            continue
        at = next((j for j in range(k, len(parts)) if p.name in parts[j][1]), None)
        if at is not None:
            p.line, k = parts[at][0], at


def _flags(command: str, rel: str, line: int, known: dict[str, str]) -> list[CodeParam]:
    try:
        tokens = shlex.split(command, comments=False, posix=True)
    except ValueError:
        tokens = command.split()
    script = next((t for t in tokens if _PROGRAM_RE.search(t)), "") or _module(tokens)
    script = script or (tokens[0] if tokens else "")
    # the launch itself, flags or not: a run of the script with its defaults counts too
    # (the launch keeps 200 characters of its command; whether it passes on the script's
    # own arguments, `"$@"`, is read from the whole of it)
    passes = PASSES_ON if FORWARDS_RE.search(command) else ""
    out = [CodeParam("", command.strip()[:200], rel, line, "launch", passes, script)]
    # `key=value` tokens count as Hydra overrides only after the program (before it they are
    # environment assignments such as CUDA_VISIBLE_DEVICES=0)
    start = tokens.index(script) + 1 if script in tokens else len(tokens)
    # `julia --project=. run.jl --n 100`: the interpreter's options come before an R or
    # Julia program, its own flags after it
    i = start if script in tokens and not script.endswith(".py") else 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.startswith("--") and len(tok) > 2:
            if "=" in tok:
                name, value = tok.split("=", 1)
            elif i + 1 < len(tokens) and not tokens[i + 1].startswith("-"):
                name, value = tok, tokens[i + 1]
                i += 1
            else:
                name, value = tok, "true"  # a switch
            out.append(
                CodeParam(name, value, rel, line, "cli-flag", _resolved(value, known), script)
            )
        elif i >= start and (m := _OVERRIDE_RE.match(tok)) is not None:
            out.append(
                CodeParam(
                    m.group(1),
                    m.group(2),
                    rel,
                    line,
                    "hydra-override",
                    _resolved(m.group(2), known),
                    script,
                )
            )
        i += 1
    return out


def _module(tokens: list[str]) -> str:
    """The file `python -m pkg.train` runs (`pkg/train.py`), or ""."""
    for i, tok in enumerate(tokens[:-1]):
        if tok == "-m" and re.fullmatch(r"[A-Za-z_][\w.]*", tokens[i + 1]):
            return tokens[i + 1].replace(".", "/") + ".py"
    return ""


def _resolved(value: str, known: dict[str, str]) -> str:
    m = _VAR_RE.match(value)
    if not m:
        return ""
    d = _DEFAULT_RE.match(value)
    got = known.get(m.group(1), d.group(2) if d else None)
    return f"${m.group(1)} = {got}" if got is not None else ""
