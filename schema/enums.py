"""The enums of the model as GraphQL names them, declared once for every module of the schema."""

from __future__ import annotations

import strawberry

from graph import model

__all__ = ["Comparator", "Direction", "EntityKind", "Origin", "RelationType", "Role"]

EntityKind = strawberry.enum(model.EntityKind, description="What an entity is in a plan.")
RelationType = strawberry.enum(model.RelationType)
Direction = strawberry.enum(
    model.Direction, description="DOWNSTREAM follows a relation along its arrow, UPSTREAM against it."
)
Origin = strawberry.enum(
    model.Origin, description="TEXT: stated in the plan; CURATED: from an overlay; INFERRED: computed."
)
Role = strawberry.enum(model.Role)
Comparator = strawberry.enum(model.Comparator)
