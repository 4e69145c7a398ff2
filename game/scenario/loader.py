"""From a trainer's YAML file to a ``Scenario``, or to every problem in it with its place.

Order of work: safe read (limits) → JSON Schema (shape) → model → names checked against the rubric →
graph checks (start, dangling next, dead ends, unreachable nodes, cycles with no way out). Each stage
reports everything it finds so a trainer fixes a file in one round, not one error per run.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from game.language.findings import KINDS
from game.scenario.appearance import colour_conflict
from game.scenario.diagnostics import Diagnostic
from game.scenario.directions import quoted_in_directions
from game.scenario.graph import graph_diagnostics
from game.scenario.model import (
    TYPED_HARM,
    Branch,
    Choice,
    Companion,
    Condition,
    Customer,
    Ending,
    Look,
    Node,
    Scenario,
    SecondSpeaker,
    TypedReply,
    Voice,
)
from game.scenario.rubric import Rubric
from game.scenario.schema import SCENARIO_SCHEMA
from game.scenario.source import Located
from game.scenario.validation import validate


def _condition(raw: dict[str, Any] | None, located: Located, path: tuple) -> Condition | None:
    if raw is None:
        return None

    def names(one: str, many: str) -> tuple[str, ...]:
        return tuple(([raw[one]] if one in raw else []) + list(raw.get(many, [])))

    return Condition(
        mood_at_least=raw.get("mood_at_least"),
        mood_below=raw.get("mood_below"),
        flags=names("flag", "flags"),
        not_flags=names("not_flag", "not_flags"),
        steps_done=names("step_done", "steps_done"),
        steps_not_done=names("step_not_done", "steps_not_done"),
        score_at_least=MappingProxyType({k: float(v) for k, v in raw.get("score_at_least", {}).items()}),
        pos=located.pos(path),
    )


def _branches(raw: Any, located: Located, path: tuple) -> tuple[Branch, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (Branch(raw, None, located.pos(path)),)
    return tuple(
        Branch(
            arm["goto"], _condition(arm.get("if"), located, (*path, i, "if")), located.pos((*path, i, "goto"))
        )
        for i, arm in enumerate(raw)
    )


def _choice(
    raw: dict[str, Any], index: int, scenario_id: str, node_id: str, located: Located, path: tuple
) -> Choice:
    choice_id = raw.get("id", f"c{index + 1}")
    return Choice(
        id=choice_id,
        say=raw["say"],
        next=_branches(raw["next"], located, (*path, "next")),
        effects=MappingProxyType({k: float(v) for k, v in raw.get("effects", {}).items()}),
        mood=int(raw.get("mood", 0)),
        follows=tuple(raw.get("follows", [])),
        breaks=tuple(raw.get("breaks", [])),
        steps=tuple(raw.get("steps", [])),
        feedback=raw.get("feedback", ""),
        reaction=raw.get("reaction", ""),
        reaction_emotion=raw.get("reaction_emotion"),
        sets=tuple(raw.get("set", [])),
        clears=tuple(raw.get("clear", [])),
        when=_condition(raw.get("if"), located, (*path, "if")),
        line_id=f"{scenario_id}/{node_id}/{choice_id}",
        pos=located.pos(path),
    )


def _typed(raw: dict[str, Any], scenario_id: str, node_id: str, located: Located, path: tuple) -> TypedReply:
    routed = isinstance(raw["next"], dict)
    return TypedReply(
        prompt=raw["prompt"],
        examples=tuple(raw.get("examples", [])),
        next=() if routed else _branches(raw["next"], located, (*path, "next")),
        must=tuple(raw.get("must", [])),
        must_not=tuple(raw.get("must_not", [])),
        routes=MappingProxyType(
            {k: _branches(v, located, (*path, "next", k)) for k, v in raw["next"].items()} if routed else {}
        ),
        fallback_choices=tuple(
            _choice(c, i, scenario_id, node_id, located, (*path, "fallback_choices", i))
            for i, c in enumerate(raw.get("fallback_choices", []))
        ),
        pos=located.pos(path),
    )


def _node(node_id: str, raw: dict[str, Any], scenario_id: str, located: Located) -> Node:
    path = ("nodes", node_id)
    typed = raw.get("typed")
    ending = raw.get("ending")
    second = raw.get("second_speaker")
    return Node(
        id=node_id,
        customer=raw.get("customer", ""),
        second_speaker=SecondSpeaker(
            second["name"], Voice(**second.get("voice", {})), located.pos((*path, "second_speaker"), key=True)
        )
        if second
        else None,
        narration=raw.get("narration", ""),
        emotion=raw.get("emotion"),
        companion_emotion=(raw.get("companion") or {}).get("emotion"),
        customer_gone=bool(raw.get("customer_gone", False)),
        event=raw.get("event"),
        time_limit=float(raw["time_limit"]) if "time_limit" in raw else None,
        fixed_order=raw.get("order") == "fixed",
        choices=tuple(
            _choice(c, i, scenario_id, node_id, located, (*path, "choices", i))
            for i, c in enumerate(raw.get("choices", []))
        ),
        typed=_typed(typed, scenario_id, node_id, located, (*path, "typed")) if typed else None,
        next=_branches(raw.get("next"), located, (*path, "next")),
        ending=Ending(
            ending["outcome"],
            bool(ending.get("resolved", False)),
            ending.get("summary", ""),
            bool(ending.get("fails", False)),
            bool(ending.get("acceptable", False)),
        )
        if ending
        else None,
        pos=located.pos(path, key=True),
    )


def _companion(raw: dict[str, Any] | None) -> Companion | None:
    if raw is None:
        return None
    return Companion(
        name=raw["name"],
        age=raw.get("age"),
        gender=raw.get("gender", "female"),
        look=Look(**raw.get("look", {})),
    )


def build_scenario(located: Located, rubric: Rubric | None) -> tuple[Scenario | None, list[Diagnostic]]:
    """Validate and build; ``rubric`` None means its names cannot be checked (reported by the caller)."""
    problems = validate(located, SCENARIO_SCHEMA)
    if problems:
        return None, problems
    raw = located.data
    customer = raw["customer"]
    voice = Voice(**customer.get("voice", {}))
    scenario = Scenario(
        id=raw["id"],
        title=raw["title"],
        title_en=raw.get("title_en", ""),
        description=raw.get("description", ""),
        category=raw["category"],
        difficulty=int(raw.get("difficulty", 1)),
        goals=tuple(raw.get("goals", [])),
        pass_mark=float(raw["pass_mark"]) if "pass_mark" in raw else None,
        rubric=raw.get("rubric", "default"),
        customer=Customer(
            name=customer["name"],
            type=customer.get("type", "ordinary"),
            voice=voice,
            mood=int(customer.get("mood", 0)),
            description=customer.get("description", ""),
            age=customer.get("age"),
            gender=customer.get("gender", voice.gender),
            look=Look(**customer.get("look", {})),
            companion=_companion(customer.get("companion")),
        ),
        setting=raw.get("setting", ""),
        start=raw["start"],
        nodes=MappingProxyType({nid: _node(nid, n, raw["id"], located) for nid, n in raw["nodes"].items()}),
        path=located.path,
        pos=located.pos(()),
    )
    problems.extend(_structure(scenario, located))
    if rubric is not None:
        problems.extend(_names(scenario, rubric, located))
    if not problems:
        problems.extend(graph_diagnostics(scenario, located))
    return (None if any(p.is_error for p in problems) else scenario), problems


def _structure(scenario: Scenario, located: Located) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    node_ids = list(scenario.nodes)
    if scenario.start not in scenario.nodes:
        close = difflib.get_close_matches(scenario.start, node_ids, n=1)
        out.append(
            Diagnostic(
                "E201",
                f"start node '{scenario.start}' does not exist",
                f"did you mean '{close[0]}'?" if close else "set start: to one of the node ids under nodes:",
                located.pos(("start",)),
            )
        )
    out.extend(_looks(scenario, located))
    for node in scenario.nodes.values():
        base = ("nodes", node.id)
        kinds = [
            k for k, v in (("choices", node.choices), ("typed", node.typed), ("ending", node.ending)) if v
        ]
        if len(kinds) > 1 or (node.next and kinds):
            both = " and ".join([*kinds, "next"] if node.next else kinds)
            out.append(
                Diagnostic(
                    "E208",
                    f"node '{node.id}' has both {both}",
                    "a node either offers choices, asks for a typed reply, moves on with next, or ends",
                    node.pos or located.pos(base),
                )
            )
        if node.second_speaker is not None:
            lines = [node.customer, *(c.reaction for c in node.choices)]
            if not any(quoted_in_directions(text) for text in lines):
                out.append(
                    Diagnostic(
                        "E220",
                        f"second_speaker '{node.second_speaker.name}' says nothing in node '{node.id}'",
                        "put their words in double quotes inside a direction of the customer line or a "
                        'reaction, e.g. (아이가 웃으며 "고맙습니다!"), or remove second_speaker',
                        node.second_speaker.pos or located.pos(base),
                    )
                )
        seen: dict[str, int] = {}
        for index, choice in enumerate(node.choices):
            if choice.id in seen:
                out.append(
                    Diagnostic(
                        "E203",
                        f"choice id '{choice.id}' is used twice in node '{node.id}'",
                        "give each choice its own id",
                        located.pos((*base, "choices", index, "id")),
                    )
                )
            seen[choice.id] = index
        if node.choices and all(c.when is not None for c in node.choices):
            out.append(
                Diagnostic(
                    "E210",
                    f"every choice in node '{node.id}' has an 'if'",
                    "leave at least one choice without 'if' so the trainee is never stuck",
                    located.pos((*base, "choices")),
                )
            )
        for branches, path in _all_nexts(node, base):
            for branch in branches:
                if branch.target not in scenario.nodes:
                    close = difflib.get_close_matches(branch.target, node_ids, n=1)
                    out.append(
                        Diagnostic(
                            "E202",
                            f"next goes to '{branch.target}', which is not a node",
                            f"did you mean '{close[0]}'?" if close else "add that node or fix the id",
                            branch.pos or located.pos(path),
                        )
                    )
            if branches and branches[-1].when is not None:
                out.append(
                    Diagnostic(
                        "E209",
                        "the last arm of a conditional next has an 'if'",
                        "end the list with a plain '- goto: node' for when no condition holds",
                        branches[-1].pos or located.pos(path),
                    )
                )
    return out


def _looks(scenario: Scenario, located: Located) -> list[Diagnostic]:
    """A look that cannot be drawn, and a node's companion where the customer has none."""
    out: list[Diagnostic] = []
    customer = scenario.customer
    people = [(customer.look, ("customer", "look"))]
    if customer.companion is not None:
        people.append((customer.companion.look, ("customer", "companion", "look")))
    for look, path in people:
        problem = colour_conflict(look)
        if problem:
            out.append(
                Diagnostic("E211", problem, "or leave hair_color out", located.pos((*path, "hair_color")))
            )
    if customer.companion is None:
        for node in scenario.nodes.values():
            if node.companion_emotion is not None:
                out.append(
                    Diagnostic(
                        "E212",
                        f"node '{node.id}' sets the companion's emotion, but the customer has no companion",
                        "add 'companion: {name: …, age: …}' under customer:, or remove it from the node",
                        located.pos(("nodes", node.id, "companion"), key=True),
                    )
                )
    return out


