"""A DevTools protocol connection of the tests' own to the browser, beside Playwright's.

Needed to watch a page's workers from their first request. Chromium holds a new worker
before its first line until every *flattened* session attached to it lets it run. A
session that Playwright lends (``new_cdp_session``) cannot send to a worker's flattened
session, so it can only attach in the older, unflattened way, which Chromium does not
wait for: Playwright's own session lets the worker run, and its first requests can pass
unseen. A flattened session on this connection is waited for.

The browser must be started with ``--remote-debugging-port``.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import urllib.request
from collections.abc import Callable
from typing import Any, Self

import websocket

# A handler gets an event's parameters and the session it came from (None: the browser's own).
Handler = Callable[[dict[str, Any], str | None], None]

REPLY_TIMEOUT_S = 30


class DevToolsError(RuntimeError):
    """The browser refused a command, or did not answer it in time."""


class DevToolsConnection:
    """Commands to the browser, and events from it handled on a thread of their own as they arrive.

    Handlers run on that thread, so they may ``send`` but never ``call``: the reply they
    would wait for is read by the very thread that waits. A handler's error is raised by
    ``close``.
    """

    def __init__(self, url: str) -> None:
        self._socket = websocket.create_connection(url, suppress_origin=True)
        self._numbers = itertools.count(1)
        self._sending = threading.Lock()
        self._replies: dict[int, tuple[threading.Event, list[dict[str, Any]]]] = {}
        self._handlers: dict[str, Handler] = {}
        self._handler_errors: list[Exception] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @classmethod
    def to_browser(cls, port: int) -> Self:
        """Connect to the browser listening for DevTools connections on loopback ``port``."""
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=REPLY_TIMEOUT_S) as answer:
            return cls(json.load(answer)["webSocketDebuggerUrl"])

    def on(self, method: str, handler: Handler) -> None:
        """Handle every event named ``method`` from now on."""
        self._handlers[method] = handler

    def send(self, method: str, params: dict[str, Any] | None = None, session_id: str | None = None) -> None:
        """Send a command without waiting for its reply."""
        self._write(self._command(method, params, session_id))

    def call(self, method: str, params: dict[str, Any] | None = None, session_id: str | None = None) -> dict[str, Any]:
        """Send a command and return its result."""
        command = self._command(method, params, session_id)
        arrived, reply = self._replies[command["id"]] = (threading.Event(), [])
        self._write(command)
        if not arrived.wait(REPLY_TIMEOUT_S):
            raise DevToolsError(f"{method}: no reply within {REPLY_TIMEOUT_S} s")
        del self._replies[command["id"]]
        if "error" in reply[0]:
            raise DevToolsError(f"{method}: {reply[0]['error']}")
        return reply[0].get("result", {})

    def close(self) -> None:
        """Close the connection once every event sent before now has been handled.

        The browser answers in order: once a command sent now is answered, the events
        before its reply have been handled.
        """
        self.call("Browser.getVersion")
        self._socket.sock.shutdown(socket.SHUT_RDWR)  # wakes the reader, which waits in recv()
        self._reader.join()
        self._socket.shutdown()
        if self._handler_errors:
            raise self._handler_errors[0]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def _command(self, method: str, params: dict[str, Any] | None, session_id: str | None) -> dict[str, Any]:
        command: dict[str, Any] = {"id": next(self._numbers), "method": method, "params": params or {}}
        if session_id is not None:
            command["sessionId"] = session_id
        return command

    def _write(self, command: dict[str, Any]) -> None:
        with self._sending:
            self._socket.send(json.dumps(command))

    def _read(self) -> None:
        while True:
            try:
                text = self._socket.recv()
            except (websocket.WebSocketException, OSError):
                return  # closed
            if not text:
                return  # closed
            message = json.loads(text)
            if "id" in message:
                waiting = self._replies.get(message["id"])
                if waiting:
                    waiting[1].append(message)
                    waiting[0].set()
            elif handler := self._handlers.get(message["method"]):
                try:
                    handler(message["params"], message.get("sessionId"))
                except Exception as error:  # raised by close(), in the test's own thread
                    self._handler_errors.append(error)
