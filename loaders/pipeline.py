"""The loading pipeline: plan files → one `GraphDocument`.

Per file: bytes → text (`formats`, `decoding`) → paragraphs (`paragraphs`) → outline
(`outline`) → entities and relations (`builder`) → links between chapters (`links`), within the
input limits (`limits`). Then, over all files: cited plans resolved (`lineage`), overlays
applied (`overlays`), leads inferred (`inference`), reorganised bodies' successors added
(`registry`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import PlanLoadError
from graph.model import Entity, GraphDocument
from graph.results import stats_of
from loaders.entities.builder import PlanBuilder
from loaders.links.candidates import infer_links
from loaders.plans.leads import infer_leads
from loaders.plans.lineage import resolve_cited_plans
from loaders.plans.overlays import apply_overlays, overlay_files
from loaders.profile import Profile, load_profile
from loaders.reading.formats import PLAN_SUFFIXES, read_plan_text
from loaders.reading.limits import Deadline, InputLimits
from loaders.reading.paragraphs import split_paragraphs
from loaders.reading.writing_system import to_simplified
from loaders.registry import DepartmentRegistry, load_registry
from loaders.report import LoadReport

__all__ = ["SHIPPED_PLANS", "LoadResult", "load_plan", "load_plans", "plan_files", "plan_id_for"]

SHIPPED_PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"


@dataclass(slots=True)
class LoadResult:
    document: GraphDocument = field(default_factory=GraphDocument)
    reports: list[LoadReport] = field(default_factory=list)
    #: Overlay files not applied because their plan was not loaded.
    skipped_overlays: list[str] = field(default_factory=list)
    #: Plan files refused (when not strict): the others were loaded.
    refused: list[PlanLoadError] = field(default_factory=list)


def plan_id_for(path: Path) -> str:
    """A plan's id is its file name, made a readable slug: hubei-standardization-2016-2020.txt
    → hubei-standardization-2016-2020. A name with nothing to slug falls back to “plan”."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "plan"


def load_plan(
    path: Path,
    profile: Profile | None = None,
    plan_id: str | None = None,
    registry: DepartmentRegistry | None = None,
    infer: bool = True,
    limits: InputLimits | None = None,
) -> LoadResult:
    """Load one plan file, with the links between its chapters inferred unless `infer` is
    off. Raises `PlanLoadError` naming the file and the reason, or the limit it breaks."""
    profile = profile or load_profile()
    registry = registry or load_registry()
    limits = limits or InputLimits()
    deadline = Deadline(str(path), limits)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise limits.refuse(str(path), f"the file has {size:,} bytes", "max_file_bytes")
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanLoadError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    builder = PlanBuilder(plan_id or plan_id_for(path), str(path), profile, registry)
    try:
        return _read(raw, path, builder, infer, limits, deadline)
    except PlanLoadError:
        raise
    except Exception as exc:
        raise PlanLoadError(
            str(path), f"could not be read ({type(exc).__name__}: {exc}) while {builder.place}", builder.line
        ) from exc


def _read(
    raw: bytes, path: Path, builder: PlanBuilder, infer: bool, limits: InputLimits, deadline: Deadline
) -> LoadResult:
    builder.place = "reading the file"
    plan_text = read_plan_text(raw, str(path), limits)
    deadline.check("reading the file")
    text, traditional = to_simplified(plan_text.text)
    paragraphs = split_paragraphs(text, builder.writer.profile.bullets)
    document = builder.build(paragraphs, plan_text.tables, plan_text.title_hint)
    deadline.check("building the graph")
    builder.report.format = plan_text.format
    if infer:
        builder.place, builder.line = "inferring the links between chapters", None
        builder.report.inferred_links = infer_links(
            document, builder.writer.plan_id, builder.writer.profile.links
        )
        builder.report.count(document)
        deadline.check("inferring the links between chapters")
    if traditional and len(text) == len(plan_text.text):
        _keep_original(document, plan_text.text)
    return LoadResult(document, [builder.report])


def _keep_original(document: GraphDocument, original: str) -> None:
    """A plan in traditional characters is read in simplified ones; each entity keeps the
    passage as written, for display."""
    for entity in document.entities.values():
        if entity.plan is not None and entity.source is not None:
            entity.attrs["original"] = original[entity.source.start : entity.source.end]


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the plan files inside them (sorted); files are taken as given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in PLAN_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise PlanLoadError(str(path), "no such file or folder")
    return files


def load_plans(
    paths: Iterable[Path] | None = None,
    profile: Profile | None = None,
    *,
    registry: DepartmentRegistry | None = None,
    overlays: list[Path] | None = None,
    infer: bool = True,
    on_file: Callable[[Path], None] | None = None,
    stored_plans: Iterable[Entity] = (),
    strict: bool = False,
    limits: InputLimits | None = None,
) -> LoadResult:
    """Load several plans into one document, with the department registry, the overlays
    that concern them (default: data/overlays/) and, unless `infer` is off, inferred links
    and leads.
    `on_file` is called after each file (for a progress bar); `stored_plans`, the plans
    already in the store the document goes to, are what a cited document may also resolve to.

    A file that cannot be used is listed in `refused` with its reason and the others load;
    with `strict`, the first such file raises and nothing is returned. When no file at all
    could be loaded, that raises too."""
    profile = profile or load_profile()
    registry = registry or load_registry()
    files = plan_files(paths or [SHIPPED_PLANS])
    if not files:
        raise PlanLoadError(", ".join(str(p) for p in paths or [SHIPPED_PLANS]), "no plan files found")
    result = LoadResult()
    seen: dict[str, Path] = {}
    for path in files:
        plan_id = plan_id_for(path)
        try:
            if plan_id in seen:
                raise PlanLoadError(str(path), f"plan id {plan_id!r} is already taken by {seen[plan_id]}")
            seen[plan_id] = path
            loaded = load_plan(path, profile, plan_id, registry, infer, limits)
        except PlanLoadError as exc:
            if strict:
                raise
            result.refused.append(exc)
            continue
        finally:
            if on_file is not None:
                on_file(path)
        result.document.merge(loaded.document)
        result.reports.extend(loaded.reports)
    if not result.reports:
        reasons = "; ".join(f"{r.path}: {r.reason}" for r in result.refused)
        raise PlanLoadError(", ".join(str(p) for p in files), f"no plan could be loaded ({reasons})")
    resolve_cited_plans(result.document, profile, stored_plans)
    result.skipped_overlays = apply_overlays(overlay_files(overlays), result.document, profile, registry)
    if infer:
        infer_leads(result.document, registry)
    registry.add_reorganisations(result.document)
    for report in result.reports:
        # As a store counts the plan: with what the overlays and the inferred leads added.
        report.totals = stats_of(result.document, report.plan_id)
    return result