def _all_nexts(node: Node, base: tuple) -> list[tuple[tuple[Branch, ...], tuple]]:
    found = [(c.next, (*base, "choices", i, "next")) for i, c in enumerate(node.choices)]
    if node.typed:
        for label, branches in node.typed.all_branches():
            if label == "next":
                found.append((branches, (*base, "typed", "next")))
            elif label.startswith("fallback:"):
                index = [c.id for c in node.typed.fallback_choices].index(label.split(":", 1)[1])
                found.append((branches, (*base, "typed", "fallback_choices", index, "next")))
            else:
                found.append((branches, (*base, "typed", "next", label)))
    if node.next:
        found.append((node.next, (*base, "next")))
    return found


def _typed_names(node: Node, rubric: Rubric, located: Located, path: tuple) -> list[Diagnostic]:
    """Every ``must`` item is something the analyser or the rubric recognises; likewise ``must_not``."""
    typed = node.typed
    assert typed is not None
    out: list[Diagnostic] = []
    kinds = set(KINDS)
    steps = set(rubric.steps)
    rules = {r.id for r in rubric.wording}
    can_must = kinds | steps
    can_forbid = kinds | rules | {TYPED_HARM}
    for key, names, known in (("must", typed.must, can_must), ("must_not", typed.must_not, can_forbid)):
        for i, name in enumerate(names):
            if name in known:
                continue
            close = difflib.get_close_matches(name, sorted(known), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "see docs/authoring.md (typed replies) for the names"
            )
            out.append(
                Diagnostic(
                    "E215",
                    f"typed reply: '{name}' is not something the analyser can judge",
                    hint,
                    located.pos((*path, key, i)),
                )
            )
    if typed.routes and not typed.must and not typed.must_not:
        out.append(
            Diagnostic(
                "E215",
                f"typed reply at '{node.id}' routes by outcome but says nothing about a good reply",
                "add must: [apologise, report_back, …] and/or must_not: [harm, banmal]",
                located.pos((*path, "next")),
            )
        )
    return out


