"""Parameters in Python source, read with `ast` in every common style:

- module constants (`LR = 1e-3`, `m = 0.2`) and script constants in `if __name__ ==
  "__main__":` blocks or at the top of a function body (`num_iter = 40000  # steps`);
- keyword defaults of functions and `__init__` (`def __init__(self, d_model=64)`);
- dataclass, pydantic, attrs and plain config-class fields;
- argparse `add_argument(..., default=...)`, click `@option(default=...)`, typer
  `Option(default)` parameters;
- `os.environ.get("LR", "1e-3")`, `os.getenv`, `os.environ.setdefault`;
- literal keyword arguments of calls (`Model(n_feat=64)`, `Adam(params, lr=1e-3)`);
- dict literals (`{"lr": [1e-3], "batch_size": [32, 128]}`, nested dicts, and lists of
  `{"name": "Np", "domain": (5, 300)}` design spaces).

Values are kept exactly as written; the comment beside a value is kept as its help."""

from __future__ import annotations

import ast
import re
from collections import Counter

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.superseded import superseded
from arakit.compiler.repo.params.pyconfig import config_params, is_inheriting_config
from arakit.compiler.repo.params.searched import drawn_by_search
from arakit.compiler.settings.names import code_key, is_known_code_name
from arakit.compiler.repo.syntax import nodes, parse_tolerant

MAX_VALUE = 200
MAX_PARAMS = 2000
PYDANTIC_BASES = {"BaseModel", "BaseSettings"}
_DATACLASS = {"dataclass", "dataclasses.dataclass", "define", "frozen", "attr.s", "attrs", "s"}
_CONST_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
# calls whose keyword arguments style a figure or format text, never set an experiment
_NOISE_CALLEE = re.compile(
    r"^(?:plt|ax|axs|axes|fig|sns|matplotlib|mpl|pylab)\.|(?:^|\.)(?:plot|scatter|figure|subplots?|"
    r"savefig|legend|xlabel|ylabel|zlabel|title|suptitle|text|annotate|tight_layout|grid|hist|"
    r"imshow|bar|barh|errorbar|fill_between|axvline|axhline|add_subplot|rc|format|print|open|join|"
    r"read_csv|to_csv|read_table|savez|save|load|set_\w+|colorbar|show|close|pause|ion|"
    r"add_argument_group|ArgumentParser|basicConfig|getLogger|exists|makedirs|mkdir)$"
)
# objects a script draws with: their attributes style a figure
_PLOT_ROOT = re.compile(r"^(?:plt|ax\w*|fig\w*|sns|matplotlib|mpl|pylab|rcParams)$")
_ENVIRON = ("environ.get", "getenv", "environ.setdefault", "os.getenv")
# layers whose first argument is their size or rate (Keras, PyTorch)
_LAYERS = {
    "Dropout": "dropout",
    "SpatialDropout1D": "dropout",
    "Dense": "units",
    "LSTM": "units",
    "GRU": "units",
    "SimpleRNN": "units",
}


def _self_attribute(target: ast.expr) -> bool:
    return (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
    )


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return _dotted(node.func)
    return ""


