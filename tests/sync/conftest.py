"""A real HTTP server on 127.0.0.1 (pytest-httpserver, threaded) serving a small site:
an index page, a sub-page, PDFs (ETag- and Last-Modified-aware), a feed, a 500, a slow
URL and hostile link names. ``Site`` lets a test change what is served between syncs."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from email.utils import formatdate

import pytest
import typer
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import SAMPLES

BORN_DIGITAL = SAMPLES / "born-digital"


def sample(n: int) -> bytes:
    return (BORN_DIGITAL / f"{n:03d}.pdf").read_bytes()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Site:
    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str, dict]] = {}  # path → body, type, headers
        self.status: dict[str, int] = {}  # path → forced error status
        self.delay: dict[str, float] = {}  # path → seconds before answering
        self.validators = {"etag", "last-modified"}
        self.log: list[tuple[str, int]] = []
        self.user_agents: set[str] = set()
        self.started = threading.Event()  # set when a delayed request begins
        self._lock = threading.Lock()

    def put(self, path: str, body: bytes | str, ctype: str = "application/pdf",
            **headers: str) -> None:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.files[path] = (body, ctype, headers)

    def handler(self, request: Request) -> Response:
        path = request.path
        self.user_agents.add(request.headers.get("User-Agent", ""))
        response = self._respond(request, path)
        with self._lock:
            self.log.append((path, response.status_code))
        return response

    def _respond(self, request: Request, path: str) -> Response:
        if path in self.delay:
            self.started.set()
            time.sleep(self.delay[path])
        if path in self.status:
            return Response("boom", status=self.status[path])
        if path not in self.files:
            return Response("not found", status=404)
        body, ctype, extra = self.files[path]
        etag = f'"{sha(body)[:16]}"'
        modified = formatdate(1_700_000_000 + int(sha(body)[:6], 16), usegmt=True)
        headers = dict(extra)
        if "etag" in self.validators:
            headers["ETag"] = etag
            if request.headers.get("If-None-Match") == etag:
                return Response(status=304, headers=headers)
        if "last-modified" in self.validators:
            headers["Last-Modified"] = modified
            if "etag" not in self.validators and request.headers.get("If-Modified-Since") == modified:
                return Response(status=304, headers=headers)
        return Response(body, status=200, content_type=ctype, headers=headers)

    def requests(self, suffix: str = "") -> list[tuple[str, int]]:
        with self._lock:
            return [(p, s) for p, s in self.log if p.endswith(suffix)]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()


@pytest.fixture(scope="session")
def _server():
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()  # (stopping takes half a second: once per session)


@pytest.fixture
def server(_server):
    _server.clear()
    yield _server
    _server.clear()


@pytest.fixture
def site(server) -> Site:
    site = Site()
    server.expect_request(re.compile(".*")).respond_with_handler(site.handler)
    site.base = f"http://127.0.0.1:{server.port}"
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    return site


@pytest.fixture
def app() -> typer.Typer:
    """The sync command on a local app, as pipeline/cli.py registers it."""
    from pipeline.sync._cli import sync

    app = typer.Typer()
    app.command()(sync)

    @app.command("noop")  # two commands, so the app takes the command name like saksarkiv
    def _noop() -> None:
        pass

    return app


FAST_FETCH = """
[fetch]
timeout = 0.5
retries = 1
backoff = 0.01
rate_limit = 0
"""
