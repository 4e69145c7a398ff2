"""Spoken customer lines: text and a voice profile in, a ready WAV file (or subtitles only) out.

The pieces, each usable alone: ``profile`` (what a line should sound like, and its cache key),
``backends`` (gTTS online, espeak-ng offline, ``auto`` between them), ``audio`` (decoding without
ffmpeg), ``dsp`` and ``shaping`` (the recipe), ``cache``, ``manifest`` and ``atomic`` (files on disk),
``service`` (the one interface the game uses), ``reach`` (which lines come next), ``prefetch`` (a worker
thread so the frame loop never waits), ``player`` (the mixer channel), ``build`` and ``progress``
(``eungdae voices``). docs/voices.md explains the whole path and the numbers the tests hold it to.
"""
