"""One module per screen; each scene handles events, advances time in ``update`` and only reads in ``draw``.

``build`` is the one place that knows which module holds which kind of scene; the scenes themselves
name the screen they want with a ``SceneKind`` (``game.ui.transitions``). A screen's module is imported
the first time it is opened, so the title screen comes up without loading the play and its engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from game.ui.transitions import SceneKind

if TYPE_CHECKING:
    from game.ui.context import Context
    from game.ui.scene import Scene

#: Where each kind of scene lives: module and class.
SCENES: dict[SceneKind, tuple[str, str]] = {
    SceneKind.TITLE: ("game.ui.scenes.title_profile", "TitleScene"),
    SceneKind.LOADING: ("game.ui.scenes.loading", "LoadingScene"),
    SceneKind.SELECT: ("game.ui.scenes.select", "SelectScene"),
    SceneKind.PLAY: ("game.ui.scenes.play", "PlayScene"),
    SceneKind.COACHING: ("game.ui.scenes.coaching", "CoachingScene"),
    SceneKind.PAUSE: ("game.ui.scenes.pause", "PauseScene"),
    SceneKind.SETTINGS: ("game.ui.scenes.settings", "SettingsScene"),
    SceneKind.DEBRIEF: ("game.ui.scenes.debrief", "DebriefScene"),
    SceneKind.RELOAD_ERRORS: ("game.ui.scenes.reload_errors", "ReloadErrorsScene"),
}


def build(ctx: Context, kind: SceneKind, args: dict[str, Any]) -> Scene:
    """The scene a transition names, made with the transition's arguments."""
    module, name = SCENES[kind]
    return getattr(import_module(module), name)(ctx, **args)