def _assessable(scenario: Scenario, rubric: Rubric) -> set[str]:
    """Dimensions some line of this scenario could move: anything else is never assessed, so a running
    score on it reads as 0 and a ``score_at_least`` on it never holds. An over-estimate (every option,
    every principle and wording rule it could trigger, the complaint procedure, timing), so a
    dimension missing from it really cannot be assessed."""
    parts: list[Mapping[str, float]] = []
    for node in scenario.nodes.values():
        for say, choice in node.option_lines():
            if choice is not None:
                parts.append(choice.effects)
                parts.extend(rubric.principles[p].follow for p in choice.follows if p in rubric.principles)
                parts.extend(rubric.principles[p].breach for p in choice.breaks if p in rubric.principles)
            for rule in rubric.wording_hits(say):
                parts.append(rubric.principles[rule.principle].breach if rule.breaks else rule.effects)
        if node.time_limit and rubric.timing:
            parts.append({rubric.timing.dimension: rubric.timing.very_late})
    if scenario.uses_complaint_steps and rubric.complaint:
        c = rubric.complaint
        parts.extend((c.in_order, c.out_of_order, c.apology_first, c.step_before_apology))
    return {dim for part in parts for dim, value in part.items() if value}


def _names(scenario: Scenario, rubric: Rubric, located: Located) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    dims = set(rubric.effect_dimensions)
    all_dims = set(rubric.dimensions)
    steps = set(rubric.steps)

    def check(name: str, known: set[str], code: str, what: str, path: tuple, *, key: bool = False) -> None:
        if name in known:
            return
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else f"known in rubric '{rubric.id}': {', '.join(sorted(known)) or 'none'}"
        )
        out.append(Diagnostic(code, f"unknown {what} '{name}'", hint, located.pos(path, key=key)))

    flags_set = {flag for node in scenario.nodes.values() for c in node.choices for flag in c.sets}
    movable = _assessable(scenario, rubric)

    def check_condition(cond: Condition | None, path: tuple) -> None:
        if cond is None:
            return
        for step in (*cond.steps_done, *cond.steps_not_done):
            check(step, steps, "E206", "complaint step", path)
        for flag in (*cond.flags, *cond.not_flags):
            if flag not in flags_set:
                close = difflib.get_close_matches(flag, sorted(flags_set), n=1)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else f"add set: [{flag}] to the choice that should make it true"
                )
                out.append(
                    Diagnostic(
                        "E213",
                        f"the condition reads flag '{flag}', which no option sets",
                        hint,
                        located.pos(path),
                    )
                )
        for dim in cond.score_at_least:
            where = (*path, "score_at_least", dim)
            check(dim, all_dims, "E204", "dimension", where, key=True)
            if dim in all_dims and dim not in movable:
                why = (
                    "Habit is measured over the whole attempt, not as a running score"
                    if rubric.habit and dim == rubric.habit.dimension
                    else f"no option in this scenario earns or loses '{dim}' points"
                )
                out.append(
                    Diagnostic(
                        "E214",
                        f"score_at_least on '{dim}', which cannot be assessed here: {why}",
                        "use a dimension the options move (see eungdae analyze), or a flag or mood",
                        located.pos(where, key=True),
                    )
                )

    for node in scenario.nodes.values():
        base = ("nodes", node.id)
        if node.typed:
            out.extend(_typed_names(node, rubric, located, (*base, "typed")))
        fallback = node.typed.fallback_choices if node.typed else ()
        listed = [((*base, "choices", i), c) for i, c in enumerate(node.choices)]
        listed += [((*base, "typed", "fallback_choices", i), c) for i, c in enumerate(fallback)]
        for here, choice in listed:
            for dim in choice.effects:
                check(dim, dims, "E204", "dimension", (*here, "effects", dim), key=True)
            for key, names in (("follows", choice.follows), ("breaks", choice.breaks)):
                for i, name in enumerate(names):
                    check(name, set(rubric.principles), "E205", "principle", (*here, key, i))
            for i, step in enumerate(choice.steps):
                check(step, steps, "E206", "complaint step", (*here, "steps", i))
            check_condition(choice.when, (*here, "if"))
        for branches, path in _all_nexts(node, base):
            for i, branch in enumerate(branches):
                check_condition(branch.when, (*path, i, "if"))
    return out
