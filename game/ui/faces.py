"""Customer faces: Open Peeps parts (CC0, ``assets/faces/``) composed into an SVG and rasterised.

A face is an ``Appearance`` (``game.scenario.appearance``: head, colours, glasses, facial hair) and an
emotion, which picks one of the set's expressions. The parts are composed here rather than by
DiceBear's own library: ``dicebear-core`` validates the style definition with jsonschema when it loads
it, 4.5 s on this machine, for what is a few lines of tree walking; and pygame-ce's SVG loader
(nanosvg) ignores ``<use href>``, which DiceBear's output relies on — here every part is written out in
place. Composing a face takes well under a millisecond; rasterising it a few milliseconds, so surfaces
are cached per (appearance, emotion, size) and a play scene warms its customer's faces when it opens.
"""

from __future__ import annotations

import functools
import io
import json
from html import escape
from typing import Any

import pygame

from game.resources import ASSETS
from game.scenario.appearance import Appearance

DEFINITION = ASSETS / "faces" / "open-peeps.json"

#: The expression each emotion shows. Chosen so that no two emotions look alike: calm is a level
#: gaze, impatient is clenched and wide-eyed, annoyed frowns, angry shouts, sad droops, confused
#: raises one brow.
EXPRESSIONS: dict[str, str] = {
    "delighted": "smileBig",
    "pleased": "smile",
    "calm": "serious",
    "impatient": "hectic",
    "annoyed": "veryAngry",
    "angry": "rage",
    "sad": "solemn",
    "confused": "suspicious",
}
INK = "#000000"
#: The cache holds a play's faces (two people, eight emotions, two sizes) several times over.
CACHE_LIMIT = 96


@functools.cache
def definition() -> dict[str, Any]:
    with open(DEFINITION, encoding="utf-8") as f:
        return json.load(f)


def face_svg(look: Appearance, emotion: str) -> str:
    """The SVG text of ``look`` showing ``emotion`` (an unknown emotion shows calm)."""
    style = definition()
    colours = {"skin": look.skin, "clothing": look.clothing, "headContrast": look.hair_color, "ink": INK}
    chosen = {
        "head": look.head,
        "expression": EXPRESSIONS.get(emotion, EXPRESSIONS["calm"]),
        "facialHair": look.facial_hair,
        "accessories": look.glasses,
        "mask": None,
    }
    canvas = style["canvas"]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {canvas["width"]} {canvas["height"]}"'
        ' fill="none">'
    ]

    def value(raw: Any) -> str:
        if isinstance(raw, dict):  # {"type": "color", "name": "skin"}
            return colours[raw["name"]]
        return escape(str(raw), quote=True)

    def write(element: dict[str, Any]) -> None:
        attributes = element.get("attributes", {})
        if element["type"] == "component":
            variant = chosen.get(element["name"])
            if variant is None:
                return
            out.append(f'<g transform="{value(attributes.get("transform", ""))}">')
            for child in style["components"][element["name"]]["variants"][variant]["elements"]:
                write(child)
            out.append("</g>")
            return
        attrs = "".join(f' {name}="{value(v)}"' for name, v in attributes.items())
        children = element.get("children", [])
        if not children:
            out.append(f"<{element['name']}{attrs}/>")
            return
        out.append(f"<{element['name']}{attrs}>")
        for child in children:
            write(child)
        out.append(f"</{element['name']}>")

    for element in canvas["elements"]:
        write(element)
    out.append("</svg>")
    return "".join(out)


class FaceCache:
    """Rasterised faces by (appearance, emotion, pixel size), oldest dropped past ``CACHE_LIMIT``."""

    def __init__(self) -> None:
        self.surfaces: dict[tuple[Appearance, str, int], pygame.Surface] = {}

    def get(self, look: Appearance, emotion: str, size: int) -> pygame.Surface:
        key = (look, emotion if emotion in EXPRESSIONS else "calm", size)
        surface = self.surfaces.get(key)
        if surface is None:
            svg = face_svg(look, key[1]).encode("utf-8")
            surface = pygame.image.load_sized_svg(io.BytesIO(svg), (size, size))
            if pygame.display.get_surface() is not None:
                surface = (
                    surface.convert_alpha()
                )  # the display's format: blitting it is several times cheaper
            if len(self.surfaces) >= CACHE_LIMIT:
                self.surfaces.pop(next(iter(self.surfaces)))
            self.surfaces[key] = surface
        return surface


#: One cache for the run: faces outlive a play (retry, the next scenario with the same customer).
FACES = FaceCache()
