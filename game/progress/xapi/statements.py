"""xAPI statements for one recorded attempt, for the company's LRS.

Per attempt, in order: ``initialized`` the scenario; ``answered`` per decision (object: the decision as
a cmi.interaction, result.response = the option id or the typed text, result.success = it was the
best option, result.duration in ISO 8601, the option's points per dimension as extensions);
``completed``; then ``passed`` or ``failed`` with result.score.scaled. All of them share one
``context.registration`` (the attempt's UUID), which is how an LRS groups an attempt.

Statement ids are UUIDs derived from the attempt id and the statement's position, so they are fixed
the moment the statements are built: re-sending after a lost acknowledgement sends byte-identical
statements with the same ids, which a conformant LRS stores once. Extensions live under ``IRI_BASE``,
the one place to change if the company wants its own namespace.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import quote

from game.progress.recommend import parse_time

IRI_BASE = "https://eungdae.app/xapi"
STATEMENT_IDS = uuid.UUID("4f7d2a8e-91c3-5b6f-a0d4-6e2b8c1f3a95")  # never change: sent ids depend on it
ADL = "http://adlnet.gov/expapi"

VERBS = {
    "initialized": "시작함",
    "answered": "응답함",
    "completed": "완료함",
    "passed": "합격함",
    "failed": "불합격함",
}


def verb(name: str) -> dict[str, Any]:
    return {"id": f"{ADL}/verbs/{name}", "display": {"en-US": name, "ko-KR": VERBS[name]}}


def actor(profile: str) -> dict[str, Any]:
    """Trainees have no e-mail in the game: an account on the game's home page identifies them."""
    return {"objectType": "Agent", "name": profile, "account": {"homePage": IRI_BASE, "name": profile}}


def scenario_activity(scenario_id: str, title: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": f"{IRI_BASE}/scenarios/{quote(scenario_id)}",
        "definition": {
            "type": f"{ADL}/activities/simulation",
            "name": {"ko-KR": title or scenario_id},
        },
    }


def onboarding_activity(name: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": f"{IRI_BASE}/sessions/{quote(name, safe='')}",
        "definition": {"type": f"{ADL}/activities/course", "name": {"ko-KR": name}},
    }


def duration(seconds: float) -> str:
    """ISO 8601, to the hundredth of a second as xAPI keeps it: ``PT3.86S``."""
    return f"PT{max(0.0, float(seconds)):.2f}S"


def _stamp(start: str, offset: float) -> str:
    moment = parse_time(start) + timedelta(seconds=offset)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _scores(result: Mapping[str, Any]) -> dict[str, Any]:
    out = {f"{IRI_BASE}/dimensions/{d}": v for d, v in result.get("dimensions", {}).items() if v is not None}
    out.update(
        {f"{IRI_BASE}/frameworks/{f}": v for f, v in result.get("frameworks", {}).items() if v is not None}
    )
    return out


def statement_id(attempt_id: str, index: int) -> str:
    return str(uuid.uuid5(STATEMENT_IDS, f"{attempt_id}/{index}"))


def registration(attempt_id: str) -> str:
    try:
        return str(uuid.UUID(attempt_id))
    except ValueError:
        return str(uuid.uuid5(STATEMENT_IDS, attempt_id))


def build(
    profile: str,
    attempt: Mapping[str, Any],
    *,
    title: str = "",
    options: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> list[dict[str, Any]]:
    """The statements of one attempt; ``options`` maps node id -> (choice id, text) for interactions."""
    result = attempt["result"]
    scenario = scenario_activity(attempt["scenario"], title or attempt.get("title", ""))
    context: dict[str, Any] = {
        "registration": registration(attempt["id"]),
        "platform": "eungdae",
        "language": "ko-KR",
        "extensions": {f"{IRI_BASE}/extensions/mode": attempt["mode"]},
    }
    if attempt.get("onboarding"):
        context["contextActivities"] = {"grouping": [onboarding_activity(attempt["onboarding"])]}
    who = actor(profile)
    out: list[dict[str, Any]] = []

    def add(
        name: str, obj: dict[str, Any], when: str, extra: dict[str, Any] | None = None, **parts: Any
    ) -> None:
        statement = {
            "id": statement_id(attempt["id"], len(out)),
            "actor": who,
            "verb": verb(name),
            "object": obj,
            "timestamp": when,
            "context": {**context, **(extra or {})},
            **parts,
        }
        out.append(statement)

    start = attempt["started_at"]
    add("initialized", scenario, _stamp(start, 0))
    elapsed = 0.0
    parent = {"contextActivities": {**context.get("contextActivities", {}), "parent": [scenario]}}
    for decision in result.get("decisions", []):
        elapsed += float(decision["seconds"])
        node = decision["node"]
        definition: dict[str, Any] = {"type": f"{ADL}/activities/cmi.interaction"}
        if decision.get("typed"):
            definition["interactionType"] = "long-fill-in"
            response = decision["chosen"]["say"]
        else:
            definition["interactionType"] = "choice"
            definition["correctResponsesPattern"] = [decision["best"]["id"]]
            definition["choices"] = [
                {"id": cid, "description": {"ko-KR": say}}
                for cid, say in (options or {}).get(node)
                or [(decision["chosen"]["id"], decision["chosen"]["say"])]
            ]
            response = decision["chosen"]["id"]
        add(
            "answered",
            {
                "objectType": "Activity",
                "id": f"{scenario['id']}/decisions/{quote(node)}",
                "definition": definition,
            },
            _stamp(start, elapsed),
            parent,
            result={
                "response": response,
                "success": bool(decision["is_best"]),
                "duration": duration(decision["seconds"]),
                "extensions": {
                    **{f"{IRI_BASE}/dimensions/{d}": v for d, v in decision.get("effects", {}).items()},
                    f"{IRI_BASE}/extensions/lateness": decision.get("lateness", "none"),
                    # the option ids in the order the trainee saw them (shuffled per attempt)
                    **({f"{IRI_BASE}/extensions/shown": decision["shown"]} if decision.get("shown") else {}),
                },
            },
        )
    finished = attempt["finished_at"]
    total = float(result.get("handle_seconds", sum(result.get("seconds", []))))
    overall = result.get("overall")
    score = (
        {}
        if overall is None
        else {"score": {"scaled": round(overall / 100, 4), "raw": overall, "min": 0, "max": 100}}
    )
    if result.get("ending") is not None or attempt.get("migrated_from"):
        add(
            "completed",
            scenario,
            _stamp(finished, 0),
            result={"completion": True, "duration": duration(total), **score, "extensions": _scores(result)},
        )
    passed = bool(result.get("passed"))
    add(
        "passed" if passed else "failed",
        scenario,
        _stamp(finished, 0.001),
        result={
            "success": passed,
            "completion": result.get("ending") is not None,
            "duration": duration(total),
            **score,
            "extensions": {
                **_scores(result),
                f"{IRI_BASE}/extensions/ending": result.get("ending"),
                f"{IRI_BASE}/extensions/blockers": list(result.get("blockers", [])),
            },
        },
    )
    return out
