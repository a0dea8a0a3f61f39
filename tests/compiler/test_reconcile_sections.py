"""A paper with several experiments: each section's settings are compared with the code
of the folder that section reports (Scope.sections), never with another experiment's
folder. Real-shaped project files, read by the project's parameter readers."""

from __future__ import annotations

from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.repo.params import params_of
from arakit.compiler.settings import paper_settings

SIR = "We train each model for 3000 steps with the ADAM optimizer and a learning rate of 0.005."
SIMPLE = (
    "We train each model for 20 000 steps with the ADAM optimizer and a learning rate of 0.001."
)
FILES = {
    "scripts/fracode/model_fitting.py": (
        "import torch\n\nLR = 0.005\nopt = torch.optim.RMSprop(model.parameters(), lr=LR)\n"
    ),
    "scripts/simple/run.py": (
        "import torch\n\nLR = 0.001\n\n\ndef run_npu(model):\n"
        "    return torch.optim.Adam(model.parameters(), lr=LR)\n\n\n"
        "def run_nalu(model):\n    return torch.optim.RMSprop(model.parameters(), lr=LR)\n"
    ),
    "scripts/arithmetic/invx.py": (
        "import torch\n\nLR = 0.005\nopt = torch.optim.RMSprop(model.parameters(), lr=LR)\n"
    ),
}
SECTIONS = {"4.2": "scripts/simple", "4.3": "scripts/arithmetic"}


def _paper() -> Document:
    doc = Document(path="p.pdf", pages=9)
    doc.sections = [
        DocSection("4.1", "Population dynamics", 6, 6, paragraphs=[Paragraph(SIR, 6, "4.1")]),
        DocSection("4.2", "Simple arithmetic", 7, 7, paragraphs=[Paragraph(SIMPLE, 7, "4.2")]),
    ]
    return doc


def _optimisers(sections: dict[str, str] | None) -> dict[str, Verdict]:
    params = [p for rel, text in FILES.items() for p in params_of(text, rel)]
    found = reconcile(paper_settings(_paper()), params, sections=sections)
    return {v.paper_where: v for v in found if v.key == "optimizer"}


def test_each_section_is_compared_with_its_own_experiments_folder() -> None:
    got = _optimisers(SECTIONS)
    simple = got["p. 7, §4.2"]
    # §4.2 reports scripts/simple: 'each model' with ADAM, one model there uses RMSprop
    assert (simple.verdict, simple.code_where) == ("mismatch", "scripts/simple/run.py:11")
    sir = got["p. 6, §4.1"]
    # §4.1 is not §4.3: scripts/arithmetic/ is another experiment's code
    assert sir.code_where.startswith("scripts/fracode/"), sir.code_where


def test_without_the_section_map_a_section_may_land_on_another_experiments_code() -> None:
    # what the map prevents: §4.1's values agree with both folders and the shorter path wins
    got = _optimisers(None)
    assert got["p. 6, §4.1"].code_where.startswith("scripts/arithmetic/")
    assert got["p. 7, §4.2"].code_where == "scripts/simple/run.py:11"
