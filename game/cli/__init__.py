"""The `eungdae` command: one parser, each command group registered by the module that owns it.

Exit codes are a contract (tests and trainers' scripts rely on them): 0 ok, 1 the input has problems,
2 usage error. Bad input never reaches the user as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module exposes register(subparsers) and sets `func(args) -> int` on its parsers. Only the module
# owning the command given is imported (the game's start-up time matters); help imports them all.
COMMANDS = {
    "play": "game.cli.play",
    "validate": "game.cli.authoring",
    "lint": "game.cli.authoring",
    "analyze": "game.cli.authoring",
    "coverage": "game.cli.authoring",
    "schema": "game.cli.authoring",
    "replay": "game.cli.replay",
    "assess": "game.cli.assess",
    "test": "game.cli.transcripts",
    "lines": "game.cli.lines",
    "new": "game.cli.scaffold",
    "graph": "game.cli.scaffold",
    "voices": "game.cli.voices",
    "report": "game.cli.report",
    "xapi": "game.cli.report",
    "where": "game.cli.where",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eungdae",
        description="응대 — 고객 응대 롤플레이 훈련 (3S · KASH · 불만 처리)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv = ["play", *argv]  # `python main.py [--profile …]` is the game
    parser = build_parser(argv[0])
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
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
