"""The Ara Compiler: a paper's PDF, its code repository and history, notes and logs → an
artifact. Stages: deconstruct (pdf/, atoms) → map (mapping/) → ground (repo/, reconcile)
→ trace (exploration). No model is needed; `model=` lets one draft parts of logic/."""

from arakit.compiler.errors import InputError, SourceError
from arakit.compiler.pipeline import CompileReport, compile_sources, reconcile_paths
from arakit.compiler.reconcile import Verdict, reconcile

__all__ = [
    "CompileReport",
    "InputError",
    "SourceError",
    "Verdict",
    "compile_sources",
    "reconcile",
    "reconcile_paths",
]
