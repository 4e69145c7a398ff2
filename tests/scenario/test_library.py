"""The built-in library as a whole: it loads clean and, together, uses every feature of the language."""

from __future__ import annotations

from pathlib import Path

import yaml

from game.scenario.library import BUILTIN_SCENARIOS, load_library, scenario_files
from game.scenario.schema import SCENARIO_SCHEMA


def schema_keys(schema: dict, defs: dict) -> dict[str, set[str]]:
    """Every key the schema allows, per kind of mapping."""
    return {
        "top": set(schema["properties"]),
        "customer": set(schema["properties"]["customer"]["properties"]),
        "voice": set(schema["properties"]["customer"]["properties"]["voice"]["properties"]),
        "look": set(defs["look"]["properties"]),
        "companion": set(defs["companion"]["properties"]),
        "node": set(defs["node"]["properties"]),
        "choice": set(defs["choice"]["properties"]),
        "condition": set(defs["condition"]["properties"]),
        "ending": set(defs["node"]["properties"]["ending"]["properties"]),
        "typed": set(defs["node"]["properties"]["typed"]["properties"]),
    }


def collect(data: dict) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {
        k: set()
        for k in (
            "top",
            "customer",
            "voice",
            "look",
            "companion",
            "node",
            "choice",
            "condition",
            "ending",
            "typed",
        )
    }
    used["top"] |= set(data)
    used["customer"] |= set(data["customer"])
    used["voice"] |= set(data["customer"].get("voice", {}))
    used["look"] |= set(data["customer"].get("look", {}))
    used["companion"] |= set(data["customer"].get("companion", {}))
    for node in data["nodes"].values():
        used["node"] |= set(node)
        used["ending"] |= set(node.get("ending", {}))
        used["typed"] |= set(node.get("typed", {}))
        arms = (
            [a for a in node.get("next", []) if isinstance(a, dict)]
            if isinstance(node.get("next"), list)
            else []
        )
        for choice in node.get("choices", []):
            used["choice"] |= set(choice)
            if "if" in choice:
                used["condition"] |= set(choice["if"])
            if isinstance(choice["next"], list):
                arms += choice["next"]
        for arm in arms:
            used["condition"] |= set(arm.get("if", {}))
    return used


def test_the_library_loads_without_errors_or_warnings_worth_failing():
    library = load_library()
    assert library.errors == []
    assert len(library.scenarios) >= 18
    categories = [s.category for s in library.scenarios]
    assert categories.count("face_to_face") >= 5 and categories.count("phone") >= 5
    assert categories.count("difficult_customer") >= 8


# one feature, two spellings: a single name or a list of names
ALIASES = {
    "flag": "flags",
    "not_flag": "not_flags",
    "step_done": "steps_done",
    "step_not_done": "steps_not_done",
}


def test_together_the_scenarios_use_every_key_of_the_language():
    allowed = schema_keys(SCENARIO_SCHEMA, SCENARIO_SCHEMA["$defs"])
    allowed["condition"] = {ALIASES.get(k, k) for k in allowed["condition"]}
    used: dict[str, set[str]] = {k: set() for k in allowed}
    for file in scenario_files([str(BUILTIN_SCENARIOS)]):
        data = yaml.safe_load(Path(file).read_text(encoding="utf-8"))
        for kind, keys in collect(data).items():
            used[kind] |= {ALIASES.get(k, k) for k in keys} if kind == "condition" else keys
    unused = {kind: sorted(allowed[kind] - used[kind]) for kind in allowed if allowed[kind] - used[kind]}
    # 'rubric' is optional: every built-in scenario uses the default rubric, which is what omitting it means.
    # 'order: fixed' is for a menu the customer reads out; no built-in decision has one, and pinning the
    # order where it is not the point would give the answer away by position.
    assert unused == {"top": ["rubric"], "node": ["order"]}


def test_rubric_and_session_folders_are_not_scenarios():
    files = scenario_files([str(BUILTIN_SCENARIOS)])
    assert not [f for f in files if "/rubrics/" in f or "/sessions/" in f]


def test_a_rubric_that_is_not_an_id_is_never_opened_as_a_path(tmp_path):
    seed = (BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "mine"
    (folder / "rubrics").mkdir(parents=True)
    (folder / "call.yaml").write_text(
        seed.replace("id: phone-late-delivery", "id: mine\nrubric: ../evil"), "utf-8"
    )
    # what "rubrics/../evil.yaml" would resolve to: opening it would report its own problems
    (folder / "evil.yaml").write_text("not: [a rubric\n", encoding="utf-8")
    library = load_library([str(folder / "call.yaml")])
    assert not any("evil.yaml" in d.pos.path for d in library.diagnostics)
    assert [d.code for d in library.errors] == ["E106"]


def test_every_customer_has_an_age_a_gender_and_a_look_of_their_own():
    """19 customers, 19 different people: the 30s mother with her child is not the elderly visitor."""
    from game.scenario.appearance import appearance

    library = load_library()
    seen: dict[object, str] = {}
    for scenario in library.scenarios:
        customer = scenario.customer
        assert customer.age is not None, f"{scenario.path}: give the customer an age"
        raw = yaml.safe_load(Path(scenario.path).read_text(encoding="utf-8"))["customer"]
        assert "gender" in raw and "look" in raw, f"{scenario.path}: give the customer a gender and a look"
        look = appearance(customer.look, customer.age, customer.gender, customer.name)
        assert look not in seen, f"{scenario.id} looks exactly like {seen.get(look)}"
        seen[look] = scenario.id
    mother = library.get("difficult-with-children-bankbook").customer
    elder = library.get("f2f-wrong-floor-elder").customer
    assert mother.companion is not None and mother.companion.age is not None and mother.companion.age < 10
    assert appearance(mother.look, mother.age, mother.gender, mother.name).hair_color == "#2c1b18"  # black
    assert appearance(elder.look, elder.age, elder.gender, elder.name).hair_color == "#e8e1e1"  # white at 78
