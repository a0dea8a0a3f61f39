"""History that maintains a project rather than researching it: vendored libraries, version
bumps and continuous-integration changes are never dead ends."""

from __future__ import annotations

from arakit.compiler.repo.paths import is_ci, is_vendored


def test_a_vendored_library_is_recognised_by_its_folder_or_release_name() -> None:
    assert is_vendored("cpp/lib/boost_1.62.0/boost/asio/ssl/old/stream.hpp")
    assert is_vendored("cpp/lib/eigen_3.3.3/Eigen/Dense")
    assert is_vendored("third_party/pybind11/setup.py")
    assert not is_vendored("examples/exp1.2/run.py")
    assert not is_vendored("src/model_v2/train.py")


def test_continuous_integration_files_are_recognised() -> None:
    assert is_ci(".github/workflows/wheels.yml")
    assert is_ci(".travis.yml")
    assert not is_ci("src/train.py")
    assert not is_ci("docs/ci_notes.md")
