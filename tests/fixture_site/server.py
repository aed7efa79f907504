"""A real HTTP server for the replica site, on 127.0.0.1 and a free port, in a thread.

Serves `Site.pages` as they are at request time (tests may change pages between crawls),
honours If-None-Match / If-Modified-Since with 304, and records every request so tests can
assert what was (not) fetched. Run it alone: `python -m tests.fixture_site.server [N] [--clean]` (--clean: no trouble pages).
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.fixture_site.site import Site, build_site


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"
    # Headers and body are two writes: with Nagle's algorithm the body waits for the client's
    # delayed ACK of the headers (~40 ms a response on Linux), which no real web server does.
    disable_nagle_algorithm = True

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        site = self.server.site
        page = site.pages.get(self.path)
        status = page.status if page else 404
        if self.server.delay:
            time.sleep(self.server.delay)
        hit = Hit(self.path, status, {k: v for k, v in self.headers.items()})
        with self.server.lock:
            self.server.hits.append(hit)
        if page is None:
            return self._send(404, b"<html><body><h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>", "text/html; charset=utf-8")
        if page.kind == "redirect":
            self.send_response(page.status)
            self.send_header("Location", page.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if page.kind == "hang":
            return self._hang()
        if page.etag and self.headers.get("If-None-Match") == page.etag:
            hit.status = 304
            self.send_response(304)
            self.send_header("ETag", page.etag)
            self.end_headers()
            return
        extra = {"ETag": page.etag, "Last-Modified": page.last_modified} if page.etag else {}
        body = page.body
        if b"{base}" in body and "xml" in page.content_type:  # sitemaps and feeds hold absolute URLs
            body = body.replace(b"{base}", f"http://127.0.0.1:{self.server.server_address[1]}".encode())
        self._send(page.status, body, page.content_type, extra)

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _hang(self) -> None:
        """Headers and a first chunk, then nothing until the server stops: a timeout for the client."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            self.wfile.write(b"<html><head><title>Trang ch\xe1\xba\xadm</title></head><body><p>")
            self.wfile.flush()
        except OSError:
            return
        self.server.stopping.wait(60)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # clients hanging up are expected
        pass

    def __init__(self, site: Site, delay: float):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site, self.delay = site, delay
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()


class SiteServer:
    """`with SiteServer(site) as srv: srv.url("/thi-dua/")`; `srv.paths()` = paths requested."""

    def __init__(self, site: Site, delay: float = 0.0):
        self.site = site
        self._server = _Server(site, delay)
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def hits(self) -> list[Hit]:
        with self._server.lock:
            return list(self._server.hits)

    def paths(self) -> list[str]:
        return [h.path for h in self.hits]

    def clear(self) -> None:
        with self._server.lock:
            self._server.hits.clear()

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with SiteServer(build_site(n, troubles="--clean" not in sys.argv)) as srv:
        print(f"replica site on {srv.base}/ ({n} generated articles); Ctrl-C stops", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
