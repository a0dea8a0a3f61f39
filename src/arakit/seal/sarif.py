"""Level 1 findings as SARIF 2.1.0, so code-scanning tools can show them inline."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from arakit import __version__
from arakit.seal.findings import Level1Report
from arakit.seal.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(artifact: str, file: str) -> str:
    path = Path(artifact) / file if artifact and not artifact.startswith("<") else Path(file)
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = str(path)
    return Path(rel).as_posix()


def to_sarif(reports: list[Level1Report]) -> dict[str, Any]:
    """One SARIF log with one run; every rule of the catalogue is described once."""
    codes = sorted(RULES)
    index = {code: i for i, code in enumerate(codes)}
    rules = [
        {
            "id": code,
            "name": RULES[code].summary.title().replace(" ", "").replace("/", "")[:60],
            "shortDescription": {"text": RULES[code].summary},
            "help": {
                "text": RULES[code].hint
                + (f" (see {RULES[code].anchor()})" if RULES[code].doc else "")
            },
            "defaultConfiguration": {"level": RULES[code].severity},
        }
        for code in codes
    ]
    results = []
    for rep in reports:
        for f in rep.findings:
            region = {"startLine": f.line} if f.line else None
            loc: dict[str, Any] = {"artifactLocation": {"uri": _uri(rep.artifact, f.file)}}
            if region:
                loc["region"] = region
            results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": f.severity,
                    "message": {"text": f"{f.message}. {f.hint}" if f.hint else f.message},
                    "locations": [{"physicalLocation": loc}],
                }
            )
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "arakit",
                        "version": __version__,
                        "informationUri": "https://github.com/arakit/arakit",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
