"""The analyser helper process (``python -m game.language.worker``): Kiwi behind a JSON-lines pipe.

It prints ``ready`` once Kiwi is loaded, then answers each line (a JSON string) with one line (a JSON
list of [form, tag, start, end]). It ends when its input closes, that is, when the game does.
"""

from __future__ import annotations

import json
import sys

from game.language.loader import kiwi_tokenizer


def main() -> int:
    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    tokenize = kiwi_tokenizer()
    print("ready", flush=True)
    for line in sys.stdin:
        morphs = tokenize(json.loads(line))
        print(json.dumps([[m.form, m.tag, m.start, m.end] for m in morphs], ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
