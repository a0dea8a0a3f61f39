"""logic/ by rules that respect the paper: concepts only from definitions, experiments that
expect what the paper reports, observations with their numbers, quantities that are
measurements (not labels, years or list marks)."""

from __future__ import annotations

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.claims import falsification, map_claims
from arakit.compiler.mapping.concepts import map_concepts
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.mapping.experiments import map_experiments
from arakit.compiler.mapping.problem import map_problem
from arakit.compiler.mapping.quantities import measured, stated_numbers
from arakit.compiler.mapping.solution import map_heuristics
from arakit.compiler.pdf.document import DocFigure, DocSection, DocTable, Document, Paragraph


def _ctx(abstract: str, sections: list[tuple[str, str, list[str]]]) -> PaperContext:
    doc = Document(path="p.pdf", pages=4, title="A Study", abstract=abstract)
    for number, name, paras in sections:
        sec = DocSection(number=number, title=name, level=1, page=2)
        sec.paragraphs = [Paragraph(p, 2, number) for p in paras]
        doc.sections.append(sec)
    return PaperContext(doc, extract_atoms(doc), "p.pdf")


def test_concepts_come_from_definitions_not_from_sentences_that_use_an_acronym() -> None:
    ctx = _ctx(
        "We present a general method using Approximate Bayesian Computation (ABC) and "
        "Monte Carlo Dropout (MCD).",
        [
            (
                "1",
                "Introduction",
                [
                    "ABC allows rigorous posterior inference without a likelihood function. "
                    "SUBLEQ (subtract and branch if less than or equal to zero) is a "
                    "one-instruction computer. We define the warmup ratio as the share of "
                    "training with closed gates. This is a strict test of reasoning. The "
                    "architecture is a 4-layer transformer."
                ],
            )
        ],
    )
    terms = {c.term: c for c in map_concepts(ctx)}
    assert set(terms) == {"Approximate Bayesian Computation", "SUBLEQ", "Warmup ratio"}
    assert terms["Approximate Bayesian Computation"].notation == "ABC"
    assert terms["Approximate Bayesian Computation"].definition.startswith("ABC allows")


def test_sentences_that_point_back_or_open_with_a_conjunction_define_no_concept() -> None:
    ctx = _ctx(
        "We study transport.",
        [
            (
                "2",
                "Method",
                [
                    "Because the cost is a real transpiled count, the next step is clear. "
                    "This minor deviation is a consequence of the long-time limit. "
                    "The covariance between these is defined as the product below. "
                    "The dataset used in this paper is a dataset of 15,000 radiographs. "
                    "Every error is a failure to copy an unchanged cell. "
                    "This is because VIX is a metric for market risk. "
                    "Matrix factorization is a simple recommender model. "
                    "This performance index is defined as a functional of the response."
                ],
            )
        ],
    )
    terms = {c.term for c in map_concepts(ctx)}
    # the genus-and-difference definition and an explicit "defined as" stay
    assert terms == {"Matrix factorization", "Performance index"}


def test_an_ablation_the_paper_reports_as_a_loss_is_not_expected_to_win() -> None:
    table = DocTable(
        "2",
        "Ablation of RWN-50 on ImageNet.",
        ["Variant", "Top-1 (%)"],
        [["Full model", "76.4"], ["batch size 1024", "76.3"]],
        3,
        "4",
    )
    ctx = _ctx(
        "We propose RWN.",
        [
            (
                "4",
                "Ablation study",
                [
                    "Table 2 removes one component at a time. Increasing the batch size to 1024 "
                    "does not improve accuracy."
                ],
            )
        ],
    )
    ctx.doc.tables.append(table)
    (plan,) = map_experiments(ctx, {})
    expected = plan.experiment.expected_outcome or ""
    assert "does not improve accuracy" in expected
    assert "favourably" not in expected and "strongest" not in expected


def test_a_paper_without_tables_gets_the_evaluations_it_states() -> None:
    ctx = _ctx(
        "We introduce MultiVae, a library.",
        [
            (
                "1",
                "Statement of need",
                [
                    "We ensure reliability by reproducing key results from "
                    "original papers. The code is unit-tested with 94% coverage."
                ],
            )
        ],
    )
    plans = map_experiments(ctx, {})
    assert [p.experiment.title for p in plans] == [
        "We ensure reliability by reproducing key results from original papers",
        "The code is unit-tested with 94% coverage",
    ]
    assert all("94%" not in (p.experiment.expected_outcome or "") for p in plans)


