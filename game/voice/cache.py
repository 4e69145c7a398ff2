"""Content-addressed voice files: shipped gTTS audio in assets/voices/, everything else in a user cache.

Layout — user cache: ``raw/<raw key>.<ext>`` (a backend's unshaped output, so a new shaping recipe needs
no new download), ``lines/<line key>.wav`` (shaped, ready to play), ``manifest.json``. Shipped:
``<raw key>.mp3`` and ``manifest.json``, read-only to the game, written by ``voices build`` only.

An entry is trusted only if it looks whole: a WAV whose header agrees with the file size, a non-empty
raw file. Anything else is deleted and rebuilt (a killed build, a full disk, a bad download).
"""

from __future__ import annotations

import contextlib
import struct
import threading
from pathlib import Path

from game.resources import FROZEN, SHIPPED_VOICES
from game.voice.atomic import write_atomic
from game.voice.backends import RawAudio
from game.voice.manifest import Manifest

ENV_VAR = "EUNGDAE_VOICE_CACHE"  # read by game.paths
SHIPPED_DIR = SHIPPED_VOICES
RAW_EXTS = ("mp3", "wav", "aiff")


def default_cache_dir() -> Path:
    """``$EUNGDAE_VOICE_CACHE``, else the user cache (``game.paths`` decides: checkout or installed)."""
    from game.paths import places

    return places().voice_cache


def wav_is_whole(path: Path) -> bool:
    """RIFF/WAVE header present, sizes agree with the file, at least one sample of PCM data."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    if len(head) < 44 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return False
    if struct.unpack("<I", head[4:8])[0] + 8 != size:
        return False
    pos = 12
    while pos + 8 <= len(head):
        chunk, length = head[pos : pos + 4], struct.unpack("<I", head[pos + 4 : pos + 8])[0]
        if chunk == b"data":
            return length > 0 and pos + 8 + length <= size
        pos += 8 + length + (length & 1)
    return False


class VoiceCache:
    def __init__(self, root: Path | None = None, shipped: Path | None = SHIPPED_DIR) -> None:
        self.root = Path(root) if root is not None else default_cache_dir()
        self.shipped = Path(shipped) if shipped is not None else None
        self.manifest = Manifest(self.root)
        self.shipped_manifest = Manifest(self.shipped) if self.shipped is not None else None
        self._verified: dict[Path, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def line_path(self, key: str) -> Path:
        return self.root / "lines" / f"{key}.wav"

    def lookup_line(self, key: str) -> Path | None:
        """The shaped WAV if whole; a broken one is removed so the caller rebuilds it."""
        path = self.line_path(key)
        try:
            st = path.stat()
        except OSError:
            return None
        stamp = (st.st_size, st.st_mtime_ns)
        with self._lock:
            if self._verified.get(path) == stamp:
                return path
        if not wav_is_whole(path):
            self._discard(path)
            return None
        with self._lock:
            self._verified[path] = stamp
        return path

    def store_line(self, key: str, wav: bytes) -> Path:
        path = self.line_path(key)
        write_atomic(path, wav)
        return path

    def lookup_raw(self, key: str) -> Path | None:
        """Shipped audio first (a trainer's gTTS build), then the user's own downloads."""
        for directory in self._raw_dirs():
            for ext in RAW_EXTS:
                path = directory / f"{key}.{ext}"
                try:
                    size = path.stat().st_size
                except OSError:
                    continue
                if size > 0:
                    return path
                self.discard(path)
        return None

    def store_raw(self, key: str, audio: RawAudio, ship: bool = False) -> Path:
        directory = self.shipped if ship and self.shipped is not None and self.can_ship() else None
        path = (directory or self.root / "raw") / f"{key}.{audio.ext}"
        write_atomic(path, audio.data)
        return path

    def can_ship(self) -> bool:
        """Only a source checkout has assets/voices/; an installed or bundled game never writes beside its
        code (the bundle carries the folder, read-only)."""
        return not FROZEN and self.shipped is not None and self.shipped.is_dir()

    def discard(self, path: Path) -> None:
        """Drop an entry found unreadable later (e.g. raw bytes that do not decode); never shipped files."""
        if self.shipped is not None and path.parent == self.shipped:
            return
        self._discard(path)

    def _discard(self, path: Path) -> None:
        with self._lock:
            self._verified.pop(path, None)
        with contextlib.suppress(OSError):  # read-only cache: the entry is ignored, rebuilt elsewhere
            path.unlink(missing_ok=True)

    def _raw_dirs(self) -> list[Path]:
        return [d for d in (self.shipped, self.root / "raw") if d is not None]
