"""Start eungdae: `python main.py` plays the built-in scenarios; any eungdae command works too."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
