"""src/: configs (one section per parameter, exact values with file:line), environment.md,
reconciliation.md, and the core modules copied into src/execution/."""

from __future__ import annotations

from collections import Counter

from arakit.codec.markdown import table_text
from arakit.compiler.atoms import Atoms
from arakit.compiler.ground import Grounding
from arakit.compiler.mapping.context import NOT_SPECIFIED
from arakit.compiler.reconcile import VERDICTS, Verdict
from arakit.compiler.scope import Scope
from arakit.model import ConfigFile, ConfigParam, MarkdownDoc, Table

MODEL_KEYS = {"hidden_size", "num_layers", "num_heads", "depth", "width", "dropout", "gate_init"}
# settings only a model being trained has: their presence names the file training.md
TRAINING_KEYS = {
    "learning_rate",
    "epochs",
    "weight_decay",
    "warmup_steps",
    "warmup_epochs",
    "gradient_clipping",
    "label_smoothing",
    "beta1",
    "beta2",
    "momentum",
}
UNSET = {"none", "null", "nil", "nothing", "na", ""}  # a default that sets nothing


def config_files(verdicts: list[Verdict], g: Grounding | None, paper: str) -> list[ConfigFile]:
    """The configuration files from the reconciled parameters, named for what the work has
    (as the upstream format asks): training.md when a model is trained (a learning rate,
    epochs, an optimiser's settings), experiment.md otherwise; model.md for the model's
    shape. A code default that sets nothing (`None`) is not a configured value: it stays in
    src/reconciliation.md only."""
    history = {ch.key: ch for ch in (g.history.changes if g and g.history else [])}
    training: list[ConfigParam] = []
    model: list[ConfigParam] = []
    kept = [  # a value tried and dropped is not configured
        v
        for v in verdicts
        if not v.negative
        and not (v.verdict == "code-only" and v.code_value.strip("\"'` ").lower() in UNSET)
    ]
    repeated = Counter(v.key for v in kept)
    seen: set[str] = set()
    for v in kept:
        code_kind = ""
        if g is not None and v.code_where:
            cp = next((p for p in g.params if p.location == v.code_where), None)
            code_kind = cp.kind if cp else ""
        value = v.code_value or v.paper_value
        src = []
        if v.code_where:
            src.append(f"{v.code_where} ({code_kind} `{v.code_name}`)")
        if v.paper_where:
            src.append(f"{paper} {v.paper_where}")
        rationale = v.paper_sentence or NOT_SPECIFIED
        if v.verdict == "mismatch":
            rationale = f"MISMATCH: the paper states {v.paper_value}, the code sets {v.code_value}. {rationale}"
        elif v.verdict == "ambiguous":
            rationale = f"AMBIGUOUS: {v.note}. {rationale}"
        ch = history.get(v.key)
        search = (
            "earlier values in git history: "
            + ", ".join(f"{val} ({sha[:7]})" for val, sha, _ in ch.values[:-1])
            if ch
            else NOT_SPECIFIED
        )
        name = v.key
        if repeated[v.key] > 1:  # one setting per experiment: say which one this is
            name = f"{v.key} ({v.code_where.split(':')[0].rsplit('/', 1)[-1] or v.paper_where})"
        if name in seen:
            continue
        seen.add(name)
        param = ConfigParam(
            name=name,
            value=value,
            rationale=rationale,
            search_range=search,
            sensitivity=NOT_SPECIFIED,
            source="; ".join(src),
        )
        (model if v.key in MODEL_KEYS or "model" in v.code_name.lower() else training).append(param)
    trains = any(v.key in TRAINING_KEYS for v in kept)
    out = [
        ConfigFile(
            path="src/configs/training.md" if trains else "src/configs/experiment.md",
            title="Training configuration" if trains else "Experiment configuration",
            preamble="Each value is copied exactly from the definition in the code that ran the "
            "paper's experiment (or from the paper when the code is silent); see "
            "src/reconciliation.md for where they disagree.",
            params=training,
        )
    ]
    if model:
        out.append(
            ConfigFile(path="src/configs/model.md", title="Model configuration", params=model)
        )
    return out


