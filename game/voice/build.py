"""``voices build`` and ``voices status``, and the audio checks ``lint`` reports (N407/W408/W421).

They work on loaded ``Scenario`` objects, so the command line, lint and tests share one code path and
only the command line reads files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO

from game.scenario.model import Pos, Scenario, SpokenLine
from game.voice.cache import VoiceCache
from game.voice.progress import ProgressBar
from game.voice.service import VoiceService
from game.voice.takes import RecordedTakes, TakeProblem
from game.voice.text import synth_text

STATES = ("cached", "missing", "stale", "silent")  # silent: only stage directions, nothing to say
OFFLINE_BACKEND = "espeak"  # what a line with no audio yet will be given on a machine with no network


@dataclass(frozen=True)
class AudioProblem:
    """A line with no audio (``missing``) or audio of an earlier text (``stale``), for lint."""

    line_id: str
    kind: str
    pos: Pos | None


@dataclass
class BuildReport:
    lines: int = 0
    already: int = 0
    built: int = 0
    silent: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def unique_lines(scenarios: list[Scenario]) -> list[tuple[Scenario, SpokenLine]]:
    """Every spoken line once (ids are unique per scenario, scenario ids per library)."""
    seen: set[str] = set()
    out: list[tuple[Scenario, SpokenLine]] = []
    for scenario in scenarios:
        for line in scenario.spoken_lines():
            if line.line_id not in seen:
                seen.add(line.line_id)
                out.append((scenario, line))
    return out


def status(scenarios: list[Scenario], service: VoiceService) -> dict[str, int]:
    """``{"lines": N, "cached": N, "missing": N, "stale": N, "silent": N}``."""
    counts = {"lines": 0, **dict.fromkeys(STATES, 0)}
    for _, line in unique_lines(scenarios):
        counts["lines"] += 1
        counts[service.state(line)] += 1
    return counts


def line_report(scenarios: list[Scenario], service: VoiceService) -> list[dict[str, str]]:
    """Per line: its state, the backend its audio came from (or would, offline) and the text that
    backend is given — directions removed, espeak-ng's in pronunciation (``synth_text``)."""
    out = []
    for _, line in unique_lines(scenarios):
        state = service.state(line)
        backend = service.built_with(line) or OFFLINE_BACKEND
        first = backend.split("+", 1)[0]
        out.append(
            {
                "id": line.line_id,
                "state": state,
                "backend": "" if state == "silent" else backend,
                "text": line.text,
                "synth_text": "" if first == "recorded" else synth_text(line, first),
            }
        )
    return out


def take_problems(
    scenarios: list[Scenario], takes: RecordedTakes | None = None
) -> list[tuple[TakeProblem, Pos | None]]:
    """Recorded takes whose text changed since recording (not played) or is not listed (for lint)."""
    takes = takes if takes is not None else RecordedTakes()
    found = []
    for scenario, line in unique_lines(scenarios):
        problem = takes.problem(line)
        if problem is not None:
            found.append((problem, _node_pos(scenario, line)))
    return found


def _node_pos(scenario: Scenario, line: SpokenLine) -> Pos | None:
    node = scenario.nodes.get(line.line_id.removeprefix(f"{scenario.id}/").split("/", 1)[0])
    return node.pos if node is not None and node.pos is not None else scenario.pos


def audio_diagnostics(scenarios: list[Scenario], cache: VoiceCache | None = None) -> list[AudioProblem]:
    """Lines lint should warn about, placed at their node so the editor can jump there."""
    service = VoiceService(cache if cache is not None else VoiceCache())
    problems: list[AudioProblem] = []
    for scenario, line in unique_lines(scenarios):
        state = service.state(line)
        if state in ("missing", "stale"):
            problems.append(AudioProblem(line.line_id, state, _node_pos(scenario, line)))
    return problems


def build(
    scenarios: list[Scenario],
    service: VoiceService,
    backend: str | None = None,
    stream: TextIO | None = None,
) -> BuildReport:
    """Make sure every line has audio (from ``backend`` if given); already cached lines cost a stat."""
    started = time.perf_counter()
    lines = unique_lines(scenarios)
    report = BuildReport(lines=len(lines))
    bar = ProgressBar(len(lines), stream)
    for done, (_, line) in enumerate(lines, start=1):
        hit = service.find(line, backend) is not None
        if service.state(line) == "silent":
            report.silent += 1
        elif service.prepare(line, backend) is None:  # on a hit: no synthesis, records the manifest
            report.failed[line.line_id] = service.errors.get(line.line_id, "unknown error")
        elif hit:
            report.already += 1
        else:
            report.built += 1
        bar.update(done, line.line_id)
    bar.finish()
    service.flush()
    report.seconds = time.perf_counter() - started
    return report
