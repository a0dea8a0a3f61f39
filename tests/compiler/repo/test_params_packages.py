"""Parameters of scientific packages and the documents beside them: a Julia package's
declared constants and constructor defaults, an R package's choice vectors, DESCRIPTION
pins, data-raw scripts and the example a paper.md prints; a configuration object filled
attribute by attribute (mmcv / mmdetection); and known YAML schemas whose structure is no
setting. Each repository is built by the test in the shape real packages have."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import ground_repo
from arakit.compiler.repo.params import CodeParam, params_of


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def _at(params: list[CodeParam]) -> dict[tuple[str, int], CodeParam]:
    return {(p.file, p.line): p for p in params}


JULIA_PACKAGE = {
    "Project.toml": (
        'name = "Bandwidth"\nversion = "0.2.2"\n\n[deps]\nJuMP = "4076af6c"\n\n'
        '[compat]\nJuMP = "1.18"\njulia = "1.10"\n'
    ),
    "src/Minimization/Minimization.jl": (
        "module Minimization\n"
        'include("solvers.jl")\n'
        "\n"
        "const DEFAULT_SOLVER = GibbsPooleStockmeyer()\n"
        "const DEFAULT_NODE_FINDER = bi_criteria_node_finder\n"
        "const ALGORITHMS = Dict{Symbol,Vector}()\n"
        "end\n"
    ),
    "src/Minimization/solvers.jl": (
        '"""\n    CuthillMcKee(node_finder=DEFAULT_NODE_FINDER)\n"""\n'
        "struct CuthillMcKee <: HeuristicSolver\n"
        "    node_finder::Function\n"
        "\n"
        "    function CuthillMcKee(node_finder::Function=DEFAULT_NODE_FINDER)\n"
        "        return new(node_finder)\n"
        "    end\n"
        "end\n"
        "function minimize(A; solver=DEFAULT_SOLVER, depth=nothing, k=size(A, 1))\n"
        "    return solver\n"
        "end\n"
    ),
    "docs/src/index.md": (
        "# Bandwidth\n\nAn example:\n\n```julia\nusing Bandwidth\nn = 60\n"
        "A = sprand(n, n, 0.01)\n```\n"
    ),
}


def test_a_julia_package_states_its_default_solver_and_constructor_defaults(
    tmp_path: Path,
) -> None:
    _tree(tmp_path, JULIA_PACKAGE)
    at = _at(ground_repo(tmp_path, with_history=False).params)
    assert at[("src/Minimization/Minimization.jl", 4)].value == "GibbsPooleStockmeyer()"
    assert at[("src/Minimization/Minimization.jl", 5)].value == "bi_criteria_node_finder"
    assert ("src/Minimization/Minimization.jl", 6) not in at  # an empty container
    node = at[("src/Minimization/solvers.jl", 7)]
    assert (node.name, node.value, node.kind) == ("node_finder", "DEFAULT_NODE_FINDER", "default")
    solver = at[("src/Minimization/solvers.jl", 11)]
    assert (solver.name, solver.value) == ("solver", "DEFAULT_SOLVER")
    # `nothing` sets nothing, and a default computed from another argument is no setting
    assert not [
        p for p in at.values() if p.file.endswith("solvers.jl") and p.name in ("depth", "k")
    ]
    assert at[("Project.toml", 8)].value == "1.18"
    assert at[("docs/src/index.md", 7)].value == "60"  # the documented example's own value


R_PACKAGE = {
    "DESCRIPTION": (
        "Package: SpatialFit\n"
        "Title: Fit Spatial Models\n"
        "Version: 1.0.1\n"
        "Description: Fits models with 'TMB' and a long description that goes on\n"
        "    over a continuation line (>= not a pin).\n"
        "Depends:\n"
        "    R (>= 3.5.0)\n"
        "Imports: \n"
        "    TMB (>= 1.7.16),\n"
        "    mvtnorm,\n"
        "    Matrix\n"
        "LinkingTo: TMB, RcppEigen (>= 0.3.3)\n"
    ),
    "R/fit.R": (
        "#' Fit the model\n"
        "#' @export\n"
        'spatial_fit <- function(data, locs, random = c("a", "ab", "abs"),\n'
        "                        kernel = c('spde', 'matern', 'exp'),\n"
        "                        X_a = NULL, nu = 1,\n"
        "                        lon.range = range(lon),\n"
        "                        mesh_init = list(a=0, log_b=-1, s=0.001)) {\n"
        "  kernel <- match.arg(kernel)\n"
        "  kernel\n"
        "}\n"
    ),
    "data-raw/simulated.R": (
        "set.seed(123)\n"
        "lon <- seq(0, 10, length.out = 20)\n"
        "obs <- read.csv('obs.csv')\n"
        "noise <- runif(10)\n"
        "logs <- -2\n"
        "n_loc <- length(lon)\n"
    ),
    "paper/paper.md": (
        "---\ntitle: 'SpatialFit'\n---\n\n# Example\n\nA dataset with 400 locations.\n\n"
        "```r\n"
        "library(SpatialFit)\n"
        "n_loc <- 50                           # number of locations\n"
        'fit <- spatial_fit(data = y, locs = locs, random = "ab", kernel = "exp")\n'
        "```\n"
        "\n```python\nn_loc = 7\n```\n"
    ),
    "README.Rmd": "```{r setup, include=FALSE}\nn_draw <- 2000\n```\nText n_x <- 3\n",
}


def test_an_r_package_states_choices_pins_example_data_and_its_papers_example(
    tmp_path: Path,
) -> None:
    _tree(tmp_path, R_PACKAGE)
    at = _at(ground_repo(tmp_path, with_history=False).params)
    # the first element of a match.arg vector is the default: the whole vector is kept
    assert at[("R/fit.R", 3)].value == 'c("a", "ab", "abs")'
    assert at[("R/fit.R", 4)].value == "c('spde', 'matern', 'exp')"
    assert at[("R/fit.R", 7)].value == "list(a=0, log_b=-1, s=0.001)"
    assert ("R/fit.R", 6) not in at  # computed from another argument
    assert not [p for p in at.values() if p.name == "X_a"]  # NULL sets nothing
    assert at[("DESCRIPTION", 3)].value == "1.0.1"
    assert (at[("DESCRIPTION", 9)].name, at[("DESCRIPTION", 9)].value) == (
        "Imports.TMB",
        ">= 1.7.16",
    )
    assert at[("DESCRIPTION", 7)].value == ">= 3.5.0"
    assert at[("DESCRIPTION", 12)].name == "LinkingTo.RcppEigen"
    assert ("DESCRIPTION", 5) not in at and ("DESCRIPTION", 10) not in at
    assert at[("data-raw/simulated.R", 2)].value == "seq(0, 10, length.out = 20)"
    assert at[("data-raw/simulated.R", 5)].value == "-2"
    # data read from a file or drawn at random is no setting
    assert ("data-raw/simulated.R", 3) not in at and ("data-raw/simulated.R", 4) not in at
    example = at[("paper/paper.md", 11)]
    assert (example.name, example.value, example.help) == ("n_loc", "50", "number of locations")
    assert not [p for p in at.values() if p.file == "paper/paper.md" and p.value == "7"]
    assert at[("README.Rmd", 2)].value == "2000"
    assert ("README.Rmd", 4) not in at  # prose outside a chunk


MMCV_CONFIG = """from mmcv import Config
import matplotlib.pyplot as plt


