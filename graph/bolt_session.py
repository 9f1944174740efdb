"""Talking to a Bolt server: the driver and its pool, one statement at a time with retries,
the server's credentials checked, statements cut to the size the server takes, and strings
escaped for a server that writes parameters into the statement (FalkorDB's Bolt endpoint). The
Bolt store (`graph.bolt`) is built on it."""

from __future__ import annotations

import logging
import time
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ConnectionAcquisitionTimeoutError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph.cypher import INDEXES
from graph.errors import BackendUnavailable, PlanGraphError
from graph.server_quirks import MESSAGE_OVERHEAD, PROBE, chunks, escaped, size_on_wire

__all__ = ["BoltSession"]

log = logging.getLogger(__name__)


class BoltSession:
    """Statements sent to one Bolt server.

    `round_trips` counts the statements sent, so tests and benchmarks can see what a
    request costs. `max_message_bytes` bounds the size of one statement with its
    parameters: batches of rows or ids are cut to fit. FalkorDB 4.16's Bolt endpoint
    crashes on a message over 4 KiB, hence the small default; Neo4j takes far more.
    `max_connections` bounds the driver's connection pool, and so how many calls the API
    lets wait on the server at once (`max_concurrent_calls`): each call holds one connection
    at a time, so with as many worker threads as connections none waits for a free one.
    """

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str,
        *,
        max_message_bytes: int = 4000,
        connection_timeout: float = 5.0,
        max_connections: int = 100,
    ) -> None:
        if max_connections < 1:
            raise PlanGraphError(f"PLANGRAPH_NEO4J_MAX_CONNECTIONS must be at least 1, not {max_connections}")
        self.uri = uri
        self.database = database
        self.max_message_bytes = max_message_bytes
        self.max_concurrent_calls = max_connections
        self.round_trips = 0
        self._driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=connection_timeout,
            max_connection_pool_size=max_connections,
            # The API never makes more calls at once than there are connections, so taking one
            # from the pool means at most opening it. Bounded like opening one: FalkorDB's Bolt
            # endpoint can leave a new connection's handshake unanswered (server_quirks.py), and
            # that connection is then given up, and another opened, as soon as possible.
            connection_acquisition_timeout=connection_timeout,
        )
        self._indexed = False
        #: Whether the server has answered a trivial query (`check`).
        self._checked = False
        #: Whether the server writes parameters into the statement as text (FalkorDB's Bolt
        #: endpoint does, without escaping them): then strings are escaped before sending.
        self._inlines_parameters: bool | None = None

    def close(self) -> None:
        self._driver.close()

    # -- talking to the server -------------------------------------------------------------

    def _run(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """One auto-commit statement. A connection that drops is tried again twice (every
        statement here is idempotent); a server that stays away is `BackendUnavailable`."""
        if self._probe_inlining():
            params = escaped(params)
        self.round_trips += 1
        return self._send(cypher, params)

    def _probe_inlining(self) -> bool:
        if self._inlines_parameters is None:
            self._inlines_parameters = self._send("RETURN $probe AS v", {"probe": PROBE}) != [{"v": PROBE}]
        return self._inlines_parameters

    def _send(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        failure: Exception | None = None
        for attempt in range(3):
            try:
                with self._driver.session(database=self.database) as session:
                    return session.run(cypher, params).data()
            except AuthError as exc:
                raise BackendUnavailable(f"the graph database at {self.uri} refused the credentials") from exc
            except (ServiceUnavailable, SessionExpired, ConnectionAcquisitionTimeoutError, OSError) as exc:
                failure = exc
                time.sleep(0.05 * attempt)
        raise BackendUnavailable(
            f"the graph database at {self.uri} cannot be reached ({failure})"
        ) from failure

    def ping(self) -> bool:
        try:
            return self._run("RETURN 1 AS ok") == [{"ok": 1}]
        except (PlanGraphError, Neo4jError):
            return False

    def check(self) -> None:
        """Raise `BackendUnavailable` with a reason a person can act on, unless the server answers."""
        try:
            self._run("RETURN 1 AS ok")
            self._checked = True
        except Neo4jError as exc:
            raise BackendUnavailable(
                f"the graph database at {self.uri} refused a trivial query ({exc.code}); "
                "check PLANGRAPH_NEO4J_USER, PLANGRAPH_NEO4J_PASSWORD and PLANGRAPH_NEO4J_DATABASE"
            ) from exc

    def ensure_indexes(self) -> None:
        """Create the indexes the queries rely on, where the server supports them; an index
        that exists already is not an error."""
        if self._indexed:
            return
        for statement in INDEXES:
            try:
                self._run(statement)
            except Neo4jError as exc:
                log.debug("index not created (%s): %s", exc.code, statement)
        self._indexed = True

    def _run_chunked(self, cypher: str, key: str, items: list[Any], **params: Any) -> list[dict[str, Any]]:
        """Run an UNWIND statement over items, in as many statements as the message size
        allows, and concatenate the answers."""
        budget = self.max_message_bytes - self._message_bytes(cypher, params)
        measure = escaped if self._probe_inlining() else None
        rows: list[dict[str, Any]] = []
        for chunk in chunks(items, budget, measure):
            rows.extend(self._run(cypher, **{key: chunk}, **params))
        return rows

    def _message_bytes(self, cypher: str, params: dict[str, Any]) -> int:
        """An upper estimate of a statement's message, its parameters measured as sent."""
        sent = escaped(params) if self._probe_inlining() else params
        return len(cypher.encode()) + size_on_wire(sent) + MESSAGE_OVERHEAD
