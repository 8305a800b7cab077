"""The org workout library: the workout model, stores behind one protocol, and deterministic matching."""

from planforge.library.matching import LibraryIndex, LibraryMatch, MatchQuery
from planforge.library.models import LibraryWorkout

__all__ = ["LibraryIndex", "LibraryMatch", "LibraryWorkout", "MatchQuery"]
