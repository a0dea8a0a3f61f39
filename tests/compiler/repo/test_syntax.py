"""Syntax trees parsed once and walked once (arakit.compiler.repo.syntax)."""

from __future__ import annotations

import ast
import textwrap

from arakit.compiler.repo import syntax
from arakit.compiler.repo.syntax import nodes, parse_tolerant

SOURCE = textwrap.dedent(
    """
    import os
    LR = float(os.environ.get("LR", "1e-3"))

    class Config:
        epochs: int = 10

    def train(batch_size=32, *, seed=0):
        for step in range(100):
            if step % 10 == 0:
                print({"lr": LR, "nested": [1, (2, 3)]})
        return lambda x: x + 1
    """
)


def test_nodes_lists_what_ast_walk_yields_in_the_same_order():
    tree = ast.parse(SOURCE)
    assert [id(n) for n in nodes(tree)] == [id(n) for n in ast.walk(tree)]


def test_nodes_of_a_subtree_are_that_subtrees_walk():
    tree = ast.parse(SOURCE)
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef))
    assert [id(n) for n in nodes(fn)] == [id(n) for n in ast.walk(fn)]


def test_nodes_are_listed_once_per_tree():
    tree = ast.parse(SOURCE)
    assert nodes(tree) is nodes(tree)


def test_the_same_source_is_parsed_once_and_its_tree_shared():
    text = SOURCE + "\n# shared once\n"
    first = parse_tolerant(text)
    assert first is not None
    assert parse_tolerant(text) is first


def test_kept_trees_stay_within_their_bound(monkeypatch):
    monkeypatch.setattr(syntax, "MAX_KEPT_CHARS", 4000)
    monkeypatch.setattr(syntax, "_kept", type(syntax._kept)())
    monkeypatch.setattr(syntax, "_kept_chars", [0])
    sources = [f"x_{i} = {i}\n" + "# pad\n" * 120 for i in range(20)]
    for s in sources:
        parse_tolerant(s)
    assert syntax._kept_chars[0] <= 4000
    assert sum(len(s) for s in syntax._kept) == syntax._kept_chars[0]
    assert sources[-1] in syntax._kept and sources[0] not in syntax._kept


def test_a_source_that_does_not_parse_gives_none_every_time():
    broken = "def f(:\n    return (\n" * 30
    assert parse_tolerant(broken) is None
    assert parse_tolerant(broken) is None


def test_python2_print_statements_still_parse():
    tree = parse_tolerant('print "hello"\nEPOCHS = 5\n')
    assert tree is not None
    assert any(isinstance(n, ast.Assign) for n in nodes(tree))
