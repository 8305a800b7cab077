"""Plans as coaches paste and type them: checklists, weeks as columns, dates, emails, typos, heart-rate zones,
treadmill speeds, yards, merged sheet cells, bricks with arrows, chat threads, footnotes and coaches' shorthand.

Each case is a short excerpt written for the test, with the sessions a coach reads in it.
"""

from __future__ import annotations

import pytest

from planforge.drafttext.context import PlanContext
from planforge.offline.parser import parse_draft
from planforge.offline.parser.sessions import parse_day

Read = tuple[int, str, str, int | None, float | None]
"""(week, day, sub-type, seconds, metres) of one parsed session."""


def _read(text: str) -> list[Read]:
    return [
        (week.week, s.day, s.workout_sub_type, s.duration_seconds, s.distance_meters)
        for week in parse_draft(text)
        for s in week.sessions
    ]


PLANS: dict[str, tuple[str, list[Read]]] = {
    "checklist boxes, ticked or not": (
        "Week 1\n- [x] Mon – rest\n- [x] Tue – easy 5 km\n[ ] Thu – fartlek 30 min\n☐ Sat – long run 8 km\n",
        [
            (1, "Tuesday", "easy-run", None, 5000.0),
            (1, "Thursday", "fartlek", 1800, None),
            (1, "Saturday", "long-run", None, 8000.0),
        ],
    ),
    "an aligned table with weeks as columns": (
        "          WEEK 1            WEEK 2 (easier)\n"
        "Mon       rest              rest\n"
        "Tue       easy 30 min       easy 25 min\n"
        "Wed       8 x 400 m         gym 30 min\n"
        "Sun       long 50 min       long 45 min\n",
        [
            (1, "Tuesday", "easy-run", 1800, None),
            (1, "Wednesday", "interval-run", None, 3200.0),
            (1, "Sunday", "long-run", 3000, None),
            (2, "Tuesday", "easy-run", 1500, None),
            (2, "Wednesday", "strength-training", 1800, None),
            (2, "Sunday", "long-run", 2700, None),
        ],
    ),
    "month-first dates checked by their weekdays, then dotted day-first dates": (
        "Plan, March 2026\n\nTue 3/3   Easy 8 km\nThu 3/5   6 x 1 km, 2 min jog\nSun 3/8   Long 16 km\n\n"
        "10.03.  easy 45 min\n12.03.  Tempo: 20 min at threshold inside a 50 min run\n15.03.  Long run 18 km\n",
        [
            (1, "Tuesday", "easy-run", None, 8000.0),
            (1, "Thursday", "interval-run", None, None),
            (1, "Sunday", "long-run", None, 16000.0),
            (2, "Tuesday", "easy-run", 2700, None),
            (2, "Thursday", "tempo-run", 3000, None),  # the run the tempo sits inside is the session
            (2, "Sunday", "long-run", None, 18000.0),  # "Long" after the date is no weekday: it names the run
        ],
    ),
    "an email: headers, signature with club times, quoted message": (
        "Subject: Re: plan\nFrom: Coach\nDate: Sun, 29 Nov 2026 08:14\n\nHi Tom,\n\nWeek 1\nTuesday: easy run 30 min\n"
        "Saturday: long run 50 min\n\nBest,\nMarta\n\n--\nMarta, Head Coach\n"
        "Club sessions: Tue & Thu 18:30 track, Saturday long run 8:00\n\n"
        "> On 28 Nov 2026, at 19:02, Tom wrote:\n> I ran 25 min easy on Sunday\n",
        [(1, "Tuesday", "easy-run", 1800, None), (1, "Saturday", "long-run", 3000, None)],
    ),
    "misspelt day names and session words": (
        "WK1\nwensday - strenght 30 mins\nThurs - intervls 5x1k w/ 2min jog\nsatruday - Long Run 14km\n"
        "sat - LONG RUN 16 KM\n\nwk2\nthur - strengh + mobilty 30min\nsaturday - longrun 1h 30\n",
        [
            (1, "Wednesday", "strength-training", 1800, None),
            (1, "Thursday", "interval-run", None, None),
            (1, "Saturday", "long-run", None, 14000.0),
            (1, "Saturday", "long-run", None, 16000.0),
            (2, "Thursday", "strength-training", 1800, None),  # strength and mobility: general strength
            (2, "Saturday", "long-run", 5400, None),
        ],
    ),
    "heart-rate zones: bpm are targets, Z4 repeats are threshold, the weekend's long Z2 run is the long run": (
        "Week 1\nTue  45 min Z2 (130–148 bpm)\nThu  20 min Z3 (149–160) inside a 60 min run\n"
        "Sat  4 x 6 min Z4 (161–172) w/ 2 min Z1\nSun  90 min Z2, cap 148\n",
        [
            (1, "Tuesday", "easy-run", 2700, None),
            (1, "Thursday", "tempo-run", 3600, None),
            (1, "Saturday", "tempo-run", 1920, None),
            (1, "Sunday", "long-run", 5400, None),
        ],
    ),
    "merged cells of a pasted sheet": (
        "| Week | Day | Session | Time | Distance |\n|---|---|---|---|---|\n"
        "| 1 | Tue | Easy run | 40 min | |\n| | Wed | | 35 min | |\n| | | Core | 20 min | |\n"
        "| | Thu | Tempo run 3 x 10 min @ threshold | 50 min | |\n| | Sat | Easy run + 6 strides | 35 min | |\n",
        [
            (1, "Tuesday", "easy-run", 2400, None),
            (1, "Wednesday", "easy-run", 2100, None),  # an empty session cell repeats the one above
            (1, "Wednesday", "core", 1200, None),  # an empty day cell is the day above
            (1, "Thursday", "tempo-run", 3000, None),  # the time column is the session's total
            (1, "Saturday", "easy-run", 2100, None),  # strides never eat the "35 m" of "35 min"
        ],
    ),
    "a ride with an arrow into a run is a brick": (
        "Week 1\nSat  Bike 60' → Run 15'\nSun  Bike 45' -> Run 10'\n",
        [
            (1, "Saturday", "brick", 3600, None),
            (1, "Saturday", "easy-run", 900, None),
            (1, "Sunday", "brick", 2700, None),
            (1, "Sunday", "easy-run", 600, None),
        ],
    ),
    "a chat that names a week in passing": (
        "[30/11/2026, 18:42] Coach Ines: WEEK 1\n"
        "[30/11/2026, 18:43] Coach Ines: Mon off, just stretch if you feel like it. Tue easy 40 min\n"
        "[30/11/2026, 19:20] Tom: and wk2?\n"
        "[01/12/2026, 07:15] Coach Ines: Forgot wk2 sorry, it's a lighter week:\n"
        "[01/12/2026, 07:15] Coach Ines: Tue 30 easy\n[01/12/2026, 07:16] Coach Ines: Sun long run 60 min\n",
        [
            (1, "Tuesday", "easy-run", 2400, None),
            (2, "Tuesday", "easy-run", 1800, None),
            (2, "Sunday", "long-run", 3600, None),
        ],
    ),
    "a footnote defines the sport of a name": (
        "Week 1\nTuesday     Easy Run¹ 40 min\nWednesday   Riders Choice1 60-75 min\n\nNotes\n"
        "¹ Easy = conversational.\n1 Riders Choice: any bike you like, just keep it Z2.\n",
        [(1, "Tuesday", "easy-run", 2400, None), (1, "Wednesday", "endurance-ride", 3600, None)],
    ),
    "four sessions without days: a free day before the long one": (
        "Week 1 - 4 runs\n- easy 35 min\n- tempo 40 min\n- easy 30 min\n- long 70 min\n\n"
        "Week 2 - 4 runs, long one on Saturday this week\n- easy 30\n- hills 8 x 45 s\n- easy 30\n- long 8 km\n",
        [
            (1, "Tuesday", "easy-run", 2100, None),
            (1, "Wednesday", "tempo-run", 2400, None),
            (1, "Friday", "easy-run", 1800, None),
            (1, "Sunday", "long-run", 4200, None),
            (2, "Tuesday", "easy-run", 1800, None),
            (2, "Wednesday", "hill-repeats", 360, None),
            (2, "Thursday", "easy-run", 1800, None),
            (2, "Saturday", "long-run", None, 8000.0),
        ],
    ),
    "a week that repeats an earlier one": (
        "Week 1\nTue: easy 30 min\nThu: tempo 20 min\n\nWeek 2\nSame as week 1 but add 5 min to each run.\n\n"
        "Week 3: repeat week 2\n",
        [
            (1, "Tuesday", "easy-run", 1800, None),
            (1, "Thursday", "tempo-run", 1200, None),
            (2, "Tuesday", "easy-run", 1800, None),
            (2, "Thursday", "tempo-run", 1200, None),
            (3, "Tuesday", "easy-run", 1800, None),
            (3, "Thursday", "tempo-run", 1200, None),
        ],
    ),
    "a week's total is no part of its last day": (
        "Week 1\nTue: easy 5 mi\nSun: long run 10 mi\nTotal: 15 mi\n\nWeek 2\nSun: long 12 mi\nWeekly mileage: 18 mi\n",
        [
            (1, "Tuesday", "easy-run", None, 8046.7),
            (1, "Sunday", "long-run", None, 16093.4),
            (2, "Sunday", "long-run", None, 19312.1),
        ],
    ),
    "a session written over lines keeps its closing total": (
        "Week 1\nSat — Long swim\n  WU 400\n  MS 3 x 400\n  Total 2,000 m\n",
        [(1, "Saturday", "endurance-swim", None, 2000.0)],
    ),
    "a date after the weekday is no part of the session": (
        "Week 1\nMon 3/3: rest\nTue 3/4: easy 5 mi\nThursday 5 March: tempo 20 min\nSun (8.3.) 6 x 1 km\n",
        [
            (1, "Tuesday", "easy-run", None, 8046.7),
            (1, "Thursday", "tempo-run", 1200, None),
            (1, "Sunday", "interval-run", None, 6000.0),
        ],
    ),
    "a time of day is no duration": (
        "Week 1\nTue 6:00am easy run 5 mi\nThu 18:30 Uhr: Lauf 40 min locker\n",
        [(1, "Tuesday", "easy-run", None, 8046.7), (1, "Thursday", "easy-run", 2400, None)],
    ),
    "a plan copied from a web page": (
        "<p>Week 1</p><ul><li>Tue: easy 30&nbsp;min</li><li>Sun: long run 10 km</li></ul>",
        [(1, "Tuesday", "easy-run", 1800, None), (1, "Sunday", "long-run", None, 10000.0)],
    ),
}


