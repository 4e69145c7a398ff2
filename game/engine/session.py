"""The engine: one play of a scenario, as a deterministic state machine.

A session's whole state follows from the scenario, the rubric, the attempt's seed and the list of
actions taken (options chosen by id with their response times, typed replies, advances). That is what
is saved (versioned JSON), what undo rewinds and what replay re-runs, so a resumed session is the same
session, not an approximation of it. The seed fixes the order the options are shown in
(``game.engine.order``); the trainee presses a displayed number, the engine records the option's id.
Time comes from an injected clock; nothing here touches pygame, audio or files.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine import typed as typed_reply
from game.engine.appraisal import Appraisal, Citation, appraise, breach
from game.engine.order import presented
from game.engine.scoring import Decision, HabitHistory, Result, compute_result, dimension_scores, worst_values
from game.engine.state import ConversationState, holds, pick, shown_emotion
from game.language import Analyser, AnalyserUnavailable, Analysis, shared
from game.scenario.model import Choice, Node, Scenario
from game.scenario.rubric import Rubric

SESSION_FORMAT = "eungdae-session"
SESSION_VERSION = 2  # 2: a seed, and choices recorded by option id (1: by authored number, no seed)
DEFAULT_PATIENCE_SECONDS = 30.0


class SessionError(ValueError):
    """An action that does not fit the current state (a choice number out of range, say)."""


@dataclass(frozen=True)
class NodeEntered:
    node: Node


@dataclass(frozen=True)
class Decided:
    decision: Decision


@dataclass(frozen=True)
class Ended:
    result: Result


Event = NodeEntered | Decided | Ended
Listener = Callable[[Event], None]


class Session:
    def __init__(
        self,
        scenario: Scenario,
        rubric: Rubric,
        *,
        mode: str = "practice",
        clock: Callable[[], float] = time.monotonic,
        history: HabitHistory | None = None,
        pass_mark: float | None = None,
        start: str | None = None,
        seed: int | None = None,
        analyser: Analyser | None = None,
    ):
        if start is not None and start not in scenario.nodes:
            raise SessionError(f"scenario '{scenario.id}' has no node '{start}' to start from")
        self.analyser = analyser or shared()
        self.scenario = scenario
        self.start = start  # a trainer trying one part (``play --from``); None: the scenario's start
        self.seed = seed  # None: options in authored order
        self._pass_mark = pass_mark
        self.rubric = rubric
        self.mode = mode
        self.clock = clock
        self.history = history
        self.complaint_active = scenario.uses_complaint_steps
        self._listeners: list[Listener] = []
        self._reset()

    # -- state -------------------------------------------------------------------------------------

    def _reset(self) -> None:
        self.state = ConversationState(mood=self.scenario.customer.mood)
        self.decisions: list[Decision] = []
        self.actions: list[dict[str, Any]] = []
        self.mood_trace: list[int] = [self.state.mood]
        self._result: Result | None = None
        self._enter(self.start or self.scenario.start)

    def _enter(self, node_id: str) -> None:
        self.node = self.scenario.nodes[node_id]
        self.entered_at = self.clock()
        self._emit(NodeEntered(self.node))
        if self.node.ending is not None:
            self._result = self._compute()
            self._emit(Ended(self._result))

    @property
    def finished(self) -> bool:
        return self.node.ending is not None

    @property
    def needs_advance(self) -> bool:
        """A passage: a line to read, then Enter, with nothing to decide."""
        return not self.finished and not self.node.is_decision

    @property
    def mood(self) -> int:
        return self.state.mood

    @property
    def emotion(self) -> str:
        return shown_emotion(self.node.emotion, self.state.mood)

    @property
    def pass_mark(self) -> float:
        """An onboarding session's mark wins over the scenario's, which wins over the rubric's."""
        for mark in (self._pass_mark, self.scenario.pass_mark):
            if mark is not None:
                return mark
        return self.rubric.pass_mark

    def score_so_far(self, dimension: str) -> float | None:
        return dimension_scores(self.rubric, self.decisions).get(dimension)

    @property
    def typing_unavailable(self) -> bool:
        """A typed reply is asked for but the analyser could not load: the fallback choices stand in."""
        return self.node.typed is not None and self.analyser.state == "failed"

    def available(self) -> list[Choice]:
        """The options shown now, in displayed order; their 1-based positions are the numbers pressed."""
        if self.node.typed is not None and not self.typing_unavailable:
            return []
        return self._options()

    def _options(self) -> list[Choice]:
        """A decision's options in displayed order; at a typed node, its fallback choices."""
        listed = (
            self.node.typed.fallback_choices
            if self.node.typed is not None
            else presented(self.node, self.seed)
        )
        return [c for c in listed if holds(c.when, self.state, self.score_so_far)]

    def _analysis(self, text: str) -> Analysis | None:
        try:
            return self.analyser.analyse(text)
        except AnalyserUnavailable:
            return None

    def number_of(self, option_id: str) -> int:
        """The displayed number of an option offered now, by id; SessionError names the ids offered."""
        ids = [c.id for c in self._options()]
        if option_id not in ids:
            raise SessionError(
                f"at node '{self.node.id}' option '{option_id}' is not offered (options: {', '.join(ids)})"
            )
        return ids.index(option_id) + 1

    def waited(self) -> float:
        return max(0.0, self.clock() - self.entered_at)

    def patience(self) -> float:
        """0..1 for the meter: the mood sets how much is left, waiting drains it."""
        base = (self.state.mood + 6) / 12
        span = 2 * self.node.time_limit if self.node.time_limit else DEFAULT_PATIENCE_SECONDS
        return max(0.0, min(1.0, base * (1 - self.waited() / span)))

    def time_left(self) -> float | None:
        return None if self.node.time_limit is None else self.node.time_limit - self.waited()

    # -- events ------------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- actions -----------------------------------------------------------------------------------

    def choose(self, number: int, seconds: float | None = None) -> Decision:
        """Pick an option; at a typed node this is one of its fallback choices."""
        fallback = self.node.typed.fallback_choices if self.node.typed else ()
        if self.finished or not (self.node.choices or fallback):
            raise SessionError(f"node '{self.node.id}' has no choices to make")
        options = self._options()
        if not 1 <= number <= len(options):
            raise SessionError(
                f"at node '{self.node.id}' choice {number} is not between 1 and {len(options)}"
            )
        elapsed = self.waited() if seconds is None else float(seconds)
        appraisals = [
            appraise(self.rubric, c.say, c, self.state, self.complaint_active, self._analysis(c.say))
            for c in options
        ]
        chosen = options[number - 1]
        decision = self._decide(appraisals, appraisals[number - 1], number, elapsed, chosen, options)
        if fallback and self.analyser.state == "failed":
            decision.feedback.append("한국어 분석기를 불러오지 못해 직접 입력 대신 선택지로 답했습니다.")
        self.actions.append({"option": chosen.id, "seconds": round(elapsed, 3)})
        self._after(decision, chosen.sets, chosen.clears, chosen.next)
        return decision

    def answer(self, text: str, seconds: float | None = None) -> Decision:
        """A typed reply: analysed, judged by the rubric against the author's examples, and routed by
        its outcome (good / partial / poor).

        Its number is the example it repeats word for word (1-based), or 0 for the trainee's own words.
        """
        typed = self.node.typed
        if self.finished or typed is None:
            raise SessionError(f"node '{self.node.id}' does not take a typed reply")
        try:
            analysis = self.analyser.analyse(text)
            examples = [self._typed_appraisal(e, self.analyser.analyse(e)) for e in typed.examples]
        except AnalyserUnavailable as exc:
            raise SessionError(f"{exc}; answer with the node's fallback choices instead") from None
        elapsed = self.waited() if seconds is None else float(seconds)
        mine = self._typed_appraisal(text, analysis)
        verdict = typed_reply.judge(typed, analysis, mine, self.rubric)
        mine.findings = self.rubric.findings(analysis)
        number = typed.examples.index(text) + 1 if text in typed.examples else 0
        decision = self._decide(examples, mine, number, elapsed, None, None, said=text)
        decision.outcome = verdict.outcome
        if typed.must or typed.must_not:
            coaching = typed_reply.coaching(
                verdict, self.rubric, self.scenario.customer.type, decision.best_say
            )
            timing = [line for line in decision.feedback if "제한 시간" in line]
            decision.feedback = coaching + timing
        self.actions.append({"type": text, "seconds": round(elapsed, 3)})
        self._after(decision, (), (), typed.branches(verdict.outcome))
        return decision

    def _typed_appraisal(self, text: str, analysis: Analysis) -> Appraisal:
        """Wording, recognised steps, and the node's verdict: a missing requirement breaks the principle
        that asks for it, and the outcome moves the customer (good +1, poor −1) — examples alike."""
        typed = self.node.typed
        assert typed is not None
        appraisal = appraise(self.rubric, text, None, self.state, self.complaint_active, analysis, typed=True)
        verdict = typed_reply.judge(typed, analysis, appraisal, self.rubric)
        appraisal.mood += typed_reply.OUTCOME_MOOD[verdict.outcome]
        for name in verdict.missing:
            principle = typed_reply.principle_of(self.rubric, name)
            if principle and self.rubric.principles[principle].breach:
                appraisal.citations.append(Citation(principle, False, f"typed:missing:{name}"))
                breach(self.rubric, principle, appraisal)
        return appraisal

    def advance(self) -> None:
        if not self.needs_advance:
            raise SessionError(f"node '{self.node.id}' waits for a decision, not for Enter")
        self.actions.append({"advance": True})
        self._enter(pick(self.node.next, self.state, self.score_so_far))

    def undo(self) -> bool:
        """Take back the last decision (and the passages after it); False when there is none."""
        actions = list(self.actions)
        while actions and "advance" in actions[-1]:
            actions.pop()
        if not actions:
            return False
        actions.pop()
        self._replay(actions)
        return True

    # -- internals ---------------------------------------------------------------------------------

    def _decide(
        self,
        candidates: list[Appraisal],
        answered: Appraisal,
        number: int,
        elapsed: float,
        choice: Choice | None,
        options: list[Choice] | None,
        said: str = "",
    ) -> Decision:
        rubric = self.rubric
        # A copy: a timing penalty belongs to what was answered, not to the option as a yardstick.
        chosen = answered.copy()
        values = [a.value(rubric) for a in candidates]
        best_index = max(range(len(candidates)), key=lambda i: (values[i], -i))
        best = candidates[best_index]
        timing_worst: dict[str, float] = {}
        lateness = "none"
        if self.node.time_limit and rubric.timing:
            timing_worst = {rubric.timing.dimension: rubric.timing.very_late}
            lateness = self._lateness(elapsed)
            penalty = {"late": rubric.timing.late, "very_late": rubric.timing.very_late}.get(lateness)
            if penalty:
                chosen.add({rubric.timing.dimension: penalty})
                chosen.mood += rubric.timing.mood_late
                if rubric.timing.principle:
                    chosen.citations.append(Citation(rubric.timing.principle, False, "timing"))
        if options is not None and choice is not None:
            best_id, best_say, choice_id, say = (
                options[best_index].id,
                options[best_index].say,
                choice.id,
                choice.say,
            )
            shown = tuple(c.id for c in options)
        else:
            shown = ()
            examples = self.node.typed.examples  # type: ignore[union-attr]
            best_id, best_say, choice_id, say = (
                f"example{best_index + 1}",
                examples[best_index],
                "typed",
                said,
            )
        return Decision(
            node=self.node.id,
            number=number,
            choice_id=choice_id,
            say=say,
            best_number=best_index + 1,
            best_choice_id=best_id,
            best_say=best_say,
            seconds=elapsed,
            time_limit=self.node.time_limit,
            lateness=lateness,
            chosen=chosen,
            best=best,
            worst=worst_values([*candidates, answered], timing_worst),
            feedback=self._feedback(choice, chosen, elapsed, right=choice_id == best_id),
            mood_before=self.state.mood,
            mood_after=self.state.mood,
            typed=choice is None,
            chosen_value=chosen.value(rubric),
            best_value=values[best_index],
            shown=shown,
        )

    def _lateness(self, elapsed: float) -> str:
        limit = self.node.time_limit or 0.0
        if elapsed <= limit:
            return "on_time"
        return "late" if elapsed <= 2 * limit else "very_late"

    def _feedback(self, choice: Choice | None, chosen: Appraisal, elapsed: float, right: bool) -> list[str]:
        """Coaching lines: the author's why first, then each principle the rubric saw, once per verdict.

        A late answer always says so, even when the words themselves followed the same principle
        ("바로 확인해 드리겠습니다" said after the limit): otherwise the trainee sees a miss and no reason.
        When the late words were the best ones (``right``), it says they were right but late.
        Where the author wrote feedback for the option, it replaces the principle's general explanation:
        the author's words fit the moment, and the general text beside them often does not.
        """
        authored = choice is not None and bool(choice.feedback)
        lines = [choice.feedback] if authored else []
        seen: set[tuple[str, bool]] = set()
        for citation in chosen.citations:
            principle = self.rubric.principles[citation.principle]
            if citation.reason == "timing":
                limit = self.node.time_limit or 0.0
                verdict = "옳은 응대였지만 " if right else ""
                lines.append(
                    f"[{principle.title}] {verdict}제한 시간 {limit:g}초를 넘겨 {elapsed:.1f}초 만에 답했습니다."
                )
                continue
            if (citation.principle, citation.followed) in seen:
                continue
            seen.add((citation.principle, citation.followed))
            if citation.reason.startswith("wording:"):
                rule = next(r for r in self.rubric.wording if r.id == citation.reason.split(":", 1)[1])
                if rule.feedback:
                    lines.append(f"[{principle.title}] {rule.feedback}")
                    continue
            explanation = principle.explanation(self.scenario.customer.type)
            if not citation.followed and explanation and not authored:
                lines.append(f"[{principle.title}] {explanation}")
        return lines

    def _after(self, decision: Decision, sets: tuple, clears: tuple, branches: tuple) -> None:
        self.state.apply_mood(decision.chosen.mood)
        decision.mood_after = self.state.mood
        self.state.flags.update(sets)
        self.state.flags.difference_update(clears)
        for step in decision.chosen.steps:
            if step not in self.state.steps_done:
                self.state.steps_done.append(step)
        self.decisions.append(decision)
        self.mood_trace.append(self.state.mood)
        self._emit(Decided(decision))
        self._enter(pick(branches, self.state, self.score_so_far))

    def _compute(self) -> Result:
        return compute_result(
            self.rubric,
            self.scenario.id,
            self.pass_mark,
            self.decisions,
            self.mood_trace,
            self.node.ending,
            self.history,
            self.rubric.required_for(self.scenario.kinds),
        )

    def fork(self) -> Session:
        """A cheap independent copy for search: decisions are never changed once made, so share them."""
        twin = copy.copy(self)
        twin._listeners = []
        twin.state = ConversationState(self.state.mood, set(self.state.flags), list(self.state.steps_done))
        twin.decisions = list(self.decisions)
        twin.actions = list(self.actions)
        twin.mood_trace = list(self.mood_trace)
        return twin

    def result(self) -> Result:
        """The score so far, or the final one once an ending is reached."""
        return self._result if self._result is not None else self._compute()

    # -- persistence -------------------------------------------------------------------------------

    def _replay(self, actions: list[dict[str, Any]]) -> None:
        listeners, self._listeners = self._listeners, []
        try:
            self._reset()
            for action in actions:
                self.apply(action)
        finally:
            self._listeners = listeners
        self.entered_at = self.clock()
        self._emit(NodeEntered(self.node))

    def apply(self, action: dict[str, Any]) -> None:
        if "option" in action:
            self.choose(self.number_of(str(action["option"])), float(action["seconds"]))
        elif "choose" in action:  # version 1: a number among the options in authored order
            self.choose(int(action["choose"]), float(action["seconds"]))
        elif "type" in action:
            self.answer(str(action["type"]), float(action["seconds"]))
        elif "advance" in action:
            self.advance()
        else:
            raise SessionError(f"unknown action {action!r}")

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SESSION_FORMAT,
            "version": SESSION_VERSION,
            "scenario": self.scenario.id,
            "rubric": self.rubric.id,
            "mode": self.mode,
            "pass_mark": self._pass_mark,
            "seed": self.seed,
            "actions": list(self.actions),
            "node": self.node.id,
            **({"start": self.start} if self.start else {}),
        }

    @classmethod
    def from_json(
        cls,
        data: dict[str, Any],
        scenario: Scenario,
        rubric: Rubric,
        *,
        clock: Callable[[], float] = time.monotonic,
        history: HabitHistory | None = None,
        analyser: Analyser | None = None,
    ) -> Session:
        """A saved session; version 1 (before shuffling) reads as authored order, its numbers as written."""
        if data.get("format") != SESSION_FORMAT or data.get("version") not in (1, SESSION_VERSION):
            raise SessionError(
                f"not a version 1-{SESSION_VERSION} session: {data.get('format')} {data.get('version')}"
            )
        seed = data.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
            raise SessionError(f"the saved seed is not a whole number: {seed!r}")
        if data.get("scenario") != scenario.id:
            raise SessionError(f"session is for '{data.get('scenario')}', not '{scenario.id}'")
        mark = data.get("pass_mark")
        session = cls(
            scenario,
            rubric,
            mode=str(data.get("mode", "practice")),
            clock=clock,
            history=history,
            pass_mark=float(mark) if isinstance(mark, (int, float)) else None,
            start=data["start"] if isinstance(data.get("start"), str) else None,
            seed=seed,
            analyser=analyser,
        )
        try:
            session._replay(list(data.get("actions", [])))
        except (KeyError, TypeError, ValueError) as exc:
            raise SessionError(f"the saved actions no longer fit the scenario ({exc})") from exc
        return session


