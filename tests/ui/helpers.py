"""Driving the real UI headless: an app on the dummy video driver, events posted as a trainee would."""

from __future__ import annotations

import functools
from pathlib import Path

import pygame

from game.progress.sessions import OnboardingSession
from game.scenario.library import Library, load_library
from game.scenario.model import Scenario
from game.ui.app import App
from game.ui.context import Context
from game.ui.effects import SilentEffects
from game.ui.settings import Settings
from tests.ui.fakes import FakeProgress


@functools.cache
def library() -> Library:
    return load_library()


def scenario(scenario_id: str = "phone-late-delivery") -> Scenario:
    return library().get(scenario_id)


def make_app(
    size: tuple[int, int] = (1280, 720),
    progress: FakeProgress | None = None,
    settings: Settings | None = None,
    profile: str | None = "테스트",
    mode: str = "practice",
    onboarding: OnboardingSession | None = None,
    effects: SilentEffects | None = None,
    seed: int | None = None,
    shuffle: bool = False,
) -> App:
    """An app; plays show options in authored order (so a test can press the number it means) unless
    it asks for a ``seed`` or for fresh seeds (``shuffle``), as the game itself draws."""
    pygame.init()
    progress = progress or FakeProgress(onboarding=onboarding.name if onboarding else None)
    if profile and profile not in progress.profiles():
        progress.create_profile(profile)
    ctx = Context(
        library=library(),
        progress=progress,
        settings=settings or Settings(),
        profile=profile,
        mode=onboarding.mode if onboarding else mode,
        onboarding=onboarding,
        effects=effects or SilentEffects(),
        seed=seed,
        shuffle=shuffle,
    )
    pygame.event.clear()
    return App(ctx, size=size)


def play_scene(app: App, scenario_id: str = "phone-late-delivery"):
    from game.ui.scenes.play import PlayScene

    found = scenario(scenario_id)
    scene = PlayScene(app.ctx, found, library().rubric_for(found))
    app.start(scene)
    app.step(0.0)
    return scene


def press(app: App, key: int, mod: int = 0, unicode: str = "", dt: float = 0.0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
    app.step(dt)


def click(app: App, design_pos: tuple[float, float], dt: float = 0.0) -> None:
    pos = app.ctx.layout.point(*design_pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.step(dt)


def centre(rect: tuple[float, float, float, float]) -> tuple[float, float]:
    x, y, w, h = rect
    return x + w / 2, y + h / 2


def region(app: App, rect: tuple[float, float, float, float]) -> bytes:
    """The window pixels of a design rectangle, to compare before and after an event."""
    box = pygame.Rect(app.ctx.layout.rect(rect))
    return pygame.image.tobytes(app.surface.subsurface(box), "RGB")


def colours(app: App, rect: tuple[float, float, float, float]) -> set[tuple[int, int, int]]:
    box = pygame.Rect(app.ctx.layout.rect(rect))
    sub = app.surface.subsurface(box)
    return {tuple(sub.get_at((x, y)))[:3] for x in range(0, box.width, 2) for y in range(0, box.height, 2)}


def session_file(
    folder: Path,
    scenarios: tuple[str, ...] = ("phone-answering-call", "phone-late-delivery"),
    mode: str = "exam",
    pass_mark: float | None = 90,
    name: str = "신입 온보딩 1일차",
) -> Path:
    """A trainer's onboarding session file, as ``eungdae play --session`` reads it."""
    lines = [f"name: {name}", "date: 2025-03-03", f"mode: {mode}", "scenarios:"]
    lines += [f"  - {s}" for s in scenarios]
    if pass_mark is not None:
        lines.append(f"pass_mark: {pass_mark}")
    path = folder / "session.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def onboarding(folder: Path, **kwargs) -> OnboardingSession:
    from game.progress.sessions import load_session

    session, problems = load_session(str(session_file(folder, **kwargs)), library())
    assert session is not None, [d.format() for d in problems]
    return session


def type_text(app: App, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.step(0.0)


def submit_typed(app: App, play) -> None:
    """Enter on a typed reply, then the frames until it is judged (off the loop) and answered."""
    press(app, pygame.K_RETURN)
    if play.judging is not None:
        assert play.judging.wait(30)
        app.step(0.0)
