"""The numbers every report shows, worked out once so CSV, JSON and HTML can never disagree.

    trainee profile   the mean of each score over that trainee's attempts in scope (a dimension or
                      framework an attempt did not assess is left out of its mean, not counted as 0)
    class average     the mean of the trainee profiles: every trainee weighs the same, however often
                      they played
    pass rate         passed attempts / attempts
    trainees passed   trainees with a passed attempt of every scenario in scope / trainees
    heatmap           per decision (scenario, node): how many attempts chose each option

Attempts migrated from save version 1 have an overall score but no dimensions; they count in the
overall mean and the pass rate only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.progress.sessions import OnboardingSession, belongs
from game.scenario.library import Library


@dataclass(frozen=True)
class Entry:
    """One attempt and whose it is."""

    profile: str
    attempt: dict[str, Any]

    @property
    def result(self) -> dict[str, Any]:
        return self.attempt["result"]


def select(
    pairs: Iterable[tuple[str, dict[str, Any]]],
    *,
    profile: str | None = None,
    session: OnboardingSession | None = None,
) -> list[Entry]:
    """The attempts a report covers, ordered by trainee then time.

    A session with its own pass mark re-judges its attempts by that mark (the same rule as scoring:
    an ending reached, no blocker, overall at or above the mark).
    """
    chosen = [
        Entry(name, attempt if session is None else _judged(session, attempt))
        for name, attempt in pairs
        if (profile is None or name == profile) and (session is None or belongs(session, attempt))
    ]
    return sorted(chosen, key=lambda e: (e.profile, e.attempt["finished_at"]))


def _judged(session: OnboardingSession, attempt: dict[str, Any]) -> dict[str, Any]:
    if session.pass_mark is None:
        return attempt
    result = dict(attempt["result"])
    overall = result.get("overall")
    finished = result.get("ending") is not None or attempt.get("migrated_from") == 1
    result["passed"] = bool(
        finished and not result.get("blockers") and overall is not None and overall >= session.pass_mark
    )
    result["pass_mark"] = session.pass_mark
    return {**attempt, "result": result}


def _mean(values: Iterable[float | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return sum(present) / len(present) if present else None


@dataclass
class Profile:
    """Mean scores of one trainee (or of the class); ``None`` where nothing was assessed."""

    overall: float | None
    frameworks: dict[str, float | None]
    dimensions: dict[str, float | None]
    attempts: int = 0
    passed: int = 0


@dataclass
class Labels:
    """Korean titles for ids, in the rubric's order."""

    frameworks: dict[str, str] = field(default_factory=dict)
    dimensions: dict[str, str] = field(default_factory=dict)
    dimension_framework: dict[str, str] = field(default_factory=dict)
    scenarios: dict[str, str] = field(default_factory=dict)
    choices: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def from_library(cls, library: Library) -> Labels:
        labels = cls()
        for rubric in library.rubrics.values():
            for fw in rubric.frameworks.values():
                labels.frameworks.setdefault(fw.id, fw.title)
            for dim in rubric.dimensions.values():
                labels.dimensions.setdefault(dim.id, dim.title)
                labels.dimension_framework.setdefault(dim.id, dim.framework)
        for scenario in library.scenarios:
            labels.scenarios[scenario.id] = scenario.title
            for node in scenario.nodes.values():
                if node.choices:
                    labels.choices[(scenario.id, node.id)] = [(c.id, c.say) for c in node.choices]
        return labels

    def with_seen(self, entries: Sequence[Entry]) -> Labels:
        """Ids found in the attempts but not in the library (a removed scenario) keep their id as title."""
        for entry in entries:
            result = entry.result
            for fw in result.get("frameworks", {}):
                self.frameworks.setdefault(fw, fw)
            for dim in result.get("dimensions", {}):
                self.dimensions.setdefault(dim, dim)
            self.scenarios.setdefault(
                entry.attempt["scenario"], entry.attempt.get("title") or entry.attempt["scenario"]
            )
        return self


def profile_of(entries: Sequence[Entry], labels: Labels) -> Profile:
    return Profile(
        overall=_mean(e.result.get("overall") for e in entries),
        frameworks={
            f: _mean(e.result.get("frameworks", {}).get(f) for e in entries) for f in labels.frameworks
        },
        dimensions={
            d: _mean(e.result.get("dimensions", {}).get(d) for e in entries) for d in labels.dimensions
        },
        attempts=len(entries),
        passed=sum(bool(e.result.get("passed")) for e in entries),
    )


