"""The distributable app (packaging/eungdae.spec) works on a machine with no Python, as a trainer gets it.

The folder is built once per source state (packaging/build.py caches it under build/bundle/, keyed on a
hash of what goes in), copied to a fresh place as a trainer would unzip it, and run with an environment
as bare as ``env -i PATH=/usr/bin:/bin`` (plus the dummy SDL drivers and a HOME inside the test's
folder, so the user folders it writes are ours to inspect). Nothing from the build's Python is on the
path or in the environment. Each run starts in an empty working folder, so no file of this checkout can
stand in for one the bundle forgot.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from game.engine.analysis import best_path
from game.engine.session import play
from game.scenario.library import load_library

ROOT = Path(__file__).resolve().parents[2]


def _load_build_script():
    """packaging/build.py by path: ``packaging`` is not a package (it would shadow the PyPI one)."""
    spec = importlib.util.spec_from_file_location("eungdae_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_script = _load_build_script()

pytestmark = pytest.mark.slow

SCENARIO_FILE = ROOT / "scenarios" / "face_to_face" / "late-greeting.yaml"
PLAYED = "phone-late-delivery"
PROFILE = "김신입"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``folder`` with its size and modification time: any write shows."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            found[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return found


class Trainee:
    """A copied app folder and a bare environment to run it in."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.app = base / "app"
        shutil.copytree(build_script.cached_bundle(), self.app, symlinks=True)
        self.home = base / "home"
        self.work = base / "work"
        self.home.mkdir()
        self.work.mkdir()
        self.before = snapshot(self.app)

    def run(self, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            **extra_env,
        }
        return subprocess.run(
            [str(build_script.executable(self.app)), *args],
            cwd=self.work,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )


@pytest.fixture(scope="module")
def trainee(tmp_path_factory) -> Trainee:
    return Trainee(tmp_path_factory.mktemp("bundle"))


def test_the_app_needs_no_python_beside_it(trainee):
    # what a PC without Python has to offer is the folder itself: the interpreter and the libraries
    # the game loads come from inside it
    internal = trainee.app / "_internal"
    assert list(internal.glob("libpython3*")) or list(internal.glob("python3*.dll"))
    for needed in ("scenarios/rubrics/default.yaml", "assets/fonts/NanumGothic.ttf", "game/templates"):
        assert (internal / needed).exists(), needed
    assert (internal / "espeakng_loader" / "espeak-ng-data" / "ko_dict").is_file()
    licences = {p.name for p in (trainee.app / "LICENSES").iterdir()}
    assert {"GPL-3.0.txt", "NanumGothic-OFL.txt", "NOTICE.md"} <= licences


def test_a_scenario_played_headless_is_recorded_in_the_saves_folder(trainee):
    # the phone complaint call: it ends in a typed reply, judged by the wording rules (the analyser).
    # The bundle must score it exactly as the source does, so the expectation comes from the source.
    library = load_library()
    scenario = library.get(PLAYED)
    rubric = library.rubric_for(scenario)
    choices = best_path(scenario, rubric).choices
    expected = play(scenario, rubric, choices).result()
    saves = trainee.base / "saves"
    autoplay = ",".join(str(n) for n in choices)
    done = trainee.run("play", PLAYED, "--autoplay", autoplay, "--profile", PROFILE, "--saves", str(saves))
    assert done.returncode == 0, done.stderr
    verdict = "합격" if expected.passed else "불합격"
    assert f"{PLAYED}: {expected.overall:.1f} / 100 {verdict} · 엔딩 {expected.ending}" in done.stdout
    # the bundle's own report reads the attempt back from the files the play wrote
    report = trainee.base / "report.json"
    done = trainee.run(
        "report", "--profile", PROFILE, "--format", "json", "-o", str(report), "--saves", str(saves)
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["attempts"] == 1
    assert data["summary"]["trainees_passed"] == {PROFILE: expected.passed}
    assert data["trainees"][PROFILE]["overall"] == pytest.approx(expected.overall)


def test_the_offline_voice_is_built_by_the_bundled_espeak(trainee):
    mine = trainee.work / "my-scenario.yaml"
    shutil.copy(SCENARIO_FILE, mine)
    done = trainee.run("voices", "build", mine.name, "--backend", "espeak")
    assert done.returncode == 0, done.stderr
    built = int(re.search(r"새로 만든 것 (\d+)", done.stdout).group(1))
    assert built >= 10  # every customer line and narration of the scenario
    lines = sorted(trainee.home.rglob("lines/*.wav"))  # the user's cache folder, under HOME
    assert len(lines) == built
    with wave.open(str(lines[0]), "rb") as wav:
        rate, frames = wav.getframerate(), wav.readframes(wav.getnframes())
        width = wav.getsampwidth()
    assert width == 2
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float64)
    seconds = len(samples) / rate
    rms_dbfs = 20 * np.log10(np.sqrt(np.mean(samples**2)) / 32768)
    assert 0.3 < seconds < 30, seconds  # a spoken line, not a click or a hang
    assert rms_dbfs > -40, rms_dbfs  # speech, not silence


def test_validate_points_at_the_trainers_mistake(trainee):
    text = SCENARIO_FILE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(text):
        found = re.match(r"^(\s+next: )([a-z][a-z0-9_-]*)$", line)
        if found:
            text[number] = found.group(1) + "back-office"
            break
    mine = trainee.work / "broken.yaml"
    mine.write_text("\n".join(text) + "\n", encoding="utf-8")
    done = trainee.run("validate", mine.name)
    assert done.returncode == 1
    column = len(found.group(1)) + 1
    assert f"broken.yaml:{number + 1}:{column}: error: E202" in done.stdout + done.stderr
    assert "'back-office'" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    shutil.copy(SCENARIO_FILE, trainee.work / "fine.yaml")
    assert trainee.run("validate", "fine.yaml").returncode == 0


def test_the_html_report_carries_its_korean_font(trainee):
    # runs after the play above: the class report of that saves folder, as a trainer makes it
    page = trainee.base / "class.html"
    done = trainee.run(
        "report", "--all", "--format", "html", "-o", str(page), "--saves", str(trainee.base / "saves")
    )
    assert done.returncode == 0, done.stderr
    html = page.read_text(encoding="utf-8")
    assert "@font-face" in html
    assert "data:font/woff;base64," in html
    assert PROFILE in html


def test_the_game_window_starts_and_keeps_progress_in_the_users_folders(trainee):
    # no --saves and no EUNGDAE_SAVES: a frozen app writes nothing beside itself, so the user's folders
    done = trainee.run(EUNGDAE_EXIT_AFTER_FIRST_FRAME="1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "ready"
    where = trainee.run("where")
    assert where.returncode == 0, where.stderr
    folders = dict(line.split(": ", 1) for line in where.stdout.splitlines() if ": " in line)
    saves = Path(folders["저장 폴더 (saves)"].split("  (")[0])
    assert saves.is_relative_to(trainee.home), where.stdout
    assert "frozen" in folders["이유 (why)"]


def test_the_app_folder_is_unchanged_after_all_of_the_above(trainee):
    # last in this module: every run above has happened (play, report, voices, validate, the window)
    assert snapshot(trainee.app) == trainee.before
    # and what it did write, beside the folders it was given, is in the user's own eungdae folders
    written = [p.relative_to(trainee.home) for p in trainee.home.rglob("*") if p.is_file()]
    assert written
    assert all("eungdae" in p.parts for p in written), written
