"""``eungdae voices build|status``: pre-build customer voices and report what audio is missing or stale.

Exit codes follow the project contract: 0 ok, 1 the input has problems (scenario errors, lines that
could not be voiced), 2 usage error (argparse). ``status`` is a report: missing audio is not an error.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.voice import build as voice_build
from game.voice.cache import VoiceCache
from game.voice.service import MODES, VoiceService

PATHS_HELP = "시나리오 파일 또는 폴더 (기본: scenarios/)"


def register(subparsers: argparse._SubParsersAction) -> None:
    voices = subparsers.add_parser("voices", help="음성(voice) 캐시 만들기·상태 보기")
    sub = voices.add_subparsers(dest="voices_command", required=True)

    build_p = sub.add_parser("build", help="모든 고객 대사의 음성을 미리 만듭니다")
    build_p.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    build_p.add_argument(
        "--backend", choices=MODES, default="auto", help="auto: gTTS, 안 되면 시스템 음성, 그다음 espeak-ng"
    )
    build_p.set_defaults(func=run_build)

    status_p = sub.add_parser("status", help="음성이 없거나 낡은(stale) 대사 수를 보여 줍니다")
    status_p.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    status_p.add_argument(
        "--json",
        action="store_true",
        help='{"lines", "cached", "missing", "stale", "silent", "by_line": [{"id", "state", "backend", '
        '"text", "synth_text"}]}',
    )
    status_p.set_defaults(func=run_status)


def _load(paths: list[str]):
    """Scenarios that load; their errors are printed (as ``validate`` would) but do not stop a build."""
    from game.scenario.library import load_library

    library = load_library(paths or None)
    for diagnostic in library.errors:
        print(diagnostic.format(), file=sys.stderr)
    return library.scenarios, bool(library.errors)


def run_build(args: argparse.Namespace) -> int:
    scenarios, had_errors = _load(args.paths)
    # A build is a trainer's act: gTTS downloads go to assets/voices/ so they can be committed.
    service = VoiceService(VoiceCache(), mode=args.backend, ship=True)
    backend = None if args.backend == "auto" else args.backend
    report = voice_build.build(scenarios, service, backend)
    for notice in service.notices:
        print(notice, file=sys.stderr)
    for line_id, message in report.failed.items():
        print(f"{line_id}: error: {message}", file=sys.stderr)
    print(
        f"음성 {report.lines}줄: 새로 만든 것 {report.built}, 이미 있던 것 {report.already}, "
        f"말없음(지문뿐) {report.silent}, 실패 {len(report.failed)} ({report.seconds:.1f}s) → {service.cache.root}"
    )
    return 1 if report.failed or had_errors else 0


def run_status(args: argparse.Namespace) -> int:
    scenarios, had_errors = _load(args.paths)
    service = VoiceService(VoiceCache())
    counts = voice_build.status(scenarios, service)
    if args.json:
        print(
            json.dumps({**counts, "by_line": voice_build.line_report(scenarios, service)}, ensure_ascii=False)
        )
    else:
        print(
            f"대사 {counts['lines']}줄: 음성 있음 {counts['cached']}, 없음(missing) {counts['missing']}, "
            f"낡음(stale) {counts['stale']}, 말없음(지문뿐) {counts['silent']}"
        )
        if counts["missing"] or counts["stale"]:
            print("'eungdae voices build'로 만들 수 있습니다.")
    return 1 if had_errors else 0
