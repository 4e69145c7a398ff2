"""Our JSON Schema subset validator agrees with the reference implementation (jsonschema, a dev
dependency) on the schemas we ship, over many mutated documents."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game.progress.schema import SCHEMAS as SAVE_SCHEMAS
from game.scenario.library import BUILTIN_SCENARIOS
from game.scenario.rubric import RUBRIC_SCHEMA
from game.scenario.schema import SCENARIO_SCHEMA
from game.scenario.schema_check import Checker

jsonschema = pytest.importorskip("jsonschema")

SCENARIO = yaml.safe_load(
    (BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml").read_text(encoding="utf-8")
)
RUBRIC = yaml.safe_load((BUILTIN_SCENARIOS / "rubrics" / "default.yaml").read_text(encoding="utf-8"))
ODD_VALUES = [
    None,
    True,
    0,
    -7,
    3.5,
    1e9,
    "",
    "x",
    "Bad Id",
    "ring",
    [],
    ["a", "a"],
    {},
    {"goto": "ring"},
    {"if": {}},
]


def paths(node, here=()):
    yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*here, index))


@st.composite
def mutated(draw, base):
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        places = list(paths(doc))
        where = draw(st.sampled_from(places))
        parent = doc
        for step in where[:-1]:
            parent = parent[step]
        if not where:
            continue
        op = draw(st.sampled_from(["replace", "delete", "add"]))
        key = where[-1]
        if op == "replace":
            parent[key] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        elif op == "delete":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "feedbak", "next", "say", "mood"]))] = copy.deepcopy(
                draw(st.sampled_from(ODD_VALUES))
            )
        else:
            parent.append(copy.deepcopy(draw(st.sampled_from(ODD_VALUES))))
    return doc


def agree(schema, doc):
    ours = not Checker(schema).errors(doc)
    reference = jsonschema.Draft202012Validator(schema).is_valid(doc)
    assert ours == reference, (ours, reference)


def test_the_shipped_documents_are_valid_for_both():
    agree(SCENARIO_SCHEMA, SCENARIO)
    agree(RUBRIC_SCHEMA, RUBRIC)


@settings(max_examples=400, deadline=None)
@given(doc=mutated(SCENARIO))
def test_agrees_on_mutated_scenarios(doc):
    agree(SCENARIO_SCHEMA, doc)


@settings(max_examples=200, deadline=None)
@given(doc=mutated(RUBRIC))
def test_agrees_on_mutated_rubrics(doc):
    agree(RUBRIC_SCHEMA, doc)


@settings(max_examples=200, deadline=None)
@given(doc=mutated({"version": 2, "kind": "settings", "settings": {"lang": "ko"}}))
def test_agrees_on_mutated_save_files(doc):
    agree(SAVE_SCHEMAS["settings"], doc)


def test_an_unsupported_keyword_is_refused_not_ignored():
    with pytest.raises(ValueError, match="not supported"):
        Checker({"type": "object", "dependentRequired": {"a": ["b"]}})
