"""Parameters in the code chunks of documents: R Markdown and Quarto notebooks (`.Rmd`,
`.qmd`), and Markdown that prints R or Julia code (a JOSS `paper.md` with its example, a
README, a Documenter page). Each fenced chunk (```` ```{r} ````, ```` ```r ````,
```` ```julia ````) is read by the R / Julia reader with every line outside the chunks
left blank, so each parameter keeps the document's own line number. Python chunks are
left to the scripts and notebooks that run them."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.rjulia import r_julia_params

DOCUMENT_SUFFIXES = (".rmd", ".qmd", ".md", ".rmarkdown", ".jmd")
MAX_BYTES = 512 * 1024
# an opening fence and its language: ```{r setup, echo=FALSE}, ```r, ~~~julia, ```{julia}
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*\{?[ \t]*([A-Za-z-]*)")
_LANGS = {"r": "r", "julia": "jl", "jl": "jl", "julia-repl": "jl"}


def is_code_document(rel: str) -> bool:
    """A document whose fenced chunks may hold R or Julia code."""
    return rel.lower().endswith(DOCUMENT_SUFFIXES)


def chunk_params(text: str, rel: str) -> list[CodeParam]:
    """Parameters of the R and Julia chunks of one document, at the document's lines."""
    out: list[CodeParam] = []
    for lang, body in _chunks(text).items():
        if any(body):
            out += r_julia_params("\n".join(body), rel, julia=lang == "jl")
    return out


def chunk_code(text: str) -> str:
    """The document with everything outside its R and Julia chunks blanked (for the seed
    reader: a seed the example fixes, not one the prose mentions)."""
    kept = _chunks(text)
    return "\n".join(r or j for r, j in zip(kept["r"], kept["jl"], strict=True))


def _chunks(text: str) -> dict[str, list[str]]:
    """Per language, the document's lines with every line outside that language's chunks
    blank (an unclosed chunk runs to the end, as Markdown renders it)."""
    if len(text) > MAX_BYTES or ("``" not in text and "~~~" not in text):
        return {"r": [], "jl": []}
    lines = text.splitlines()
    kept: dict[str, list[str]] = {"r": [""] * len(lines), "jl": [""] * len(lines)}
    fence, lang = "", ""
    for n, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            elif lang:
                kept[lang][n] = line
            continue
        m = _FENCE.match(line)
        if m:
            fence, lang = m.group(1), _LANGS.get(m.group(2).lower(), "")
    return kept
