"""The search index: one SQLite file with an FTS5 table over every passage of the artifacts given.

Refresh is incremental. Each file's modification time and size are kept; a file whose
stat changed is hashed, and only a file whose bytes changed is read and cut into passages
again. Deleted files and artifacts whose folder is gone drop out. Nothing in the artifact
folders is written: the index lives in the user's cache folder unless a path is given.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arakit.errors import ArtifactError, UsageError
from arakit.query.chunks import Passage
from arakit.query.terms import index_terms

SCHEMA_VERSION = "6"  # bump when the tables or the passages cut from a file change
MAX_INDEXED_BYTES = 2 * 1024 * 1024  # larger files (data dumps) are listed but not cut up

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS artifacts(id INTEGER PRIMARY KEY, root TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(id INTEGER PRIMARY KEY, artifact INTEGER NOT NULL,
    rel TEXT NOT NULL, mtime_ns INTEGER, size INTEGER, sha1 TEXT, UNIQUE(artifact, rel));
CREATE TABLE IF NOT EXISTS passages(id INTEGER PRIMARY KEY, file INTEGER NOT NULL,
    artifact INTEGER NOT NULL, ref TEXT NOT NULL, kind TEXT NOT NULL, sub TEXT, rel TEXT,
    line INTEGER, title TEXT, text TEXT, terms TEXT);
CREATE INDEX IF NOT EXISTS passages_file ON passages(file);
CREATE INDEX IF NOT EXISTS passages_ref ON passages(artifact, ref);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, text, terms, content='passages',
    content_rowid='id', tokenize="porter unicode61 tokenchars '_'");
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab_col USING fts5vocab(fts, 'col');
CREATE TABLE IF NOT EXISTS doc_freq(term TEXT PRIMARY KEY, n INTEGER NOT NULL);
"""
_TOKENIZER = "porter unicode61 tokenchars '_'"


@dataclass
class RefreshStats:
    """What one refresh did."""

    artifacts: int = 0
    files_seen: int = 0
    files_indexed: int = 0
    files_removed: int = 0
    passages: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def is_artifact(path: Path) -> bool:
    """A folder that holds PAPER.md, logic/ or trace/."""
    return (path / "PAPER.md").is_file() or (path / "logic").is_dir() or (path / "trace").is_dir()


def find_artifacts(paths: Iterable[str | Path]) -> list[Path]:
    """The artifact folders the paths name: each path itself when it is an artifact, else
    the artifacts up to two folder levels below it (PAPER.md marks one)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if not p.is_dir():
            raise UsageError(
                f"{p}: no such folder", hint="give an artifact folder or a folder of them"
            )
        p = p.resolve()
        if is_artifact(p):
            out.append(p)
            continue
        below = sorted(
            {
                q.parent
                for pattern in ("*/PAPER.md", "*/*/PAPER.md")
                for q in p.glob(pattern)
                if not any(part.startswith(".") for part in q.relative_to(p).parts)
            }
        )
        if not below:
            raise UsageError(
                f"{p}: not an artifact and no artifact below it (looked for PAPER.md)",
                hint="give the folder that holds PAPER.md, or a folder of such folders",
            )
        out += below
    return list(dict.fromkeys(out))


def default_index_path() -> Path:
    """Where the index lives when no path is given: the user's cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arakit" / "index.sqlite"


