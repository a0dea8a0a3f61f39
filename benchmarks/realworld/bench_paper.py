"""Paper front matter, claims and clean text: what `ara compile` writes against the truth
read off the rendered pages (``truth/papers/<pair>/front.yaml``).

Per paper: title exact, authors exact (every author, in order), claims recall (a truth claim
is found when one written claim's Statement holds at least 60% of its content words), claims
precision on the papers whose truth lists `other_findings` (every further sentence of the
paper that states a finding or what its own artifact does, read off the pages: a written
claim is right when it holds 60% of the words of a truth claim or of one of those),
duplicate claims (two written claims whose content words overlap by 80% or more of the
smaller), control characters written into any text file, Level 1 on the compile without
and with the paper's repository — under the default (upstream) profile, where counts are
targets and a paper without code may lack src/execution, and under the strict profile the
compile report applies — and seconds for the compile without a repository.

Title and authors compare after whitespace normalisation and case folding: small capitals
and all-capital titles carry no case on the rendered page. Venue and year are scored on the
papers whose page names them: the venue as printed, the year among those the page prints.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from benchmarks.realworld import corpus
from benchmarks.realworld.compiled import compiled

NOT_SPECIFIED = "not specified"
RECALL_SHARE = 0.6
DUPLICATE_SHARE = 0.8
# the scorer's own stop words, kept apart from the compiler's so that it judges independently
_STOP_WORDS = "a an the of on in and or to with that we our by at for is are be as this these"
_STOP = frozenset(f"{_STOP_WORDS} it its from using use than which both can will".split())


def norm(text: str) -> str:
    """Whitespace collapsed, case folded, NFC: the comparison form of a title or a name."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def words(text: str) -> set[str]:
    """Content words of a sentence, lower case, in any script (a Russian claim has words
    too)."""
    return {w for w in re.findall(r"[^\W_][\w'’-]*", text.lower()) if w not in _STOP}


def found(truth: str, statements: list[str]) -> bool:
    """True when one statement holds at least RECALL_SHARE of the truth claim's words."""
    want = words(truth)
    return bool(want) and any(len(want & words(s)) >= RECALL_SHARE * len(want) for s in statements)


def precise(statements: list[str], truth: dict[str, Any]) -> int | None:
    """How many written claims state a claim or another finding of the truth (None when
    the truth lists no other findings: precision is not measured there)."""
    if "other_findings" not in truth:
        return None
    pool = [c["text"] for c in truth.get("claims") or []]
    pool += [str(x) for x in truth.get("other_findings") or []]
    return sum(any(found(t, [s]) for t in pool) for s in statements)


def duplicates(statements: list[str]) -> int:
    """Pairs of statements that say the same thing (overlap of the smaller word set)."""
    sets = [words(s) for s in statements]
    n = 0
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            small = min(len(a), len(b))
            if small and len(a & b) >= DUPLICATE_SHARE * small:
                n += 1
    return n


