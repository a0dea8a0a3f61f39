"""Launch configurations on real git repositories the tests make, one per style: a shell
for-loop sweep, a Snakemake workflow, ROS XML launch files, an R package, a Julia package.
Each value is read at its file:line, and the launch file counts as the experiment's entry
point when scoping (at the root it makes the repository the paper's code; elsewhere it
joins the scope as a file). The paper's own LaTeX folder is never "another paper's"."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler import reconcile_paths
from arakit.compiler.ground import grounded
from arakit.compiler.physical import scope_text
from arakit.compiler.repo.params import params_of
from arakit.compiler.scope import set_aside
from tests.compiler.gitrepo import git_repo
from tests.compiler.pdfgen import PaperFile

# the planted paper states learning rate 0.1, batch size 256, momentum 0.9, 90 epochs
TRAIN = (
    "import argparse\n\n"
    "if __name__ == '__main__':\n"
    "    p = argparse.ArgumentParser()\n"
    "    p.add_argument('--lr', type=float, default=0.1)\n"
    "    p.add_argument('--batch-size', type=int, default=256)\n"
    "    p.add_argument('--momentum', type=float, default=0.9)\n"
    "    p.add_argument('--epochs', type=int, default=90)\n"
)


def _params(root: Path, paper: PaperFile) -> dict[tuple[str, int, str], str]:
    with grounded(root, paper.path, [], "", with_history=False) as g:
        return {(p.file, p.line, p.name): p.kind for p in g.in_scope()}


def test_a_root_shell_script_sweeping_a_value_makes_the_repository_the_papers_code(
    paper: PaperFile, tmp_path: Path
) -> None:
    batch = (
        "#!/bin/sh\n"
        "N_SERVER=4\n"
        "for i in {1..3}; do # repeats\n"
        "  for LOSS in 0% 10% 20%; do\n"
        "    for f in data/*.csv; do echo $f; done\n"
        "    python src/train.py --batch-size 256 --loss $LOSS\n"
        "  done\n"
        "done\n"
    )
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {"src/train.py": TRAIN, "src/util.py": "X = 1\n", "run_all.sh": batch},
                "msg": "code",
            },
            {"files": {"paper.pdf": paper.path.read_bytes()}, "msg": "paper"},
        ],
    )
    found, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.folders == [""]
    assert any("run_all.sh runs src/train.py" in r for r in scope.reasons)
    params = params_of(batch, "run_all.sh")
    sweeps = {(p.name, p.value, p.line, p.help) for p in params if p.kind == "sweep"}
    assert sweeps == {
        ("i", "{1..3}", 3, "values a loop runs"),
        ("LOSS", "0% 10% 20%", 4, "values a loop runs, passed as --loss"),
    }  # a loop over files is no sweep
    # the run gets the launch script's value
    assert ("batch_size", "match", "run_all.sh:6") in {
        (v.key, v.verdict, v.code_where) for v in found
    }


def test_a_launch_script_in_a_sibling_folder_joins_the_scope_as_a_file(
    paper: PaperFile, tmp_path: Path
) -> None:
    run = "#!/bin/bash\npython pkg/train.py --epochs 60\n"
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "pkg/train.py": TRAIN,
                    "scripts/overnight.sh": run,
                    "tools/x.py": "a=1\n",
                },
                "msg": "code",
            },
            {"files": {"paper.pdf": paper.path.read_bytes()}, "msg": "paper"},
        ],
    )
    _, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.folders == ["pkg"]
    assert scope.files == ["scripts/overnight.sh"] and scope.includes("scripts/overnight.sh")
    assert not scope.includes("tools/x.py")
    assert "Code read: `pkg/`, and `scripts/overnight.sh`" in scope_text(scope)


SNAKEFILE = """configfile: "config.yaml"

rule simulate:
    input:
        "src/code/walk.py"
    output:
        "src/data/walk.npz"
    params:
        jump=2.4494897428,
        atoms=128,  # particles
        n=4096
    script:
        "src/code/walk.py"

