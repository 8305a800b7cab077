"""Day names in several languages and a week's body cut into days."""

from __future__ import annotations

import pytest

from planforge.domain.vocabulary import Weekday
from planforge.drafttext.days import weekday_named
from planforge.offline.parser.days import day_entries


@pytest.mark.parametrize(
    ("token", "day"),
    [
        ("Monday", "Monday"), ("Mon", "Monday"), ("Mo", "Monday"), ("lundi", "Monday"), ("lun.", "Monday"),
        ("lunes", "Monday"), ("Tue", "Tuesday"), ("Tues", "Tuesday"), ("Di", "Tuesday"), ("mar.", "Tuesday"),
        ("martes", "Tuesday"), ("Mi", "Wednesday"), ("Miércoles", "Wednesday"), ("mer.", "Wednesday"),
        ("Do", "Thursday"), ("Thurs", "Thursday"), ("jeudi", "Thursday"), ("Fr", "Friday"), ("viernes", "Friday"),
        ("Sa", "Saturday"), ("Sábado", "Saturday"), ("samedi", "Saturday"), ("So", "Sunday"), ("Sonntag", "Sunday"),
        ("domingo", "Sunday"), ("**Sun**", "Sunday"), ("Week", None), ("easy", None),
    ],
)  # fmt: skip
def test_weekday_named(token: str, day: Weekday | None) -> None:
    assert weekday_named(token) == day


@pytest.mark.parametrize(
    ("body", "entries"),
    [
        ("- Monday: Rest\n- Tuesday: Easy run 45 min", [("Monday", "Rest"), ("Tuesday", "Easy run 45 min")]),
        ("**Mon:** Swim 1500 m\n**Tue:** Rest", [("Monday", "Swim 1500 m"), ("Tuesday", "Rest")]),
        ("Mon rest, Tue easy 5 mi, Thu 6x400", [("Monday", "rest"), ("Tuesday", "easy 5 mi"), ("Thursday", "6x400")]),
        ("Monday off. Tuesday 40' easy.", [("Monday", "off"), ("Tuesday", "40' easy")]),
        ("lun. : Repos\nmar. : Footing 50 min", [("Monday", "Repos"), ("Tuesday", "Footing 50 min")]),
        ("Mo: Ruhetag\nDi: 10 km locker", [("Monday", "Ruhetag"), ("Tuesday", "10 km locker")]),
        ("Mon/Wed: easy 30 min", [("Monday", "easy 30 min"), ("Wednesday", "easy 30 min")]),
        ("| Tue | Easy run | 45 min |", [("Tuesday", "Easy run, 45 min")]),
        ("Tue: easy 5 mi, so keep it slow", [("Tuesday", "easy 5 mi, so keep it slow")]),  # "so" is no Sunday
        # a blank line ends the last day: a sign-off after it is not that day's text
        (
            "Sat: long run 90 min\nSun: off\n\nHave fun out there! 🙌",
            [("Saturday", "long run 90 min"), ("Sunday", "off")],
        ),
        ("Sat:\n\nlong run 90 min", [("Saturday", "long run 90 min")]),  # but not before the day's text
    ],
)
def test_day_entries(body: str, entries: list[tuple[Weekday, str]]) -> None:
    assert day_entries(body) == entries
