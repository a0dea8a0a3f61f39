"""The catalogue of Level 1 rules: stable codes, default severity, what they check, how to fix.

Codes never change meaning once released; new checks get new numbers.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    severity: str
    summary: str
    hint: str


RULES: dict[str, Rule] = {
    # reading
    "L1-READ-001": Rule("error", "file could not be read", "fix the file named in the message"),
    "L1-READ-002": Rule(
        "error", "malformed YAML or Markdown structure", "fix the syntax at the line given"
    ),
    "L1-READ-003": Rule("error", "binary or non-UTF-8 file", "re-save the file as UTF-8 text"),
    "L1-READ-004": Rule("error", "file over a size limit", "split the file or move bulk data out"),
    "L1-READ-005": Rule(
        "error", "path leaves the artifact folder", "keep every file inside the artifact"
    ),
    # layout
    "L1-LAYOUT-001": Rule(
        "error", "mandatory file missing", "create the file (see `ara init` for a skeleton)"
    ),
    "L1-LAYOUT-002": Rule(
        "warning",
        "no configuration file in src/configs/",
        "add src/configs/training.md with one `## Parameter` section each",
    ),
    # PAPER.md
    "L1-PAPER-001": Rule(
        "error",
        "PAPER.md has no YAML front matter",
        "start PAPER.md with '---', the keys of ARA-FORMAT.md, and '---'",
    ),
    "L1-PAPER-002": Rule(
        "error",
        "required front matter key missing or empty",
        "add the key to the front matter of PAPER.md",
    ),
    "L1-PAPER-003": Rule("warning", "unsupported ara_version", 'set ara_version: "1.0"'),
    "L1-PAPER-004": Rule(
        "error",
        "PAPER.md has no Layer Index",
        "add `## Layer Index` with one table of files per layer",
    ),
    "L1-PAPER-005": Rule(
        "error", "Layer Index lists a file that does not exist", "create the file or remove its row"
    ),
    "L1-PAPER-006": Rule(
        "error",
        "mandatory file missing from the Layer Index",
        "add a row for the file to its layer's table",
    ),
    "L1-PAPER-007": Rule(
        "warning", "PAPER.md has no Overview section", "add `## Overview` with a paragraph"
    ),
    "L1-PAPER-008": Rule(
        "warning",
        "front matter value has the wrong type",
        "see ARA-FORMAT.md for the key's expected type",
    ),
    # counts
    "L1-COUNT-001": Rule(
        "error", "fewer than 5 concepts", "define at least five terms in logic/concepts.md"
    ),
    "L1-COUNT-002": Rule("error", "fewer than 3 experiments", "plan at least three experiments"),
    "L1-COUNT-003": Rule(
        "error", "fewer than 8 trace nodes", "record at least eight exploration nodes"
    ),
    "L1-COUNT-004": Rule("error", "no dead_end node in the trace", "record at least one dead end"),
    "L1-COUNT-005": Rule("error", "no decision node in the trace", "record at least one decision"),
    "L1-COUNT-006": Rule(
        "error", "no execution file", "put the code of the contribution in src/execution/"
    ),
    "L1-COUNT-007": Rule(
        "error", "no evidence file", "add at least one table under evidence/tables/"
    ),
    "L1-COUNT-008": Rule("error", "no claims", "state at least one claim in logic/claims.md"),
    "L1-COUNT-009": Rule(
        "warning",
        "problem.md has no observations or no gaps",
        "add `### O1:` observations and `### G1:` gaps",
    ),
    # fields
    "L1-FIELD-001": Rule("error", "required field missing or empty", "add the field to the entity"),
    "L1-FIELD-002": Rule("warning", "recommended field missing", "add the field to the entity"),
    "L1-FIELD-003": Rule(
        "error", "value is not one of the allowed values", "use one of the values listed"
    ),
    "L1-FIELD-004": Rule(
        "warning",
        "expected outcome quotes exact numbers",
        "say the direction only; exact numbers belong in evidence/",
    ),
    "L1-FIELD-005": Rule(
        "warning",
        "Last revised is not `YYYY-MM-DD (session)`",
        "write the date as YYYY-MM-DD followed by the session in brackets",
    ),
    "L1-FIELD-006": Rule("warning", "entity heading has no title", "write `## C01: Short title`"),
    # IDs
    "L1-ID-001": Rule("error", "duplicate ID", "give each entity its own ID"),
    # references
    "L1-REF-001": Rule(
        "error", "Proof cites an experiment that does not exist", "cite an existing E ID"
    ),
    "L1-REF-002": Rule(
        "error", "Verifies cites a claim that does not exist", "cite an existing C ID"
    ),
    "L1-REF-003": Rule(
        "error",
        "Dependencies cite an entity that does not exist",
        "cite existing IDs of the same kind, or write none",
    ),
    "L1-REF-004": Rule(
        "error", "Code ref names a file that does not exist", "point at a file in src/"
    ),
    "L1-REF-005": Rule(
        "error",
        "Code ref points outside the artifact",
        "copy the code into src/execution/ and point there",
    ),
    "L1-REF-006": Rule(
        "error", "trace evidence cites a claim that does not exist", "cite an existing C ID"
    ),
    "L1-REF-007": Rule(
        "error", "also_depends_on names a node that does not exist", "name an existing N ID"
    ),
    "L1-REF-008": Rule(
        "error",
        "Derived from names an evidence file that does not exist",
        "name the raw file this one was derived from",
    ),
    "L1-REF-009": Rule(
        "error",
        "evidence index row names a file that does not exist",
        "fix the path (relative to evidence/) or remove the row",
    ),
    "L1-REF-010": Rule(
        "error", "Caused by cites an observation that does not exist", "cite an existing O ID"
    ),
    "L1-REF-011": Rule(
        "error",
        "Key Insight derives from an observation or gap that does not exist",
        "cite existing O or G IDs",
    ),
    "L1-REF-012": Rule(
        "error", "related work affects a claim that does not exist", "cite an existing C ID"
    ),
    "L1-REF-013": Rule(
        "error",
        "reproduce.yaml names something that does not exist",
        "fix the experiment, claim, evidence file, row or column",
    ),
    "L1-REF-014": Rule(
        "error", "evidence index cites a claim that does not exist", "cite an existing C ID"
    ),
    "L1-REF-015": Rule("warning", "claim cites no experiment", "list the experiments in Proof"),
    "L1-REF-016": Rule(
        "error",
        "staged observation is bound to a node that does not exist",
        "bind it to an existing N ID",
    ),
    # trace
    "L1-TRACE-001": Rule("error", "trace has a cycle", "remove a children or also_depends_on edge"),
    "L1-TRACE-002": Rule(
        "error", "dead_end node has children", "move the children under another node"
    ),
    "L1-TRACE-003": Rule(
        "error", "node type unknown", "use question, experiment, decision, dead_end or pivot"
    ),
    "L1-TRACE-004": Rule("error", "node lacks a field its type requires", "add the field"),
    "L1-TRACE-005": Rule(
        "error",
        "explicit node without source_refs",
        "cite the source (table, section, commit) or mark it inferred",
    ),
    "L1-TRACE-006": Rule("error", "node without an id", "give the node an id such as N12"),
    "L1-TRACE-007": Rule(
        "warning", "support_level missing or unknown", "write explicit or inferred"
    ),
    "L1-TRACE-008": Rule(
        "error", "decision lists no alternatives", "list the alternatives considered"
    ),
    # evidence
    "L1-EVID-001": Rule(
        "error", "evidence file has no table", "transcribe the data as a Markdown table"
    ),
    "L1-EVID-002": Rule(
        "error", "evidence file has no Source", "add `**Source**: Table N in <paper>`"
    ),
    "L1-EVID-003": Rule(
        "error",
        "Source does not match the file name",
        "a file named tableN/figureN must cite Table N / Figure N",
    ),
    "L1-EVID-004": Rule(
        "error",
        "derived file not marked as derived",
        "add `**Extraction type**: derived_subset` and `**Derived from**: <raw file>`",
    ),
    "L1-EVID-005": Rule(
        "warning",
        "Extraction type missing or unknown",
        "write raw_table, derived_subset or figure_reading",
    ),
    "L1-EVID-006": Rule(
        "warning", "evidence file not listed in evidence/README.md", "add a row for it"
    ),
    "L1-EVID-007": Rule("warning", "figure file without Axes", "add `**Axes**: x = ..., y = ...`"),
    "L1-EVID-008": Rule(
        "error",
        "evidence/README.md has no index table",
        "add a table with File, Source, Claims, Description",
    ),
    # staging
    "L1-STAGE-001": Rule(
        "error", "staged observation has an invalid value", "use a value the format allows"
    ),
}