def control_chars(folder: Path) -> int:
    """Control characters (other than tab and newline) in every text file of the artifact."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".md", ".yaml", ".yml", ".json", ".jsonl"):
            text = path.read_bytes().decode("utf-8", "replace")
            total += sum(
                1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r"
            )
            total += text.count("\ufffd")
    return total


def written(folder: Path) -> tuple[str, list[str], list[str]]:
    """Title, authors and claim statements as the artifact holds them."""
    from arakit.codec import read_artifact

    art = read_artifact(folder)
    paper = art.paper
    title = (paper.title or "") if paper else ""
    authors = [a for a in (paper.authors or []) if NOT_SPECIFIED not in a.lower()] if paper else []
    claims = [c.statement or "" for c in art.claims or []]
    return title, authors, claims


def venue_and_year(folder: Path) -> tuple[str, str]:
    """Venue and year as PAPER.md holds them."""
    from arakit.codec import read_artifact

    paper = read_artifact(folder).paper
    return (str(paper.venue or ""), str(paper.year or "")) if paper else ("", "")


def venue_right(written_venue: str, truth: dict[str, Any]) -> bool | None:
    """The venue the page names, as printed (None when the page names none)."""
    want = truth.get("venue")
    return None if not want else norm(want) == norm(written_venue)


def year_right(written_year: str, truth: dict[str, Any]) -> bool | None:
    """A year the page prints for the paper (None when it prints none)."""
    years = {str(y) for y in [truth.get("year"), *(truth.get("years_printed") or [])] if y}
    return None if not years else written_year in years


def _level1(folder: Path, profile: str) -> list[str]:
    """The Level 1 error codes of the artifact under a profile (empty when it passes)."""
    from arakit.seal.level1 import validate

    report = validate(folder, profile=profile)
    return sorted({f.code for f in report.findings if f.severity == "error"})


def _truth(pair: Path) -> dict[str, Any] | None:
    path = corpus.TRUTH / "papers" / pair.name / "front.yaml"
    if not path.is_file():
        return None
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data


def run() -> dict[str, float]:
    """Score every corpus paper that has a front.yaml; print one line per paper."""
    titles = authors_ok = truth_claims = recalled = dups = controls = passes = compiles = 0
    strict_passes = venues = venues_right = years = years_right = 0
    right = judged = 0  # written claims that state a finding, of those judged
    seconds: list[float] = []
    papers = 0
    for pair in corpus.papers():
        truth = _truth(pair)
        if truth is None:
            print(f"{pair.name:<20} no truth file, skipped")
            continue
        papers += 1
        bare = compiled(pair, with_repo=False)
        full = compiled(pair, with_repo=True)
        seconds.append(bare.seconds)
        title, authors, claims = written(bare.artifact)
        venue, year = venue_and_year(bare.artifact)
        v_ok, y_ok = venue_right(venue, truth), year_right(year, truth)
        venues += v_ok is not None
        venues_right += bool(v_ok)
        years += y_ok is not None
        years_right += bool(y_ok)
        t_ok = norm(title) == norm(truth["title"])
        a_ok = [norm(a) for a in authors] == [norm(a) for a in truth.get("authors") or []]
        want = [c["text"] for c in truth.get("claims") or []]
        hit = sum(found(c, claims) for c in want)
        dup = duplicates(claims)
        good = precise(claims, truth)
        if good is not None:
            right += good
            judged += len(claims)
        ctl = control_chars(bare.artifact) + control_chars(full.artifact)
        l1 = [_level1(c.artifact, "upstream") for c in (bare, full)]
        strict = [_level1(c.artifact, "strict") for c in (bare, full)]
        titles += t_ok
        authors_ok += a_ok
        truth_claims += len(want)
        recalled += hit
        dups += dup
        controls += ctl
        passes += sum(not e for e in l1)
        strict_passes += sum(not e for e in strict)
        compiles += 2
        print(
            f"{pair.name:<20} title {'ok' if t_ok else 'WRONG':<5} "
            f"authors {'ok' if a_ok else 'WRONG':<5} claims {hit}/{len(want)} "
            f"(written {len(claims)}"
            f"{'' if good is None else f', precise {good}/{len(claims)}'}, dup {dup}) ctl {ctl} "
            f"L1 pdf {'pass' if not l1[0] else 'FAIL'} repo {'pass' if not l1[1] else 'FAIL'} "
            f"(strict {'pass' if not strict[0] else 'fail'}/{'pass' if not strict[1] else 'fail'}) "
            f"{bare.seconds:.2f}s"
        )
        if not t_ok:
            print(f"{'':<20}   title written: {title!r}")
        if not a_ok:
            print(f"{'':<20}   authors written: {authors!r}")
        if v_ok is False or y_ok is False:
            print(f"{'':<20}   venue/year written: {venue!r} / {year!r}")
        for c, errors, strict_errors in zip((bare, full), l1, strict, strict=True):
            name = "repo" if c.with_repo else "pdf"
            if errors:
                print(f"{'':<20}   L1 {name} errors: {', '.join(errors)}")
            if strict_errors:
                print(f"{'':<20}   L1 strict {name} errors: {', '.join(strict_errors)}")
    return {
        "papers": float(papers),
        "title_exact": float(titles),
        "authors_exact": float(authors_ok),
        "venue_right": float(venues_right),
        "venues_printed": float(venues),
        "year_right": float(years_right),
        "years_printed": float(years),
        "claims_recall": round(recalled / truth_claims, 3) if truth_claims else 0.0,
        "claims_precision": round(right / judged, 3) if judged else 0.0,
        "claims_judged": float(judged),
        "duplicate_claims": float(dups),
        "control_chars": float(controls),
        "level1_passes": float(passes),
        "level1_strict_passes": float(strict_passes),
        "level1_compiles": float(compiles),
        "median_seconds": round(statistics.median(seconds), 2) if seconds else 0.0,
    }
