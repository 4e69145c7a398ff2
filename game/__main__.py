"""`python -m game` is the same entry as `eungdae` and `python main.py`."""

import sys

from game.cli import main

sys.exit(main())
