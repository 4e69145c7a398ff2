"""The order a decision's options are shown in: shuffled per attempt, the same all through it.

If options were always shown as written, the position of the best answer would teach more than its
words (authors tend to write the model answer first). So each attempt draws a seed, and a node's
options are shown in an order that follows from (seed, node id) alone: the same every time that node
is shown in that attempt — after undo, on resume, after F5 — and different from one attempt to the
next. Nothing outside the screen keeps a position; records keep option ids.

A seed of ``None`` means the authored order (``eungdae replay --choices``, attempts recorded before
shuffling existed). A node marked ``order: fixed`` keeps its authored order under any seed.
"""

from __future__ import annotations

import hashlib
import random
import secrets

from game.scenario.model import Choice, Node

SEED_LIMIT = 2**31  # small enough to type after --seed


def draw_seed() -> int:
    """A fresh seed for a new attempt."""
    return secrets.randbelow(SEED_LIMIT)


def presented(node: Node, seed: int | None) -> tuple[Choice, ...]:
    """All of a node's options (before any ``if:``), in the order shown under this seed.

    The shuffle is keyed on a hash of the seed and the node id, never on Python's per-process string
    hash, so it is the same on every machine and every run.
    """
    if seed is None or node.fixed_order or len(node.choices) < 2:
        return node.choices
    digest = hashlib.sha256(f"{seed}:{node.id}".encode()).digest()
    order = list(node.choices)
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return tuple(order)
