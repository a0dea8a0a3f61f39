"""Claims include the findings a paper reports in its Results and Discussion sections and
states without "we show that" in its abstract and conclusion — comparisons, rankings,
changes with their size, negative results, inferences from the results — and never its
method, its plans, its expectations, a pointer to a table, or the work it cites."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.claim_results import MIN_SCORE, RESULT_CAP, finding_score
from arakit.compiler.mapping.claims import unlisted_note
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.pdf.document import Document
from tests.compiler.paperdoc import claims_of as _claims
from tests.compiler.paperdoc import document as _doc


@pytest.mark.parametrize(
    "sentence",
    [
        "Doubling the adapter width raises validation loss from 2.41 to 2.77 on the held-out split.",
        "The pruned tagger beats the full one on German text (0.884 vs. 0.861 macro F1).",
        "Eleven of the 12 ablated variants lose accuracy against the complete model.",
        "There is no benefit from adding the synthetic images to the training set.",
        "The curriculum variant proved to be ineffective for the smaller vocabularies.",
        "This suggests that the encoder relies on colour alone when two objects differ.",
        "The ridge baseline obtains an accuracy of 0.62 on the shifted test set.",
        "Our sampler halves the wall-clock time compared to the reference implementation.",
        "The table shows that our parser surpasses every baseline in both macro metrics.",
        "Stability was unaffected by the spread of rates, consistent with a proof by Lee et al.",
        "For small inputs, the enumerating solver is often faster than the symbolic one.",
        # a metric named by its acronym with its value; a value before the metric; "performs best"
        "However, with just 60% of the labeled data, we achieve an mAP of 0.123 on the test set.",
        "Training on real data is performing best with 87.6% accuracy on the held-out split.",
        "The convolutional models overall perform best with regard to minimizing the train loss.",
        # a multiple of another's outcome; a value given; a value before a qualified metric
        "The compiled version yielding identical output runs about twice as fast as the script.",
        "The prefetching unit gives the kernel an average speed-up of 45% on every graph.",
        "Several detectors achieved 99%+ multiclass accuracy on the original test split.",
        # an inference drawn from the results
        "These results imply a high likelihood for one companion, but not for a second one.",
        "From the fitted curve we can infer that the companion has a mass of about 5 MJ.",
    ],
)
def test_a_sentence_reporting_an_outcome_is_a_finding(sentence: str) -> None:
    assert finding_score(sentence) >= MIN_SCORE


@pytest.mark.parametrize(
    "sentence",
    [
        # method and configuration
        "This gives 64 different configurations that are evaluated on every test file.",
        "For each run, the checkpoint with the lowest validation loss is saved.",
        "We set the learning rate to 0.001 and train for 20 epochs on four GPUs.",
        # plans, wishes and expectations
        "The next decisive experiment is to repeat the comparison with three seeds.",
        "It would be interesting to see whether a larger context window helps.",
        "It is expected that a larger embedding will improve the F1 score at some cost.",
        # a pointer that reports nothing, others' work, a purpose
        "Table 2 shows the results of all models on the validation set.",
        "Prior detectors reach an accuracy of 0.91 on this benchmark (Smith et al., 2019).",
        "Both splits were generated in order to compare the two tokenisers.",
        # a ranking word that ranks no outcome
        "If we call the largest loop bound k, the checker becomes a complete procedure.",
        # what is yet to be measured, a guess, a sentence broken off at a column
        "Improvement will be measured by the reduction in risk the second forecast offers.",
        "It is likely that the variation exceeds what the adjustment can improve by 5%.",
        "which shows that the solution is free of pre-determined weights of the two inputs.",
        # a figure's content told in the past tense; a legend told as a sentence
        "Figure 14 showed the performance gain of using two cores versus a single one.",
        "The dashed line with crosses indicates the number of three-hour samples that surpass "
        "each threshold in the simulation using the coarse ocean grid.",
        # how the method decides, in the present; how a measure was computed
        "Samples whose reconstruction error exceeds the learned threshold are classified as "
        "faults, in 99% of the windows.",
        "Accuracy was computed from the difference between the counted and the real 45 beats.",
    ],
)
def test_method_plans_pointers_and_background_are_not_findings(sentence: str) -> None:
    assert finding_score(sentence) < MIN_SCORE


def test_the_strongest_findings_of_the_results_section_become_claims() -> None:
    doc = _doc(
        "We present a tagger that reads single tokens.",
        [
            (
                "4",
                "Results",
                [
                    "We trained every configuration on the full corpus. Table 3 shows the "
                    "results of all runs. Overall, the skip-gram embeddings give the best "
                    "macro F1 of 0.874, ahead of CBOW (0.851). Case folding lowers the score "
                    "from 0.874 to 0.862.",
                    "Training on the half corpus gave no benefit over the quarter corpus.",
                ],
            ),
            (
                "5",
                "Conclusion and Future Work",
                [
                    "The tagger reaches 0.874 macro F1 with single tokens. It would be "
                    "interesting to add the neighbouring words as features.",
                ],
            ),
        ],
    )
    got = _claims(doc)
    assert got[0] == "We present a tagger that reads single tokens."
    assert any(c.startswith("Overall, the skip-gram embeddings give the best") for c in got)
    assert "Case folding lowers the score from 0.874 to 0.862." in got
    assert "Training on the half corpus gave no benefit over the quarter corpus." in got
    assert not any("Table 3 shows" in c or "We trained every" in c for c in got)
    assert not any("It would be interesting" in c for c in got)  # a plan under the heading


def test_a_finding_restated_with_the_same_number_is_kept_once() -> None:
    doc = _doc(
        "We present a classifier for condescending language.",
        [
            (
                "4",
                "Results",
                [
                    "(c) Fine-tuned encoder For the fine-tuned encoder we obtained a macro F1 "
                    "of 0.5074, the best result among all models. Overall, the fine-tuned "
                    "encoder gave the best performance on the first subtask with a macro F1 "
                    "of 0.5074.",
                ],
            )
        ],
    )
    got = [c for c in _claims(doc) if "0.5074" in c]
    assert len(got) == 1


def test_a_conclusion_headed_with_future_work_still_gives_its_findings() -> None:
    doc = _doc(
        "We present a tagger that reads single tokens.",
        [
            (
                "6",
                "Conclusion and Future Work",
                [
                    "We propose a tagger trained on word embeddings. For comparison, a "
                    "rule-based tagger trained on the same data returns a macro F1 of only "
                    "0.801. We will add context features in future work.",
                ],
            )
        ],
    )
    got = _claims(doc)
    assert "We propose a tagger trained on word embeddings." in got
    assert any(c.startswith("For comparison, a rule-based tagger") for c in got)
    assert not any("future work" in c for c in got)


def test_what_the_abstract_says_the_authors_did_is_a_claim_but_not_an_assumption() -> None:
    doc = _doc(
        "This paper details our system for a shared task on patronising language. We have "
        "used several methods, from linear models on bags of words to fine-tuned encoders, "
        "for both subtasks. We assumed a uniform prior over the seven categories.",
        [],
    )
    got = _claims(doc)
    assert any(c.startswith("We have used several methods") for c in got)
    assert not any(c.startswith("We assumed") for c in got)


def test_a_summary_and_discussion_section_is_read_as_the_conclusion() -> None:
    doc = _doc(
        "We study diffusion in simulated crystals.",
        [
            (
                "5",
                "Summary and Discussion",
                [
                    "We have introduced and evaluated a regression method for estimating "
                    "the diffusion coefficient from simulation data."
                ],
            )
        ],
    )
    assert any(c.startswith("We have introduced and evaluated a regression") for c in _claims(doc))


def test_a_funding_note_read_into_the_introduction_is_no_claim() -> None:
    """IEEE sets the funding note at the foot of the first column without a mark, so it is
    read into the introduction; "This work ..." opens it like a claim, but it says who paid."""
    doc = _doc(
        "We show that self-supervised pretraining reaches the baseline's mAP with 60% of the "
        "labels.",
        [
            (
                "1",
                "Introduction",
                [
                    "We show that it is possible to improve the detector with unlabeled data. "
                    "This work was supported in part by the Science Foundation under Project "
                    "UIP-2017-05-4968. This work reduces the labels needed by 40%.",
                ],
            )
        ],
    )
    got = _claims(doc)
    assert not any("supported in part" in c for c in got)
    assert any(c.startswith("This work reduces the labels") for c in got)


def test_method_beliefs_and_bracketed_author_year_background_are_no_claims() -> None:
    """IJCAI cites as "[Kingma et al., 2016]": a sentence about that work is background;
    "We use ..." in the present says what the method is made of; "We believe ..." and "We
    hypothesize ..." are no findings. The findings beside them stay."""
    doc = _doc(
        "We propose a pull-back prior for variational autoencoders. We use a dataset of chest "
        "X-ray images with boxes for 13 classes. The pull-back prior outperforms the standard "
        "Gaussian prior on all four datasets.",
        [
            (
                "1",
                "Introduction",
                [
                    "In the past, many researches [Kingma et al., 2016; Tomczak and Welling, "
                    "2016] focused on enriching the posterior, but recently [Tomczak and "
                    "Welling, 2018] showed that the standard prior could lead to underfitting. "
                    "In our framework, we use the gradient penalty terms of WGAN-GP [Gulrajani "
                    "et al., 2017] to achieve the Lipschitz constraint.",
                ],
            ),
            (
                "5",
                "Conclusion",
                [
                    "We propose an efficient and stable training method for the prior. We "
                    "believe that the prior could lead such models into a new stage. We "
                    "hypothesize that the encoder produces more salient feature maps.",
                ],
            ),
        ],
    )
    got = _claims(doc)
    assert "We propose a pull-back prior for variational autoencoders." in got
    assert any(c.startswith("The pull-back prior outperforms") for c in got)
    assert any(c.startswith("We propose an efficient and stable") for c in got)
    for wrong in (
        "In the past",
        "We use a dataset",
        "In our framework, we use",
        "We believe",
        "We hypothesize",
    ):
        assert not any(c.startswith(wrong) for c in got), wrong


