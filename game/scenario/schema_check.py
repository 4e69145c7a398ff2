"""A validator for the part of JSON Schema our scenario and rubric schemas use.

Why not the ``jsonschema`` package: importing it and resolving references took about half of the game's
start-up (0.23 s import, 0.35 s validating the library). Our schemas use a dozen keywords; this checks
exactly those and says so loudly if a schema uses another. ``tests/scenario/test_schema_check.py``
compares its verdicts with ``jsonschema``'s (a dev dependency) on thousands of generated documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

SUPPORTED = {
    "$schema", "$id", "$defs", "$ref", "title", "description",
    "type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "properties", "additionalProperties", "required", "minProperties", "propertyNames",
    "items", "minItems", "maxItems", "uniqueItems", "oneOf", "anyOf", "const",
}  # fmt: skip


@dataclass
class SchemaError:
    """One failed keyword, in the vocabulary of JSON Schema (``kind`` is the keyword)."""

    kind: str
    path: tuple
    instance: Any
    schema: dict[str, Any]
    expected: Any = None
    missing: str = ""
    branches: list[list[SchemaError]] = field(default_factory=list)

    def describe(self) -> str:
        """A one-line account for logs and save-file messages."""
        where = "/".join(str(p) for p in self.path) or "(top)"
        if self.kind == "required":
            return f"{where}: '{self.missing}' is required"
        if self.kind == "additionalProperties":
            return f"{where}: unexpected key(s) {self.expected}"
        if self.kind in ("oneOf", "anyOf"):
            return f"{where}: {self.instance!r} fits none of the allowed forms"
        return f"{where}: {self.instance!r} fails {self.kind} {self.expected!r}"


_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class Checker:
    def __init__(self, schema: dict[str, Any]):
        self.root = schema
        self.defs = schema.get("$defs", {})
        self._check_keywords(schema)

    def _check_keywords(self, schema: Any) -> None:
        if isinstance(schema, dict):
            unknown = set(schema) - SUPPORTED
            if unknown:
                raise ValueError(f"schema keyword(s) not supported by schema_check: {sorted(unknown)}")
            for key, value in schema.items():
                if key in ("properties", "$defs"):
                    for sub in value.values():
                        self._check_keywords(sub)
                elif key in ("additionalProperties", "items", "propertyNames") and isinstance(value, dict):
                    self._check_keywords(value)
                elif key in ("oneOf", "anyOf"):
                    for sub in value:
                        self._check_keywords(sub)

    def errors(self, instance: Any) -> list[SchemaError]:
        out: list[SchemaError] = []
        self._visit(instance, self.root, (), out)
        return out

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.defs[schema["$ref"].removeprefix("#/$defs/")]
        return schema

    def _visit(self, value: Any, schema: dict[str, Any], path: tuple, out: list[SchemaError]) -> None:
        schema = self._resolve(schema)
        if "oneOf" in schema or "anyOf" in schema:
            self._alternatives(value, schema, path, out)
            return
        if "const" in schema and not (value == schema["const"] and type(value) is type(schema["const"])):
            out.append(SchemaError("const", path, value, schema, schema["const"]))
        wanted = schema.get("type")
        if wanted is not None:
            kinds = wanted if isinstance(wanted, list) else [wanted]
            if not any(_TYPES[k](value) for k in kinds):
                out.append(SchemaError("type", path, value, schema, wanted))
                return
        if "enum" in schema and not any(value == e and type(value) is type(e) for e in schema["enum"]):
            out.append(SchemaError("enum", path, value, schema, schema["enum"]))
        if isinstance(value, str):
            if "minLength" in schema and len(value) < schema["minLength"]:
                out.append(SchemaError("minLength", path, value, schema, schema["minLength"]))
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                out.append(SchemaError("maxLength", path, value, schema, schema["maxLength"]))
            if "pattern" in schema and not _regex(schema["pattern"]).search(value):
                out.append(SchemaError("pattern", path, value, schema, schema["pattern"]))
        if _TYPES["number"](value):
            for key, fails in (
                ("minimum", lambda v, b: v < b),
                ("maximum", lambda v, b: v > b),
                ("exclusiveMinimum", lambda v, b: v <= b),
                ("exclusiveMaximum", lambda v, b: v >= b),
            ):
                if key in schema and fails(value, schema[key]):
                    out.append(SchemaError(key, path, value, schema, schema[key]))
        if isinstance(value, dict):
            self._object(value, schema, path, out)
        if isinstance(value, list):
            if "minItems" in schema and len(value) < schema["minItems"]:
                out.append(SchemaError("minItems", path, value, schema, schema["minItems"]))
            if "maxItems" in schema and len(value) > schema["maxItems"]:
                out.append(SchemaError("maxItems", path, value, schema, schema["maxItems"]))
            if schema.get("uniqueItems") and len({repr(v) for v in value}) < len(value):
                out.append(SchemaError("uniqueItems", path, value, schema, True))
            if "items" in schema:
                for index, item in enumerate(value):
                    self._visit(item, schema["items"], (*path, index), out)

    def _object(self, value: dict, schema: dict[str, Any], path: tuple, out: list[SchemaError]) -> None:
        for name in schema.get("required", []):
            if name not in value:
                out.append(SchemaError("required", path, value, schema, missing=name))
        if "minProperties" in schema and len(value) < schema["minProperties"]:
            out.append(SchemaError("minProperties", path, value, schema, schema["minProperties"]))
        names = schema.get("propertyNames")
        if names is not None:
            for key in value:
                self._visit(key, names, (*path, key), out)
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        unknown = [k for k in value if k not in properties]
        if extra is False and unknown:
            out.append(SchemaError("additionalProperties", path, value, schema, unknown))
        for key, item in value.items():
            if key in properties:
                self._visit(item, properties[key], (*path, key), out)
            elif isinstance(extra, dict):
                self._visit(item, extra, (*path, key), out)

    def _alternatives(self, value: Any, schema: dict[str, Any], path: tuple, out: list[SchemaError]) -> None:
        kind = "oneOf" if "oneOf" in schema else "anyOf"
        results = []
        for branch in schema[kind]:
            found: list[SchemaError] = []
            self._visit(value, branch, path, found)
            results.append(found)
        passing = sum(1 for r in results if not r)
        if passing == 0 or (kind == "oneOf" and passing > 1):
            out.append(SchemaError(kind, path, value, schema, branches=results))
