"""`planforge fake-openai`: the fake OpenAI-compatible server on a local port, for demos and benchmarks."""

from __future__ import annotations

from typing import Annotated

import typer

from planforge.cli.output import fail

FAULT_HELP = (
    "Inject a fault into the next request; repeat for a sequence (one per request, in order). Faults: "
    "rate-limit, server-error, unavailable, overloaded, drop, truncated-json, schema-violation, length."
)


def fake_openai(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.", min=1, max=65535)] = 8001,
    ttft: Annotated[float, typer.Option("--ttft", help="Seconds to the first token.", min=0)] = 0.5,
    tps: Annotated[float, typer.Option("--tps", help="Output tokens per second (0: instant).", min=0)] = 80.0,
    fault: Annotated[list[str] | None, typer.Option("--fault", help=FAULT_HELP)] = None,
    repeat: Annotated[bool, typer.Option("--repeat", help="Repeat the fault sequence for every request.")] = False,
    like: Annotated[
        str,
        typer.Option(
            "--like",
            help="Behave like this server family: openai, ollama, llama-server, llama-cpp (llama-cpp-python: no "
            "forced tool choice, no JSON-schema output, no usage in streams, max_tokens only, 8k context, one request "
            "at a time), vllm or lm-studio. See docs/local-models.md.",
        ),
    ] = "openai",
) -> None:
    """Serve a fake OpenAI-compatible chat-completions API answered by the offline coach.

    Point planforge at it with PLANFORGE_BASE_URL=http://127.0.0.1:8001/v1 PLANFORGE_MODEL=fake-coach.
    """
    # Imported here so the other commands do not pay for loading the web stack.
    import uvicorn

    from planforge.testing.fake_openai import BEHAVIOURS, FakeOpenAI, FaultSequence, Latency, fault_named

    try:
        faults = [fault_named(name) for name in fault or []]
    except ValueError as error:
        raise fail(f"--fault: {error}", code=2) from error
    if like not in BEHAVIOURS:
        raise fail(f"--like: unknown server family {like!r}; known: {', '.join(BEHAVIOURS)}", code=2)
    fake = FakeOpenAI(
        latency=Latency(ttft, tps or None), faults=FaultSequence(faults, repeat=repeat), behaviour=BEHAVIOURS[like]
    )
    typer.echo(
        f"fake OpenAI server ({like}) on http://{host}:{port}/v1 (ttft {ttft:g} s, {tps or '∞'} tokens/s)", err=True
    )
    uvicorn.run(fake.app, host=host, port=port, log_level="warning")
