"""Which script ran which experiment: each group of paper settings (a paragraph, a
table) is matched to the unit of code whose definitions agree with most of its values.

A unit is a file, or a file together with what overrides it at run time: a launch script
passing flags to it, or a design-of-experiments plan (a dict of value lists whose keys
are the script's command-line options) that a runner feeds it. Ties go to fewer
conflicts, then to the path named for the paper's own method over one named for a
baseline (reconcile/method.py), then to a live script over one in a retired folder
(`archive/`, kept in scope because the paper links it), then to a canonical file name
over a variant (`fit_soft.py` before
`fit_soft_slower.py`, `train.py` before `train_old.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from arakit.compiler.reconcile.items import calls_item, for_item, item_words, per_item
from arakit.compiler.reconcile.match import STRONG, WEAK, distinctive, name_score, value_relation
from arakit.compiler.reconcile.stage import group_stage, unit_stage
from arakit.compiler.repo.launched import resolve
from arakit.compiler.repo.params.model import CLI_KINDS, CodeParam
from arakit.compiler.repo.paths import retire_dir
from arakit.compiler.settings.model import PaperSetting

_VARIANT = re.compile(
    r"(?:^|_|-)(?:old|bak|backup|tmp|temp|test|debug|slow|slower|fast|faster|mod|modified|copy|"
    r"v\d+|draft|unused|deprecated|orig|original|alt|new|wip|\d+)(?:[_\-.]|$)",
    re.IGNORECASE,
)


_COMMON = {
    "the",
    "and",
    "for",
    "with",
    "examples",
    "example",
    "experiments",
    "experiment",
    "results",
    "main",
    "src",
    "code",
    "scripts",
    "script",
    "model",
    "models",
    "data",
    "train",
    "training",
    "setup",
    "settings",
    "system",
    "method",
    "methods",
    "py",
    "sh",
    "yaml",
    "json",
    "config",
    "configs",
    "run",
    "runs",
    "test",
    "eval",
    "utils",
    "lib",
    "analysis",
    "study",
    "case",
}


@dataclass
class Unit:
    """A script with the values that replace its defaults when it runs."""

    main: str  # the script (or config) file
    params: list[CodeParam] = field(default_factory=list)
    overrides: list[CodeParam] = field(default_factory=list)  # launch flags, plan entries, logs
    launches: list[CodeParam] = field(default_factory=list)  # every line that runs the script

    def effective(self) -> list[CodeParam]:
        """Overrides first: they are what the run got."""
        return self.overrides + [p for p in self.params if p.kind != "launch"]

    def always_overrides(self, flag: CodeParam) -> bool:
        """True unless some launch of the script runs it without this flag (the default
        then runs too: the flag is an alternative, not the run)."""
        if flag.kind not in ("cli-flag", "hydra-override"):
            return True
        set_by = {self._launch_of(p) for p in self.overrides if p.bare == flag.bare}
        return all((ln.file, ln.line) in set_by for ln in self.launches)

    def _launch_of(self, flag: CodeParam) -> tuple[str, int]:
        """(file, line) of the launch a flag belongs to: the last launch of its file at or
        before its line (a command continued with backslashes spans several lines)."""
        lines = [ln.line for ln in self.launches if ln.file == flag.file and ln.line <= flag.line]
        return (flag.file, max(lines)) if lines else (flag.file, flag.line)


def runs(u: Unit) -> bool:
    """A unit a launch line runs, or a launcher itself (its values are passed to what it
    runs: a project file's vars, a job script's assignments)."""
    return bool(u.launches) or any(p.kind == "launch" for p in u.params)


def is_variant(path: str) -> bool:
    """`CTS_fit_soft_slower.py`, `train_old.py`, `model_v2.py`: a variant of another file."""
    return bool(_VARIANT.search(PurePosixPath(path).stem))


def _cli_names(params: list[CodeParam]) -> set[str]:
    return {p.bare for p in params if p.kind in CLI_KINDS}


def build_units(params: list[CodeParam]) -> list[Unit]:
    """One unit per file, with its launch-script flags, the plans that feed it and the logs
    beside it as overrides."""
    by_file: dict[str, list[CodeParam]] = {}
    for p in params:
        by_file.setdefault(p.file, []).append(p)
    units = {f: Unit(f, ps) for f, ps in by_file.items()}
    moved: set[int] = set()
    feeds: set[str] = set()
    scripts = {f: _cli_names(ps) for f, ps in by_file.items() if f.endswith(".py")}
    for f, ps in by_file.items():
        for p in ps:
            if p.kind not in ("cli-flag", "hydra-override", "launch"):
                continue
            target = _launched(p.context, f, scripts) or _config_run(p.context, f, units)
            if target and target in units:
                (units[target].launches if p.kind == "launch" else units[target].overrides).append(
                    p
                )
                if p.kind != "launch" and target != f:
                    moved.add(id(p))  # the run's value of that script, not the launcher's own
        plan = [p for p in ps if p.kind == "dict"]
        if len(plan) >= 3:
            keys = {p.bare for p in plan}
            fed = [
                s for s, cli in scripts.items() if s != f and len(keys & cli) >= 3 and related(f, s)
            ]
            for s in fed:
                units[s].overrides += [_as_plan(p) for p in plan if p.bare in scripts[s]]
            if fed:
                feeds.add(f)  # a plan is part of the script it feeds, not an experiment of its own
        logs = [p for p in ps if p.kind == "log"]
        for p in logs:
            for s in scripts:
                if related(f, s) and any(q.bare == p.bare for q in by_file[s]):
                    units[s].overrides.append(p)
    for u in units.values():
        u.params = [p for p in u.params if id(p) not in moved]
    return [u for f, u in units.items() if f not in feeds and (u.params or u.overrides)]


def _config_run(command_file: str, launcher: str, units: dict[str, Unit]) -> str | None:
    """The config file a launch line runs (`spacy train configs/transformer.cfg`, the
    launch given that file as its program by repo/launched.retarget)."""
    if "/" not in command_file or command_file.endswith(".py"):
        return None
    return resolve(command_file, launcher, set(units)) or None


def _as_plan(p: CodeParam) -> CodeParam:
    return CodeParam(p.name, p.value, p.file, p.line, "plan", p.help, p.context, p.used)


def _launched(command_script: str, launcher: str, scripts: dict[str, set[str]]) -> str | None:
    """The repository file a launch line runs (`python train.py` in scripts/run.sh)."""
    if not command_script.endswith(".py"):
        return None
    name = command_script.lstrip("./")
    base = PurePosixPath(launcher).parent
    for cand in (str(base / name), name, str(base.parent / name)):
        c = cand.removeprefix("./")
        if c in scripts:
            return c
    tail = PurePosixPath(name).name
    hits = [s for s in scripts if PurePosixPath(s).name == tail]
    return hits[0] if len(hits) == 1 else None


def related(a: str, b: str) -> bool:
    """Files in the same folder, or one in a sub-folder of the other's folder."""
    pa, pb = PurePosixPath(a).parent, PurePosixPath(b).parent
    return pa == pb or pb in pa.parents or pa in pb.parents


