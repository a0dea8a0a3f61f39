"""Errors of the compiler, below the package tree in arakit.errors.

UsageError
└── InputError        an input the compiler cannot take (unknown kind, missing, remote URL)
AraError
└── SourceError       an input of a known kind that cannot be read (broken PDF, bad bundle)
"""

from __future__ import annotations

from arakit.errors import AraError, UsageError


class InputError(UsageError):
    """An input path or URL the compiler cannot take; the message says what it expected."""


class SourceError(AraError):
    """An input of a known kind that could not be read; names the file and the reason."""

    def __init__(self, path: str, reason: str, *, hint: str | None = None) -> None:
        super().__init__(f"{path}: {reason}", hint=hint)
        self.path = path
        self.reason = reason
