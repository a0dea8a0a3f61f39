"""A text file opened for editing: its text with `\\n` line ends, and how to write it back the
way it was written (CRLF or LF, with or without a byte-order mark)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from arakit.codec.fs import atomic_write, decode


@dataclass(frozen=True)
class TextFile:
    """What a writer needs to put an edited text back in the file's own conventions."""

    path: Path
    text: str  # line ends normalised to "\n", no byte-order mark
    newline: str = "\n"
    bom: bool = False

    @classmethod
    def read(cls, path: Path, rel: str | None = None) -> TextFile | None:
        """The file, or None when it does not exist. Raises EncodingError for binary or
        non-UTF-8 content (a writer never edits what it cannot read)."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        text = decode(data, rel or path.name)
        newline = "\r\n" if b"\r\n" in data else "\n"
        return cls(path=path, text=text, newline=newline, bom=data.startswith(b"\xef\xbb\xbf"))

    def write(self, text: str) -> bool:
        """Write `text` (with `\\n` line ends) back in the file's conventions, atomically.
        False when that changes nothing."""
        if text == self.text:
            return False
        out = text.replace("\n", self.newline) if self.newline != "\n" else text
        return atomic_write(self.path, ("\ufeff" if self.bom else "") + out)


def write_new(path: Path, text: str) -> bool:
    """Create (or replace) a file that arakit owns outright, atomically."""
    return atomic_write(path, text)
