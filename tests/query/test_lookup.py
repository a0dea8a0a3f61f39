"""get_param beyond src/configs/: the lines src/settings/ quotes that set a name."""

from __future__ import annotations

from arakit.codec import read_artifact
from arakit.query.lookup import get_param

CODE_MD = """# Other settings of the paper's code

## src/trainers/base_trainer_config.py
- 60: `learning_rate: float = 1e-4` (BaseTrainerConfig)
- 61: `warmup_learning_rate_steps: int = 10` (BaseTrainerConfig)

## src/sim.py
- 37: `'Np': 40,`
- 38: `opt = Adam(params, lr=1e-3)` (Adam)
"""
REPOSITORY_MD = """# Settings outside the paper's code

## old/demo.py (set aside as abandoned code)
- 5: `learning_rate = 0.5`
"""


def test_a_name_src_configs_lacks_is_found_where_src_settings_quotes_it(minimal) -> None:
    root = minimal(
        {
            "src/configs/training.md": None,  # nothing configured: the listing answers
            "src/settings/code.md": CODE_MD,
            "src/settings/repository.md": REPOSITORY_MD,
        }
    )
    art = read_artifact(root)
    got = get_param(art, "learning rate", root)
    assert [g["value"] for g in got] == ["learning_rate: float = 1e-4", "learning_rate = 0.5"]
    assert got[0]["source"] == "src/trainers/base_trainer_config.py:60"
    assert got[1]["ref"] == "src/settings/repository.md#old-demo.py-set-aside-as-abandoned-code"
    assert "not used by reconciliation" in got[1]["rationale"]
    assert [g["value"] for g in get_param(art, "Np", root)] == ["'Np': 40,"]
    assert [g["value"] for g in get_param(art, "lr", root)] == ["opt = Adam(params, lr=1e-3)"]
    assert get_param(art, "learning rate") == []  # without the folder: src/configs/ only