def test_results_held_in_tables_printed_as_images_are_planned_from_what_the_text_says() -> None:
    ctx = _ctx(
        "This work presents a reconfiguration scheme.",
        [
            (
                "5",
                "THE SCHEME",
                [
                    "Performed experiments showed that cores could be signaled and multiplexed. "
                    "TABLE VIII shows the obtained results, when broadcasting the cores. "
                    "The receiver is a set-top box."
                ],
            )
        ],
    )
    titles = [p.experiment.title for p in map_experiments(ctx, {})]
    assert titles == [
        "Performed experiments showed that cores could be signaled and multiplexed",
        "TABLE VIII shows the obtained results, when broadcasting the cores",
    ]


def test_observations_state_their_numbers_and_claims_are_not_observations() -> None:
    ctx = _ctx(
        "The missions have provided light curves of more than 400,000 objects to the community. "
        "We present a package that reads them all in a few lines of Python.",
        [],
    )
    problem = map_problem(ctx)
    assert [o.statement for o in problem.observations] == [
        "The missions have provided light curves of more than 400,000 objects to the community."
    ]
    assert "400,000 objects" in (problem.observations[0].evidence or "")


def test_labels_years_citations_and_list_marks_are_not_measured_quantities() -> None:
    text = (
        "In Round 1 (see Table 2 and [12]), the 4-layer model of Chen et al. (2019) reaches "
        "76.4% top-1 accuracy, 1.1 points above (1) the baseline, on 703/703 programs."
    )
    assert [(q.printed, q.what) for q in measured(text)] == [
        ("76.4%", "top-1 accuracy"),
        ("1.1 points", ""),
        ("703/703", "programs"),
    ]
    assert stated_numbers("Since 2009 the 2 missions covered 200,000 objects.") == [
        "200,000 objects"
    ]
    criteria = falsification("In Round 1 the model of [12] reaches 100% accuracy.", ["E01"])
    assert "reported 100%" in criteria and "reported 1 " not in criteria
    assert "reported 12" not in criteria


def test_a_dataset_is_a_name_said_or_spelled_like_one_never_a_capitalised_word() -> None:
    ctx = _ctx(
        "We present an estimator.",
        [
            (
                "5",
                "Results",
                [
                    "Clusters are scored using Adjusted Rand Index on Apple hardware. "
                    "We evaluate on CIFAR-10 and with the WMT24 dataset."
                ],
            )
        ],
    )
    doc = ctx.doc
    doc.tables.append(
        DocTable("1", "Accuracy results.", ["Method", "Acc"], [["Ours", "91.2"]], 2, "5")
    )
    (plan,) = map_experiments(ctx, {})
    assert plan.experiment.setup.dataset == "CIFAR-10"


def test_a_software_paper_without_results_plans_checks_of_what_it_says_the_software_does() -> None:
    ctx = _ctx(
        "effmass is a Python package for calculating effective masses from band structures. "
        "It is designed to read the output of several electronic structure codes.",
        [("", "Statement of need", ["Materials scientists need effective masses."])],
    )
    ctx.doc.title = "effmass: a package"
    titles = [p.experiment.title for p in map_experiments(ctx, {})]
    assert titles and titles[0].startswith("effmass is a Python package for calculating")


def test_a_figure_made_as_its_caption_says_is_set_up_from_its_caption() -> None:
    ctx = _ctx(
        "We show that varied response rates stabilise large systems.",
        [
            (
                "",
                "Methods",
                [
                    "Every simulated matrix had a diagonal of minus one. "
                    "Stability was computed from 500 eigenvalue draws per matrix."
                ],
            ),
            ("", "Results", ["Stability rises with variation (Figure 1)."]),
        ],
    )
    ctx.doc.figures.append(
        DocFigure(
            "1",
            "Stability against system size. In each panel, 10000 random matrices were "
            "simulated at each size.",
            3,
            "",
        )
    )
    (plan,) = map_experiments(ctx, {})
    first = plan.experiment.procedure[0]
    assert first == (
        "Set up as Figure 1 states: In each panel, 10000 random matrices were simulated at "
        "each size."
    )


def test_without_a_setup_section_the_method_sentence_that_says_how_runs_were_made_is_the_setup() -> (
    None
):
    ctx = _ctx(
        "We show that varied response rates stabilise large systems.",
        [
            (
                "",
                "Methods",
                [
                    "the sign of any positive element flipped. "
                    "Each matrix was simulated 200 times with a new random seed."
                ],
            ),
            ("", "Results", ["Stability rises with variation (Figure 1)."]),
        ],
    )
    ctx.doc.figures.append(DocFigure("1", "Stability against system size.", 3, ""))
    (plan,) = map_experiments(ctx, {})
    assert plan.experiment.procedure[0].endswith(
        "Each matrix was simulated 200 times with a new random seed."
    )


