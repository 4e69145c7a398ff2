"""Headless drive through the real scenes: posted pygame events in, a PNG of each screen out.

Autoplay looks at the scene on top and posts what a trainee would press: Enter on the select screen,
Space to finish the customer's line, the number of the next choice, Enter on coaching and on the
ending. Response times are given by advancing the game clock before the key is posted, so
``--seconds 1.5,9`` makes the second answer 9 seconds late exactly as a hesitating trainee would.
Without ``--seconds`` every answer takes 0 s, as ``eungdae replay`` assumes, so both give one score.
At a typed-reply node the number picks the author's example answer, typed through the text box with
its last syllable shown mid-composition in the screenshot. A step may name the option by id instead;
numbers count options as shown, which is the authored order unless the play was given a seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game.engine.scoring import Result
from game.engine.session import example_number
from game.ui.app import App
from game.ui.scenes.coaching import CoachingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.play import NUMBER_KEYS, PlayScene
from game.ui.scenes.select import SelectScene

KEY_FOR = {n: k for k, n in NUMBER_KEYS.items() if pygame.key.name(k).isdigit()}
MAX_FRAMES = 20000


class AutoplayError(RuntimeError):
    """The drive could not go on (a scene it cannot handle, a stall); the message says where."""


@dataclass
class Autoplay:
    app: App
    scenario_id: str
    choices: list[int | str]
    seconds: list[float] = field(default_factory=list)
    screenshots: Path | None = None
    shots: list[Path] = field(default_factory=list)
    result: Result | None = None
    _selected: bool = False

    def run(self) -> Result:
        for _ in range(MAX_FRAMES):
            scene = self.app.stack.top
            if isinstance(scene, DebriefScene):
                self.app.step(0.0)
                self.shoot("debrief")
                self.result = scene.result
                return scene.result
            if isinstance(scene, SelectScene):
                self._select(scene)
            elif isinstance(scene, CoachingScene):
                play = self.app.stack.find(PlayScene)
                self.shoot(f"coaching-{len(play.session.decisions) if play else 0}")
                key(pygame.K_RETURN)
            elif isinstance(scene, PlayScene):
                self._play(scene)
            else:
                raise AutoplayError(f"autoplay cannot drive the '{getattr(scene, 'name', scene)}' screen")
            if not self.app.step(0.0):
                raise AutoplayError("the game closed before the debrief")
        raise AutoplayError("autoplay stalled: the debrief was never reached")

    def _select(self, scene: SelectScene) -> None:
        if not self._selected:
            if not scene.select(self.scenario_id):
                raise AutoplayError(f"scenario '{self.scenario_id}' is not on the select screen")
            self._selected = True
            self.app.step(0.0)
            self.shoot("select")
        key(pygame.K_RETURN)

    def _play(self, scene: PlayScene) -> None:
        session = scene.session
        if scene.judging is not None:
            scene.judging.wait(30)  # the typed reply is being analysed; the next frame answers it
            return
        if not scene.typewriter.done:
            key(pygame.K_SPACE)
            return
        if session.finished or session.needs_advance:
            key(pygame.K_RETURN)
            return
        index = len(session.decisions)
        if index >= len(self.choices):
            raise AutoplayError(f"no choice given for decision {index + 1} (node '{session.node.id}')")
        step = self.choices[index]
        wanted = self.seconds[index] if index < len(self.seconds) else 0.0
        self.app.step(max(0.0, wanted - session.waited()))
        typed = session.node.typed
        if typed is not None:
            text = typed.examples[example_number(step) - 1]
            post(pygame.TEXTINPUT, text=text[:-1])
            post(pygame.TEXTEDITING, text=text[-1], start=1, length=1)
            self.app.step(0.0)
            self.shoot(f"decision-{index + 1}")
            post(pygame.TEXTINPUT, text=text[-1])
            key(pygame.K_RETURN)
        else:
            self.shoot(f"decision-{index + 1}")
            key(KEY_FOR[session.number_of(step) if isinstance(step, str) else step])

    def shoot(self, label: str) -> None:
        if self.screenshots is None:
            return
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / f"{len(self.shots) + 1:02d}-{label}.png"
        self.app.screenshot(str(path))
        self.shots.append(path)


def post(kind: int, **attrs: object) -> None:
    pygame.event.post(pygame.event.Event(kind, **attrs))


def key(code: int, mod: int = 0) -> None:
    name = pygame.key.name(code)
    post(pygame.KEYDOWN, key=code, mod=mod, unicode=name if len(name) == 1 else "", scancode=0)
    post(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0)
