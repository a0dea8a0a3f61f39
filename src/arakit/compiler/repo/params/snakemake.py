"""Parameters of Snakemake workflows (`Snakefile`, `*.smk`): the values each rule hands to
the script it runs.

- a rule's `params:` entries (`n=4096,`) are what its `script:` reads as
  `snakemake.params["n"]`: kind `cli-flag`, the script as context, each at its own line;
  the rule itself is a `launch` of that script (a script run by a `shell:` command
  `python x.py --k 4` gets its flags the same way);
- Python loops that generate rules (`for n in range(0, 16, 1):`,
  `for atoms in [16, 32, 64]:`) are the values the workflow sweeps: kind `sweep`;
- top-level literal assignments (`ATOMS = 128`) are constants.

`config[...]` values come from the workflow's `configfile:` (a YAML/JSON file, read as such)."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam

MAX_PARAMS = 1000
_RULE = re.compile(r"^(\s*)(?:rule|checkpoint)\b\s*(\w*)\s*:")
_SECTION = re.compile(r"^(\s*)(\w+)\s*:\s*(.*)$")
_ENTRY = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*(.+?)\s*,?\s*(?:#(.*))?$")
_FOR = re.compile(r"^\s*for\s+([A-Za-z_]\w*)\s+in\s+(\[[^\]]*\]|range\([^)]*\)|\([^)]*\))\s*:")
_CONST = re.compile(
    r"^([A-Za-z_]\w*)\s*=\s*([-+]?[\d.][\w.+-]*|\[[\d.,\s+-eE]*\]|'[^']*'|\"[^\"]*\")\s*(?:#(.*))?$"
)
_PY_SCRIPT = re.compile(r"(?:^|[\s;&|(])(?:python[\d.]*\s+)?([\w./-]+\.py)\b(.*)")


def is_snakefile(rel: str) -> bool:
    """`Snakefile` (any folder) and `*.smk` rule files."""
    name = rel.rsplit("/", 1)[-1]
    return name in ("Snakefile", "snakefile") or name.lower().endswith(".smk")


def snakemake_params(text: str, rel: str) -> list[CodeParam]:
    """Rule params, rule-generating loops and constants of one workflow file."""
    out: list[CodeParam] = []
    lines = text.splitlines()
    rule_at = -1  # index of the current rule's first line
    rule_indent = -1
    entries: list[CodeParam] = []
    script = ""
    section, section_indent = "", -1

    def close_rule() -> None:
        nonlocal entries, script
        if rule_at >= 0 and script:
            out.append(
                CodeParam("", f"rule at line {rule_at + 1}", rel, rule_at + 1, "launch", "", script)
            )
            for p in entries:
                p.context = script
        out.extend(entries if script else [])
        entries, script = [], ""

    for i, line in enumerate(lines):
        if len(out) >= MAX_PARAMS:
            break
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if rule_at >= 0 and indent <= rule_indent:
            close_rule()
            rule_at, section = -1, ""
        r = _RULE.match(line)
        if r:
            rule_at, rule_indent = i, len(r.group(1))
            section, section_indent = "", -1
            continue
        if rule_at < 0:
            f = _FOR.match(line)
            if f:
                out.append(
                    CodeParam(
                        f.group(1), f.group(2), rel, i + 1, "sweep", "values the workflow runs"
                    )
                )
            c = _CONST.match(line)
            if c:
                out.append(
                    CodeParam(
                        c.group(1), c.group(2), rel, i + 1, "constant", (c.group(3) or "").strip()
                    )
                )
            continue
        s = _SECTION.match(line)
        if s and (section_indent < 0 or indent <= section_indent) and "=" not in s.group(2):
            section, section_indent = s.group(2), indent
            rest = s.group(3).strip()
            if section == "script" and rest:
                script = _unquote(rest)
            elif section == "shell" and rest:
                script = _shell_script(rest, rel, i + 1, entries) or script
            continue
        if section == "params" and indent > section_indent:
            e = _ENTRY.match(line)
            if e:
                entries.append(
                    CodeParam(
                        e.group(1),
                        e.group(2).rstrip(","),
                        rel,
                        i + 1,
                        "cli-flag",
                        (e.group(3) or "").strip(),
                    )
                )
        elif section == "script" and not script:
            script = _unquote(line.strip())
        elif section == "shell" and not script:
            script = _shell_script(line.strip(), rel, i + 1, entries)
    close_rule()
    return out[:MAX_PARAMS]


def _unquote(text: str) -> str:
    t = text.strip().rstrip(",")
    if t[:1] in "fr" and t[1:2] in "'\"":
        t = t[1:]
    return t.strip("'\"")


def _shell_script(command: str, rel: str, line: int, entries: list[CodeParam]) -> str:
    """The Python script a rule's shell command runs, its flags added to `entries`."""
    from arakit.compiler.repo.params.shell import shell_params

    cmd = _unquote(command)
    m = _PY_SCRIPT.search(cmd)
    if not m:
        return ""
    for p in shell_params(f"python {m.group(1)}{m.group(2)}", rel):
        if p.kind in ("cli-flag", "hydra-override"):
            p.line = line
            entries.append(p)
    return m.group(1)
