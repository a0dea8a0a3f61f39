"""Settings stated in sentences: each way papers state them, and what is not a setting."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.glossary import glossary
from arakit.compiler.settings.prose import Reader


def _read(sentence: str) -> list[tuple[str, str, float | None]]:
    return [(s.key, s.value, s.number) for s in settings_in(sentence, Where(3, "4.1", sentence))]


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("We fine-tune with a learning rate of 1e-5 for all tasks.", "learning_rate", "1e-5"),
        ("The batch size 256 fits on one node.", "batch_size", "256"),
        ("A weight decay of 1e-4 is applied.", "weight_decay", "1e-4"),
        ("We set the dropout rate to 0.3.", "dropout", "0.3"),
        ("Models are trained for 300 epochs.", "epochs", "300"),
        ("We use 4000 warmup steps.", "warmup_steps", "4000"),
        ("Gradient clipping at 1.0 keeps updates bounded.", "gradient_clipping", "1.0"),
        ("We draw K=4 samples per prompt.", "samples_per_prompt", "4"),
        ("Each prompt gets K = 4 samples per prompt during training.", "samples_per_prompt", "4"),
        ("We use κ = 0.81 in all experiments.", "kappa", "0.81"),
        ("Results are averaged over five trials.", "repetitions", "five"),
        ("The policy runs in 4 environments in parallel.", "num_envs", "4"),
        ("Responses are cut at a 2,048-token budget.", "max_tokens", "2,048"),
        ("The learning rate of Adam is fixed to 1 · 10−3.", "learning_rate", "1 · 10−3"),
        ("We use AdamW with β1 = 0.9 and weight decay 0.01.", "beta1", "0.9"),
        ("The weight α is always set to 0.5.", "weight_alpha", "0.5"),
        ("Inputs are sampled at a constant frequency of 51200 Hz.", "constant_frequency", "51200"),
    ],
)
def test_each_way_of_stating_a_setting_is_read_with_the_printed_value(
    sentence: str, key: str, value: str
) -> None:
    assert (key, value) in [(k, v) for k, v, _ in _read(sentence)]


def test_a_symbol_takes_the_meaning_the_paper_defined_it_with() -> None:
    algo = "Inputs: number of iterations n; batch size q; length of subsequences m; learning rate λ > 0."
    run = "We fit the model over n = 40000 iterations with λ = 10−4 and q = 62 subsequences of m = 64."
    reader = Reader(glossary([algo, run]))
    got = {s.key: s.number for s in reader.read(run, Where(13, "5.3", run), 1, False)}
    assert got == {"iterations": 40000, "learning_rate": 1e-4, "batch_size": 62, "seq_len": 64}


def test_respectively_pairs_each_name_with_its_value() -> None:
    got = _read(
        "The regularization constant α and the learning rate λ are set to 100 and 10−3, respectively."
    )
    assert [(k, n) for k, _, n in got] == [
        ("regularization_constant_alpha", 100),
        ("learning_rate", 1e-3),
    ]


def test_one_name_with_two_values_respectively_gives_two_settings() -> None:
    got = _read(
        "The observations are corrupted by noise with standard deviation 10 V and 1 A, respectively."
    )
    assert [(v, n) for _, v, n in got] == [("10", 10), ("1", 1)]


def test_a_range_keeps_both_ends() -> None:
    s = settings_in(
        "The prediction horizon Np is an integer parameter in the range [5, 300].", Where(1, "", "")
    )
    assert [(x.name, x.key, x.numbers) for x in s] == [
        ("prediction horizon Np", "np", (5.0, 300.0))
    ]


def test_a_chain_of_equalities_names_the_first_symbol() -> None:
    assert ("fmax", "10", 10) in _read(
        "MPC uses fixed constraints Fmax = −Fmin = 10 N on the input."
    )


def test_a_unit_is_kept_and_glued_symbols_still_end_the_value() -> None:
    s = settings_in("The circuit parameters R = 3 Ωand C = 270 nF are fixed.", Where(1, "", ""))
    assert [(x.name, x.number, x.unit) for x in s] == [("R", 3, "Ω"), ("C", 270, "nF")]


def test_a_qualified_name_is_a_different_setting() -> None:
    assert _read("The validation batch size is 64.")[0][0] == "validation_batch_size"


@pytest.mark.parametrize(
    "sentence",
    [
        "The model R2 index in open-loop simulation is above 0.99 for vC.",
        "RWN-50 reaches an accuracy of 76.4% on ImageNet.",
        "The time required to train the network is 114 seconds.",
        "The total runtime of the algorithm is 192 seconds.",
        "For k = 0, 1, . . . , N − 1 the state is updated.",
        "Then q · k = −s(i − t)2 + const for every position.",
        "This yields the same performance as 64-step simulation error minimization.",
        "The model hits 100% at step 50K and keeps it.",
        "Details are given in Section 3 and numerical examples in Section 4.",
        "The n = 8 case runs correctly.",
        "We compare against one-step prediction error minimization.",
        "Rényi h2 clusters the captures with ARI = 0.720 against Shannon's 0.204.",
        "Adding h3 and h4 gives ΔARI = 0.027 over the single-order rate.",
        "There are three steps involved in generating an AIWC metric.",
        "Our approach consists of three steps: classification and georectification.",
    ],
)
def test_results_math_and_labels_are_not_settings(sentence: str) -> None:
    assert _read(sentence) == []


def test_a_value_in_a_negative_result_is_marked_negative() -> None:
    from arakit.compiler.settings import paper_settings
    from arakit.compiler.pdf.document import DocSection, Document, Paragraph

    text = "A batch size of 1024 does not improve accuracy. We use a batch size of 256."
    doc = Document(path="p.pdf", pages=1)
    doc.sections = [DocSection("4", "Experiments", 1, 1, paragraphs=[Paragraph(text, 1, "4")])]
    found = [(s.number, s.negative) for s in paper_settings(doc) if s.key == "batch_size"]
    assert found == [(1024, True), (256, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "If |ri| < ϵ, then αi = 0 and βi = 0 since both terms vanish.",
        "The measured output y is close to 2 V at the end of the test.",
        "Neural networks have modelled dynamics since the early 90s.",
        "The mission will deliver time series data for 90% of the sky.",
        "We train the 1.5B model for 30 rollout steps.",
    ],
)
def test_derivations_comparisons_decades_and_model_sizes_are_not_settings(sentence: str) -> None:
    assert all(
        s.unit != "B" and s.number not in (0, 2, 90)
        for s in settings_in(sentence, Where(1, "", ""))
    )


def test_a_value_stated_for_an_ablation_or_a_baseline_is_marked_variant() -> None:
    from arakit.compiler.pdf.document import DocSection, Document, Paragraph
    from arakit.compiler.settings import paper_settings

    text = "Setting only λinfo = 0 gives our Signal ablation. We use λinfo = 1 for the full method."
    doc = Document(path="p.pdf", pages=1)
    doc.sections = [DocSection("4", "Setup", 1, 1, paragraphs=[Paragraph(text, 1, "4")])]
    assert [(s.number, s.variant) for s in paper_settings(doc)] == [(0, True), (1, False)]


def test_a_symbol_after_a_preposition_is_not_defined_by_the_words_before_it() -> None:
    text = "Training uses 4 environments for 30 rollout steps with K=4 samples per prompt."
    got = {s.name: s.key for s in settings_in(text, Where(3, "4", text))}
    assert got["K"] == "samples_per_prompt"


@pytest.mark.parametrize(
    "sentence",
    [
        "We find the best matching stellar parameters to be Teff = 5899 ± 55 K.",
        "The star and planet are therefore 35+11 −5 million years old, with age = 35 +11/−5 Myr.",
        "The model is chosen by BIC = −2 L∗ + K log N for each candidate.",
        "The period of the process is P = 2 π/ω1 in this model.",
        "Star B is resolved in the 0.36 m images; Star A is not.",
        "We found a transiting planet, recurring roughly every 8 days.",
    ],
)
def test_measurements_formulas_and_unnamed_quantities_are_not_settings(sentence: str) -> None:
    assert _read(sentence) == []


def test_a_count_of_walkers_one_initialises_is_a_setting() -> None:
    assert _read("We initialize 32 walkers by sampling from an isotropic Gaussian.") == [
        ("n_walkers", "32", 32.0)
    ]


def test_a_known_phrase_inside_a_longer_clause_does_not_name_the_value() -> None:
    got = _read("The transit depth must be brighter than T = 15.07 to be detected.")
    assert all(key != "num_layers" for key, _value, _number in got)


def test_a_value_in_a_when_clause_is_a_case_discussed_not_the_run_setting() -> None:
    case = "Comparing the tables yields that when n is moderately small (n = 10), Bu is better."
    found = settings_in(case, Where(14, "4.3", case))
    assert found and all(s.variant for s in found)
    run = "We set the learning rate to 0.1 when training converges."
    (lr,) = settings_in(run, Where(6, "5", run))
    assert (lr.key, lr.variant) == ("learning_rate", False)


def _pairs(sentence: str) -> list[tuple[str, tuple[float, ...]]]:
    return [(s.name, s.values) for s in settings_in(sentence, Where(2, "3", ""))]


def test_a_set_raised_to_a_shape_is_a_tensor_domain_not_a_setting() -> None:
    assert _pairs("The image is the tensor X ∈{0, . . . , 255}3×H×W .") == []
    assert _pairs("Let Y ∈ [0, 255]H×W represent the luma component.") == []
    assert _pairs("and the chroma components CB, CR ∈ [0, 255] H 2 × W 2 .") == []
    # a range without a shape after it is still read
    assert _pairs("The penalty C ∈ [0.01, 10] was searched.") == [("C", (0.01, 10.0))]


def test_a_symbol_inside_an_expression_is_not_set_by_the_equation() -> None:
    assert _pairs("Hence, ∂L/∂β = 0 means that the discriminator cannot tell them apart.") == []
    assert _pairs("It is solved under the condition ∫ pλ(z)dz = 1 by a multiplier.") == []
    assert _pairs("The gradient is ∂ ln Z = 1 pN (z) e−βD(G(z)) dz.") == []
    assert _pairs("We set β = 0.5 for all runs.") == [("β", (0.5,))]


def test_where_one_model_reduces_to_another_is_not_a_setting() -> None:
    assert (
        _pairs("Noticing that pN is a special case of pλ where β = 0, the prior is general.") == []
    )
    assert _pairs("Noticing the prior, we use β = 2 throughout.") == [("β", (2.0,))]


def test_the_ideal_value_of_a_score_is_not_a_setting() -> None:
    assert _pairs("A score of AAtruth = 0.5 and AAsyn = 0.5 is considered optimal.") == []
    assert _pairs("The threshold τ = 0.5 is used for every class.") == [("τ", (0.5,))]


def test_the_standard_normal_is_a_setting_only_where_values_are_drawn_from_it() -> None:
    assert _pairs("The discriminator values are normalized into N(0, 1).") == []
    got = _pairs("All weights are initialized from N(0, 1).")
    assert len(got) == 1 and got[0][1] == (1.0,)


def test_respectively_before_the_values_gives_one_setting_per_thing() -> None:
    got = _pairs("The datasets are Clic and Kodak, consisting of respectively 32 and 24 images.")
    assert [v for _, v in got] == [(32.0,), (24.0,)]


def test_a_noun_phrase_of_a_value_is_a_setting_without_vocabulary() -> None:
    assert _pairs("A Gaussian blur with a kernel size of 21 is applied.") == [
        ("kernel size", (21.0,))
    ]
    assert _pairs("Each image was resized to a resolution of 512 × 512 pixels.") == [
        ("resolution", (512.0, 512.0))
    ]
    assert _pairs("A random crop of the image by a factor of 0.2 to 1.") == [("factor", (0.2, 1.0))]


def test_an_amount_a_date_or_an_outcome_after_of_is_not_a_setting() -> None:
    assert _pairs("At the end of 2019 the archive held the rest of 40 files.") == []
    assert _pairs("The model reaches an accuracy of 87 on the test split.") == []
    assert _pairs("The survey draws on a collection of 120 papers from the field.") == []
    assert _pairs("Using the equivalence of 2dD∗t ≡ nκ2 [50], the rate follows.") == []


def test_a_shape_after_of_size_belongs_to_the_noun_before_it_not_the_verb_after() -> None:
    got = _pairs("The tests have shown that patches of size 8 × 8 lead to the best performance.")
    assert got == [("patches of size", (8.0, 8.0))]


def test_a_shape_before_a_noun_means_the_size_of_each_one() -> None:
    found = settings_in(
        "Each matrix is split into non-overlapping 8 × 8 patches.", Where(2, "", "")
    )
    assert [(s.name, s.values, s.meaning) for s in found] == [("patches", (8.0, 8.0), "patch size")]
    found = settings_in("The set holds 224 × 224 colored images in 1000 classes.", Where(2, "", ""))
    assert (found[0].name, found[0].meaning) == ("colored images", "colored image size")


def test_forms_without_an_equals_sign_that_set_a_length_a_size_or_a_threshold() -> None:
    assert _pairs("We set the minimum frequency of an edit tree to 3, and kept the rest.") == [
        ("minimum frequency of an edit tree", (3.0,))
    ]
    assert _pairs("We trained a model with 126M parameters as the base.") == [
        ("model size (parameters)", (126e6,))
    ]
    assert _pairs("The scheduler warms up during the first 12k steps, then decays.") == [
        ("warm-up steps", (12000.0,))
    ]
    assert _pairs("The pretraining was stopped after 30 epochs in all experiments.") == [
        ("epochs", (30.0,))
    ]
    got = _pairs("The schedule increases linearly from β(1) = 10⁻⁴ to β(T) = 0.02.")
    assert got == [("β(1)", (1e-4,)), ("β(T)", (0.02,))]


def test_the_same_words_that_report_an_outcome_or_name_a_pronoun_are_not_settings() -> None:
    assert _pairs("We set it to 5 for all runs.") == []
    assert _pairs("The loss drops sharply in the first 5 epochs.") == []
    assert _pairs("Accuracy improved after 30 epochs.") == []
    assert _pairs("We use f(x) = 0 as the boundary.") == []
    assert _pairs("F(2)=1, F(3)=2 Correct F(4)=3, F(5)=5 Correct") == []


def test_a_pair_after_of_and_a_symbol_between_two_values_are_ranges_and_shapes() -> None:
    got = _pairs("The chroma is pooled with a kernel size of (2, 2) and a stride of (2, 2).")
    assert got == [("kernel size", (2.0, 2.0)), ("stride", (2.0, 2.0))]
    assert _pairs("A random Gaussian blur with σ between 0.1 and 2 is applied.") == [
        ("σ", (0.1, 2.0))
    ]
    assert _pairs("The accuracy was between 80% and 90% on all splits.") == []


def test_a_set_to_subject_qualified_by_for_is_named_by_its_head() -> None:
    got = [
        (s.name, s.number)
        for s in settings_in(
            "The number of a priori specified clusters for the cPCA and scPCA methods was set"
            " to 2, and the background data were used.",
            Where(5, "3.1", "", "method"),
        )
    ]
    assert got == [("number of a priori specified clusters", 2)]
    assert _read("The learning rate for the encoder was set to 0.01.") == [
        ("learning_rate", "0.01", 0.01)
    ]


def test_a_count_of_epochs_that_measures_a_patience_is_named_by_the_patience() -> None:
    assert _read("We used early stopping with a patience of 5 epochs.") == [("patience", "5", 5)]
    assert _read("Models are trained for 300 epochs.") == [("epochs", "300", 300)]


def test_values_a_sentence_compares_or_estimates_are_not_settings() -> None:
    assert _read("With dropout, SI-SDR and STOI are 3.58 and 0.155 higher respectively.") == []
    assert _read("The validation loss with dropout is 10% lower.") == []
    assert _read("The RMS difference of the PSFs is on the order of 3 × 10⁻¹¹.") == []
    assert _read("We multiply square matrices of order 2048.") != []


def test_membership_in_the_unit_interval_is_a_domain_and_a_searched_range_is_a_setting() -> None:
    assert _read("The transition is controlled by a stickiness parameter γ ∈ [0, 1].") == []
    assert [k for k, *_ in _read("The regularisation weight C ∈ [0.01, 10] was searched.")] == ["c"]


def test_a_constant_with_its_unit_may_cite_its_source_but_a_bare_value_may_not() -> None:
    got = _read(
        "We adopted a Solar position of r⊙ = 8.122 kpc (Gravity Collaboration et al. 2018)."
    )
    assert got == [("r", "8.122", 8.122)]
    assert _read("It holds only when the true model is µ = 0 (Ye, 1998).") == []
    assert _read("We fixed the extinction at AV = 0.217 (Randich et al. 2018).") == [
        ("av", "0.217", 0.217)
    ]


def test_a_term_of_an_equation_is_not_a_setting() -> None:
    from arakit.compiler.atoms import Where
    from arakit.compiler.settings import settings_in

    def read(sentence: str) -> list[tuple[str, str]]:
        return [(s.name, s.value) for s in settings_in(sentence, Where(5, "2", sentence))]

    assert read("To first order, ∆Jz = 2z ∆z + 2vz ∆vz.") == []
    assert read("The ratio is s = 10 log10( a / b ) in decibels.") == []
    assert read("The cart obeys L¨φ + p̈ cos φ − g sin φ + fφ ˙φ = 0, where φ is the angle.") == []
    assert read("Here a2 ≡ 0.5 · dP/dE is the quadratic term.") == []
    assert read("We set the weight to w = 2 for all runs.") == [("w", "2")]
