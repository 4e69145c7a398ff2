"""`eungdae where`: the folders this run reads and writes, and why those (``game.paths``)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("where", help="저장 폴더, 음성 캐시, LRS 설정 파일의 위치")
    p.add_argument("--saves", type=Path, help="the saves folder a run with --saves DIR would use")
    p.set_defaults(func=cmd_where)


def cmd_where(args: argparse.Namespace) -> int:
    from game.paths import places
    from game.resources import ROOT

    found = places(args.saves)
    rows = [
        ("저장 폴더 (saves)", found.saves),
        ("음성 캐시 (voice cache)", found.voice_cache),
        ("LRS 설정 파일 (LRS settings)", found.lrs_settings),
        ("프로그램 파일 (read-only)", ROOT),
    ]
    for label, path in rows:
        state = "" if path.exists() else "  (아직 없음 / not created yet)"
        print(f"{label}: {path}{state}")
    print(f"이유 (why): {found.reason}")
    return 0