class Index:
    """An open index file. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_index_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            version = self._version()
            if version not in (None, SCHEMA_VERSION):
                self._drop()
            self.db.executescript(_SCHEMA)
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES('schema_version', ?)", (SCHEMA_VERSION,)
            )
            self.db.commit()
        except sqlite3.DatabaseError as e:
            raise UsageError(
                f"{self.path}: not a usable search index ({e})",
                hint="delete the file (it is rebuilt from the artifacts) or give another --index",
            ) from None

    _count: int | None = None
    _names: dict[int, str] | None = None
    _scratch = False

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def _version(self) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None

    def _drop(self) -> None:
        for table in (
            "fts_vocab_col",
            "fts_vocab",
            "fts",
            "doc_freq",
            "passages",
            "files",
            "artifacts",
            "meta",
        ):
            self.db.execute(f"DROP TABLE IF EXISTS {table}")

    # -- what is in it -------------------------------------------------------------------------
    def artifacts(self) -> list[tuple[int, str, str]]:
        """(id, root, name) of every artifact in the index."""
        return list(self.db.execute("SELECT id, root, name FROM artifacts ORDER BY name, root"))

    def names(self) -> dict[int, str]:
        """Artifact id → folder name (kept until the next refresh)."""
        if self._names is None:
            self._names = {a: n for a, _root, n in self.artifacts()}
        return self._names

    def artifact_ids(self, roots: Sequence[Path]) -> list[int]:
        """The ids of the given artifact folders (those indexed)."""
        want = [str(Path(r).resolve()) for r in roots]
        if not want:
            return []
        marks = ",".join("?" * len(want))
        rows = self.db.execute(f"SELECT id FROM artifacts WHERE root IN ({marks})", want)
        return [r[0] for r in rows]

    def count(self) -> int:
        """Number of passages in the index."""
        if self._count is None:
            self._count = int(self.db.execute("SELECT count(*) FROM passages").fetchone()[0])
        return self._count

    def stems(self, words: Sequence[str]) -> list[str | None]:
        """Each word as the index's tokenizer stores it (`learning` → `learn`), or None."""
        if not self._scratch:
            self.db.execute(
                f'CREATE VIRTUAL TABLE temp.qtok USING fts5(x, tokenize="{_TOKENIZER}")'
            )
            self.db.execute(
                "CREATE VIRTUAL TABLE temp.qtok_v USING fts5vocab(temp, qtok, 'instance')"
            )
            self._scratch = True
        out: list[str | None] = []
        for w in words:
            self.db.execute("INSERT INTO temp.qtok(rowid, x) VALUES(1, ?)", (w,))
            row = self.db.execute("SELECT term FROM temp.qtok_v ORDER BY offset LIMIT 1").fetchone()
            self.db.execute("DELETE FROM temp.qtok")
            out.append(row[0] if row else None)
        return out

    def doc_freq(self, stems: Sequence[str], column: str | None = None) -> dict[str, int]:
        """How many passages hold each stemmed term (in `column` only, when given: `terms`
        holds the parts of identifiers); remembered in the index until the next refresh
        that changes a passage (counting a common term walks its whole posting list)."""
        if column is not None:
            got = self.doc_freq([f"{column}:{s}" for s in stems])
            return {s: got[f"{column}:{s}"] for s in stems}
        want = list(dict.fromkeys(stems))
        known = (
            dict(
                self.db.execute(
                    f"SELECT term, n FROM doc_freq WHERE term IN ({','.join('?' * len(want))})",
                    want,
                )
            )
            if want
            else {}
        )
        for term in want:
            if term not in known:
                col, _, bare = term.rpartition(":")
                row = (
                    self.db.execute(
                        "SELECT doc FROM fts_vocab_col WHERE term = ? AND col = ?", (bare, col)
                    ).fetchone()
                    if col
                    else self.db.execute(
                        "SELECT doc FROM fts_vocab WHERE term = ?", (term,)
                    ).fetchone()
                )
                known[term] = int(row[0]) if row else 0
                self.db.execute("INSERT OR REPLACE INTO doc_freq VALUES(?, ?)", (term, known[term]))
        if self.db.in_transaction:
            self.db.commit()
        return known

    # -- refresh -------------------------------------------------------------------------------
    def refresh(self, roots: Sequence[Path]) -> RefreshStats:
        """Bring the index up to date with these artifact folders (and drop vanished ones)."""
        import time

        start = time.perf_counter()
        stats = RefreshStats()
        changes = self.db.total_changes
        self._names = None
        for art_id, root, _ in self.artifacts():
            if not Path(root).is_dir():
                self._forget_artifact(art_id)
        for folder in roots:
            self._refresh_artifact(Path(folder).resolve(), stats)
            stats.artifacts += 1
        if stats.files_indexed or stats.files_removed or self.db.total_changes != changes:
            self.db.execute("DELETE FROM doc_freq")
            self._count = None
        self.db.commit()
        stats.seconds = time.perf_counter() - start
        return stats

    def _artifact_id(self, root: Path) -> int:
        row = self.db.execute("SELECT id FROM artifacts WHERE root=?", (str(root),)).fetchone()
        if row:
            return int(row[0])
        cur = self.db.execute(
            "INSERT INTO artifacts(root, name) VALUES(?, ?)", (str(root), root.name)
        )
        return int(cur.lastrowid or 0)

    def _forget_artifact(self, art_id: int) -> None:
        for (file_id,) in list(self.db.execute("SELECT id FROM files WHERE artifact=?", (art_id,))):
            self._drop_passages(file_id)
        self.db.execute("DELETE FROM files WHERE artifact=?", (art_id,))
        self.db.execute("DELETE FROM artifacts WHERE id=?", (art_id,))

    def _refresh_artifact(self, root: Path, stats: RefreshStats) -> None:
        from arakit.codec.fs import inventory

        art_id = self._artifact_id(root)
        try:
            files, _escapes = inventory(root)
        except ArtifactError as e:
            stats.problems.append(f"{root}: {e}")
            return
        known = {
            rel: (fid, mtime, size, sha)
            for fid, rel, mtime, size, sha in self.db.execute(
                "SELECT id, rel, mtime_ns, size, sha1 FROM files WHERE artifact=?", (art_id,)
            )
        }
        for rel in files:
            stats.files_seen += 1
            try:
                st = (root / rel).stat()
            except OSError:
                continue
            old = known.pop(rel, None)
            if old and old[1] == st.st_mtime_ns and old[2] == st.st_size:
                continue
            data = (root / rel).read_bytes() if st.st_size <= MAX_INDEXED_BYTES else b""
            sha = hashlib.sha1(data).hexdigest() if data else f"size:{st.st_size}"
            if old and old[3] == sha:
                self.db.execute(
                    "UPDATE files SET mtime_ns=?, size=? WHERE id=?",
                    (st.st_mtime_ns, st.st_size, old[0]),
                )
                continue
            if old:
                self._drop_passages(old[0])
                self.db.execute(
                    "UPDATE files SET mtime_ns=?, size=?, sha1=? WHERE id=?",
                    (st.st_mtime_ns, st.st_size, sha, old[0]),
                )
                file_id = old[0]
            else:
                cur = self.db.execute(
                    "INSERT INTO files(artifact, rel, mtime_ns, size, sha1) VALUES(?,?,?,?,?)",
                    (art_id, rel, st.st_mtime_ns, st.st_size, sha),
                )
                file_id = int(cur.lastrowid or 0)
            passages = _passages(rel, data, stats) if data else []
            self._add(art_id, file_id, passages)
            stats.files_indexed += 1
            stats.passages += len(passages)
        for _rel, (fid, *_rest) in known.items():
            self._drop_passages(fid)
            self.db.execute("DELETE FROM files WHERE id=?", (fid,))
            stats.files_removed += 1

    def _drop_passages(self, file_id: int) -> None:
        self.db.execute(
            "INSERT INTO fts(fts, rowid, title, text, terms) "
            "SELECT 'delete', id, title, text, terms FROM passages WHERE file=?",
            (file_id,),
        )
        self.db.execute("DELETE FROM passages WHERE file=?", (file_id,))

    def _add(self, art_id: int, file_id: int, passages: list[Passage]) -> None:
        for p in passages:
            terms = index_terms(f"{p.ref}\n{p.title}\n{p.text}")
            cur = self.db.execute(
                "INSERT INTO passages(file, artifact, ref, kind, sub, rel, line, title, text, terms)"
                " VALUES(?,?,?,?,?,?,?,?,?,?)",
                (file_id, art_id, p.ref, p.kind, p.sub, p.file, p.line, p.title, p.text, terms),
            )
            self.db.execute(
                "INSERT INTO fts(rowid, title, text, terms) VALUES(?,?,?,?)",
                (cur.lastrowid, p.title, p.text, terms),
            )


def _passages(rel: str, data: bytes, stats: RefreshStats) -> list[Passage]:
    """A file's passages; a typed file that does not parse is cut as plain text instead."""
    from arakit.codec.fs import decode
    from arakit.query.passages import file_passages, plain_passages

    try:
        text = decode(data, rel)
    except ArtifactError:
        return []  # binary: nothing to search
    try:
        return file_passages(rel, text)
    except ArtifactError as e:
        stats.problems.append(str(e))
        return plain_passages(rel, text)
    except Exception as e:  # a reader bug must not stop the index; the file stays findable
        stats.problems.append(f"{rel}: could not be read as typed ({type(e).__name__}: {e})")
        return plain_passages(rel, text)
