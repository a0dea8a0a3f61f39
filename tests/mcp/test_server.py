"""`ara mcp` end to end: a real server process over stdio, driven by the SDK's own client."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import anyio
import pytest

mcp = pytest.importorskip("mcp")

CODE = "lr = 2e-5  # learning rate\nnum_iter = 50000\n"
SETTINGS = (
    "# Settings outside the paper's code\n\n## scripts/fit.pbs\n"
    "- 3: `#PBS -l walltime=24:00:00` (job)\n- 4: `#PBS -l mem=4GB` (job)\n"
)


def _text(result) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def _session_run(args: list[str], body) -> None:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    exe = Path(sys.executable).parent / "ara"
    params = StdioServerParameters(command=str(exe), args=["mcp", *args])
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        await body(session)


@pytest.fixture
def served(minimal, tmp_path):
    a = minimal({"src/execution/fit_soft.py": CODE, "src/settings/repository.md": SETTINGS})
    b = minimal({"src/configs/training.md": "# Training\n\n## Learning rate\n\n- **Value**: 0.2\n"})
    return a, b, ["--index", str(tmp_path / "mcp.sqlite"), str(a), str(b)]


def test_the_server_lists_every_tool_and_answers_them(served):
    a, b, args = served
    seen: dict[str, object] = {}

    async def body(session) -> None:
        tools = {t.name for t in (await session.list_tools()).tools}
        seen["tools"] = tools
        found = await session.call_tool(
            "search", {"query": "learning rate soft fit", "max_tokens": 300, "artifact": a.name}
        )
        seen["search"] = _text(found)
        seen["why_not"] = _text(
            await session.call_tool(
                "why_not", {"approach": "restart at half rate", "artifact": a.name}
            )
        )
        seen["show"] = _text(await session.call_tool("show", {"artifact": a.name, "id": "C01"}))
        seen["param"] = (
            await session.call_tool("get_param", {"name": "learning rate"})
        ).structured_content
        seen["setting"] = (
            await session.call_tool("get_param", {"name": "walltime", "artifact": a.name})
        ).structured_content
        seen["cell"] = (
            await session.call_tool(
                "get_cell",
                {
                    "table": "table1",
                    "row": "cosine restarts",
                    "column": "Epochs",
                    "artifact": a.name,
                },
            )
        ).structured_content
        seen["path"] = (
            await session.call_tool(
                "trace_path", {"from_id": "N05", "to_id": "N07", "artifact": a.name}
            )
        ).structured_content
        seen["list"] = (await session.call_tool("list_artifacts", {})).structured_content
        seen["diff"] = (
            await session.call_tool("diff", {"a": a.name, "b": b.name})
        ).structured_content
        seen["missing"] = await session.call_tool("show", {"artifact": "nope"})

    anyio.run(_session_run, args, body)
    assert {
        "search",
        "show",
        "why_not",
        "get_param",
        "get_cell",
        "trace_path",
        "list_artifacts",
        "diff",
    } <= seen["tools"]
    assert "lr = 2e-5" in seen["search"]
    assert "N05" in seen["why_not"] and "Restart at the full rate" in seen["why_not"]
    assert "## C01: Restarts are faster" in seen["show"]
    values = {p["artifact"]: p["value"] for p in json.loads(json.dumps(seen["param"]))["result"]}
    assert values == {a.name: "0.1", b.name: "0.2"}
    [setting] = seen["setting"]["result"]  # not in src/configs/: the line src/settings/ lists
    assert setting["value"] == "#PBS -l walltime=24:00:00"
    assert (
        setting["source"] == "scripts/fit.pbs:3"
        and "not used by reconciliation" in setting["rationale"]
    )
    assert seen["cell"]["value"] == "41" and seen["cell"]["ref"].endswith("#r2c2")
    steps = [s["id"] for s in seen["path"]["result"]]
    assert steps[0] == "N05" and steps[-1] == "N07"
    assert {x["name"] for x in seen["list"]["result"]} == {a.name, b.name}
    changed = seen["diff"]["parameters"]
    assert changed == [
        {
            "ref": "src/configs/training.md#learning-rate",
            "change": "changed",
            "before": "0.1",
            "after": "0.2",
        }
    ]
    assert seen["missing"].is_error and "no artifact called 'nope'" in _text(seen["missing"])


def test_files_are_resources_and_nothing_outside_the_artifact_is_read(served, tmp_path):
    a, _b, args = served
    (tmp_path / "secret.txt").write_text("do not serve")
    seen: dict[str, object] = {}

    async def body(session) -> None:
        from mcp.shared.exceptions import MCPError

        listed = await session.list_resources()
        seen["listed"] = {str(r.uri) for r in listed.resources}
        got = await session.read_resource(f"ara://{a.name}/logic/claims.md")
        seen["claims"] = got.contents[0].text
        try:
            bad = await session.read_resource(f"ara://{a.name}/../secret.txt")
            seen["escape"] = bad.contents[0].text
        except MCPError as e:
            seen["escape"] = f"refused: {e}"

    anyio.run(_session_run, args, body)
    assert f"ara://{a.name}/PAPER.md" in seen["listed"]
    assert "## C01" in seen["claims"]
    assert "do not serve" not in seen["escape"] and seen["escape"].startswith("refused")


def test_the_server_does_not_write_inside_the_artifacts(served):
    a, b, args = served
    before = {p: p.stat().st_mtime_ns for root in (a, b) for p in root.rglob("*")}

    async def body(session) -> None:
        await session.call_tool("search", {"query": "restart"})

    anyio.run(_session_run, args, body)
    after = {p: p.stat().st_mtime_ns for root in (a, b) for p in root.rglob("*")}
    assert after == before


def _listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp writes them) listening on `port`; empty where
    /proc is not there to tell."""
    out: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            addr, hexport = fields[1].split(":")
            if fields[3] == "0A" and int(hexport, 16) == port:
                out.add(addr)
    return out


def test_streamable_http_serves_on_loopback_only(served):
    import socket
    import subprocess
    import time

    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    a, _b, args = served
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "ara"
    proc = subprocess.Popen(
        [str(exe), "mcp", "--http", "--port", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        seen: dict[str, object] = {}

        async def run() -> None:
            async with (
                streamable_http_client(f"http://127.0.0.1:{port}/mcp") as (
                    read,
                    write,
                ),
                ClientSession(read, write) as session,
            ):
                await session.initialize()
                found = await session.call_tool("search", {"query": "lr", "artifact": a.name})
                seen["search"] = _text(found)

        anyio.run(run)
        assert "lr = 2e-5" in seen["search"]
        if Path("/proc/net/tcp").is_file():  # Linux tells which address the server bound
            assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only
    finally:
        proc.terminate()
        proc.wait(timeout=30)
