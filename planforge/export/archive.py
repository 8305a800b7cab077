"""Reproducible zip archives: the same files give the same bytes (fixed member times, sorted by the caller)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Final

_MEMBER_TIME: Final = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; a real time would make every export of a plan differ."""


def zip_files(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A deflated zip of (name, content) pairs, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            member = zipfile.ZipInfo(name, date_time=_MEMBER_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            archive.writestr(member, content)
    return buffer.getvalue()
