"""Stage 3, physical grounding: what the repository states (parameters with file:line,
environment, the core modules entry points reach) and how its values moved over time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from arakit.compiler.entrypoints import entry_points
from arakit.compiler.errors import InputError
from arakit.compiler.reconcile.method import method_words
from arakit.compiler.repo.disabled import disabled_calls
from arakit.compiler.repo.environment import Environment, read_environment
from arakit.compiler.repo.reductions import reductions
from arakit.compiler.repo.execution import reached_modules
from arakit.compiler.repo.history import History, read_history
from arakit.compiler.repo.launched import (
    PROJECT_FILES,
    forward,
    project_params,
    retarget,
    run_by_name,
)
from arakit.compiler.repo.params import (
    CodeParam,
    is_config,
    is_launch_file,
    is_package_document,
    is_source,
    params_of,
)
from arakit.compiler.repo.params.compose import apply_composition
from arakit.compiler.repo.params.loadedas import loaded_as, loaded_as_params
from arakit.compiler.repo.params.positional import positional_params
from arakit.compiler.repo.params.logs import is_log_file
from arakit.compiler.repo.params.readme import is_readme, readme_params
from arakit.compiler.repo.reach import Passed, Reach, reached_from
from arakit.compiler.repo.source import RepoFiles, list_files
from arakit.compiler.scope import (
    Scope,
    section_folders,
    choose_folders,
    edited_after_added,
    paper_dirs,
    paper_tree,
)
from arakit.compiler.settings.model import PaperSetting

MAX_TRACKED = 30
_SIGNATURE_KINDS = ("default", "init", "dataclass", "pydantic", "attrs")
MAX_IMPORTED = 5000  # (definition, script reaching it) pairs
MAX_READMES = 30  # READMEs read for what they state, the shallowest first


@dataclass
class Grounding:
    """Everything stage 3 read from one repository."""

    root: Path
    repo: RepoFiles
    params: list[CodeParam] = field(default_factory=list)
    environment: Environment = field(default_factory=Environment)
    execution: list[str] = field(default_factory=list)
    history: History | None = None
    config_files: list[str] = field(default_factory=list)
    scope: Scope | None = None
    # settings READMEs state in prose (kind `readme`): documentation, kept out of `params`
    documented: list[CodeParam] = field(default_factory=list)
    # keyword values of calls the author commented out (kind `disabled`) and the reductions
    # the code computes (kind `reduction`): evidence for reconciliation, kept out of `params`
    disabled: list[CodeParam] = field(default_factory=list)

    def in_scope(self) -> list[CodeParam]:
        """The parameters of the paper's code (every parameter when no scope was chosen),
        the calls it comments out, then what the READMEs of the paper's code and of the
        repository root state."""
        mine = [
            p
            for p in self.params + self.disabled
            if self.scope is None or self.scope.includes(p.file)
        ]
        return mine + [
            p
            for p in self.documented
            if self.scope is None or "/" not in p.file or self.scope.includes(p.file)
        ]

    @property
    def prefer(self) -> dict[str, int]:
        """The paper's own method by name (reconcile/method.py), for `reconcile`."""
        return self.scope.method if self.scope is not None else {}

    def imported(self) -> list[CodeParam]:
        """The parameters of in-repository modules outside the scope that the scope's
        Python files import, each with `via` set to the script and line that reaches it
        (one copy per script that reaches it): only definitions inside a function, class
        or constant the scripts reach (directly or through what those use), and the
        module-level code of a reached module. A default is left out for a script when a
        call in that script or in what it reaches passes a value for it (by keyword,
        `**kwargs` or position). Empty when no scope was chosen (everything is in scope then)."""
        if self.scope is None:
            return []
        scope = self.scope
        starts = [r for r in self.repo.files if r.endswith((".py", ".ipynb")) and scope.includes(r)]
        reach = Reach(self.repo.files, self.repo.read)
        reached = reached_from(reach, starts, scope.includes)
        by_script: dict[str, list[tuple[str, str]]] = {}
        for key, origins in reached.items():
            for script, _ in origins:
                by_script.setdefault(script, []).append(key)
        passed: dict[str, Passed] = {}  # what each script's run passes, built when asked
        out: list[CodeParam] = []
        for p in self.params:
            if scope.includes(p.file) or not p.file.endswith(".py") or scope.third_party(p.file):
                continue
            name = reach.enclosing(p.file, p.line)
            for script, line in reached.get((p.file, name), []) if name is not None else []:
                if p.kind in _SIGNATURE_KINDS:
                    if script not in passed:
                        passed[script] = Passed(reach, [script], by_script[script])
                    if passed[script].overrides(p.file, p.context, p.bare):
                        continue  # this script's run passes its own value: not the default
                out.append(replace(p, via=f"{script}:{line}"))
                if len(out) >= MAX_IMPORTED:
                    return out
        return out


def _readable(rel: str) -> bool:
    return (
        rel.endswith((".py", ".ipynb", "pyproject.toml"))
        or is_config(rel)
        or is_source(rel)
        or is_launch_file(rel)
        or is_log_file(rel)
        or is_package_document(rel)
    )


