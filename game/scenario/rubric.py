"""Rubrics: the principles a company teaches, as data beside the scenarios.

The default rubric (scenarios/rubrics/default.yaml) encodes 3S, KASH and complaint handling; a company
adds its own file (its QA sheet, say) and names it in a scenario's ``rubric:`` key, with no code. A
rubric owns everything an author should not have to repeat on each line: what a principle is worth, which
phrases help or harm service wherever they are said, the complaint procedure and its order, and which
breaches fail an attempt outright.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from game.language.findings import KINDS
from game.language.patterns import Pattern, PatternError, compile_pattern
from game.scenario.diagnostics import Diagnostic, ScenarioError
from game.scenario.model import CATEGORIES, CUSTOMER_TYPES
from game.scenario.schema import EFFECTS, ID_PATTERN
from game.scenario.source import Located, load_located
from game.scenario.validation import validate

if TYPE_CHECKING:
    from game.language.analysis import Analysis
    from game.language.findings import Finding

Effects = Mapping[str, float]
_EMPTY: Effects = MappingProxyType({})


def _empty() -> Effects:
    return _EMPTY


_text = {"type": "string", "minLength": 1}

RUBRIC_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "eungdae rubric",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "frameworks", "dimensions", "principles"],
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "title": _text,
        "pass_mark": {"type": "number", "minimum": 0, "maximum": 100},
        "frameworks": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title"],
                "properties": {"title": _text, "title_en": _text, "weight": {"type": "number", "minimum": 0}},
            },
        },
        "dimensions": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "framework"],
                "properties": {
                    "title": _text,
                    "title_en": _text,
                    "framework": _text,
                    "weight": {"type": "number", "minimum": 0},
                    "meaning": _text,
                },
            },
        },
        "principles": {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "source"],
                "properties": {
                    "title": _text,
                    "title_en": _text,
                    "source": _text,
                    "explain": _text,
                    "explain_for": {
                        "type": "object",
                        "description": "A better explanation for one customer type (e.g. hurried).",
                        "propertyNames": {"enum": list(CUSTOMER_TYPES)},
                        "additionalProperties": _text,
                    },
                    "follow": EFFECTS,
                    "break": EFFECTS,
                    "blocker": {"type": "boolean"},
                },
            },
        },
        "wording": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "principle"],
                "properties": {
                    "id": {"type": "string", "pattern": ID_PATTERN},
                    "findings": {
                        "type": "array",
                        "minItems": 1,
                        "description": "Analyser findings that trigger the rule (any of them).",
                        "items": {"enum": list(KINDS)},
                    },
                    "morphs": {
                        "type": "array",
                        "minItems": 1,
                        "description": "Morpheme patterns (docs/language.md), e.g. '수고/NNG 하/XSV 세요/EF'.",
                        "items": _text,
                    },
                    "unless_findings": {"type": "array", "items": {"enum": list(KINDS)}},
                    "unless_morphs": {"type": "array", "items": _text},
                    "principle": {"type": "string", "pattern": ID_PATTERN},
                    "breaks": {
                        "type": "boolean",
                        "description": "The phrase breaks its principle and costs what the principle's "
                        "break: costs, exactly as if the author had written breaks: [principle].",
                    },
                    "effects": EFFECTS,
                    "mood": {"type": "integer", "minimum": -5, "maximum": 5},
                    "step": {"type": "string", "pattern": ID_PATTERN},
                    "feedback": _text,
                },
            },
        },
        "timing": {
            "type": "object",
            "additionalProperties": False,
            "required": ["dimension"],
            "properties": {
                "dimension": _text,
                "late": {"type": "number", "maximum": 0},
                "very_late": {"type": "number", "maximum": 0},
                "mood_late": {"type": "integer", "minimum": -5, "maximum": 0},
                "principle": _text,
            },
        },
        "complaint": {
            "type": "object",
            "additionalProperties": False,
            "required": ["steps", "apology_step"],
            "properties": {
                "steps": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": ID_PATTERN}},
                "recognise": {
                    "type": "object",
                    "description": "A typed reply takes a step when the analyser finds one of these kinds.",
                    "additionalProperties": {"type": "array", "minItems": 1, "items": {"enum": list(KINDS)}},
                },
                "step_titles": {"type": "object", "additionalProperties": _text},
                "apology_step": {"type": "string", "pattern": ID_PATTERN},
                "in_order": EFFECTS,
                "out_of_order": EFFECTS,
                "apology_first": EFFECTS,
                "step_before_apology": EFFECTS,
                "order_principle": _text,
                "apology_principle": _text,
            },
        },
        "required": {
            "type": "object",
            "description": "Principles an attempt must follow somewhere on its path, per kind of scenario "
            "(complaint, or a category); an attempt without one fails, like a blocker.",
            "propertyNames": {"enum": ["complaint", *CATEGORIES]},
            "additionalProperties": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string", "pattern": ID_PATTERN},
            },
        },
        "habit": {
            "type": "object",
            "additionalProperties": False,
            "required": ["dimension"],
            "properties": {
                "dimension": _text,
                "history_attempts": {"type": "integer", "minimum": 0, "maximum": 50},
                "history_weight": {"type": "number", "minimum": 0, "maximum": 1},
                "principle": _text,
            },
        },
    },
}


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    weight: float = 1.0
    title_en: str = ""


@dataclass(frozen=True)
class Dimension:
    id: str
    title: str
    framework: str
    weight: float = 1.0
    title_en: str = ""
    meaning: str = ""


@dataclass(frozen=True)
class Principle:
    id: str
    title: str
    source: str
    explain: str = ""
    follow: Effects = field(default_factory=_empty)
    breach: Effects = field(default_factory=_empty)
    blocker: bool = False
    title_en: str = ""
    explain_for: Mapping[str, str] = field(default_factory=_empty)

    def explanation(self, customer_type: str) -> str:
        """The coaching line for this customer: type-specific where the rubric has one."""
        return self.explain_for.get(customer_type, self.explain)


@dataclass(frozen=True)
class WordingRule:
    """Wording judged wherever a trainee says it: analyser findings or morpheme patterns, with guards.

    A rule over findings (``refusal`` unless ``alternative``) uses the analyser's linguistics; a rule over
    morphemes (수고/NNG 하/XSV 세요/EF) lets a company add its own phrases without code. A rule either
    ``breaks`` its principle (and then costs what the principle's ``break:`` costs, so the same breach
    costs the same however it was noticed) or earns its own ``effects``.
    """

    id: str
    principle: str
    findings: tuple[str, ...] = ()
    morphs: tuple[Pattern, ...] = ()
    unless_findings: tuple[str, ...] = ()
    unless_morphs: tuple[Pattern, ...] = ()
    effects: Effects = field(default_factory=_empty)
    mood: int = 0
    step: str | None = None
    feedback: str = ""
    breaks: bool = False

    @property
    def harmful(self) -> bool:
        return self.breaks or self.mood < 0

    def hits(self, analysis: Analysis) -> list[Finding]:
        """The spans of the reply this rule judges (empty: the rule does not apply)."""
        from game.language.findings import Finding

        if any(analysis.has(k) for k in self.unless_findings):
            return []
        sentences = analysis.sentence_morphs()
        if any(p.search(seg) for p in self.unless_morphs for seg in sentences):
            return []
        found = [f.judged(self.id, self.principle) for f in analysis.findings if f.kind in self.findings]
        words = list(analysis.morphs)
        for pattern in self.morphs:
            if pattern.anchored_start or pattern.anchored_end:
                spans = pattern.anchored(words)
            else:
                spans = [(seg[a], seg[b - 1]) for seg in sentences for a, b in pattern.find_all(seg)]
                spans = [(first.start, last.end) for first, last in spans]
            for start, end in spans:
                found.append(
                    Finding(self.id, start, end, analysis.text[start:end], "", self.id, self.principle)
                )
        return found


@dataclass(frozen=True)
class Timing:
    dimension: str
    late: float = -2.0
    very_late: float = -4.0
    mood_late: int = -1
    principle: str | None = None


@dataclass(frozen=True)
class ComplaintProcedure:
    steps: tuple[str, ...]
    apology_step: str
    recognise: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    step_titles: Mapping[str, str] = field(default_factory=_empty)
    in_order: Effects = field(default_factory=_empty)
    out_of_order: Effects = field(default_factory=_empty)
    apology_first: Effects = field(default_factory=_empty)
    step_before_apology: Effects = field(default_factory=_empty)
    order_principle: str | None = None
    apology_principle: str | None = None

    @property
    def all_steps(self) -> tuple[str, ...]:
        return (self.apology_step, *self.steps)


@dataclass(frozen=True)
class Habit:
    dimension: str
    history_attempts: int = 5
    history_weight: float = 0.5
    principle: str | None = None


@dataclass(frozen=True)
class Rubric:
    id: str
    title: str
    frameworks: Mapping[str, Framework]
    dimensions: Mapping[str, Dimension]
    principles: Mapping[str, Principle]
    wording: tuple[WordingRule, ...] = ()
    timing: Timing | None = None
    complaint: ComplaintProcedure | None = None
    habit: Habit | None = None
    pass_mark: float = 80.0
    required: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    path: str = ""
    _hits: dict[str, tuple[tuple[WordingRule, tuple[Finding, ...]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _weights: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def judge(self, analysis: Analysis) -> tuple[tuple[WordingRule, tuple[Finding, ...]], ...]:
        """Each rule the reply triggers with the spans it judged; memoised (search appraises lines often)."""
        hits = self._hits.get(analysis.text)
        if hits is None:
            found = ((rule, tuple(rule.hits(analysis))) for rule in self.wording)
            hits = self._hits[analysis.text] = tuple((r, f) for r, f in found if f)
        return hits

    def wording_hits(self, line: str | Analysis) -> tuple[WordingRule, ...]:
        """The rules a line triggers; a plain string is analysed by the shared analyser (none if it cannot load)."""
        if isinstance(line, str):
            from game.language import AnalyserUnavailable, analyse

            try:
                line = analyse(line)
            except AnalyserUnavailable:
                return ()
        return tuple(rule for rule, _ in self.judge(line))

    def findings(self, analysis: Analysis) -> list[Finding]:
        """Every finding of the reply, with the rule and principle of the rule that judged it where one did."""
        judged: dict[tuple[str, int, int], Finding] = {}
        for _, hits in self.judge(analysis):
            for f in hits:
                judged.setdefault((f.kind, f.start, f.end), f)
        out = [judged.pop((f.kind, f.start, f.end), f) for f in analysis.findings]
        return sorted([*out, *judged.values()], key=lambda f: (f.start, f.end, f.kind))

    def required_for(self, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """The principles an attempt at a scenario of these kinds must follow somewhere on its path."""
        return tuple(dict.fromkeys(p for kind in kinds for p in self.required.get(kind, ())))

    @property
    def effect_dimensions(self) -> tuple[str, ...]:
        """Dimensions that options earn points in (Habit is measured from consistency instead)."""
        habit = self.habit.dimension if self.habit else None
        return tuple(d for d in self.dimensions if d != habit)

    def weight(self, dimension: str) -> float:
        return self.weights[dimension]

    @property
    def weights(self) -> Mapping[str, float]:
        """Each dimension's share of the overall score: its framework's weight split by dimension weight."""
        if not self._weights:
            for dim in self.dimensions.values():
                siblings = [d for d in self.dimensions.values() if d.framework == dim.framework]
                total = sum(d.weight for d in siblings) or 1.0
                self._weights[dim.id] = self.frameworks[dim.framework].weight * dim.weight / total
        return self._weights

    @property
    def steps(self) -> tuple[str, ...]:
        return self.complaint.all_steps if self.complaint else ()


def normalise(text: str) -> str:
    """NFC and single spaces, so that a pattern written once matches however the text was typed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _effects(raw: Any) -> Effects:
    return MappingProxyType({str(k): float(v) for k, v in (raw or {}).items()})