@pytest.mark.parametrize(("text", "expected"), PLANS.values(), ids=PLANS.keys())
def test_a_pasted_plan_is_read_as_the_coach_means_it(text: str, expected: list[Read]) -> None:
    assert _read(text) == expected


Session = tuple[str, str, int | None, float | None]
"""(type, sub-type, seconds, metres) of one session."""

DAYS: dict[str, tuple[str, list[Session]]] = {
    "hours before a slash, climbing with a thousands dot": (
        "salida larga 3h / 22 km / D+ 1.300 m",
        [("run", "long-run", 10800, 22000.0)],
    ),
    "treadmill speeds and inclines are no distances": (
        "incline walk 40 min @ 12% / 5.5 km/h",
        [("walk", "walk", 2400, None)],
    ),
    "a short walk after an effort is its recovery": (
        "5 x 3 min hard / 2 min walk (~35 min total)",
        [("run", "interval-run", 2100, None)],
    ),
    "a length before bracketed repetitions is the session's": (
        "fartlek 40 min (6 x 1 min brisk / 2 min easy)",
        [("run", "fartlek", 2400, None)],
    ),
    "a length before a spaced dash labels the steps": (
        'Swim 2000 m — 400 wu, 8 x 100 @ CSS r15", 4 x 50 drill, 400 pull, 200 cd',
        [("swim", "interval-swim", None, 2000.0)],
    ),
    "a swim named steady before its sets": (
        "Swim 2000 m steady (4 x 500 endurance)",
        [("swim", "endurance-swim", None, 2000.0)],
    ),
    "a walk and a hike offered together are one hike": (
        "caminata / senderismo 2-3 h con bastones",
        [("hike", "hike", 7200, None)],
    ),
    "German shorthand": (
        "Kraft/Stabi 30' + TDL 3 x 10' GA2/Schwelle",
        [("strength", "strength-training", 1800, None), ("run", "tempo-run", 1800, None)],
    ),
    "Fahrtspiel is a fartlek": ("Fahrtspiel 40'", [("run", "fartlek", 2400, None)]),
    "Spanish fartlek words": ("cambios de ritmo 40'", [("run", "fartlek", 2400, None)]),
    "a fraction sign and Danish hours": ("Lang cykeltur 2½ time", [("bike", "long-ride", 9000, None)]),
    "a rest day that allows an unmeasured stretch": ("off, just stretch if you feel like it", []),
}


