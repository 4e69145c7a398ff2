"""What a scenario allows: reachable endings, the best and the worst path, and how sure we are.

Methods, and what each guarantees:

* **Best path — greedy.** At every decision take the best option (answered in time). By the scoring
  method this path scores 100, the maximum, so greedy is exact; it is replayed to report its real score.
* **Reachable endings — search over conversation states.** Play is explored from the start, merging
  plays that stand at the same node with the same mood, flags and complaint steps (the only things
  conditions read besides running scores). That state space is small (nodes × 11 moods × flag sets), so
  the search is exact whenever no condition reads a running score; when one does, the merged play's
  scores decide, and the result is flagged ``approximate``.
* **Worst path — exhaustive, then beam.** Every path is enumerated while their number stays within
  ``budget`` expansions, which is exact. Beyond that, a beam search keeps the ``beam`` lowest-scoring
  partial plays at each depth: the path it returns is a real path with its real score (an upper bound
  on the true worst), and ``worst_exact`` is false. Time is linear in depth × beam × options, so 40
  consecutive two-way decisions (2^40 paths) take milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.appraisal import appraise
from game.engine.session import Session
from game.engine.state import ConversationState
from game.scenario.model import Scenario
from game.scenario.rubric import Rubric

MAX_DEPTH_FACTOR = 3


@dataclass
class PathScore:
    choices: list[int]  # numbers in authored order (what replay --choices takes)
    score: float
    ending: str | None
    passed: bool
    ids: list[str] = field(default_factory=list)  # the same path by option id (replay --path)

    def to_json(self) -> dict:
        return {
            "choices": self.choices,
            "ids": self.ids,
            "score": round(self.score, 1),
            "ending": self.ending,
            "passed": self.passed,
        }


@dataclass
class Analysis:
    id: str
    category: str
    title: str
    nodes: int
    decisions: int
    endings: list[str]
    reachable_endings: list[str]
    approximate: bool
    best: PathScore
    worst: PathScore
    worst_exact: bool
    paths: int | None
    dimensions: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "category": self.category,
            "nodes": self.nodes,
            "decisions": self.decisions,
            "endings": self.endings,
            "reachable_endings": self.reachable_endings,
            "reachable_approximate": self.approximate,
            "best": self.best.to_json(),
            "worst": self.worst.to_json(),
            "worst_exact": self.worst_exact,
            "paths": self.paths,
            "dimensions": self.dimensions,
        }


def _options(session: Session) -> int:
    if session.node.typed is not None:
        return len(session.node.typed.examples)
    return len(session.available())


def _step(session: Session, number: int) -> Session:
    twin = session.fork()
    if twin.node.typed is not None:
        twin.answer(twin.node.typed.examples[number - 1], 0.0)
    else:
        twin.choose(number, 0.0)
    while twin.needs_advance:
        twin.advance()
    return twin


def _start(scenario: Scenario, rubric: Rubric) -> Session:
    session = Session(scenario, rubric, clock=lambda: 0.0)
    while session.needs_advance:
        session.advance()
    return session


def _path(session: Session) -> PathScore:
    result = session.result()
    ids = [f"example{d.number}" if d.typed else d.choice_id for d in session.decisions]
    return PathScore([d.number for d in session.decisions], result.overall, result.ending, result.passed, ids)


def best_path(scenario: Scenario, rubric: Rubric) -> PathScore:
    session = _start(scenario, rubric)
    limit = MAX_DEPTH_FACTOR * len(scenario.nodes) + 1
    while not session.finished and len(session.decisions) < limit:
        probe = session.fork()
        if probe.node.typed is not None:
            number = probe.answer(probe.node.typed.examples[0], 0.0).best_number
        else:
            number = probe.choose(1, 0.0).best_number
        session = _step(session, number)
    return _path(session)


def _key(session: Session) -> tuple:
    s = session.state
    return (session.node.id, s.mood, frozenset(s.flags), tuple(sorted(s.steps_done)))


def explore(scenario: Scenario, rubric: Rubric, best: PathScore | None = None) -> dict[tuple, Session]:
    """Every distinct conversation state reachable in play (see the module doc), best path first."""
    seen: dict[tuple, Session] = {}
    session = _start(scenario, rubric)
    for number in (best or best_path(scenario, rubric)).choices:
        seen.setdefault(_key(session), session)
        session = _step(session, number)
    seen.setdefault(_key(session), session)
    frontier = list(seen.values())
    while frontier:
        session = frontier.pop(0)
        if session.finished:
            continue
        for number in range(1, _options(session) + 1):
            nxt = _step(session, number)
            key = _key(nxt)
            if key not in seen:
                seen[key] = nxt
                frontier.append(nxt)
    return seen


def representatives(scenario: Scenario, rubric: Rubric) -> dict[str, Session]:
    """For each reachable node, the play that reaches it along the best path, else the shortest one."""
    found: dict[str, Session] = {}
    for session in explore(scenario, rubric).values():
        found.setdefault(session.node.id, session)
    return found


def _uses_scores(scenario: Scenario) -> bool:
    branches = [b for n in scenario.nodes.values() for b in n.next]
    branches += [b for n in scenario.nodes.values() for c in n.choices for b in c.next]
    conditions = [b.when for b in branches] + [c.when for n in scenario.nodes.values() for c in n.choices]
    return any(c is not None and c.uses_scores for c in conditions)


def reachable_endings(
    scenario: Scenario, rubric: Rubric, best: PathScore | None = None
) -> tuple[list[str], bool]:
    reached = {s.node.id for s in explore(scenario, rubric, best).values() if s.finished}
    return [n.id for n in scenario.endings if n.id in reached], _uses_scores(scenario)


def worst_path(
    scenario: Scenario, rubric: Rubric, *, budget: int = 20_000, beam: int = 64
) -> tuple[PathScore, bool, int | None]:
    """(worst path, exact?, number of complete paths if exhaustive)."""
    limit = MAX_DEPTH_FACTOR * len(scenario.nodes) + 1
    start = _start(scenario, rubric)
    worst: PathScore | None = None
    count = 0
    expansions = 0
    stack = [start]
    while stack:
        session = stack.pop()
        if session.finished or len(session.decisions) >= limit:
            count += 1
            candidate = _path(session)
            if worst is None or candidate.score < worst.score:
                worst = candidate
            continue
        expansions += 1
        if expansions > budget:
            break
        stack.extend(_step(session, n) for n in range(_options(session), 0, -1))
    else:
        assert worst is not None
        return worst, True, count
    return _beam(start, limit, beam), False, None


def _beam(start: Session, limit: int, width: int) -> PathScore:
    frontier = [start]
    worst: PathScore | None = None
    while frontier:
        children: list[tuple[float, Session]] = []
        for session in frontier:
            for number in range(1, _options(session) + 1):
                nxt = _step(session, number)
                if nxt.finished or len(nxt.decisions) >= limit:
                    candidate = _path(nxt)
                    if worst is None or candidate.score < worst.score:
                        worst = candidate
                else:
                    children.append((nxt.result().overall, nxt))
        children.sort(key=lambda pair: pair[0])
        frontier = [s for _, s in children[:width]]
    assert worst is not None
    return worst


def analyze(scenario: Scenario, rubric: Rubric, *, budget: int = 20_000, beam: int = 64) -> Analysis:
    best = best_path(scenario, rubric)
    worst, exact, count = worst_path(scenario, rubric, budget=budget, beam=beam)
    reachable, approximate = reachable_endings(scenario, rubric, best)
    moved = _dimensions_moved(scenario, rubric)
    return Analysis(
        id=scenario.id,
        category=scenario.category,
        title=scenario.title,
        nodes=len(scenario.nodes),
        decisions=sum(1 for n in scenario.nodes.values() if n.is_decision),
        endings=[n.id for n in scenario.endings],
        reachable_endings=reachable,
        approximate=approximate,
        best=best,
        worst=worst,
        worst_exact=exact,
        paths=count,
        dimensions=moved,
    )


def _dimensions_moved(scenario: Scenario, rubric: Rubric) -> list[str]:
    """Dimensions that at least one decision can move (the scenario's coverage of the rubric)."""
    active = scenario.uses_complaint_steps
    moved: set[str] = set()
    state = ConversationState()
    for node in scenario.nodes.values():
        effects = [
            appraise(rubric, text, choice, state, active).effects for text, choice in node.option_lines()
        ]
        for dim in {d for e in effects for d in e}:
            if len({e.get(dim, 0.0) for e in effects}) > 1:
                moved.add(dim)
        if node.time_limit and rubric.timing:
            moved.add(rubric.timing.dimension)
    if rubric.habit and any(n.is_decision for n in scenario.nodes.values()):
        moved.add(rubric.habit.dimension)
    return [d for d in rubric.dimensions if d in moved]
