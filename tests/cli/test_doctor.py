"""`planforge doctor` through the real command line, against the fake server imitating each family on 127.0.0.1;
and every planforge command of docs/local-models.md run against the fake of its section's family."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic_ai import models
from typer.testing import CliRunner

from planforge.cli import app
from planforge.testing.fake_openai import BEHAVIOURS, FakeOpenAI, serve_fake_openai

runner = CliRunner()
DOC = Path(__file__).parent.parent.parent / "docs" / "local-models.md"
CLOSED_PORT = "http://127.0.0.1:9/v1"


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeOpenAI, str]]:
    fake = FakeOpenAI()
    with serve_fake_openai(fake) as base_url:
        yield fake, base_url


@pytest.fixture
def fake(served: tuple[FakeOpenAI, str]) -> Iterator[FakeOpenAI]:
    server, _ = served
    server.reset()
    models.ALLOW_MODEL_REQUESTS = True  # the documented drafts and plans go to 127.0.0.1, never to the network
    yield server
    models.ALLOW_MODEL_REQUESTS = False


@pytest.fixture
def base_url(served: tuple[FakeOpenAI, str]) -> str:
    return served[1]


def doctor(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["doctor", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


FAMILY_LINES = {
    "ollama": ("ollama", "llama3.2:3b", r"forced tool call\s+ignored\s+answered text although a tool call"),
    "llama-server": ("llama.cpp", "Llama-3.2-3B-Instruct-Q4_K_M.gguf", r"context\s+8,192 tokens \(llama.cpp /props"),
    "llama-cpp-python": (
        "llama-cpp-python",
        "models/Llama-3.2-3B-Instruct-Q4_K_M.gguf",
        r"forced tool call\s+refused\s+HTTP 500: tool_choice 'required' is not supported",
    ),
    "vllm": ("vllm", "Qwen/Qwen2.5-3B-Instruct", r"context\s+8,192 tokens \(vLLM /v1/models max_model_len\)"),
    "lm-studio": ("lm-studio", "llama-3.2-3b-instruct", r"JSON-schema output\s+supported"),
    "openai": ("openai", "fake-coach", r"works here: tool, native, prompted"),
}


@pytest.mark.parametrize(("like", "expected"), FAMILY_LINES.items(), ids=FAMILY_LINES.keys())
def test_doctor_says_what_works_on_each_family_and_exits_0(
    fake: FakeOpenAI, base_url: str, like: str, expected: tuple[str, str, str]
) -> None:
    family, model, probe_line = expected
    fake.behaviour = BEHAVIOURS[like]
    code, out = doctor("--model", model, "--base-url", base_url)
    assert code == 0, out
    assert f"server   {base_url}: {family}," in out
    assert re.search(probe_line, out), out
    assert "output mode  prompted (auto: the default for a model served from PLANFORGE_BASE_URL)" in out
    assert "profile      local: one call at a time" in out
    assert f"export PLANFORGE_BASE_URL={base_url}\n" in out
    assert f"export PLANFORGE_MODEL={model}\n" in out
    assert out.rstrip().endswith(f"{model}: usable")


def test_doctor_reads_the_base_url_and_model_from_the_environment(
    fake: FakeOpenAI, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.behaviour = BEHAVIOURS["ollama"]
    monkeypatch.setenv("PLANFORGE_BASE_URL", base_url)
    monkeypatch.setenv("PLANFORGE_MODEL", "llama3.2:3b")
    code, out = doctor()
    assert code == 0, out
    assert {r.body["model"] for r in fake.requests} == {"llama3.2:3b"}
    monkeypatch.setenv("PLANFORGE_BASE_URL", CLOSED_PORT)
    code, out = doctor("--base-url", base_url)  # the option wins over the environment
    assert code == 0, out


def test_a_mode_the_server_lacks_exits_1_with_the_setting_to_use(
    fake: FakeOpenAI, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.behaviour = BEHAVIOURS["llama-cpp-python"]
    monkeypatch.setenv("PLANFORGE_OUTPUT_MODE", "native")
    code, out = doctor("--model", "local", "--base-url", base_url)
    assert code == 1
    assert "problem: native output (PLANFORGE_OUTPUT_MODE) needs json schema output, which the server refused" in out
    assert """set PLANFORGE_OUTPUT_MODES='{"local": "prompted"}'""" in out
    assert out.rstrip().endswith("local: not usable")


def test_an_unreachable_server_exits_1_naming_the_url_and_the_cause() -> None:
    code, out = doctor("--model", "llama3.2:3b", "--base-url", CLOSED_PORT)
    assert code == 1
    assert "not reachable" in out
    assert "problem: cannot reach http://127.0.0.1:9/v1/models:" in out
    assert "is the server running and listening on 127.0.0.1:9?" in out


def test_an_unknown_model_exits_1_with_close_names(fake: FakeOpenAI, base_url: str) -> None:
    fake.behaviour = BEHAVIOURS["ollama"]
    code, out = doctor("--model", "llama3.2", "--base-url", base_url)
    assert code == 1
    assert "model    llama3.2: not listed (close: llama3.2:3b, llama3.2:1b" in out
    assert "ollama pull llama3.2" in out
    assert fake.requests == []


def test_the_offline_coach_needs_no_server() -> None:
    code, out = doctor("--model", "offline")
    assert code == 0
    assert "the offline coach runs in-process and needs no server" in out


def test_a_hosted_model_without_its_key_exits_1_without_probing() -> None:
    code, out = doctor("--model", "anthropic:claude-sonnet-4-6", "--base-url", CLOSED_PORT)
    assert code == 1
    assert "needs the ANTHROPIC_API_KEY environment variable" in out
    assert "not reachable" not in out  # the local server is never asked about an Anthropic model


def test_json_output_carries_every_probe(fake: FakeOpenAI, base_url: str) -> None:
    fake.behaviour = BEHAVIOURS["llama-cpp"]
    code, out = doctor("--model", "m", "--base-url", base_url, "--json")
    assert code == 0
    found = json.loads(out)
    assert found["usable"] is True
    assert {p["feature"]: p["verdict"] for p in found["probes"]} == {
        "forced_tool_call": "refused",
        "json_schema_output": "refused",
        "stream_usage": "ignored",
        "max_tokens": "supported",
        "max_completion_tokens": "ignored",
    }


def test_the_doctor_report_in_the_doc_is_what_doctor_prints(fake: FakeOpenAI, base_url: str) -> None:
    fake.behaviour = BEHAVIOURS["ollama"]
    block = re.search(r"```text\n\$ planforge doctor (.*?)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    documented_url = "http://localhost:11434/v1"
    args = shlex.split(block.group(1).replace(documented_url, base_url))
    code, out = doctor(*args)
    assert code == 0
    assert out.replace(base_url, documented_url) == block.group(2)


def documented_sections() -> dict[str, list[str]]:
    """The fake family of each server section of the doc (its `<!-- fake: ... -->` marker), with its lines."""
    sections: dict[str, list[str]] = {}
    for part in DOC.read_text(encoding="utf-8").split("\n## ")[1:]:
        if marker := re.search(r"<!-- fake: ([\w.-]+) -->", part):
            blocks = re.findall(r"```bash\n(.*?)```", part, re.DOTALL)
            sections[marker.group(1)] = [line for block in blocks for line in block.splitlines()]
    return sections


def test_the_doc_has_a_tested_section_for_each_server_family() -> None:
    assert set(documented_sections()) == {"ollama", "llama-server", "llama-cpp-python", "vllm", "lm-studio"}


@pytest.mark.parametrize(("like", "lines"), documented_sections().items(), ids=documented_sections().keys())
def test_the_documented_commands_run_against_the_fake_of_their_server(
    fake: FakeOpenAI, base_url: str, like: str, lines: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each section's `export`s and `planforge` commands, as written; only the server's own address is the
    fake's (the server's start commands cannot run here)."""
    fake.behaviour = BEHAVIOURS[like]
    monkeypatch.chdir(tmp_path)
    commands = 0
    for line in lines:
        words = shlex.split(line)
        if words[:1] == ["export"]:
            name, _, value = words[1].partition("=")
            value = re.sub(r"^http://localhost:\d+/v1$", base_url, value)
            monkeypatch.setenv(name, value)
        elif words[:1] == ["planforge"]:
            result = runner.invoke(app, words[1:])
            assert result.exit_code == 0, f"{line}\n{result.output}"
            commands += 1
    assert commands == 3
    assert "Week 8" in (tmp_path / "draft.txt").read_text(encoding="utf-8")
    assert len(fake.requests) > 5  # doctor's probes, the draft and the plan's chunks all reached the fake
