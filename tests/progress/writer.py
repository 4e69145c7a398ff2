"""A process that saves in a loop and reports each completed write on stdout, to be killed by a test.

Each save goes through the store's own path: take the profile lock, read (recovering if needed),
change, write atomically. After ``write_json`` returns, the counter is printed and flushed: the test
knows every write that completed before the SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.progress.atomic import FileLock, read_json, write_json


def main(target: str) -> None:
    path = Path(target)
    padding = "가나다라" * 2000  # big enough that a torn write would be visible
    while True:
        with FileLock(path.with_name(".lock")):
            current = read_json(path).data or {"counter": 0}
            counter = int(current["counter"]) + 1
            write_json(path, {"counter": counter, "padding": padding, "check": counter * 7})
        sys.stdout.write(f"{counter}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
