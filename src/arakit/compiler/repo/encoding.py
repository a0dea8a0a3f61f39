"""Text from the bytes git gives back: file contents, diffs and messages are stored as
bytes in whatever encoding their author's editor used. UTF-8 is read as UTF-8; a line
that is not valid UTF-8 is read as Windows-1252 (Latin-1 with the printable 0x80-0x9F
range), the encoding of most older European text (`geof\\xedsica`, `F\\xfcrnkranz`), so
its letters survive instead of becoming U+FFFD. Line ends are made LF, as text-mode
subprocess output makes them."""

from __future__ import annotations


def git_text(data: bytes, newlines: bool = True) -> str:
    """`data` decoded line by line: UTF-8, else Windows-1252 (never fails);
    CRLF and a lone CR made LF unless `newlines` is false (a blob read as stored)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = "\n".join(_line(line) for line in data.split(b"\n"))
    return text.replace("\r\n", "\n").replace("\r", "\n") if newlines else text


def _cp1252_of(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return (
            "\ufffd"  # one of the five bytes Windows-1252 leaves undefined: no letter, no control
        )


# Latin-1 reads every byte; its 0x80-0x9F control range is Windows-1252's printable one
_WINDOWS_1252 = {b: _cp1252_of(b) for b in range(0x80, 0xA0)}


def _line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("latin-1").translate(_WINDOWS_1252)
