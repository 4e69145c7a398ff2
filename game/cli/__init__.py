"""The `eungdae` command: one parser, each command group registered by the module that owns it.

Exit codes are a contract (tests and trainers' scripts rely on them): 0 ok, 1 the input has problems,
2 usage error. Bad input never reaches the user as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module exposes register(subparsers) and sets `func(args) -> int` on its parsers.
COMMAND_MODULES = (
    "game.cli.authoring",
    "game.cli.replay",
    "game.cli.scaffold",
    "game.cli.voices",
    "game.cli.report",
    "game.cli.play",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eungdae",
        description="응대 — 고객 응대 롤플레이 훈련 (3S · KASH · 불만 처리)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        if args.command is None and "game.cli.play" in COMMAND_MODULES:
            return main(["play", *(argv or [])])
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
