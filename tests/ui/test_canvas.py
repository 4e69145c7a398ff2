"""The canvas pool hands back the surfaces scenes gave it, so a new scene's first frame touches no fresh
memory; it never hands one surface to two borrowers."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame

from game.ui.canvas import CanvasPool


def test_a_given_back_canvas_is_lent_again_and_only_once() -> None:
    pygame.display.init()
    screen = pygame.display.set_mode((320, 200))
    pool = CanvasPool()
    first = pool.take(screen)
    assert first.get_size() == (320, 200) and first.get_bitsize() == screen.get_bitsize()
    pool.give(first, None)
    again, fresh = pool.take(screen), pool.take(screen)
    assert again is first and fresh is not first


def test_a_canvas_of_another_size_is_not_lent() -> None:
    pygame.display.init()
    screen = pygame.display.set_mode((320, 200))
    pool = CanvasPool()
    pool.give(pygame.Surface((640, 400), 0, screen))
    assert pool.take(screen).get_size() == (320, 200)


def test_fit_keeps_a_canvas_of_the_right_size_and_swaps_one_of_another():
    pygame.display.init()
    screen = pygame.display.set_mode((320, 200))
    pool = CanvasPool()
    kept = pool.take(screen)
    assert pool.fit(kept, screen) is kept
    assert pool.fit(None, screen).get_size() == (320, 200)
    small = pygame.Surface((160, 100), 0, screen)
    fitted = pool.fit(small, screen)
    assert fitted.get_size() == (320, 200) and fitted is not small
    assert pool.take(pygame.Surface((160, 100), 0, screen)) is small  # given back, lent again
