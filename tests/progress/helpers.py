"""Real plays of the scenarios in scenarios/, recorded through the real store, for the progress tests."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from game.engine.session import Session, play
from game.progress.store import ProgressStore
from game.scenario.library import Library, load_library

LIBRARY = load_library()
LATE = "phone-late-delivery"
BEST = [1, 1, 1, 1, 1]  # apologise, find the cause, express delivery, typed close: 100 and passed
EXCUSE = [1, 2, 1, 1, 1, 1]  # an excuse, then recovering: passes with less than 100
ARGUE = [1, 4, 3]  # argues (a blocker) and loses the customer: fails


def late() -> tuple:
    scenario = LIBRARY.get(LATE)
    return scenario, LIBRARY.rubric_for(scenario)


def played(choices: list[int], seconds: list[float] | None = None) -> Session:
    scenario, rubric = late()
    return play(scenario, rubric, choices, seconds)


class Clock:
    """A settable UTC clock for the store, so recorded times are exact."""

    def __init__(self, start: datetime = datetime(2025, 3, 3, 1, 0, tzinfo=timezone.utc)):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


def store_at(folder: Path, clock: Clock | None = None, library: Library = LIBRARY, **kw) -> ProgressStore:
    return ProgressStore(folder, library, now=clock or Clock(), **kw)


def record(
    store: ProgressStore, profile: str, choices: list[int], seconds: list[float] | None = None
) -> Session:
    session = played(choices, seconds)
    store.record_attempt(profile, session, session.result())
    return session


def random_session(library: Library, scenario_id: str, rng: random.Random) -> Session:
    """A whole play with random choices and response times, as a trainee might play it."""
    scenario = library.get(scenario_id)
    session = Session(scenario, library.rubric_for(scenario), clock=lambda: 0.0)
    while not session.finished:
        if session.needs_advance:
            session.advance()
        elif session.node.typed is not None:
            session.answer(session.node.typed.examples[0], rng.uniform(2, 9))
        else:
            session.choose(rng.randint(1, len(session.available())), rng.uniform(0.5, 9))
    return session


def small_class(folder: Path) -> ProgressStore:
    """The hand-worked set of the report tests (overall scores from the engine, stated here):

    김하늘: BEST 100.0 passed, then ARGUE 45.0 failed · 이도윤: EXCUSE 86.4 passed · 박서준: ARGUE 45.0 failed
    """
    clock = Clock(datetime(2025, 3, 3, 12, 0, tzinfo=timezone.utc))  # the same date in any time zone ±11 h
    store = store_at(folder, clock)
    for name, plays in (("김하늘", [BEST, ARGUE]), ("이도윤", [EXCUSE]), ("박서준", [ARGUE])):
        store.create_profile(name)
        for choices in plays:
            clock.advance(minutes=10)
            record(store, name, choices)
    return store