def _check_names(located: Located, rubric: Rubric) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    dims = set(rubric.dimensions)

    def suggest(name: str, known: list[str], otherwise: str) -> str:
        close = difflib.get_close_matches(name, known, n=1)
        return f"did you mean '{close[0]}'?" if close else otherwise

    def need_dim(name: str, path: tuple) -> None:
        if name not in dims:
            hint = suggest(name, sorted(dims), f"use one of: {', '.join(sorted(dims))}")
            out.append(Diagnostic("E204", f"unknown dimension '{name}'", hint, located.pos(path)))

    def need_principle(name: str | None, path: tuple) -> None:
        if name and name not in rubric.principles:
            hint = suggest(name, sorted(rubric.principles), "define it under principles:")
            out.append(Diagnostic("E205", f"unknown principle '{name}'", hint, located.pos(path)))

    for dim in rubric.dimensions.values():
        if dim.framework not in rubric.frameworks:
            out.append(
                Diagnostic(
                    "E104",
                    f"dimension '{dim.id}' names unknown framework '{dim.framework}'",
                    f"use one of: {', '.join(rubric.frameworks)}",
                    located.pos(("dimensions", dim.id, "framework")),
                )
            )
    for pid, principle in rubric.principles.items():
        for key, effects in (("follow", principle.follow), ("break", principle.breach)):
            for name in effects:
                need_dim(name, ("principles", pid, key, name))
    for index, rule in enumerate(rubric.wording):
        need_principle(rule.principle, ("wording", index, "principle"))
        for name in rule.effects:
            need_dim(name, ("wording", index, "effects", name))
        out.extend(_check_breach(located, rubric, index, rule))
    for kind, names in rubric.required.items():
        for i, name in enumerate(names):
            need_principle(name, ("required", kind, i))
    if rubric.timing:
        need_dim(rubric.timing.dimension, ("timing", "dimension"))
        need_principle(rubric.timing.principle, ("timing", "principle"))
    if rubric.habit:
        need_dim(rubric.habit.dimension, ("habit", "dimension"))
        need_principle(rubric.habit.principle, ("habit", "principle"))
    if rubric.complaint:
        c = rubric.complaint
        for key in ("in_order", "out_of_order", "apology_first", "step_before_apology"):
            for name in getattr(c, key):
                need_dim(name, ("complaint", key, name))
        need_principle(c.order_principle, ("complaint", "order_principle"))
        need_principle(c.apology_principle, ("complaint", "apology_principle"))
        for step in c.recognise:
            if step not in c.all_steps:
                out.append(
                    Diagnostic(
                        "E206",
                        f"recognise names unknown complaint step '{step}'",
                        f"use one of: {', '.join(c.all_steps)}",
                        located.pos(("complaint", "recognise", step), key=True),
                    )
                )
    return out


