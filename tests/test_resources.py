"""Shipped files are found from the project folder in a checkout and from sys._MEIPASS when frozen."""

import importlib
import sys

import game.resources as resources


def test_a_checkout_reads_the_files_beside_game(tmp_path):
    assert not resources.FROZEN
    assert (resources.SCENARIOS / "rubrics" / "default.yaml").is_file()
    assert (resources.FONTS / "NanumGothic.ttf").is_file()
    assert (resources.TEMPLATES / "phone.yaml").is_file()
    assert resources.SHIPPED_VOICES.is_dir()


def test_a_frozen_app_reads_them_from_its_unpacked_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    try:
        frozen = importlib.reload(resources)
        assert frozen.FROZEN
        assert tmp_path == frozen.ROOT
        assert tmp_path / "assets" / "fonts" == frozen.FONTS
        assert tmp_path / "scenarios" == frozen.SCENARIOS
        assert tmp_path / "game" / "templates" == frozen.TEMPLATES
    finally:
        monkeypatch.undo()
        importlib.reload(resources)
    assert not resources.FROZEN
