"""What a person on stage looks like: the names a trainer writes under ``look:`` and how the rest is chosen.

The names are the trainer's vocabulary (``hair: bun``, ``hair_color: grey``, ``glasses: round``); each maps
to a part of the Open Peeps drawing set (CC0, ``assets/faces/``) that ``game.ui.faces`` composes. What a
trainer leaves out is chosen from the person's age and gender, and varied by their name, so two
customers of the library never look alike by accident and an older customer gets grey hair without
asking. No pygame here: the loader validates against these names and the schema lists them.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from game.scenario.model import Look

#: Hair styles: the Open Peeps head, and whether its hair takes ``hair_color`` (the others are drawn
#: in the outline ink, i.e. black).
HAIR: dict[str, tuple[str, bool]] = {
    "short": ("short1", False),
    "short_tidy": ("short2", False),
    "short_curly": ("short3", False),
    "short_wavy": ("short4", True),
    "crew": ("short5", False),
    "pomp": ("pomp", False),
    "flat_top": ("flatTop", False),
    "side_part": ("grayShort", True),
    "bald": ("noHair1", False),
    "balding": ("noHair3", True),
    "bob": ("medium1", False),
    "bob_bangs": ("bangs2", False),
    "bangs": ("bangs", True),
    "medium": ("medium3", False),
    "medium_soft": ("grayMedium", True),
    "medium_curly": ("mediumBangs2", True),
    "long": ("long", False),
    "long_straight": ("mediumStraight", False),
    "long_bangs": ("longBangs", False),
    "bun": ("grayBun", True),
    "bun_scarf": ("bun", False),
    "pigtails": ("buns", False),
    "hijab": ("hijab", False),
}
HAIR_COLORS: dict[str, str] = {
    "black": "#2c1b18",
    "brown": "#724133",
    "auburn": "#a55728",
    "blonde": "#d6b370",
    "grey": "#b9b3ae",
    "white": "#e8e1e1",
}
SKINS: dict[str, str] = {
    "light": "#ffdbb4",
    "medium": "#edb98a",
    "tan": "#d08b5b",
    "brown": "#ae5d29",
    "dark": "#694d3d",
}
#: Open Peeps accessories (None: no glasses).
GLASSES: dict[str, str | None] = {
    "none": None,
    "thin": "glasses",
    "round": "glasses5",
    "square": "glasses3",
    "wide": "glasses4",
    "sunglasses": "sunglasses",
}
FACIAL_HAIR: dict[str, str | None] = {
    "none": None,
    "moustache": "moustache9",
    "thin_moustache": "moustache1",
    "goatee": "goatee1",
    "beard": "full4",
    "chin_beard": "chin",
}
CLOTHING: dict[str, str] = {
    "blue": "#8fa7df",
    "green": "#78e185",
    "yellow": "#ffcf77",
    "pink": "#e279c7",
    "red": "#e78276",
    "teal": "#9ddadb",
    "lemon": "#fdea6b",
    "navy": "#5b6b9a",
    "grey": "#b4b8bf",
    "white": "#f4f4f2",
    "brown": "#b48a6a",
}
GENDERS = ("female", "male")
#: Where the scenario takes place: the stage drawn behind the customer.
SETTINGS = ("bank", "hotel", "shop", "office", "phone_desk")
#: Age from which grey, then white, hair is chosen when the trainer gives no colour.
GREY_FROM, WHITE_FROM = 55, 70
CHILD_UNTIL = 12

#: Styles chosen when the trainer gives none, by gender and age band, varied by the person's name.
_DEFAULT_HAIR: dict[tuple[str, str], tuple[str, ...]] = {
    ("female", "child"): ("pigtails", "bob_bangs", "bob"),
    ("female", "young"): ("long", "long_straight", "bob", "long_bangs", "medium"),
    ("female", "middle"): ("medium", "bob", "bun_scarf", "medium_curly", "bangs"),
    ("female", "senior"): ("medium_soft", "bun", "medium_curly"),
    ("male", "child"): ("short_curly", "crew", "short"),
    ("male", "young"): ("short", "pomp", "short_tidy", "crew"),
    ("male", "middle"): ("short_tidy", "side_part", "short", "short_wavy", "flat_top"),
    ("male", "senior"): ("side_part", "balding", "short_wavy"),
}
_DEFAULT_CLOTHING = ("blue", "green", "yellow", "teal", "red", "navy", "pink", "grey")
_DEFAULT_SKIN = ("light", "light", "medium")  # the library's customers are Korean


@dataclass(frozen=True)
class Appearance:
    """A look with every part decided: Open Peeps names and colours, ready to draw."""

    head: str
    hair_color: str
    skin: str
    clothing: str
    glasses: str | None
    facial_hair: str | None
    child: bool = False


def age_band(age: int | None) -> str:
    if age is None:
        return "young"
    if age <= CHILD_UNTIL:
        return "child"
    if age < 40:
        return "young"
    return "middle" if age < GREY_FROM else "senior"


def _pick(options: tuple[str, ...], seed: str, salt: str) -> str:
    return options[zlib.crc32(f"{salt}:{seed}".encode()) % len(options)]


def default_hair_color(age: int | None) -> str:
    if age is not None and age >= WHITE_FROM:
        return "white"
    if age is not None and age >= GREY_FROM:
        return "grey"
    return "black"


def appearance(look: Look, age: int | None, gender: str, seed: str) -> Appearance:
    """Decide every part of a look: what the trainer wrote, the rest from age, gender and ``seed``.

    Given hair without a colour takes the age's colour when the style can be coloured (grey at 55,
    white at 70); a style drawn in ink stays black (the loader tells a trainer who asks otherwise).
    """
    gender = gender if gender in GENDERS else "female"
    band = age_band(age)
    hair = look.hair or _pick(_DEFAULT_HAIR[(gender, band)], seed, "hair")
    head, colourable = HAIR[hair]
    color = look.hair_color or default_hair_color(age)
    if not look.hair and not colourable and color in ("grey", "white"):
        head = HAIR["side_part" if gender == "male" else "medium_soft"][0]  # grey needs a colourable style
    glasses = look.glasses or (
        "thin" if band == "senior" and _pick(("a", "b"), seed, "glasses") == "a" else "none"
    )
    facial = look.facial_hair or "none"
    return Appearance(
        head=head,
        hair_color=HAIR_COLORS[color],
        skin=SKINS[look.skin or _pick(_DEFAULT_SKIN, seed, "skin")],
        clothing=_color(look.clothing)
        if look.clothing
        else CLOTHING[_pick(_DEFAULT_CLOTHING, seed, "clothing")],
        glasses=GLASSES[glasses],
        facial_hair=FACIAL_HAIR[facial],
        child=band == "child",
    )


def _color(name: str) -> str:
    return CLOTHING.get(name, name)  # a name, or the '#rrggbb' the schema let through


def colour_conflict(look: Look) -> str | None:
    """Why ``look`` asks for something that cannot be drawn (a colour on an ink-drawn style), or None."""
    if look.hair and look.hair_color and look.hair_color != "black" and not HAIR[look.hair][1]:
        coloured = ", ".join(name for name, (_head, ok) in HAIR.items() if ok)
        return f"hair '{look.hair}' is always drawn black; for {look.hair_color} hair use one of: {coloured}"
    return None
