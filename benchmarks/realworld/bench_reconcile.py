"""Scoping, parameters and paper–code mismatches, against truth/papers/<pair>/code.yaml.

For each pair the paper's settings are reconciled with a clone of its bundle (every ref),
as `ara reconcile` does:

- scoping correct: the folders chosen equal the truth's (`folders`, or `[folder]`) and
  the commit read is the truth's (by subject and date, since bundle hashes differ from
  upstream);
- parameters found: a truth parameter counts when a parameter is extracted at the same
  file:line of the tree read;
- a truth file without `mismatches` (a pool pair annotated for its scope only) counts
  for scoping alone: its parameters, mismatches and secrets are not scored;
- mismatches (the scoped folder's, then the in-repository modules its scripts import for
  settings the folder leaves unstated): a reported mismatch is right when a truth mismatch
  has the same code location (file:line), or the same code file and paper page, and the
  report's numbers for the paper or the code side are among the truth's; recall
  over the truth's mismatches, precision over the reported ones;
- secrets written: e-mail addresses, tokens and keys left in the artifact compiled from
  the PDF and the repository (the compile is shared with other benchmarks).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from benchmarks.realworld import corpus
from benchmarks.realworld.bench_settings import load_truth


def _page(where: str) -> str:
    m = re.search(r"p\. ?(\d+)", where)
    return m.group(1) if m else ""


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip("0").rstrip(".") or "0" for n in _NUMBER.findall(text)}


def _says_the_same(v: Any, t: dict[str, Any]) -> bool:
    """A report is about the truth's disagreement when the numbers it gives for either
    side are among the numbers the truth gives for that side (a report with no number on
    a side is not held against it)."""
    paper, code = _numbers(v.paper_value), _numbers(v.code_value)
    paper_ok = bool(paper) and paper <= _numbers(str(t["paper"]["value"]))
    code_ok = bool(code) and code <= _numbers(str(t["code"]["value"]))
    return paper_ok or code_ok or (not paper and not code)


def _mismatch_hits(
    verdicts: list[Any], truth: list[dict[str, Any]]
) -> tuple[int, int, list[str], list[str]]:
    """(truth found, reported right, missed, wrong) for one pair, matched one to one."""
    reported = [v for v in verdicts if v.verdict == "mismatch"]

    def same(v: Any, t: dict[str, Any]) -> bool:
        if not _says_the_same(v, t):
            return False  # at the place, but about other values: a coincidence
        where = str(t["code"]["where"])
        if v.code_where == where:
            return True
        vf, _, vl = v.code_where.rpartition(":")
        tf, _, tl = where.rpartition(":")
        near = vl.isdigit() and tl.isdigit() and abs(int(vl) - int(tl)) <= 2
        return vf == tf and near and _page(v.paper_where) == _page(str(t["paper"]["where"]))

    free = list(range(len(truth)))
    right: list[Any] = []
    for v in reported:
        hit = next((i for i in free if same(v, truth[i])), None)
        if hit is not None:
            free.remove(hit)
            right.append(v)
    missed = [
        f"{truth[i]['key']} paper {truth[i]['paper']['value']} vs {truth[i]['code']['value']} at {truth[i]['code']['where']}"
        for i in free
    ]
    wrong = [
        f"{v.key} paper {v.paper_value} ({v.paper_where}) vs {v.code_value} at {v.code_where}"
        for v in reported
        if v not in right
    ]
    return len(truth) - len(free), len(right), missed, wrong


def _folder(name: Any) -> str:
    """A folder as the repository-relative path it names: the root is `""` whether a truth
    file writes it `""`, `.` or `./`."""
    text = str(name or "").strip().strip("/")
    return "" if text in ("", ".") else text.removeprefix("./")


def _scope_ok(scope: Any, truth: dict[str, Any]) -> tuple[bool, str]:
    want = [_folder(f) for f in truth.get("folders") or [truth.get("folder", "")]]
    got = sorted(_folder(f) for f in scope.folders) if scope else [""]
    label = scope.commit_label if scope else ""
    commit = truth.get("commit") or {}
    commit_ok = str(commit.get("date", "")) in label and str(commit.get("subject", "")) in label
    ok = sorted(want) == got and commit_ok
    return ok, f"folders {got} (truth {sorted(want)}), commit {label!r}" + (
        "" if commit_ok else f" (truth {commit.get('date')} {commit.get('subject')!r})"
    )


def secrets_in(folder: Path) -> list[str]:
    """E-mail addresses, tokens and keys in the text files under `folder`."""
    from arakit.compiler.redact import find_secrets

    hits: list[str] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits += [f"{path.relative_to(folder)}: {kind}" for kind, _ in find_secrets(text)]
    return hits


def run() -> dict[str, float]:
    """Print one line per pair and return the totals."""
    from arakit.compiler.choices import paper_sentences
    from arakit.compiler.ground import grounded
    from arakit.compiler.pdf import read_document
    from arakit.compiler.pipeline import _full_text
    from arakit.compiler.reconcile import reconcile
    from arakit.compiler.settings import paper_settings
    from benchmarks.realworld.compiled import compiled

    scoped = pairs = 0
    params_found = params_total = 0
    mm_found = mm_total = mm_right = mm_reported = 0
    secrets = 0
    seconds: list[float] = []
    for pair in corpus.papers():
        truth = load_truth(pair.name, "code")
        if truth is None:
            print(f"{pair.name:22} no truth file")
            continue
        pairs += 1
        start = time.perf_counter()
        doc = read_document(Path(pair / "paper.pdf"))
        settings = paper_settings(doc)
        clone = corpus.clone(pair)
        with grounded(
            clone, pair / "paper.pdf", settings, _full_text(doc), with_history=False
        ) as g:
            verdicts = reconcile(
                settings,
                g.in_scope(),
                g.imported(),
                g.prefer,
                paper_sentences(doc),
                g.scope.sections if g.scope else None,
            )
            at = {(p.file, p.line) for p in g.params}
            scope = g.scope
        seconds.append(time.perf_counter() - start)
        ok, scope_line = _scope_ok(scope, truth["scope"])
        scoped += ok
        if "mismatches" not in truth:  # scope-only truth (a pool pair annotated for scope)
            print(
                f"{pair.name:22} scope {'ok ' if ok else 'NO '} (scope-only truth)  {seconds[-1]:.1f}s"
            )
            if not ok:
                print(f"    scope: {scope_line}")
            continue
        tparams = truth.get("parameters") or []
        pf = sum((t["file"], int(t["line"])) in at for t in tparams)
        params_found += pf
        params_total += len(tparams)
        f, r, missed, wrong = _mismatch_hits(verdicts, truth.get("mismatches") or [])
        reported = sum(v.verdict == "mismatch" for v in verdicts)
        mm_found += f
        mm_total += len(truth.get("mismatches") or [])
        mm_right += r
        mm_reported += reported
        via = sum(bool(v.code_via) for v in verdicts)
        art = compiled(pair, with_repo=True).artifact
        leaks = secrets_in(art)
        secrets += len(leaks)
        print(
            f"{pair.name:22} scope {'ok ' if ok else 'NO '} params {pf:2}/{len(tparams):<2} "
            f"mismatches found {f}/{len(truth.get('mismatches') or [])} reported {r}/{reported} "
            f"secrets {len(leaks)}  from imported modules {via}  {seconds[-1]:.1f}s"
        )
        if not ok:
            print(f"    scope: {scope_line}")
        missing = [
            f"{t['file']}:{t['line']}" for t in tparams if (t["file"], int(t["line"])) not in at
        ]
        if missing:
            print(
                "    params missed: " + ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
            )
        for m in missed:
            print(f"    mismatch missed: {m}")
        for w in wrong:
            print(f"    mismatch wrong:  {w}")
        for leak in leaks[:5]:
            print(f"    secret: {leak}")
    recall = mm_found / mm_total if mm_total else 1.0
    precision = mm_right / mm_reported if mm_reported else 1.0
    params_rate = params_found / params_total if params_total else 1.0
    print(
        f"{'total':22} scope {scoped}/{pairs}  params {params_found}/{params_total} {params_rate:.1%}  "
        f"mismatch recall {mm_found}/{mm_total} {recall:.1%} precision {mm_right}/{mm_reported} "
        f"{precision:.1%}  secrets {secrets}  max {max(seconds, default=0):.1f}s per pair"
    )
    return {
        "scoping_correct": round(scoped / pairs if pairs else 1.0, 4),
        "params_found": round(params_rate, 4),
        "mismatch_recall": round(recall, 4),
        "mismatch_precision": round(precision, 4),
        "secrets_written": float(secrets),
    }


if __name__ == "__main__":
    run()
