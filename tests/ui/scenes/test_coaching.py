"""The coaching card: drawn once over the frozen play, then kept; it repaints when the card changes."""

from __future__ import annotations

import pygame

from game.ui.scenes.coaching import CoachingScene
from game.ui.scenes.play import PlayScene
from tests.ui.helpers import make_app, play_scene, press


def _coaching(app):
    scene = play_scene(app)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)
    coaching = app.stack.top
    assert isinstance(coaching, CoachingScene)
    return scene, coaching


def test_once_drawn_the_card_covers_the_play_which_is_not_drawn_again(monkeypatch):
    app = make_app()
    _, coaching = _coaching(app)
    app.step(0.0)
    first = pygame.image.tobytes(app.surface, "RGB")
    assert coaching.opaque
    drawn = []
    monkeypatch.setattr(PlayScene, "draw", lambda self, surface: drawn.append(self))
    app.step(0.0)
    assert drawn == [] and pygame.image.tobytes(app.surface, "RGB") == first  # the same picture


def test_moving_the_focus_repaints_the_card_over_the_play():
    app = make_app()
    _, coaching = _coaching(app)
    app.step(0.0)
    before = pygame.image.tobytes(app.surface, "RGB")
    press(app, pygame.K_TAB)  # focus onto a button: the card changes
    app.step(0.0)
    assert coaching.menu.focus is not None
    assert pygame.image.tobytes(app.surface, "RGB") != before
    assert coaching.opaque  # and the new picture is kept


def test_under_the_card_the_play_keeps_the_decision_just_made(monkeypatch):
    from game.ui.widgets.text_input import TextInput

    app = make_app()
    play = play_scene(app)
    for number in (1, 1, 1):  # to the decision before the typed close
        press(app, pygame.K_SPACE)
        press(app, getattr(pygame, f"K_{number}"))
        press(app, pygame.K_RETURN)
    press(app, pygame.K_SPACE)
    app.step(0.0)
    decision = pygame.image.tobytes(play._frame, "RGB")
    typed_boxes = []
    monkeypatch.setattr(TextInput, "draw", lambda self, ctx, surface: typed_boxes.append(self))
    press(app, pygame.K_1)  # the next node asks for a typed reply
    app.step(0.0)
    assert isinstance(app.stack.top, CoachingScene) and play.session.node.typed is not None
    assert pygame.image.tobytes(play._frame, "RGB") == decision  # the options chosen from, not the box
    assert typed_boxes == []
    press(app, pygame.K_RETURN)  # the card closes: the typed node is painted, its box with it
    assert typed_boxes and pygame.image.tobytes(play._frame, "RGB") != decision


def test_the_next_node_is_painted_under_the_card_and_shown_as_it_closes():
    app = make_app()
    play, _ = _coaching(app)  # the frame that opened the card drew it: nothing painted ahead yet
    assert play._next_base_key is None
    app.step(0.0)  # the next: the next node's picture is painted under the card
    ahead = play._next_frame
    assert play._next_base_key is not None and ahead is not None
    press(app, pygame.K_RETURN)  # the card closes
    assert play._frame is ahead  # the frame painted ahead is the one shown, not a new painting
    whole = pygame.image.tobytes(app.surface, "RGB")
    app.ctx.painted = (None, -1, ())
    app.draw()
    assert pygame.image.tobytes(app.surface, "RGB") == whole  # and it is the right picture