def get_config(base_directory='.'):
    cfg = Config.fromfile(base_directory + '/configs/faster_rcnn.py')
    cfg.data.train.type = 'CocoDatasetSubset'
    cfg.model.roi_head.bbox_head.num_classes = 14

    cfg.optimizer.lr = 0.02 / 8
    cfg.lr_config.warmup = None
    cfg.seed = 1
    cfg.total_epochs = 30
    cfg.data.samples_per_gpu = 6
    cfg.runner.epoch = 0
    cfg.runner.epoch += 1
    plt.rcParams.figsize = 3
    return cfg
"""


def test_a_config_object_filled_attribute_by_attribute_states_each_setting() -> None:
    at = _at(params_of(MMCV_CONFIG, "source/base_config.py"))
    assert at[("source/base_config.py", 8)].name == "cfg.model.roi_head.bbox_head.num_classes"
    assert at[("source/base_config.py", 8)].bare == "num_classes"
    assert at[("source/base_config.py", 10)].value == "0.02 / 8"
    assert at[("source/base_config.py", 10)].key == "learning_rate"
    assert {at[("source/base_config.py", n)].value for n in (12, 13, 14)} == {"1", "30", "6"}
    assert ("source/base_config.py", 11) not in at  # None sets nothing
    # a counter the file updates, and a figure's styling, are no settings
    assert ("source/base_config.py", 15) not in at and ("source/base_config.py", 17) not in at


SPACY_PROJECT = """title: "A pipeline"
description: |
  Pretrain, then finetune.
