"""The order options are shown in: per attempt, stable within it, and fair across the library."""

from __future__ import annotations

from collections import Counter

from game.engine.order import draw_seed, presented
from game.engine.session import Session
from game.scenario.library import load_library
from game.scenario.model import Choice, Node


def node(node_id: str, count: int, fixed: bool = False) -> Node:
    return Node(
        id=node_id,
        choices=tuple(Choice(id=f"o{i}", say=str(i), next=()) for i in range(count)),
        fixed_order=fixed,
    )


def test_the_order_follows_from_seed_and_node_alone():
    a = node("greet", 4)
    assert presented(a, 5) == presented(node("greet", 4), 5)  # same seed and node: same order
    orders = {tuple(c.id for c in presented(a, seed)) for seed in range(1, 21)}
    assert len(orders) > 5  # different attempts see different orders
    assert {tuple(c.id for c in presented(node(f"n{i}", 4), 5)) for i in range(20)} != {
        tuple(c.id for c in presented(a, 5))
    }  # and different nodes of one attempt are not all shuffled alike


def test_authored_order_without_a_seed_and_on_a_fixed_node():
    assert [c.id for c in presented(node("menu", 4), None)] == ["o0", "o1", "o2", "o3"]
    assert [c.id for c in presented(node("menu", 4, fixed=True), 9)] == ["o0", "o1", "o2", "o3"]


def test_fresh_seeds_differ():
    assert len({draw_seed() for _ in range(20)}) > 1


def test_no_displayed_position_holds_most_best_options_over_seeds_1_to_20():
    """Across the whole library, seeds 1-20: where does the best option appear at each decision?

    Every decision a best path passes through is counted once per seed, at the position its best
    option is shown in (decisions with a single option are left out: there is no position to learn).
    """
    library = load_library()
    positions: Counter[int] = Counter()
    for scenario in library.scenarios:
        rubric = library.rubric_for(scenario)
        for seed in range(1, 21):
            session = Session(scenario, rubric, clock=lambda: 0.0, seed=seed)
            while not session.finished:
                if session.needs_advance:
                    session.advance()
                elif session.node.typed is not None:
                    session.answer(session.node.typed.examples[0], 0)
                else:
                    best = session.fork().choose(1, 0).best_number
                    if len(session.available()) > 1:
                        positions[best] += 1
                    session.choose(best, 0)
    total = sum(positions.values())
    assert total >= 20 * 100  # every scenario, every seed, all its decisions
    assert max(positions.values()) / total <= 0.45, positions
