"""The bundled app (packaging/eungdae.spec) against the source run it was built from.

bundle_first_frame  process start to the first interactive frame of the one-folder app (the title screen,
                    ``EUNGDAE_EXIT_AFTER_FIRST_FRAME=1``, saves in a temporary folder), against the same
                    start from source, ``python main.py`` — ui.first_frame's "ours", measured again here,
                    run for run, so both see the same machine load. Target ratio 1.5. Also the folder's
                    size on disk, and the build's time when this run had to build it (the build is cached
                    per source state by packaging/build.py).
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import tempfile
import time
from pathlib import Path

from ui import _ENV, ROOT, _startup


def _build_script():
    spec = importlib.util.spec_from_file_location("eungdae_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def bundle_first_frame(runs: int = 5) -> dict:
    build = _build_script()
    started = time.perf_counter()
    was_built = build.executable(build.DEFAULT_CACHE / build.source_hash() / build.NAME).is_file()
    folder = build.cached_bundle()
    build_seconds = None if was_built else time.perf_counter() - started
    app = str(build.executable(folder))
    bundled, source = [], []
    with tempfile.TemporaryDirectory() as saves:
        env = {**_ENV, "EUNGDAE_SAVES": saves, "EUNGDAE_EXIT_AFTER_FIRST_FRAME": "1"}
        _startup([], env, program=app)  # the first start reads the folder from disk; the rest from cache
        for _ in range(runs):  # interleaved, so a burst of load on the machine hits both alike
            bundled.append(_startup([], env, program=app))
            source.append(_startup(["main.py"], env))
    ours, floor = statistics.median(bundled), statistics.median(source)
    return {
        "ours": ours,
        "floor": floor,
        "ratio": ours / floor,
        "target": 1.5,
        "size_mb": round(_size(folder) / 2**20, 1),
        "files": sum(1 for p in folder.rglob("*") if not p.is_dir()),
        "build_seconds": build_seconds,
    }


if __name__ == "__main__":
    print(json.dumps({"bundle_first_frame": bundle_first_frame()}, indent=2))
