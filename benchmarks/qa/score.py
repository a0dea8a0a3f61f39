"""Score the question benchmark: answer-string presence within a token budget, for three
readers of the same material.

- `pdf`: BM25 over the paper's text;
- `pdf+repo+git`: BM25 over the paper, the repository's files and `git log --all --stat`;
- `ara`: `ara search --max-tokens N` over the artifact `ara compile paper.pdf repo` makes.

    python -m benchmarks.qa.score [--max-tokens 1500] [--misses]

Questions that are not honest (answer not where they say, or present in the paper's text)
are reported and left out of every score.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from benchmarks.qa import bm25
from benchmarks.qa.questions import GROUPS, Question, check, contains, load, paper_text

METHODS = ("pdf", "pdf+repo+git", "ara")


def _ara_answers(art: Path, qs: list[Question], max_tokens: int) -> dict[str, str]:
    from arakit.query.index import Index
    from arakit.query.search import render, search

    with tempfile.TemporaryDirectory(prefix="ara-qa-") as tmp, Index(Path(tmp) / "i.sqlite") as idx:
        idx.refresh([art])
        return {q.id: render(search(idx, q.question, max_tokens=max_tokens)) for q in qs}


def _artifact_text(art: Path) -> str:
    """Every text file of the artifact, for telling "not carried" from "not surfaced"."""
    parts = []
    for path in sorted(art.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if b"\0" not in data[:8192]:
                parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def score_pair(pair: Path, max_tokens: int) -> tuple[list[Question], dict[str, dict[str, bool]]]:
    """The pair's questions (with their honesty problems) and, per method, which were answered;
    `carried` says which answers the compiled artifact holds anywhere (the ceiling for `ara`)."""
    from benchmarks.realworld import compiled, corpus

    qs = load(pair.name)
    if not qs:
        return [], {}
    repo = corpus.clone(pair)
    text = paper_text(pair)
    check(qs, repo, text)
    fair = [q for q in qs if not q.problems]
    pdf_docs = bm25.windows("paper", text)
    readers = {
        "pdf": bm25.BM25(pdf_docs),
        "pdf+repo+git": bm25.BM25(pdf_docs + bm25.repo_docs(repo) + bm25.git_log_docs(repo)),
    }
    got: dict[str, dict[str, bool]] = {m: {} for m in (*METHODS, "carried")}
    for name, reader in readers.items():
        for q in fair:
            got[name][q.id] = contains(reader.answer(q.question, max_tokens), q.answers)
    art = compiled.artifact(pair)
    answers = _ara_answers(art, fair, max_tokens)
    everything = _artifact_text(art)
    for q in fair:
        got["ara"][q.id] = contains(answers[q.id], q.answers)
        got["carried"][q.id] = contains(everything, q.answers)
    return qs, got


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "—"


def run(max_tokens: int = 1500, show_misses: bool = False) -> dict[str, float]:
    """Print per paper and per group, and return totals as metrics."""
    from benchmarks.realworld import corpus

    by_group: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    invalid = 0
    total = 0
    print(f"answer present within {max_tokens} tokens: " + " | ".join(METHODS))
    for pair in corpus.papers():
        qs, got = score_pair(pair, max_tokens)
        if not qs:
            continue
        for q in qs:
            if q.problems:
                invalid += 1
                print(f"  NOT FAIR {q.id}: {'; '.join(q.problems)}")
        fair = [q for q in qs if not q.problems]
        total += len(fair)
        cells = [_pct(sum(got[m][q.id] for q in fair), len(fair)) for m in METHODS]
        print(f"{pair.name:<22} " + " | ".join(f"{c:>12}" for c in cells))
        for q in fair:
            for m in (*METHODS, "carried"):
                by_group[q.group][m].append(got[m][q.id])
            if show_misses and not got["ara"][q.id]:
                why = "not surfaced" if got["carried"][q.id] else "not in the artifact"
                print(f"    ara missed {q.id} ({q.group}, {why}): {q.question} -> {q.answers[0]}")
    metrics: dict[str, float] = {"questions": float(total), "unfair_questions": float(invalid)}
    print("by group:")
    for group in GROUPS:
        res = by_group.get(group)
        if not res:
            continue
        n = len(res["ara"])
        cells = [_pct(sum(res[m]), n) for m in METHODS]
        print(f"  {group:<20} " + " | ".join(f"{c:>12}" for c in cells))
        for m in METHODS:
            metrics[f"{group}_{m}"] = round(sum(res[m]) / n, 4)
    for m in (*METHODS, "carried"):
        hits = sum(sum(by_group[g][m]) for g in by_group)
        metrics[f"total_{m}"] = round(hits / total, 4) if total else 0.0
    print("total: " + " | ".join(f"{m} {metrics[f'total_{m}']:.1%}" for m in METHODS))
    print(f"answers the compiled artifacts hold anywhere: {metrics['total_carried']:.1%}")
    return metrics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-tokens", type=int, default=1500)
    parser.add_argument("--misses", action="store_true", help="list the questions ara missed")
    args = parser.parse_args(argv)
    try:
        run(args.max_tokens, args.misses)
    finally:
        from benchmarks.realworld import compiled, corpus

        compiled.cleanup()
        corpus.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
