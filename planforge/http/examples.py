"""OpenAPI examples, taken from the spec (`ai-training-plan-generation.txt`)."""

from __future__ import annotations

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

DRAFT_STREAM_EXAMPLE: Final = (
    'event: progress\ndata: {"type":"progress","status":"thinking","message":"Writing the draft","progress":0}\n\n'
    'event: result\ndata: {"type":"result","data":{"draft":"...","training_principle":"...","metadata":{}}}\n\n'
    'event: done\ndata: {"type":"done"}\n\n'
)

PLAN_STREAM_EXAMPLE: Final = (
    'event: progress\ndata: {"type":"progress","status":"converting","message":"Week 6 of 12","progress":50}\n\n'
    'event: result\ndata: {"type":"result","data":{"content":["..."],"weekly_info":{}}}\n\n'
    'event: done\ndata: {"type":"done"}\n\n'
)

PLAN_STREAM_CONTENT_EXAMPLE: Final = (
    'event: progress\ndata: {"type":"progress","status":"converting","message":"Week 1 of 12","progress":0}\n\n'
    'event: week\ndata: {"type":"week","week":1,"info":{"phase":"base","focus":"Aerobic foundation"}}\n\n'
    'event: workout\ndata: {"type":"workout","workout":{"week":1,"day":"Tuesday","...":"..."}}\n\n'
    'event: result\ndata: {"type":"result","data":{"content":["..."],"weekly_info":{}}}\n\n'
    'event: done\ndata: {"type":"done"}\n\n'
)

STREAM_ERROR_EXAMPLE: Final = (
    'event: error\ndata: {"type":"error","error":"generation timed out: ...","code":"timeout"}\n\n'
    'event: done\ndata: {"type":"done"}\n\n'
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
