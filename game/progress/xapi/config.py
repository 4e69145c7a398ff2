"""The class's LRS, set once: from the environment or a settings file, never from a command line.

    EUNGDAE_LRS_ENDPOINT   https://lrs.example.com/xAPI/
    EUNGDAE_LRS_USERNAME   the LRS key / user
    EUNGDAE_LRS_PASSWORD   its secret
    EUNGDAE_LRS_INSECURE   1 to allow basic auth over plain http to another machine (a trusted LAN)

or the same in ``lrs.json`` (``{"endpoint": …, "username": …, "password": …, "insecure": false}``) in the
user config folder (``eungdae where`` prints it; ``$EUNGDAE_LRS_SETTINGS`` names another file). The
environment wins key by key. A password on a command line sits in the process list and the shell
history, so ``--password`` does not exist; a settings file that other users can read gets a warning.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ENDPOINT_ENV = "EUNGDAE_LRS_ENDPOINT"
USERNAME_ENV = "EUNGDAE_LRS_USERNAME"
PASSWORD_ENV = "EUNGDAE_LRS_PASSWORD"
INSECURE_ENV = "EUNGDAE_LRS_INSECURE"
KEYS = {"endpoint": ENDPOINT_ENV, "username": USERNAME_ENV, "password": PASSWORD_ENV}


@dataclass
class LrsSettings:
    endpoint: str | None = None
    username: str | None = None
    password: str | None = None
    insecure: bool = False
    #: things to tell the trainer (a settings file others can read)
    warnings: list[str] = field(default_factory=list)
    #: why the settings cannot be used (an unreadable or malformed file); None: fine or absent
    problem: str | None = None

    @property
    def configured(self) -> bool:
        """An LRS is set up for this machine (the game then sends on its own)."""
        return bool(self.endpoint) and self.problem is None

    @property
    def complete(self) -> bool:
        return self.configured and bool(self.username) and self.password is not None


def _from_file(path: Path, settings: LrsSettings) -> dict[str, object]:
    try:
        raw = path.read_bytes()
        mode = path.stat().st_mode
    except FileNotFoundError:
        return {}
    except OSError as exc:
        settings.problem = f"LRS 설정 파일을 읽을 수 없습니다: {path} ({exc.strerror}). 권한을 확인하세요."
        return {}
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        settings.warnings.append(
            f"LRS 설정 파일 {path}을(를) 다른 사용자도 읽을 수 있습니다(비밀번호가 들어 있습니다). "
            f"chmod 600 {path}로 막으세요."
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        settings.problem = (
            f"LRS 설정 파일이 올바른 JSON이 아닙니다: {path} ({exc}). "
            '예: {"endpoint": "https://lrs.example.com/xAPI/", "username": "…", "password": "…"}'
        )
        return {}
    if not isinstance(data, dict) or any(
        not isinstance(data.get(k), str) for k in KEYS if data.get(k) is not None
    ):
        settings.problem = f"LRS 설정 파일 {path}에는 endpoint, username, password를 문자열로 쓰세요."
        return {}
    return data


def load(environ: Mapping[str, str], path: Path) -> LrsSettings:
    """The LRS settings: each of the three from the environment, else from the file at ``path``."""
    settings = LrsSettings()
    data = _from_file(path, settings)
    for key, env in KEYS.items():
        value = environ.get(env) or data.get(key)
        setattr(settings, key, value if isinstance(value, str) and value else None)
    settings.insecure = environ.get(INSECURE_ENV, "").lower() in ("1", "true", "yes") or (
        data.get("insecure") is True
    )
    return settings


def for_this_machine() -> LrsSettings:
    from game.paths import places

    return load(os.environ, places().lrs_settings)
