"""The scenario library read on a worker thread: the same library as a direct load, errors included."""

import pytest

from game.ui.library_load import LibraryLoad


def test_the_background_load_gives_the_library_with_its_positioned_errors(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    load = LibraryLoad([str(tmp_path)])
    library = load.result()
    assert load.done()
    assert library.scenarios == []
    assert [d.format().split(": error: ")[0] for d in library.errors] == [f"{tmp_path / 'bad.yaml'}:3:1"]


def test_the_builtin_library_loads_in_the_background():
    library = LibraryLoad(None).result()
    assert "phone-late-delivery" in {s.id for s in library.scenarios}


def test_a_failure_on_the_worker_is_raised_to_the_caller(monkeypatch):
    import game.scenario.library

    def broken(paths):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(game.scenario.library, "load_library", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        LibraryLoad(None).result()
