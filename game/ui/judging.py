"""A typed reply is analysed on a worker thread, so the frame that takes the Enter key never waits.

The analyser runs Kiwi in a helper process (a pipe round trip per sentence) and the findings in this
one; the reply and the node's example answers together cost a few milliseconds, several frames'
worth of the frame budget. The play scene starts a ``Judging`` on Enter, shows "판정 중" while it
runs, and answers once it is done: by then every analysis is memoised, so the engine's judgement on
the frame loop only reads them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from game.language import Analyser


class Judging:
    def __init__(self, analyser: Analyser, text: str, examples: Sequence[str], seconds: float) -> None:
        self.text = text
        self.seconds = seconds  # when Enter was pressed: the wait for the analyser is not the trainee's
        self._thread = threading.Thread(
            target=self._warm, args=(analyser, [text, *examples]), name="eungdae-judging", daemon=True
        )
        self._thread.start()

    @staticmethod
    def _warm(analyser: Analyser, texts: list[str]) -> None:
        try:
            for text in texts:
                analyser.analyse(text)
        except Exception:  # the engine meets the same failure on the loop and reports it
            return

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return self.done
