"""The JSON Schema of a scenario file: one definition that both editors and the loader use.

Editors (VS Code's YAML extension and others) read the committed copy in scenarios/ to complete keys
and flag mistakes as the trainer types; the loader validates with the same schema, so the two can never
disagree. Rubric-dependent names (dimensions, principles, steps) are checked after the schema, against
the rubric the scenario names.
"""

from __future__ import annotations

import json
from typing import Any

from game.scenario.appearance import (
    CLOTHING,
    FACIAL_HAIR,
    GENDERS,
    GLASSES,
    HAIR,
    HAIR_COLORS,
    SETTINGS,
    SKINS,
)
from game.scenario.model import (
    CATEGORIES,
    CUSTOMER_TYPES,
    EMOTIONS,
    EVENTS,
    MOOD_MAX,
    MOOD_MIN,
    OUTCOMES,
    TYPED_OUTCOMES,
)

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"

_text = {"type": "string", "minLength": 1}
_id = {"type": "string", "pattern": ID_PATTERN}
_mood = {"type": "integer", "minimum": MOOD_MIN, "maximum": MOOD_MAX}
_names = {"type": "array", "items": _id, "uniqueItems": True}

CONDITION: dict[str, Any] = {
    "type": "object",
    "description": "All listed tests must hold.",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "mood_at_least": {**_mood, "description": "The customer's mood is at least this (-5..5)."},
        "mood_below": {**_mood, "description": "The customer's mood is below this."},
        "flag": {**_id, "description": "A flag set earlier with 'set'."},
        "flags": {**_names, "description": "All these flags are set."},
        "not_flag": {**_id, "description": "This flag is not set."},
        "not_flags": {**_names, "description": "None of these flags is set."},
        "step_done": {**_id, "description": "This complaint step was taken earlier (e.g. apologise)."},
        "steps_done": _names,
        "step_not_done": _id,
        "steps_not_done": _names,
        "score_at_least": {
            "type": "object",
            "description": "Running percentage of a dimension so far, e.g. {attitude: 70}.",
            "additionalProperties": {"type": "number", "minimum": 0, "maximum": 100},
        },
    },
}

NEXT: dict[str, Any] = {
    "description": "A node id, or a list of {if, goto} tried in order, the last without 'if'.",
    "oneOf": [
        _id,
        {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["goto"],
                "properties": {"if": {"$ref": "#/$defs/condition"}, "goto": _id},
            },
        },
    ],
}

EFFECTS: dict[str, Any] = {
    "type": "object",
    "description": "Points on rubric dimensions, e.g. {service: 2, speed: -1}.",
    "propertyNames": {"pattern": ID_PATTERN},
    "additionalProperties": {"type": "number", "minimum": -10, "maximum": 10},
}

LOOK: dict[str, Any] = {
    "type": "object",
    "description": "How the person looks; what is left out is chosen from age, gender and name.",
    "additionalProperties": False,
    "properties": {
        "hair": {"enum": list(HAIR), "description": "Hair style (see docs/authoring.md for pictures)."},
        "hair_color": {
            "enum": list(HAIR_COLORS),
            "description": "Default: black, grey from 55, white from 70.",
        },
        "skin": {"enum": list(SKINS)},
        "glasses": {"enum": list(GLASSES)},
        "facial_hair": {"enum": list(FACIAL_HAIR)},
        "clothing": {
            "description": "A colour name or '#rrggbb'.",
            "oneOf": [{"enum": list(CLOTHING)}, {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}],
        },
    },
}

_age = {"type": "integer", "minimum": 1, "maximum": 110, "description": "Age in years."}
_gender = {"enum": list(GENDERS)}

COMPANION: dict[str, Any] = {
    "type": "object",
    "description": "Someone who came with the customer (a child), drawn beside them face to face.",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {"name": _text, "age": _age, "gender": _gender, "look": {"$ref": "#/$defs/look"}},
}

CHOICE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["say", "next"],
    "properties": {
        "id": {**_id, "description": "Stable id; give one if you may reorder choices."},
        "say": {**_text, "description": "What the trainee says (Korean)."},
        "effects": EFFECTS,
        "mood": {"type": "integer", "minimum": -5, "maximum": 5, "description": "Change of mood."},
        "follows": {**_names, "description": "Rubric principles this line follows."},
        "breaks": {**_names, "description": "Rubric principles this line breaks."},
        "steps": {**_names, "description": "Complaint steps this line takes (apologise, hear_reason…)."},
        "feedback": {**_text, "description": "Why: shown as coaching, citing the principle."},
        "reaction": {**_text, "description": "The customer's immediate reaction (spoken)."},
        "reaction_emotion": {"enum": list(EMOTIONS)},
        "set": {**_names, "description": "Flags to set."},
        "clear": {**_names, "description": "Flags to clear."},
        "if": {"$ref": "#/$defs/condition"},
        "next": {"$ref": "#/$defs/next"},
    },
}

VOICE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "gender": {"enum": ["female", "male"]},
        "speed": {"enum": ["slow", "normal", "fast"]},
        "pitch": {"enum": ["low", "normal", "high"]},
    },
}

