"""The site's other browser engines, driven for the tests: Firefox, as Debian's Firefox ESR, over WebDriver BiDi
through puppeteer-core in Node.js (engines/firefox.mjs); and WebKit, Safari's engine, as Debian's WebKitGTK through
its WebDriver and Selenium, on a virtual screen (Xvfb).

Both offer the same few calls, and ``evaluate`` takes the source of a function and its argument as Playwright's
``Page.evaluate`` does, so the helpers written for Chromium that only evaluate in the page (such as
``started_from`` and ``wait_until_offline_ready``) work with either.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import subprocess
import threading
import warnings
from collections import deque
from pathlib import Path
from typing import Any, Protocol

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

from .conftest import ROOT
from .page_scripts import page_script

FIREFOX = "/usr/bin/firefox-esr"
FIREFOX_DRIVER = Path(__file__).resolve().parent / "engines" / "firefox.mjs"
PUPPETEER = ROOT / "node_modules" / "puppeteer-core"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
XVFB = "/usr/bin/Xvfb"
# Every wait in the page: Python starting with nothing compiled ahead (WebKit's first start takes tens of seconds on
# a busy 2-core machine), or the offline copy downloading.
WAIT_S = 150
# What the tests' own side waits for an answer of the driver, which has timed out by then.
_ANSWER_S = WAIT_S + 30


def require(*paths: str | Path, install: str) -> None:
    """Skip where one of these is missing, but fail in CI (``CI`` set), where nothing a test needs may be missing."""
    missing = [str(path) for path in paths if not Path(path).exists()]
    if not missing:
        return
    message = f"{', '.join(missing)} missing ({install})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class EnginePage(Protocol):
    """One page in a fresh browser of its own, with nothing stored."""

    engine: str
    version: str

    def goto(self, url: str) -> None:
        """Open the address, until its load event."""

    def reload(self) -> None:
        """Reload the page, until its load event."""

    def evaluate(self, source: str, argument: Any = None) -> Any:
        """Call the function whose source this is, with the argument, in the page; what it returns, awaited."""

    def click(self, selector: str) -> None:
        """Click the element with the mouse, once it is visible."""

    def wait_for(self, selector: str) -> None:
        """Wait until an element matching the selector is visible."""

    def attribute(self, selector: str, name: str) -> str | None:
        """The attribute of the element matching the selector (None if it has none)."""

    def url(self) -> str:
        """The page's address."""

    def close(self) -> None:
        """Close the browser."""


class Firefox:
    """Debian's Firefox ESR, headless, driven by engines/firefox.mjs in Node.js."""

    engine = "Firefox"

    def __init__(self) -> None:
        require(FIREFOX, install="apt-get install -y firefox-esr")
        require(PUPPETEER, install="npm ci")
        options = {"executablePath": FIREFOX, "timeout": WAIT_S * 1000}
        self._driver = subprocess.Popen(
            ["node", str(FIREFOX_DRIVER), json.dumps(options)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._answers: queue.Queue[str] = queue.Queue()
        self._log: deque[str] = deque(maxlen=200)  # the last of what it writes on standard error
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._log.extend, args=(self._driver.stderr,), daemon=True).start()
        try:
            self.version = self._answer()["ready"]
        except BaseException:
            self.close()
            raise

    def _read(self) -> None:
        for line in self._driver.stdout:
            self._answers.put(line)
        self._answers.put("")

    def _answer(self) -> dict[str, Any]:
        try:
            line = self._answers.get(timeout=_ANSWER_S)
        except queue.Empty:
            line = ""
        if not line:
            written = "".join(self._log)
            raise RuntimeError(f"Firefox's driver ended, or gave no answer in {_ANSWER_S} s; it wrote:\n{written}")
        return json.loads(line)

    def _call(self, **command: Any) -> Any:
        self._driver.stdin.write(json.dumps(command) + "\n")
        self._driver.stdin.flush()
        answer = self._answer()
        if "error" in answer:
            raise RuntimeError(f"Firefox: {answer['error']}")
        return answer["value"]

    def goto(self, url: str) -> None:
        self._call(goto=url)

    def reload(self) -> None:
        self._call(reload=True)

    def evaluate(self, source: str, argument: Any = None) -> Any:
        return self._call(evaluate=source, argument=argument)

    def click(self, selector: str) -> None:
        self._call(click=selector)

    def wait_for(self, selector: str) -> None:
        self._call(waitFor=selector)

    def attribute(self, selector: str, name: str) -> str | None:
        return self._call(attribute=selector, name=name)

    def url(self) -> str:
        return self._call(url=True)

    def errors(self) -> list[str]:
        """What the page reported as errors: uncaught exceptions and console errors (WebKit's driver cannot tell)."""
        return self._call(errors=True)

    def close(self) -> None:
        """Closing its input closes the browser and ends the driver."""
        with contextlib.suppress(OSError):  # already ended
            self._driver.stdin.close()
        try:
            self._driver.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._driver.kill()
            self._driver.wait()


class VirtualScreen:
    """An X server with no screen of its own (Xvfb), on a display number it finds free itself."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self._server = subprocess.Popen(
            [XVFB, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        number = b""
        with os.fdopen(read, "rb", buffering=0) as told:
            while not number.endswith(b"\n") and select.select([told], [], [], 30)[0]:
                if not (chunk := told.read(16)):
                    break
                number += chunk
        if not number.strip().isdigit():
            self.close()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number.decode().strip()}"

    def close(self) -> None:
        self._server.terminate()
        self._server.wait(timeout=30)


class WebKit:
    """Debian's WebKitGTK (its MiniBrowser, as WebKit's WebDriver starts it), on a virtual screen.

    WebKit's WebDriver reports none of the page's console messages or uncaught exceptions.
    """

    engine = "WebKit"

    def __init__(self) -> None:
        require(MINIBROWSER, WEBKIT_DRIVER, install="apt-get install -y webkit2gtk-driver")
        require(XVFB, install="apt-get install -y xvfb")

        self._screen = VirtualScreen()
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": self._screen.display})
        try:
            with warnings.catch_warnings():
                # Selenium's own WebKitGTK driver still sets up its connection the way Selenium now deprecates.
                warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
                self._driver = webdriver.WebKitGTK(options=options, service=service)
        except BaseException:
            self._screen.close()
            raise
        self._driver.set_script_timeout(WAIT_S)
        self._driver.set_page_load_timeout(WAIT_S)
        self.version = self._driver.capabilities["browserVersion"]

    def goto(self, url: str) -> None:
        self._driver.get(url)

    def reload(self) -> None:
        self._driver.refresh()

    def evaluate(self, source: str, argument: Any = None) -> Any:
        # The function's source on lines of its own, so that a comment it ends with ends there.
        call = f"({page_script('webkit_call')})(\n{source}\n, arguments[0], arguments[arguments.length - 1]);"
        answer = self._driver.execute_async_script(call, argument)
        if "error" in answer:
            raise RuntimeError(f"WebKit: {answer['error']}")
        return answer["value"]

    def _visible(self, selector: str) -> Any:
        wait = WebDriverWait(self._driver, WAIT_S, poll_frequency=0.1)
        return wait.until(expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, selector)))

    def click(self, selector: str) -> None:
        self._visible(selector).click()

    def wait_for(self, selector: str) -> None:
        self._visible(selector)

    def attribute(self, selector: str, name: str) -> str | None:
        return self._driver.find_element(By.CSS_SELECTOR, selector).get_dom_attribute(name)

    def url(self) -> str:
        return self._driver.current_url

    def close(self) -> None:
        try:
            self._driver.quit()
        finally:
            self._screen.close()