def _numeric(node: ast.expr) -> bool:
    """A number or arithmetic of numbers (`10e1`, `-3`, `1/3`, `2**10`, `50e-3`)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, int | float) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return _numeric(node.operand)
    if isinstance(node, ast.BinOp) and isinstance(
        node.op, ast.Add | ast.Sub | ast.Mult | ast.Div | ast.FloorDiv | ast.Pow
    ):
        return _numeric(node.left) and _numeric(node.right)
    return False


# the names an astropy-style units module is imported as (`import astropy.units as u`)
_UNIT_MODULES = frozenset({"u", "units", "unit"})


def _unit(node: ast.expr) -> bool:
    """A unit expression: `u.kpc`, `u.km / u.s`, `u.m**2`."""
    if isinstance(node, ast.Attribute):
        return isinstance(node.value, ast.Name) and node.value.id in _UNIT_MODULES
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Div):
        return _unit(node.left) and _unit(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        return _unit(node.left) and _numeric(node.right)
    return False


def _quantity(node: ast.expr) -> bool:
    """A number or a list of numbers with a unit: `0.5 * u.km / u.s`, `[12.9, 245.6, 7.78] *
    u.km/u.s` (an astronomer's constant is written this way more often than bare)."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Div)):
        return False
    if not _unit(node.right):
        return False
    left = node.left
    if _numeric(left) or _quantity(left):
        return True
    return (
        isinstance(left, ast.List | ast.Tuple)
        and bool(left.elts)
        and all(_numeric(e) for e in left.elts)
    )


def _literal(node: ast.expr | None) -> bool:
    if node is None or _empty(node):
        return False
    if _numeric(node) or _quantity(node):
        return True
    if isinstance(node, ast.Call) and _dotted(node.func).split(".")[-1] in ("array", "tensor"):
        return len(node.args) == 1 and _literal(node.args[0])  # np.array([0.1, 0.9])
    if isinstance(node, ast.Call) and _dotted(node.func) in (
        "range",
        "list",
        "np.arange",
        "np.linspace",
    ):
        return bool(node.args) and all(
            _literal(a) or (isinstance(a, ast.Call) and _literal(a)) for a in node.args
        )
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _empty(node: ast.expr) -> bool:
    """`None`, `""`, `[]`, `{}`, `()`: nothing is set."""
    if isinstance(node, ast.Constant):
        return node.value is None or node.value == ""
    return isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict) and not (
        node.keys if isinstance(node, ast.Dict) else node.elts
    )


_PARSER_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _cut(line: str, start: int, stop: int | None) -> str:
    """Part of a line between two column offsets, which the parser counts in UTF-8 bytes."""
    if line.isascii():
        return line[start:stop]
    return line.encode()[start:stop].decode(errors="replace")


