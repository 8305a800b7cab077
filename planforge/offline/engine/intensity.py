"""How hard a week is: its moderate and hard minutes, kept within a fifth of its time.

The knowledge asks for at least 75–80 % of the time easy (Seiler 2010); a week over 20 % has its hardest sessions
eased one step at a time (a repeat fewer, a steady block shorter, else an easy session of the same length).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from planforge.domain.vocabulary import Weekday
from planforge.offline.engine.sessions import Session, SessionKind, floor5, session_minutes, structured

Week = dict[Weekday, list[Session]]
_MIN_MINUTES: Final = 20


def _week_minutes(week: Week) -> float:
    return sum(session_minutes(s) for sessions in week.values() for s in sessions)


HARD_SHARE_MAX: Final = 0.2
"""Moderate and hard work stays within a fifth of the week's time (the knowledge: at least 75–80 % easy)."""


def hard_minutes(session: Session) -> float:
    """Minutes at moderate or high intensity, as the plan's measures count them: a fartlek whole, else the work of
    the main set."""
    if session.kind == "fartlek" and session.main is None:
        return float(session.minutes)
    if session.main is None:
        return 0.0
    return session.main.reps * session.main.work_seconds / 60


def _easier(session: Session) -> Session:
    """One step easier: a repeat fewer, a steady block 5 minutes shorter, a fartlek shorter; else an easy session."""
    main = session.main
    if session.kind == "fartlek" and main is None:  # counted hard whole: an easy run of its length instead
        return Session("easy-run", max(_MIN_MINUTES, floor5(session.minutes)))
    if main is not None and main.reps > 2:
        return structured(session.kind, replace(main, reps=main.reps - 1), session.warm_up, session.cool_down,
                          session.pace)  # fmt: skip
    if main is not None and main.reps == 1 and main.work_seconds > 600:
        return structured(session.kind, replace(main, work_seconds=main.work_seconds - 300), session.warm_up,
                          session.cool_down, session.pace)  # fmt: skip
    easy: SessionKind = "bike" if session.sport == "bike" else "easy-run"
    return Session(easy, max(_MIN_MINUTES, floor5(session.minutes)))


def limit_intensity(week: Week) -> Week:
    """The week with its hardest sessions eased until hard work is at most `HARD_SHARE_MAX` of its time."""
    week = {day: list(sessions) for day, sessions in week.items()}
    for _ in range(40):
        total = _week_minutes(week)
        hard: list[tuple[float, Weekday, int]] = [
            (hard_minutes(s), day, i) for day, sessions in week.items() for i, s in enumerate(sessions)
        ]
        if total <= 0 or sum(h for h, _, _ in hard) <= HARD_SHARE_MAX * total:
            break
        _, day, index = max(hard)
        week[day][index] = _easier(week[day][index])
    return week
