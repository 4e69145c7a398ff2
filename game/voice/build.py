"""``voices build`` and ``voices status``, and the audio checks ``lint`` reports (W407/W408).

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

STATES = ("cached", "missing", "stale")


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
    """``{"lines": N, "cached": N, "missing": N, "stale": N}`` — the ``voices status --json`` shape."""
    counts = {"lines": 0, **dict.fromkeys(STATES, 0)}
    for _, line in unique_lines(scenarios):
        counts["lines"] += 1
        counts[service.state(line)] += 1
    return counts


def audio_diagnostics(scenarios: list[Scenario], cache: VoiceCache | None = None) -> list[AudioProblem]:
    """Lines lint should warn about, placed at their node so the editor can jump there."""
    service = VoiceService(cache if cache is not None else VoiceCache())
    problems: list[AudioProblem] = []
    for scenario, line in unique_lines(scenarios):
        state = service.state(line)
        if state != "cached":
            node_id = line.line_id.removeprefix(f"{scenario.id}/").split("/", 1)[0]
            node = scenario.nodes.get(node_id)
            problems.append(AudioProblem(line.line_id, state, node.pos if node else scenario.pos))
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
        if service.prepare(line, backend) is None:  # on a hit: no synthesis, records the manifest
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
