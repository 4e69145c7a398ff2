"""How a person's look is decided: what the trainer wrote wins, the rest follows age, gender and name."""

from game.scenario.appearance import (
    CLOTHING,
    HAIR,
    HAIR_COLORS,
    age_band,
    appearance,
    colour_conflict,
)
from game.scenario.model import Look


def test_what_the_trainer_wrote_is_what_is_drawn():
    look = Look(
        hair="bun", hair_color="brown", skin="tan", glasses="round", facial_hair="none", clothing="pink"
    )
    found = appearance(look, 34, "female", "정미영")
    assert found.head == HAIR["bun"][0] == "grayBun"
    assert found.hair_color == HAIR_COLORS["brown"]
    assert found.clothing == CLOTHING["pink"]
    assert found.glasses == "glasses5" and found.facial_hair is None


def test_hair_turns_grey_at_55_and_white_at_70_unless_the_trainer_says_otherwise():
    style = Look(hair="side_part")
    assert appearance(style, 54, "male", "a").hair_color == HAIR_COLORS["black"]
    assert appearance(style, 55, "male", "a").hair_color == HAIR_COLORS["grey"]
    assert appearance(style, 70, "male", "a").hair_color == HAIR_COLORS["white"]
    assert (
        appearance(Look(hair="side_part", hair_color="black"), 80, "male", "a").hair_color
        == HAIR_COLORS["black"]
    )


def test_an_older_person_with_no_style_gets_one_that_can_be_grey():
    for name in ("박순자", "한정순", "김영자", "이말순"):
        found = appearance(Look(), 76, "female", name)
        colourable = {head for head, ok in HAIR.values() if ok}
        assert found.head in colourable and found.hair_color == HAIR_COLORS["white"]


def test_a_child_is_marked_and_gets_a_child_s_style():
    assert age_band(6) == "child" and age_band(30) == "young" and age_band(45) == "middle"
    assert age_band(60) == "senior"
    found = appearance(Look(), 6, "male", "도윤")
    assert found.child and found.head in {HAIR[h][0] for h in ("short_curly", "crew", "short")}


def test_names_vary_what_is_left_out_and_the_same_name_always_looks_the_same():
    looks = {
        appearance(Look(), 35, "female", name) for name in ("가", "나", "다", "라", "마", "바", "사", "아")
    }
    assert len(looks) >= 4
    assert appearance(Look(), 35, "female", "가") == appearance(Look(), 35, "female", "가")


def test_a_colour_on_a_style_drawn_in_ink_is_a_conflict_with_a_way_out():
    problem = colour_conflict(Look(hair="long", hair_color="grey"))
    assert problem is not None and "hair 'long' is always drawn black" in problem and "medium_soft" in problem
    assert colour_conflict(Look(hair="long", hair_color="black")) is None
    assert colour_conflict(Look(hair="bun", hair_color="grey")) is None
    assert colour_conflict(Look(hair_color="grey")) is None
