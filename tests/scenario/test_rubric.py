"""A rubric file's own checks: a breach has one price, and required principles must exist."""

from __future__ import annotations

import textwrap

import pytest

from game.scenario.diagnostics import ScenarioError
from game.scenario.rubric import load_rubric
from tests.engine.stories import TINY_RUBRIC


def rubric_errors(tmp_path, text: str) -> list[str]:
    path = tmp_path / "r.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_rubric(str(path))
    return [str(d) for d in caught.value.diagnostics]


def test_a_wording_rule_cannot_set_its_own_price_for_a_breach(tmp_path):
    text = TINY_RUBRIC.replace(
        "    breaks: true\n    feedback: 거절", "    effects: {attitude: -1}\n    feedback: 거절"
    )
    errors = rubric_errors(tmp_path, text)
    assert any("E104" in e and "'refusal' takes points away" in e and "breaks: true" in e for e in errors)


def test_a_breaking_rule_has_no_effects_of_its_own(tmp_path):
    text = TINY_RUBRIC.replace("    breaks: true\n", "    breaks: true\n    effects: {attitude: -2}\n")
    errors = rubric_errors(tmp_path, text)
    assert any("'refusal' breaks its principle and also gives effects" in e for e in errors)


def test_required_principles_must_be_defined(tmp_path):
    text = TINY_RUBRIC.replace(
        "required: {complaint: [apologise_first]}", "required: {complaint: [apologize]}"
    )
    errors = rubric_errors(tmp_path, text)
    assert any("E205" in e and "'apologize'" in e for e in errors)


def test_required_principles_are_per_kind_of_scenario(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(textwrap.dedent(TINY_RUBRIC), encoding="utf-8")
    rubric = load_rubric(str(path))
    assert rubric.required_for(("phone", "complaint")) == ("apologise_first",)
    assert rubric.required_for(("phone",)) == ()
