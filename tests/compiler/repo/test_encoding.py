"""Bytes from git read as text: UTF-8 where it is UTF-8, Windows-1252 on the lines that
are not, so older European text keeps its letters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arakit.compiler.repo.encoding import git_text


def test_a_latin1_line_keeps_its_letters_beside_utf8_lines() -> None:
    data = "% Análise\n".encode() + "% geofísica, Fürnkranz\n".encode("latin-1") + b"x = 1\n"
    assert git_text(data) == "% Análise\n% geofísica, Fürnkranz\nx = 1\n"


def test_windows_1252_quotes_are_letters_and_its_undefined_bytes_no_control_characters() -> None:
    # 0x81 names no character in Windows-1252: a replacement mark, never the C1 control U+0081
    assert git_text(b"\x93quoted\x94 \x81") == "\u201cquoted\u201d \ufffd"


def test_line_ends_are_made_lf_unless_a_blob_is_read_as_stored() -> None:
    assert git_text(b"a\r\nb\rc\n") == "a\nb\nc\n"
    assert git_text(b"a\r\nb", newlines=False) == "a\r\nb"


@given(st.binary(max_size=300))
def test_any_bytes_decode_without_error_and_mark_only_what_names_no_character(data: bytes) -> None:
    text = git_text(data, newlines=False)
    undefined = any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))
    assert "\ufffd" not in text or "\ufffd".encode() in data or undefined
    assert text.count("\n") == data.count(b"\n")