directories: ["assets", "corpus", "training"]
vars:
  seed: 42
  learning_rate: 0.0002
  config: "transformer.cfg"
env:
  HF_TOKEN: HF_TOKEN
assets:
  - dest: "assets/train.conllu"
    url: "https://example.org/train.conllu"
workflows:
  all:
    - pretrain
commands:
  - name: pretrain
    help: "Pretrain the model"
    script:
      - "python scripts/pretrain.py --lr ${vars.learning_rate}"
    deps:
      - "corpus/pretraining.txt"
"""


def test_a_spacy_project_keeps_its_vars_and_known_tool_files_state_no_setting() -> None:
    names = [p.name for p in params_of(SPACY_PROJECT, "project.yml")]
    assert names == ["vars.seed", "vars.learning_rate", "vars.config"]
    workflow = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n"
    compose = "version: '3'\nservices:\n  train:\n    image: x\n    shm_size: 8gb\n"
    conda = "name: env\nchannels: [conda-forge]\ndependencies:\n  - python=3.10\n"
    for text in (workflow, compose, conda):
        assert params_of(text, "ci/setup.yml") == []
    # an experiment config that happens to have a `jobs` key is still read
    assert [p.name for p in params_of("jobs: 4\nlr: 0.1\n", "conf/train.yaml")] == ["jobs", "lr"]


HYDRA_TEMPLATE = {
    "experiments/template/configs/eval.yaml": (
        "defaults:\n    - _self_\n    - data: imagenet\n    - model: resnet50\n\n"
        "task_name: test\nseed: 42\n"
    ),
    "experiments/template/configs/data/imagenet.yaml": (
        "num_classes: 1000\nimage_size: 224\nval_subset:\n    indices:\n"
        "        start: 0\n        stop: 5000\n"
    ),
    "experiments/template/configs/data/cifar.yaml": "num_classes: 10\nval_subset:\n  stop: 100\n",
    "experiments/template/configs/model/resnet50.yaml": "depth: 50\n",
    "experiments/jobs/eval_imagenet.sh": (
        "#!/bin/bash\n#SBATCH --time=12:00:00\ncd $ROOT_DIR\n"
        "for q in $(seq 0 1 26); do\n"
        "    python eval.py data=imagenet data.val_subset.indices.stop=1024 seed=7 "
        "+data.quality=$q model.depth=101\n"
        "done\n"
    ),
}


def test_a_launch_lines_hydra_overrides_name_the_config_default_they_replace(
    tmp_path: Path,
) -> None:
    _tree(tmp_path, HYDRA_TEMPLATE)
    params = ground_repo(tmp_path, with_history=False).params
    job = {p.name: p for p in params if p.kind == "hydra-override"}
    data = "experiments/template/configs/data/imagenet.yaml"
    assert (
        job["data.val_subset.indices.stop"].value,
        job["data.val_subset.indices.stop"].line,
    ) == (
        "1024",
        5,
    )
    assert job["data.val_subset.indices.stop"].overrides == f"{data}:6"
    assert job["seed"].overrides == "experiments/template/configs/eval.yaml:7"
    assert job["model.depth"].overrides == "experiments/template/configs/model/resnet50.yaml:1"
    assert job["data.quality"].overrides == ""  # a key the config does not define: added


def test_r_figure_table_and_reshaping_calls_are_not_settings_but_method_calls_are() -> None:
    src = (
        "```{r setup, include=FALSE}\n"
        "knitr::opts_chunk$set(echo = FALSE, fig.width = 7)\n"
        "```\n"
        "```{r}\n"
        "fit <- spatial_fit(data, n_iter = 5000)\n"
        "if (!reticulate::py_available(initialize = FALSE)) stop()\n"
        "S <- as.matrix(out[[2]]$to(device = 'cpu'))\n"
        "ggplot(d) + facet_wrap(~x, scales = 'free') + theme(legend.position = 'none')\n"
        "tab <- kable(d, digits = 3)\n"
        "d2 <- mutate(d, z = 3) |> pivot_longer(names_to = 'band')\n"
        "```\n"
    )
    got = {(p.name, p.line) for p in params_of(src, "ms.Rmd")}
    assert {("n_iter", 5), ("initialize", 6), ("device", 7)} <= got
    assert not {n for n, _ in got} & {"echo", "fig.width", "scales", "digits", "z", "names_to"}


def test_a_number_vector_built_by_rep_or_seq_inside_a_call_is_a_setting() -> None:
    src = (
        "params <- newSplatParams(\n"
        "  nGenes = 500,\n"
        "  group.prob = rep(1/3, 3),\n"
        "  de.facLoc = rep(0.2, 3))\n"
        "fit <- relaxo(x, y, phi = seq(0, 1, length = 10))\n"
        "grid.raster(img, y = unit(0.4, 'npc'))\n"
        "draw(d, colours = rep('black', 2), at = sample(1:10, 3))\n"
    )
    got = {p.name: (p.value, p.line) for p in params_of(src, "analysis.R")}
    assert got["group.prob"] == ("rep(1/3, 3)", 3)
    assert got["de.facLoc"] == ("rep(0.2, 3)", 4)
    assert got["phi"] == ("seq(0, 1, length = 10)", 5)
    assert not {"y", "colours", "at"} & set(got)


MMDET_CONFIGS = {
    "configs/_base_/schedules/schedule_1x.py": (
        "# optimizer\n"
        "optimizer = dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=0.0001)\n"
        "optimizer_config = dict(grad_clip=None)\n"
        "lr_config = dict(policy='step', warmup='linear', warmup_iters=500, step=[8, 11])\n"
        "runner = dict(type='EpochBasedRunner', max_epochs=12)\n"
    ),
    "configs/_base_/models/faster_rcnn.py": (
        "model = dict(\n"
        "    type='FasterRCNN',\n"
        "    roi_head=dict(bbox_head=dict(type='Shared2FCBBoxHead', num_classes=80)))\n"
    ),
    "configs/faster_rcnn/faster_rcnn_r50_fpn_1x_coco.py": (
        "_base_ = [\n"
        "    '../_base_/models/faster_rcnn.py',\n"
        "    '../_base_/schedules/schedule_1x.py',\n"
        "]\n"
    ),
    "configs/vinbig/faster_rcnn_vinbig.py": (
        "_base_ = '../faster_rcnn/faster_rcnn_r50_fpn_1x_coco.py'\n"
        "model = dict(roi_head=dict(bbox_head=dict(num_classes=14)))\n"
        "optimizer = dict(lr=0.02 / 8)\n"
        "train_pipeline = [dict(type='Resize', img_scale=(512, 512), keep_ratio=True)]\n"
    ),
}


def test_an_mmdetection_config_names_each_value_by_path_and_the_base_it_overrides(
    tmp_path: Path,
) -> None:
    _tree(tmp_path, MMDET_CONFIGS)
    params = ground_repo(tmp_path, with_history=False).params
    child = {p.name: p for p in params if p.file == "configs/vinbig/faster_rcnn_vinbig.py"}
    classes = child["model.roi_head.bbox_head.num_classes"]
    assert (classes.value, classes.line, classes.kind) == ("14", 2, "dict")
    assert classes.overrides == "configs/_base_/models/faster_rcnn.py:3"  # through two bases
    assert child["optimizer.lr"].overrides == "configs/_base_/schedules/schedule_1x.py:2"
    assert child["img_scale"].value == "(512, 512)"  # a pipeline step's argument, as before
    base = {p.name: p for p in params if p.file == "configs/_base_/schedules/schedule_1x.py"}
    assert base["optimizer.lr"].value == "0.02" and base["runner.max_epochs"].value == "12"
    assert base["lr_config.step"].value == "[8, 11]"
    assert not [p for p in child.values() if p.name in ("num_classes", "lr")]  # no twin rows