for start in [0, 2, 4]:
    for n in range(0, 16, 1):
        rule:
            name:
                f"llzo_{n}_{start}"
            params:
                start_diff=start,
                n=n
            script:
                "src/code/llzo.py"

rule figure:
    shell:
        "cd src/scripts && python plot.py --dpi 300"
"""


def test_snakemake_rule_params_are_what_each_rule_passes_its_script(
    paper: PaperFile, tmp_path: Path
) -> None:
    files = {
        "Snakefile": SNAKEFILE,
        "src/code/walk.py": "jump = snakemake.params['jump']\n",
        "src/code/llzo.py": "n = snakemake.params['n']\n",
        "src/scripts/plot.py": "natoms = 128\n",
        "src/tex/ms.tex": "\\title{Random walks}\n",
    }
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "paper and code"}])
    got = {
        (p.name, p.line): (p.kind, p.value, p.context) for p in params_of(SNAKEFILE, "Snakefile")
    }
    assert got[("jump", 9)] == ("cli-flag", "2.4494897428", "src/code/walk.py")
    assert got[("atoms", 10)] == ("cli-flag", "128", "src/code/walk.py")
    assert got[("n", 11)] == ("cli-flag", "4096", "src/code/walk.py")
    assert got[("start", 15)][:2] == ("sweep", "[0, 2, 4]")
    assert got[("n", 16)][:2] == ("sweep", "range(0, 16, 1)")
    assert got[("start_diff", 21)] == ("cli-flag", "start", "src/code/llzo.py")
    assert got[("--dpi", 28)] == ("cli-flag", "300", "plot.py")
    launches = sorted(p.context for p in params_of(SNAKEFILE, "Snakefile") if p.kind == "launch")
    assert launches == ["plot.py", "src/code/llzo.py", "src/code/walk.py"]
    with grounded(repo.path, None, [], "", with_history=False) as g:
        assert g.scope is not None and g.scope.folders == [""]


def test_the_papers_own_latex_folder_is_not_another_papers(tmp_path: Path) -> None:
    files = ["ms.pdf", "src/tex/ms.tex", "other/draft.tex", "src/code/a.py"]
    aside = dict(set_aside(files, {"."}, None, "ms.pdf"))
    assert "src/tex" not in aside
    assert aside["other"] == "another paper's sources (draft.tex)"
    texts = {
        "paper/main.tex": "\\title{Robust Fitting of Outliers}",
        "tex2/main_v2.tex": "\\title{Robust fitting of outliers}\n",
        "old_paper/x.tex": "\\title{Something else}",
    }
    files = ["paper/main.pdf", *texts]
    aside = dict(set_aside(files, {"paper"}, texts.get, "paper/main.pdf"))
    assert "tex2" not in aside and "old_paper" in aside


CONTEXT = """<launch>
  <include file="$(find place_eval)/launch/base.launch" />
  <!-- <param name="threshold" value="0.5"/> an older value -->
  <param name="method" value="context" type="string"/>
  <param name="threshold" value="0.035" type="double"/>
  <arg name="rate" default="10"/>
  <node pkg="place_eval" type="evaluate" name="evaluate" output="screen"/>
