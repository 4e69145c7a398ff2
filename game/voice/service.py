"""The one interface the game uses: a spoken line in, a ready WAV path (or ``None``: subtitles only) out.

``find`` only looks (a stat, safe anywhere); ``prepare`` may synthesise and shape (for the prefetch
worker and ``voices build``, never the frame loop). Neither raises for a network, synthesiser or disk
failure: the game goes on with subtitles, and the reason is kept in ``notices`` for the trainee (once)
and ``errors`` for the trainer.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from game.scenario.model import SpokenLine
from game.voice.audio import DecodeError, decode, to_wav_bytes
from game.voice.backends import OFFLINE, TIMEOUT, UNAVAILABLE, Backend, BackendError, RawAudio
from game.voice.backends.auto import AutoBackend
from game.voice.backends.espeak import EspeakBackend
from game.voice.backends.gtts_backend import GttsBackend
from game.voice.cache import VoiceCache
from game.voice.manifest import Entry
from game.voice.profile import VoiceProfile, line_key, normalise_text, raw_key, text_hash
from game.voice.shaping import RECIPE_VERSION, ShapeParams, shape

log = logging.getLogger(__name__)

MODES = ("auto", "gtts", "espeak")
PREFERENCE = ("gtts", "espeak")  # natural voice first whenever both exist


@dataclass
class VoiceService:
    cache: VoiceCache
    mode: str = "auto"
    online: Backend = field(default_factory=GttsBackend)
    offline: Backend = field(default_factory=EspeakBackend)
    ship: bool = False  # store gTTS downloads in assets/voices/ (a trainer's build), not the user cache
    language: str = "ko"
    notices: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"backend must be one of {', '.join(MODES)}")
        self._auto = AutoBackend(self.online, self.offline)
        self._lock = threading.Lock()

    # -- looking -------------------------------------------------------------------------------------

    def profile(self, line: SpokenLine) -> VoiceProfile:
        return VoiceProfile.for_line(line, self.language)

    def find(self, line: SpokenLine, backend: str | None = None) -> Path | None:
        """Shaped audio already on disk, from ``backend`` or (``None``) whichever is best."""
        text, profile = normalise_text(line.text), self.profile(line)
        for name in self._names(backend):
            path = self.cache.lookup_line(self._keys(name, text, profile)[1])
            if path is not None:
                return path
        return None

    def state(self, line: SpokenLine) -> str:
        """``cached`` | ``missing`` | ``stale`` (audio exists only for an earlier text of this line)."""
        text, profile = normalise_text(line.text), self.profile(line)
        if self.find(line) is not None or self.cache.lookup_raw(self._keys("gtts", text, profile)[0]):
            return "cached"
        current = text_hash(text)
        manifests = [self.cache.manifest, self.cache.shipped_manifest]
        for manifest in filter(None, manifests):
            entry = manifest.get(line.line_id)
            if entry is not None and entry.text_hash != current:
                return "stale"
        return "missing"

    # -- making --------------------------------------------------------------------------------------

    def prepare(self, line: SpokenLine, backend: str | None = None) -> Path | None:
        """Ready audio for ``line``, synthesising if need be. Blocking: call it off the frame loop."""
        text = normalise_text(line.text)
        if not text:
            return None
        profile = self.profile(line)
        names = self._names(backend or (None if self.mode == "auto" else self.mode))
        try:
            for name in names:
                raw_k, line_k = self._keys(name, text, profile)
                path = self.cache.lookup_line(line_k)
                if path is None:
                    path = self._from_raw(name, raw_k, line_k, profile)
                if path is not None:
                    self._record(line, name, line_k)
                    return path
            return self._synthesise(line, text, profile, names)
        except BackendError as exc:
            self._fail(line, exc.message, notice=exc.kind == UNAVAILABLE)
        except DecodeError as exc:
            self._fail(line, f"오디오를 읽을 수 없습니다: {exc}")
        except OSError as exc:
            self._fail(line, f"음성 캐시에 쓸 수 없습니다 ({self.cache.root}): {exc}", notice=True)
        return None

    def flush(self) -> None:
        """Persist manifests; cheap when nothing changed."""
        try:
            self.cache.manifest.flush()
            if self._ships():
                self.cache.shipped_manifest.flush()
        except OSError as exc:
            self._notice(f"음성 목록을 저장할 수 없습니다: {exc}")

    def _synthesise(self, line: SpokenLine, text: str, profile: VoiceProfile, names: list[str]) -> Path:
        if len(names) == 1:
            backend = self._backend(names[0])
            if backend is self.online and self._auto.outage:
                raise BackendError(OFFLINE, self._auto.outage)  # one timeout per build, not per line
            try:
                audio = backend.synthesize(text, profile)
            except BackendError as exc:
                if backend is self.online and exc.kind in (OFFLINE, TIMEOUT):
                    self._auto.outage = exc.message
                raise
            return self._store(line, text, profile, backend, audio)
        had_outage = self._auto.outage
        backend, audio = self._auto.synthesize(text, profile)
        if self._auto.outage and not had_outage:
            reason = self._auto.outage
            self._notice(f"온라인 음성(gTTS)을 쓸 수 없어 오프라인 음성으로 읽습니다 — {reason}")
        try:
            return self._store(line, text, profile, backend, audio)
        except DecodeError:
            if backend is self.offline:
                raise
            # A "successful" download that is not audio (a captcha page): speak this line offline.
            return self._store(line, text, profile, self.offline, self.offline.synthesize(text, profile))

    def _store(
        self, line: SpokenLine, text: str, profile: VoiceProfile, backend: Backend, audio: RawAudio
    ) -> Path:
        raw_k, line_k = self._keys(backend.name, text, profile)
        raw_path = None
        if backend.name == "gtts":
            # Downloads are worth keeping unshaped: a new recipe then needs no network.
            raw_path = self.cache.store_raw(raw_k, audio, ship=self.ship)
        try:
            seg = decode(audio.data)
        except DecodeError:
            if raw_path is not None:
                self.cache.discard(raw_path)
            raise
        if (
            raw_path is not None
            and self.ship
            and self.cache.shipped_manifest is not None
            and self.cache.can_ship()
        ):
            self.cache.shipped_manifest.record(line.line_id, Entry(text_hash(text), "gtts", raw_k))
        path = self.cache.store_line(line_k, to_wav_bytes(shape(seg, ShapeParams.for_profile(profile))))
        self._record(line, backend.name, line_k)
        return path

    def _from_raw(self, name: str, raw_k: str, line_k: str, profile: VoiceProfile) -> Path | None:
        raw_path = self.cache.lookup_raw(raw_k)
        if raw_path is None:
            return None
        try:
            seg = decode(raw_path.read_bytes())
        except DecodeError:
            self.cache.discard(raw_path)
            return None
        wav = to_wav_bytes(shape(seg, ShapeParams.for_profile(profile)))
        return self.cache.store_line(line_k, wav)

    def _ships(self) -> bool:
        return self.ship and self.cache.shipped_manifest is not None and self.cache.can_ship()

    def _keys(self, name: str, text: str, profile: VoiceProfile) -> tuple[str, str]:
        raw_k = raw_key(text, profile.language, name, self._backend(name).token(profile))
        return raw_k, line_key(raw_k, profile, RECIPE_VERSION)

    def _backend(self, name: str) -> Backend:
        return self.online if name == "gtts" else self.offline

    @staticmethod
    def _names(backend: str | None) -> list[str]:
        return [backend] if backend in PREFERENCE else list(PREFERENCE)

    def _record(self, line: SpokenLine, backend: str, key: str) -> None:
        self.cache.manifest.record(line.line_id, Entry(text_hash(line.text), backend, key))
        self.errors.pop(line.line_id, None)

    def _fail(self, line: SpokenLine, message: str, notice: bool = False) -> None:
        self.errors[line.line_id] = message
        log.info("voice for %s unavailable: %s", line.line_id, message)
        if notice:
            self._notice(f"음성을 만들 수 없어 자막만 표시합니다: {message}")

    def _notice(self, message: str) -> None:
        with self._lock:
            if message not in self.notices:
                self.notices.append(message)
                log.warning(message)
