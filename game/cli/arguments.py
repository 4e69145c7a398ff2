"""Argument types shared by the commands (kept free of heavy imports: `play` parses with it at start-up)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def numbers(kind: type) -> Callable[[str], list]:
    """An argparse type for comma-separated numbers such as ``2,1,3`` or ``1.5,4,2``."""

    def parse(text: str) -> list:
        try:
            return [kind(part) for part in text.split(",") if part.strip()]
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected comma-separated numbers, got '{text}'") from None

    return parse
