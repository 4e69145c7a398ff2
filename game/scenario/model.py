"""The scenario model: what a trainer's YAML means once it has been validated.

Everything here is immutable and free of I/O so that the engine, the UI, the voice layer and the reports
can share one loaded scenario without defensive copies. Source positions are kept (``Pos``) because an
authoring tool that cannot point at a line is of no use to a trainer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

CATEGORIES = ("face_to_face", "phone", "difficult_customer")
CUSTOMER_TYPES = (
    "ordinary",
    "hurried",
    "fault_finding",
    "arrogant",
    "cheerful",
    "quiet",
    "suspicious",
    "with_children",
    "abusive",
)
#: The engine derives the first six from mood; ``sad`` and ``confused`` are only ever set by the author.
EMOTIONS = ("delighted", "pleased", "calm", "impatient", "annoyed", "angry", "sad", "confused")
OUTCOMES = ("delighted", "satisfied", "neutral", "lost", "escalated")
EVENTS = ("phone_ringing", "customer_arrives", "customer_waiting", "call_transferred", "hang_up")
MOOD_MIN, MOOD_MAX = -5, 5


@dataclass(frozen=True)
class Pos:
    """A place in a source file, 1-based as editors show it."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Condition:
    """All given parts must hold. ``None`` means the part is not tested."""

    mood_at_least: int | None = None
    mood_below: int | None = None
    flags: tuple[str, ...] = ()
    not_flags: tuple[str, ...] = ()
    steps_done: tuple[str, ...] = ()
    steps_not_done: tuple[str, ...] = ()
    score_at_least: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    pos: Pos | None = field(default=None, compare=False)

    @property
    def uses_scores(self) -> bool:
        return bool(self.score_at_least)


@dataclass(frozen=True)
class Branch:
    """One arm of a conditional ``next``: go to ``target`` when ``when`` holds (``None``: always)."""

    target: str
    when: Condition | None = None
    pos: Pos | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Choice:
    """One thing the trainee may say, and what the author says it is worth."""

    id: str
    say: str
    next: tuple[Branch, ...]
    effects: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    mood: int = 0
    follows: tuple[str, ...] = ()
    breaks: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    feedback: str = ""
    reaction: str = ""
    reaction_emotion: str | None = None
    sets: tuple[str, ...] = ()
    clears: tuple[str, ...] = ()
    when: Condition | None = None
    line_id: str = ""
    pos: Pos | None = field(default=None, compare=False)


TYPED_OUTCOMES = ("good", "partial", "poor")
# What a typed node may forbid besides any finding kind or wording rule id: any harmful wording rule.
TYPED_HARM = "harm"


@dataclass(frozen=True)
class TypedReply:
    """A decision where the trainee types their own words, judged by the analyser and the rubric.

    ``must`` names what a good reply contains (complaint steps such as apologise or report_back, and
    analyser findings such as self_intro or next_step); ``must_not`` what makes it poor (harm, banmal,
    honorific_error, or any finding or rule). The outcome (good: all of ``must`` and none of
    ``must_not``; partial: some of ``must``; poor: none, or anything forbidden) picks the branch in
    ``routes``; a node without routes goes to ``next`` whatever is typed. ``fallback_choices`` are offered
    instead when the analyser cannot load.
    """

    prompt: str
    examples: tuple[str, ...]
    next: tuple[Branch, ...] = ()
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    routes: Mapping[str, tuple[Branch, ...]] = field(default_factory=lambda: MappingProxyType({}))
    fallback_choices: tuple[Choice, ...] = ()
    pos: Pos | None = field(default=None, compare=False)

    def branches(self, outcome: str) -> tuple[Branch, ...]:
        return self.routes.get(outcome, self.next)

    def all_branches(self) -> list[tuple[str, tuple[Branch, ...]]]:
        """(label, branches) of every way on: each outcome, or the one next, then the fallback choices."""
        found = list(self.routes.items()) if self.routes else [("next", self.next)]
        found.extend((f"fallback:{c.id}", c.next) for c in self.fallback_choices)
        return found


@dataclass(frozen=True)
class Ending:
    outcome: str
    resolved: bool
    summary: str = ""
    fails: bool = False
    acceptable: bool = False

    @property
    def fails_attempt(self) -> bool:
        """A lost customer, or a problem left unresolved, fails the attempt whatever the score.

        An author marks other failing endings ``fails: true``, and an unresolved ending that is the right
        outcome (an abusive call ended by process and reported) ``acceptable: true``.
        """
        return self.fails or self.outcome == "lost" or not (self.resolved or self.acceptable)


@dataclass(frozen=True)
class Node:
    id: str
    customer: str = ""
    second_speaker: SecondSpeaker | None = None
    narration: str = ""
    emotion: str | None = None
    #: The companion's emotion in this node (None: calm); only where the customer has a companion.
    companion_emotion: str | None = None
    #: The customer has left (walked away, or the call has ended): the counter is empty or the call
    #: shows as ended, with no face and no patience meter — the trainee talks to a colleague, rests.
    customer_gone: bool = False
    event: str | None = None
    time_limit: float | None = None
    fixed_order: bool = False
    choices: tuple[Choice, ...] = ()
    typed: TypedReply | None = None
    next: tuple[Branch, ...] = ()
    ending: Ending | None = None
    pos: Pos | None = field(default=None, compare=False)

    @property
    def is_decision(self) -> bool:
        return bool(self.choices) or self.typed is not None

    def option_lines(self) -> list[tuple[str, Choice | None]]:
        """What the trainee may say here: each choice, or each example answer of a typed reply."""
        lines: list[tuple[str, Choice | None]] = [(c.say, c) for c in self.choices]
        if self.typed:
            lines.extend((example, None) for example in self.typed.examples)
            lines.extend((c.say, c) for c in self.typed.fallback_choices)
        return lines

    @property
    def customer_line_id(self) -> str:
        return f"{self.id}/customer"

    @property
    def narration_line_id(self) -> str:
        return f"{self.id}/narration"