@pytest.mark.parametrize(
    "sentence",
    [
        "In addition, our submission obtained 2nd place against three other submissions.",
        "However, this does not extend to its morphology, as the tagger performs best only "
        "in the language it was trained on.",
    ],
)
def test_a_place_in_a_ranking_and_a_result_that_does_not_extend_are_findings(
    sentence: str,
) -> None:
    assert finding_score(sentence) >= MIN_SCORE


def _results_paper(findings: int) -> Document:
    """A paper whose Results section reports `findings` distinct findings after a
    conclusion and an abstract that state one each."""
    said = [
        f"Variant {chr(65 + k)} lowers the error from {3 + k}.{k}1 to {1 + k}.{k}2 on split {k}."
        for k in range(findings)
    ]
    return _doc(
        "We present a sampler for sparse graphs.",
        [
            ("4", "Results", [" ".join(said)]),
            ("5", "Conclusion", ["We have presented a sampler that is exact on trees."]),
        ],
    )


def test_claims_come_abstract_first_then_the_strongest_results_then_the_conclusion() -> None:
    got = _claims(_results_paper(3))
    assert got[0] == "We present a sampler for sparse graphs."
    assert got[-1] == "We have presented a sampler that is exact on trees."
    assert all(c.startswith("Variant") for c in got[1:-1]) and len(got) == 5


def test_findings_beyond_the_bound_are_counted_in_the_claims_file_not_dropped_silently() -> None:
    doc = _results_paper(RESULT_CAP + 3)
    got = [c for c in _claims(doc) if c.startswith("Variant")]
    assert len(got) == RESULT_CAP
    note = unlisted_note(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    assert f"at most {RESULT_CAP} findings" in note
    assert "3 further findings of the results sections are not listed here — §4 (p. 2): 3." in note
    assert (
        unlisted_note(PaperContext(_results_paper(2), extract_atoms(_results_paper(2)), "p")) == ""
    )