@pytest.mark.parametrize(("text", "expected"), DAYS.values(), ids=DAYS.keys())
def test_a_day_is_read_as_the_coach_means_it(text: str, expected: list[Session]) -> None:
    sessions = parse_day("Monday", text)
    assert [(s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in sessions] == expected


YARDS = PlanContext(default_unit="yd", default_sport="swim")


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("Threshold: 3 x (4 x 100 @ 1:30) + wu/cd = 3,000 yd", 2743.2),  # a sum's result is the total
        ("Long swim: 1 x 1650 straight + 350 easy = 2,000y", 1828.8),
        ("Sprint: 16 x 25 fast @ :40, 4 x 50 dive starts + wu/cd, 2,200 yds", 2011.7),  # a closing total
        ("Long swim: 1 x 1000 + 4 x 250, 2,000 yd", 1828.8),  # a set without a sport goes on the swim
        ("Drill day 1,500", 1371.6),
    ],
)
def test_a_swimmers_yards_are_converted_and_send_offs_are_no_lengths(text: str, metres: float) -> None:
    [session] = parse_day("Monday", text, context=YARDS)
    assert (session.workout_type, session.duration_seconds, session.distance_meters) == ("swim", None, metres)


def test_a_plan_that_says_its_distances_are_in_yards_reads_bare_numbers_as_yards() -> None:
    text = "SCY, all distances in yards.\n\nWEEK 1\nMon — Swim, aerobic: 3 x 400 @ 6:00 + wu/cd, total 2,400 yds\n"
    [(_, day, sub_type, seconds, metres)] = _read(text)
    assert (day, sub_type, seconds, metres) == ("Monday", "endurance-swim", None, 2194.6)


