"""Seal Level 2: does the artifact's argument hold? Six dimensions, findings and a grade.

    from arakit.seal.level2 import review
    report = review("examples/dropout-mlp")          # rules judge, no model
    report = review(path, judge="smollm2")          # a language model per dimension
    report.grade, report.passed                      # "Weak Accept", True

Level 2 passes at Weak Accept or better (`report.passed`), and never when Level 1 leaves
nothing to judge (`report.blocked_by`). level2_report.json is written in upstream's shape
(review_version 3.1.0, tiers) with arakit's keys beside (seal/level2/upstream.py).
"""

from arakit.seal.level2.report import (
    DIMENSIONS,
    PASSING_GRADES,
    DimensionScore,
    L2Finding,
    Level2Report,
    grade_for,
)
from arakit.seal.level2.review import review
from arakit.seal.level2.upstream import (
    REPORT_FILE,
    read_report,
    report_schema,
    to_file,
    write_report,
)

__all__ = [
    "DIMENSIONS",
    "PASSING_GRADES",
    "REPORT_FILE",
    "DimensionScore",
    "L2Finding",
    "Level2Report",
    "grade_for",
    "read_report",
    "report_schema",
    "review",
    "to_file",
    "write_report",
]
