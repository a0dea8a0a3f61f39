"""Scoping: which part of a repository, at which commit, is the paper's code.

- commit.py: the commit whose tree is the paper's (the one that added the exact PDF).
- aside.py: folders that are not the paper's code (abandoned, tests, documentation,
  third-party, another paper's sources), each with the reason.
- folders.py: the folders chosen, from what the paper states, names and runs.
- packages.py: packages defined at the root (R, Julia, Python) and when they make the
  root the code.
- parts.py: a paper's other experiments (sibling folders its sections are named after).
- loads.py: code the chosen folders load or implement, root notebooks that run them.
- configs.py: chosen folders of configs alone, and the programs that load them.
- model.py: the Scope itself.

`--code-folder` and `--at` override the choice."""

from arakit.compiler.scope.aside import paper_dirs, set_aside
from arakit.compiler.scope.commit import (
    blob_id,
    choose_commit,
    edited_after_added,
    export_tree,
    paper_commit,
    paper_tree,
)
from arakit.compiler.scope.folders import UNLOADED, _collapse, choose_folders
from arakit.compiler.scope.model import _PROGRAMS, CODE_SUFFIXES, Scope
from arakit.compiler.scope.packages import _root_package
from arakit.compiler.scope.parts import section_folders

__all__ = [
    "CODE_SUFFIXES",
    "UNLOADED",
    "_PROGRAMS",
    "Scope",
    "_collapse",
    "_root_package",
    "blob_id",
    "choose_commit",
    "choose_folders",
    "edited_after_added",
    "export_tree",
    "paper_commit",
    "paper_dirs",
    "paper_tree",
    "section_folders",
    "set_aside",
]
