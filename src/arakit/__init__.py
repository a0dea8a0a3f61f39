"""arakit: make, check, record and serve Agent-Native Research Artifacts (Ara).

The public namespace is small and imports lazily so that `ara --help` stays fast::

    from arakit import read_artifact, write_artifact, validate
    art = read_artifact("examples/polyfit-ridge")
    report = validate(art)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
ARA_VERSION = "1.0"

__all__ = ["ARA_VERSION", "__version__", "read_artifact", "validate", "write_artifact"]

if TYPE_CHECKING:  # pragma: no cover
    from arakit.codec import read_artifact, write_artifact
    from arakit.seal.level1 import validate


def __getattr__(name: str) -> Any:
    if name in ("read_artifact", "write_artifact"):
        from arakit import codec

        return getattr(codec, name)
    if name == "validate":
        from arakit.seal.level1 import validate

        return validate
    raise AttributeError(f"module 'arakit' has no attribute {name!r}")
