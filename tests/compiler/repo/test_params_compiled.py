"""Parameters in C/C++/CUDA/OpenCL, Fortran, R, Julia and MATLAB sources: constants and
top-level number assignments, each at its line with its comment; locals inside functions
are not settings; a literal's type suffix does not stop reconciliation comparing it."""

from __future__ import annotations

from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from arakit.compiler.reconcile import reconcile
from arakit.compiler.repo.params import params_of
from arakit.compiler.settings import paper_settings


def _got(text: str, rel: str) -> dict[str, tuple[str, int, str]]:
    return {p.name: (p.value, p.line, p.help) for p in params_of(text, rel)}


def test_c_defines_and_file_scope_constants_are_read_but_not_locals_or_comments() -> None:
    src = (
        "#include <stdio.h>\n"
        "#define TILE_DIM 16  // work-group edge\n"
        "#define MAX(a, b) ((a) > (b) ? (a) : (b))\n"
        "static const float epsilon = 0.00001f; /* convergence */\n"
        "constexpr int kIterations{5000};\n"
        "/* #define OLD_N 128\n"
        "   const int unused = 3; */\n"
        "int main(void) {\n"
        "    const int local_n = 7;\n"
        "    return 0;\n"
        "}\n"
    )
    got = _got(src, "src/kernel.cpp")
    assert got["TILE_DIM"] == ("16", 2, "work-group edge")
    assert got["epsilon"] == ("0.00001f", 4, "convergence")
    assert got["kIterations"] == ("5000", 5, "")
    assert not {"MAX", "OLD_N", "unused"} & set(got)
    # a function's local is read as its starting value, not as a file constant
    assert [p.kind for p in params_of(src, "src/kernel.cpp") if p.name == "local_n"] == ["local"]


def test_c_globals_arrays_and_local_starting_values_are_read_but_not_counters() -> None:
    src = (
        "const float lines[3] = {6564.61, 4862.72,\n"
        "                        4341.68};\n"
        "float ignore_below = 1.5;\n"
        "//float max_match = 20.0;\n"
        "double run(double d) {\n"
        "    double angres = 0.25; //degrees\n"
        "    int i = 0;\n"
        "    double dlogd = std::min(d, 0.25);\n"
        "    for (int t = 1; t < 512; t++) {}\n"
        "    return angres;\n"
        "}\n"
    )
    found = {p.name: p for p in params_of(src, "src/mie.cpp")}
    assert (found["lines"].value, found["lines"].line) == ("{6564.61, 4862.72,", 1)
    assert (found["ignore_below"].value, found["ignore_below"].kind) == ("1.5", "constant")
    angres = found["angres"]
    assert (angres.value, angres.line, angres.kind, angres.help) == ("0.25", 6, "local", "degrees")
    assert not {"max_match", "i", "dlogd", "t"} & set(found)


def test_a_c_local_starting_value_matches_but_is_never_a_mismatch() -> None:
    src = "void f(void) {\n    double tolerance = 1e-5;\n}\n"
    params = params_of(src, "src/mie.c")
    for stated, verdict in (("1e-5", "match"), ("1e-6", "paper-only")):
        doc = Document(path="p.pdf", pages=3)
        text = f"We use a tolerance of {stated} and a batch size of 64."
        doc.sections = [DocSection("2", "Method", 1, 2, paragraphs=[Paragraph(text, 2, "2")])]
        found = [v for v in reconcile(paper_settings(doc), params) if v.key == "tolerance"]
        assert [v.verdict for v in found] == [verdict]


def test_fortran_parameters_and_top_level_r_julia_matlab_numbers_are_read() -> None:
    fortran = "program sim\n  integer, parameter :: nsteps = 1000 ! time steps\nend program\n"
    assert _got(fortran, "f/sim.f90")["nsteps"] == ("1000", 2, "time steps")
    r = (
        "n_iter <- 5000  # MCMC draws\nfit <- function(x) {\n  alpha <- 0.5\n}\nseed = 42\n"
        "mu.alpha <- 10; sigma <- 1; p <- 5 # model\n"
    )
    got = _got(r, "analysis/fit.R")
    assert got["n_iter"] == ("5000", 1, "MCMC draws") and got["seed"] == ("42", 5, "")
    inner = next(p for p in params_of(r, "analysis/fit.R") if p.name == "alpha")
    # inside a function: a value hard-coded in it, never read here, so not a setting it uses
    assert (inner.kind, inner.context, inner.used) == ("script", "fit", False)
    assert (got["mu.alpha"], got["p"]) == (("10", 6, ""), ("5", 6, "model"))
    julia = "const N = 256\nfunction f()\n    h = 0.1\nend\ndt = 1e-3\n"
    kinds = {p.name: p.kind for p in params_of(julia, "sim.jl")}
    assert kinds == {"N": "constant", "dt": "constant", "h": "script"}
    script = "% experiment\nlambda = 0.05; % ridge\nfor k = 1:10\n  t = 3;\nend\n"
    assert _got(script, "run_exp.m") == {"lambda": ("0.05", 2, "ridge")}
    function_file = "function y = f(x)\n  gain = 2;\nend\n"
    assert _got(function_file, "f.m") == {}


