"""plangraph's exception hierarchy: every error the project raises on purpose derives from
`PlanGraphError`, so callers can tell a documented failure from a bug."""

from __future__ import annotations

__all__ = [
    "BackendUnavailable",
    "EntityNotFound",
    "InvalidQuery",
    "PlanGraphError",
    "PlanLoadError",
    "QueryTimeout",
]


class PlanGraphError(Exception):
    """Base class of plangraph's own errors."""


class PlanLoadError(PlanGraphError):
    """A plan file cannot be used. Names the file, the place (line, if any) and the reason."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        """Made again from its own arguments (a refusal is handed to a server's workers)."""
        return type(self), (self.path, self.reason, self.line)


class EntityNotFound(PlanGraphError):
    def __init__(self, entity_id: str) -> None:
        self.entity_id = entity_id
        super().__init__(f"no entity with id {entity_id!r}")


class InvalidQuery(PlanGraphError):
    """A query argument is out of range or malformed."""


class BackendUnavailable(PlanGraphError):
    """The graph database cannot be reached, or refused the credentials."""


class QueryTimeout(PlanGraphError):
    """The request took longer than its time limit."""
