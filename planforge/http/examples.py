"""OpenAPI examples, taken from the spec (`ai-training-plan-generation.txt`)."""

from __future__ import annotations

import json
from typing import Any, Final

from fastapi.openapi.models import Example

DRAFT_REQUEST_EXAMPLES: Final[dict[str, Example]] = {
    "half_marathon": {
        "summary": "12-week intermediate half marathon",
        "value": {
            "weeks": 12,
            "level": "intermediate",
            "org_id": "org_abc123",
            "additional_prompt": "Athlete is targeting a half marathon. Prefers running 4 days per week.",
            "start_date": "2026-05-05",
        },
    },
    "from_library": {
        "summary": "Reuse the org's workout library where possible",
        "value": {"weeks": 8, "level": "beginner", "org_id": "org_abc123", "workout_preference": "prefer_existing"},
    },
}

PLAN_REQUEST_EXAMPLES: Final[dict[str, Example]] = {
    "refined_draft": {
        "summary": "Convert an edited draft",
        "value": {
            "weeks": 12,
            "level": "intermediate",
            "org_id": "org_abc123",
            "refined_draft": "12-Week Intermediate Half Marathon Training Plan\n\n[your edited draft text here]",
        },
    },
}

DRAFT_RESPONSE_EXAMPLE: Final[dict[str, Any]] = {
    "status": "success",
    "data": {
        "draft": (
            "12-Week Intermediate Half Marathon Training Plan\n\nPhase 1 (Weeks 1–4): Base Building\nFocus on aerobic"
            " foundation with easy runs at conversational pace...\n\nWeek 1:\n- Monday: Rest\n- Tuesday: Easy run 45"
            " min\n- Wednesday: Cross-training or rest\n- Thursday: Tempo run 30 min\n- Friday: Rest\n- Saturday:"
            " Long run 10 km\n- Sunday: Rest\n..."
        ),
        "training_principle": (
            "Progressive overload with 80/20 easy-hard split. Prioritize aerobic base before adding speed work."
        ),
        "metadata": {
            "weeks": 12,
            "level": "intermediate",
            "org_id": "org_abc123",
            "generated_at": "2026-04-23T10:15:00Z",
        },
    },
}

PLAN_RESPONSE_EXAMPLE: Final[dict[str, Any]] = {
    "status": "success",
    "data": {
        "content": [
            {
                "week": 1,
                "phase": "base",
                "day": "Tuesday",
                "workout_name": "Easy Base Run",
                "workout_description": (
                    "Comfortable aerobic run at conversational pace. Focus on building your aerobic foundation."
                ),
                "workout_type": "run",
                "workout_sub_type": "easy-run",
                "target_duration_in_seconds": 2700,
                "target_distance_in_meters": 7000,
                "content_blocks": [],
            },
            {
                "week": 1,
                "phase": "base",
                "day": "Thursday",
                "workout_name": "Tempo Run",
                "workout_description": "Comfortably hard effort at your half marathon goal pace.",
                "workout_type": "run",
                "workout_sub_type": "tempo-run",
                "target_duration_in_seconds": 1800,
                "target_distance_in_meters": 5000,
                "content_blocks": [],
            },
        ],
        "weekly_info": {
            "1": {"phase": "base", "focus": "Aerobic foundation"},
            "2": {"phase": "base", "focus": "Build volume"},
        },
    },
}


def _server_sent(*events: dict[str, Any]) -> str:
    """Events as an SSE body, the way the stream endpoints write them."""
    return "".join(f"event: {event['type']}\ndata: {json.dumps(event, separators=(',', ':'))}\n\n" for event in events)


_DONE: Final = {"type": "done"}

DRAFT_STREAM_EXAMPLE: Final = _server_sent(
    {"type": "progress", "status": "thinking", "message": "Writing the draft", "progress": 0},
    {"type": "progress", "status": "drafting", "message": "Wrote 6 of 12 weeks", "progress": 50},
    {"type": "result", "data": DRAFT_RESPONSE_EXAMPLE["data"]},
    _DONE,
)

PLAN_STREAM_EXAMPLE: Final = _server_sent(
    {"type": "progress", "status": "converting", "message": "Converted 6 of 12 weeks", "progress": 50},
    {"type": "result", "data": PLAN_RESPONSE_EXAMPLE["data"]},
    _DONE,
)

PLAN_STREAM_CONTENT_EXAMPLE: Final = _server_sent(
    {"type": "progress", "status": "converting", "message": "Converting 12 weeks", "progress": 0},
    {"type": "week", "week": 1, "info": PLAN_RESPONSE_EXAMPLE["data"]["weekly_info"]["1"]},
    {"type": "workout", "workout": PLAN_RESPONSE_EXAMPLE["data"]["content"][0]},
    {"type": "result", "data": PLAN_RESPONSE_EXAMPLE["data"]},
    _DONE,
)

STREAM_ERROR_EXAMPLE: Final = _server_sent(
    {"type": "error", "error": "generation timed out after 300 s", "code": "timeout"},
    _DONE,
)

PRINCIPLE_UPDATE_EXAMPLES: Final[dict[str, Example]] = {
    "eighty_twenty": {
        "summary": "An 80/20 philosophy",
        "value": {
            "training_principle": (
                "Progressive overload with 80/20 easy-hard split. Prioritize aerobic base before adding speed work."
            )
        },
    },
}
