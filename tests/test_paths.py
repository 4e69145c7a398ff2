"""Where the app writes: a checkout keeps saves/, anything else (installed, frozen, read-only) uses user folders."""

from __future__ import annotations

from pathlib import Path

from game.cli import main
from game.paths import UserDirs, places, resolve
from game.resources import ROOT
from tests.faults import read_only

USER = UserDirs(
    data=Path("/home/t/.local/share/eungdae"),
    cache=Path("/home/t/.cache/eungdae"),
    config=Path("/home/t/.config/eungdae"),
    legacy_cache=Path("/home/t/.cache/eungdae/voices"),
)


def _checkout(folder: Path) -> Path:
    (folder / "game").mkdir(parents=True)
    (folder / "pyproject.toml").write_text("[project]\n", "utf-8")
    return folder


def test_a_writable_checkout_keeps_saves_in_the_project(tmp_path):
    root = _checkout(tmp_path / "eungdae")
    found = resolve(environ={}, root=root, frozen=False, user=USER)
    assert found.saves == root / "saves"
    assert found.voice_cache == USER.legacy_cache
    assert found.lrs_settings == USER.config / "lrs.json"
    assert found.reason == "source checkout"


def test_installed_or_frozen_apps_write_only_to_user_folders(tmp_path):
    site = tmp_path / "site-packages"  # a wheel: game/ without pyproject.toml beside it
    (site / "game").mkdir(parents=True)
    for found in (
        resolve(environ={}, root=site, frozen=False, user=USER),
        resolve(environ={}, root=_checkout(tmp_path / "bundle"), frozen=True, user=USER),
    ):
        assert found.saves == USER.data / "saves"
        assert found.voice_cache == USER.cache / "voices"
    frozen = resolve(environ={}, root=tmp_path / "bundle", frozen=True, user=USER)
    assert "frozen" in frozen.reason
    assert not any(str(p).startswith(str(tmp_path / "bundle")) for p in (frozen.saves, frozen.voice_cache))


def test_a_read_only_checkout_uses_user_folders(tmp_path):
    root = _checkout(tmp_path / "eungdae")
    with read_only(root):
        found = resolve(environ={}, root=root, frozen=False, user=USER)
    assert found.saves == USER.data / "saves"
    assert "cannot be written" in found.reason


def test_the_class_folder_and_the_option_still_win(tmp_path):
    root = _checkout(tmp_path / "eungdae")
    env = {
        "EUNGDAE_SAVES": "/srv/class",
        "EUNGDAE_VOICE_CACHE": "/srv/voices",
        "EUNGDAE_LRS_SETTINGS": "/srv/l",
    }
    found = resolve(environ=env, root=root, frozen=True, user=USER)
    assert (found.saves, found.voice_cache, found.lrs_settings) == (
        Path("/srv/class"),
        Path("/srv/voices"),
        Path("/srv/l"),
    )
    assert resolve(environ=env, root=root, frozen=False, user=USER, saves_option=Path("x")).saves == Path("x")


def test_where_prints_the_folders_in_use(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("EUNGDAE_SAVES", str(tmp_path / "class"))
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert f"저장 폴더 (saves): {tmp_path / 'class'}" in out
    assert str(places().voice_cache) in out and "이유 (why): source checkout" in out
    assert str(ROOT) in out
