"""Where the app reads what it ships and writes what a trainee makes: decided here, in one place.

- A **source checkout** (``pyproject.toml`` beside ``game/``, the folder writable, not frozen) keeps
  what it always had: ``<project>/saves`` and the voice cache in the user cache (``~/.cache/eungdae/voices``,
  ``%LOCALAPPDATA%\\eungdae\\voices``).
- **Installed elsewhere** (a wheel in site-packages), a project folder that **cannot be written** (a
  read-only share, Program Files), or a **frozen app** (PyInstaller: ``sys.frozen``) write nothing next
  to the code: progress goes to the platform's user data folder and caches to its user cache folder
  (``platformdirs``: ``~/.local/share/eungdae``, ``%LOCALAPPDATA%\\eungdae``,
  ``~/Library/Application Support/eungdae``).
- ``--saves DIR`` and ``$EUNGDAE_SAVES`` (a class's shared folder) and ``$EUNGDAE_VOICE_CACHE`` always win.

``resolve`` is pure (environment, root, frozen flag and a writability test passed in) so every case is
testable; ``places()`` is the running app's answer. What the app *reads* (scenarios, fonts, shipped
voices) is ``game.resources``; this module is what it *writes*. ``eungdae where`` and the title screen
show the folders in use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "eungdae"
SAVES_ENV = "EUNGDAE_SAVES"
VOICE_CACHE_ENV = "EUNGDAE_VOICE_CACHE"
LRS_SETTINGS_ENV = "EUNGDAE_LRS_SETTINGS"


@dataclass(frozen=True)
class Places:
    saves: Path
    voice_cache: Path
    lrs_settings: Path
    #: why these folders, for ``eungdae where``: "source checkout", "installed", "frozen app", ...
    reason: str


@dataclass(frozen=True)
class UserDirs:
    """The platform's per-user folders (``platformdirs``), passed in so ``resolve`` stays pure."""

    data: Path
    cache: Path
    config: Path
    legacy_cache: Path  # where a checkout's voice cache has always been

    @classmethod
    def of_this_user(cls, environ: Mapping[str, str] = os.environ) -> UserDirs:
        import platformdirs

        if os.name == "nt" and environ.get("LOCALAPPDATA"):
            legacy = Path(environ["LOCALAPPDATA"]) / APP_NAME / "voices"
        else:
            legacy = Path(environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME / "voices"
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            legacy_cache=legacy,
        )


def is_writable(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (a read-only mount says no even to root)."""
    return os.access(folder, os.W_OK | os.X_OK)


def resolve(
    *,
    environ: Mapping[str, str],
    root: Path,
    frozen: bool,
    user: UserDirs,
    writable: Callable[[Path], bool] = is_writable,
    saves_option: Path | None = None,
) -> Places:
    checkout = not frozen and (root / "pyproject.toml").is_file() and (root / "game").is_dir()
    if frozen:
        reason = "frozen app: nothing is written next to it"
    elif not checkout:
        reason = "installed: user folders"
    elif not writable(root) or ((root / "saves").exists() and not writable(root / "saves")):
        checkout, reason = False, "source checkout that cannot be written: user folders"
    else:
        reason = "source checkout"
    if saves_option is not None:
        saves = Path(saves_option)
    elif environ.get(SAVES_ENV):
        saves = Path(environ[SAVES_ENV]).expanduser()
    else:
        saves = root / "saves" if checkout else user.data / "saves"
    if environ.get(VOICE_CACHE_ENV):
        voice_cache = Path(environ[VOICE_CACHE_ENV]).expanduser()
    else:
        voice_cache = user.legacy_cache if checkout else user.cache / "voices"
    if environ.get(LRS_SETTINGS_ENV):
        lrs_settings = Path(environ[LRS_SETTINGS_ENV]).expanduser()
    else:
        lrs_settings = user.config / "lrs.json"
    return Places(saves=saves, voice_cache=voice_cache, lrs_settings=lrs_settings, reason=reason)


def places(saves_option: Path | str | None = None) -> Places:
    """The folders this run uses (``saves_option``: ``--saves``)."""
    from game.resources import FROZEN, ROOT

    return resolve(
        environ=os.environ,
        root=ROOT,
        frozen=FROZEN,
        user=UserDirs.of_this_user(),
        saves_option=Path(saves_option) if saves_option is not None else None,
    )
