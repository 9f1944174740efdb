"""What loading gives: one document, the load reports, and what was refused or skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.errors import PlanLoadError
from graph.model import GraphDocument
from loaders.report import LoadReport

__all__ = ["LoadResult"]


@dataclass(slots=True)
class LoadResult:
    document: GraphDocument = field(default_factory=GraphDocument)
    reports: list[LoadReport] = field(default_factory=list)
    #: Overlay files not applied because their plan was not loaded.
    skipped_overlays: list[str] = field(default_factory=list)
    #: Plan files refused (when not strict): the others were loaded.
    refused: list[PlanLoadError] = field(default_factory=list)
    #: How many of the plans were taken from the plan cache rather than parsed (`loaders.plan_cache`).
    from_cache: int = 0
