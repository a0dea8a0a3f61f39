"""src/settings/: every setting of the repository beyond src/configs/ and src/execution/,
quoted as written, the paper's code apart from the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from arakit.compiler.ground import ground_repo
from arakit.compiler.listing import CODE_PATH, MAX_LISTING, REPOSITORY_PATH, settings_listings
from arakit.compiler.reconcile import reconcile
from arakit.compiler.scope import Scope

REPO = {
    "exp/train.py": (
        "import torch\n"
        "from exp.config import BaseConfig\n"
        "LR = 3e-4\n"
        "def main():\n"
        "    opt = torch.optim.Adam(params, lr=1e-3)\n"
        "    x = torch.cat([a, b], dim=1)\n"
        "    data = load('pendulum_data_oloop_id.csv')\n"
        "if __name__ == '__main__':\n"
        "    main()\n"
    ),
    "exp/config.py": (
        "from dataclasses import dataclass\n"
        "@dataclass\n"
        "class BaseConfig:\n"
        "    latent_dim: int = 10\n"
        "    seed: int = 8\n"
        "    n_modalities: int = 2\n"
    ),
    "other/defaults.ini": "[sampling]\nnumber_of_batches: 500\n",
    "other/fit.pbs": "#!/bin/bash\n#PBS -l walltime=24:00:00\npython fit.py\n",
    "other/old/demo.py": "lr = 0.5\n",
    "tests/test_train.py": "lr = 99.0\n",
    "docs/conf.py": "html_theme = 'alabaster'\n",
}


def _listings(tree: Callable[..., Path], folders: list[str]) -> dict[str, str]:
    root = tree(REPO)
    g = ground_repo(root, with_history=False)
    g.scope = Scope(root=root, tree=root, folders=folders, commit_label="abc1234 paper")
    return settings_listings(g, [], carried=set())


def test_settings_of_the_papers_code_are_quoted_exactly_with_their_line(
    tree: Callable[..., Path],
) -> None:
    code = _listings(tree, ["exp"])[CODE_PATH]
    assert "at commit `abc1234 paper`" in code
    assert "## exp/config.py\n- 4: `latent_dim: int = 10` (BaseConfig)" in code
    assert "`LR = 3e-4`" in code
    assert "`opt = torch.optim.Adam(params, lr=1e-3)`" in code  # a class configured
    assert "torch.cat" not in code  # an operand of a function is no setting
    assert "`data = load('pendulum_data_oloop_id.csv')` (file)" in code


def test_settings_outside_the_papers_code_are_labelled_and_tests_and_docs_left_out(
    tree: Callable[..., Path],
) -> None:
    out = _listings(tree, ["exp"])[REPOSITORY_PATH]
    assert "Reconciliation uses them only for a setting the paper's code leaves unstated" in out
    assert "`number_of_batches: 500`" in out
    assert "`#PBS -l walltime=24:00:00` (job)" in out
    assert "lr = 99.0" not in out and "alabaster" not in out
    abandoned = out.index("## other/old/demo.py (set aside as abandoned code)")
    assert abandoned > out.index("## other/fit.pbs")  # abandoned code comes last
    assert "n_modalities" not in out  # the paper's code is listed in code.md only


def test_a_copied_config_trees_configs_no_run_loads_are_left_out_of_the_listing(
    tree: Callable[..., Path],
) -> None:
    from arakit.compiler.scope import UNLOADED

    root = tree({**REPO, "exp/configs/stock/retina_3x.py": "lr = 0.04\n"})
    g = ground_repo(root, with_history=False)
    g.scope = Scope(root=root, tree=root, folders=["other"])
    g.scope.excluded = [("exp/configs/stock", f"{UNLOADED} (exp/configs/)")]
    out = settings_listings(g, [], carried=set())[REPOSITORY_PATH]
    assert "retina_3x" not in out and "lr = 0.04" not in out
    assert "`LR = 3e-4`" in out  # the rest of the repository is still listed


def test_files_already_copied_whole_and_reconciled_lines_are_not_repeated(
    tree: Callable[..., Path],
) -> None:
    root = tree({**REPO, "exp/config.py": REPO["exp/config.py"] + "    tau: float = 0.7\n"})
    g = ground_repo(root, with_history=False)
    g.scope = Scope(root=root, tree=root, folders=["exp"])
    verdicts = [v for v in reconcile([], g.in_scope()) if v.code_where != "exp/config.py:7"]
    assert any(v.code_where == "exp/config.py:4" for v in verdicts)  # src/configs/ lists it
    got = settings_listings(g, verdicts, carried={"exp/train.py"})
    assert "exp/train.py" not in got[CODE_PATH]  # copied whole into src/execution/
    assert "latent_dim" not in got[CODE_PATH]
    assert "- 7: `tau: float = 0.7` (BaseConfig)" in got[CODE_PATH]


def test_a_listing_stays_within_its_bound_and_says_what_it_left_out(
    tree: Callable[..., Path],
) -> None:
    files = {f"pkg/m{i:03}.py": "".join(f"v{k} = {k}\n" for k in range(40)) for i in range(120)}
    root = tree(files)
    g = ground_repo(root, with_history=False)
    g.scope = Scope(root=root, tree=root, folders=["pkg"])
    code = settings_listings(g, [], carried=set())[CODE_PATH]
    assert len(code) < MAX_LISTING + 2048
    assert "more file(s)" in code and "not listed" in code


def test_a_line_holding_backticks_is_quoted_whole(tree: Callable[..., Path]) -> None:
    root = tree({"exp/go.sh": "#!/bin/bash\n#SBATCH --comment=`date`  # when\n"})
    g = ground_repo(root, with_history=False)
    g.scope = Scope(root=root, tree=root, folders=["exp"])
    code = settings_listings(g, [], carried=set())[CODE_PATH]
    assert "- 2: `` #SBATCH --comment=`date`  # when `` (job)" in code
