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


def steps(text: str) -> list[int | str]:
    """An argparse type for a path of options: numbers (``2,1,3``) and option ids (``greet,apologise``)."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise argparse.ArgumentTypeError("expected comma-separated option numbers or ids")
    return [int(part) if part.isdigit() else part for part in parts]


def ids(text: str) -> list[str]:
    """An argparse type for comma-separated option ids such as ``greet,apologise,check``."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise argparse.ArgumentTypeError("expected comma-separated option ids")
    return parts
