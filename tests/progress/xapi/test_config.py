"""The class's LRS settings: the environment, else the settings file, key by key; a bad file is a sentence."""

from __future__ import annotations

import json

from game.progress.xapi.config import load


def test_the_environment_wins_key_by_key_over_the_file(tmp_path):
    path = tmp_path / "lrs.json"
    path.write_text(
        json.dumps({"endpoint": "https://file/xAPI/", "username": "f", "password": "pf"}), "utf-8"
    )
    path.chmod(0o600)
    settings = load({"EUNGDAE_LRS_PASSWORD": "from-env"}, path)
    assert (settings.endpoint, settings.username, settings.password) == (
        "https://file/xAPI/",
        "f",
        "from-env",
    )
    assert settings.complete and settings.warnings == [] and not settings.insecure
    assert load({"EUNGDAE_LRS_INSECURE": "1"}, path).insecure


def test_no_settings_means_not_configured(tmp_path):
    settings = load({}, tmp_path / "absent.json")
    assert not settings.configured and settings.problem is None


def test_a_malformed_or_shared_file_is_said_in_words(tmp_path):
    path = tmp_path / "lrs.json"
    path.write_text("{endpoint: nope", "utf-8")
    path.chmod(0o600)
    bad = load({}, path)
    assert not bad.configured and str(path) in (bad.problem or "") and "JSON" in (bad.problem or "")
    path.write_text(json.dumps({"endpoint": 5}), "utf-8")
    assert "문자열" in (load({}, path).problem or "")
    path.write_text(json.dumps({"endpoint": "https://x/", "username": "u", "password": "p"}), "utf-8")
    path.chmod(0o640)
    shared = load({}, path)
    assert shared.complete and any(f"chmod 600 {path}" in w for w in shared.warnings)
