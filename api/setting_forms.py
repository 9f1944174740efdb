"""How settings may be written in the environment, and what is said when one is written wrong.

A list setting (PLANGRAPH_PLANS, PLANGRAPH_CORS_ORIGINS …) takes one value, a comma-separated
list or a JSON list (the form for values that hold a comma). An origin is what a browser sends in
its Origin header: a scheme and a host, with a port if any, and nothing after; "*" is any origin.
A bad setting is described on one line: the variable, what was wrong, the forms accepted."""

from __future__ import annotations

import json
import logging
import types
from collections.abc import Collection
from pathlib import Path
from typing import Literal, Union, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

__all__ = ["LIST_FORMS", "describe", "one_or_many", "origin", "variable"]

logger = logging.getLogger(__name__)

LIST_FORMS = 'one value, a comma-separated list (a,b) or a JSON list (["a","b"])'
ORIGIN_FORM = "an origin is a scheme and a host, with a port if any: http://localhost:3000"


def variable(model: type[BaseModel], field: str) -> str:
    """The environment variable a field of a settings class is read from."""
    return f"{model.model_config.get('env_prefix', '')}{field}".upper()


def one_or_many(value: object) -> object:
    """A list from a variable's text: one value, values split at commas, or a JSON list. A value
    that is not text (a list from a command-line option) is left for the field's type to check."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{text!r} is not a JSON list ({exc.msg}, character {exc.pos})") from None
    return [part.strip() for part in text.split(",") if part.strip()]


def origin(value: str, setting: str) -> str:
    """`value` as the Origin header a browser sends; a trailing slash (which no browser sends, so
    no request would match) is dropped with a warning. Raises ValueError for anything else."""
    if value == "*":
        return value
    if "://" not in value:
        raise ValueError(f"{value!r} has no scheme ({ORIGIN_FORM})")
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        raise ValueError(f"{value!r} has a port that is not a number ({ORIGIN_FORM})") from None
    if not parts.hostname or parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{value!r} is not an origin ({ORIGIN_FORM}, nothing after)")
    if parts.path == "/":
        bare = value.removesuffix("/")
        logger.warning("%s: %r ends with a slash, which browsers never send; using %r", setting, value, bare)
        return bare
    return value


def describe(error: ValidationError, model: type[BaseModel], options: Collection[str] = ()) -> str:
    """One line for every bad setting in `error`: its name (the command-line option if `options`
    holds the field, else the variable), what was wrong and the forms accepted."""
    problems: dict[str, str] = {}
    for one in error.errors():
        field = str(one["loc"][0]) if one["loc"] else ""
        name = f"--{field.replace('_', '-')}" if field in options else variable(model, field)
        if one["type"] == "value_error":
            what = str(one["ctx"]["error"])
        else:
            what = f"{one['input']!r}: {one['msg']}"
        info = model.model_fields.get(field)
        forms = _forms(info.annotation) if info is not None else ""
        problems.setdefault(name, f"{name}: {what}" + (f"; accepted: {forms}" if forms else ""))
    return "invalid setting " + "; also ".join(problems.values())


def _forms(annotation: object) -> str:
    """The forms a variable of this type is written in, in words."""
    origin_type = get_origin(annotation)
    if origin_type is list:
        return LIST_FORMS
    if origin_type is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(annotation))
    if origin_type in (Union, types.UnionType):
        return " or ".join(filter(None, (_forms(a) for a in get_args(annotation) if a is not type(None))))
    words = {bool: "true or false", int: "a whole number", float: "a number", Path: "a file path"}
    return words.get(annotation, "")  # type: ignore[call-overload]
