"""The words a synthesiser is given for a line — never the stage directions, and for espeak-ng the
pronunciation rather than the spelling.

``synth_text(line)`` is the one answer to "what does the voice actually say?": ``voices status --json``
shows it per line, and ``eungdae lines export`` may call it (pure: no audio, no files, no pygame).
"""

from __future__ import annotations

from dataclasses import replace

from game.scenario.directions import SECOND, split
from game.scenario.model import SpokenLine
from game.voice.korean import pronounce
from game.voice.profile import normalise_text

PRONOUNCED_BY = ("espeak",)  # backends that read spelling literally and need the front end
PART_SEPARATOR = " / "


def part_lines(line: SpokenLine) -> list[SpokenLine]:
    """The line as one line per voice, in the order heard; ``[]`` when nothing is spoken.

    A quoted second speaker becomes a line of its own in their voice (an ordinary, not a typed customer:
    a child is not "hurried" because their mother is), same id, emotion and channel.
    """
    out = []
    for part in split(normalise_text(line.text), second_speaker=line.second is not None):
        if part.speaker == SECOND and line.second is not None:
            out.append(
                replace(line, text=part.text, voice=line.second.voice, customer_type="ordinary", second=None)
            )
        else:
            out.append(replace(line, text=part.text, second=None))
    return out


def for_backend(text: str, backend: str) -> str:
    """What ``backend`` receives for already direction-free ``text``."""
    return pronounce(text) if backend in PRONOUNCED_BY else text


def synth_text(line: SpokenLine, backend: str = "espeak") -> str:
    """The text sent to ``backend`` for ``line``: one synthesiser call per voice, joined by `` / ``;
    ``""`` for a line that is not spoken (only directions: subtitle only)."""
    return PART_SEPARATOR.join(for_backend(part.text, backend) for part in part_lines(line))


def spoken_words(line: SpokenLine) -> str:
    """The spoken words in spelling, every voice: what the manifest hashes, so editing only a direction
    does not make audio stale."""
    return PART_SEPARATOR.join(part.text for part in part_lines(line))
