"""Start eungdae: `python main.py` plays the built-in scenarios; any eungdae command works too."""

import multiprocessing
import sys

from game.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the voice builder is a spawned child: needed in a frozen build
    sys.exit(main(sys.argv[1:]))
