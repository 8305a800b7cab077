"""Every example in the OpenAPI document validates against the schema it illustrates (issue 13).

JSON examples (request bodies and responses) against their media type's schema; event-stream examples event
by event, each `data:` against the stream's documented event schema. A JSON Schema 2020-12 validator checks
them, with `$ref`s resolved against the document's components, as a client generator would read them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest
from fastapi import FastAPI

from tests.http.conftest import Tokens

Example = tuple[str, Any, dict[str, Any]]
"""Where the example is, the example, and the schema it must satisfy."""


@pytest.fixture(scope="module")
def openapi(shared_app: tuple[FastAPI, Tokens]) -> dict[str, Any]:
    return shared_app[0].openapi()


def _examples_of(media: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if "example" in media:
        yield "example", media["example"]
    for name, example in media.get("examples", {}).items():
        yield name, example["value"]


def _stream_events(text: str) -> Iterator[Any]:
    for block in text.strip().split("\n\n"):
        for line in block.splitlines():
            if line.startswith("data: "):
                yield json.loads(line.removeprefix("data: "))


def documented_examples(openapi: dict[str, Any]) -> Iterator[Example]:
    """Every example of every operation, with the schema it must satisfy."""
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            places = [("request", operation.get("requestBody", {}))]
            places += [(f"response {status}", response) for status, response in operation["responses"].items()]
            for place, documented in places:
                for media_type, media in documented.get("content", {}).items():
                    where = f"{method.upper()} {path} {place} {media_type}"
                    if media_type == "text/event-stream":
                        event_schema = media["itemSchema"]["properties"]["data"]["contentSchema"]
                        for name, text in _examples_of(media):
                            for number, event in enumerate(_stream_events(text)):
                                yield f"{where} {name} event {number}", event, event_schema
                    else:
                        for name, value in _examples_of(media):
                            yield f"{where} {name}", value, media["schema"]


def test_the_document_has_examples_of_every_kind(openapi: dict[str, Any]) -> None:
    places = {where.split(" ")[2] for where, _, _ in documented_examples(openapi)}
    assert {"request", "response"} <= places
    assert any("text/event-stream" in where for where, _, _ in documented_examples(openapi))


def test_every_example_validates_against_its_schema(openapi: dict[str, Any]) -> None:
    invalid: list[str] = []
    for where, example, schema in documented_examples(openapi):
        validator = jsonschema_rs.Draft202012Validator({**schema, "components": openapi["components"]})
        invalid += [f"{where}: {error.message[:200]}" for error in validator.iter_errors(example)]
    assert invalid == []