@dataclass
class Fit:
    """How well one unit explains one group of paper settings."""

    unit: Unit
    agree: float = 0.0
    conflicts: int = 0
    # units that fit as well but are named for a method the paper compares with
    baselines: list[str] = field(default_factory=list)


def context_words(text: str) -> set[str]:
    """Words and acronyms of a section title or caption: `Cascaded Tanks System (CTS)`
    gives cascaded, tanks, system, cts; `Wiener-Hammerstein circuit` gives wh too."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)]
    out = {w.lower() for w in words if len(w) >= 3 and w.lower() not in _COMMON}
    caps = [w for w in re.split(r"[\s\-–]+", text) if w[:1].isupper()]
    if len(caps) >= 2:
        out.add("".join(w[0] for w in caps).lower())
        out.add("".join(w[0] for w in caps[:-1]).lower())
    return out


def path_words(path: str) -> set[str]:
    """`examples/pick_place/main.py` gives examples, pick, place, main; `wh2009` gives wh."""
    toks = re.split(r"[/_\-.\s]+", path.lower())
    return {t for t in toks if t} | {re.sub(r"\d+$", "", t) for t in toks if re.sub(r"\d+$", "", t)}


def fit(group: list[PaperSetting], unit: Unit) -> Fit:
    """Agreement (a name-compatible definition with the same value, weighted by how sure
    the name is; a distinctive value alone counts a little), strong-name conflicts, a
    half point when the section's title names the unit's path (`Pick-and-place machine`
    and `examples/pick_place/`), and a half point when a paragraph that gives a setting
    per method (`FastPCA (4 cores), pcaone (1 core)`) names two or more methods the unit
    calls (the comparison's script, not one method's own definition)."""
    f = Fit(unit)
    f.agree += _title_bonus(group, unit)
    every = unit.effective()
    itemised = per_item(group)
    called = {frozenset(item_words(s)) for s in group if s.key in itemised and calls_item(s, every)}
    if len(called) >= 2:
        f.agree += 0.5  # a paragraph comparing methods: the script that runs them
    for s in group:
        best, conflict, by_value = 0.0, False, False
        eff = for_item(s, every, s.key in itemised)
        for p in eff:
            score = name_score(s, p)
            printed = _printed_callee(p, s.where.sentence)
            if score < WEAK and not distinctive(s) and not printed:
                continue
            rel = value_relation(s, p)
            if rel == "same" and score >= WEAK:
                best = max(best, score)
            elif rel == "same" and printed:
                best = max(best, 0.5)  # `bench::mark() over 10 repetitions`, its argument 10
            elif rel == "same":
                by_value = True
            elif rel == "different" and score >= STRONG and p.used:
                conflict = True
        if best == 0.0 and by_value and not conflict:
            best = 0.3  # the value alone, where no definition of the same name disagrees
        if best == 0.0 and calls_item(s, every):
            best = 0.3  # the paragraph's method (`irlba (1 core)`) is what the script calls
        f.agree += best
        f.conflicts += int(conflict and best < WEAK)
    return f


def _printed_callee(p: CodeParam, sentence: str) -> bool:
    """True for an argument of a call whose function the sentence prints with its
    namespace or parentheses (`bench::mark()`, `torch.optim.SGD(`)."""
    if p.kind != "call" or not p.context or ("::" not in p.context and "." not in p.context):
        return False
    return re.search(rf"(?<![\w.:]){re.escape(p.context)}\b", sentence) is not None


def _title_bonus(group: list[PaperSetting], unit: Unit) -> float:
    """Half a point when the section's title or the paragraph's own words name the unit's
    file or folder (`Pick-and-place machine` and `pick_place/`, `three arms` and
    `run_arm.sh`)."""
    titles = {s.extra.get("context", "") for s in group} - {""}
    text = " ".join(titles | {s.where.sentence for s in group if s.source != "table"})
    named = path_words(unit.main) - _COMMON
    found = context_words(text)
    words = found | {w[:-1] for w in found if w.endswith("s")}
    return 0.5 if text and words & named else 0.0


def _same_stage(stage: str, unit: Unit) -> bool:
    """False for a unit of another stage than the paragraph's (reconcile/stage.py)."""
    own = unit_stage(unit.main, unit.launches)
    return not (stage and own and own != stage)


