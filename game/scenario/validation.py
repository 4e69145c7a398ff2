"""JSON Schema errors turned into diagnostics a trainer can act on.

A schema failure comes in JSON Schema's vocabulary (a keyword such as ``additionalProperties``); a
trainer needs the place, the key that was meant and the fix. Every error of a file is reported in one
pass.
"""

from __future__ import annotations

import difflib
from typing import Any

from game.scenario.diagnostics import Diagnostic
from game.scenario.schema_check import Checker, SchemaError
from game.scenario.source import Located

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping of keys",
    "array": "a list",
}


_CHECKERS: dict[int, Checker] = {}


def validate(located: Located, schema: dict[str, Any]) -> list[Diagnostic]:
    """Schemas are module constants, so one checker per schema object is kept."""
    checker = _CHECKERS.get(id(schema))
    if checker is None:
        checker = _CHECKERS[id(schema)] = Checker(schema)
    out: list[Diagnostic] = []
    for error in checker.errors(located.data):
        out.extend(_convert(located, error))
    return out


def _best(error: SchemaError) -> SchemaError:
    """For oneOf the useful message is in the branch the value was meant for: the one whose type fits."""
    if error.kind != "oneOf":
        return error
    fitting = [
        b for b in error.branches if b and not any(e.kind == "type" and e.path == error.path for e in b)
    ]
    if len(fitting) == 1:
        return _best(fitting[0][0])
    return error


def _looks_like_prose(key: str) -> bool:
    """Korean text or words with spaces as a key: almost always a sentence split at a comma."""
    return " " in key.strip() or any("\uac00" <= ch <= "\ud7a3" for ch in key)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing (null)"
    return type(value).__name__.replace("str", "text").replace("dict", "a mapping").replace("list", "a list")


def _convert(located: Located, error: SchemaError) -> list[Diagnostic]:
    error = _best(error)
    path = error.path
    where = ".".join(str(p) for p in path) or "the file"
    kind = error.kind
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in error.schema.get("properties", {})]
        out = []
        for key in extras:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
            if _looks_like_prose(key):
                hint = (
                    "a comma inside { } starts a new key: put the text in quotes, or write one key per line"
                )
            out.append(
                Diagnostic(
                    "E101", f"unknown key '{key}' in {where}", hint, located.pos((*path, key), key=True)
                )
            )
        return out
    if kind == "required":
        missing = error.missing
        return [
            Diagnostic("E102", f"'{missing}' is missing in {where}", f"add '{missing}:'", located.pos(path))
        ]
    if kind == "type":
        wanted = error.expected
        wanted_list = wanted if isinstance(wanted, list) else [wanted]
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted_list)
        hint = f"write {words} here"
        if isinstance(error.instance, bool) and "string" in wanted_list:
            hint = "YAML reads yes/no/on/off/true/false as true or false; put the text in quotes"
        elif error.instance is None:
            hint = "the value is empty; write it after the colon or remove the key"
        return [
            Diagnostic(
                "E103", f"{where} must be {words}, not {_describe(error.instance)}", hint, located.pos(path)
            )
        ]
    if kind == "enum":
        options = ", ".join(str(v) for v in error.expected)
        close = difflib.get_close_matches(str(error.instance), [str(v) for v in error.expected], n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {options}"
        return [Diagnostic("E104", f"{where}: '{error.instance}' is not allowed", hint, located.pos(path))]
    if kind == "pattern":
        is_key = bool(path) and path[-1] == error.instance
        return [
            Diagnostic(
                "E106",
                f"{where}: '{error.instance}' is not a valid id",
                "use lower-case letters, digits, '-' and '_' (e.g. check_order)",
                located.pos(path, key=is_key),
            )
        ]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        limits = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "more than",
            "exclusiveMaximum": "less than",
        }
        bound = f"{limits[kind]} {error.expected}"
        return [Diagnostic("E105", f"{where} is {error.instance}; it must be {bound}", "", located.pos(path))]
    if kind in ("minItems", "minProperties", "minLength"):
        return [
            Diagnostic(
                "E105", f"{where} is empty", "write at least one entry or remove it", located.pos(path)
            )
        ]
    if kind in ("maxLength", "maxItems"):
        return [
            Diagnostic(
                "E105", f"{where} is too long (at most {error.expected})", "shorten it", located.pos(path)
            )
        ]
    if kind == "uniqueItems":
        return [
            Diagnostic("E203", f"{where} lists the same name twice", "remove the repeat", located.pos(path))
        ]
    if kind == "oneOf":
        return [
            Diagnostic(
                "E103",
                f"{where} must be a node id or a list of {{if: …, goto: …}}",
                "e.g. next: check_order",
                located.pos(path),
            )
        ]
    return [Diagnostic("E103", f"{where}: the value does not fit ({kind})", "", located.pos(path))]
