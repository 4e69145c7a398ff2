"""Random walks through every built-in scenario: play never raises and always reaches an ending."""

from __future__ import annotations

import random

from game.engine.session import Session
from game.scenario.library import load_library

WALKS_PER_SCENARIO = 250


def test_random_walks_always_end():
    library = load_library()
    rng = random.Random(20261122)
    walks = 0
    for scenario in library.scenarios:
        rubric = library.rubric_for(scenario)
        endings = set()
        for _ in range(WALKS_PER_SCENARIO):
            session = Session(scenario, rubric, clock=lambda: 0.0)
            for _step in range(200):
                if session.finished:
                    break
                if session.needs_advance:
                    session.advance()
                elif session.node.typed is not None:
                    text = rng.choice(
                        [*session.node.typed.examples, "네?", "죄송합니다. 바로 확인해 드리겠습니다."]
                    )
                    session.answer(text, rng.uniform(0, 30))
                else:
                    session.choose(rng.randint(1, len(session.available())), rng.uniform(0, 30))
                if rng.random() < 0.05:
                    session.undo()
            assert session.finished, f"{scenario.id}: no ending after 200 steps"
            result = session.result()
            assert 0 <= result.overall <= 100
            assert all(v is None or 0 <= v <= 100 for v in result.dimensions.values())
            endings.add(result.ending)
            walks += 1
        assert endings, scenario.id
    assert walks == WALKS_PER_SCENARIO * len(library.scenarios)
