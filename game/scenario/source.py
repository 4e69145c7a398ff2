"""Reading YAML the way a hostile or careless file cannot hurt us.

A trainer's file is read with the safe loader only, after a cheap event pass that bounds its size,
nesting depth and alias count (so a "billion laughs" file or a 100 000-deep list fails fast with a
message instead of exhausting memory or the stack). The result keeps the position of every key and
value, because every later check must be able to say ``path:line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from game.scenario import syntax_hints
from game.scenario.diagnostics import Diagnostic
from game.scenario.model import Pos

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_ALIASES = 100
MAX_NODES = 200_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Parser = _Loader

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


@dataclass
class Located:
    """Plain data (dict/list/str/int/...) plus where each part came from.

    ``positions`` maps a path of keys and indexes, e.g. ``("nodes", "ring", "choices", 0)``, to the
    position of that value; ``key_positions`` maps the same path to the position of its key.
    """

    data: Any
    positions: dict[tuple, Pos]
    key_positions: dict[tuple, Pos]
    path: str

    def pos(self, path: tuple, *, key: bool = False) -> Pos:
        """The closest known position for ``path``: a missing key points at its parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), Pos(self.path, 1, 1))


def _pos(path: str, mark: Any) -> Pos:
    return Pos(path, mark.line + 1, mark.column + 1)


def read_text(path: str) -> tuple[str | None, list[Diagnostic]]:
    start = Pos(path, 1, 1)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Diagnostic("E001", f"cannot read the file ({exc.strerror})", "check the path", start)]
    if len(raw) > MAX_BYTES:
        return None, [
            Diagnostic(
                "E003",
                f"file is larger than {MAX_BYTES // 1000} kB",
                "split the scenario into smaller files",
                start,
            )
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Diagnostic(
                "E001",
                "the file is not UTF-8 text",
                "save it as UTF-8 (not CP949/EUC-KR) in your editor",
                Pos(path, line, 1),
            )
        ]


def _flow_depth_bound(text: str) -> int:
    """An upper bound on flow nesting ([ and {), counting brackets inside quotes too."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}" and depth:
            depth -= 1
    return deepest


def _needs_prescan(text: str) -> bool:
    """Ordinary files skip the event pass: flow nesting needs brackets, aliases need '*', and block
    nesting (indentation) is bounded by the builder's own depth check."""
    return text.count("*") > MAX_ALIASES or _flow_depth_bound(text) > MAX_DEPTH


def _prescan(text: str, path: str) -> list[Diagnostic]:
    """Walk parser events only: no objects are built, so limits are checked before any cost."""
    depth = aliases = 0
    try:
        for event in yaml.parse(text, Loader=_Parser):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return [
                        Diagnostic(
                            "E004",
                            f"nesting is deeper than {MAX_DEPTH} levels",
                            "a scenario never needs this depth; flatten the structure",
                            _pos(path, event.start_mark),
                        )
                    ]
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    return [
                        Diagnostic(
                            "E005",
                            f"more than {MAX_ALIASES} aliases (*name)",
                            "write the repeated parts out or reduce the anchors",
                            _pos(path, event.start_mark),
                        )
                    ]
    except yaml.MarkedYAMLError as exc:
        return [_syntax(path, exc, text)]
    except yaml.reader.ReaderError as exc:
        return [_unreadable(path, text, exc)]
    return []


