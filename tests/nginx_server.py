"""A real nginx on loopback, for the tests where how a host serves the site matters: redirects, a sub-path,
encodings and types. Python's own server cannot stand in for those: they are exactly where hosts differ."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The types a static host gives the site's files: nginx's own list has no .mjs, which a browser then refuses
# to run as a module. A test that wants another type for a file says so in its own configuration.
TYPES = {
    "text/html": "html",
    "text/css": "css",
    "text/javascript": "js mjs",
    "application/json": "json",
    "application/manifest+json": "webmanifest",
    "application/wasm": "wasm",
    "application/zip": "zip",
    "application/gzip": "gz",
    "image/svg+xml": "svg",
    "image/png": "png",
    "application/xml": "xml",
    "text/plain": "txt",
}
_START_TIMEOUT_S = 15


def require_nginx() -> None:
    """Skip where nginx is not installed, but fail in CI (``CI`` set), where nothing a test needs may be missing."""
    if Path(NGINX).is_file():
        return
    missing = "nginx is not installed (on Debian: apt-get install -y nginx-light)"
    if os.environ.get("CI"):
        pytest.fail(missing)
    pytest.skip(missing)


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def types_block(**overrides: str) -> str:
    """nginx's ``types`` block for the site's files; ``overrides`` maps an extension to another type."""
    extensions = {extension: kind for kind, names in TYPES.items() for extension in names.split()}
    extensions.update(overrides)
    lines = "".join(f"    {kind} {extension};\n" for extension, kind in sorted(extensions.items()))
    return f"types {{\n{lines}  }}"


class Nginx:
    """One nginx server with a generated configuration, all its files in ``directory``; stopped and started again
    on the same port, as a host that goes away and comes back (the browser is then offline for this site)."""

    def __init__(self, directory: Path, server: str, *, types: str | None = None, port: int | None = None) -> None:
        """``server``: the directives of the ``server`` block besides ``listen``; ``types``: see types_block."""
        self.directory = directory
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        for temporary in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (directory / temporary).mkdir(parents=True, exist_ok=True)
        # As root, nginx's workers would otherwise run as a user who may not read the test's files.
        user = "user root;\n" if os.geteuid() == 0 else ""
        self.config = directory / "nginx.conf"
        self.config.write_text(
            f"""{user}daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 256; }}
http {{
  {types or types_block()}
  default_type application/octet-stream;
  access_log {directory}/access.log;
  client_body_temp_path {directory}/body;
  proxy_temp_path {directory}/proxy;
  fastcgi_temp_path {directory}/fastcgi;
  uwsgi_temp_path {directory}/uwsgi;
  scgi_temp_path {directory}/scgi;
  sendfile on;
  server {{
    listen 127.0.0.1:{self.port};
    {server}
  }}
}}
""",
            encoding="utf-8",
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start nginx and wait until it accepts connections."""
        assert self.process is None
        self.process = subprocess.Popen(
            [NGINX, "-c", str(self.config), "-p", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                self.process = None
                raise RuntimeError(f"nginx did not start: {error}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not accept connections in time")

    def stop(self) -> None:
        """Stop nginx at once, closing every connection: for this site the browser is then offline."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=_START_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def requests(self) -> list[str]:
        """The request lines nginx has logged so far ("GET /path HTTP/1.1"), in order."""
        log = self.directory / "access.log"
        if not log.exists():
            return []
        return [line.split('"')[1] for line in log.read_text(encoding="utf-8").splitlines() if '"' in line]


@contextmanager
def nginx(directory: Path, server: str, *, types: str | None = None) -> Iterator[Nginx]:
    """A running nginx for the duration of the block (see Nginx), stopped afterwards."""
    require_nginx()
    host = Nginx(directory, server, types=types)
    host.start()
    try:
        yield host
    finally:
        host.stop()
