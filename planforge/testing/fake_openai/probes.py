"""How the fake model answers `planforge doctor`'s probes: as the prompt asks, unless the server enforces a tool
call or a JSON schema (then it answers in that form, as a grammar-constrained model must)."""

from __future__ import annotations

from typing import Any, Final

from planforge.llm.doctor.probes import COUNT_PROMPT, PROBE_NAME, SHORT_PROMPT
from planforge.testing.fake_openai.behaviour import ServerBehaviour
from planforge.testing.fake_openai.protocol import ChatRequest, Reply

COUNTED: Final = " ".join(str(n) for n in range(1, 101))


def probe_reply(request: ChatRequest, behaviour: ServerBehaviour) -> Reply | None:
    """The answer to a doctor probe (None: `request` is not one)."""
    if PROBE_NAME not in request.instructions:
        return None
    choice: Any = request.body.get("tool_choice")
    forced = choice == "required" or isinstance(choice, dict)
    if forced and request.tool_names and behaviour.tool_choice_enforced:
        return Reply.tool(request.tool_names[0], {"ok": True})
    if request.response_schema_name is not None and behaviour.json_schema_enforced:
        return Reply(text='{"ok": true}')
    asked = request.texts("user")[-1:]
    if asked == [COUNT_PROMPT]:
        return Reply(text=COUNTED)
    return Reply(text="OK" if asked == [SHORT_PROMPT] else "hello")
