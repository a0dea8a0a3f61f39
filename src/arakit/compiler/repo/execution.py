"""The core modules: the Python files that entry points reach through local imports."""

from __future__ import annotations

import ast
from pathlib import PurePosixPath

from arakit.compiler.repo.source import RepoFiles
from arakit.compiler.repo.syntax import nodes

MAX_FILES = 40
MAX_BYTES = 256 * 1024
_ENTRY_NAMES = ("train.py", "main.py", "run.py", "eval.py", "evaluate.py", "cli.py", "__main__.py")


def _is_test(rel: str) -> bool:
    parts = rel.split("/")
    return any(p in ("tests", "test", "testing") for p in parts[:-1]) or parts[-1].startswith(
        "test_"
    )


def entry_points(repo: RepoFiles, texts: dict[str, str]) -> list[str]:
    """Files with a `__main__` guard or an entry-point name, tests excluded."""
    out = []
    for rel, text in texts.items():
        if _is_test(rel):
            continue
        if ("__name__" in text and "__main__" in text) or rel.rsplit("/", 1)[-1] in _ENTRY_NAMES:
            out.append(rel)
    return sorted(out)


def _module_files(module: str, texts: dict[str, str], here: str, level: int) -> list[str]:
    base = PurePosixPath(here).parent
    for _ in range(max(level - 1, 0)):
        base = base.parent
    parts = module.split(".") if module else []
    roots = [base] if level else [PurePosixPath("."), PurePosixPath("src"), base]
    found = []
    for root in roots:
        stem = root.joinpath(*parts) if parts else root
        for cand in (f"{stem}.py", f"{stem}/__init__.py"):
            c = cand.removeprefix("./")
            if c in texts:
                found.append(c)
    return found


def reached_modules(repo: RepoFiles) -> list[str]:
    """Entry points and every local module they import, breadth first, within size limits.

    With no entry point, the largest non-test Python files are taken instead.
    """
    texts = {
        rel: t for rel in repo.files if rel.endswith(".py") and (t := repo.read(rel)) is not None
    }
    queue = entry_points(repo, texts)
    seen: list[str] = []
    size = 0
    while queue and len(seen) < MAX_FILES:
        rel = queue.pop(0)
        if rel in seen:
            continue
        if size + len(texts[rel]) > MAX_BYTES:
            continue
        seen.append(rel)
        size += len(texts[rel])
        try:
            tree = ast.parse(texts[rel])
        except (SyntaxError, ValueError):
            continue
        for node in nodes(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    queue += _module_files(alias.name, texts, rel, 0)
            elif isinstance(node, ast.ImportFrom):
                queue += _module_files(node.module or "", texts, rel, node.level)
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}" if node.module else alias.name
                    queue += _module_files(sub, texts, rel, node.level)
    if not seen:
        for rel in sorted((r for r in texts if not _is_test(r)), key=lambda r: -len(texts[r])):
            if len(seen) >= MAX_FILES or size + len(texts[rel]) > MAX_BYTES:
                break
            seen.append(rel)
            size += len(texts[rel])
    return seen
