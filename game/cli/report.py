"""`eungdae report` and `eungdae xapi push`: results out of the saves folder, for trainers and the LMS.

The saves folder is ``--saves DIR``, else ``$EUNGDAE_SAVES``, else ``<project>/saves`` — the same rule
the game uses, so a class sharing a folder reports from the folder it plays into.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game.progress.atomic import SaveError
from game.progress.reports import csv as csv_report
from game.progress.reports import figures
from game.progress.reports import html as html_report
from game.progress.reports import json as json_report
from game.progress.sessions import load_session
from game.progress.store import ProgressStore
from game.progress.xapi import statements as xs
from game.progress.xapi.outbox import Outbox
from game.progress.xapi.push import Lrs
from game.scenario.library import PROJECT_ROOT, load_library, with_builtin


def saves_dir(option: str | None) -> Path:
    return Path(option or os.environ.get("EUNGDAE_SAVES") or PROJECT_ROOT / "saves")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="교육 결과 보고서 (CSV, HTML, JSON, xAPI)")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--profile", help="one trainee's attempts")
    scope.add_argument("--all", action="store_true", help="every profile (the default)")
    scope.add_argument(
        "--session", metavar="FILE", help="an onboarding session file: its trainees and scenarios"
    )
    p.add_argument("--format", required=True, choices=("csv", "html", "json", "xapi"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--saves", metavar="DIR", help="saves folder (default: $EUNGDAE_SAVES or saves/)")
    p.add_argument(
        "--scenarios", action="append", help="scenario folders to add to the built-in library (for titles)"
    )
    p.set_defaults(func=cmd_report)

    x = sub.add_parser("xapi", help="xAPI 문장을 LRS로 보내기")
    xsub = x.add_subparsers(dest="xapi_command", metavar="COMMAND")
    push = xsub.add_parser("push", help="outbox의 문장을 LRS로 전송 (보낸 문장은 다시 보내지 않음)")
    push.add_argument(
        "--endpoint", required=True, help="the LRS xAPI endpoint, e.g. https://lrs.example/xAPI/"
    )
    push.add_argument("--username", required=True)
    push.add_argument("--password", required=True)
    push.add_argument("--saves", metavar="DIR")
    push.add_argument("--scenarios", action="append")
    push.set_defaults(func=cmd_push)


def _notices(store: ProgressStore) -> None:
    for notice in store.notices:
        print(f"warning: {notice}", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    library = load_library(with_builtin(args.scenarios))
    session = None
    if args.session:
        session, problems = load_session(args.session, library)
        for d in problems:
            print(d.format(), file=sys.stderr)
        if session is None:
            return 1
    folder = saves_dir(args.saves)
    if not folder.is_dir():
        print(
            f"error: saves folder not found: {folder} (use --saves DIR or set EUNGDAE_SAVES)", file=sys.stderr
        )
        return 1
    store = ProgressStore(folder, library)
    try:
        if args.profile and args.profile not in store.profiles():
            known = ", ".join(store.profiles()) or "(none)"
            print(f"error: no profile '{args.profile}' in {folder}; profiles: {known}", file=sys.stderr)
            return 1
        entries = figures.select(store.all_attempts(), profile=args.profile, session=session)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _notices(store)
    if session is not None:
        scope = f"{session.name} ({session.date.isoformat()})"
    else:
        scope = f"프로필 {args.profile}" if args.profile else "전체 프로필"
    figs = figures.compute(entries, library, scope, session.scenarios if session else None)
    if args.format == "csv":
        text = csv_report.render(figs)
    elif args.format == "html":
        text = html_report.render(figs)
    elif args.format == "json":
        text = json_report.render(figs)
    else:
        statements = []
        for entry in figs.entries:
            options = {
                n: o for (sid, n), o in figs.labels.choices.items() if sid == entry.attempt["scenario"]
            }
            title = figs.labels.scenarios.get(entry.attempt["scenario"], "")
            statements += xs.build(entry.profile, entry.attempt, title=title, options=options)
        text = json.dumps(statements, ensure_ascii=False, indent=1) + "\n"
    try:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        print(f"error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{args.output}: {len(figs.entries)} attempts, {len(figs.trainees)} trainees ({scope})")
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    folder = saves_dir(args.saves)
    if not folder.is_dir():
        print(f"error: saves folder not found: {folder}", file=sys.stderr)
        return 1
    store = ProgressStore(folder, load_library(with_builtin(args.scenarios)))
    outbox = Outbox(folder)
    try:
        added = outbox.fill(store)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _notices(store)
    lrs = Lrs(args.endpoint, args.username, args.password)
    report = outbox.deliver(lrs.post)
    print(
        f"queued {added} new attempts; sent {report.statements} statements "
        f"({report.batches} attempts); {report.waiting} attempts waiting in {outbox.queue_dir}"
    )
    if report.error:
        print(
            f"error: {report.error} — the statements stay in the outbox; run this again later",
            file=sys.stderr,
        )
        return 1
    return 0
