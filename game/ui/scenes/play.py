"""The conversation: the stage, the customer's line, the meters and the trainee's options.

The scene owns a game clock that only runs while the scene is on top (the pause menu and the coaching
panel stop it), and the session reads that clock: the seconds passed to ``choose`` are the seconds the
trainee really had the decision in front of them.

Timer expiry (docs/ui.md): when a decision's limit runs out nothing is chosen for the trainee. The
timer turns into a warning, the patience meter keeps draining to empty (at twice the limit, as the
engine defines it) and the trainee must still answer; the engine then scores the answer late or very
late, which costs Speed and mood.

While a phone scenario's ``phone_ringing`` node waits, the desk phone rings (``ctx.effects``); the ring
stops when the trainee answers, pauses or leaves. F5 reloads the scenario files (``Context.reload``)
and keeps the trainer where they were: the decisions made so far are replayed on the new version, and
if they no longer lead to the same node the play starts afresh at that node (from the scenario's start
only when the node is gone); with errors or the scenario gone it goes back to select.

``start`` (``eungdae play ID --from NODE``) begins at a node instead of the scenario's start, for a
trainer trying one part; such a play is not recorded as an attempt, since its score covers only a part.
F12 toggles the inspector: the node id, mood, flags, complaint steps and the running scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game.engine.scoring import Decision
from game.engine.session import Decided, NodeEntered, Session, SessionError
from game.scenario.appearance import Appearance, appearance
from game.scenario.model import Choice, Node, Scenario, SpokenLine
from game.scenario.rubric import Rubric
from game.ui import art
from game.ui.canvas import CANVASES
from game.ui.context import PROGRESS_ERRORS, Context
from game.ui.faces import EXPRESSIONS, FACES
from game.ui.judging import Judging
from game.ui.layout import Rect, contains
from game.ui.scene import Scene
from game.ui.transitions import RELOAD, RESTART, UNDO, Push, Replace, Reset, SceneKind
from game.ui.widgets.button import Button, Menu
from game.ui.widgets.meter import draw_meter
from game.ui.widgets.panel import Veil, draw_panel
from game.ui.widgets.text import Block, Typewriter, draw_blocks, draw_line, draw_text, measure
from game.ui.widgets.text_input import TextInput


@dataclass(frozen=True)
class Areas:
    """Where the parts of the screen go. A window taller than 16:9 (``Layout.extra``) gives half its
    room to the stage and the lines, half to the options, instead of leaving bands above and below."""

    stage: Rect
    dialogue: Rect
    meters: Rect
    choices: Rect

    @property
    def caller_card(self) -> Rect:
        return (self.stage[0] + 290, self.stage[1] + self.stage[3] - 216, 240, 170)

    @property
    def tag(self) -> Rect:
        """The name and emotion (or call) label."""
        return (self.stage[0] + 12, self.stage[1] + 12, 250, 36)


def areas(extra: float = 0.0) -> Areas:
    grow = extra / 2
    return Areas(
        stage=(16, 64, 544, 356 + grow),
        dialogue=(576, 64, 688, 266 + grow),
        meters=(576, 338 + grow, 688, 82),
        choices=(16, 432 + grow, 1248, 272 + extra - grow),
    )


AT_16_9 = areas()
STAGE, DIALOGUE, METERS, CHOICES = AT_16_9.stage, AT_16_9.dialogue, AT_16_9.meters, AT_16_9.choices
METER_W = (METERS[2] - 60) / 2  # two meters side by side
CALLER_FACE = 76  # the caller's face on the card, design pixels
NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)
}
ADVANCE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class GameClock:
    """Seconds of play: advanced by the scene's ``update`` only, so a paused game does not age."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@dataclass(frozen=True)
class Segment:
    kind: str  # reaction | narration | customer
    text: str


@dataclass(frozen=True)
class LogEntry:
    speaker: str  # narrator | customer | trainee
    text: str
    decisions: int  # how many decisions had been made when it was said (undo trims by this)


def keep_place(session: Session, scenario: Scenario, rubric: Rubric) -> dict[str, Any] | None:
    """A saved play that puts the trainer back where they were on a reloaded scenario: the same
    decisions replayed if they still lead to the same node, else a fresh start at that node, else
    ``None`` (the node is gone: from the start)."""
    here = session.node.id
    if here not in scenario.nodes:
        return None
    saved = session.to_json()
    try:
        replayed = Session.from_json(saved, scenario, rubric, clock=lambda: 0.0)
    except SessionError:
        replayed = None
    if replayed is not None and replayed.node.id == here:
        return saved
    return {**saved, "actions": [], "node": here, "start": here}


