"""The analyser's helper process: it answers as Kiwi in process does, and its death costs no reply."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from game.language.loader import kiwi_tokenizer
from game.language.remote import process_tokenizer

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the helper in /proc")


def _helpers() -> list[int]:
    """The pids of this process's analyser helpers."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"game.language.worker" in command and parent == os.getpid():
            found.append(int(entry.name))
    return found


def test_the_helper_answers_as_kiwi_does_and_a_killed_helper_loses_no_reply():
    sentence = "주문하신 커피 나왔습니다. 뜨거우니 조심하세요."
    expected = kiwi_tokenizer()(sentence)
    before = set(_helpers())  # the game's own helper, if an earlier test started one
    tokenize = process_tokenizer()
    assert tokenize(sentence) == expected
    ours = set(_helpers()) - before
    assert len(ours) == 1
    os.kill(ours.pop(), signal.SIGKILL)
    assert tokenize(sentence) == expected  # carried on in process
    assert tokenize("네, 알겠습니다.") == kiwi_tokenizer()("네, 알겠습니다.")
