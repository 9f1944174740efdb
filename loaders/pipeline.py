"""The loading pipeline: plan files → one `GraphDocument`.

Per file: bytes → text (`formats`, `decoding`) → paragraphs (`paragraphs`) → outline
(`outline`) → entities and relations (`builder`) → links between chapters (`links`), within the
input limits (`limits`). Then, over all files: cited plans resolved (`lineage`), overlays
applied (`overlays`), leads inferred (`inference`), reorganised bodies' successors added
(`registry`). A file's parse is taken from the plan cache when it holds it (`plan_cache`), and
many files are parsed by worker processes (`workers`)."""

from __future__ import annotations

import logging
import pickle
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from graph.errors import PlanLoadError
from graph.model import Entity, GraphDocument
from graph.results import stats_of
from loaders.entities.builder import PlanBuilder
from loaders.links.candidates import infer_links
from loaders.plan_cache import ParseContext, PlanCache
from loaders.plans.leads import infer_leads
from loaders.plans.lineage import resolve_cited_plans
from loaders.plans.overlays import apply_overlays, overlay_files
from loaders.profile import Profile, load_profile
from loaders.reading.formats import PLAN_SUFFIXES, read_plan_text
from loaders.reading.limits import Deadline, InputLimits
from loaders.reading.paragraphs import split_paragraphs
from loaders.reading.writing_system import to_simplified
from loaders.registry import DepartmentRegistry, load_registry
from loaders.result import LoadResult
from loaders.workers import process_pool, workers_for

__all__ = [
    "SHIPPED_PLANS", "LoadResult", "load_plan", "load_plans", "parse_plan", "plan_files", "plan_id_for",
    "read_plan_bytes",
]  # fmt: skip

log = logging.getLogger(__name__)

SHIPPED_PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"


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
    raw = read_plan_bytes(path, limits)
    return parse_plan(raw, path, plan_id or plan_id_for(path), profile, registry, infer, limits, deadline)


