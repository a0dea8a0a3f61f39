"""Parameters as the code states them: argparse and click defaults, dataclass and pydantic
defaults, module constants (via `ast`), and YAML, JSON and TOML config files."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass

# code spelling (lower case, `-` as `_`) → canonical hyperparameter name shared with atoms.py
ALIASES: dict[str, str] = {
    **dict.fromkeys(("lr", "learning_rate", "base_lr", "init_lr", "initial_lr"), "learning_rate"),
    **dict.fromkeys(("bs", "batch_size", "batchsize", "train_batch_size"), "batch_size"),
    **dict.fromkeys(("wd", "weight_decay", "l2", "l2_penalty"), "weight_decay"),
    **dict.fromkeys(("epochs", "num_epochs", "n_epochs", "max_epochs", "epoch"), "epochs"),
    **dict.fromkeys(("dropout", "dropout_rate", "drop_rate", "p_dropout", "dropout_p"), "dropout"),
    **dict.fromkeys(("momentum",), "momentum"),
    **dict.fromkeys(("label_smoothing", "smoothing", "label_smooth"), "label_smoothing"),
    **dict.fromkeys(("warmup_epochs", "warmup_epoch"), "warmup_epochs"),
    **dict.fromkeys(("warmup_steps", "warmup_iters", "num_warmup_steps"), "warmup_steps"),
    **dict.fromkeys(("seed", "random_seed", "rng_seed"), "seed"),
    **dict.fromkeys(("hidden_size", "hidden_dim", "d_model", "embed_dim"), "hidden_size"),
    **dict.fromkeys(("num_layers", "n_layers", "layers"), "num_layers"),
    **dict.fromkeys(("num_heads", "n_heads", "heads"), "num_heads"),
    **dict.fromkeys(("grad_clip", "clip_grad", "max_grad_norm", "clip_norm"), "gradient_clipping"),
    **dict.fromkeys(("temperature",), "temperature"),
    **dict.fromkeys(("beta1",), "beta1"),
    **dict.fromkeys(("beta2",), "beta2"),
    **dict.fromkeys(("eps", "epsilon", "adam_eps"), "epsilon"),
}
_CONST_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
PYDANTIC_BASES = {"BaseModel", "BaseSettings"}


@dataclass
class CodeParam:
    """One parameter found in code or config: exact value text and where it is set."""

    name: str  # as written: "--batch-size", "dropout", "SEED", "optimizer.lr"
    value: str  # the source text of the value, unchanged
    file: str  # relative to the repository root
    line: int
    kind: str  # argparse | click | dataclass | pydantic | constant | yaml | json | toml
    help: str = ""

    @property
    def key(self) -> str:
        """The canonical name (`learning_rate`) or the normalised spelling when unknown."""
        last = self.name.lstrip("-").split(".")[-1].lower().replace("-", "_")
        return ALIASES.get(last, last)

    @property
    def known(self) -> bool:
        """True when the name is a recognised hyperparameter."""
        last = self.name.lstrip("-").split(".")[-1].lower().replace("-", "_")
        return last in ALIASES

    @property
    def location(self) -> str:
        """`train.py:12`."""
        return f"{self.file}:{self.line}"


def python_params(source: str, rel: str) -> list[CodeParam]:
    """Parameters stated in one Python file; a file that does not parse yields none."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    out: list[CodeParam] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and _CONST_RE.match(target.id):
                value = _literal(source, node.value)
                if value is not None:
                    out.append(CodeParam(target.id, value, rel, node.lineno, "constant"))
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Call):
            out += _argparse(source, rel, sub)
        elif isinstance(sub, ast.ClassDef):
            out += _class_fields(source, rel, sub)
        elif isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef):
            for dec in sub.decorator_list:
                if isinstance(dec, ast.Call) and _attr(dec.func) == "option":
                    out += _option(source, rel, dec, "click")
    return out