Zones = tuple[str, int | None, float | None, list[tuple[str, str, int | None, float | None]]]
"""(sub-type, seconds, metres, [(block type, pace zone, block seconds, block metres)])."""

REQUESTED: dict[str, tuple[str, Zones]] = {
    "a Dutch recovery run": ("Herstelloop 15 min", ("recovery-run", 900, None, [])),
    "a library marker holds no lengths": ("Hill Repeats 40 min [lib:lib-hills-8x60]", ("hill-repeats", 2400, None, [])),
    "a steady swim set is aerobic, 1500 m a set's distance": (
        "Swim 3200 m (60 min) long swim: 2 x 1500 m steady",
        ("endurance-swim", 3600, 3200.0, [("interval", "z2", None, 3000.0)]),
    ),
    "souple is easy, a closing bracketed time is the session's": (
        "Natation 1400 m : 2 x 500 m souple (35 min)",
        ("interval-swim", 2100, 1400.0, [("run", "z2", None, 400.0), ("interval", "z2", None, 1000.0)]),
    ),
    "a CSS set is hard": (
        "Swim 1000 m: 8 x 100 @ CSS",
        ("interval-swim", None, 1000.0, [("interval", "z4", None, 800.0)]),
    ),
    "event pace on a ride is endurance": (
        "Ride 60 min with 2 x 5 min at century pace",
        ("interval-ride", 3600, None, [("run", "z2", 3000, None), ("interval", "z2", 600, None)]),
    ),
    "strides with words of how and where go on the run": (
        "Easy run 40 min + 4 x 20 s relaxed strides on flat grass",
        ("easy-run", 2400, None, []),
    ),
    "a timed effort inside a ride": (
        "Ride 50 min with 10 min tempo",
        ("tempo-ride", 3000, None, [("run", "z2", 2400, None), ("run", "z3", 600, None)]),
    ),
}


@pytest.mark.parametrize(("text", "expected"), REQUESTED.values(), ids=REQUESTED.keys())
def test_lengths_and_zones_of_sets_as_coaches_mean_them(text: str, expected: Zones) -> None:
    [session] = parse_day("Monday", text)
    blocks = [(b.type, b.block_pace, b.total_seconds(), b.total_meters()) for b in session.content_blocks]
    assert (session.workout_sub_type, session.duration_seconds, session.distance_meters, blocks) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday: progressivo 12 km (da 5'30\" a 4'50\"/km)",
        "Tuesday: progression run 12 km from 5:30 to 4:50/km",
        "Tuesday: Steigerungslauf 12 km, 5'30\" bis 4'50\"/km",
    ],
)
def test_both_ends_of_a_pace_range_are_paces_not_durations(text: str) -> None:
    [(_, day, _, seconds, metres)] = _read(f"Week 1\n{text}\n")
    assert (day, seconds, metres) == ("Tuesday", None, 12000.0)
