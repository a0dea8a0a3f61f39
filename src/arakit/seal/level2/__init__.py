"""Seal Level 2: does the artifact's argument hold? Six dimensions, findings and a grade.

    from arakit.seal.level2 import review
    report = review("examples/dropout-mlp")          # rules judge, no model
    report = review(path, judge="smollm2")          # a language model per dimension
    report.grade, report.passed                      # "Weak Accept", True

Level 2 passes at Weak Accept or better (`report.passed`).
"""

from arakit.seal.level2.report import (
    DIMENSIONS,
    PASSING_GRADES,
    DimensionScore,
    L2Finding,
    Level2Report,
    grade_for,
)
from arakit.seal.level2.review import REPORT_FILE, report_schema, review, write_report

__all__ = [
    "DIMENSIONS",
    "PASSING_GRADES",
    "REPORT_FILE",
    "DimensionScore",
    "L2Finding",
    "Level2Report",
    "grade_for",
    "report_schema",
    "review",
    "write_report",
]
