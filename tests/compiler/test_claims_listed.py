"""A list the paper announces as its contributions or as the features unique to its tool:
its items are claims whatever their grammar (a noun phrase, a verb without a subject),
taken before the section's other sentences; a list of another tool's features is not."""

from __future__ import annotations

from tests.compiler.paperdoc import claims_of, document

ABSTRACT = "We present FlexGraph, an accelerator for sparse graph analytics on FPGAs."


def test_items_of_an_announced_contribution_list_are_claims() -> None:
    intro = [
        "Graph analytics is memory bound. FlexGraph uses sparse matrices as its graph "
        "structure. FlexGraph decouples traversal from compute. FlexGraph introduces "
        "prefetching buffers for the walkers. Our contributions are as follows: "
        "1. A specialized graph analytics accelerator for heterogeneous CPU-FPGA fabric. "
        "2. A decoupled data structure traversal and compute architecture for sparse matrices. "
        "3. A doubly-compressed sparse matrix-vector multiplication unit on the FPGA."
    ]
    claims = claims_of(document(ABSTRACT, [("1", "Introduction", intro)], "FlexGraph: A Study"))
    assert "A specialized graph analytics accelerator for heterogeneous CPU-FPGA fabric." in claims
    assert "A doubly-compressed sparse matrix-vector multiplication unit on the FPGA." in claims


def test_features_announced_as_unique_to_the_package_are_claims() -> None:
    abstract = "effmass is a Python 3 package for calculating effective masses of semiconductors."
    unique = [
        "To our knowledge, the following features are unique to this package:",
        "• compare the curvature effective mass calculated with several numerical techniques",
        "• calculate the optical effective mass assuming a Kane dispersion.",
    ]
    claims = claims_of(
        document(abstract, [("", "Which features are unique?", unique)], "effmass: A Package")
    )
    assert "calculate the optical effective mass assuming a Kane dispersion." in claims


def test_a_list_of_another_tools_features_is_not_claimed() -> None:
    related = [
        "Effective masses are also computed by other codes. Its main features are unique:",
        "• sumo fits parabolic and non-parabolic dispersions by least squares.",
        "• emc computes the mass tensor by finite differences.",
    ]
    claims = claims_of(document(ABSTRACT, [("", "Related packages", related)], "FlexGraph: X"))
    assert not any("finite differences" in c or "least squares" in c for c in claims)