def _bullets(items: list[tuple[str, str]]) -> str:
    return "\n".join(f"- {a} ({b})" for a, b in items) if items else f"- {NOT_SPECIFIED}"


def environment_doc(g: Grounding | None, atoms: Atoms | None, hardware: str) -> MarkdownDoc:
    """environment.md: Python (and R or Julia where the code is in them), dependencies,
    container, hardware and seeds, each with its source."""
    env = g.environment if g else None
    seeds = []
    if g is not None:
        consts = {p.name: p for p in g.params if p.kind == "constant"}
        for s in env.seeds if env else []:
            c = consts.get(s.value)
            text = f"`{s.name}({s.value})`" + (
                f" with {s.value} = {c.value} ({c.location})" if c else ""
            )
            seeds.append((text, s.location))
    parts = [
        "## Python",
        _bullets(env.python if env else []),
        *(["## Other languages", _bullets(env.runtimes)] if env and env.runtimes else []),
        "## Dependencies",
        _bullets(env.dependencies if env else []),
        "## Container",
        _bullets(env.images if env else []),
        "## Hardware",
        _bullets(([(hardware, "paper")] if hardware else []) + (env.hardware if env else [])),
        "## Seeds",
        _bullets(seeds),
    ]
    return MarkdownDoc(path="src/environment.md", title="Environment", text="\n\n".join(parts))


def scope_text(scope: Scope | None) -> str:
    """The paragraph that says which code was read, at which commit, and why."""
    if scope is None:
        return ""
    folders = ", ".join(f"`{f}/`" if f else "the repository root" for f in scope.folders)
    if scope.files:  # launch files and scripts beside the paper, outside those folders
        folders += ", and " + ", ".join(f"`{f}`" for f in scope.files[:12])
    lines = [
        f"Code read: {folders}"
        + (f" at commit `{scope.commit_label}`" if scope.commit_label else "")
        + "."
    ]
    lines += [f"- {r}" for r in scope.reasons]
    if len(scope.folders) > 1:  # a paper with several experiments: why each folder is in
        lines += [f"- `{f}/`: {scope.why[f]}" for f in scope.folders if scope.why.get(f)]
    if scope.excluded:
        lines.append(
            "- set aside: "
            + "; ".join(
                f"`{f}` ({why})" if why.startswith("superseded") else f"`{f}/` ({why})"
                for f, why in scope.excluded[:12]
            )
        )
    return "\n".join(lines) + "\n\n"


def reconciliation_text(
    verdicts: list[Verdict], paper: str, repo: str, scope: Scope | None = None
) -> str:
    """src/reconciliation.md: the scope, counts per verdict and one row per setting."""
    counts = {k: sum(v.verdict == k for v in verdicts) for k in VERDICTS}
    table = Table(
        header=[
            "Parameter",
            "Verdict",
            "Paper value",
            "Paper location",
            "Code value",
            "Code location",
            "Note",
        ],
        rows=[
            [v.key, v.verdict, v.paper_value, v.paper_where, v.code_value, v.code_where, v.note]
            for v in verdicts
        ],
    )
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    return (
        f"# Code–paper reconciliation\n\nPaper: {paper}. Code: {repo}. {summary}.\n\n"
        + scope_text(scope)
        + "Each setting of the paper is compared with the definition in the code that ran its "
        "experiment (of the paragraph's stage: pretraining, finetuning or baseline; among "
        "the scripts whose values agree with the paragraph's, the one a launch line runs); "
        "a setting two run definitions give different values is `ambiguous`; values "
        "are compared as numbers in any notation and unit (`1e-4` equals `0.0001`, `0.5 µs` "
        "equals `5e-7`); each side is quoted exactly as written. A setting the code folder "
        "leaves unstated is compared with the repository's own modules its scripts import; "
        "the note then names the module's file:line and the script line that reaches it.\n\n"
        + table_text(table)
        + "\n"
    )
