"""One parameter as the code states it: the value exactly as written and where."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from arakit.compiler.settings.names import CACHED, code_key, is_known_code_name

# kinds of definition, by how a run picks the value up
CLI_KINDS = ("argparse", "click", "typer")
FILE_KINDS = ("yaml", "json", "toml", "ini", "gin", "xml")
OVERRIDE_KINDS = ("cli-flag", "hydra-override", "shell", "shell-default", "plan")


@dataclass
class CodeParam:
    """One parameter found in code, a config file, a launch script or a run log."""

    name: str  # as written: "--batch-size", "dropout", "SEED", "optimizer.lr"
    value: str  # the source text of the value, unchanged
    file: str  # relative to the repository root
    line: int
    kind: str  # constant | script | default | init | dataclass | pydantic | attrs | class |
    # argparse | click | typer | environ | call | dict | yaml | json | toml | ini | gin |
    # shell | shell-default | cli-flag | hydra-override | log | sweep (`for x in [..]`) |
    # xml (a launch file's `<param>` / `<arg>`) | package (a DESCRIPTION version or pin) |
    # config-base (an mmcv config's `_base_` file; its `dict` leaves are dotted paths)
    help: str = ""  # help text, or the comment written beside the value
    context: str = ""  # enclosing function, class, callee or config section
    used: bool = True  # False for a script constant that nothing reads
    # for a definition in an in-repository module outside the paper's code folder: the
    # script of that folder that reaches it and the line where it does (`run.py:5`)
    via: str = ""
    # for a run-time override (a launch line's `data.val_subset.indices.stop=1024`): the
    # location of the config definition it replaces (`configs/data/imagenet.yaml:96`)
    overrides: str = ""
    # for a call's keyword argument: what the call's result is bound to and what it is
    # given first (`opt_e = Adam(encoder.parameters(), lr=5e-4)`: `opt_e encoder.parameters`),
    # the part of the model a value set in that call belongs to
    owner: str = ""

    @property
    def _plain(self) -> str:
        """The name with R's dots read as the word separators they are there (`mu.alpha`
        is one name, the mean of alpha, never `alpha` of an object `mu`)."""
        return _plain(self.name, self.file)

    @property
    def key(self) -> str:
        """The canonical name (`learning_rate`) or the normalised spelling when unknown."""
        return code_key(self._plain)

    @property
    def known(self) -> bool:
        """True when the name is a recognised hyperparameter."""
        return is_known_code_name(self._plain)

    @property
    def location(self) -> str:
        """`train.py:12`."""
        return f"{self.file}:{self.line}"

    @property
    def bare(self) -> str:
        """The name without dashes, prefixes or a dotted path: `batch_size`, `lr`."""
        return _bare(self._plain)


# a compile matches every paper setting against every parameter, reading these names
# millions of times: the string work is cached (names are few, reads are many)
@lru_cache(maxsize=CACHED)
def _plain(name: str, file: str) -> str:
    return name.replace(".", "_") if file.lower().endswith(".r") else name


@lru_cache(maxsize=CACHED)
def _bare(plain: str) -> str:
    return plain.lstrip("-").split(".")[-1].replace("-", "_")
