"""Search: ranked passages with references, exact values and names, never over the budget."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arakit.errors import UsageError
from arakit.query.disclose import estimate_tokens
from arakit.query.index import Index
from arakit.query.search import render, search

CODE = '''"""Train the model."""
import torch

lr = 2e-5  # learning rate
num_iter = 50000
seq_len = 64


def fit(model):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for step in range(num_iter):
        opt.step()
'''


@pytest.fixture
def idx(minimal, tmp_path):
    art = minimal({"src/execution/fit_soft.py": CODE})
    with Index(tmp_path / "i.sqlite") as index:
        index.refresh([art])
        yield index


def _refs(result):
    return [h.ref for h in result.hits]


def test_a_value_is_found_in_another_spelling(idx):
    result = search(idx, "0.00002")
    assert result.hits and result.hits[0].file == "src/execution/fit_soft.py"
    assert "lr = 2e-5" in result.hits[0].text


def test_a_natural_language_question_finds_the_abbreviated_parameter(idx):
    result = search(idx, "What learning rate does the soft fit script use?")
    assert result.hits[0].file == "src/execution/fit_soft.py"
    assert "2e-5" in result.hits[0].text


def test_a_parameter_name_is_matched_exactly(idx):
    result = search(idx, "seq_len")
    assert "seq_len = 64" in result.hits[0].text


def test_an_id_finds_its_entity_first(idx):
    assert _refs(search(idx, "N5"))[0] == "N05"


def test_kind_limits_the_passages(idx):
    result = search(idx, "restart", kinds=["dead_end"])
    assert _refs(result) == ["N05"]
    assert all(h.kind == "claim" for h in search(idx, "restarts", kinds=["claim"]).hits)


def test_a_table_cell_is_found_with_its_headers(idx):
    hit = search(idx, "epochs for cosine restarts", kinds=["table_row"]).hits[0]
    assert hit.ref == "evidence/tables/table1_epochs.md#r2"
    assert "Epochs = 41" in hit.text


def test_an_empty_query_is_a_usage_error(idx):
    with pytest.raises(UsageError):
        search(idx, "the of ?")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    budget=st.integers(min_value=1, max_value=400),
    words=st.sampled_from(
        ["restart", "learning rate", "epochs plateau", "lr 2e-5 num_iter", "N05 C01 table"]
    ),
)
def test_the_answer_never_exceeds_the_token_budget(idx, budget, words):
    result = search(idx, words, max_tokens=budget)
    assert estimate_tokens(render(result)) <= budget
    assert result.tokens <= budget


def test_why_not_finds_the_dead_end_with_its_lesson(idx):
    from arakit.query.whynot import why_not

    result = why_not(idx, "restart at half the rate")
    assert result.hits[0].ref == "N05"
    assert "lesson: Restart at the full rate." in result.hits[0].text
    assert {h.sub for h in result.hits} <= {"dead_end", "pivot", "decision"}


def test_why_not_shows_rejected_alternatives_of_a_decision(idx):
    from arakit.query.whynot import why_not

    hit = next(h for h in why_not(idx, "linear restarts").hits if h.ref == "N03")
    assert "alternatives: step decay, linear restarts" in hit.text


FILLER = "This paragraph is about something else entirely, told at length for the reader. " * 3
PROSE = "# Notes on training\n\n" + "\n\n".join(
    f"{FILLER}It mentions the {word} once." + f"\n\n{FILLER}" * 2
    for word in ("learning", "rate", "hidden", "state", "fit", "soft")
)
CONFIG = (
    '"""Defaults of the simulator."""\n\nDEFAULTS_SIMULATOR = {\n'
    + "".join(f"    'weight_{k}': {k}.5,  # a weight of the cost\n" for k in range(40))
    + "    'Nc': 50,\n    'Qx': 1.0,\n}\n"
)
FILES = ", ".join(f"experiments/phase{k}_run.py" for k in range(30))


@pytest.fixture
def crowded(minimal, tmp_path):
    art = minimal(
        {
            "src/execution/fit_soft.py": CODE,
            "src/execution/old/fit_soft_copy.py": CODE,
            "src/execution/sim.py": CONFIG,
            "logic/solution/notes.md": PROSE,
            "src/execution/listing.md": f"# Listing\n\nfiles: {FILES}, slurm_circuit_tracing.sh\n",
        }
    )
    with Index(tmp_path / "i.sqlite") as index:
        index.refresh([art])
        yield index


def test_a_short_exact_line_in_code_beats_a_long_prose_passage(crowded):
    result = search(crowded, "What learning rate does the soft fit use?")
    files = [h.file for h in result.hits]
    assert files.index("src/execution/fit_soft.py") < files.index("logic/solution/notes.md")


def test_a_key_deep_in_a_dictionary_is_shown_under_the_line_that_names_it(crowded):
    result = search(crowded, "default Nc of the simulator")
    assert result.hits[0].file == "src/execution/sim.py"
    first = render(result).split("\n\n")[0]
    assert "DEFAULTS_SIMULATOR = {" in first and "'Nc': 50" in first


def test_a_long_line_is_shown_by_the_piece_that_matches(crowded):
    hit = search(crowded, "which slurm script runs the circuit tracing", max_tokens=200).hits[0]
    assert "slurm_circuit_tracing.sh" in hit.text
    assert "…" in hit.text and len(hit.text) < len(FILES)


def test_a_copied_file_is_shown_once(crowded):
    texts = [h.text for h in search(crowded, "lr num_iter seq_len").hits]
    assert len(texts) == len(set(texts))


OBJECTIVE = """def cost(sim):
    J_perf = tracking_error(sim)
    J_emergency = emergencies(sim)
    J_cl = np.log(J_perf) + np.log(1 + J_emergency)
    return J_cl
"""
PAPERS = "# Related\n\n" + "".join(
    f"## Paper {k}\n\nPublished in J. Sci. Comput., about flows, {FILLER}\n\n" for k in range(8)
)


@pytest.fixture
def named(minimal, tmp_path):
    art = minimal(
        {
            "src/execution/cost.py": OBJECTIVE,
            "src/execution/models/jnf_model.py": "class JNFDcca:\n    latent = 10\n",
            "logic/solution/papers.md": PAPERS,
            "evidence/logs/notes.md": "# Notes\n\n## Figures\n\nThe build tool does not support ps images.\n",
        }
    )
    with Index(tmp_path / "i.sqlite") as index:
        index.refresh([art])
        yield index


def test_a_name_written_out_finds_the_code_that_shortens_it(named):
    closed = search(named, "Which closed-loop objective?")  # `cl`, the compound's initials
    assert closed.hits[0].file == "src/execution/cost.py" and "J_cl" in closed.hits[0].text
    perf = search(named, "the performance term")  # `perf`, the word's first letters
    assert perf.hits[0].file == "src/execution/cost.py" and "J_perf" in perf.hits[0].text


def test_initials_match_parts_of_identifiers_never_abbreviations_in_prose(named):
    result = search(named, "Where is the joint normalizing flow defined?", max_tokens=300)
    assert result.hits[0].file == "src/execution/models/jnf_model.py"
    sci = search(named, "the simulator class integrates", max_tokens=300)  # initials `sci`
    assert all(h.file != "logic/solution/papers.md" for h in sci.hits)


def test_a_camel_case_name_finds_its_initials_in_prose(named):
    hit = search(named, "Why was PostScript dropped?", max_tokens=200).hits[0]
    assert "does not support ps images" in hit.text