def preference(path: str, prefer: dict[str, int] | None) -> int:
    """How strongly the paper presents the system a path is named for as its own (above 0)
    or as a baseline (below 0): `RQ3/CodeLlama/train.py` against `RQ3/Llama2/train.py`."""
    if not prefer:
        return 0
    return sum(prefer.get(w, 0) for w in path_words(path) - _COMMON)


def align(
    group: list[PaperSetting], units: list[Unit], prefer: dict[str, int] | None = None
) -> Fit | None:
    """The unit that best explains a group, or None when nothing agrees with it.

    When no unit agrees with any value but exactly one unit names at least two of the
    group's settings (a launch script whose every default differs from the paper), that
    unit is the experiment's code: its disagreements are what the paper got wrong or the
    code changed."""
    stage = group_stage(group)
    fits = [fit(group, u) for u in units if _same_stage(stage, u)]
    agreeing = [f for f in fits if f.agree >= 1.0 and f.agree - _title_bonus(group, f.unit) >= 0.85]
    if agreeing:
        # what runs first: a unit a launch line runs (a launcher's command, a project's
        # workflow step) is the experiment over one no launcher names that agrees as well
        # or one value better (a coincidental agreement elsewhere does not outvote the run)
        top = max(f.agree for f in agreeing)
        ran = [f for f in agreeing if runs(f.unit) and f.agree >= top - 1.0]
        agreeing = ran or agreeing
        agreeing.sort(
            key=lambda f: (
                -f.agree,
                f.conflicts,
                -preference(f.unit.main, prefer),
                retire_dir(f.unit.main, False) is not None,
                is_variant(f.unit.main),
                len(f.unit.main),
                f.unit.main,
            )
        )
        best = agreeing[0]
        mine = preference(best.unit.main, prefer)
        best.baselines = [
            f.unit.main
            for f in agreeing[1:]
            if (f.agree, f.conflicts) == (best.agree, best.conflicts)
            and preference(f.unit.main, prefer) < min(mine, 1)
        ]
        return best
    need = max(2, (len(group) + 1) // 2)
    covering = [f for f in fits if f.conflicts >= need]
    return covering[0] if len(covering) == 1 else None
