"""Faces from the Open Peeps parts: every emotion a different expression, an SVG the loader can read."""

import io

import pygame

from game.scenario.appearance import appearance
from game.scenario.model import EMOTIONS, Look
from game.ui.faces import EXPRESSIONS, FaceCache, definition, face_svg

MOTHER = appearance(Look(hair="bun_scarf", clothing="pink"), 35, "female", "정미영")
ELDER = appearance(Look(hair="bun", glasses="round"), 78, "female", "박순자")


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_every_emotion_of_the_language_has_its_own_expression_in_the_set():
    assert set(EXPRESSIONS) == set(EMOTIONS)
    assert len(set(EXPRESSIONS.values())) == len(EXPRESSIONS)
    assert set(EXPRESSIONS.values()) <= set(definition()["components"]["expression"]["variants"])


def test_the_svg_is_self_contained_and_carries_the_look():
    svg = face_svg(ELDER, "sad")
    assert "<use" not in svg and "href" not in svg  # pygame-ce's loader would drop referenced parts
    assert ELDER.skin in svg and ELDER.hair_color in svg and ELDER.clothing in svg


def test_each_emotion_draws_a_different_face_and_different_people_differ():
    pygame.init()
    cache = FaceCache()
    drawn = {emotion: pixels(cache.get(MOTHER, emotion, 120)) for emotion in EXPRESSIONS}
    assert len(set(drawn.values())) == len(EXPRESSIONS)
    assert pixels(cache.get(ELDER, "calm", 120)) != drawn["calm"]


def test_a_face_is_drawn_at_the_size_asked_and_not_empty():
    pygame.init()
    face = FaceCache().get(ELDER, "angry", 96)
    assert face.get_size() == (96, 96)
    opaque = sum(1 for x in range(0, 96, 4) for y in range(0, 96, 4) if face.get_at((x, y)).a > 0)
    assert opaque > 100  # of 576 samples: a bust fills much of the square


def test_grey_hair_is_grey_on_the_picture():
    pygame.init()
    svg = face_svg(ELDER, "calm").encode()
    face = pygame.image.load_sized_svg(io.BytesIO(svg), (200, 200))
    hair = pygame.Color(ELDER.hair_color)
    found = {tuple(face.get_at((x, y)))[:3] for x in range(0, 200, 2) for y in range(0, 80, 2)}
    assert (hair.r, hair.g, hair.b) in found


def test_the_cache_keeps_its_limit_and_unknown_emotions_show_calm():
    pygame.init()
    cache = FaceCache()
    assert cache.get(MOTHER, "puzzled", 40) is cache.get(MOTHER, "calm", 40)
    for size in range(20, 20 + 120):
        cache.get(MOTHER, "calm", size)
    assert len(cache.surfaces) <= 96
