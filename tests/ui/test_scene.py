"""The scene stack without a window: who gets events and time, who is drawn, who is told to resume."""

from game.ui.scene import Scene, SceneStack


class Probe(Scene):
    def __init__(self, name: str, log: list, opaque: bool = True) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.name, self.log, self.opaque = name, log, opaque

    def process_event(self, event):
        self.log.append((self.name, "event"))

    def update(self, dt):
        self.log.append((self.name, "update"))

    def draw(self, surface):
        self.log.append((self.name, "draw"))

    def resume(self):
        self.log.append((self.name, "resume"))

    def close(self):
        self.log.append((self.name, "close"))


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
    assert log == [("pause", "close"), ("play", "resume")]
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
    assert first.stack is None