def read_plan_bytes(path: Path, limits: InputLimits) -> bytes:
    """A plan file's bytes; `PlanLoadError` when it cannot be read or is over the size limit."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise limits.refuse(str(path), f"the file has {size:,} bytes", "max_file_bytes")
        return path.read_bytes()
    except OSError as exc:
        raise PlanLoadError(str(path), f"cannot be read: {exc.strerror or exc}") from None


def parse_plan(
    raw: bytes,
    path: Path,
    plan_id: str,
    profile: Profile,
    registry: DepartmentRegistry,
    infer: bool,
    limits: InputLimits,
    deadline: Deadline | None = None,
) -> LoadResult:
    """`load_plan` of the bytes already read from `path`, with everything given."""
    deadline = deadline or Deadline(str(path), limits)
    builder = PlanBuilder(plan_id, str(path), profile, registry)
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
    jobs: int | None = 1,
    cache: PlanCache | None = None,
) -> LoadResult:
    """Load several plans into one document, with the department registry, the overlays
    that concern them (default: data/overlays/) and, unless `infer` is off, inferred links
    and leads.
    `on_file` is called after each file, in the files' order (for a progress bar); `stored_plans`,
    the plans already in the store the document goes to, are what a cited document may also
    resolve to.

    With a `cache`, a file it holds under the same key is taken from it and the files parsed are
    kept in it (`loaders.plan_cache`). With `jobs` > 1, the files to parse are parsed by that many
    worker processes, and with `jobs` None by one a core when there are enough files to pay for
    starting them (`loaders.workers`); the document, its ids and order, the reports and the
    refusals are those of a load in this process.

    A file that cannot be used is listed in `refused` with its reason and the others load;
    with `strict`, the first such file raises and nothing is returned. When no file at all
    could be loaded, that raises too."""
    context = ParseContext(
        profile or load_profile(), registry or load_registry(), infer, limits or InputLimits()
    )
    files = plan_files(paths or [SHIPPED_PLANS])
    if not files:
        raise PlanLoadError(", ".join(str(p) for p in paths or [SHIPPED_PLANS]), "no plan files found")
    result = LoadResult()
    with closing(_parsed(files, context, cache, jobs)) as parsed:
        for one in parsed:
            try:
                if isinstance(one.outcome, PlanLoadError):
                    if strict:
                        raise one.outcome
                    result.refused.append(one.outcome)
                    continue
            finally:
                if on_file is not None:
                    on_file(one.path)
            result.document.merge(one.outcome.document)
            result.reports.extend(one.outcome.reports)
            result.from_cache += one.from_cache
    if cache is not None:
        cache.prune()
    if not result.reports:
        reasons = "; ".join(f"{r.path}: {r.reason}" for r in result.refused)
        raise PlanLoadError(", ".join(str(p) for p in files), f"no plan could be loaded ({reasons})")
    profile, registry = context.profile, context.registry
    resolve_cited_plans(result.document, profile, stored_plans)
    result.skipped_overlays = apply_overlays(overlay_files(overlays), result.document, profile, registry)
    if infer:
        infer_leads(result.document, registry)
    registry.add_reorganisations(result.document)
    for report in result.reports:
        # As a store counts the plan: with what the overlays and the inferred leads added.
        report.totals = stats_of(result.document, report.plan_id)
    return result


# -- the files of a load: each from the cache, parsed here, or parsed by a worker -------------


@dataclass(slots=True)
class _File:
    path: Path
    raw: bytes = b""
    key: str = ""
    #: The file's parse or refusal, once known.
    outcome: LoadResult | PlanLoadError | None = None
    from_cache: bool = False


def _parsed(
    files: list[Path], context: ParseContext, cache: PlanCache | None, jobs: int | None
) -> Iterator[_File]:
    """Each file with its outcome, in the files' order. With one job, one file after the other
    (so a strict load stops at the first refusal); otherwise all are read and looked up in the
    cache first, and those left are parsed by as many workers as `workers_for` gives them."""
    seen: dict[str, Path] = {}
    if jobs == 1:
        for path in files:
            yield _parse_here(_look_up(path, seen, context, cache), context, cache)
        return
    looked_up = [_look_up(path, seen, context, cache) for path in files]
    to_parse = [one for one in looked_up if one.outcome is None]
    workers = workers_for(jobs, len(to_parse))
    if workers <= 1:
        yield from (_parse_here(one, context, cache) for one in looked_up)
        return
    pool = process_pool(workers, _start_worker, (context, cache))
    try:
        futures = [pool.submit(_parse_in_worker, one.raw, one.path, one.key) for one in to_parse]
        parsing = dict(zip(map(id, to_parse), futures, strict=True))
        broken = False
        for one in looked_up:
            if one.outcome is None and not broken:
                try:
                    one.outcome = _unpack(parsing[id(one)].result())
                except BrokenProcessPool as exc:
                    log.warning(
                        "a worker process stopped (%s); the files left are parsed in this process", exc
                    )
                    broken = True
            yield _parse_here(one, context, cache)
    finally:
        pool.shutdown(cancel_futures=True)


def _look_up(path: Path, seen: dict[str, Path], context: ParseContext, cache: PlanCache | None) -> _File:
    """The file read, its plan id taken, and its parse from the cache if the cache holds it; a
    file that cannot be read, or whose plan id is taken, is refused here."""
    one = _File(path)
    plan_id = plan_id_for(path)
    try:
        if plan_id in seen:
            raise PlanLoadError(str(path), f"plan id {plan_id!r} is already taken by {seen[plan_id]}")
        seen[plan_id] = path
        one.raw = read_plan_bytes(path, context.limits)
    except PlanLoadError as exc:
        one.outcome = exc
        return one
    if cache is not None:
        one.key = cache.key(one.raw, path, plan_id, context)
        one.outcome = cache.get(one.key, path)
        one.from_cache = one.outcome is not None
    return one


def _parse_here(one: _File, context: ParseContext, cache: PlanCache | None) -> _File:
    """The file parsed in this process, unless its outcome is known; kept in the cache."""
    if one.outcome is None:
        try:
            one.outcome = _parse(one.raw, one.path, context)
        except PlanLoadError as exc:
            one.outcome = exc
        else:
            if cache is not None:
                cache.put(one.key, one.outcome)
    return one


def _parse(raw: bytes, path: Path, context: ParseContext) -> LoadResult:
    return parse_plan(
        raw, path, plan_id_for(path), context.profile, context.registry, context.infer, context.limits
    )


#: What a worker parses with, set once when it starts.
_worker: tuple[ParseContext, PlanCache | None] | None = None


def _start_worker(context: ParseContext, cache: PlanCache | None) -> None:
    global _worker
    _worker = (context, cache)


def _parse_in_worker(
    raw: bytes, path: Path, key: str
) -> tuple[bytes, None] | tuple[None, tuple[str, str, int | None]]:
    """In a worker: the parse pickled (and kept in the cache), or the refusal as plain values
    (`PlanLoadError` does not survive pickling)."""
    assert _worker is not None, "the worker was not started by _start_worker"
    context, cache = _worker
    try:
        result = _parse(raw, path, context)
    except PlanLoadError as exc:
        return None, (exc.path, exc.reason, exc.line)
    if cache is not None:
        return cache.put(key, result), None
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), None


def _unpack(done: tuple[bytes | None, tuple[str, str, int | None] | None]) -> LoadResult | PlanLoadError:
    payload, refusal = done
    if payload is None:
        assert refusal is not None
        return PlanLoadError(*refusal)
    return pickle.loads(payload)