def _check_breach(located: Located, rubric: Rubric, index: int, rule: WordingRule) -> list[Diagnostic]:
    """A phrase that breaks a principle costs the principle's break: never a price of its own.

    Otherwise "고객님 탓" caught by the words and the same line annotated ``breaks: [no_blame]`` would
    cost different points, and a trainee could not tell which score to trust.
    """
    principle = rubric.principles.get(rule.principle)
    if rule.breaks and rule.effects:
        return [
            Diagnostic(
                "E104",
                f"wording rule '{rule.id}' breaks its principle and also gives effects",
                f"remove effects: — a breach costs what principle '{rule.principle}' break: says",
                located.pos(("wording", index, "effects")),
            )
        ]
    if rule.breaks and principle is not None and not principle.breach:
        return [
            Diagnostic(
                "E104",
                f"wording rule '{rule.id}' breaks principle '{rule.principle}', which has no break: cost",
                f"give principle '{rule.principle}' a break: (e.g. {{attitude: -2}})",
                located.pos(("wording", index, "breaks")),
            )
        ]
    if not rule.breaks and any(v < 0 for v in rule.effects.values()):
        return [
            Diagnostic(
                "E104",
                f"wording rule '{rule.id}' takes points away with effects:",
                f"write breaks: true instead; principle '{rule.principle}' break: sets what the breach costs",
                located.pos(("wording", index, "effects")),
            )
        ]
    return []