</launch>
"""


def test_ros_launch_files_set_each_methods_values_and_run_the_package_at_the_root(
    paper: PaperFile, tmp_path: Path
) -> None:
    files = {
        "package.xml": "<package><name>place_eval</name></package>\n",
        "CMakeLists.txt": "project(place_eval)\n",
        "launch/methods/context.launch": CONTEXT,
        "config/config.yaml": "cloud_size: 10\nmax_dist: 3\n",
        "include/place_eval/eval.h": "#define MAX_FRAMES 1000\n",
        "src/evaluate.cpp": "const int kCloud = 10;\nint main() { return 0; }\n",
        "scripts/plot.py": "import numpy\n",
        "paper.pdf": paper.path.read_bytes(),
    }
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "paper and code"}])
    got = {
        (p.name, p.line): (p.kind, p.value)
        for p in params_of(CONTEXT, "launch/methods/context.launch")
    }
    assert got[("threshold", 5)] == ("xml", "0.035")  # the commented-out 0.5 is not read
    assert got[("rate", 6)] == ("xml", "10")
    assert got[("", 7)] == ("launch", "place_eval evaluate")
    with grounded(repo.path, paper.path, [], "the include folder", with_history=False) as g:
        assert g.scope is not None and g.scope.folders == [""]
        assert any("runs the package at the root" in r for r in g.scope.reasons)


GA_R = """#' Genetic algorithm
#'@param max_it Maximum number of generations
rand_mat_ga <- function(A1, max_it = 20,
                        converg = 0.01){
    nn       <- dim(A1)[1];
    rind     <- runif(n = nn*1000, min = 0, max = 1);
    lastf    <- -10;
    mval     <- 2;
    iter     <- max_it;
    while(iter > 0){
        mu_dat <- rbinom(n = nn*1000, size = 1, prob = 0.2);
        plot(x = 1, y = 2, cex = 1.5);
        lastf  <- mean(mu_dat) + mval;
        iter   <- iter - 1;
    }
    return(lastf);
}
n_reps <- 1000  # replicates
for (S in c(24, 48, 72)) {
    rand_mat_ga(A1 = diag(S), max_it = 40);
}
"""


def test_an_r_package_gives_its_defaults_call_literals_and_fixed_values_at_their_lines(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [{"files": {"DESCRIPTION": "Package: randmat\n", "R/ga.R": GA_R}, "msg": "package"}],
    )
    got = _params(repo.path, paper)
    want = {
        ("R/ga.R", 3, "max_it"): "default",
        ("R/ga.R", 4, "converg"): "default",
        ("R/ga.R", 6, "min"): "call",
        ("R/ga.R", 6, "max"): "call",
        ("R/ga.R", 8, "mval"): "script",
        ("R/ga.R", 11, "prob"): "call",
        ("R/ga.R", 18, "n_reps"): "constant",
        ("R/ga.R", 19, "S"): "sweep",
        ("R/ga.R", 20, "max_it"): "call",
    }
    assert {k: got.get(k) for k in want} == want
    names = {name for _, _, name in got}
    assert not {"lastf", "iter", "cex", "nn"} & names  # counters, state, plotting, derived


RAFF_JL = '''"""
    lmlovo(model, data; MAXITER=100)