NODE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "customer": {
            **_text,
            "description": "The customer's line (spoken and subtitled). Stage directions go in brackets, "
            "(고개를 끄덕이며), and are shown, never spoken.",
        },
        "second_speaker": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "description": "Someone else in the scene (a child, a companion). Words in double quotes inside "
            'a direction of this node\'s lines are theirs: (아이가 "이거 내 돈이에요!") — spoken in this voice.',
            "properties": {"name": _text, "voice": VOICE},
        },
        "narration": {**_text, "description": "The situation, shown in italics."},
        "emotion": {"enum": list(EMOTIONS)},
        "companion": {
            "type": "object",
            "description": "What the customer's companion shows in this node.",
            "additionalProperties": False,
            "properties": {"emotion": {"enum": list(EMOTIONS)}},
        },
        "customer_gone": {
            "type": "boolean",
            "description": "true where the customer has left (walked away, or the call has ended): the "
            "counter is shown empty or the call as ended, with no face and no patience meter.",
        },
        "event": {"enum": list(EVENTS)},
        "time_limit": {"type": "number", "exclusiveMinimum": 0, "maximum": 600},
        "order": {
            "enum": ["shuffled", "fixed"],
            "description": "How the choices are shown: shuffled per attempt (default) or fixed in the order "
            "written, where the order is the point (a menu the customer reads out).",
        },
        "choices": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/choice"}},
        "typed": {
            "type": "object",
            "additionalProperties": False,
            "required": ["prompt", "examples", "next"],
            "description": "The trainee types a reply; the analyser and the rubric judge it (docs/authoring.md).",
            "properties": {
                "prompt": _text,
                "examples": {
                    "type": "array",
                    "minItems": 1,
                    "items": _text,
                    "description": "Good replies; the first is offered in coaching as the better line.",
                },
                "must": {
                    **_names,
                    "description": "What a good reply contains: complaint steps (apologise, solve, report_back…) "
                    "and findings (self_intro, next_step, thanks, cushion…).",
                },
                "must_not": {
                    **_names,
                    "description": "What makes a reply poor: harm (any harmful wording rule), banmal, "
                    "honorific_error, or a finding or rule id (blame, calm_down…).",
                },
                "next": {
                    "description": "A node (any reply), or where each outcome goes: {good, partial, poor}.",
                    "oneOf": [
                        {"$ref": "#/$defs/next"},
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": list(TYPED_OUTCOMES),
                            "properties": {k: {"$ref": "#/$defs/next"} for k in TYPED_OUTCOMES},
                        },
                    ],
                },
                "fallback_choices": {
                    "type": "array",
                    "minItems": 1,
                    "description": "Options offered instead when the Korean analyser cannot load.",
                    "items": {"$ref": "#/$defs/choice"},
                },
            },
        },
        "next": {"$ref": "#/$defs/next"},
        "ending": {
            "type": "object",
            "additionalProperties": False,
            "required": ["outcome"],
            "properties": {
                "outcome": {"enum": list(OUTCOMES)},
                "resolved": {"type": "boolean", "description": "Resolved on first contact."},
                "fails": {
                    "type": "boolean",
                    "description": "Reaching this ending fails the attempt whatever the score ('lost' always does).",
                },
                "acceptable": {
                    "type": "boolean",
                    "description": "An unresolved ending that is still the right outcome (ending an abusive call "
                    "by process, say): it does not fail the attempt. Unresolved endings fail without it.",
                },
                "summary": _text,
            },
        },
    },
}

SCENARIO_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://eungdae.example/scenario.schema.json",
    "title": "eungdae scenario",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "category", "customer", "start", "nodes"],
    "properties": {
        "id": _id,
        "title": _text,
        "title_en": _text,
        "description": _text,
        "category": {"enum": list(CATEGORIES)},
        "difficulty": {"type": "integer", "minimum": 1, "maximum": 3},
        "rubric": _id,
        "pass_mark": {"type": "number", "minimum": 0, "maximum": 100},
        "goals": {"type": "array", "items": _text},
        "setting": {
            "enum": list(SETTINGS),
            "description": "The stage behind the customer (default: phone_desk for calls, else office).",
        },
        "customer": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": _text,
                "type": {"enum": list(CUSTOMER_TYPES)},
                "description": _text,
                "mood": _mood,
                "age": _age,
                "gender": {**_gender, "description": "Default: the voice's gender."},
                "look": {"$ref": "#/$defs/look"},
                "companion": {"$ref": "#/$defs/companion"},
                "voice": VOICE,
            },
        },
        "start": _id,
        "nodes": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/node"},
        },
    },
    "$defs": {
        "condition": CONDITION,
        "next": NEXT,
        "choice": CHOICE,
        "node": NODE,
        "look": LOOK,
        "companion": COMPANION,
    },
}


def schema_json() -> str:
    return json.dumps(SCENARIO_SCHEMA, ensure_ascii=False, indent=2) + "\n"
