"""What a scene asks of the screen flow: open a scene over it, in its place, from scratch, or go back.

Scenes never build or import one another: a scene emits a transition naming the kind of scene it wants
and the arguments for it, and the scene stack resolves it (``game.ui.scene.SceneStack``), building the
scene through a factory the app provides (``game.ui.scenes.build``). So a scene module can change
without touching the scenes that lead to it, and the flow between screens is testable with stand-in
scenes and no window.

Going back can carry a word for the scene below (``Pop(result=RESTART)``): the pause menu asks the play
to restart, coaching asks it to undo, the F5 error panel asks the scene below to reload — the scene
below receives it in ``resume(result)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.scenario.library import Library


class SceneKind(Enum):
    TITLE = "title"
    LOADING = "loading"
    SELECT = "select"
    PLAY = "play"
    COACHING = "coaching"
    PAUSE = "pause"
    SETTINGS = "settings"
    DEBRIEF = "debrief"
    RELOAD_ERRORS = "reload-errors"


@dataclass(frozen=True)
class Push:
    """Open a scene over this one (an overlay or a sub-screen); this one resumes when it is popped."""

    kind: SceneKind
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Replace:
    """Put a scene in this one's place (the scene below does not resume in between)."""

    kind: SceneKind
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reset:
    """Close every scene and start again from this one (quit to the menu, the next trainee)."""

    kind: SceneKind
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pop:
    """Close this scene; the one below resumes and is told ``result`` (None: just carry on)."""

    result: str | None = None


Transition = Push | Replace | Reset | Pop

#: What a scene going back may ask of the play under it.
RESTART = "restart"
UNDO = "undo"
#: F5 on the error panel: the scene below reads the files again.
RELOAD = "reload"


def first_screen(library: Library, scenario_id: str | None) -> Replace:
    """Where a chosen profile leads: the scenario ``eungdae play ID`` asked for, else select."""
    if scenario_id is not None:
        try:
            scenario = library.get(scenario_id)
        except KeyError:
            return Replace(SceneKind.SELECT)
        return Replace(SceneKind.PLAY, {"scenario": scenario, "rubric": library.rubric_for(scenario)})
    return Replace(SceneKind.SELECT)