def ground_repo(root: Path, with_history: bool = True, tree: Path | None = None) -> Grounding:
    """Read parameters, environment, core modules and (when asked) the git history.

    `tree` is where the files are read when it is not `root` (the paper's commit, exported
    by scoping); the history is always read from `root`."""
    repo = list_files(tree or root)
    g = Grounding(root=root, repo=repo)
    tracked: list[str] = []
    launchers: dict[str, str] = {}
    for rel in sorted((r for r in repo.files if is_readme(r)), key=lambda r: r.count("/"))[
        :MAX_READMES
    ]:
        text = repo.read(rel)
        g.documented += readme_params(text, rel) if text else []
    for rel in repo.files:
        if not _readable(rel):
            continue
        text = repo.read(rel)
        if text is None:
            continue
        found = params_of(text, rel)
        g.params += found
        if rel.endswith((".py", ".ipynb")):
            g.disabled += disabled_calls(text, rel)  # `# train(..., n_epochs=5)`
            g.disabled += reductions(text, rel)  # `x.mean(axis=0)`
        if is_launch_file(rel) or PurePosixPath(rel).name in PROJECT_FILES:
            launchers[rel] = text
        if (
            any(p.known for p in found)
            and len(tracked) < MAX_TRACKED
            and not rel.endswith(".ipynb")
        ):
            tracked.append(rel)  # followed through history: bounded, since each costs git calls
        if is_config(rel):
            g.config_files.append(rel)
    for rel, fmt in loaded_as(repo.files, repo.read).items():  # `input.in` read as YAML
        g.params += loaded_as_params(repo.read(rel) or "", rel, fmt)
        g.config_files.append(rel)
    g.params += positional_params(repo.files, repo.read)  # `genetic(x, y, m, 40, 1)`
    _project_launches(g, launchers)
    apply_composition(g.params)
    g.environment = read_environment(repo)
    g.execution = reached_modules(repo)
    if with_history:
        g.history = read_history(root, _settings_of, tracked)
    return g


def _settings_of(text: str, rel: str) -> list[CodeParam]:
    """A file's parameters as history follows them: named values, not the choices it
    constructs (a script that builds ADAM for one model and RMSProp for another has one
    name, `optimizer`, with two values in every version: no change over time)."""
    return [p for p in params_of(text, rel) if p.kind not in ("choice", "include")]


def _project_launches(g: Grounding, launchers: dict[str, str]) -> None:
    """The commands a project file runs become launches with their flags, and a launch
    whose program is a tool (`spacy train configs/x.cfg`) runs the file it names."""
    have = set(g.repo.files)
    invoked = run_by_name(list(launchers.values()))
    for rel, text in launchers.items():
        if PurePosixPath(rel).name in PROJECT_FILES:
            g.params += project_params(text, rel, have, invoked)
    retarget(g.params, g.repo.files)
    forward(g.params, g.repo.files)


@contextmanager
def grounded(
    root: Path,
    pdf: Path | None,
    settings: list[PaperSetting],
    text: str = "",
    *,
    code_folder: str | None = None,
    at: str | None = None,
    with_history: bool = True,
) -> Iterator[Grounding]:
    """Ground the paper's code: the tree at the paper's commit, the folders in scope (or
    `code_folder`), parameters, environment, core modules and history."""
    with paper_tree(root, pdf, at) as scope:
        scope.method = method_words(text)
        g = ground_repo(root, with_history, tree=scope.tree)
        if code_folder is not None:
            folder = code_folder.strip("/")
            if folder and not (scope.tree / folder).is_dir():
                raise InputError(
                    f"--code-folder {code_folder}: no such folder in the repository"
                    + (f" at {scope.commit[:7]}" if scope.commit else ""),
                    hint="give a folder relative to the repository root",
                )
            scope.folders, scope.excluded = [folder], []
            scope.reasons.append(f"code folder {folder or 'the root'} given with --code-folder")
            scope.why = {folder: "given with --code-folder"}
        else:
            own = paper_dirs(scope.tree, g.repo.files, scope.pdf_blob, scope.pdf_path)
            folders, excluded, why = choose_folders(
                g.repo.files,
                g.params,
                settings,
                text,
                own,
                g.repo.read,
                scope.pdf_path,
                scope.method,
                edited_after_added(root, scope.commit) if scope.commit else None,
            )
            chosen = {f: why for f in folders}
            folders, extra, how = entry_points(
                folders,
                excluded,
                g.repo.files,
                g.params,
                own,
                g.repo.read,
                scope.tree,
                text,
                chosen,
            )
            scope.folders, scope.excluded, scope.files = folders, excluded, extra
            scope.why = {f: chosen.get(f) or how or why for f in folders}
            scope.sections = section_folders(
                sorted({str(PurePosixPath(r).parent) for r in g.repo.files if scope.includes(r)}),
                text,
            )
            scope.reasons.append(f"{why}; {how}" if how else why)
        g.scope = scope
        g.execution = [r for r in g.execution if scope.includes(r)] or g.execution
        g.config_files = [c for c in g.config_files if scope.includes(c)]
        yield g
