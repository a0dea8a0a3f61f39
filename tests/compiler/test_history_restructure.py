"""A restructuring commit moves code into a new layout, and may also drop an experiment
on the way: a program that was run (a training script) deleted with its code carried
nowhere is a dead end, a helper module of functions tidied away is not."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history
from arakit.compiler.repo.moved import runs_as_program
from tests.compiler.gitrepo import git_repo

TRAIN_VAE = """import torch
from vae import VariationalAutoencoder
from dataloader import loader

model = VariationalAutoencoder(latent={latent})
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(100):
    for genome in loader():
        loss = model.elbo(genome)
        loss.backward()
        optimizer.step()
torch.save(model, "vae.pt")
"""
TRAIN_DIFFUSION = """import torch
from dataloader import loader


def main():
    model = torch.nn.Linear(8, 8)
    for step, genome in enumerate(loader()):
        loss = model(genome).pow(2).mean()
        loss.backward()


if __name__ == "__main__":
    main()
"""
HELPERS = '''"""Masks and catalogues for the cube."""
import numpy as np


def read_catalog(path):
    rows = np.loadtxt(path, ndmin=2)
    return {int(r[0]): r[1:] for r in rows}


def mask_edges(cube, width):
    cube[:, :width] = np.nan
    cube[:, -width:] = np.nan
    return cube
'''
LOADER = "import numpy as np\n\n\ndef loader():\n    return np.load('genomes.npy')\n"


def _read(path: Path) -> History:
    h = read_history(path, params_of, [])
    assert h is not None
    return h


def test_a_program_tells_itself_apart_from_a_module_of_helpers() -> None:
    assert runs_as_program(TRAIN_VAE.format(latent=16), "train_vae.py")
    assert runs_as_program(TRAIN_DIFFUSION, "train.py")
    assert not runs_as_program(HELPERS, "lib/masklib.py")
    assert not runs_as_program("def broken(:\n", "x.py")  # unparsable: no guard, no program
    assert not runs_as_program(TRAIN_VAE, "train_vae.R")  # Python only


def test_a_restructuring_that_deletes_a_training_script_gives_that_experiment_up(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"train.py": TRAIN_DIFFUSION, "dataloader.py": LOADER,
                       "lib/masklib.py": HELPERS},
             "msg": "diffusion on genomes"},
            {"files": {"train_vae.py": TRAIN_VAE.format(latent=16)},
             "msg": "added vae", "day": 2, "key": "vae"},
            {"files": {"train_vae.py": TRAIN_VAE.format(latent=32)},
             "msg": "bigger latent", "day": 3},
            {"files": {"train.py": None, "ALS/train.py": TRAIN_DIFFUSION + "\n# ALS cohort\n",
                       "dataloader.py": None, "utils/dataloader.py": LOADER,
                       "train_vae.py": None, "lib/masklib.py": None},
             "msg": "refactored project", "day": 40, "key": "refactor"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.kind == "dead_end" and f.pattern == "deleted"
    assert f.files == ["train_vae.py"]  # the helper module and the moved files are not in it
    assert f.commits == [repo.shas["vae"], repo.shas["refactor"]]


def test_a_restructuring_that_only_tidies_helpers_away_gives_nothing_up(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"src/preprocess/run.py": TRAIN_DIFFUSION, "src/preprocess/lib/masklib.py":
                       HELPERS, "src/preprocess/lib/cats.py": HELPERS.replace("cube", "cat")},
             "msg": "preprocessing"},
            {"files": {"src/preprocess/lib/masklib.py": None, "src/preprocess/lib/cats.py": None,
                       "src/preprocess/run.py": TRAIN_DIFFUSION + "\n# reads masks itself\n"},
             "msg": "python code update and restructure of the project", "day": 5},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


MODEL = """import torch


class DCTModel(torch.nn.Module):
    def forward(self, image):
        coefficients = self.dct(image)
        return self.resnet(coefficients[:, :, :8, :8])
"""
JOB = "#!/bin/bash\n#SBATCH --gres=gpu:1\npython train.py --model dct --dataset cifar10\n"


def test_a_model_moved_into_a_hidden_trash_folder_is_retired_but_a_finished_job_is_not(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"train.py": TRAIN_DIFFUSION, "models/dct_model.py": MODEL,
                       "jobs/dct_cifar10.sh": JOB},
             "msg": "dct model and its job", "key": "dct"},
            {"files": {"models/dct_model.py": None, ".trash/dct_model.py": MODEL,
                       "jobs/dct_cifar10.sh": None, ".trash/jobs/dct_cifar10.sh": JOB},
             "msg": "add quantizers", "day": 30, "key": "trash"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.pattern == "retired" and f.commits == [repo.shas["dct"], repo.shas["trash"]]
    assert ".trash/dct_model.py" in f.files and not any(p.endswith(".sh") for p in f.files)


NOTE = "Training with a cosine schedule did not work: the loss diverged after 3 epochs.\n"
GPL = (
    "To protect your rights, we need to prevent others from denying you these rights.\n"
    "However, it does not include the work's System Libraries, which did not work here.\n"
)


def test_notes_of_the_authors_are_read_but_licence_text_and_a_copied_framework_are_not(
    tmp_path: Path,
) -> None:
    framework = {
        f"mmdet/configs/net{i}/net{i}.py": f"model = dict(depth={i})\n" for i in range(120)
    }
    framework["mmdet/configs/regnet/README.md"] = NOTE.replace("cosine", "RegNet")
    repo = git_repo(
        tmp_path,
        [
            {"files": {"train.py": TRAIN_DIFFUSION, "LICENSE.txt": GPL}, "msg": "start"},
            {"files": framework, "msg": "Baseline training, pretraining code", "day": 2},
            {"files": {"notes/README.md": NOTE}, "msg": "notes", "day": 3, "key": "notes"},
        ],
    )  # fmt: skip
    [f] = [f for f in _read(tmp_path).findings if f.pattern == "note"]
    assert f.files == ["notes/README.md"] and f.commits == [repo.shas["notes"]]


def test_a_branch_that_only_kept_the_project_up_is_no_dead_end_but_a_tried_model_is(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"train.py": TRAIN_DIFFUSION}, "msg": "Fit", "day": 0},
            {"on": "compat", "files": {"Project.toml": "[compat]\nDataStructures = \"0.18, 0.19\"\n"},
             "msg": "CompatHelper: bump compat for DataStructures", "day": 1},
            {"on": "main", "files": {"train.py": TRAIN_DIFFUSION + "\n# a\n"}, "msg": "a", "day": 2},
            {"on": "readme", "files": {"README.md": "Install with `pip install .`\n",
                                       "docs/src/index.md": "# Guide\n"},
             "msg": "Update installation instructions", "day": 3},
            {"on": "main", "files": {"train.py": TRAIN_DIFFUSION + "\n# b\n"}, "msg": "b", "day": 4},
            {"on": "idea", "key": "idea", "files": {"models/dct_model.py": MODEL},
             "msg": "DCT model", "day": 5},
            {"on": "main", "files": {"train.py": TRAIN_DIFFUSION + "\n# more\n"}, "msg": "Later",
             "day": 300},
        ],
    )  # fmt: skip
    h = _read(tmp_path)
    assert {r.label: r.status for r in h.refs if r.label != "main"} == {
        "compat": "maintenance",
        "readme": "maintenance",
        "idea": "stale",
    }
    assert [(f.title, f.commits) for f in h.findings] == [
        ("Abandoned branch idea", [repo.shas["idea"]])
    ]
