"""Level 2 on what real artifacts by other writers say (seen on thirteen artifacts outside the
corpus; every text here is written for the test): each case is a false alarm the rules raised
and no longer raise, next to the defect the same rule must still find."""

from __future__ import annotations

from arakit.seal.level2 import review
from tests.fixtures.minimal import EXPERIMENTS, FILES
from tests.seal.level2.helpers import claims_with, codes, edit

EXP = "logic/experiments.md"
CLAIMS_FILE = "logic/claims.md"


def c01(minimal, **fields: str) -> list[str]:  # type: ignore[no-untyped-def]
    return codes(review(minimal({CLAIMS_FILE: claims_with(**fields)})), "C01")


# D2: what a criterion can be checked by
def test_criteria_naming_an_observable_event_or_a_check_are_measurable(minimal):
    for crit in (
        "The method reaches the oracle's recall at the same budget.",
        "The panel pattern never changes across an episode.",
        "A counterexample satisfying all premises where the space does not contract.",
        "The captured code does not define typed evidence relations.",
        "The restarted run is not faster to its first useful move than step decay.",
    ):
        assert "L2-D2-003" not in c01(minimal, falsification_criteria=crit), crit


def test_criteria_that_defer_to_opinion_are_still_unmeasurable(minimal):
    found = c01(minimal, falsification_criteria="If later work disagrees with this.")
    assert "L2-D2-003" in found


def test_the_exact_negation_of_a_precise_statement_is_a_falsifier_not_a_tautology(minimal):
    statement = "Three step-ons of the switch reach the target from the fresh start."
    crit = "From the fresh start, no number of step-ons of the switch reaches the target."
    assert "L2-D2-002" not in c01(minimal, statement=statement, falsification_criteria=crit)
    truth = "The claim is false if it is not true that three step-ons reach the target."
    assert "L2-D2-002" in c01(minimal, statement=statement, falsification_criteria=truth)


# D1: causes and generality
def test_a_cause_that_holds_by_construction_needs_no_ablation(minimal):
    by_design = (
        "Parameters grow linearly with tasks because each module has a constant number of "
        "parameters."
    )
    assert "L2-D1-005" not in c01(minimal, statement=by_design)
    empirical = "Restarts reach loss 0.1 sooner, because the schedule causes it."
    assert "L2-D1-005" in c01(minimal, statement=empirical)


def test_a_task_called_transfer_or_an_over_generalization_is_no_generality_claim(minimal):
    for statement in (
        "Restarts help in cross-device transfer of the toy task.",
        "The reviewer flagged C02 as an over-generalization of the toy task.",
    ):
        assert "L2-D1-006" not in c01(minimal, statement=statement), statement
    assert "L2-D1-006" in c01(minimal, statement="Restarts generalize across datasets.")


def test_an_experiment_summary_written_as_its_own_field_counts_for_the_topic(minimal):
    thin = EXPERIMENTS.replace(
        "- **Metrics**: epochs to target (epochs)",
        "- **Summary**: Momentum tuning with nesterov variants lowered the plateau length.",
        1,
    ).replace("## E01: Schedules compared", "## E01: Run A", 1)
    statement = "Nesterov momentum tuning shortens the plateau length of momentum variants."
    files = {EXP: thin, CLAIMS_FILE: claims_with(statement=statement)}
    assert "L2-D1-004" not in codes(review(minimal(files)), "C01")


# D3: universal words in context
def test_universal_words_that_explain_advise_or_are_scoped_are_not_overclaims(minimal):
    for statement in (
        "Restarts reach loss 0.1 sooner, whereas step decay is not guaranteed to.",
        "The correct response to a lucky seed is a second seed, never a new modifier.",
        "Restarts never exceeded 63 epochs in 3 of 3 tested seeds.",
        "The cap can only lower a score, never raise it.",
    ):
        assert "L2-D3-001" not in c01(minimal, statement=statement), statement
    assert "L2-D3-001" in c01(minimal, statement="Restarts always win, for any model.")


def test_any_model_needs_several_models_not_only_several_datasets(minimal):
    datasets = EXPERIMENTS.replace("**Dataset**: 1,000 synthetic points", "**Dataset**: A, B, C")
    files = {EXP: datasets, CLAIMS_FILE: claims_with(statement="It holds for any model.")}
    found = [f.message for f in review(minimal(files)).findings if f.code == "L2-D3-001"]
    assert found and "model(s)" in found[0]