def _unreadable(path: str, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    before = text[: exc.position]
    pos = Pos(path, before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
    what = f"character U+{exc.character:04X}" if isinstance(exc.character, int) else "a character"
    return Diagnostic(
        "E002",
        f"{what} is not allowed in YAML",
        "remove the control character (often pasted from another program)",
        pos,
    )


def _syntax(path: str, exc: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    pos = _pos(path, mark) if mark is not None else Pos(path, 1, 1)
    cause = syntax_hints.explain(text, path, pos.line, pos.col)
    if cause is not None:
        return cause
    problem = exc.problem or exc.context or "invalid YAML"
    hint = "check indentation and quote text that contains ':' or starts with a symbol"
    line = text.splitlines()[pos.line - 1] if 0 < pos.line <= len(text.splitlines()) else ""
    if "tab" in problem or "\t" in line[: pos.col]:
        hint = "indent with spaces, not tabs"
    return Diagnostic("E002", f"YAML syntax: {problem}", hint, pos)


class _Builder:
    """Turns composed nodes into plain data, recording positions and catching duplicate keys."""

    def __init__(self, path: str):
        self.path = path
        self.positions: dict[tuple, Pos] = {}
        self.key_positions: dict[tuple, Pos] = {}
        self.diagnostics: list[Diagnostic] = []
        self.count = 0
        self._constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, here: tuple) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(_pos(self.path, node.start_mark))
        if len(here) > MAX_DEPTH:
            raise _TooDeep(_pos(self.path, node.start_mark))
        self.positions[here] = _pos(self.path, node.start_mark)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.diagnostics.append(
                        Diagnostic(
                            "E008",
                            "merge keys (<<) are not supported",
                            "write the keys out in full",
                            _pos(self.path, key_node.start_mark),
                        )
                    )
                    continue
                key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    self.diagnostics.append(
                        Diagnostic(
                            "E103",
                            "a key must be plain text",
                            "use a simple word as the key",
                            _pos(self.path, key_node.start_mark),
                        )
                    )
                    continue
                key = str(key) if not isinstance(key, str) else key
                if key in result:
                    first = self.key_positions[(*here, key)]
                    self.diagnostics.append(
                        Diagnostic(
                            "E006",
                            f"duplicate key '{key}' (first at line {first.line})",
                            "YAML would silently keep only the last one; rename or merge them",
                            _pos(self.path, key_node.start_mark),
                        )
                    )
                    continue
                self.key_positions[(*here, key)] = _pos(self.path, key_node.start_mark)
                result[key] = self.build(value_node, (*here, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*here, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == "tag:yaml.org,2002:str":
            return node.value  # most scalars: skip the constructor's dispatch
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # a date is kept as the text the trainer wrote
        if node.tag not in _SCALAR_TAGS:
            self.diagnostics.append(
                Diagnostic(
                    "E008",
                    f"tag {node.tag} is not supported",
                    "remove the !tag; scenario files hold plain text, numbers and lists",
                    _pos(self.path, node.start_mark),
                )
            )
            return node.value
        return self._constructor.construct_object(node, deep=True)


class _TooBig(Exception):
    def __init__(self, pos: Pos):
        self.pos = pos


class _TooDeep(_TooBig):
    pass


def load_located(path: str, text: str | None = None) -> tuple[Located | None, list[Diagnostic]]:
    """Read ``path`` (or ``text`` given for it) safely; data is ``None`` when nothing usable came out."""
    if text is None:
        text, problems = read_text(path)
        if text is None:
            return None, problems
    problems = _prescan(text, path) if _needs_prescan(text) else []
    if problems:
        return None, problems
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax(path, exc, text)]
    except yaml.reader.ReaderError as exc:
        return None, [_unreadable(path, text, exc)]
    if root is None:
        return None, [
            Diagnostic(
                "E007", "the file is empty", "start with 'id:', 'title:' and 'nodes:'", Pos(path, 1, 1)
            )
        ]
    builder = _Builder(path)
    try:
        data = builder.build(root, ())
    except _TooDeep as deep:
        return None, [
            Diagnostic(
                "E004",
                f"nesting is deeper than {MAX_DEPTH} levels",
                "a scenario never needs this depth; flatten the structure",
                deep.pos,
            )
        ]
    except _TooBig as big:
        return None, [
            Diagnostic("E005", "aliases expand to too much data", "remove the anchors and aliases", big.pos)
        ]
    if not isinstance(data, dict):
        return None, [
            *builder.diagnostics,
            Diagnostic(
                "E007",
                "the top level must be a mapping of keys",
                "start with 'id:', 'title:' and 'nodes:'",
                builder.positions[()],
            ),
        ]
    return Located(data, builder.positions, builder.key_positions, path), builder.diagnostics
