"""Dead ends the paper narrates ("had to be abandoned after several attempts, as ...") become
trace nodes cited by page; other people's dead ends, plans and results do not."""

from __future__ import annotations

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.exploration import build_trace
from arakit.compiler.paper_trials import paper_trials
from tests.compiler.paperdoc import document

ENDEAVOR = (
    "Our endeavor to use this embedding had to be abandoned after several attempts, as the "
    "SVM would not finish training even after 24h training time."
)
INEFFICIENT = "The general class approach also proved to be inefficient."


def _doc():  # type: ignore[no-untyped-def]
    return document(
        "We tag German text with word embeddings and an SVM.",
        [
            ("1", "Related Work", ["Smith et al. abandoned this approach after several attempts."]),
            ("2", "Embeddings", [f"We trained word2vec models. {ENDEAVOR} We used 300 dimensions."]),
            ("3", "Results", [f"The sub-classes were hard to learn. {INEFFICIENT}",
                              "In future work we will abandon the general classes.",
                              "The SVM reaches an F1 of 0.919."]),
        ],
    )  # fmt: skip


def test_the_papers_own_attempts_given_up_are_read_with_their_page_and_section() -> None:
    trials = paper_trials(_doc())
    assert [(t.sentence, t.where) for t in trials] == [
        (ENDEAVOR, "p. 2, §2"),
        (INEFFICIENT, "p. 2, §3"),
    ]


def test_a_paper_narrated_dead_end_is_a_trace_node_cited_by_page_not_by_commit() -> None:
    doc = _doc()
    trace = build_trace(doc, extract_atoms(doc), None, "paper.pdf")
    dead = [n for n in trace.nodes() if n.type == "dead_end"]
    assert [n.source_refs for n in dead] == [["paper.pdf: p. 2, §2"], ["paper.pdf: p. 2, §3"]]
    assert dead[0].failure_mode == "The paper says it was given up (p. 2, §2)"
    assert dead[0].extra == {"from": "the paper, p. 2, §2"}
