"""Soak: the real UI through every scenario in scenarios/, random choices and timings, hundreds of plays.

Every frame is drawn (to the dummy window) and the drive uses what a trainee uses: number keys, Enter,
Backspace (undo), Esc (pause), L (log), typing. No exception may escape, and after a warm-up the traced
memory must not keep growing (caches are bounded; scenes and sessions must be let go). The text caches
are full of whichever lines came last, so their size swings by hundreds of kilobytes from round to
round: they are emptied before each measurement and their bound is checked on its own.
"""

import gc
import random
import tracemalloc

import pygame

from game.ui.scenes.coaching import CoachingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from tests.ui.fakes import FakeProgress
from tests.ui.helpers import library, make_app


class CountingProgress(FakeProgress):
    """Counts finished plays instead of keeping them, so only the UI's own memory is measured."""

    def __init__(self) -> None:
        super().__init__()
        self.finished = 0

    def record_attempt(self, profile, session, result) -> None:
        self.finished += 1
        self.discard_autosave(profile)


TOTAL_PLAYS = 200
TRACED_ROUNDS = 3  # tracemalloc slows everything: only the last rounds are traced
MAX_FRAMES_PER_PLAY = 400
GROWTH_LIMIT = 300_000  # bytes over the last traced rounds, outside the bounded text caches


def key(code: int, unicode: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=unicode, scancode=0))


def one_play(app, scenario, rng: random.Random) -> DebriefScene:
    app.ctx.mode = rng.choice(("practice", "exam"))
    app.start(PlayScene(app.ctx, scenario, library().rubric_for(scenario)))
    for _ in range(MAX_FRAMES_PER_PLAY):
        top = app.stack.top
        dt = rng.choice((0.0, 0.016, 0.5, rng.uniform(0, 15)))
        if isinstance(top, DebriefScene):
            if rng.random() < 0.3:
                key(pygame.K_DOWN)
                app.step(0.0)
            return top
        if isinstance(top, PauseScene):
            key(pygame.K_ESCAPE)
        elif isinstance(top, CoachingScene):
            key(pygame.K_BACKSPACE if rng.random() < 0.1 else pygame.K_RETURN)
        elif isinstance(top, PlayScene):
            session = top.session
            roll = rng.random()
            if roll < 0.04:
                key(pygame.K_ESCAPE)
            elif roll < 0.08 and not session.node.typed:
                key(pygame.K_l)
                app.step(dt)
                key(pygame.K_l)
            elif session.finished or session.needs_advance:
                key(pygame.K_RETURN)
            elif session.node.typed is not None:
                examples = session.node.typed.examples
                text = rng.choice([*examples, "죄송합니다. 바로 확인해 드리겠습니다.", "몰라요"])
                pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text=text[0], start=0, length=1))
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
                key(pygame.K_RETURN)
            else:
                number = rng.randint(1, len(top.menu.buttons))
                key(getattr(pygame, f"K_{number}"), str(number))
        assert app.step(dt), "the game closed during the soak"
    raise AssertionError(f"{scenario.id}: no debrief after {MAX_FRAMES_PER_PLAY} frames")


def settle(app) -> None:
    """Empty the bounded text caches (they fill and churn) and collect cycles, so what is measured is
    memory the game keeps for good."""
    app.ctx.fonts.clear()
    gc.collect()


def test_soak_every_scenario_without_errors_or_growing_memory():
    scenarios = library().scenarios
    assert scenarios, "no scenarios to soak"
    rng = random.Random(20240611)
    progress = CountingProgress()
    app = make_app(size=(1024, 576), progress=progress)
    rounds = max(TRACED_ROUNDS + 1, -(-TOTAL_PLAYS // len(scenarios)))
    endings: set[tuple[str, str]] = set()
    baseline = 0
    try:
        for round_index in range(rounds):
            if round_index == rounds - TRACED_ROUNDS:
                tracemalloc.start()
            for scenario in scenarios:
                debrief = one_play(app, scenario, rng)
                endings.add((scenario.id, debrief.result.ending))
            if round_index == rounds - TRACED_ROUNDS:
                settle(app)
                baseline = tracemalloc.get_traced_memory()[0]
        assert app.ctx.fonts.cached() <= 600
        settle(app)
        growth = tracemalloc.get_traced_memory()[0] - baseline
    finally:
        tracemalloc.stop()
    assert progress.finished == rounds * len(scenarios) >= TOTAL_PLAYS
    assert len(endings) > len(scenarios)  # random play reaches more than one ending per scenario
    assert growth < GROWTH_LIMIT, f"memory grew by {growth} bytes over the last {TRACED_ROUNDS - 1} rounds"