@dataclass(frozen=True)
class Voice:
    """Hints for the speech layer; it may ignore what its backend cannot do."""

    gender: str = "female"
    speed: str = "normal"  # slow | normal | fast
    pitch: str = "normal"  # low | normal | high


@dataclass(frozen=True)
class Look:
    """What the trainer said about a person's appearance; "" leaves a part to ``game.scenario.appearance``,
    which chooses it from age, gender and name."""

    hair: str = ""
    hair_color: str = ""
    skin: str = ""
    glasses: str = ""
    facial_hair: str = ""
    clothing: str = ""


@dataclass(frozen=True)
class Companion:
    """Someone who came with the customer (a child): drawn beside them face to face."""

    name: str
    age: int | None = None
    gender: str = "female"
    look: Look = field(default_factory=Look)


@dataclass(frozen=True)
class SecondSpeaker:
    """Someone else in the scene whose words a customer line quotes inside a stage direction:
    ``(아이가 저금통을 내밀며 "이거 다 내 돈이에요!")``. The voice layer speaks the quote in this voice."""

    name: str
    voice: Voice = field(default_factory=Voice)
    pos: Pos | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Customer:
    name: str
    type: str = "ordinary"
    voice: Voice = field(default_factory=Voice)
    mood: int = 0
    description: str = ""
    age: int | None = None
    #: female | male; the loader fills it from ``voice.gender`` when the trainer leaves it out.
    gender: str = "female"
    look: Look = field(default_factory=Look)
    companion: Companion | None = None


@dataclass(frozen=True)
class SpokenLine:
    """A line someone hears: the unit the voice cache and reports key on.

    ``line_id`` is ``<scenario id>/<node id>/<slot>`` and stays the same while the author edits the
    text, so a cache can tell a changed line (stale audio) from a new one.
    """

    line_id: str
    text: str
    speaker: str  # customer | narrator
    emotion: str
    channel: str  # phone | face_to_face
    customer_type: str
    voice: Voice
    second: SecondSpeaker | None = None  # quoted words inside the line's directions are theirs


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    category: str
    customer: Customer
    start: str
    nodes: Mapping[str, Node]
    title_en: str = ""
    description: str = ""
    difficulty: int = 1
    goals: tuple[str, ...] = ()
    pass_mark: float | None = None
    rubric: str = "default"
    #: bank | hotel | shop | office | phone_desk; "" leaves it to ``stage``.
    setting: str = ""
    path: str = ""
    pos: Pos | None = field(default=None, compare=False)

    @property
    def stage(self) -> str:
        """The backdrop: the scenario's setting, else the phone desk for a call and an office lobby."""
        if self.setting:
            return self.setting
        return "phone_desk" if self.customer_on_phone else "office"

    @property
    def channel(self) -> str:
        return "phone" if self.category == "phone" or self.customer_on_phone else "face_to_face"

    @property
    def customer_on_phone(self) -> bool:
        return any(n.event == "phone_ringing" for n in self.nodes.values())

    @property
    def uses_complaint_steps(self) -> bool:
        """The complaint procedure is judged only where the author tagged some choice with steps."""
        return any(c.steps for n in self.nodes.values() for c in n.choices)

    @property
    def kinds(self) -> tuple[str, ...]:
        """What kind of scenario this is, for a rubric's ``required:`` principles."""
        return (self.category, "complaint") if self.uses_complaint_steps else (self.category,)

    @property
    def endings(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes.values() if n.ending is not None)

    def spoken_lines(self) -> list[SpokenLine]:
        """Every line a trainee hears, in file order, with the emotion it is spoken in."""
        lines: list[SpokenLine] = []
        for node in self.nodes.values():
            emotion = node.emotion or "calm"
            if node.narration:
                lines.append(self._line(node.narration_line_id, node.narration, "narrator", "calm"))
            if node.customer:
                lines.append(
                    self._line(node.customer_line_id, node.customer, "customer", emotion, node.second_speaker)
                )
            for choice in (*node.choices, *(node.typed.fallback_choices if node.typed else ())):
                if choice.reaction:
                    lines.append(
                        self._line(
                            f"{node.id}/{choice.id}/reaction",
                            choice.reaction,
                            "customer",
                            choice.reaction_emotion or emotion,
                            node.second_speaker,
                        )
                    )
        return lines

    def _line(
        self, local_id: str, text: str, speaker: str, emotion: str, second: SecondSpeaker | None = None
    ) -> SpokenLine:
        return SpokenLine(
            line_id=f"{self.id}/{local_id}",
            text=text,
            speaker=speaker,
            emotion=emotion,
            channel=self.channel,
            customer_type=self.customer.type,
            voice=self.customer.voice,
            second=second,
        )