def trainee_profiles(entries: Sequence[Entry], labels: Labels) -> dict[str, Profile]:
    names = sorted({e.profile for e in entries})
    return {name: profile_of([e for e in entries if e.profile == name], labels) for name in names}


def class_average(profiles: dict[str, Profile], labels: Labels) -> Profile:
    people = list(profiles.values())
    return Profile(
        overall=_mean(p.overall for p in people),
        frameworks={f: _mean(p.frameworks.get(f) for p in people) for f in labels.frameworks},
        dimensions={d: _mean(p.dimensions.get(d) for p in people) for d in labels.dimensions},
        attempts=sum(p.attempts for p in people),
        passed=sum(p.passed for p in people),
    )


def pass_rate(entries: Sequence[Entry]) -> float | None:
    return sum(bool(e.result.get("passed")) for e in entries) / len(entries) if entries else None


def trainees_passed(entries: Sequence[Entry], scenarios: Sequence[str]) -> dict[str, bool]:
    """Per trainee: a passed attempt of every scenario in scope."""
    out = {}
    for name in sorted({e.profile for e in entries}):
        passed = {e.attempt["scenario"] for e in entries if e.profile == name and e.result.get("passed")}
        out[name] = all(s in passed for s in scenarios)
    return out


def scenario_rates(entries: Sequence[Entry]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for entry in entries:
        row = out.setdefault(entry.attempt["scenario"], {"attempts": 0, "passed": 0, "scores": []})
        row["attempts"] += 1
        row["passed"] += bool(entry.result.get("passed"))
        row["scores"].append(entry.result.get("overall"))
    for row in out.values():
        row["pass_rate"] = row["passed"] / row["attempts"]
        row["mean"] = _mean(row.pop("scores"))
    return dict(sorted(out.items()))


@dataclass
class HeatRow:
    """One decision: how often each option was chosen there, and which option is the best."""

    scenario: str
    node: str
    options: list[tuple[str, str]]  # (choice id, what it says), in the scenario's order
    counts: dict[str, int]
    best: str | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def heatmap(entries: Sequence[Entry], labels: Labels) -> list[HeatRow]:
    rows: dict[tuple[str, str], HeatRow] = {}
    best_votes: dict[tuple[str, str], dict[str, int]] = {}
    for entry in entries:
        scenario = entry.attempt["scenario"]
        for decision in entry.result.get("decisions", []):
            key = (scenario, decision["node"])
            row = rows.get(key)
            if row is None:
                options = list(labels.choices.get(key, []))
                row = rows[key] = HeatRow(
                    scenario, decision["node"], options, {c: 0 for c, _ in options}, None
                )
            chosen = decision["chosen"]["id"]
            if chosen not in row.counts:
                row.options.append((chosen, decision["chosen"].get("say", "")))
                row.counts[chosen] = 0
            row.counts[chosen] += 1
            votes = best_votes.setdefault(key, {})
            best = decision["best"]["id"]
            votes[best] = votes.get(best, 0) + 1
    for key, row in rows.items():
        votes = best_votes[key]
        row.best = max(votes, key=lambda c: (votes[c], c))
    order = {sid: i for i, sid in enumerate(labels.scenarios)}
    node_order = {key: i for i, key in enumerate(labels.choices)}
    return sorted(
        rows.values(),
        key=lambda r: (
            order.get(r.scenario, 1 << 30),
            r.scenario,
            node_order.get((r.scenario, r.node), 1 << 30),
            r.node,
        ),
    )


@dataclass
class Figures:
    entries: list[Entry]
    labels: Labels
    trainees: dict[str, Profile]
    average: Profile
    pass_rate: float | None
    trainees_passed: dict[str, bool]
    scenarios: dict[str, dict[str, Any]]
    heat: list[HeatRow]
    scope: str
    #: profile folders left out because they could not be read (a newer game's file) -> why
    skipped: dict[str, str] = field(default_factory=dict)


def compute(
    entries: Sequence[Entry], library: Library, scope: str, assigned: Sequence[str] | None = None
) -> Figures:
    labels = Labels.from_library(library).with_seen(entries)
    trainees = trainee_profiles(entries, labels)
    in_scope = list(assigned) if assigned is not None else sorted({e.attempt["scenario"] for e in entries})
    return Figures(
        entries=list(entries),
        labels=labels,
        trainees=trainees,
        average=class_average(trainees, labels),
        pass_rate=pass_rate(entries),
        trainees_passed=trainees_passed(entries, in_scope),
        scenarios=scenario_rates(entries),
        heat=heatmap(entries, labels),
        scope=scope,
    )
