"""Building blocks for Level 2 tests: the minimal artifact with a second table and extra nodes."""

from __future__ import annotations

from tests.fixtures.minimal import CLAIMS, EVIDENCE_README, TRACE

TABLE2 = """# Table 2: Dropout ablation

**Source**: Table 2 in Warm restarts shorten training
**Caption**: Test accuracy (%) by dropout rate, mean of 3 seeds.
**Extraction type**: raw_table

| Model | test acc (%) | train acc (%) |
| --- | --- | --- |
| dropout-0.0 | 70.2 ± 0.4 | 99.1 ± 0.1 |
| dropout-0.5 | 73.1 ± 0.6 | 86.5 ± 0.9 |
| dropout-0.8 | 71.3 ± 1.2 | 78.0 ± 1.1 |
"""

README2 = EVIDENCE_README + "| tables/table2_dropout.md | Table 2 | C01 | dropout ablation |\n"


def trace_with(result: str, source_refs: str = "[Table 2]") -> str:
    """The minimal trace with N08's result replaced and N08 citing `source_refs`."""
    old = """                support_level: inferred
                result: Same ordering over 3 seeds."""
    assert old in TRACE
    return TRACE.replace(
        old,
        f"""                support_level: explicit
                source_refs: {source_refs}
                result: "{result}\"""",
    )


def with_table2(result: str, source_refs: str = "[Table 2]") -> dict[str, str | None]:
    """Changes for `minimal(...)`: Table 2 added and N08 quoting `result`."""
    return {
        "evidence/tables/table2_dropout.md": TABLE2,
        "evidence/README.md": README2,
        "trace/exploration_tree.yaml": trace_with(result, source_refs),
    }


def claims_with(**fields: str) -> str:
    """The minimal claims.md with fields of C01 replaced, e.g. evidence_basis="..."."""
    text = CLAIMS
    labels = {
        "statement": "Statement",
        "falsification_criteria": "Falsification criteria",
        "evidence_basis": "Evidence basis",
        "interpretation": "Interpretation",
        "status": "Status",
        "proof": "Proof",
    }
    head, rest = text.split("## C02", 1)
    for key, value in fields.items():
        label = labels[key]
        start = head.index(f"- **{label}**:")
        end = head.index("\n", start)
        head = head[:start] + f"- **{label}**: {value}" + head[end:]
    return head + "## C02" + rest


def edit(path: str, old: str, new: str) -> dict[str, str | None]:
    """Changes for `minimal(...)`: one exact replacement in one file of the minimal artifact."""
    from tests.fixtures.minimal import FILES

    text = FILES[path]
    assert old in text, f"{old!r} not in {path}"
    return {path: text.replace(old, new, 1)}


def codes(report, entity: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """The rule codes in a report, optionally only those about one entity."""
    return [f.code for f in report.findings if entity is None or entity in f.entities]
