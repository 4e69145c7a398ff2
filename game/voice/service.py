"""The one interface the game uses: a spoken line in, a ready WAV path (or ``None``: subtitles only) out.

``find`` only looks (a stat or two, safe anywhere); ``prepare`` may synthesise and shape (for the
prefetch worker and ``voices build``, never the frame loop). Neither raises for a network, synthesiser
or disk failure: the game goes on with subtitles, and the reason is kept in ``notices`` for the trainee
(once) and ``errors`` for the trainer.

What is said comes from ``game.voice.text``: stage directions are never spoken, a line that is only
directions is silent (``None`` without an error), and a quoted second speaker is synthesised in their
own voice and joined to the customer's words in one file. A recorded human take (``takes``) wins over
every synthesiser.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.scenario.model import SpokenLine
from game.voice.audio import DecodeError, decode, from_samples, samples, to_wav_bytes
from game.voice.backends import OFFLINE, TIMEOUT, UNAVAILABLE, Backend, BackendError, RawAudio
from game.voice.backends.auto import AutoBackend
from game.voice.backends.espeak import EspeakBackend
from game.voice.backends.gtts_backend import GttsBackend
from game.voice.backends.system import SystemBackend
from game.voice.cache import VoiceCache
from game.voice.manifest import Entry
from game.voice.profile import VoiceProfile, line_key, raw_key, text_hash
from game.voice.shaping import RECIPE_VERSION, ShapeParams, shape
from game.voice.takes import RecordedTakes
from game.voice.text import for_backend, part_lines, spoken_words

log = logging.getLogger(__name__)

MODES = ("auto", "gtts", "system", "espeak")
PREFERENCE = ("gtts", "system", "espeak")  # most natural voice first whenever several exist
JOIN_GAP_S = 0.3  # between the second speaker's words and the customer's: a turn, not a run-on
TAKE = "recorded"


@dataclass
class VoiceService:
    cache: VoiceCache
    mode: str = "auto"
    online: Backend = field(default_factory=GttsBackend)
    offline: Backend = field(default_factory=EspeakBackend)
    system: Backend = field(default_factory=SystemBackend)
    takes: RecordedTakes = field(default_factory=RecordedTakes)
    ship: bool = False  # store gTTS downloads in assets/voices/ (a trainer's build), not the user cache
    language: str = "ko"
    notices: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"backend must be one of {', '.join(MODES)}")
        self._auto = AutoBackend(self.online, self.offline, system=self.system)
        self._lock = threading.Lock()

    # -- looking -------------------------------------------------------------------------------------

    def profile(self, line: SpokenLine) -> VoiceProfile:
        return VoiceProfile.for_line(line, self.language)

    def find(self, line: SpokenLine, backend: str | None = None) -> Path | None:
        """Shaped audio already on disk, from ``backend`` or (``None``) whichever is best."""
        parts = part_lines(line)
        if not parts:
            return None
        take = self.takes.take(line)
        if take is not None and backend in (None, TAKE):
            return self.cache.lookup_line(self._take_key(line, take))
        paths = []
        for part in parts:
            path = self._find_part(part, backend)
            if path is None:
                return None
            paths.append(path)
        return paths[0] if len(paths) == 1 else self.cache.lookup_line(_join_key(paths))

    def state(self, line: SpokenLine) -> str:
        """``silent`` (only directions) | ``cached`` | ``missing`` | ``stale`` (audio exists only for an
        earlier text of this line)."""
        parts = part_lines(line)
        if not parts:
            return "silent"
        if self.find(line) is not None or all(self._has_download(part) for part in parts):
            return "cached"
        current = text_hash(spoken_words(line))
        for manifest in filter(None, [self.cache.manifest, self.cache.shipped_manifest]):
            entry = manifest.get(line.line_id)
            if entry is not None and entry.text_hash != current:
                return "stale"
        return "missing"

    def built_with(self, line: SpokenLine) -> str | None:
        """The backend the cached audio of ``line`` came from, as the manifest recorded it."""
        entry = self.cache.manifest.get(line.line_id)
        return (
            entry.backend if entry is not None and entry.text_hash == text_hash(spoken_words(line)) else None
        )

    # -- making --------------------------------------------------------------------------------------

    def prepare(self, line: SpokenLine, backend: str | None = None) -> Path | None:
        """Ready audio for ``line``, synthesising if need be. Blocking: call it off the frame loop.

        ``None`` for a silent line (nothing but directions) too: there is nothing to play, and no error.
        """
        parts = part_lines(line)
        if not parts:
            return None
        try:
            take = self.takes.take(line) if backend in (None, TAKE) else None
            if take is not None:
                path, used = self._from_take(line, take), TAKE
            else:
                names = self._names(backend or (None if self.mode == "auto" else self.mode))
                made = [self._prepare_part(line, part, names) for part in parts]
                used = "+".join(dict.fromkeys(name for _, name in made))
                path = made[0][0] if len(made) == 1 else self._join([p for p, _ in made])
            self._record(line, used, path.stem)
            return path
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
            self.notice(f"음성 목록을 저장할 수 없습니다: {exc}")

    # -- one voice -----------------------------------------------------------------------------------

    def _find_part(self, part: SpokenLine, backend: str | None) -> Path | None:
        profile = self.profile(part)
        for name in self._names(backend):
            path = self.cache.lookup_line(self._keys(name, part.text, profile)[1])
            if path is not None:
                return path
        return None

    def _has_download(self, part: SpokenLine) -> bool:
        return self.cache.lookup_raw(self._keys("gtts", part.text, self.profile(part))[0]) is not None

    def _prepare_part(self, line: SpokenLine, part: SpokenLine, names: list[str]) -> tuple[Path, str]:
        text, profile = part.text, self.profile(part)
        for name in names:
            raw_k, line_k = self._keys(name, text, profile)
            path = self.cache.lookup_line(line_k)
            if path is None:
                path = self._from_raw(raw_k, line_k, profile)
            if path is not None:
                return path, name
        return self._synthesise(line, text, profile, names)

    def _synthesise(
        self, line: SpokenLine, text: str, profile: VoiceProfile, names: list[str]
    ) -> tuple[Path, str]:
        if len(names) == 1:
            backend = self._backend(names[0])
            if backend is self.online and self._auto.outage:
                raise BackendError(OFFLINE, self._auto.outage)  # one timeout per build, not per line
            try:
                audio = backend.synthesize(for_backend(text, backend.name), profile)
            except BackendError as exc:
                if backend is self.online and exc.kind in (OFFLINE, TIMEOUT):
                    self._auto.outage = exc.message
                raise
            return self._store(line, text, profile, backend, audio), backend.name
        had_outage = self._auto.outage
        backend, audio = self._auto.synthesize(text, profile, lambda name, words: for_backend(words, name))
        if self._auto.outage and not had_outage:
            reason = self._auto.outage
            self.notice(f"온라인 음성(gTTS)을 쓸 수 없어 오프라인 음성으로 읽습니다 — {reason}")
        try:
            return self._store(line, text, profile, backend, audio), backend.name
        except DecodeError:
            if backend is self.offline:
                raise
            # A "successful" download that is not audio (a captcha page): speak this line offline.
            audio = self.offline.synthesize(for_backend(text, self.offline.name), profile)
            return self._store(line, text, profile, self.offline, audio), self.offline.name

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
        if raw_path is not None and self._ships():
            entry = Entry(text_hash(spoken_words(line)), "gtts", raw_k)
            self.cache.shipped_manifest.record(line.line_id, entry)
        return self.cache.store_line(line_k, to_wav_bytes(shape(seg, ShapeParams.for_profile(profile))))

    def _from_raw(self, raw_k: str, line_k: str, profile: VoiceProfile) -> Path | None:
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

    # -- recorded takes and joined voices ------------------------------------------------------------

    def _take_key(self, line: SpokenLine, take: Path) -> str:
        st = take.stat()
        payload = f"take1|{line.line_id}|{st.st_size}|{st.st_mtime_ns}|{self.profile(line).token()}|{RECIPE_VERSION}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    def _from_take(self, line: SpokenLine, take: Path) -> Path:
        """An actor's take is played as performed: only level and the phone band are applied."""
        key = self._take_key(line, take)
        path = self.cache.lookup_line(key)
        if path is not None:
            return path
        params = replace(ShapeParams.for_profile(self.profile(line)), tempo=1.0, semitones=0.0)
        return self.cache.store_line(key, to_wav_bytes(shape(decode(take.read_bytes()), params)))

    def _join(self, paths: list[Path]) -> Path:
        import numpy as np

        key = _join_key(paths)
        path = self.cache.lookup_line(key)
        if path is not None:
            return path
        pieces = [samples(decode(p.read_bytes())) for p in paths]
        gap = np.zeros(int(JOIN_GAP_S * from_samples(pieces[0]).frame_rate))
        joined = np.concatenate([x for piece in pieces for x in (piece, gap)][:-1])
        return self.cache.store_line(key, to_wav_bytes(from_samples(joined)))

    # -- bookkeeping ---------------------------------------------------------------------------------

    def _ships(self) -> bool:
        return self.ship and self.cache.shipped_manifest is not None and self.cache.can_ship()

    def _keys(self, name: str, text: str, profile: VoiceProfile) -> tuple[str, str]:
        """Keys of what ``name`` is *given* (espeak-ng: the pronunciation), so a change of the front end's
        output is new audio, and the same spelling shares a gTTS download whatever espeak gets."""
        said = for_backend(text, name)
        raw_k = raw_key(said, profile.language, name, self._backend(name).token(profile))
        return raw_k, line_key(raw_k, profile, RECIPE_VERSION)

    def _backend(self, name: str) -> Backend:
        return {"gtts": self.online, "system": self.system}.get(name, self.offline)

    @staticmethod
    def _names(backend: str | None) -> list[str]:
        return [backend] if backend in PREFERENCE else list(PREFERENCE)

    def _record(self, line: SpokenLine, backend: str, key: str) -> None:
        self.cache.manifest.record(line.line_id, Entry(text_hash(spoken_words(line)), backend, key))
        self.errors.pop(line.line_id, None)

    def _fail(self, line: SpokenLine, message: str, notice: bool = False) -> None:
        self.errors[line.line_id] = message
        log.info("voice for %s unavailable: %s", line.line_id, message)
        if notice:
            self.notice(f"음성을 만들 수 없어 자막만 표시합니다: {message}")

    def notice(self, message: str) -> None:
        with self._lock:
            if message not in self.notices:
                self.notices.append(message)
                log.warning(message)


def _join_key(paths: list[Path]) -> str:
    payload = "join1|" + "|".join(p.stem for p in paths) + f"|{JOIN_GAP_S}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
