"""eungdae (응대): a customer-service roleplay trainer."""

import os

# pygame prints a banner on import; the command-line tools' output is for trainers and scripts.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