def test_a_claim_cites_the_experiment_about_it_and_none_when_no_experiment_is() -> None:
    ctx = _ctx(
        "We show that gated warmup improves top-1 accuracy on ImageNet. "
        "We also show that the method is simple to implement in any framework.",
        [("4", "Results", ["Table 1 shows gated warmup against plain warmup on ImageNet."])],
    )
    ctx.doc.tables.append(
        DocTable(
            "1",
            "Top-1 accuracy of gated warmup on ImageNet.",
            ["Method", "Top-1 accuracy"],
            [["Gated warmup", "76.4"], ["Plain warmup", "75.3"]],
            2,
            "4",
        )
    )
    planned = map_experiments(ctx, {})
    claims = {c.statement: c.proof for c in map_claims(ctx, planned)}
    accuracy = next(k for k in claims if "accuracy" in k)
    simple = next(k for k in claims if "simple" in k)
    assert claims[accuracy] == ["E01"]
    assert claims[simple] == []


def test_a_heuristic_is_a_whole_sentence_never_a_fragment_cut_at_a_break() -> None:
    ctx = _ctx(
        "We present an estimator.",
        [
            (
                "3",
                "Method",
                [
                    "response rate of system components had a stabilising effect on the model.",
                    "In practice, clipping the gradient at 1.0 was necessary for stable training.",
                    "In practice, this resulted in a",
                ],
            )
        ],
    )
    assert [h.rationale for h in map_heuristics(ctx, {})] == [
        "In practice, clipping the gradient at 1.0 was necessary for stable training."
    ]


def test_a_table_with_metrics_down_its_rows_plans_the_columns_as_configurations() -> None:
    table = DocTable(
        "2",
        "Classification performance against baselines.",
        ["Metrics", "TextCNN", "GPT-4", "Our Approach"],
        [["Macro F1", "50.1%", "69.9%", "76.4%"], ["Accuracy", "54.3%", "69.5%", "76.5%"]],
        8,
        "6.2",
    )
    ctx = _ctx(
        "We classify commits.",
        [
            ("2.3", "Large Language Models", ["LLMs such as LLaMa2 [30] are pre-trained on text."]),
            (
                "6.1",
                "Method",
                ["We randomly sampled 200 commits for each of the 10 types for fine-tuning."],
            ),
            (
                "6.2",
                "Results",
                [
                    "Table 2 presents the results. The tool checks commits automatically, "
                    "thereby improving message quality."
                ],
            ),
        ],
    )
    ctx.doc.tables.append(table)
    (plan,) = map_experiments(ctx, {})
    exp = plan.experiment
    assert exp.setup is not None and exp.setup.model == "TextCNN, GPT-4, Our Approach"
    assert exp.metrics == "Macro F1, Accuracy"
    assert exp.baselines == "TextCNN, GPT-4"
    # the setup is the method of the results' chapter, not a background sentence whose only
    # "numbers" are a citation mark and a digit inside a model's name
    assert "200 commits" in exp.procedure[0]
    # a verdict not about the table (no configuration, metric or "our" in it) is not quoted
    assert "improving message quality" not in (exp.expected_outcome or "")


def test_a_table_of_words_alone_is_no_experiment_while_a_table_of_figures_is() -> None:
    symbols = DocTable(
        "1",
        "Morphological landmarks and their abbreviations.",
        ["Abbreviation", "Description"],
        [["UTP", "Upper tip of the premaxilla"], ["EYE", "Centre of the eye"]],
        3,
        "5",
    )
    scores = DocTable(
        "2",
        "Held-out classes per fold.",
        ["Model", "Fold 1", "Fold 2"],
        [["SVM", "0.96", "0.94"], ["CNN", "0.83", "0.81"]],
        4,
        "5",
    )
    ctx = _ctx("We classify fish.", [("5", "Results", ["Table 2 compares the models."])])
    ctx.doc.tables += [symbols, scores]
    titles = [p.experiment.title for p in map_experiments(ctx, {})]
    assert titles == ["Table 2: Held-out classes per fold"]


def test_a_sentence_is_one_problem_entry_and_sentences_about_the_paper_are_no_observation() -> None:
    difficulty = (
        "Modelling intermediate-regime transport is difficult because hopping models cannot "
        "describe delocalisation."
    )
    ctx = _ctx(
        difficulty + " However, existing simulators cannot reach large systems.",
        [
            (
                "1",
                "Introduction",
                [
                    difficulty
                    + " Training such models on real materials is expensive and time-consuming. "
                    "The primary contribution of this paper is a fast simulator. "
                    "We also show that it is possible to match a full model with 60% of the data."
                ],
            )
        ],
    )
    problem = map_problem(ctx)
    observed = [o.statement for o in problem.observations]
    gaps = [g.statement for g in problem.gaps]
    assert observed == ["Training such models on real materials is expensive and time-consuming."]
    assert gaps == [difficulty, "However, existing simulators cannot reach large systems."]