def _attr(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal(source: str, node: ast.expr | None) -> str | None:
    """The exact source text of a literal value (numbers, strings, booleans, -1e-4), else None."""
    if node is None:
        return None
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    text = ast.get_source_segment(source, node)
    return text if text is not None and len(text) <= 200 else None


def _argparse(source: str, rel: str, call: ast.Call) -> list[CodeParam]:
    if _attr(call.func) != "add_argument":
        return []
    return _option(source, rel, call, "argparse")


def _option(source: str, rel: str, call: ast.Call, kind: str) -> list[CodeParam]:
    names = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    kw = {k.arg: k.value for k in call.keywords if k.arg}
    if not names or "default" not in kw:
        return []
    name = max((n for n in names if n.startswith("--")), key=len, default=names[0])
    dest = kw.get("dest")
    if isinstance(dest, ast.Constant) and isinstance(dest.value, str):
        name = dest.value
    value = _literal(source, kw["default"])
    if value is None:
        return []
    helptext = kw.get("help")
    hs = (
        helptext.value
        if isinstance(helptext, ast.Constant) and isinstance(helptext.value, str)
        else ""
    )
    return [CodeParam(name, value, rel, kw["default"].lineno, kind, hs)]


def _class_fields(source: str, rel: str, cls: ast.ClassDef) -> list[CodeParam]:
    decorators = {_attr(d.func if isinstance(d, ast.Call) else d) for d in cls.decorator_list}
    bases = {_attr(b) for b in cls.bases}
    if "dataclass" in decorators:
        kind = "dataclass"
    elif bases & PYDANTIC_BASES:
        kind = "pydantic"
    else:
        return []
    out = []
    for st in cls.body:
        if not (isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.value):
            continue
        value_node: ast.expr | None = st.value
        if isinstance(st.value, ast.Call) and _attr(st.value.func) in ("field", "Field"):
            kw = {k.arg: k.value for k in st.value.keywords if k.arg}
            value_node = kw.get("default") or (st.value.args[0] if st.value.args else None)
        value = _literal(source, value_node)
        if value is not None:
            out.append(CodeParam(f"{cls.name}.{st.target.id}", value, rel, st.lineno, kind))
    return out


_YAML_LINE_RE = re.compile(r"^(\s*)([\w.-]+)\s*:\s*(.*?)\s*(?:\s#.*)?$")
_TOML_LINE_RE = re.compile(r"^\s*([\w.-]+)\s*=\s*(.*?)\s*(?:\s#.*)?$")
_TOML_TABLE_RE = re.compile(r"^\s*\[+\s*([\w.-]+)\s*\]+\s*$")


def yaml_params(text: str, rel: str) -> list[CodeParam]:
    """Scalar settings of a YAML file, with dotted paths from indentation; values verbatim."""
    out: list[CodeParam] = []
    stack: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith(("#", "-")):
            continue
        m = _YAML_LINE_RE.match(line)
        if not m:
            continue
        indent, key, value = len(m.group(1)), m.group(2), m.group(3)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if not value or value in ("|", ">", "|-", ">-"):
            stack.append((indent, key))
            continue
        if value.startswith(("{", "[", "&", "*", "!")):
            continue
        path = ".".join([k for _, k in stack] + [key])
        out.append(CodeParam(path, value.strip("'\"") if _quoted(value) else value, rel, n, "yaml"))
    return out


def _quoted(v: str) -> bool:
    return len(v) >= 2 and v[0] == v[-1] and v[0] in "'\""


def toml_params(text: str, rel: str) -> list[CodeParam]:
    """Scalar settings of a TOML file (`[table]` prefixes the keys); values verbatim."""
    out: list[CodeParam] = []
    table = ""
    for n, line in enumerate(text.splitlines(), start=1):
        t = _TOML_TABLE_RE.match(line)
        if t:
            table = t.group(1)
            continue
        m = _TOML_LINE_RE.match(line)
        if m and m.group(2) and not m.group(2).startswith(("[", "{", '"""', "'''")):
            path = f"{table}.{m.group(1)}" if table else m.group(1)
            value = m.group(2)
            out.append(
                CodeParam(path, value.strip("'\"") if _quoted(value) else value, rel, n, "toml")
            )
    return out


def json_params(text: str, rel: str, limit: int = 500) -> list[CodeParam]:
    """Scalar leaves of a JSON object (dotted paths); the line is where the key first appears."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    lines = text.splitlines()
    out: list[CodeParam] = []

    def walk(obj: dict[str, object], prefix: str) -> None:
        for k, v in obj.items():
            path = f"{prefix}.{k}" if prefix else k
            if isinstance(v, dict):
                walk(v, path)
            elif isinstance(v, bool | int | float | str) and len(out) < limit:
                line = next((i for i, ln in enumerate(lines, 1) if f'"{k}"' in ln), 1)
                raw = json.dumps(v) if not isinstance(v, str) else v
                if isinstance(v, int | float) and not isinstance(v, bool):
                    m = re.search(rf'"{re.escape(k)}"\s*:\s*([-+0-9.eE]+)', lines[line - 1])
                    raw = m.group(1) if m else raw
                out.append(CodeParam(path, raw, rel, line, "json"))

    walk(data, "")
    return out


SEED_CALL_RE = re.compile(
    r"\b((?:torch\.(?:cuda\.)?manual_seed(?:_all)?|np\.random\.seed|numpy\.random\.seed|"
    r"random\.seed|tf\.random\.set_seed|set_seed|seed_everything))\(([^)]*)\)"
)


def seed_calls(source: str, rel: str) -> list[CodeParam]:
    """Calls that set a random seed (`torch.manual_seed(SEED)`), with the argument as written."""
    out = []
    for n, line in enumerate(source.splitlines(), start=1):
        for m in SEED_CALL_RE.finditer(line):
            out.append(CodeParam(m.group(1), m.group(2).strip(), rel, n, "seed"))
    return out