class PlayScene(Scene):
    name = "play"

    def __init__(
        self,
        ctx: Context,
        scenario: Scenario,
        rubric: Rubric,
        saved: dict[str, Any] | None = None,
        start: str | None = None,
        seed: int | None = None,
    ) -> None:
        """``seed`` keeps an attempt's option order across F5; a new attempt draws its own."""
        super().__init__(ctx)
        self.scenario = scenario
        self.rubric = rubric
        self.clock = GameClock()
        try:
            history = ctx.progress.history(ctx.profile) if ctx.profile else None
        except PROGRESS_ERRORS as exc:
            history = None
            ctx.notify(f"지난 기록을 읽지 못해 이번 점수의 습관(Habit)은 이번 플레이로만 셉니다: {exc}")
        if saved is not None:
            self.session = Session.from_json(saved, scenario, rubric, clock=self.clock, history=history)
        else:
            self.session = Session(
                scenario,
                rubric,
                mode=ctx.mode,
                clock=self.clock,
                history=history,
                pass_mark=ctx.pass_mark_for(scenario),
                start=start,
                seed=seed if seed is not None else ctx.seed_for_attempt(),
            )
        self.mode = self.session.mode
        self._analyser_state = self.session.analyser.state
        self.lines: dict[str, SpokenLine] = {line.line_id: line for line in scenario.spoken_lines()}
        self.t = 0.0
        self.connected_at: float | None = None
        self.backlog: list[LogEntry] = []
        self.show_backlog = False
        self.show_inspector = False
        self.backlog_scroll = 0
        self.pending_reaction = ""
        self.pending_reaction_line: SpokenLine | None = None  # exam mode: heard before the next node
        self.typewriter = Typewriter()
        self.segments: list[Segment] = []
        self.menu = Menu([])
        self.input = TextInput((16, 512, 1248, 60), placeholder=ctx.t("play.typed_hint"))
        self.last_decision: Decision | None = None
        self.judging: Judging | None = None  # a typed reply being analysed off the frame loop
        self.veil = Veil()
        self._base: pygame.Surface | None = None
        self._base_key_now: tuple | None = None
        self._frame: pygame.Surface | None = None  # the base with the moving layers painted on
        self._frame_of: int = -1  # which painting of the base the frame was made from
        self._base_paintings = 0
        self._presented_on: pygame.Surface | None = None  # the window surface the frame went to last
        self._overlaid = False  # the log or the inspector was drawn over the frame last time
        self._coached = False  # the coaching card is up over the decision just made
        self._next_base: pygame.Surface | None = None  # the next node's base, painted under the card
        self._next_base_key: tuple | None = None
        self._next_frame: pygame.Surface | None = None  # and the frame on it, with its layers
        self._next_layer_keys: dict[str, tuple] = {}
        self._prepared_frames = 0  # frames the card has been up (``prepare`` waits for the second)
        self._layer_keys: dict[str, tuple] = {}
        self._quiet = False
        self._marks: list[int] = []  # backlog length when each decision was made, for undo
        customer = scenario.customer
        self.looks: list[Appearance] = [
            appearance(customer.look, customer.age, customer.gender, customer.name)
        ]
        if customer.companion is not None and not scenario.customer_on_phone:
            mate = customer.companion
            self.looks.append(appearance(mate.look, mate.age, mate.gender, mate.name))
        self._unwarmed = [(look, emotion) for look in self.looks for emotion in EXPRESSIONS]
        self.session.subscribe(self._on_event)
        if saved is not None and scenario.customer_on_phone and self.session.decisions:
            self.connected_at = 0.0
        self._present(self.session.node)

    # -- session events ----------------------------------------------------------------------------

    def _on_event(self, event: object) -> None:
        if isinstance(event, NodeEntered):
            self._present(event.node)
        elif isinstance(event, Decided):
            self.last_decision = event.decision

    def _present(self, node: Node) -> None:
        segments = []
        if self.pending_reaction:
            segments.append(Segment("reaction", self.pending_reaction))
        if node.narration:
            segments.append(Segment("narration", node.narration))
        if node.customer:
            segments.append(Segment("customer", node.customer))
        self.pending_reaction = ""
        reaction_line, self.pending_reaction_line = self.pending_reaction_line, None
        self.segments = segments
        self.typewriter = Typewriter("".join(s.text for s in segments), self.ctx.settings.text_speed)
        if not self._quiet:
            self.backlog.extend(LogEntry(*e) for e in self._node_entries())
        self._build_controls()
        self.ctx.speech.prepare(self.scenario, node.id)
        spoken = [
            self.lines.get(f"{self.scenario.id}/{lid}")
            for lid in (node.narration_line_id, node.customer_line_id)
        ]
        self.ctx.speech.say([line for line in (reaction_line, *spoken) if line is not None])
        if node.typed is not None:
            self.input.clear()
            self.input.activate(self.ctx)
        elif self.input.active:
            self.input.deactivate()

    def _node_entries(self) -> list[tuple[str, str, int]]:
        done = len(self.session.decisions)
        return [
            ("narrator" if s.kind == "narration" else "customer", s.text, done)
            for s in self.segments
            if s.kind != "reaction"
        ]

    def _build_controls(self) -> None:
        x, y, w, h = self.areas.choices
        session = self.session
        if session.finished:
            self.menu = Menu(
                [Button((x + w / 2 - 200, y + h - 64, 400, 60), self.ctx.t("play.to_debrief"), "debrief")]
            )
        elif session.needs_advance:
            self.menu = Menu(
                [Button((x + w / 2 - 200, y + h - 64, 400, 60), self.ctx.t("play.continue"), "advance")]
            )
        elif session.node.typed is not None and not session.typing_unavailable:
            self.menu = Menu([])
        else:
            options = session.available()
            gap = 8
            height = min(64.0, (h - gap * (len(options) - 1)) / max(1, len(options)))
            buttons = [
                Button((x, y + i * (height + gap), w, height), c.say, f"choose:{i + 1}", number=i + 1)
                for i, c in enumerate(options)
            ]
            # Nothing is focused until the trainee moves the focus (arrows, mouse): a highlighted
            # option before any input would read as the recommended answer. Rebuilding the same
            # options (back from pause or settings) keeps the trainee's own focus.
            same = [b.label for b in buttons] == [b.label for b in self.menu.buttons]
            self.menu = Menu(buttons, focus=self.menu.focus if same else None, outline=True)

    # -- input -------------------------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and not self.show_backlog:
            self._hush()
            self.emit(Push(SceneKind.PAUSE))
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.reload()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F12:
            self.show_inspector = not self.show_inspector
            return
        if self.show_backlog:
            self._backlog_event(event)
            return
        typing = self.session.node.typed is not None and not self.session.finished
        typing = typing and not self.session.typing_unavailable
        if typing and self._typed_event(event):
            return
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            pos = self.ctx.layout.to_design(event.pos)
            if not self.typewriter.done and contains(self.areas.dialogue, pos):
                self.typewriter.skip()
                return
            button = self.menu.handle(self.ctx, event)
            if button is not None:
                self._activate(button.action)
        elif event.type == pygame.MOUSEMOTION:
            self.menu.handle(self.ctx, event)

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        if key == pygame.K_l:
            self.show_backlog, self.backlog_scroll = True, 0
        elif key == pygame.K_r:
            if not self.ctx.speech.replay():
                self.typewriter = Typewriter(self.typewriter.text, self.ctx.settings.text_speed)
        elif key == pygame.K_BACKSPACE and self.mode == "practice":
            self.undo()
        elif key in NUMBER_KEYS and self.menu.buttons and not self.session.finished:
            number = NUMBER_KEYS[key]
            if number <= len(self.menu.buttons):
                self._activate(f"choose:{number}")
        elif key in ADVANCE_KEYS and not self.typewriter.done:
            self.typewriter.skip()
        else:
            button = self.menu.handle(self.ctx, event)
            if button is not None:
                self._activate(button.action)

    def _typed_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.judging is not None:
                return True  # already judging this reply
            if self.input.text.strip() and not self.input.composition and not self.analyser_loading:
                self._submit(self.input.text.strip())
            else:
                self.typewriter.skip()
            return True
        if self.judging is not None:
            return event.type in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.TEXTEDITING)  # the reply is sent
        if event.type == pygame.KEYDOWN and event.key not in (pygame.K_BACKSPACE,):
            return event.unicode.isprintable() and event.unicode != ""
        return self.input.process_event(event)

    def _backlog_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_l, pygame.K_ESCAPE, pygame.K_RETURN):
                self.show_backlog = False
            elif event.key == pygame.K_UP:
                self.backlog_scroll = min(len(self.backlog) - 1, self.backlog_scroll + 1)
            elif event.key == pygame.K_DOWN:
                self.backlog_scroll = max(0, self.backlog_scroll - 1)
        elif event.type == pygame.MOUSEWHEEL:
            self.backlog_scroll = max(0, min(len(self.backlog) - 1, self.backlog_scroll + event.y))
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.show_backlog = False

    def _activate(self, action: str) -> None:
        if action == "advance":
            self.ctx.speech.stop()
            self.session.advance()
        elif action == "debrief":
            self.finish()
        elif action.startswith("choose:"):
            self.choose(int(action.split(":", 1)[1]))

    # -- actions (also what tests and autoplay drive) ----------------------------------------------

    def choose(self, number: int) -> None:
        node = self.session.node
        options = self.session.available()
        if not 1 <= number <= len(options) or self.analyser_loading:
            return  # the options are judged by the analyser: held (visibly) until it is ready
        choice = options[number - 1]
        self.ctx.speech.stop()
        self.ctx.effects.click()
        self._log_reply(choice.say, choice.reaction)
        decision = self.session.choose(number)
        self._after_decision(node, choice, decision)

    def _submit(self, text: str) -> None:
        """Enter on a typed reply: analysed off the frame loop (``Judging``), answered in ``update``."""
        typed = self.session.node.typed
        examples = typed.examples if typed is not None else ()
        self.judging = Judging(self.session.analyser, text, examples, self.session.waited())

    def _answer(self, text: str, seconds: float | None = None) -> None:
        node = self.session.node
        self.ctx.speech.stop()
        self.ctx.effects.click()
        self.input.deactivate()
        self._log_reply(text, "")
        decision = self.session.answer(text, seconds)
        self._after_decision(node, None, decision)

    def _log_reply(self, said: str, reaction: str) -> None:
        """Log what the trainee said (and the reaction) before the engine moves on to the next node."""
        done = len(self.session.decisions) + 1
        self._marks.append(len(self.backlog))
        self.backlog.append(LogEntry("trainee", said, done))
        if reaction:
            self.backlog.append(LogEntry("customer", reaction, done))

    def _after_decision(self, node: Node, choice: Choice | None, decision: Decision) -> None:
        if node.event == "phone_ringing" and self.connected_at is None:
            self.connected_at = self.clock.now
        self.ctx.effects.stop_ring()  # answered (and coaching, if any, stops the clock)
        reaction = choice.reaction if choice is not None else ""
        line = self.lines.get(f"{self.scenario.id}/{node.id}/{choice.id}/reaction") if choice else None
        self._autosave()
        if self.mode == "practice":
            coaching = {"rubric": self.rubric, "decision": decision, "reaction": reaction, "line": line}
            self._coached = True  # under the card the decision stays as it was (see _frame_cache)
            self._prepared_frames = 0
            self.emit(Push(SceneKind.COACHING, coaching))
        elif reaction:
            # Exam mode has no coaching card: the reaction is heard, then the next node's lines.
            self.pending_reaction = reaction
            self.pending_reaction_line = line
            self._present(self.session.node)

    def undo(self) -> bool:
        """Take back the last decision; the log returns to what it held when that decision was shown."""
        if self.mode != "practice" or not self.session.decisions:
            return False
        self._quiet = True
        try:
            undone = self.session.undo()
        finally:
            self._quiet = False
        if not undone:
            return False
        if self._marks:
            self.backlog = self.backlog[: self._marks.pop()]
        else:  # a resumed play: what came before this run is not in the log
            self.backlog = [LogEntry(*e) for e in self._node_entries()]
        self._autosave()
        return True

    def _autosave(self) -> None:
        if not self.ctx.profile:
            return
        try:
            self.ctx.progress.autosave(self.ctx.profile, self.session)
        except PROGRESS_ERRORS as exc:
            self.ctx.notify(f"자동 저장에 실패했습니다: {exc}")

    def finish(self) -> None:
        """Store the attempt and show the debrief."""
        result = self.session.result()
        if self.session.start:
            self.ctx.notify(self.ctx.t("play.partial_not_recorded", node=self.session.start))
        elif self.ctx.profile:
            try:
                self.ctx.progress.record_attempt(self.ctx.profile, self.session, result)
            except PROGRESS_ERRORS as exc:
                self.ctx.unsaved.append(str(exc))
                self.ctx.notify(f"결과를 저장하지 못했습니다: {exc}")
        self._hush()
        debrief = {
            "scenario": self.scenario,
            "rubric": self.rubric,
            "session": self.session,
            "result": result,
        }
        self.emit(Replace(SceneKind.DEBRIEF, debrief))

    def restart(
        self,
        scenario: Scenario | None = None,
        rubric: Rubric | None = None,
        saved: dict | None = None,
        keep_order: bool = False,
    ) -> None:
        """Start this scenario again (or its reloaded version): from the beginning, or from ``saved``; a
        new attempt with a new option order, or (``keep_order``, after F5) the same attempt's order."""
        if self.ctx.profile:
            try:
                self.ctx.progress.discard_autosave(self.ctx.profile)
            except PROGRESS_ERRORS as exc:
                self.ctx.notify(str(exc))
        self._hush()
        again: dict[str, Any] = {"scenario": scenario or self.scenario, "rubric": rubric or self.rubric}
        if saved is not None:
            again["saved"] = saved
        elif self.session.start:
            again["start"] = self.session.start
        if keep_order:
            again["seed"] = self.session.seed
        self.emit(Replace(SceneKind.PLAY, again))

    def reload(self) -> None:
        """F5: the scenario files again, and the trainer kept where they were (see the module doc);
        with errors in its file, or with it gone, the trainer is taken back to select."""
        errors = self.ctx.reload()
        if errors:
            self._hush()
            if any(d.pos.path == self.scenario.path for d in errors):
                self.emit(Reset(SceneKind.SELECT, {"selected": self.scenario.id}))
            self.emit(Push(SceneKind.RELOAD_ERRORS, {"errors": errors}))
            return
        try:
            scenario = self.ctx.library.get(self.scenario.id)
        except KeyError:
            self.ctx.notify(self.ctx.t("reload.gone", id=self.scenario.id))
            self._hush()
            self.emit(Reset(SceneKind.SELECT))
            return
        rubric = self.ctx.library.rubric_for(scenario)
        self.restart(scenario, rubric, keep_place(self.session, scenario, rubric), keep_order=True)
        self.ctx.notify(self.ctx.t("reload.done", n=len(self.ctx.library.scenarios)))

    def _hush(self) -> None:
        """Cut the voice and the ring: the scene is leaving the top of the stack."""
        self.ctx.speech.stop()
        self.ctx.effects.stop_ring()

    # -- time --------------------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        if self.judging is not None and self.judging.done:
            judged, self.judging = self.judging, None
            self._answer(judged.text, judged.seconds)
        self._warm_a_face()
        self.clock.now += dt
        self.t += dt
        state = self.session.analyser.state
        if state != self._analyser_state:  # loaded or failed since the last frame: offer what now fits
            self._analyser_state = state
            if state == "failed":
                self.ctx.notify(self.ctx.t("play.analyser_failed"))
            if self.session.typing_unavailable and self.input.active:
                self.input.deactivate()
            self._build_controls()
        self.typewriter.update(dt)
        self.ctx.speech.poll()
        if self.ringing:
            self.ctx.effects.ring()
        else:
            self.ctx.effects.stop_ring()

    def _warm_a_face(self) -> None:
        """Rasterise one face this play may show, per frame, so a change of emotion never waits on the
        SVG loader; the face on screen now comes first (``draw`` would make it anyway)."""
        if not self._unwarmed:
            return
        look, emotion = self._unwarmed.pop(0)
        sizes = [r.width for r in art.people_rects(self.ctx, self.areas.stage, len(self.looks))]
        if self.scenario.customer_on_phone:
            sizes = [self.ctx.layout.px(CALLER_FACE)]
        FACES.get(look, emotion, sizes[min(self.looks.index(look), len(sizes) - 1)])

    @property
    def areas(self) -> Areas:
        return areas(self.ctx.layout.extra)

    def people(self) -> list[art.Person]:
        """Who is on the stage now, with the emotion each shows."""
        if self.session.node.customer_gone:
            return []
        people = [art.Person(self.looks[0], self.session.emotion)]
        if len(self.looks) > 1:
            people.append(art.Person(self.looks[1], self.session.node.companion_emotion or "calm"))
        return people

    def resume(self, result: str | None = None) -> None:
        """Back from pause or coaching: settings may have changed, and the node may be a new one; the
        scene that closed may have asked for a restart (pause), an undo (coaching) or a reload (F5)."""
        self._coached = False
        if result == RESTART:
            self.restart()
            return
        if result == RELOAD:
            self.reload()
            return
        if result == UNDO:
            self.undo()
        self.typewriter.speed = self.ctx.settings.text_speed
        if self.typewriter.speed <= 0:
            self.typewriter.skip()
        self.input.placeholder = self.ctx.t("play.typed_hint")
        self._build_controls()
        if self.session.node.typed is not None and not self.input.active:
            self.input.activate(self.ctx)

    def close(self) -> None:
        self.ctx.effects.stop_ring()
        if self.input.active:
            self.input.deactivate()
        CANVASES.give(self._base, self._frame, self._next_base, self._next_frame)  # for the next play
        self._base = self._frame = self._next_base = self._next_frame = None

    def prepare(self) -> None:
        """Under the coaching card: paint the next node's base layer now, in a frame of the card's
        (which is otherwise one blit), so the first frame after the card closes does not pay for it."""
        surface = self._presented_on
        if not self._coached or surface is None or self._base is None:
            return
        self._prepared_frames += 1
        if self._prepared_frames == 1:
            return  # the card's own first frame is busy drawing the card; this waits one frame
        key = self._base_key(surface)
        if key == self._base_key_now or key == self._next_base_key:
            return
        self._next_base = CANVASES.fit(self._next_base, surface)
        self._paint_base(self._next_base)
        self._next_base_key = key
        self._next_frame = CANVASES.fit(self._next_frame, surface)
        self._next_frame.blit(self._next_base, (0, 0))
        self._next_layer_keys = {}
        self._paint_layers(self._next_frame, self._next_base, self._next_layer_keys)

    # -- what the screen shows (pure reads) ---------------------------------------------------------

    @property
    def analyser_loading(self) -> bool:
        """The Korean analyser is loading (in its helper process): decisions wait, visibly."""
        return (
            self._analyser_state == "loading" and self.session.node.is_decision and not self.session.finished
        )

    @property
    def typing(self) -> bool:
        """The node asks for a typed reply and the analyser can judge it: the text box is shown."""
        return (
            self.session.node.typed is not None
            and not self.session.finished
            and not self.session.typing_unavailable
        )

    @property
    def ringing(self) -> bool:
        return self.session.node.event == "phone_ringing" and self.connected_at is None

    @property
    def expired(self) -> bool:
        left = self.session.time_left()
        return left is not None and left <= 0 and self.session.node.is_decision and not self.session.finished

    def call_seconds(self) -> float | None:
        return None if self.connected_at is None else self.clock.now - self.connected_at

    # -- drawing -----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Present the frame cache (the base layer with the moving layers on it), then the overlays.

        When the window still holds this scene's own picture from the frame before (nothing drawn over
        it since: ``ctx.painted``), only the areas repainted in the cache are copied; presenting the
        whole frame was most of a steady frame's cost (benchmarks/ui.py frame_p99)."""
        frame, changed = self._frame_cache(surface)
        typing = self.typing and not self._coached  # under the card the decision just made stays
        painter, when, over = self.ctx.painted
        mine = (
            painter is self
            and when == self.ctx.frame - 1
            and self._presented_on is surface
            and not self._overlaid
        )
        if mine:
            typed_box = [self.ctx.layout.rect(self.input.rect)] if typing else []
            for box in [*changed, *over, *typed_box]:
                surface.blit(frame, box, box)  # the text box is drawn anew over its own background
        else:
            surface.blit(frame, (0, 0))
        self._presented_on = surface
        if typing:
            self.input.draw(self.ctx, surface)
        if self.show_backlog:
            self.veil.draw(surface, self.ctx.theme.shade)
            self._draw_backlog(surface)
        if self.show_inspector:
            self._draw_inspector(surface)
        self._overlaid = self.show_backlog or self.show_inspector

    def inspector_lines(self) -> list[str]:
        """What F12 shows a trainer: where the play is and what the engine holds (ids, as in the YAML)."""
        session, rubric = self.session, self.rubric
        state = session.state
        result = session.result()
        lines = [
            f"node: {session.node.id}" + (f"  (from {session.start})" if session.start else ""),
            f"mood: {state.mood:+d} ({session.emotion})",
            f"flags: {', '.join(sorted(state.flags)) or '-'}",
            f"steps: {', '.join(state.steps_done) or '-'}",
            f"overall: {result.overall:.1f} · decisions: {len(session.decisions)}",
        ]
        scores = [
            f"{dim}: {'-' if value is None else f'{value:.0f}'}"
            for dim in rubric.dimensions
            for value in [result.dimensions.get(dim)]
        ]
        lines += [" · ".join(scores[i : i + 4]) for i in range(0, len(scores), 4)]
        return lines

    def _draw_inspector(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        lines = self.inspector_lines()
        rect = (STAGE[0] + 8, STAGE[1] + 56, STAGE[2] - 16, 24 + 22 * len(lines))
        draw_panel(ctx, surface, rect, th.panel, th.accent, radius=8)
        for i, line in enumerate(lines):
            draw_text(
                ctx, surface, line, (rect[0] + 12, rect[1] + 12 + 22 * i, rect[2] - 24, 22), 15, th.text
            )

    def _frame_cache(self, surface: pygame.Surface) -> tuple[pygame.Surface, list[pygame.Rect]]:
        """The base layer with the stage, the dialogue and the meters painted on, each layer repainted
        only when what it shows has changed (a face moved a whole pixel, a letter was revealed, a meter
        lost a pixel). A cache like the base layer, so ``draw`` still changes nothing the play reads.

        Painting the three layers every frame cost about 3.3 times the bare cost of presenting a frame
        (benchmarks/ui.py frame_p99, target 2); most frames now cost one blit of this surface.
        """
        if self._coached and self._frame is not None and self._frame.get_size() == surface.get_size():
            # Under the coaching card the picture of the decision just made stays (the options the
            # trainee chose from, dimmed), and the next node is painted when the card closes: the
            # card's first frame then does not pay for both (it went over a frame's budget).
            return self._frame, []
        base = self._base_layer(surface)
        changed: list[pygame.Rect] = []
        frame = CANVASES.fit(self._frame, surface)
        if frame is not self._frame:
            self._frame, self._frame_of = frame, -1
        if self._frame_of != self._base_paintings:
            self._frame.blit(base, (0, 0))
            self._frame_of = self._base_paintings
            self._layer_keys = {}
            changed.append(self._frame.get_rect())
        changed += self._paint_layers(self._frame, base, self._layer_keys)
        return self._frame, changed

    def _paint_layers(self, frame: pygame.Surface, base: pygame.Surface, keys: dict) -> list[pygame.Rect]:
        """Repaint on ``frame`` each moving layer whose key differs from ``keys`` (updated); the boxes."""
        layers = (
            ("stage", self.areas.stage, self._stage_key(), lambda on: self._draw_stage(on, base)),
            ("dialogue", self.areas.dialogue, self._dialogue_key(), self._draw_dialogue),
            ("meters", self.areas.meters, self._meters_key(), self._draw_meters),
        )
        changed = []
        for name, area, key, paint in layers:
            if keys.get(name) != key:
                box = pygame.Rect(self.ctx.layout.rect(area))
                frame.blit(base, box, box)
                clip = frame.get_clip()
                frame.set_clip(box)
                paint(frame)
                frame.set_clip(clip)
                keys[name] = key
                changed.append(box)
        return changed

    def _stage_key(self) -> tuple:
        """What the stage shows now: where each face stands, or the phone's shake, face and timer."""
        ctx = self.ctx
        if not self.scenario.customer_on_phone:
            placed = art.placed_people(ctx, self.areas.stage, self.people(), self.t)
            return tuple((id(face), position) for face, position in placed)
        seconds = self.call_seconds()
        return (
            self.ringing,
            round(art.phone_jiggle(self.t, self.ringing) * ctx.layout.scale, 1),
            self.connected_at is not None,
            None if seconds is None else int(seconds),
            self.session.emotion,
        )

    def _dialogue_key(self) -> tuple:
        subtitles = self.ctx.settings.subtitles or not self.ctx.speech.available
        return (id(self.segments), len(self.segments), self.typewriter.count, subtitles)

    def _meters_key(self) -> tuple:
        """The meters' pixels: filled widths, colours, the timer's text and the timeout flash."""
        width = self.ctx.layout.px(METER_W)
        patience = self.session.patience()
        key: tuple = (round(width * patience), patience > 0.5, patience > 0.25)
        limit = self.session.node.time_limit
        if limit is None or self.session.finished or not self.session.node.is_decision:
            return key
        if self.expired:
            return (*key, "expired", (self.t % 0.8) < 0.55)
        left = max(0.0, self.session.time_left() or 0.0)
        fraction = left / limit
        return (*key, f"{left:.1f}", round(width * fraction), fraction > 0.5, fraction > 0.25)

    def _base_key(self, surface: pygame.Surface) -> tuple:
        """Everything the base layer depends on; a new key repaints it (a node, a hover, a setting)."""
        ctx = self.ctx
        phone = self.scenario.customer_on_phone
        return (
            surface.get_size(),
            ctx.layout,
            ctx.theme.name,
            ctx.settings.font_scale,
            ctx.strings.lang,
            self.mode,
            tuple((b.rect, b.label, b.number, b.enabled) for b in self.menu.buttons),
            self.menu.focus,
            self.session.node.id,
            self.session.finished,
            self.ringing if phone else self._counter_label(),
            self.session.emotion,
            self.session.node.companion_emotion,
            self._analyser_state,  # 분석 준비 중 appears and goes with the analyser's load
            self.judging is not None,  # 판정 중 while a typed reply is analysed
        )

    def _base_layer(self, surface: pygame.Surface) -> pygame.Surface:
        """The cached base layer (a cache, so ``draw`` still changes no state the play depends on).

        Repainting the whole screen every frame cost more than twice the bare cost of presenting a
        frame (benchmarks/ui.py frame_p99); the backdrop, the counter, the panels, the labels and the
        option buttons are painted once here and blitted in one go.
        """
        key = self._base_key(surface)
        base = CANVASES.fit(self._base, surface)
        if base is not self._base:
            self._base, self._base_key_now = base, None
        if self._base_key_now != key and self._next_base_key == key and self._next_base is not None:
            # painted ahead while the coaching card was up (``prepare``): swap it in, and the frame
            # made on it with its layers
            self._base, self._next_base = self._next_base, self._base
            self._base_key_now, self._next_base_key = key, None
            self._base_paintings += 1
            if self._next_frame is not None and self._next_frame.get_size() == surface.get_size():
                self._frame, self._next_frame = self._next_frame, self._frame
                self._frame_of, self._layer_keys = self._base_paintings, self._next_layer_keys
        if self._base_key_now != key:
            self._paint_base(self._base)  # repainted in place: a fresh surface would page-fault
            self._base_key_now = key
            self._base_paintings += 1
        return self._base

    def _paint_base(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        surface.fill(th.background)
        self._draw_top(surface)
        phone = self.scenario.customer_on_phone
        at = self.areas
        art.draw_backdrop(ctx, surface, at.stage, "phone_desk" if phone else self.scenario.stage)
        if phone:
            self._draw_caller_card(surface, at.caller_card)
        else:
            art.draw_counter(ctx, surface, at.stage, self.scenario.stage)
            self._draw_tag(surface, self._counter_label())
        draw_panel(ctx, surface, at.dialogue, th.panel, th.border)
        x, y, _w, _h = at.meters
        draw_panel(ctx, surface, at.meters, th.panel, th.border)
        if not self.session.node.customer_gone:
            draw_text(ctx, surface, ctx.t("play.patience"), (x + 20, y + 10, METER_W, 26), 16, th.text_dim)
        self._draw_controls(surface)

    def _draw_top(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        draw_text(
            ctx, surface, self.scenario.title, (16, 12, 560, 40), 22, th.text, bold=True, valign="middle"
        )
        badge = (592, 16, 92, 32)
        draw_panel(
            ctx, surface, badge, th.accent if self.mode == "exam" else th.panel_alt, th.border, radius=16
        )
        draw_text(
            ctx,
            surface,
            ctx.t(f"mode.{self.mode}"),
            badge,
            16,
            th.on_accent if self.mode == "exam" else th.text,
            bold=True,
            align="center",
            valign="middle",
        )
        hint = ctx.t("play.hint") + (" · " + ctx.t("play.hint_undo") if self.mode == "practice" else "")
        draw_text(ctx, surface, hint, (700, 12, 564, 40), 14, th.text_dim, align="right", valign="middle")

    def _counter_label(self) -> str:
        if self.session.node.customer_gone:
            return self.ctx.t("play.customer_gone")
        return f"{self.scenario.customer.name} · {self.ctx.t('emotion.' + self.session.emotion)}"

    def _draw_tag(self, surface: pygame.Surface, label: str) -> None:
        ctx, th = self.ctx, self.ctx.theme
        tag = self.areas.tag
        draw_panel(ctx, surface, tag, th.panel, th.border, radius=8)
        draw_text(ctx, surface, label, tag, 17, th.text, bold=True, align="center", valign="middle")

    def _draw_stage(self, surface: pygame.Surface, base: pygame.Surface) -> None:
        """What moves on the stage: the customer (the counter in front is restored from the base
        layer), or on the phone the ringing set, the caller's face and the call timer."""
        ctx = self.ctx
        emotion = self.session.emotion
        at = self.areas
        x, y, _w, h = at.stage
        if not self.scenario.customer_on_phone:
            art.draw_people(ctx, surface, at.stage, art.placed_people(ctx, at.stage, self.people(), self.t))
            for area in [
                *art.counter_rects(ctx, at.stage, self.scenario.stage),
                pygame.Rect(ctx.layout.rect(at.tag)),
            ]:
                surface.blit(base, area, area)  # the counter and the name tag stay in front
            return
        art.draw_phone(
            ctx, surface, (x + 20, y + h - 226, 250, 210), self.ringing, self.connected_at is not None, self.t
        )
        gone = self.session.node.customer_gone
        if not self.ringing and not gone:
            card_x, card_y, card_w, _ = at.caller_card
            centre = ctx.layout.point(card_x + card_w - 50, card_y + 66)
            art.draw_caller(
                ctx, surface, centre, ctx.layout.px(CALLER_FACE), art.Person(self.looks[0], emotion)
            )
        seconds = self.call_seconds()
        if gone:
            label = ctx.t("play.call_ended")
        elif self.ringing:
            label = ctx.t("play.ringing")
        elif seconds is not None:
            minutes, secs = divmod(int(seconds), 60)
            label = ctx.t("play.call", t=f"{minutes:02d}:{secs:02d}")
        else:
            label = ctx.t("play.caller")
        self._draw_tag(surface, label)

    def _draw_caller_card(self, surface: pygame.Surface, rect: Rect) -> None:
        """The card's panel and words (base layer); the face on it is drawn each frame."""
        ctx, th = self.ctx, self.ctx.theme
        draw_panel(ctx, surface, rect, th.panel, th.border, radius=10)
        x, y, w, h = rect
        draw_text(ctx, surface, ctx.t("play.caller"), (x + 14, y + 10, w - 28, 22), 15, th.text_dim)
        name = "···" if self.ringing else self.scenario.customer.name
        draw_text(ctx, surface, name, (x + 14, y + 36, w - 96, 34), 24, th.text, bold=True)
        gone = self.session.node.customer_gone
        kind = ctx.t("play.call_ended") if gone else ctx.t("type." + self.scenario.customer.type)
        draw_text(ctx, surface, kind, (x + 14, y + 74, w - 96, 26), 16, th.text_dim)
        if not self.ringing and not gone:
            draw_text(
                ctx,
                surface,
                ctx.t("emotion." + self.session.emotion),
                (x + 14, y + h - 44, w - 28, 30),
                18,
                th.text,
                bold=True,
                valign="middle",
            )

    def _draw_dialogue(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        x, y, w, h = self.areas.dialogue
        subtitles = ctx.settings.subtitles or not ctx.speech.available
        blocks: list[Block] = []
        offset = 0
        count = self.typewriter.count
        for seg in self.segments:
            reveal = max(0, count - offset)
            offset += len(seg.text)
            if seg.kind == "narration":
                blocks.append(
                    Block(ctx.t("play.narrator"), 15, th.text_dim, bold=True, gap=6 if blocks else 0)
                )
                blocks.append(Block(seg.text, 19, th.text_dim, reveal=reveal, gap=2))
            else:
                blocks.append(
                    Block(self.scenario.customer.name, 17, th.accent, bold=True, gap=12 if blocks else 0)
                )
                text = seg.text if subtitles else "♪ …"
                blocks.append(Block(text, 25, th.text, reveal=reveal if subtitles else None, gap=2))
        if blocks:
            draw_blocks(ctx, surface, (x + 20, y + 14, w - 40, h - 28), blocks)

    def _draw_meters(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        x, y, _w, _h = self.areas.meters
        half = METER_W
        if not self.session.node.customer_gone:  # nobody left to lose patience
            draw_meter(ctx, surface, (x + 20, y + 44, half, 20), self.session.patience())
        limit = self.session.node.time_limit
        if limit is None or self.session.finished or not self.session.node.is_decision:
            return
        left = self.session.time_left() or 0.0
        tx = x + 40 + half
        if self.expired:
            flash = (self.t % 0.8) < 0.55
            draw_text(
                ctx,
                surface,
                ctx.t("play.timeout"),
                (tx, y + 8, half, 60),
                16,
                th.bad if flash else th.warn,
                bold=True,
                valign="middle",
            )
            draw_meter(ctx, surface, (tx, y + 64, half, 8), 0.0)
        else:
            draw_text(
                ctx,
                surface,
                ctx.t("play.timer", s=f"{max(0.0, left):.1f}"),
                (tx, y + 10, half, 26),
                16,
                th.text_dim,
            )
            draw_meter(ctx, surface, (tx, y + 44, half, 20), left / limit)

    def _draw_controls(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        x, y, w, _h = self.areas.choices
        if self.session.node.typed is not None and not self.session.finished:
            if self.typing:
                draw_text(
                    ctx, surface, self.session.node.typed.prompt, (x, y, w, 72), 20, th.warn, valign="middle"
                )
                hint = (
                    "play.judging"
                    if self.judging is not None
                    else "play.analyser_loading"
                    if self.analyser_loading
                    else "play.typed_hint"
                )
                colour = th.warn if self.analyser_loading or self.judging is not None else th.text_dim
                draw_text(ctx, surface, ctx.t(hint), (x, y + 150, w, 30), 16, colour)
                return
        elif self.analyser_loading:
            draw_text(ctx, surface, ctx.t("play.analyser_loading"), (x, y - 34, w, 30), 16, th.warn)
        self.menu.draw(ctx, surface, size=19)

    def _draw_backlog(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        rect = (140, 40, 1000, 640)
        draw_panel(ctx, surface, rect, th.panel, th.border)
        draw_text(ctx, surface, ctx.t("play.backlog"), (170, 56, 940, 36), 22, th.text, bold=True)
        names = {
            "narrator": ctx.t("play.narrator"),
            "customer": self.scenario.customer.name,
            "trainee": ctx.t("play.you"),
        }
        colors = {"narrator": th.text_dim, "customer": th.text, "trainee": th.accent}
        entries = self.backlog[: len(self.backlog) - self.backlog_scroll]
        bottom = 660.0
        for entry in reversed(entries):
            text = f"{names[entry.speaker]}: {entry.text}"
            need = measure(ctx, text, 940, 18)
            if bottom - need < 100:
                break
            bottom -= need + 6
            draw_text(ctx, surface, text, (170, bottom, 940, need + 2), 18, colors[entry.speaker])
        draw_line(ctx, surface, "▲ ▼", (1110, 62), 16, th.text_dim, anchor="topright")
