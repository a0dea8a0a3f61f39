"""Nothing private leaves the repository: e-mail addresses, tokens and keys are redacted in
everything the compiler writes, with a note saying what and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.compiler import compile_sources
from arakit.compiler.redact import NOTE_PATH, find_secrets, redact_folder, redact_text
from tests.compiler.gitrepo import git_repo
from tests.compiler.pdfgen import PaperFile

GH = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"
AWS = "AKIA" + "IOSFODNN7EXAMPLE"
KEY = "sk-" + "proj-abcdefghijklmnopqrstuvwxyz123456"
HOOK = "https://discord.com/api/webhooks/" + "123456789012345678/" + "aB3" * 22


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("contact: ada.lovelace@example.org", "e-mail address"),
        (f"token = {GH}", "GitHub token"),
        (f"AWS_ACCESS_KEY_ID={AWS}", "AWS access key"),
        (f"OPENAI_API_KEY='{KEY}'", "OpenAI key"),
        ("wandb_api_key: 0123456789abcdef0123456789abcdef01234567", "secret value"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----", "private key"),
        (f'web_hook = "{HOOK}"', "webhook URL"),
        ("SLACK = 'https://hooks.slack.com/services/T0000/B0000/" + "X" * 24 + "'", "webhook URL"),
        ("db: postgres://" + "admin:hunter2@db.internal:5432/runs", "password in a URL"),
    ],
)
def test_each_kind_of_secret_is_found_and_replaced_by_a_marker(text: str, kind: str) -> None:
    assert kind in {k for k, _ in find_secrets(text)}
    new, kinds = redact_text(text)
    assert kind in kinds and f"[redacted {kind}]" in new
    assert find_secrets(new) == []


def test_ordinary_urls_are_not_secrets() -> None:
    text = (
        "see https://github.com/owner/repo/blob/main/README.md and "
        "https://docs.example.org/api/webhooks/overview; mailto at https://host:8080/path\n"
    )
    assert find_secrets(text) == []
    shell = "git push https://$GITHUB_USER:$GITHUB_API_KEY@github.com/o/r.git\n"
    assert "password in a URL" not in {k for k, _ in find_secrets(shell)}


def test_placeholders_and_variable_names_are_not_secrets() -> None:
    text = "api_key = ${API_KEY}\npassword: [redacted secret value]\ntoken = os.environ['TOKEN']\n"
    assert find_secrets(text) == []
    assert redact_text(text) == (text, [])


def test_a_folder_is_redacted_in_place_with_a_note_that_never_repeats_a_value(
    tmp_path: Path,
) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.md").write_text(f"by ada@example.org, key {GH}\n")
    (tmp_path / "b.yaml").write_text("lr: 0.1\n")
    found = redact_folder(tmp_path)
    assert found.total == 2 and set(found.by_file) == {"src/a.md"}
    note = (tmp_path / NOTE_PATH).read_text()
    assert "src/a.md" in note and "ada@example.org" not in note and GH not in note
    assert (tmp_path / "b.yaml").read_text() == "lr: 0.1\n"


def test_a_compiled_artifact_holds_no_e_mail_or_token_from_the_repository(
    paper: PaperFile, tmp_path: Path
) -> None:
    train = (
        '"""Train. Maintainer: Ada Lovelace <ada.lovelace@example.org>."""\n'
        "import argparse\n"
        f"WANDB = '{GH}'\n\n"
        "if __name__ == '__main__':\n"
        "    p = argparse.ArgumentParser()\n"
        "    p.add_argument('--lr', type=float, default=0.1)\n"
        "    p.add_argument('--batch-size', type=int, default=256)\n"
    )
    config = "author_email: grace@example.com\noptimizer:\n  lr: 0.1\n  weight_decay: 0.0001\n"
    repo = git_repo(
        tmp_path / "r", [{"files": {"train.py": train, "config.yaml": config}, "msg": "code"}]
    )
    out = tmp_path / "out"
    report = compile_sources([str(paper.path), str(repo.path)], out)
    leaks = [
        f"{p.relative_to(out)}: {kind}"
        for p in out.rglob("*")
        if p.is_file()
        for kind, _ in find_secrets(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert leaks == []
    assert (out / NOTE_PATH).is_file() and any("redacted" in w for w in report.warnings)
    assert report.passed