def _compile(
    patterns: list[str], located: Located, path: tuple, out: list[Diagnostic]
) -> tuple[Pattern, ...]:
    compiled = []
    for index, pattern in enumerate(patterns):
        try:
            compiled.append(compile_pattern(normalise(pattern)))
        except PatternError as exc:
            out.append(
                Diagnostic(
                    "E104",
                    f"morpheme pattern cannot be read: {exc}",
                    "write form/TAG items separated by spaces, e.g. '안/MAG 되/VV' (docs/language.md)",
                    located.pos((*path, index)),
                )
            )
    return tuple(compiled)


def build_rubric(located: Located) -> tuple[Rubric | None, list[Diagnostic]]:
    problems = validate(located, RUBRIC_SCHEMA)
    if problems:
        return None, problems
    raw = located.data
    wording: list[WordingRule] = []
    for index, rule in enumerate(raw.get("wording", [])):
        if not rule.get("findings") and not rule.get("morphs"):
            problems.append(
                Diagnostic(
                    "E104",
                    f"wording rule '{rule['id']}' matches nothing",
                    "give it findings: [kind, …] or morphs: ['form/TAG …'] (docs/language.md)",
                    located.pos(("wording", index), key=False),
                )
            )
        wording.append(
            WordingRule(
                id=rule["id"],
                principle=rule["principle"],
                findings=tuple(rule.get("findings", [])),
                morphs=_compile(rule.get("morphs", []), located, ("wording", index, "morphs"), problems),
                unless_findings=tuple(rule.get("unless_findings", [])),
                unless_morphs=_compile(
                    rule.get("unless_morphs", []), located, ("wording", index, "unless_morphs"), problems
                ),
                effects=_effects(rule.get("effects")),
                mood=int(rule.get("mood", 0)),
                step=rule.get("step"),
                feedback=rule.get("feedback", ""),
                breaks=bool(rule.get("breaks", False)),
            )
        )
    timing = raw.get("timing")
    complaint = raw.get("complaint")
    habit = raw.get("habit")
    rubric = Rubric(
        id=raw["id"],
        title=raw["title"],
        pass_mark=float(raw.get("pass_mark", 80)),
        frameworks=MappingProxyType(
            {
                k: Framework(k, v["title"], float(v.get("weight", 1)), v.get("title_en", ""))
                for k, v in raw["frameworks"].items()
            }
        ),
        dimensions=MappingProxyType(
            {
                k: Dimension(
                    k,
                    v["title"],
                    v["framework"],
                    float(v.get("weight", 1)),
                    v.get("title_en", ""),
                    v.get("meaning", ""),
                )
                for k, v in raw["dimensions"].items()
            }
        ),
        principles=MappingProxyType(
            {
                k: Principle(
                    id=k,
                    title=v["title"],
                    source=v["source"],
                    explain=v.get("explain", ""),
                    follow=_effects(v.get("follow")),
                    breach=_effects(v.get("break")),
                    blocker=bool(v.get("blocker", False)),
                    title_en=v.get("title_en", ""),
                    explain_for=MappingProxyType(dict(v.get("explain_for", {}))),
                )
                for k, v in raw["principles"].items()
            }
        ),
        wording=tuple(wording),
        timing=Timing(
            dimension=timing["dimension"],
            late=float(timing.get("late", -2)),
            very_late=float(timing.get("very_late", -4)),
            mood_late=int(timing.get("mood_late", -1)),
            principle=timing.get("principle"),
        )
        if timing
        else None,
        complaint=ComplaintProcedure(
            steps=tuple(complaint["steps"]),
            apology_step=complaint["apology_step"],
            recognise=MappingProxyType({k: tuple(v) for k, v in complaint.get("recognise", {}).items()}),
            step_titles=MappingProxyType(dict(complaint.get("step_titles", {}))),
            in_order=_effects(complaint.get("in_order")),
            out_of_order=_effects(complaint.get("out_of_order")),
            apology_first=_effects(complaint.get("apology_first")),
            step_before_apology=_effects(complaint.get("step_before_apology")),
            order_principle=complaint.get("order_principle"),
            apology_principle=complaint.get("apology_principle"),
        )
        if complaint
        else None,
        habit=Habit(
            dimension=habit["dimension"],
            history_attempts=int(habit.get("history_attempts", 5)),
            history_weight=float(habit.get("history_weight", 0.5)),
            principle=habit.get("principle"),
        )
        if habit
        else None,
        required=MappingProxyType({k: tuple(v) for k, v in raw.get("required", {}).items()}),
        path=located.path,
    )
    problems.extend(_check_names(located, rubric))
    return (None if problems else rubric), problems


def load_rubric(path: str) -> Rubric:
    """Load one rubric file or raise ``ScenarioError`` with every problem in it."""
    located, problems = load_located(path)
    if located is None or problems:
        raise ScenarioError(problems)
    rubric, problems = build_rubric(located)
    if rubric is None:
        raise ScenarioError(problems)
    return rubric


def field_effects(*parts: Effects) -> dict[str, float]:
    """Add effect mappings dimension by dimension."""
    total: dict[str, float] = {}
    for part in parts:
        for name, value in part.items():
            total[name] = total.get(name, 0.0) + value
    return total
