"""Build the one-folder app: ``python packaging/build.py [--dist DIR]`` → ``DIR/eungdae/eungdae[.exe]``.

A thin wrapper over ``pyinstaller packaging/eungdae.spec`` (which works as well) that the bundle test and
the benchmarks share. ``cached_bundle()`` reuses a build whose inputs have not changed: the key is a hash
of everything that goes into the folder (game/, scenarios/, assets/, packaging/, main.py, pyproject.toml)
and of the Python and PyInstaller that build it, so an edit to a test never triggers a rebuild and an edit
to a scenario always does. Only the newest build is kept (each is a few hundred MB).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "eungdae.spec"
NAME = "eungdae"
INPUTS = ("game", "scenarios", "assets", "packaging", "main.py", "pyproject.toml")
DEFAULT_CACHE = ROOT / "build" / "bundle"


def executable(folder: Path) -> Path:
    """The app inside a built (or copied) folder."""
    return folder / (f"{NAME}.exe" if os.name == "nt" else NAME)


def source_hash() -> str:
    import PyInstaller

    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{platform.platform()}|{PyInstaller.__version__}".encode())
    for top in INPUTS:
        path = ROOT / top
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if not file.is_file() or "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the app folder it made. Raises CalledProcessError with its log."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    return dist / NAME


def cached_bundle(cache: Path = DEFAULT_CACHE) -> Path:
    """The app folder for the current sources, built first if this exact source has not been built."""
    key = source_hash()
    done = cache / key / NAME
    if executable(done).is_file():
        return done
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="building-", dir=cache))
    try:
        build(staging / "dist", cache / "work")
        target = cache / key
        try:
            os.rename(staging / "dist", target)  # atomic: a half-built folder is never taken for done
        except OSError:
            if not executable(done).is_file():  # not a concurrent build that finished first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for old in cache.iterdir():
        if old.name not in (key, "work") and not old.name.startswith("building-"):
            shutil.rmtree(old, ignore_errors=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="scratch")
    args = parser.parse_args(argv)
    folder = build(args.dist.resolve(), args.work.resolve())
    print(f"built {folder} — run {executable(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
