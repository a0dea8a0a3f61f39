"""A realistic two-column paper, written with PyMuPDF, whose contents the tests know exactly.

Running header and footer on every page, words hyphenated at line ends, ligature glyphs
(U+FB01, U+FB03) in the text, ruled tables, figures with captions, a display equation, a
numbered reference list with DOIs and arXiv IDs, and an appendix after the references.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = FONT_DIR / "DejaVuSerif.ttf", FONT_DIR / "DejaVuSerif-Bold.ttf"
W, H, MARGIN, GUTTER = 612.0, 792.0, 54.0, 18.0
COL_W = (W - 2 * MARGIN - GUTTER) / 2
TOP, BOTTOM = 72.0, 740.0
HEADER = "Preprint. Under review at the International Conference on Machine Learning 2026."

TITLE = "Residual Warmup Networks for Stable Image Classification"
AUTHORS = "Ada Lovelace, Alan Turing and Grace Hopper"
ABSTRACT = (
    "Deep image classifiers are unstable early in training. We propose Residual Warmup "
    "Networks (RWN), which scale each residual branch by a learned gate that opens during a "
    "short warmup. On ImageNet, RWN-50 reaches 76.4% top-1 accuracy, 1.1 points above a "
    "ResNet-50 trained with the same budget, and removes the loss spikes seen in the first "
    "5 epochs."
)

# (kind, payload): heading (number, title) | para text | table (n, caption, rows) |
# figure (n, caption) | equation (text, n)
BODY: list[tuple[str, object]] = [
    ("heading", ("1", "Introduction")),
    (
        "para",
        "Training deep residual networks [1] with large learning rates is fragile. We "
        "observe that 3 of 10 runs of a standard ResNet-50 diverge in the first 5 epochs when "
        "the learning rate exceeds 0.2, and the surviving runs lose 0.8 points of accuracy.",
    ),
    (
        "para",
        "However, existing warmup schedules [2] treat all layers alike and fail to "
        "prevent early instability in very deep networks, because the variance of the residual "
        "branches grows with depth.",
    ),
    (
        "para",
        "Our key insight is that the residual branches, not the learning rate, should be "
        "warmed up: a network whose branches start closed behaves like a shallow one.",
    ),
    (
        "para",
        "We propose Residual Warmup Networks, which gate every residual branch with a "
        "scalar that opens during training. We show that RWN-50 improves top-1 accuracy over "
        "ResNet-50 on ImageNet. We demonstrate that gating removes the early loss spikes "
        "without any change to the optimizer, which makes the method \ufb01t into existing "
        "training pipelines at no extra cost.",
    ),
    ("heading", ("2", "Related Work")),
    (
        "para",
        "We build on deep residual learning [1] and keep its bottleneck blocks. Goyal "
        "et al. [2] introduced the gradual learning rate warmup that we compare against as a "
        "baseline. Unlike batch normalization [3], our gates do not depend on batch statistics. "
        "DenseNet [4] is a further baseline in our comparison. Cosine schedules with warm "
        "restarts [5] are complementary to our method.",
    ),
    ("heading", ("3", "Method")),
    ("heading", ("3.1", "Gated residual blocks")),
    (
        "para",
        "A gated residual block is defined as a residual block whose branch output is "
        "multiplied by a scalar gate g before the addition:",
    ),
    ("equation", ("y = x + g · F(x, W)", "1")),
    (
        "para",
        "We define the warmup ratio as the fraction of training during which the gates "
        "are held below one. The gate schedule refers to the function that maps the training "
        "step to the value of g. We call the depth at which a closed network behaves like a "
        "plain one the effective depth. Label smoothing (LS) replaces the one-hot target by a "
        "mixture with the uniform distribution.",
    ),
    (
        "para",
        "In practice we found it crucial to initialise every gate at zero; initialising "
        "at one recovers the unstable baseline. The gates add a negligible number of "
        "parameters and an e\ufb03cient fused kernel keeps the overhead below 1%.",
    ),
    ("heading", ("3.2", "Architecture")),
    (
        "para",
        "The network consists of a convolutional stem, four stages of gated bottleneck "
        "blocks and a linear classifier. Each stage halves the spatial resolution and doubles "
        "the number of channels; the gates are shared within a block.",
    ),
    ("figure", ("1", "Architecture of a gated residual block with its scalar gate.")),
    ("heading", ("4", "Experiments")),
    ("heading", ("4.1", "Setup")),
    (
        "para",
        "All models are trained on ImageNet with SGD using a learning rate of 0.1, a "
        "batch size of 256, momentum 0.9 and a weight decay of 1e-4 for 90 epochs on 8 NVIDIA "
        "V100 GPUs. We use a dropout rate of 0.2 before the classifier. The regularization "
        "settings follow the original implementation of the baselines wherever possible.",
    ),
    ("heading", ("4.2", "Main results")),
    (
        "para",
        "Table 1 compares RWN-50 with ResNet-50 and DenseNet-121 trained with the same "
        "budget. RWN-50 improves top-1 accuracy by 1.1 points at a comparable parameter count.",
    ),
    (
        "table",
        (
            "1",
            "Top-1 and top-5 accuracy on the ImageNet validation set.",
            [
                ["Method", "Params (M)", "Top-1 (%)", "Top-5 (%)"],
                ["ResNet-50", "25.6", "75.3", "92.2"],
                ["DenseNet-121", "8.0", "74.9", "92.2"],
                ["RWN-50 (ours)", "25.9", "76.4", "93.1"],
            ],
        ),
    ),
    ("figure", ("2", "Training loss of RWN-50 and ResNet-50 during the first 10 epochs.")),
    ("heading", ("4.3", "Ablation study")),
    (
        "para",
        "Table 2 removes one component at a time. Removing the gate warmup degrades "
        "top-1 accuracy by 1.3 points. Increasing the batch size to 1024 does not improve "
        "accuracy. Training without residual connections fails to converge.",
    ),
    (
        "table",
        (
            "2",
            "Ablation of RWN-50 on ImageNet.",
            [
                ["Variant", "Top-1 (%)", "Δ"],
                ["Full model", "76.4", "–"],
                ["w/o gate warmup", "75.1", "−1.3"],
                ["batch size 1024", "76.3", "−0.1"],
                ["w/o residual", "diverged", "n/a"],
            ],
        ),
    ),
    ("heading", ("5", "Limitations")),
    (
        "para",
        "Our experiments cover image classification only; the method is limited to "
        "architectures with residual branches and we did not evaluate it on language models.",
    ),
    ("heading", ("6", "Conclusion")),
    (
        "para",
        "Gating residual branches during warmup stabilises the first epochs of training "
        "and improves accuracy at no extra cost.",
    ),
]
REFERENCES = [
    "He, K., Zhang, X., Ren, S., and Sun, J. 2016. Deep residual learning for image "
    "recognition. In CVPR. doi:10.1109/CVPR.2016.90",
    "Goyal, P., Dollár, P., Girshick, R., et al. 2017. Accurate, large minibatch SGD: "
    "Training ImageNet in 1 hour. arXiv:1706.02677",
    "Ioffe, S., and Szegedy, C. 2015. Batch normalization: Accelerating deep network "
    "training by reducing internal covariate shift. In ICML. arXiv:1502.03167",
    "Huang, G., Liu, Z., van der Maaten, L., and Weinberger, K. Q. 2017. Densely connected "
    "convolutional networks. In CVPR. doi:10.1109/CVPR.2017.243",
    "Loshchilov, I., and Hutter, F. 2017. SGDR: Stochastic gradient descent with warm "
    "restarts. In ICLR. arXiv:1608.03983",
]
APPENDIX: list[tuple[str, object]] = [
    ("heading", ("A", "Additional training details")),
    (
        "para",
        "We apply label smoothing of 0.1 and a warmup of 5 epochs during which the gates "
        "open linearly. The learning rate follows the step schedule in Table 3.",
    ),
    (
        "table",
        (
            "3",
            "Learning rate schedule used for all models.",
            [
                ["Epochs", "Learning rate"],
                ["0–5", "linear warmup"],
                ["5–30", "0.1"],
                ["30–60", "0.01"],
                ["60–90", "0.001"],
            ],
        ),
    ),
]
FILLER = (
    "Across {k} further runs with different seeds the gated network remained stable, and "
    "the spread of the final accuracy stayed below 0.{k} points. The gates of the first "
    "stage open fastest, which matches the intuition that shallow features are learned "
    "first, while the gates of the last stage stay partly closed until the learning rate "
    "drops for the first time."
)


@dataclass
class Writer:
    """A tiny two-column typesetter: it knows where the next line goes."""

    doc: pymupdf.Document = field(default_factory=pymupdf.open)
    page: pymupdf.Page | None = None
    col: int = 0
    y: float = TOP
    top: float = TOP
    hyphenated: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.font = pymupdf.Font(fontfile=str(REGULAR))
        self.bold = pymupdf.Font(fontfile=str(BOLD))
        self.new_page()

    # -- pages and columns ------------------------------------------------------------------
    def new_page(self) -> None:
        self.page = self.doc.new_page(width=W, height=H)
        n = self.doc.page_count
        self.text(MARGIN, 36, HEADER, 7.5)
        self.text(W / 2 - 4, 770, str(n), 8)
        self.col, self.y, self.top = 0, TOP, TOP

    def x(self) -> float:
        return MARGIN + self.col * (COL_W + GUTTER)

    def need(self, height: float) -> None:
        if self.y + height > BOTTOM:
            if self.col == 0:
                self.col, self.y = 1, self.top
            else:
                self.new_page()

    def text(self, x: float, y: float, s: str, size: float, bold: bool = False) -> None:
        assert self.page is not None
        name, path = ("djb", BOLD) if bold else ("dj", REGULAR)
        self.page.insert_text((x, y), s, fontname=name, fontfile=str(path), fontsize=size)

    def width(self, s: str, size: float, bold: bool = False) -> float:
        return (self.bold if bold else self.font).text_length(s, fontsize=size)

    # -- blocks -----------------------------------------------------------------------------
    def full_width(self, s: str, size: float, bold: bool = False, center: bool = False) -> None:
        for line in self.wrap(s, W - 2 * MARGIN, size, bold, hyphenate=False):
            x = (W - self.width(line, size, bold)) / 2 if center else MARGIN
            self.y += size * 1.3
            self.text(x, self.y, line, size, bold)
        self.top = self.y + 16

    def wrap(
        self, s: str, width: float, size: float, bold: bool = False, hyphenate: bool = True
    ) -> list[str]:
        lines: list[str] = []
        cur = ""
        for word in s.split():
            trial = f"{cur} {word}" if cur else word
            if self.width(trial, size, bold) <= width:
                cur = trial
                continue
            if hyphenate and word.isalpha() and len(word) >= 7:
                for cut in range(len(word) - 3, 2, -1):
                    head = f"{cur} {word[:cut]}-" if cur else f"{word[:cut]}-"
                    if self.width(head, size, bold) <= width:
                        lines.append(head)
                        self.hyphenated.append(word)
                        cur = word[cut:]
                        break
                else:
                    lines.append(cur)
                    cur = word
            else:
                lines.append(cur)
                cur = word
        if cur:
            lines.append(cur)
        return lines

    def paragraph(self, s: str, size: float = 9.0, indent: float = 10.0) -> None:
        lines = self.wrap(s, COL_W - indent, size)
        self.y += 3
        for k, line in enumerate(lines):
            self.need(size * 1.25)
            self.y += size * 1.25
            self.text(self.x() + (indent if k == 0 else 0), self.y, line, size)

    def heading(self, number: str, title: str) -> None:
        size = 10.5 if "." not in number else 9.5
        self.need(size * 3)
        self.y += size * 1.8
        self.text(self.x(), self.y, f"{number} {title}".strip(), size, bold=True)
        self.y += 2

    def equation(self, s: str, number: str) -> None:
        self.need(24)
        self.y += 16
        self.text(self.x() + 40, self.y, s, 9)
        self.text(self.x() + COL_W - 18, self.y, f"({number})", 9)
        self.y += 6

    def caption(self, label: str, caption: str) -> None:
        for line in self.wrap(f"{label}: {caption}", COL_W, 8.5, hyphenate=False):
            self.y += 8.5 * 1.25
            self.text(self.x(), self.y, line, 8.5)

    def table(self, number: str, caption: str, rows: list[list[str]]) -> None:
        row_h = 13.0
        self.need(row_h * len(rows) + 40)
        self.y += 8
        self.caption(f"Table {number}", caption)
        self.y += 6
        assert self.page is not None
        x0, ncol = self.x(), len(rows[0])
        weights = [1.5] + [1.0] * (ncol - 1)  # the first column holds names
        edges = [x0]
        for wgt in weights:
            edges.append(edges[-1] + COL_W * wgt / sum(weights))
        top = self.y
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.text(edges[c] + 2.5, top + r * row_h + 9.5, cell, 7, bold=(r == 0))
        for r in range(len(rows) + 1):
            y = top + r * row_h
            self.page.draw_line((x0, y), (x0 + COL_W, y), width=0.5)
        for x in edges:
            self.page.draw_line((x, top), (x, top + len(rows) * row_h), width=0.5)
        self.y = top + len(rows) * row_h + 6

    def booktabs(self, number: str, caption: str, rows: list[list[str]]) -> None:
        """A table ruled the LaTeX booktabs way: top, middle and bottom rules, no verticals."""
        row_h = 13.0
        self.need(row_h * len(rows) + 40)
        self.y += 8
        self.caption(f"Table {number}", caption)
        self.y += 6
        assert self.page is not None
        x0, top = self.x(), self.y
        edges = [x0 + COL_W * f for f in (0.0, 0.45, 0.72)]
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.text(edges[c] + 2.5, top + r * row_h + 9.5, cell, 7, bold=(r == 0))
        for y, width in ((top, 1.0), (top + row_h, 0.5), (top + len(rows) * row_h, 1.0)):
            self.page.draw_line((x0, y), (x0 + COL_W, y), width=width)
        self.y = top + len(rows) * row_h + 6

    def figure(self, number: str, caption: str) -> None:
        self.need(110)
        self.y += 8
        assert self.page is not None
        box = pymupdf.Rect(self.x() + 20, self.y, self.x() + COL_W - 20, self.y + 70)
        self.page.draw_rect(box, color=(0.3, 0.3, 0.6), width=0.8)
        start, end = (
            pymupdf.Point(box.x0 + 10, box.y1 - 10),
            pymupdf.Point(box.x1 - 10, box.y0 + 10),
        )
        self.page.draw_line(start, end, color=(0.8, 0.1, 0.1))
        self.y += 74
        self.caption(f"Figure {number}", caption)

    def block(self, kind: str, payload: object) -> None:
        if kind == "heading":
            self.heading(*payload)  # type: ignore[misc]
        elif kind == "para":
            self.paragraph(str(payload))
        elif kind == "table":
            self.table(*payload)  # type: ignore[misc]
        elif kind == "figure":
            self.figure(*payload)  # type: ignore[misc]
        elif kind == "equation":
            self.equation(*payload)  # type: ignore[misc]


@dataclass
class PaperFile:
    """The PDF written and the words the typesetter broke with a hyphen at a line end."""

    path: Path
    pages: int
    hyphenated: list[str]


def make_paper(path: Path, min_pages: int = 0) -> PaperFile:
    """Write the planted paper to `path`; filler discussion is added until `min_pages`."""
    w = Writer()
    w.y = 60
    w.full_width(TITLE, 16, bold=True, center=True)
    w.y += 4
    w.full_width(AUTHORS, 10, center=True)
    w.y += 6
    w.full_width("Abstract. " + ABSTRACT, 9)
    for kind, payload in BODY[:-4]:
        w.block(kind, payload)
    k = 1
    while min_pages and (w.doc.page_count < min_pages or w.col == 0):
        if k == 1:
            w.heading("4.4", "Further analysis")
        w.paragraph(FILLER.format(k=k % 9 + 1))
        k += 1
    for kind, payload in BODY[-4:]:
        w.block(kind, payload)
    w.heading("", "References")
    for n, ref in enumerate(REFERENCES, start=1):
        w.paragraph(f"[{n}] {ref}", size=8, indent=0)
    for kind, payload in APPENDIX:
        w.block(kind, payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    pages = w.doc.page_count
    w.doc.save(str(path))
    w.doc.close()
    return PaperFile(path, pages, sorted(set(w.hyphenated)))


def write_paper(
    path: Path, title: str, abstract: str, sections: list[tuple[str, str, list[str]]]
) -> Path:
    """A two-column paper with this title, two authors, this abstract and these (number,
    title, paragraphs) sections, written to `path`."""
    w = Writer()
    w.y = 60
    w.full_width(title, 16, bold=True, center=True)
    w.y += 4
    w.full_width("Ada Lovelace and Charles Babbage", 10, center=True)
    w.y += 6
    w.full_width("Abstract. " + abstract, 9)
    for number, name, paras in sections:
        w.heading(number, name)
        for p in paras:
            w.paragraph(p)
    w.doc.save(str(path))
    w.doc.close()
    return path
