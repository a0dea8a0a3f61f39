"""The catalogue of Level 2 rules: stable code → dimension, default severity, what, how to fix.

Codes never change meaning once released; new checks get new numbers.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    dimension: str
    severity: str
    summary: str
    fix: str


RULES: dict[str, Rule] = {
    # D1 evidence relevance
    "L2-D1-001": Rule(
        "D1",
        "major",
        "a quoted number does not appear in the evidence file it cites",
        "copy the number from the evidence file, or cite the file that holds it",
    ),
    "L2-D1-002": Rule(
        "D1",
        "major",
        "a number quoted for a named row or column differs from that row or column",
        "quote the cell of the row/column named, or name the row the number belongs to",
    ),
    "L2-D1-003": Rule(
        "D1",
        "minor",
        "a reference to evidence names no evidence file",
        "add the table to evidence/ or fix the reference",
    ),
    "L2-D1-004": Rule(
        "D1",
        "major",
        "claim and its proof experiment are about different things",
        "cite the experiment that tests this statement, or restate the claim",
    ),
    "L2-D1-005": Rule(
        "D1",
        "major",
        "causal claim without an ablation among its proof experiments",
        "add an experiment that removes or varies the cause and keeps the rest fixed",
    ),
    "L2-D1-006": Rule(
        "D1",
        "major",
        "generalization claim proved on a single dataset or condition",
        "test more datasets or conditions, or narrow the claim to the one tested",
    ),
    # D2 falsifiability
    "L2-D2-001": Rule(
        "D2",
        "critical",
        "falsification criteria are empty",
        "state the observation that would disprove the claim, with a threshold",
    ),
    "L2-D2-002": Rule(
        "D2",
        "major",
        "falsification criteria only restate the negation of the statement",
        "name a measurement, a threshold and a condition that would refute the claim",
    ),
    "L2-D2-003": Rule(
        "D2",
        "major",
        "falsification criteria carry no measurable quantity or threshold",
        "add the metric and the number that would count as refutation",
    ),
    "L2-D2-004": Rule(
        "D2",
        "major",
        "falsification criteria talk about a different scope than the statement",
        "make the criteria test the same setting, metric and comparison as the statement",
    ),
    # D3 scope calibration
    "L2-D3-001": Rule(
        "D3",
        "major",
        "universal language over narrow evidence",
        "restrict the statement to the settings actually tested",
    ),
    "L2-D3-002": Rule(
        "D3",
        "minor",
        "hedging does not match the strength of the evidence",
        "match the wording to the evidence: certainty needs repeated support, doubt needs a reason",
    ),
    "L2-D3-003": Rule(
        "D3",
        "minor",
        "an evidence file that no claim uses (under-claiming)",
        "cite the file from a claim's evidence basis or explain why it is kept",
    ),
    "L2-D3-004": Rule(
        "D3",
        "minor",
        "an assumption the argument relies on is not stated",
        "list it under `## Assumptions` in logic/problem.md",
    ),
    # D4 argument coherence
    "L2-D4-001": Rule(
        "D4",
        "major",
        "a gap that no claim addresses",
        "add a claim that closes the gap, or drop the gap",
    ),
    "L2-D4-002": Rule(
        "D4",
        "minor",
        "the key insight's terms never reach the solution or the claims",
        "connect the insight to the components and claims it enables",
    ),
    "L2-D4-004": Rule(
        "D4",
        "minor",
        "a layer file holds only its heading: that part of the argument is empty",
        "write the layer's content, or drop the file and say in PAPER.md that it is absent",
    ),
    "L2-D4-003": Rule(
        "D4",
        "major",
        "a claim contradicts the trace node that records its evidence",
        "reconcile the claim's status or statement with the recorded result",
    ),
    # D5 exploration integrity
    "L2-D5-001": Rule(
        "D5",
        "major",
        "dead end with a vague failure mode or lesson",
        "say what failed with a quantity, a condition or a mechanism",
    ),
    "L2-D5-002": Rule(
        "D5",
        "major",
        "decision with no real alternative besides its choice",
        "list the alternatives that were actually considered besides the choice",
    ),
    "L2-D5-003": Rule(
        "D5",
        "major",
        "a claim advocates what a dead end or pivot rejected",
        "explain what changed since the dead end, or withdraw the claim",
    ),
    "L2-D5-004": Rule(
        "D5",
        "major",
        "the exploration tree records no negative result (no dead end, no pivot)",
        "record the attempts that failed and why",
    ),
    # D6 methodological rigor
    "L2-D6-001": Rule(
        "D6",
        "major",
        "comparative claim without baselines in its proof experiments",
        "name the baselines in the experiments' Baselines field and report them",
    ),
    "L2-D6-002": Rule(
        "D6",
        "major",
        "quantitative claim without variance, seeds, runs or confidence intervals",
        "report repeated runs with seeds and a spread (std, CI)",
    ),
    "L2-D6-003": Rule(
        "D6",
        "minor",
        "the metric does not measure what the claim asserts",
        "measure the quantity the claim is about, or restate the claim in the metric's terms",
    ),
    "L2-D6-004": Rule(
        "D6",
        "minor",
        "experiment setup misses model, dataset, hardware or hyperparameters",
        "fill in Setup (Model, Dataset, Hardware) and src/configs/",
    ),
    # a model judge's own findings
    "L2-MODEL": Rule("", "minor", "raised by a model judge", ""),
}
