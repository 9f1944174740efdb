"""API keys: who may change the graph. Only a key's hash is stored (in PLANGRAPH_KEYS_FILE);
a presented key is compared with every stored hash in constant time, and keys never reach a log.

Roles: a reader may read (where reads need a key at all), a curator may also change the graph,
an admin may do both and is meant for managing keys."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from stat import S_IMODE

from graph.files import write_whole
from schema.auth import KeyRole, Principal

__all__ = ["KeyRing"]

_PREFIX = "pgk_"
#: Only its owner may read or write the key file: a hash lets no one in, but who holds which
#: role is no one else's business.
_MODE = 0o600

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Key:
    name: str
    role: KeyRole
    hash: str
    created: str
    revoked: str | None = None


class KeyRing:
    """The keys kept in one file (JSON, mode 0600), rewritten whole (aside, then renamed) on each
    change. A file others may read is made 0600 when the ring is opened, with a warning."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tighten()
        #: The keys as last read, with the file's modification time and size then: a request
        #: reads the file again only after it changed (a key added or revoked by the command line).
        self._cache: tuple[tuple[int, int], list[_Key]] | None = None

    def _tighten(self) -> None:
        try:
            mode = S_IMODE(self.path.stat().st_mode)
        except FileNotFoundError:
            return
        if mode & ~_MODE:
            self.path.chmod(_MODE)
            logger.warning("%s could be read by others (mode %o); it is now %o", self.path, mode, _MODE)

    def _read(self) -> list[_Key]:
        try:
            stat = self.path.stat()
            modified = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            return []
        if self._cache is None or self._cache[0] != modified:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            self._cache = (modified, [_Key(**{**row, "role": KeyRole(row["role"])}) for row in rows])
        return self._cache[1]

    def _write(self, keys: list[_Key]) -> None:
        write_whole(
            self.path, json.dumps([asdict(k) for k in keys], ensure_ascii=False, indent=2), mode=_MODE
        )

    def add(self, name: str, role: KeyRole) -> str:
        """A new key for `name`; only its hash is kept. Raises ValueError if the name is taken."""
        keys = self._read()
        if any(k.name == name and k.revoked is None for k in keys):
            raise ValueError(f"a key named {name!r} already exists (revoke it first)")
        key = _PREFIX + secrets.token_urlsafe(32)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        self._write([*keys, _Key(name, role, _hash(key), created)])
        return key

    def revoke(self, name: str) -> None:
        keys = self._read()
        if not any(k.name == name and k.revoked is None for k in keys):
            raise ValueError(f"no key named {name!r} to revoke")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._write([_Key(k.name, k.role, k.hash, k.created, now) if k.name == name else k for k in keys])

    def list(self) -> list[tuple[str, KeyRole, str, str | None]]:
        """Each key's name, role, creation and revocation time (never the key)."""
        return [(k.name, k.role, k.created, k.revoked) for k in self._read()]

    def principal(self, key: str) -> Principal | None:
        """Whose key this is; None for an unknown or revoked key. Every stored hash is compared,
        in constant time, whichever matches."""
        presented = _hash(key)
        found = None
        for stored in self._read():
            if hmac.compare_digest(presented, stored.hash) and stored.revoked is None:
                found = Principal(stored.name, stored.role)
        return found


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
