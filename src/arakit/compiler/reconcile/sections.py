"""Which experiment's code a paper section describes, in a paper with several: scoping
maps a section to the folder its heading names (`§4.2 Simple arithmetic` ->
`scripts/simple`; Scope.sections). A setting of that section is compared with that
folder's code; a setting of another section never with it (§4.1's optimiser is not the
one `scripts/arithmetic/` of §4.3 constructs)."""

from __future__ import annotations

from arakit.compiler.repo.params.model import CodeParam


def section_folder(section: str, sections: dict[str, str]) -> str | None:
    """The folder of the experiment a section (or the section it is part of) reports."""
    parts = section.split(".")
    while parts and parts[0]:
        folder = sections.get(".".join(parts))
        if folder is not None:
            return folder
        parts.pop()
    return None


def under(file: str, folder: str) -> bool:
    """True when `file` lies in `folder` (the repository root holds every file)."""
    return not folder or file.startswith(folder.rstrip("/") + "/")


def foreign(file: str, section: str, sections: dict[str, str]) -> bool:
    """True when `file` is the code of an experiment another section reports (code no
    section claims, a library the experiments share, is nobody's to refuse)."""
    own = section_folder(section, sections)
    if own is not None and under(file, own):
        return False
    return any(under(file, f) for f in sections.values() if f and f != own)


def own_code(params: list[CodeParam], section: str, sections: dict[str, str]) -> list[CodeParam]:
    """The definitions a setting of `section` may be compared with: all but those of the
    experiments other sections report."""
    if not sections:
        return params
    return [p for p in params if not foreign(p.file, section, sections)]
