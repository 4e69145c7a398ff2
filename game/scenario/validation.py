"""JSON Schema errors turned into diagnostics a trainer can act on.

jsonschema reports in its own vocabulary ("'x' is not of type 'integer'"); a trainer needs the place,
the key that was meant and the fix. Every error of a file is reported in one pass.
"""

from __future__ import annotations

import difflib
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator

from game.scenario.diagnostics import Diagnostic
from game.scenario.source import Located

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping of keys",
    "array": "a list",
}


_VALIDATORS: dict[int, Draft202012Validator] = {}


def inline_refs(schema: Any, defs: dict[str, Any] | None = None) -> Any:
    """The same schema with local ``$ref``s replaced by their definitions.

    Editors get the compact form with ``$defs``; validation gets this one, because resolving references
    is most of jsonschema's time on our files (about half of loading the library).
    """
    if defs is None:
        defs = schema.get("$defs", {}) if isinstance(schema, dict) else {}
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: inline_refs(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [inline_refs(item, defs) for item in schema]
    return schema


def validate(located: Located, schema: dict[str, Any]) -> list[Diagnostic]:
    """Schemas are module constants, so one compiled validator per schema object is kept."""
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = _VALIDATORS[id(schema)] = Draft202012Validator(inline_refs(schema))
    out: list[Diagnostic] = []
    for error in validator.iter_errors(located.data):
        out.extend(_convert(located, error))
    return out


def _best(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For oneOf/anyOf the useful message is in the branch that got furthest."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = max(error.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
        if len(deepest.absolute_path) > len(error.absolute_path) or deepest.validator != "type":
            return _best(deepest)
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


def _convert(located: Located, error: jsonschema.ValidationError) -> list[Diagnostic]:
    error = _best(error)
    path = tuple(error.absolute_path)
    where = ".".join(str(p) for p in path) or "the file"
    kind = error.validator
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
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        return [
            Diagnostic("E102", f"'{missing}' is missing in {where}", f"add '{missing}:'", located.pos(path))
        ]
    if kind == "type":
        wanted = error.validator_value
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
        options = ", ".join(str(v) for v in error.validator_value)
        close = difflib.get_close_matches(str(error.instance), [str(v) for v in error.validator_value], n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {options}"
        return [Diagnostic("E104", f"{where}: '{error.instance}' is not allowed", hint, located.pos(path))]
    if kind == "pattern" or (kind == "propertyNames"):
        return [
            Diagnostic(
                "E106",
                f"{where}: '{error.instance}' is not a valid id",
                "use lower-case letters, digits, '-' and '_' (e.g. check_order)",
                located.pos(path),
            )
        ]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        limits = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "more than",
            "exclusiveMaximum": "less than",
        }
        bound = f"{limits[kind]} {error.validator_value}"
        return [Diagnostic("E105", f"{where} is {error.instance}; it must be {bound}", "", located.pos(path))]
    if kind in ("minItems", "minProperties", "minLength"):
        return [
            Diagnostic(
                "E105", f"{where} is empty", "write at least one entry or remove it", located.pos(path)
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
    return [Diagnostic("E103", f"{where}: {error.message}", "", located.pos(path))]
