"""`eungdae replay`: the engine alone, for trainers checking a scenario and for scripts.

``--choices 2,1,3`` counts options in the order they are written in the file, unless ``--seed S`` asks
for the order a trainee saw in an attempt with seed S; ``--path id1,id2`` names the options by id.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.authoring.transcripts import next_decision
from game.cli.arguments import ids, numbers
from game.engine.scoring import Result
from game.engine.session import SessionError, play
from game.resources import with_builtin
from game.scenario.diagnostics import ScenarioError
from game.scenario.library import load_one
from game.scenario.rubric import Rubric


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("replay", help="선택 번호로 시나리오를 재생하고 점수 출력")
    p.add_argument("scenario", help="scenario id or file")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--choices", type=numbers(int), help="1-based, in authored order unless --seed, e.g. 2,1,3"
    )
    which.add_argument("--path", type=ids, help="option ids in the order decided, e.g. greet,apologise")
    p.add_argument("--seed", type=int, help="number the options as shown in an attempt with this seed")
    p.add_argument("--seconds", type=numbers(float), help="response times, e.g. 1.5,4,2")
    p.add_argument("--json", action="store_true")
    p.add_argument("--scenarios", action="append", help="folders or files to add to the built-in library")
    p.set_defaults(func=cmd_replay)


def cmd_replay(args: argparse.Namespace) -> int:
    try:
        scenario, rubric = load_one(args.scenario, with_builtin(args.scenarios))
    except ScenarioError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 1
    path = args.path if args.path is not None else args.choices
    try:
        session = play(scenario, rubric, path, args.seconds, seed=args.seed)
    except SessionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not session.finished:
        print(
            f"error: {len(path)} choice(s) stop at node '{session.node.id}' before an ending — "
            f"add the {next_decision(session)}",
            file=sys.stderr,
        )
        return 1
    result = session.result()
    if args.json:
        data = result.to_json(rubric)
        data["finished"] = session.finished
        data["seed"] = args.seed
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render(result, rubric))
    return 0


def render(result: Result, rubric: Rubric) -> str:
    def pct(value: float | None) -> str:
        return "  —" if value is None else f"{value:5.1f}"

    lines = [
        f"{result.scenario}: {pct(result.overall)} / 100  {'합격' if result.passed else '불합격'}"
        f" (기준 {result.pass_mark:g})  엔딩: {result.ending}",
    ]
    for fw in rubric.frameworks.values():
        lines.append(f"  {fw.title}: {pct(result.frameworks[fw.id])}")
        for dim in rubric.dimensions.values():
            if dim.framework == fw.id:
                lines.append(f"    {dim.title}: {pct(result.dimensions[dim.id])}")
    if result.blockers:
        names = ", ".join(rubric.principles[b].title for b in result.blockers)
        lines.append(f"  실격 사유: {names}")
    if result.missing:
        names = ", ".join(rubric.principles[p].title for p in result.missing)
        lines.append(f"  빠진 필수 원칙: {names}")
    for i, d in enumerate(result.decisions, 1):
        mark = "✓" if d.is_best else "✗"
        lines.append(f"  {i}. [{d.node}] {mark} {d.say}")
        if d.right_but_late:
            lines.append("     옳은 응대였지만 늦었습니다.")
        elif not d.is_best:
            lines.append(f"     더 나은 응대: {d.best_say}")
        lines.extend(f"     {f}" for f in d.feedback)
    return "\n".join(lines)
