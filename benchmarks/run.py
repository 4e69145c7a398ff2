"""Run every benchmark and print one JSON object: {name: {"ours", "floor", "ratio", "target"}}.

Each measurement is compared with a floor measured in the same run on the same machine, because these
machines are noisy: the ratio is what to watch. Run: `python benchmarks/run.py [NAME ...]`.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# (module in benchmarks/, function) in the order they run
BENCHMARKS = [
    ("core", "validate"),
    ("core", "replay_1000"),
    ("ui", "frame_p99"),
    ("ui", "frame_p99_voice"),
    ("ui", "first_frame"),
    ("bundle", "bundle_first_frame"),
    ("voice", "voice_start"),
    ("voice", "voice_ready"),
]


def main(names: list[str]) -> int:
    results: dict[str, dict] = {}
    for module, function in BENCHMARKS:
        if names and function not in names:
            continue
        results[function] = getattr(importlib.import_module(module), function)()
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