def play(
    scenario: Scenario,
    rubric: Rubric,
    choices: list[int | str],
    seconds: list[float] | None = None,
    history: HabitHistory | None = None,
    seed: int | None = None,
    listener: Listener | None = None,
) -> Session:
    """Replay a path (passages advance by themselves); seconds default to 0.

    Each step is a number as displayed under ``seed`` (None: the authored order) or an option id. At a
    typed-reply node, number k (or ``example<k>``) types the author's k-th example answer. A
    ``listener`` hears every event after the start node is entered (the graph traces the best route).
    """
    session = Session(scenario, rubric, clock=lambda: 0.0, history=history, seed=seed)
    if listener is not None:
        session.subscribe(listener)
    times = list(seconds or [])
    for index, step in enumerate(choices):
        while session.needs_advance:
            session.advance()
        if session.finished:
            raise SessionError(f"the scenario ended after {index} choices; {len(choices)} were given")
        elapsed = times[index] if index < len(times) else 0.0
        typed = session.node.typed
        if typed is not None:
            number = example_number(step)
            if not 1 <= number <= len(typed.examples):
                raise SessionError(f"typed reply at '{session.node.id}': example {step} does not exist")
            session.answer(typed.examples[number - 1], elapsed)
        elif isinstance(step, str):
            session.choose(session.number_of(step), elapsed)
        else:
            session.choose(step, elapsed)
    while session.needs_advance:
        session.advance()
    return session


def example_number(step: int | str) -> int:
    """The example answer a path step names at a typed reply: ``2`` or ``example2`` (0: none)."""
    if isinstance(step, int):
        return step
    tail = step.removeprefix("example")
    return int(tail) if tail.isdigit() else 0
