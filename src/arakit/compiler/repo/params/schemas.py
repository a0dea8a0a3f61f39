"""YAML files of a known tool's schema, recognised by their top-level keys rather than
their names, and the part of each that holds settings: a spaCy project keeps its `vars`
(what its commands read as `${vars.x}`), while its `directories`, `assets`, `workflows`
and `commands` describe the project's layout and steps. GitHub Actions workflows,
docker-compose files, conda environments, CITATION files, pre-commit and MkDocs
configurations hold no experiment setting at all."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.M)
MAX_SCAN = 64 * 1024  # characters read for the top-level keys

# the top-level keys that mark a schema, and the prefixes of the keys that are settings
# (none: the whole file is packaging, CI or site configuration)
_SCHEMAS: list[tuple[str, frozenset[str], tuple[str, ...]]] = [
    ("spacy-project", frozenset({"commands", "workflows"}), ("vars.",)),
    ("spacy-project", frozenset({"commands", "vars"}), ("vars.",)),
    ("spacy-project", frozenset({"commands", "directories"}), ("vars.",)),
    ("github-workflow", frozenset({"on", "jobs"}), ()),
    ("docker-compose", frozenset({"services", "version"}), ()),
    ("docker-compose", frozenset({"services", "networks"}), ()),
    ("docker-compose", frozenset({"services", "volumes"}), ()),
    ("conda-env", frozenset({"dependencies", "channels"}), ()),
    ("citation", frozenset({"cff-version"}), ()),
    ("pre-commit", frozenset({"repos", "ci"}), ()),
    ("mkdocs", frozenset({"site_name"}), ()),
]


def top_keys(text: str) -> set[str]:
    """The keys written at the left margin of a YAML document (its top level)."""
    return set(_TOP_KEY.findall(text[:MAX_SCAN]))


def schema_of(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(schema name, prefixes of its setting keys) of a known tool's YAML, else None."""
    keys = top_keys(text)
    for name, marks, settings in _SCHEMAS:
        if marks <= keys:
            return name, settings
    if "repos" in keys and re.search(r"^\s*-\s*repo:", text[:MAX_SCAN], re.M):
        return "pre-commit", ()
    return None


def settings_only(params: list[CodeParam], text: str) -> list[CodeParam]:
    """The parameters of a YAML file that are settings under its schema (all of them when
    the schema is not a known tool's)."""
    schema = schema_of(text)
    if schema is None:
        return params
    prefixes = schema[1]
    return [p for p in params if p.name.startswith(prefixes)] if prefixes else []
