"""The saves folder: profiles, attempts, autosaves and settings, as versioned JSON that is never lost.

Layout (docs/progress.md has the full description)::

    <saves>/settings.json
    <saves>/profiles/<slug>/profile.json    name, attempts (each with its whole scored result)
    <saves>/profiles/<slug>/autosave.json   the unfinished play, rewritten after every decision
    <saves>/profiles/<slug>/.lock           held while the profile is read, changed and written back
    <saves>/xapi/                           the xAPI outbox (game.progress.xapi.outbox)

Nothing is cached between calls: every change re-reads the file under the profile's lock, so two game
windows (or two PCs on a shared folder) writing the same profile add their attempts one after the
other instead of the second silently replacing the first. Problems found on the way (a damaged file
moved aside, a migration) are kept in ``notices`` for the UI to show.

A classroom is not a developer's laptop, so the store keeps going where it can: reading needs no write
access (a read-only class folder still lists profiles and reports); a profile written by a newer game
makes only that profile unavailable (``unavailable`` says which and why) instead of locking everyone
out; an autosave from a newer game is set aside (never deleted) so the finished attempt is recorded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
import unicodedata
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.progress.atomic import FileLock, SaveError, backup_path, read_json, write_json
from game.progress.history import AttemptHistory
from game.progress.io_messages import explain
from game.progress.migrate import NewerSaveError, iso_utc, migrate, version_of
from game.progress.port import Recommendation, ScenarioStats
from game.progress.schema import CURRENT_VERSION

if TYPE_CHECKING:  # the title screen opens the store before the engine is needed: keep start-up light
    from game.engine.scoring import Result
    from game.engine.session import Session
    from game.scenario.library import Library

MAX_NAME = 30


def profile_slug(name: str) -> str:
    """A folder name for any profile name: readable where it can be, unique by a hash suffix.

    Korean letters are kept; anything a file system might refuse (``/ \\ : * ? " < > |``, control
    characters, a trailing dot) becomes ``_``, and the hash keeps "김 하늘" and "김_하늘" apart.
    """
    name = unicodedata.normalize("NFC", name)
    readable = re.sub(r"[^\w-]", "_", name)[:24] or "_"
    return f"{readable}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def _usable(kind: str) -> Callable[[dict[str, Any]], bool]:
    """The shape test for ``read_json``: a file a newer game wrote is usable (and left alone)."""

    def check(data: dict[str, Any]) -> bool:
        try:
            migrate(kind, data)
        except NewerSaveError:
            return True
        except SaveError:
            return False
        return True

    return check


class ProgressStore:
    """``ProgressPort`` on a folder of JSON files; see the module docstring for the layout."""

    def __init__(
        self,
        saves_dir: Path,
        library: Library,
        *,
        onboarding: str | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ):
        self.saves_dir = Path(saves_dir)
        self.library = library
        self.onboarding = onboarding  # the onboarding session's name, tagged onto attempts and autosaves
        self.now = now
        self.notices: list[str] = []
        #: profile folder name -> why it cannot be used now (a newer game's file, an unreadable folder)
        self.unavailable: dict[str, str] = {}
        #: called after an attempt is recorded (the game's xAPI sender queues and sends it)
        self.on_recorded: Callable[[], None] | None = None

    # -- files ---------------------------------------------------------------------------------------

    @property
    def profiles_dir(self) -> Path:
        return self.saves_dir / "profiles"

    def profile_dir(self, name: str) -> Path:
        return self.profiles_dir / profile_slug(name)

    def _lock(self, name: str, *, reading: bool = False) -> FileLock:
        return FileLock(self.profile_dir(name) / ".lock", reading=reading)

    def _write_back(self, path: Path, data: dict[str, Any]) -> None:
        """Store a migrated or recovered file; a folder that cannot be written only costs a notice."""
        try:
            write_json(path, data)
        except SaveError as exc:
            self.notices.append(f"{path.parent.name}/{path.name}: 읽기만 했습니다. {exc}")

    def _load(self, kind: str, path: Path) -> dict[str, Any] | None:
        """Read, recover and migrate one file; call with its lock held (it may write the file back)."""
        outcome = read_json(path, _usable(kind))
        self.notices.extend(f"{path.parent.name}/{path.name}: {n}" for n in outcome.notices)
        if outcome.data is None:
            return None
        try:
            data = migrate(kind, outcome.data)
        except NewerSaveError as exc:  # propagates, naming the file: never overwrite a newer file
            raise NewerSaveError(f"{path}: {exc}") from exc
        old = version_of(outcome.data)
        if old != CURRENT_VERSION:
            keep = path.with_name(f"{path.name}.v{old}")
            if not keep.exists():
                self._write_back(keep, outcome.data)
            self._write_back(path, data)
            self.notices.append(f"{path.name}: 저장 형식 {old} → {CURRENT_VERSION}로 변환했습니다.")
        elif outcome.recovered:
            self._write_back(path, data)
        return data

    def _load_autosave(self, folder: Path) -> dict[str, Any] | None:
        """The autosave, or ``None``; one from a newer game is moved aside so this play can be kept."""
        path = folder / "autosave.json"
        try:
            return self._load("autosave", path)
        except NewerSaveError:
            stamp = self.now().astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            target = path.with_name(f"{path.name}.newer-{stamp}")
            try:
                path.replace(target)
            except OSError as exc:
                self.notices.append(
                    f"{folder.name}: 더 새로운 버전이 만든 이어 하기 파일은 건너뜁니다. {explain(exc, path)}"
                )
            else:
                self.notices.append(
                    f"{folder.name}: 더 새로운 버전이 만든 이어 하기 파일을 {target.name}(으)로 옮겨 두었습니다. "
                    "그 버전의 응대로 열면 이어 할 수 있습니다."
                )
            return None

    def _profile(self, name: str) -> dict[str, Any]:
        data = self._load("profile", self.profile_dir(name) / "profile.json")
        if data is None:
            raise SaveError(f"프로필 '{name}'이(가) 없습니다. 먼저 프로필을 만드세요.")
        return data

    def _write_profile(self, name: str, data: dict[str, Any]) -> None:
        write_json(self.profile_dir(name) / "profile.json", data, _usable("profile"))

    def write_problem(self) -> str | None:
        """Why nothing can be saved in this folder (read-only, full, a file in the way), or ``None``.

        Asked once at start so the trainee hears it before playing, not after the first finish."""
        probe = self.saves_dir / f".probe-{os.getpid()}-{uuid.uuid4().hex}"
        try:
            self.saves_dir.mkdir(parents=True, exist_ok=True)
            with open(probe, "wb") as handle:
                handle.write(b"\0" * 512)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            return f"진행 상황을 저장할 수 없습니다. {explain(exc, self.saves_dir)}"
        finally:
            with contextlib.suppress(OSError):
                probe.unlink(missing_ok=True)
        return None

    # -- profiles ------------------------------------------------------------------------------------

    def profiles(self) -> list[str]:
        """Every usable profile; the others are named in ``unavailable`` (and a notice), not raised."""
        names = []
        try:
            folders = sorted(self.profiles_dir.iterdir()) if self.profiles_dir.is_dir() else []
        except OSError as exc:
            raise SaveError(f"프로필 폴더를 읽을 수 없습니다. {explain(exc, self.profiles_dir)}") from exc
        for folder in folders:
            if not (folder / "profile.json").exists() and not backup_path(folder / "profile.json").exists():
                continue
            try:
                with FileLock(folder / ".lock", reading=True):
                    data = self._load("profile", folder / "profile.json")
            except SaveError as exc:
                if self.unavailable.get(folder.name) != str(exc):
                    self.notices.append(f"프로필 폴더 {folder.name}을(를) 열 수 없어 건너뜁니다. {exc}")
                self.unavailable[folder.name] = str(exc)
                continue
            self.unavailable.pop(folder.name, None)
            if data is not None:
                names.append(data["name"])
        return sorted(names)

    def create_profile(self, name: str) -> None:
        name = unicodedata.normalize("NFC", name).strip()
        if not name:
            raise ValueError("이름을 입력하세요.")
        if len(name) > MAX_NAME:
            raise ValueError(f"이름은 {MAX_NAME}자 이하로 입력하세요.")
        if any(unicodedata.category(ch).startswith("C") for ch in name):
            raise ValueError("이름에 쓸 수 없는 문자가 들어 있습니다.")
        with self._lock(name):
            path = self.profile_dir(name) / "profile.json"
            if self._load("profile", path) is not None or name in self.profiles_unlocked():
                raise ValueError(
                    f"'{name}' 프로필이 이미 있습니다. 다른 이름을 쓰거나 기존 프로필을 고르세요."
                )
            self._write_profile(
                name,
                {
                    "version": CURRENT_VERSION,
                    "kind": "profile",
                    "name": name,
                    "created_at": iso_utc(self.now()),
                    "attempts": [],
                },
            )

    def profiles_unlocked(self) -> list[str]:
        """Profile names without recovery (no locks): for duplicate checks while holding another lock."""
        names = []
        for path in self.profiles_dir.glob("*/profile.json") if self.profiles_dir.is_dir() else ():
            outcome = read_json(path) if path.exists() else None
            if outcome and outcome.data and isinstance(outcome.data.get("name"), str):
                names.append(outcome.data["name"])
        return names

    def attempts(self, profile: str) -> list[dict[str, Any]]:
        with self._lock(profile, reading=True):
            return list(self._profile(profile)["attempts"])

    def all_attempts(self) -> list[tuple[str, dict[str, Any]]]:
        """(profile, attempt) for every profile, oldest attempt first within a profile."""
        return [(name, attempt) for name in self.profiles() for attempt in self.attempts(name)]

    def stats(self, profile: str, scenario_id: str) -> ScenarioStats:
        played = [a for a in self.attempts(profile) if a["scenario"] == scenario_id]
        scores = [a["result"]["overall"] for a in played if a["result"].get("overall") is not None]
        return ScenarioStats(
            attempts=len(played),
            best=max(scores) if scores else None,
            first=scores[0] if scores else None,
            passed=any(a["result"]["passed"] for a in played),
            last_played=played[-1]["finished_at"] if played else None,
        )

    # -- attempts and autosave -----------------------------------------------------------------------

    def record_attempt(self, profile: str, session: Session, result: Result) -> None:
        now = self.now()
        with self._lock(profile):
            folder = self.profile_dir(profile)
            data = self._load("profile", folder / "profile.json")
            if data is None:  # never lose a finished play for want of a profile file
                data = {"version": CURRENT_VERSION, "kind": "profile", "name": profile, "attempts": []}
                data["created_at"] = iso_utc(now)
            save = self._load_autosave(folder)
            same_play = save is not None and save["session"].get("scenario") == session.scenario.id
            attempt_id = save.get("play_id") if same_play and save else None
            if attempt_id and any(a["id"] == attempt_id for a in data["attempts"]):
                self._clear_autosave(folder)
                return  # already recorded (a resumed, finished play recorded twice)
            started = save.get("started_at") if same_play and save else None
            data["attempts"].append(
                {
                    "id": attempt_id or str(uuid.uuid4()),
                    "scenario": session.scenario.id,
                    "title": session.scenario.title,
                    "mode": session.mode,
                    "onboarding": self.onboarding,
                    "started_at": started or iso_utc(now - timedelta(seconds=result.handle_seconds)),
                    "finished_at": iso_utc(now),
                    "seed": session.seed,  # the order the options were shown in (None: authored)
                    "actions": list(session.actions),
                    "consistency": result.consistency,
                    "result": result.to_json(session.rubric),
                }
            )
            self._write_profile(profile, data)
            self._clear_autosave(folder)
        if self.on_recorded is not None:
            self.on_recorded()

    def _clear_autosave(self, folder: Path) -> None:
        for path in (folder / "autosave.json", backup_path(folder / "autosave.json")):
            path.unlink(missing_ok=True)

    def autosave(self, profile: str, session: Session) -> None:
        with self._lock(profile):
            folder = self.profile_dir(profile)
            if session.finished:
                data = self._load("profile", folder / "profile.json")
                last = data["attempts"][-1] if data and data["attempts"] else None
                if last and last["scenario"] == session.scenario.id and last["actions"] == session.actions:
                    return  # recorded already: an autosave now would offer a finished play again
            save = self._load_autosave(folder)
            same_play = save is not None and save["session"].get("scenario") == session.scenario.id
            now = iso_utc(self.now())
            write_json(
                folder / "autosave.json",
                {
                    "version": CURRENT_VERSION,
                    "kind": "autosave",
                    "play_id": save["play_id"]
                    if same_play and save and save.get("play_id")
                    else str(uuid.uuid4()),
                    "started_at": save.get("started_at", now) if same_play and save else now,
                    "saved_at": now,
                    "onboarding": self.onboarding,
                    "session": session.to_json(),
                },
                _usable("autosave"),
            )

    def resumable(self, profile: str) -> dict[str, Any] | None:
        with self._lock(profile, reading=True):
            save = self._load_autosave(self.profile_dir(profile))
        return None if save is None else save["session"]

    def resume(self, profile: str, clock: Callable[[], float] = time.monotonic) -> Session | None:
        """The interrupted play rebuilt from its autosave, or ``None`` (with a notice if it no longer fits)."""
        data = self.resumable(profile)
        if data is None:
            return None
        from game.engine.session import Session, SessionError

        try:
            scenario = self.library.get(str(data.get("scenario")))
            rubric = self.library.rubric_for(scenario)
            return Session.from_json(data, scenario, rubric, clock=clock, history=self.history(profile))
        except (KeyError, SessionError) as exc:
            self.notices.append(f"이어 하기를 할 수 없습니다(시나리오가 바뀌었거나 없어졌습니다): {exc}")
            return None

    def discard_autosave(self, profile: str) -> None:
        with self._lock(profile):
            self._clear_autosave(self.profile_dir(profile))

    # -- history and recommendations -----------------------------------------------------------------

    def history(self, profile: str) -> AttemptHistory:
        return AttemptHistory(tuple(self.attempts(profile)))

    def recommendations(self, profile: str, limit: int = 3) -> list[Recommendation]:
        from game.progress.recommend import recommend

        return recommend(self.attempts(profile), self.library, self.now(), limit)

    # -- settings ------------------------------------------------------------------------------------

    def load_settings(self) -> dict[str, Any]:
        with FileLock(self.saves_dir / ".settings.lock", reading=True):
            data = self._load("settings", self.saves_dir / "settings.json")
        return dict(data["settings"]) if data else {}

    def save_settings(self, settings: dict[str, Any]) -> None:
        with FileLock(self.saves_dir / ".settings.lock"):
            write_json(
                self.saves_dir / "settings.json",
                {"version": CURRENT_VERSION, "kind": "settings", "settings": dict(settings)},
                _usable("settings"),
            )
