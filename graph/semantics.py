"""Relation semantics as data: the one table that defines impact analysis.

The impact of X is every entity reachable from X by following each relation in its
impact direction: DOWNSTREAM along the arrow, from the relation's source to its target (a
failing part puts its whole at risk), UPSTREAM against it, from target to source (a missing
standard puts the domain that formulates it at risk).
"""

from __future__ import annotations

from graph.model import Direction, EntityKind, RelationType

__all__ = ["IMPACT_FLOW", "INFERRED_LINKS"]

IMPACT_FLOW: dict[RelationType, Direction] = {
    RelationType.PART_OF: Direction.DOWNSTREAM,
    RelationType.SUPPORTS: Direction.DOWNSTREAM,
    RelationType.MEASURES: Direction.DOWNSTREAM,
    RelationType.IMPLEMENTS: Direction.DOWNSTREAM,
    RelationType.COVERS: Direction.DOWNSTREAM,
    RelationType.FORMULATES: Direction.UPSTREAM,
    RelationType.DEPENDS_ON: Direction.UPSTREAM,
    RelationType.RESPONSIBLE_FOR: Direction.DOWNSTREAM,
    RelationType.REFERENCES: Direction.UPSTREAM,
    RelationType.DERIVES_FROM: Direction.UPSTREAM,
    # If the successor fails, what its predecessor was responsible for is at risk.
    RelationType.SUCCEEDED_BY: Direction.UPSTREAM,
}

#: The links between chapters a plan implies without stating them, inferred from shared terms
#: (loaders/links/candidates.py): for each type, the kinds it runs from and the kinds it runs to.
INFERRED_LINKS: dict[RelationType, tuple[tuple[EntityKind, ...], tuple[EntityKind, ...]]] = {
    RelationType.IMPLEMENTS: ((EntityKind.PROJECT,), (EntityKind.TASK,)),
    RelationType.SUPPORTS: (
        (EntityKind.TASK, EntityKind.PROJECT, EntityKind.MEASURE),
        (EntityKind.GOAL, EntityKind.INDICATOR),
    ),
    RelationType.COVERS: ((EntityKind.TASK, EntityKind.PROJECT), (EntityKind.DOMAIN,)),
}
