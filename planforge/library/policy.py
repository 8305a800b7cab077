"""The library preference of one generation, read once: what the agents may search and what every chunk must obey.

`workout_preference` decides four things: whether the agents get the `search_library` tool, which library
rules their instructions carry, how a converted chunk is enforced, and whether a session may be left out as a
`library_gap`. `LibraryPolicy` answers all four, so nothing else interprets the preference.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass

from planforge.domain.plan import Workout
from planforge.domain.vocabulary import WorkoutPreference
from planforge.exceptions import InvalidRequestError
from planforge.library.enforcement import Enforced, LibrarySnapshot
from planforge.library.store import WorkoutLibrary
from planforge.prompts import load_prompt


@dataclass(frozen=True)
class LibraryPolicy:
    """The preference of one request, with the org's library snapshot when the preference uses it."""

    preference: WorkoutPreference
    snapshot: LibrarySnapshot | None = None
    """The org's library under prefer_existing / strict_existing; None exactly under ai_generate."""

    @classmethod
    async def load(
        cls,
        preference: WorkoutPreference,
        org_id: str,
        library: WorkoutLibrary | None,
        snapshots: MutableMapping[str, LibrarySnapshot],
        threshold: float,
    ) -> LibraryPolicy:
        """The policy for a request; the org's snapshot comes from `snapshots` unless its library changed.

        Raises `InvalidRequestError` (field `workout_preference`) when the preference needs a library and none
        is configured, or when strict_existing meets an empty library.
        """
        if preference == "ai_generate":
            return cls(preference)
        if library is None:
            raise InvalidRequestError(
                f"{preference!r} needs a workout library and none is configured", field="workout_preference"
            )
        version = await library.version(org_id)
        snapshot = snapshots.get(org_id)
        if snapshot is None or snapshot.version != version or snapshot.threshold != threshold:
            snapshot = LibrarySnapshot.build(org_id, version, await library.list(org_id), threshold)
            snapshots[org_id] = snapshot
        if preference == "strict_existing" and not snapshot.workouts:
            raise InvalidRequestError(
                f"org {org_id!r} has no workouts in its library; strict_existing uses library workouts only",
                field="workout_preference",
            )
        return cls(preference, snapshot)

    @property
    def offers_search(self) -> bool:
        """Whether the agents get the `search_library` tool."""
        return self.snapshot is not None

    @property
    def allows_gaps(self) -> bool:
        """Whether a session with no fitting library workout is left out (and reported) rather than converted."""
        return self.preference == "strict_existing"

    def prompt_rules(self, prompt_version: str) -> str:
        """The library rules the agents' instructions carry for this preference."""
        return load_prompt("library", self.preference, prompt_version).render()

    def enforce(self, workouts: Sequence[Workout]) -> Enforced:
        """A chunk's workouts under the preference's rules.

        Under ai_generate no library id can be real, so any id the model wrote is cleared.
        """
        if self.snapshot is None:
            unlinked = [
                w.model_copy(update={"library_workout_id": None}) if w.library_workout_id else w for w in workouts
            ]
            return Enforced(unlinked, [], [])
        return self.snapshot.enforce(workouts, self.preference)

    def fingerprint(self) -> list[str | float]:
        """What of the policy determines a conversion: the preference, the library version and threshold."""
        if self.snapshot is None:
            return [self.preference]
        return [self.preference, self.snapshot.org_id, self.snapshot.version, self.snapshot.threshold]


AI_GENERATE = LibraryPolicy("ai_generate")
"""The policy of a request that uses no library."""