# D4, D5: failed as an adjective; a claim that took up a dead end's lesson
def test_failed_runs_named_as_a_measured_group_contradict_no_claim(minimal):
    old = "result: Restarts reached the target at epoch 41, step decay at 63."
    files = edit("trace/exploration_tree.yaml", old, "result: Failed runs are 90% of the cost.")
    assert "L2-D4-003" not in codes(review(minimal(files)))
    files = edit("trace/exploration_tree.yaml", old, "result: Restarts failed to reach 0.1.")
    assert "L2-D4-003" in codes(review(minimal(files)))


# D6: baselines and variance where other writers put them
def test_a_baseline_named_in_the_procedure_counts(minimal):
    no_field = EXPERIMENTS.replace("- **Baselines**: step decay\n", "").replace(
        "1. Train with each schedule.", "1. Compare against the step-decay baseline.", 1
    )
    assert "L2-D6-001" not in codes(review(minimal({EXP: no_field})), "C01")
    bare = EXPERIMENTS.replace("- **Baselines**: step decay\n", "").replace(
        "1. Train with each schedule.", "1. Train once.", 1
    )
    assert "L2-D6-001" in codes(review(minimal({EXP: bare})), "C01")


def test_rather_than_contrasts_readings_and_compares_nothing(minimal):
    bare = EXPERIMENTS.replace("- **Baselines**: step decay\n", "")
    statement = "A single-seed crossing is a lucky singleton rather than a robust family."
    files = {EXP: bare, CLAIMS_FILE: claims_with(statement=statement)}
    assert "L2-D6-001" not in codes(review(minimal(files)), "C01")


def test_a_stated_count_of_evaluated_items_or_a_census_is_a_sample(minimal):
    crit = "Accuracy below 0.4."
    for statement in (
        "Restarts raise accuracy from 72.4% to 93.7% over 450 paired questions.",
        "Restarts reach the target on 3/12 tasks of the suite (25%).",
        "Restarts need 0.86 to 1.07 extra epochs per task.",
    ):
        found = c01(
            minimal, statement=statement, evidence_basis="E01.", falsification_criteria=crit
        )
        assert "L2-D6-002" not in found, statement
    single = "Restarts reach 0.53 accuracy."
    found = c01(minimal, statement=single, evidence_basis="E01.", falsification_criteria=crit)
    assert "L2-D6-002" in found


# numbers: settings, data paths, points, loose row names
RUNS = """# Table 4: Runs

**Source**: results/runs_v2/summary.csv
**Extraction type**: raw_table

| model | regime | accuracy |
| --- | --- | --- |
| hubert | cross | 0.5466 |
| hubert_odi | cross | 0.5473 |
| hear | cross | 0.5040 |
| hear | matched | 0.5788 |
"""


def _with_runs(statement: str) -> dict[str, str | None]:
    readme = FILES["evidence/README.md"] + "| tables/table4_runs.md | runs | C01 | runs |\n"
    return {
        "evidence/tables/table4_runs.md": RUNS,
        "evidence/README.md": readme,
        CLAIMS_FILE: claims_with(statement=statement, evidence_basis="E01."),
    }


def run_codes(minimal, statement: str) -> list[str]:  # type: ignore[no-untyped-def]
    return codes(
        review(minimal(_with_runs(statement + " (`results/runs_v2/summary.csv`)."))), "C01"
    )


def test_a_cited_data_path_resolves_to_the_evidence_file_transcribing_it(minimal):
    assert "L2-D1-001" not in run_codes(minimal, "Accuracy is 0.5473 cross-device")
    assert "L2-D1-001" in run_codes(minimal, "Accuracy is 0.5743 cross-device")


def test_a_gap_in_points_between_two_fractions_is_derived(minimal):
    assert "L2-D1-001" not in run_codes(minimal, "Matched beats cross for hear by 7.5 points")


def test_a_value_of_a_row_whose_name_extends_the_one_written_is_no_slip(minimal):
    assert "L2-D1-002" not in run_codes(minimal, "hubert with the clinical feature reaches 0.5473")
    assert "L2-D1-002" in run_codes(minimal, "hear reaches 0.5466 cross-device")


def test_a_parameter_written_as_a_symbol_is_a_setting_not_a_result(minimal):
    statement = "A slower average (β=0.99) beats a faster one (β=0.995) (Table 1)."
    assert "L2-D1-001" not in c01(minimal, statement=statement)
