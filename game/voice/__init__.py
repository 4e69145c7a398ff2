"""Spoken customer lines: text and a voice profile in, a ready WAV file (or subtitles only) out.

The pieces, each usable alone: ``profile`` (what a line should sound like and its cache key), ``backends``
(gTTS online, espeak-ng offline), ``shaping`` (the pydub recipe), ``cache`` and ``manifest`` (content-
addressed files on disk), ``service`` (the one interface the game uses), ``prefetch`` (a worker thread so
the frame loop never waits), ``player`` (the mixer channel) and ``build`` (``eungdae voices``).
"""
