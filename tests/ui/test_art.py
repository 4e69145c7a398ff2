"""The stages and the people on them, drawn headless and compared by pixels."""

import pygame

from game.scenario.appearance import SETTINGS, appearance
from game.scenario.model import Look
from game.ui import art
from tests.ui.helpers import make_app

STAGE = (16, 64, 544, 356)


def drawn(app, paint) -> bytes:
    surface = pygame.Surface(app.surface.get_size())
    paint(surface)
    return pygame.image.tobytes(surface.subsurface(app.ctx.layout.rect(STAGE)), "RGB")


def test_every_setting_has_its_own_stage():
    app = make_app()
    pictures = {
        s: drawn(
            app,
            lambda surf, s=s: (
                art.draw_backdrop(app.ctx, surf, STAGE, s),
                art.draw_counter(app.ctx, surf, STAGE, s),
            ),
        )
        for s in SETTINGS
    }
    assert len(set(pictures.values())) == len(SETTINGS)


def test_the_counter_hides_the_people_below_the_chest_and_the_child_stands_lower():
    app = make_app()
    adult, child = art.people_rects(app.ctx, STAGE, 2)
    counter = art.counter_rects(app.ctx, STAGE, "bank")[0]
    assert adult.bottom > counter.top > adult.top and child.top > adult.top
    assert child.width < adult.width and not adult.colliderect(child.move(0, -1000))


def test_people_are_drawn_with_their_emotions():
    app = make_app()
    mother = appearance(Look(hair="bun_scarf"), 35, "female", "정미영")
    son = appearance(Look(), 6, "male", "도윤")

    def scene(emotion: str, companion: str) -> bytes:
        people = [art.Person(mother, emotion), art.Person(son, companion)]
        return drawn(
            app,
            lambda surf: art.draw_people(
                app.ctx, surf, STAGE, art.placed_people(app.ctx, STAGE, people, 0.0)
            ),
        )

    calm = scene("calm", "calm")
    assert scene("angry", "calm") != calm and scene("calm", "sad") != calm
