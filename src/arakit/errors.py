"""Every error arakit raises on purpose.

    AraError                       base: anything the CLI turns into a clean message
    ├── UsageError                 the caller asked for something impossible (exit 2)
    ├── NotAnArtifactError         the path is missing, not a folder, or an empty folder
    └── ArtifactError              something inside an artifact; carries file, line, column
        ├── ParseError             malformed YAML, front matter, Markdown structure
        ├── EncodingError          binary or non-UTF-8 content
        ├── SizeLimitError         a file or a folder over a stated limit
        ├── PathEscapeError        a symlink or `..` that leaves the artifact folder
        └── WriteRefusedError      a writer would change more than it meant to: nothing written

Context (file, line, column, the rule broken) is attached once, where the error is raised,
so that every layer above can print it without re-deriving it.
"""

from __future__ import annotations


class AraError(Exception):
    """Base of every error arakit raises deliberately."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class UsageError(AraError):
    """The command or call was given arguments that cannot work."""

    exit_code = 2


class NotAnArtifactError(AraError):
    """The path does not hold an artifact at all (missing, a file, or an empty folder)."""

    exit_code = 2


class ArtifactError(AraError):
    """A problem located in one file of an artifact."""

    code = "L1-READ-001"

    def __init__(
        self,
        message: str,
        *,
        file: str,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.file = file
        self.line = line
        self.column = column

    @property
    def location(self) -> str:
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class ParseError(ArtifactError):
    """The file's syntax is broken (YAML, front matter, a Markdown table)."""

    code = "L1-READ-002"


class EncodingError(ArtifactError):
    """The file is binary or not valid UTF-8."""

    code = "L1-READ-003"


class SizeLimitError(ArtifactError):
    """The file (or the artifact) is larger than a stated limit."""

    code = "L1-READ-004"


class PathEscapeError(ArtifactError):
    """A symlink or relative path points outside the artifact folder."""

    code = "L1-READ-005"


class WriteRefusedError(ArtifactError):
    """A write was refused because re-reading the result showed it would change or drop more
    than the edit meant to (the file is left as it was)."""

    code = "L1-WRITE-001"
