#!/usr/bin/env python3
"""A small municipal web site for the fetch tests, on a real port.

    python3 fetch_test_server.py --pdf path/to/press-release.pdf [--port 0] [--pages N]

Prints `PORT <n>` when it listens. What it serves (paths under /site are the "listed"
folder; /other is on the same host but outside it):

  /robots.txt               Disallow: /private/ and /site/secret
  /site/index.html          UTF-8, ETag; links to every page below, in and out of bounds
  /site/a.html              Last-Modified; answers 304 to If-Modified-Since
  /site/sjis.html           Shift_JIS (CP932: ①, 髙) with no charset in header or page
  /site/noval.html          no validators at all: the content hash decides
  /site/doc.pdf             application/pdf, the fixture PDF
  /site/image.png           image/png: not a document
  /site/flaky.html          503 with Retry-After: 0 the first time, then the page
  /site/down.html           always 503
  /site/missing.html        404
  /redirect/1 → 2 → 3 → /site/a.html (302, 301, 307)
  /redirect/loop/N          redirects to N+1 forever
  /slow.html                waits 5 s before answering
  /huge.html                50 MB with no Content-Length (a close-delimited body)
  /huge-declared.html       Content-Length: 50 MB, then the bytes
  /sitemap-index.xml        a sitemap index naming /sitemap.xml.gz
  /sitemap.xml.gz           a gzip urlset: /site/a.html, /site/doc.pdf, /private/listed.html
  /bulk/N.html              N in 0..pages-1, small pages with ETags, for throughput

With --stats FILE, the requests answered (`path status` → count) are kept in FILE as JSON.

It exits when its standard input closes.
"""
import argparse
import gzip
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{title}｜テスト市</title></head>
<body><main><h1>{title}</h1><p>{body}</p>{links}</main></body></html>"""

LAST_MODIFIED = "Mon, 01 Apr 2024 00:00:00 GMT"


class State:
    pdf = b""
    pages = 0
    lock = threading.Lock()
    counts = {}
    flaky_seen = False
    stats_file = None


def page(title, body, links=()):
    anchors = "".join(f'<a href="{href}">{href}</a>' for href in links)
    return PAGE.format(title=title, body=body, links=anchors).encode("utf-8")


INDEX_LINKS = [
    "a.html", "sjis.html", "noval.html", "doc.pdf", "image.png", "secret.html", "/private/secret.html", "/other/outside.html",
    "http://elsewhere.invalid/x.html", "#top", "a.html#section",
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without this, Nagle's algorithm holds the
    # body until the client's delayed ACK, 40 ms per response on Linux.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def count(self, status):
        with State.lock:
            key = f"{self.path} {status}"
            State.counts[key] = State.counts.get(key, 0) + 1
            if State.stats_file:
                with open(State.stats_file + ".tmp", "w") as file:
                    json.dump(State.counts, file)
                os.replace(State.stats_file + ".tmp", State.stats_file)

    def send(self, status, body=b"", content_type="text/html", headers=()):
        self.count(status)
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, status, location):
        self.send(status, b"", None, [("Location", location)])

    def do_GET(self):
        path = self.path
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\nDisallow: /site/secret\n\nUser-agent: otherbot\nDisallow: /\n", "text/plain")
        if path == "/site/index.html":
            body = page("連携協定の一覧", "テスト市は株式会社テスト商事と包括連携協定を締結しました。", INDEX_LINKS)
            return self.conditional(body, "text/html; charset=utf-8", etag='"index-v1"')
        if path == "/site/a.html":
            body = page("協定A", "テスト市と株式会社エー電機は令和6年4月1日に協定を締結しました。")
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304, b"", None)
            return self.send(200, body, "text/html", [("Last-Modified", LAST_MODIFIED)])
        if path == "/site/sjis.html":
            html = "<html><head><title>シフトJISの頁</title></head><body><p>①髙橋株式会社との協定について</p></body></html>"
            return self.send(200, html.encode("cp932"), "text/html")
        if path == "/site/noval.html":
            return self.send(200, page("検証子なし", "ETagもLast-Modifiedもない頁です。"), "text/html; charset=utf-8")
        if path == "/site/doc.pdf":
            return self.conditional(State.pdf, "application/pdf", etag='"pdf-v1"')
        if path == "/site/image.png":
            return self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image/png")
        if path == "/site/flaky.html":
            with State.lock:
                first = not State.flaky_seen
                State.flaky_seen = True
            if first:
                return self.send(503, b"busy", "text/plain", [("Retry-After", "0")])
            return self.send(200, page("再試行", "二度目で届いた頁です。"), "text/html; charset=utf-8")
        if path == "/site/down.html":
            return self.send(503, b"down", "text/plain")
        if path.startswith("/redirect/loop/"):
            return self.redirect(302, f"/redirect/loop/{int(path.rsplit('/', 1)[1]) + 1}")
        if path == "/redirect/1":
            return self.redirect(302, "/redirect/2")
        if path == "/redirect/2":
            return self.redirect(301, "http://%s/redirect/3" % self.headers.get("Host"))
        if path == "/redirect/3":
            return self.redirect(307, "/site/a.html")
        if path == "/slow.html":
            time.sleep(5)
            return self.send(200, page("遅い頁", "五秒後に届く頁です。"), "text/html; charset=utf-8")
        if path == "/huge.html":
            self.count(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"<p>" + "大".encode() * 20000 + b"</p>\n"
            try:
                for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if path == "/huge-declared.html":
            self.count(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            try:
                self.wfile.write(b" " * (50 * 1024 * 1024))
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if path == "/sitemap-index.xml":
            body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f'<sitemap><loc>http://{self.headers.get("Host")}/sitemap.xml.gz</loc></sitemap></sitemapindex>')
            return self.send(200, body.encode(), "application/xml")
        if path == "/sitemap.xml.gz":
            host = self.headers.get("Host")
            urls = "".join(f"<url><loc>http://{host}{p}</loc></url>" for p in ["/site/a.html", "/site/doc.pdf", "/private/listed.html"])
            body = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return self.send(200, gzip.compress(body.encode()), "application/gzip")
        if path.startswith("/bulk/") and path.endswith(".html"):
            number = path[len("/bulk/"):-len(".html")]
            if number.isdigit() and int(number) < State.pages:
                body = page(f"頁{number}", f"テスト市の第{number}号の協定についての頁です。" * 20)
                return self.conditional(body, "text/html; charset=utf-8", etag='"%s"' % hashlib.sha1(body).hexdigest())
        if path.startswith("/private/") or path.startswith("/other/") or path == "/site/secret.html":
            return self.send(200, page("範囲外", "ここは取得されないはずの頁です。"), "text/html; charset=utf-8")
        self.send(404, b"not found", "text/plain")

    def conditional(self, body, content_type, etag):
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", None, [("ETag", etag)])
        return self.send(200, body, content_type, [("ETag", etag)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--pdf", required=True)
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--stats")
    arguments = parser.parse_args()
    with open(arguments.pdf, "rb") as file:
        State.pdf = file.read()
    State.pages = arguments.pages
    State.stats_file = arguments.stats
    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    # The test holds our stdin open; when it closes it (or dies), we go too, whatever
    # wrapper (pyenv's, say) stands between its process and this one.
    def exit_with_parent():
        sys.stdin.buffer.read()
        os._exit(0)
    threading.Thread(target=exit_with_parent, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