class _Reader:
    def __init__(self, source: str, rel: str) -> None:
        self.source = source
        self.rel = rel
        self.lines = source.splitlines()
        self._raw: list[str] | None = None
        self.out: list[CodeParam] = []
        self.loaded: set[str] = set()  # names the file reads
        # names each function assigns more than once (`epoch = 1` ... `epoch += 1`)
        self.state: dict[str, set[str]] = {}
        # how often the file assigns each dotted attribute (`cfg.optimizer.lr`)
        self.targets: Counter[str] = Counter()
        self.skip: set[int] = set()  # ids of calls already read (a config file's dict leaves)
        self.bound: dict[int, str] = {}  # id of a call -> the name its result is assigned to

    def draws(self, value: ast.expr) -> bool:
        """True for a hyperparameter search's draw (`trial.suggest_int('n', 1, 3)`)."""
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)):
            return False
        return drawn_by_search(self.text(value) or "")

    def text(self, node: ast.expr) -> str | None:
        """The value as written. Not `ast.get_source_segment`: it splits the whole source
        on every call, which made a 5,000-line script take minutes."""
        end, end_col = getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None)
        if end is None or end_col is None:
            return None
        if self._raw is None:  # lines as the parser counts them: \r\n, \r or \n end one
            self._raw = [m.group() for m in _PARSER_LINE.finditer(self.source)]
        first, last = node.lineno - 1, end - 1
        if last >= len(self._raw):
            return None
        if first == last:
            seg = _cut(self._raw[first], node.col_offset, end_col)
        else:
            middle = self._raw[first + 1 : last]
            if sum(map(len, middle)) > MAX_VALUE:
                return None
            head = _cut(self._raw[first], node.col_offset, None)
            seg = head + "".join(middle) + _cut(self._raw[last], 0, end_col)
        return seg if len(seg) <= MAX_VALUE else None

    def comment(self, node: ast.AST) -> str:
        """The comment written after the value on its last line (`# learning rate`)."""
        end = getattr(node, "end_lineno", None)
        col = getattr(node, "end_col_offset", None)
        if end is None or col is None or end > len(self.lines):
            return ""
        rest = self.lines[end - 1][col:]
        m = re.match(r"[\s,)\]}]*#\s?(.*)$", rest)
        return m.group(1).strip()[:160] if m else ""

    def add(
        self,
        name: str,
        node: ast.expr | None,
        kind: str,
        context: str = "",
        help: str = "",
        used: bool = True,
    ) -> None:
        if node is None or len(self.out) >= MAX_PARAMS or not _literal(node):
            return
        value = self.text(node)
        if value is None:
            return
        self.out.append(
            CodeParam(
                name, value, self.rel, node.lineno, kind, help or self.comment(node), context, used
            )
        )

    # statements ------------------------------------------------------------------------
    def block(self, body: list[ast.stmt], kind: str, context: str) -> None:
        for st in body:
            if isinstance(st, ast.Assign) and len(st.targets) == 1:
                self.assign(st.targets[0], st.value, kind, context)
            elif isinstance(st, ast.AnnAssign) and st.value is not None:
                self.assign(st.target, st.value, kind, context)
            elif isinstance(st, ast.If) and is_main_guard(st.test):
                self.block(st.body, "script", "__main__")
            elif isinstance(st, ast.If | ast.With | ast.Try) and kind == "script":
                self.block(st.body, kind, context)
            elif isinstance(st, ast.FunctionDef | ast.AsyncFunctionDef):
                self.function(st, context if kind == "class" else "")
            elif isinstance(st, ast.ClassDef):
                self.klass(st)

    def assign(self, target: ast.expr, value: ast.expr, kind: str, context: str) -> None:
        if id(value) in self.skip or (isinstance(target, ast.Name) and target.id == "_base_"):
            return  # read as a config file's dotted leaves and bases
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
            for t, v in zip(target.elts, value.elts, strict=False):
                self.assign(t, v, kind, context)
            return
        if _self_attribute(target):
            # `self.lr = 0.003` in __init__: the instance's setting (elsewhere a method's
            # running state)
            if kind == "script" and context.endswith(".__init__"):
                self.add(target.attr, value, "class", context.rsplit(".", 1)[0])  # type: ignore[attr-defined]
            return
        if isinstance(target, ast.Attribute):
            self.attribute(target, value, kind, context)
            return
        if not isinstance(target, ast.Name):
            return
        name = target.id
        if kind == "script" and name in self.state.get(context, ()):
            return  # a counter or running state of the function, not a setting
        if kind == "module":
            k = "constant" if _CONST_RE.match(name) else "script"
        else:
            k = kind
        used = k not in ("script",) or name in self.loaded
        if (
            not _literal(value)
            # a search's draw names the setting it draws, known word or not
            and (is_known_code_name(name) or self.draws(value))
            and not isinstance(value, ast.Dict | ast.Lambda)
        ):
            text = self.text(value)
            if text is not None:  # `batch_size = n_fit // seq_len`: derived, kept as written
                self.out.append(
                    CodeParam(
                        name,
                        text,
                        self.rel,
                        value.lineno,
                        "derived",
                        self.comment(value),
                        context,
                        used,
                    )
                )
            return
        if isinstance(value, ast.Dict):
            self.dict_literal(value, name)  # each entry, not the whole dict
            return
        self.add(name, value, k, context, used=used)

    def attribute(self, target: ast.Attribute, value: ast.expr, kind: str, context: str) -> None:
        """`cfg.optimizer.lr = 0.02 / 8`, `config.model.num_classes = 14`: a setting written
        into a configuration object (mmcv / mmdetection, ml_collections, argparse
        namespaces), named by its dotted path; an attribute the file assigns more than once
        is running state, and plotting objects are styled, not configured."""
        path = _dotted(target)
        root = path.split(".", 1)[0]
        if not path or root == "self" or _PLOT_ROOT.match(root) or self.targets[path] > 1:
            return
        self.add(path, value, "constant" if kind == "module" else kind, context)

    def function(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, owner: str) -> None:
        qual = f"{owner}.{fn.name}" if owner else fn.name
        kind = "init" if fn.name == "__init__" else "default"
        args = fn.args
        positional = args.posonlyargs + args.args
        for arg, default in zip(
            positional[len(positional) - len(args.defaults) :], args.defaults, strict=True
        ):
            self.default(arg.arg, default, kind, qual)
        for arg, kwdefault in zip(args.kwonlyargs, args.kw_defaults, strict=True):
            if kwdefault is not None:
                self.default(arg.arg, kwdefault, kind, qual)
        self.state[qual] = _reassigned(fn)
        self.block(fn.body, "script", qual)

    def default(self, name: str, node: ast.expr, kind: str, context: str) -> None:
        if isinstance(node, ast.Call) and _dotted(node.func).split(".")[-1] in (
            "Option",
            "Argument",
        ):
            first = node.args[0] if node.args else _kw(node).get("default")
            if first is not None and not (
                isinstance(first, ast.Constant) and first.value is Ellipsis
            ):
                self.add(name, first, "typer", context, _help(node))
            return
        self.add(name, node, kind, context)

    def klass(self, cls: ast.ClassDef) -> None:
        decorators = {_dotted(d.func if isinstance(d, ast.Call) else d) for d in cls.decorator_list}
        bases = {_dotted(b).split(".")[-1] for b in cls.bases}
        if decorators & _DATACLASS or any(
            d.endswith(("dataclass", ".define", ".frozen")) for d in decorators
        ):
            kind = "dataclass"
        elif bases & PYDANTIC_BASES:
            kind = "pydantic"
        else:
            kind = "class"
        for st in cls.body:
            if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.value:
                self.field(cls.name, st.target.id, st.value, kind)
            elif (
                isinstance(st, ast.Assign)
                and len(st.targets) == 1
                and isinstance(st.targets[0], ast.Name)
            ):
                if not st.targets[0].id.startswith("__"):
                    self.field(cls.name, st.targets[0].id, st.value, kind)
            elif isinstance(st, ast.FunctionDef | ast.AsyncFunctionDef):
                self.function(st, cls.name)
            elif isinstance(st, ast.ClassDef):
                self.klass(st)

    def field(self, cls: str, name: str, node: ast.expr, kind: str) -> None:
        if isinstance(node, ast.Call) and _dotted(node.func).split(".")[-1] in (
            "field",
            "Field",
            "ib",
            "attrib",
        ):
            kw = _kw(node)
            node = kw.get("default") or (node.args[0] if node.args else None)  # type: ignore[assignment]
            if kind == "class":
                kind = "attrs"
        if node is not None:
            self.add(f"{cls}.{name}", node, kind, cls)

    # calls and literals anywhere ----------------------------------------------------------
    def calls(self, tree: ast.AST) -> None:
        for node in nodes(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for dec in node.decorator_list:
                    if isinstance(dec, ast.Call) and _dotted(dec.func).split(".")[-1] == "option":
                        self.option(dec, "click")
            if not isinstance(node, ast.Call) or id(node) in self.skip:
                continue
            callee = _dotted(node.func)
            last = callee.split(".")[-1]
            if last == "add_argument":
                self.option(node, "argparse")
            elif last == "set_defaults":  # `parser.set_defaults(scale=False)`: a flag's default
                for k in node.keywords:
                    if k.arg:
                        self.add(k.arg, k.value, "argparse", "set_defaults")
            elif last in _LAYERS and node.args and _numeric(node.args[0]):
                # `Dropout(0.1)`, `LSTM(128)`: a layer's size or rate, given by position
                self.add(_LAYERS[last], node.args[0], "call", callee)
            elif callee.endswith(_ENVIRON) and node.args:
                key = node.args[0]
                default = node.args[1] if len(node.args) > 1 else _kw(node).get("default")
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    self.add(key.value, default, "environ", callee)
            elif last not in (
                "option",
                "Option",
                "Argument",
                "field",
                "Field",
            ) and not _NOISE_CALLEE.search(callee):
                start = len(self.out)
                for k in node.keywords:
                    if k.arg and not isinstance(k.value, ast.Dict):
                        self.add(k.arg, k.value, "call", callee)
                owner = _owner(node, self.bound.get(id(node), ""))
                for i in range(start, len(self.out)):
                    self.out[i].owner = owner

    def option(self, call: ast.Call, kind: str) -> None:
        names = [
            a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        kw = _kw(call)
        if not names or "default" not in kw:
            return
        name = max((n for n in names if n.startswith("--")), key=len, default=names[0])
        dest = kw.get("dest")
        if isinstance(dest, ast.Constant) and isinstance(dest.value, str):
            name = dest.value
        self.add(name, kw["default"], kind, "", _help(call))

    def sweeps(self, tree: ast.AST) -> None:
        """`for alpha in [2, 4, 8]:` — the values a loop runs an experiment at (kind
        `sweep`): a paper's "at α ∈ {2, 4, 8}" is one of them, not a disagreement with a
        default set elsewhere."""
        for node in nodes(tree):
            if not isinstance(node, ast.For | ast.AsyncFor) or not isinstance(
                node.target, ast.Name
            ):
                continue
            it = node.iter
            if (
                isinstance(it, ast.List | ast.Tuple | ast.Set)
                and len(it.elts) >= 2
                and all(_numeric(e) for e in it.elts)
            ) or (
                isinstance(it, ast.Call)
                and _dotted(it.func) == "range"
                and 1 <= len(it.args) <= 3
                and all(_numeric(a) for a in it.args)
                and not it.keywords
                and not _counting(it)
            ):  # `for k in range(2, 9, 2)`: the levels 2, 4, 6, 8
                self.add(node.target.id, it, "sweep", help="values a loop runs")
            elif (
                isinstance(it, ast.Call)
                and _dotted(it.func) == "range"
                and all(_numeric(a) for a in it.args)
                and not it.keywords
                and _counting(it)
                and _counts_runs(node.target.id)
            ):  # `for epoch in range(1, 1000)`: the loop's bound is the epoch count that runs
                name = node.target.id
                named = name if is_known_code_name(name) else f"{name}s"  # `step`: steps
                self.add(named, it, "loop", help=f"for {name} in {ast.unparse(it)}")

    def dict_literal(self, node: ast.Dict, context: str, prefix: str = "") -> None:
        for k, v in zip(node.keys, node.values, strict=True):
            if not (isinstance(k, ast.Constant) and isinstance(k.value, str)):
                continue
            name = f"{prefix}.{k.value}" if prefix else k.value
            if isinstance(v, ast.Dict):
                self.dict_literal(v, context, name)
            else:
                self.add(name, v, "dict", context)

    def dicts(self, tree: ast.AST) -> None:
        """Dict literals that no assignment named (call arguments, lists of design-space
        entries `{"name": "Np", "domain": (5, 300)}`)."""
        named = {
            id(st.value)
            for st in nodes(tree)
            if isinstance(st, ast.Assign) and isinstance(st.value, ast.Dict)
        }
        for node in nodes(tree):
            if not isinstance(node, ast.Dict) or id(node) in named:
                continue
            keys = [
                k.value
                for k in node.keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            ]
            label = next(
                (
                    v.value
                    for k, v in zip(node.keys, node.values, strict=True)
                    if isinstance(k, ast.Constant)
                    and k.value == "name"
                    and isinstance(v, ast.Constant)
                    and isinstance(v.value, str)
                ),
                None,
            )
            if label is not None:
                for k, v in zip(node.keys, node.values, strict=True):
                    if (
                        isinstance(k, ast.Constant)
                        and isinstance(k.value, str)
                        and k.value not in ("name", "type")
                    ):
                        self.add(f"{label}.{k.value}", v, "dict", label)
            elif keys and len(keys) == len(node.keys):
                self.dict_literal(node, "")


def _counts_runs(name: str) -> bool:
    """A loop variable that counts training passes (`epoch`, `step`, `iteration`)."""
    key = code_key(name) if is_known_code_name(name) else code_key(f"{name}s")
    return key in ("epochs", "iterations") and (
        is_known_code_name(name) or is_known_code_name(f"{name}s")
    )


def _counting(call: ast.Call) -> bool:
    """`range(10)`, `range(1, 11)`: a loop that counts (epochs, repetitions), whose levels
    are no setting; `range(2, 9, 2)` or `range(16, 65)` runs levels."""
    args = [a.value if isinstance(a, ast.Constant) else None for a in call.args]
    return len(args) == 1 or (len(args) == 2 and args[0] in (0, 1))


def _reassigned(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a function body assigns more than once, updates (`+=`) or loops over."""
    seen: dict[str, int] = {}
    for node in nodes(fn):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign):
            targets = [node.target, node.target]
        elif isinstance(node, ast.AnnAssign | ast.For | ast.AsyncFor):
            targets = [node.target]
        for t in targets:
            for n in nodes(t):  # `x[i] = ...` stores into x, it does not assign it
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    seen[n.id] = seen.get(n.id, 0) + 1
    return {name for name, count in seen.items() if count > 1}


MAX_DEAD = 100_000


def _dead_lines(tree: ast.Module) -> set[int]:
    """Lines of branches no run takes: the body of `if ENABLE_PROFILER:` where the module
    sets `ENABLE_PROFILER = False` once and never again (or `if False:`, `if 0:`), the
    `else` of such a test negated. A profiler's `warmup = 1` there is no setting of the run."""
    switches: dict[str, object] = {}
    stores: dict[str, int] = {}
    for node in nodes(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            stores[node.id] = stores.get(node.id, 0) + 1
    for st in tree.body:
        if (
            isinstance(st, ast.Assign)
            and len(st.targets) == 1
            and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Constant)
            and isinstance(st.value.value, bool | int | type(None))
        ):
            switches[st.targets[0].id] = st.value.value

    def truth(test: ast.expr) -> bool | None:
        if isinstance(test, ast.Constant) and isinstance(test.value, bool | int | type(None)):
            return bool(test.value)
        if isinstance(test, ast.Name) and test.id in switches and stores.get(test.id) == 1:
            return bool(switches[test.id])
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = truth(test.operand)
            return None if inner is None else not inner
        return None

    dead: set[int] = set()
    for node in nodes(tree):
        if not isinstance(node, ast.If):
            continue
        taken = truth(node.test)
        skipped = node.body if taken is False else node.orelse if taken is True else []
        for st in skipped:
            end = getattr(st, "end_lineno", None) or st.lineno
            if len(dead) + end - st.lineno > MAX_DEAD:
                return dead
            dead.update(range(st.lineno, end + 1))
    return dead


def is_main_guard(test: ast.expr) -> bool:
    """`if __name__ == "__main__":`."""
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


def _owner(call: ast.Call, bound: str) -> str:
    """What a call belongs to: the name its result is bound to and the object or call it
    is given first (`opt_e = Adam(encoder.parameters(), lr=...)`: `opt_e encoder.parameters`)."""
    first = call.args[0] if call.args else None
    if isinstance(first, ast.Call):
        first = first.func
    given = _dotted(first) if isinstance(first, ast.Name | ast.Attribute) else ""
    return f"{bound} {given}".strip()


def _kw(call: ast.Call) -> dict[str, ast.expr]:
    return {k.arg: k.value for k in call.keywords if k.arg}


def _help(call: ast.Call) -> str:
    h = _kw(call).get("help")
    return h.value if isinstance(h, ast.Constant) and isinstance(h.value, str) else ""


def python_params(source: str, rel: str) -> list[CodeParam]:
    """Parameters stated in one Python file; a file that does not parse yields none."""
    tree = parse_tolerant(source)
    if tree is None:
        return []
    r = _Reader(source, rel)
    for n in nodes(tree):  # one pass: names read, and attributes assigned
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
            r.loaded.add(n.id)
        elif isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store):
            r.targets[_dotted(n)] += 1
        elif isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and len(n.targets) == 1:
            r.bound[id(n.value)] = _dotted(n.targets[0])
    try:
        if is_inheriting_config(tree, rel):  # mmcv style: dotted leaves, bases named
            r.skip = config_params(r.add, tree)
        r.block(tree.body, "module", "")
        r.calls(tree)
        r.dicts(tree)
        r.sweeps(tree)
    except RecursionError:
        pass
    seen: set[tuple[str, int, str]] = set()
    out = []
    dead = _dead_lines(tree)
    replaced = superseded(tree, is_main_guard)
    for p in r.out:
        k = (p.name, p.line, p.value)
        if p.kind == "script" and (p.name, p.line) in replaced:
            continue  # `epochs = 40` that `epochs = 10` replaces before anything reads it
        if k not in seen and p.line not in dead:
            seen.add(k)
            out.append(p)
    return out
