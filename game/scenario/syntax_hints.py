"""The cause behind a YAML syntax error, where the parser only knows where it gave up.

PyYAML notices an unclosed quote where the next quote character happens to be, often dozens of lines
later, and a key typed with a Korean input method's full-width colon (``follows：``) as a missing ':'.
Both are typing slips a trainer fixes in a second once the right line is named, so the text is
searched for them when parsing fails.
"""

from __future__ import annotations

import re
import unicodedata

from game.scenario.diagnostics import Diagnostic
from game.scenario.model import Pos

# A line's key, typed in ASCII, followed by full-width punctuation where YAML needs ':' (or after it).
_FULL_WIDTH_KEY = re.compile(
    r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*([\uff01-\uff0f\uff1a-\uff20\u3000\u3001\u3002])"
)
# Where a value may start with a quote: after "key: ", after "- ", or at the start of a line.
_QUOTE_START = re.compile(r"""^(\s*(?:-\s+)*(?:[^\s'"#\-\[{][^:#]*?:\s+)?)(["'])""")


def explain(text: str, path: str, line: int, col: int) -> Diagnostic | None:
    """A diagnostic naming the cause of a syntax error reported at ``line``:``col``, if one is found."""
    return _full_width(text, path, line) or _unclosed_quote(text, path, line, col)


def _full_width(text: str, path: str, error_line: int) -> Diagnostic | None:
    for number, content in enumerate(text.splitlines()[:error_line], 1):
        match = _FULL_WIDTH_KEY.match(content)
        if not match:
            continue
        char = match.group(3)
        name = unicodedata.name(char, "full-width character").lower()
        ascii_form = unicodedata.normalize("NFKC", char).strip() or " "
        return Diagnostic(
            "E009",
            f"'{match.group(2)}' is followed by a {name} '{char}' (U+{ord(char):04X}), not '{ascii_form}'",
            f"type '{ascii_form}' with the input method in English mode: '{match.group(2)}{ascii_form}'"
            if ascii_form == ":"
            else f"replace '{char}' with ':' after the key: '{match.group(2)}:'",
            Pos(path, number, match.start(3) + 1),
        )
    return None


def _closing(text: str, start: int, quote: str) -> int:
    """Offset of the quote that closes the one at ``start`` (YAML escaping rules), or -1."""
    i = start + 1
    while i < len(text):
        char = text[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2  # '' is a quote inside single quotes
                continue
            return i
        i += 1
    return -1


def _unclosed_quote(text: str, path: str, error_line: int, error_col: int) -> Diagnostic | None:
    lines = text.splitlines(keepends=True)
    error_offset = sum(len(x) for x in lines[: error_line - 1]) + error_col - 1
    offset = 0
    for number, content in enumerate(lines, 1):
        if offset > error_offset:
            break
        match = _QUOTE_START.match(content)
        start = offset + match.end(1) if match else -1
        offset += len(content)
        if not match:
            continue
        close = _closing(text, start, match.group(2))
        # The parser reads on to the next quote character and fails just after it: blame the opening
        # quote when that next one is on the error's line (or there is none) and the text spans lines.
        close_line = number + text.count("\n", start, close) if close != -1 else None
        if close_line is None or (close_line == error_line and close_line > number):
            quote = match.group(2)
            return Diagnostic(
                "E002",
                f"YAML syntax: the {'double' if quote == chr(34) else 'single'} quote {quote} opened here is "
                "not closed on its line",
                f"end the text with {quote} on the same line, or remove the opening {quote}",
                Pos(path, number, match.end(1) + 1),
            )
    return None
