"""The scene stack without a window: who gets events and time, who is drawn, who is told to resume, and
how the transitions scenes emit are resolved."""

import pytest

from game.ui.scene import Scene, SceneStack, TransitionError
from game.ui.transitions import RESTART, Pop, Push, Replace, Reset, SceneKind


class Probe(Scene):
    def __init__(self, name: str, log: list, opaque: bool = True) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.name, self.log, self.opaque = name, log, opaque
        self.on_event: list = []  # transitions to emit on the next event
        self.on_resume: dict = {}  # result -> transition to emit when resumed with it

    def process_event(self, event):
        self.log.append((self.name, "event"))
        for transition in self.on_event:
            self.emit(transition)
        self.on_event = []

    def update(self, dt):
        self.log.append((self.name, "update"))

    def draw(self, surface):
        self.log.append((self.name, "draw"))

    def resume(self, result=None):
        self.log.append((self.name, "resume", result))
        if result in self.on_resume:
            self.emit(self.on_resume[result])

    def close(self):
        self.log.append((self.name, "close"))


def probe_stack(log: list) -> tuple[SceneStack, list]:
    """A stack whose factory makes probes named after the kind, recording what it was asked for."""
    built: list = []

    def factory(kind, args):
        built.append((kind, args))
        return Probe(kind.value, log, opaque=kind not in (SceneKind.PAUSE, SceneKind.SETTINGS))

    return SceneStack(factory), built


def test_only_the_top_scene_gets_events_and_time():
    log: list = []
    stack = SceneStack()
    stack.push(Probe("play", log))
    stack.push(Probe("pause", log, opaque=False))
    stack.process_event(object())
    stack.update(0.1)
    assert log == [("pause", "event"), ("pause", "update")]


def test_overlays_are_drawn_over_the_last_opaque_scene_only():
    log: list = []
    stack = SceneStack()
    for name, opaque in (("title", True), ("play", True), ("pause", False), ("settings", False)):
        stack.push(Probe(name, log, opaque))
    stack.draw(None)
    assert [n for n, _ in log] == ["play", "pause", "settings"]


def test_pop_resumes_the_scene_below_and_replace_does_not():
    log: list = []
    stack = SceneStack()
    stack.push(Probe("play", log))
    stack.push(Probe("pause", log, opaque=False))
    stack.pop()
    assert log == [("pause", "close"), ("play", "resume", None)]
    log.clear()
    stack.replace(Probe("debrief", log))
    assert log == [("play", "close")]
    assert stack.top.name == "debrief" and len(stack.scenes) == 1


def test_reset_closes_everything_and_find_looks_down_the_stack():
    log: list = []
    stack = SceneStack()
    first = Probe("play", log)
    stack.push(first)
    stack.push(Probe("pause", log, opaque=False))
    assert stack.find(Probe) is stack.top
    stack.reset(Probe("select", log))
    assert ("play", "close") in log and ("pause", "close") in log
    assert [s.name for s in stack.scenes] == ["select"]


def test_a_push_emitted_on_an_event_is_built_by_the_factory_and_gets_the_next_event():
    log: list = []
    stack, built = probe_stack(log)
    play = Probe("play", log)
    stack.push(play)
    play.on_event = [Push(SceneKind.PAUSE, {"why": "esc"})]
    stack.process_event(object())
    assert built == [(SceneKind.PAUSE, {"why": "esc"})]
    assert [s.name for s in stack.scenes] == ["play", "pause"]
    stack.process_event(object())
    assert log[-1] == ("pause", "event")


def test_a_pop_with_a_result_reaches_the_scene_below_which_may_ask_for_more():
    log: list = []
    stack, built = probe_stack(log)
    play = Probe("play", log)
    play.on_resume = {RESTART: Replace(SceneKind.PLAY, {"again": True})}
    stack.push(play)
    pause = Probe("pause", log, opaque=False)
    stack.push(pause)
    pause.on_event = [Pop(RESTART)]
    stack.process_event(object())
    # the pause closes, the play hears "restart" and is replaced by a fresh play, all in one event
    assert log[1:] == [("pause", "close"), ("play", "resume", RESTART), ("play", "close")]
    assert len(stack.scenes) == 1 and stack.top is not play and stack.top.name == "play"
    assert built == [(SceneKind.PLAY, {"again": True})]


def test_transitions_emitted_together_apply_in_order_even_after_the_emitter_is_gone():
    log: list = []
    stack, _built = probe_stack(log)
    play = Probe("play", log)
    stack.push(play)
    # F5 with an error in the play's own file: back to select, with the error panel over it
    play.on_event = [Reset(SceneKind.SELECT, {"selected": "x"}), Push(SceneKind.RELOAD_ERRORS)]
    stack.process_event(object())
    assert [s.name for s in stack.scenes] == ["select", "reload-errors"]
    assert ("play", "close") in log


def test_transitions_are_resolved_only_when_the_handler_has_returned():
    log: list = []
    stack, _built = probe_stack(log)

    class Finisher(Probe):
        def process_event(self, event):
            self.emit(Replace(SceneKind.DEBRIEF))
            self.log.append(("finisher", "still on top", self.name == stack.top.name))

    stack.push(Finisher("play", log))
    stack.process_event(object())
    assert ("finisher", "still on top", True) in log
    assert stack.top.name == "debrief"


def test_drawing_must_not_emit_and_a_pop_needs_a_scene():
    log: list = []
    stack, _built = probe_stack(log)

    class Bad(Probe):
        def draw(self, surface):
            self.emit(Pop())

    stack.push(Bad("bad", log))
    with pytest.raises(TransitionError, match="while drawing"):
        stack.draw(None)
    empty = SceneStack()
    with pytest.raises(TransitionError):
        empty.apply(Pop())
    with pytest.raises(TransitionError, match="no factory"):
        empty.apply(Push(SceneKind.TITLE))


def test_scene_modules_do_not_import_each_other():
    """The flow between screens lives in transitions: no scene module names another."""
    import ast
    from pathlib import Path

    import game.ui.scenes as scenes

    folder = Path(scenes.__file__).parent
    for path in folder.glob("*.py"):
        if path.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("game.ui.scenes"), f"{path.name} imports {node.module}"
