"""A fake OpenAI-compatible server for protocol-level tests: the real openai client over real HTTP.

`FakeOpenAI()` answers `POST /v1/chat/completions` (plain and streaming) as the offline coach, or with any
`Responder`; `Latency` slows it down like a real model; faults (`rate_limited()`, `server_error()`,
`unavailable()`, `overloaded()`, `DropConnection`, `TruncatedArguments`, `SchemaViolation`, `LengthLimit`)
make it fail like a real provider; `behaviour=LLAMA_CPP` makes it lack what llama.cpp-style servers lack (forced
tool choice, JSON-schema output, usage in streams, `max_completion_tokens`, parallel slots), and `OLLAMA`,
`LLAMA_SERVER`, `VLLM` and `LM_STUDIO` imitate those families, model lists and metadata endpoints included (what
`planforge doctor` reads). Use it in-process with `fake_openai_model(fake)`, or on 127.0.0.1 with
`serve_fake_openai(fake)` / `planforge fake-openai`.
"""

from planforge.testing.fake_openai.app import ConnectionDropped, FakeOpenAI, GenerationLog, Latency, LoggedRequest
from planforge.testing.fake_openai.behaviour import (
    BEHAVIOURS,
    LLAMA_CPP,
    LLAMA_SERVER,
    LM_STUDIO,
    OLLAMA,
    VLLM,
    ServerBehaviour,
)
from planforge.testing.fake_openai.client import fake_openai_client, fake_openai_model, serve_fake_openai
from planforge.testing.fake_openai.faults import (
    FAULTS_BY_NAME,
    DropConnection,
    Fault,
    FaultPlan,
    FaultSequence,
    HTTPErrorFault,
    LengthLimit,
    SchemaViolation,
    TruncatedArguments,
    fault_named,
    overloaded,
    rate_limited,
    server_error,
    unavailable,
)
from planforge.testing.fake_openai.protocol import ChatRequest, Reply, ToolCall
from planforge.testing.fake_openai.responders import Responder, UnanswerableRequest, offline_coach_responder
from planforge.testing.fake_openai.transport import StreamingASGITransport

__all__ = [
    "BEHAVIOURS",
    "FAULTS_BY_NAME",
    "LLAMA_CPP",
    "LLAMA_SERVER",
    "LM_STUDIO",
    "OLLAMA",
    "VLLM",
    "ChatRequest",
    "ConnectionDropped",
    "DropConnection",
    "FakeOpenAI",
    "Fault",
    "FaultPlan",
    "FaultSequence",
    "GenerationLog",
    "HTTPErrorFault",
    "Latency",
    "LengthLimit",
    "LoggedRequest",
    "Reply",
    "Responder",
    "SchemaViolation",
    "ServerBehaviour",
    "StreamingASGITransport",
    "ToolCall",
    "TruncatedArguments",
    "UnanswerableRequest",
    "fake_openai_client",
    "fake_openai_model",
    "fault_named",
    "offline_coach_responder",
    "overloaded",
    "rate_limited",
    "serve_fake_openai",
    "server_error",
    "unavailable",
]
