"""Live tests process the journal in the foreground, so each step sees the last one's result."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _sync_processing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARA_LIVE_SYNC", "1")
    monkeypatch.delenv("ARA_ARTIFACT", raising=False)
    monkeypatch.delenv("ARA_LIVE_WINDOW", raising=False)
