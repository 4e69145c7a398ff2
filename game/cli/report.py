"""`eungdae report` and `eungdae xapi push`: results out of the saves folder, for trainers and the LMS.

The saves folder is ``--saves DIR``, else ``$EUNGDAE_SAVES``, else the default of ``game.paths`` — the
same rule the game uses, so a class sharing a folder reports from the folder it plays into.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from pathlib import Path

from game.cli.output import write_output
from game.paths import places
from game.progress.atomic import SaveError
from game.progress.reports import csv as csv_report
from game.progress.reports import figures
from game.progress.reports import html as html_report
from game.progress.reports import json as json_report
from game.progress.sessions import load_session
from game.progress.store import ProgressStore
from game.progress.xapi import config as lrs_config
from game.progress.xapi import statements as xs
from game.progress.xapi.outbox import Outbox
from game.progress.xapi.push import DEFAULT_DEADLINE, EndpointError, Lrs, check_endpoint
from game.resources import with_builtin
from game.scenario.library import load_library


def saves_dir(option: str | None) -> Path:
    return places(option).saves


def _folder_problem(folder: Path) -> str | None:
    """Why ``folder`` is not a saves folder to read from, in words that say what to do."""
    if folder.is_dir():
        return None
    if folder.exists():
        return f"저장 폴더 자리에 파일이 있습니다: {folder}. --saves DIR로 저장 폴더를 지정하세요."
    return f"저장 폴더가 없습니다: {folder}. --saves DIR로 지정하거나 EUNGDAE_SAVES를 설정하세요."


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
        "--endpoint",
        help="the LRS xAPI endpoint, e.g. https://lrs.example/xAPI/ "
        "(default: $EUNGDAE_LRS_ENDPOINT or the LRS settings file; see `eungdae where`)",
    )
    push.add_argument("--username", help="default: $EUNGDAE_LRS_USERNAME or the settings file")
    push.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_DEADLINE,
        help=f"stop after this many seconds in all (default {DEFAULT_DEADLINE:g}); the rest stays queued",
    )
    push.add_argument(
        "--insecure", action="store_true", help="allow basic auth over plain http to another machine"
    )
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
    problem = _folder_problem(folder)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
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
    figs.skipped = dict(store.unavailable)
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
    problem = write_output(args.output, text)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"{args.output}: {len(figs.entries)} attempts, {len(figs.trainees)} trainees ({scope})")
    for folder_name, why in store.unavailable.items():
        print(f"skipped profile folder {folder_name}: {why}")
    return 0


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600, got '{text}'")
    return value


def _lrs_for_push(args: argparse.Namespace) -> tuple[Lrs | None, int]:
    """The LRS to push to, from the options, the environment, the settings file or a prompt; or the
    exit code after saying what is wrong. The endpoint is checked before anything is opened."""
    settings = lrs_config.for_this_machine()
    for warning in settings.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if settings.problem:
        print(f"error: {settings.problem}", file=sys.stderr)
        return None, 1
    endpoint = args.endpoint if args.endpoint is not None else settings.endpoint
    username = args.username or settings.username
    if endpoint is None:
        print(
            f"error: LRS 주소가 없습니다. --endpoint URL, {lrs_config.ENDPOINT_ENV}, 또는 "
            f"{places().lrs_settings} 파일로 지정하세요.",
            file=sys.stderr,
        )
        return None, 2
    try:
        check_endpoint(endpoint, insecure=args.insecure or settings.insecure)
    except EndpointError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None, 2
    if not username:
        print(
            f"error: LRS 사용자 이름이 없습니다. --username이나 {lrs_config.USERNAME_ENV}를 지정하세요.",
            file=sys.stderr,
        )
        return None, 2
    password = settings.password
    if password is None:
        if not sys.stdin.isatty():
            print(
                f"error: LRS 비밀번호가 없습니다. {lrs_config.PASSWORD_ENV}나 {places().lrs_settings} 파일로 "
                "지정하세요(명령줄에는 쓰지 않습니다).",
                file=sys.stderr,
            )
            return None, 2
        password = getpass.getpass(f"LRS password for {username}: ")
    deadline = time.monotonic() + args.timeout
    lrs = Lrs(endpoint, username, password, deadline=deadline, insecure=args.insecure or settings.insecure)
    return lrs, 0


def cmd_push(args: argparse.Namespace) -> int:
    lrs, code = _lrs_for_push(args)
    if lrs is None:
        return code
    folder = saves_dir(args.saves)
    problem = _folder_problem(folder)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    store = ProgressStore(folder, load_library(with_builtin(args.scenarios)))
    outbox = Outbox(folder)
    try:
        added = outbox.fill(store)
        report = outbox.deliver(lrs.post, wait=max(0.0, (lrs.deadline or 0) - time.monotonic()))
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _notices(store)
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
