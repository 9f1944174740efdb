"""Relation semantics as data: the one table that defines impact analysis.

The impact of X is every entity reachable from X by following each relation in its
impact direction: FORWARD means from the relation's source to its target (a failing part
puts its whole at risk), BACKWARD from target to source (a missing standard puts the
domain that formulates it at risk).
"""

from __future__ import annotations

from enum import StrEnum

from graph.model import RelationType

__all__ = ["IMPACT_FLOW", "Flow"]


class Flow(StrEnum):
    FORWARD = "FORWARD"
    BACKWARD = "BACKWARD"


IMPACT_FLOW: dict[RelationType, Flow] = {
    RelationType.PART_OF: Flow.FORWARD,
    RelationType.SUPPORTS: Flow.FORWARD,
    RelationType.MEASURES: Flow.FORWARD,
    RelationType.IMPLEMENTS: Flow.FORWARD,
    RelationType.COVERS: Flow.FORWARD,
    RelationType.FORMULATES: Flow.BACKWARD,
    RelationType.DEPENDS_ON: Flow.BACKWARD,
    RelationType.RESPONSIBLE_FOR: Flow.FORWARD,
    RelationType.REFERENCES: Flow.BACKWARD,
    RelationType.DERIVES_FROM: Flow.BACKWARD,
    # If the successor fails, what its predecessor was responsible for is at risk.
    RelationType.SUCCEEDED_BY: Flow.BACKWARD,
}