def test_a_value_with_a_c_type_suffix_is_compared_as_its_number() -> None:
    doc = Document(path="p.pdf", pages=3)
    text = "We use a tolerance of 1e-6 and a batch size of 64."
    doc.sections = [DocSection("4", "Setup", 1, 2, paragraphs=[Paragraph(text, 2, "4")])]
    params = params_of(
        "static const double tolerance = 1e-5;\nconst int batch_size = 64u;\n", "solver.c"
    )
    got = {v.key: v for v in reconcile(paper_settings(doc), params) if not v.negative}
    assert (got["tolerance"].verdict, got["tolerance"].code_where) == ("mismatch", "solver.c:1")
    assert got["batch_size"].verdict == "match"


def test_an_r_name_with_dots_is_one_name_not_an_attribute() -> None:
    params = params_of("n = 40; mu.alpha = 10; sigma.alpha = 1\n", "Rcode/comp.R")
    assert {p.name: p.key for p in params} == {
        "n": "n",
        "mu.alpha": "mu_alpha",
        "sigma.alpha": "sigma_alpha",
    }
    doc = Document(path="p.pdf", pages=3)
    text = "We simulate n = 40 series with a true shock effect α = 9.21."
    doc.sections = [DocSection("1", "Example", 1, 2, paragraphs=[Paragraph(text, 2, "1")])]
    got = {v.key: v.verdict for v in reconcile(paper_settings(doc), params) if not v.negative}
    assert got["n"] == "match" and got["alpha"] == "paper-only"  # never the mean's 10


def test_an_r_function_default_is_matched_but_never_a_mismatch() -> None:
    doc = Document(path="p.pdf", pages=3)
    text = "Networks had S = 25 components, a connectance C = 1 and σA = 0.4."
    doc.sections = [DocSection("2", "Methods", 1, 2, paragraphs=[Paragraph(text, 2, "2")])]
    code = "create_swn <- function(S = 100, C = 1, sigma = 0.4){\n  S * C\n}\n"
    got = {v.key: v.verdict for v in reconcile(paper_settings(doc), params_of(code, "R/swn.R"))}
    # the package's callers choose S: its default 100 is not what the paper ran
    assert got["s"] == "paper-only" and got["c"] == "match"


def test_julia_keyword_struct_fields_are_defaults_of_the_solver() -> None:
    src = (
        "using Parameters\n"
        "# Cross-entropy method\n"
        "@with_kw mutable struct CEMSolver\n"
        "    n_iterations::Int64 = 100 # iterations\n"
        "    elite_thresh::Float64 = -0.99\n"
        "    min_elite::Int64 = Int64(floor(0.1*num_samples))\n"
        "    bonus::Float64 = episodic ? 100 : 0\n"
        "end\n"
        "Base.@kwdef struct PPO\n"
        "    η::Float64 = 1e-3\n"
        "end\n"
        "struct Plain\n"
        "    x::Int\n"
        "end\n"
    )
    found = {p.name: (p.value, p.line, p.kind, p.context) for p in params_of(src, "src/cem.jl")}
    assert found["n_iterations"] == ("100", 4, "dataclass", "CEMSolver")
    assert found["elite_thresh"][:2] == ("-0.99", 5)
    assert found["bonus"][:2] == ("episodic ? 100 : 0", 7)
    assert found["η"] == ("1e-3", 10, "dataclass", "PPO")
    assert "min_elite" not in found and "x" not in found  # a computed default, a plain field


def test_a_seed_the_script_fixes_is_a_parameter_in_python_r_and_julia() -> None:
    py = "import numpy as np\nnp.random.seed(1)\n# torch.manual_seed(3)\nrandom.seed(args.seed)\n"
    assert [
        (p.name, p.value, p.line, p.kind) for p in params_of(py, "a.py") if p.kind == "seed"
    ] == [("np.random.seed", "1", 2, "seed")]
    r = "k = 100\nset.seed(333)\n"
    assert ("set.seed", "333", 2) in {(p.name, p.value, p.line) for p in params_of(r, "b.R")}
    jl = "using Random\nRandom.seed!(7)\n"
    assert ("Random.seed!", "7", 2) in {(p.name, p.value, p.line) for p in params_of(jl, "c.jl")}


def test_a_switch_default_defined_as_true_or_false_is_read_in_headers_and_ipp_files() -> None:
    lines = [
        "#ifndef ARGS_DEFAULT_USE_RECOMPUTE",
        "#define ARGS_DEFAULT_USE_RECOMPUTE false",
        "#endif",
        "#define ARGS_DEFAULT_K 64",
        "#define FALSE_ALARM_NAME trueish",
    ]
    got = _got("\n".join(lines), "include/arguments.hpp")
    assert got["ARGS_DEFAULT_USE_RECOMPUTE"] == ("false", 2, "")
    assert got["ARGS_DEFAULT_K"] == ("64", 4, "")
    assert "FALSE_ALARM_NAME" not in got  # a word that starts like a boolean is no value
    impl = "#define CHUNK 8196\nstatic const int kRetries = 3;\n"
    assert _got(impl, "src/votess.ipp")["CHUNK"] == ("8196", 1, "")