Docstring example, not code: fit(a=3)
"""
function lmlovo(model::Function, θ::Vector{Float64},
                data::Array{Float64,2}, n::Int, p::Int;
                MAXITER::Int=200, ε::Float64=10.0^-4)
    λ_up = 2.0
    safecount = 1
    while safecount < MAXITER
        safecount += 1
    end
    return θ
end

function raff(model::Function, data::Array{Float64, 2}, n::Int; MAXMS::Int=1,
    SEEDMS::Int=123456789, initguess::Vector{Float64}=zeros(Float64, n),
    ftrusted::Union{Float64, Tuple{Float64, Float64}}=0.5)
    return lmlovo(model, initguess, data, n, 1; ε=1.0e-4, MAXITER=400)
end
'''
DRAW_JL = "using RAFF\n\nθSol = [1000.0, 5000.0, 0.2, 3.0]\nconst N = 10\n"


def test_a_julia_package_gives_typed_keyword_defaults_and_the_figure_script_beside_the_paper(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "Project.toml": 'name = "RAFF"\n',
                    "src/RAFF.jl": RAFF_JL,
                    "joss/draw.jl": DRAW_JL,
                    "joss/paper.pdf": paper.path.read_bytes(),
                },
                "msg": "package and paper",
            }
        ],
    )
    got = {(p.name, p.line): (p.kind, p.value) for p in params_of(RAFF_JL, "src/RAFF.jl")}
    assert got[("MAXITER", 8)] == ("default", "200")
    assert got[("ε", 8)] == ("default", "10.0^-4")
    assert got[("SEEDMS", 18)] == ("default", "123456789")
    assert got[("ftrusted", 19)] == ("default", "0.5")
    assert got[("MAXITER", 20)] == ("call", "400")
    assert got[("λ_up", 9)] == ("script", "2.0")
    assert ("MAXITER", 2) not in got and ("a", 4) not in got  # the docstring is prose
    assert ("safecount", 10) not in got  # a counter
    with grounded(repo.path, paper.path, [], "", with_history=False) as g:
        assert g.scope is not None and g.scope.includes("joss/draw.jl")
        drawn = {(p.name, p.line, p.value) for p in g.in_scope() if p.file == "joss/draw.jl"}
    assert drawn == {("θSol", 3, "[1000.0, 5000.0, 0.2, 3.0]"), ("N", 4, "10")}


def test_scripts_beside_the_papers_pdf_join_as_files_and_never_make_it_the_code_folder(
    paper: PaperFile, tmp_path: Path
) -> None:
    figure = "lr = 0.1\nbatch_size = 256\nmomentum = 0.9\n"
    files: dict[str, str | bytes] = {
        "pkg/train.py": TRAIN,
        "notebook/ms.pdf": paper.path.read_bytes(),
        "notebook/make_fig.py": figure,
        "notebook/cover_letter.md": "Dear editor\n",
    }
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "code and manuscript"}])
    _, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.folders == ["pkg"]
    assert scope.files == ["notebook/make_fig.py"]
    assert any("scripts beside the paper: notebook/make_fig.py" in r for r in scope.reasons)
    # a folder keeping earlier submissions beside the paper is a writing archive: its
    # scripts are drafts, not the paper's figure scripts
    older = {"notebook/plos_submission.pdf": paper.path.read_bytes() + b"% older"}
    archive = git_repo(tmp_path / "a", [{"files": {**files, **older}, "msg": "archive"}])
    _, scope = reconcile_paths(paper.path, str(archive.path))
    assert scope is not None and scope.folders == ["pkg"] and scope.files == []


def test_flags_given_to_a_wrapper_script_reach_the_program_it_passes_them_to(
    paper: PaperFile, tmp_path: Path
) -> None:
    # bin/train.sh runs the program with "$@"; bin/long/train.sh calls it with the run's
    # flags and a job file calls that: the 90 epochs are the run's, not the default 500
    train = TRAIN.replace("default=90", "default=500")
    wrapper = '#!/bin/bash\nsource venv/bin/activate\npython pkg/train.py "$@"\n'
    run = "#!/bin/bash\nbin/train.sh \\\n  --epochs 90 \\\n  --lr 0.1 \\\n  $@\n"
    job = "#!/bin/sh\n#BSUB -q gpu\nbin/long/train.sh\n"
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "pkg/train.py": train,
                    "bin/train.sh": wrapper,
                    "bin/long/train.sh": run,
                    "bin/long/job.sh": job,
                },
                "msg": "code",
            },
            {"files": {"paper.pdf": paper.path.read_bytes()}, "msg": "paper"},
        ],
    )
    with grounded(repo.path, paper.path, [], "", with_history=False) as g:
        runs = {(p.file, p.line, p.name): p.context for p in g.params if p.file.startswith("bin/")}
    assert runs[("bin/long/train.sh", 3, "--epochs")] == "pkg/train.py"
    assert runs[("bin/long/train.sh", 2, "")] == "pkg/train.py"  # the launch itself
    assert runs[("bin/long/job.sh", 3, "")] == "pkg/train.py"  # through two wrappers
    found, _ = reconcile_paths(paper.path, str(repo.path))
    epochs = next(v for v in found if v.key == "epochs")
    assert (epochs.verdict, epochs.code_where) == ("match", "bin/long/train.sh:3")


def test_a_wrapper_running_two_programs_with_its_arguments_is_not_followed() -> None:
    from arakit.compiler.repo.launched import forward

    files = ["a.py", "b.py", "run.sh", "go.sh"]
    run = "if [ $1 = a ]; then\n  python a.py $@\nelse\n  python b.py $@\nfi\n"
    params = params_of(run, "run.sh") + params_of("./run.sh --k 3\n", "go.sh")
    forward(params, files)
    assert {p.context for p in params if p.file == "go.sh"} == {"./run.sh"}
