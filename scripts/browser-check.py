#!/usr/bin/env python3
"""Loads the staff pages of a running `renkei serve` in headless Chromium, reads the DOM
Chromium built, checks what a person would see, and saves screenshots.

    scripts/browser-check.py http://127.0.0.1:8080 OUTPUT_FOLDER

Checks: the search page for 包括連携協定 shows hits whose every <mark> reads 包括連携協定,
a result count that agrees with the list, facet links; an entity page (日野市) draws its
neighbourhood as inline SVG with a node per link and a line per non-central node, and its
relations table. Screenshots at desktop and phone widths. Exit status 1 on any failure."""
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser

base, out = sys.argv[1].rstrip("/"), sys.argv[2]
os.makedirs(out, exist_ok=True)
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--lang=ja"]
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def dom(url):
    """The DOM after Chromium loaded the page (scripts run), as HTML."""
    return subprocess.run(CHROMIUM + ["--dump-dom", url], capture_output=True, text=True, timeout=120, check=True).stdout


def screenshot(url, name, width, height):
    path = os.path.join(out, name)
    subprocess.run(CHROMIUM + [f"--window-size={width},{height}", f"--screenshot={path}", url],
                   capture_output=True, timeout=120, check=True)
    check(os.path.getsize(path) > 10_000, f"screenshot {path} ({os.path.getsize(path)} bytes)")


class Page(HTMLParser):
    """Collects the elements the checks look at, with their text."""

    def __init__(self):
        super().__init__()
        self.stack, self.hits, self.marks, self.count, self.facet_links = [], 0, [], None, 0
        self.circles = self.lines = self.node_links = self.relation_rows = 0
        self.svg = False
        self.h1 = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append(tag)
        classes = (attrs.get("class") or "").split()
        if tag == "li" and "hit" in classes:
            self.hits += 1
        if tag == "mark":
            self.marks.append("")
        if tag == "p" and "count" in classes:
            self.count = int(attrs.get("data-total", "-1"))
        if tag == "a" and "aside" in self.stack and "city=" in (attrs.get("href") or ""):
            self.facet_links += 1
        if tag == "svg" and "graph" in classes:
            self.svg = True
        if self.svg and tag == "circle":
            self.circles += 1
        if self.svg and tag == "line":
            self.lines += 1
        if self.svg and tag == "a" and (attrs.get("href") or "").startswith("/entities/"):
            self.node_links += 1
        if tag == "tr" and "tbody" in self.stack:
            self.relation_rows += 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = False
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "mark":
            self.marks[-1] += data
        if self.stack and self.stack[-1] == "h1":
            self.h1 += data


query = "包括連携協定"
search_url = f"{base}/?q={urllib.parse.quote(query)}"
page = Page()
page.feed(dom(search_url))
check(page.hits >= 1, f"search page lists hits for {query} ({page.hits})")
check(page.count is not None and page.count >= page.hits, f"result count {page.count} covers the {page.hits} listed hits")
check(len(page.marks) >= page.hits and all(m == query for m in page.marks), f"every <mark> reads {query} ({len(page.marks)} marks)")
check(page.facet_links >= 1, f"city facet links ({page.facet_links})")
screenshot(search_url, "search-desktop.png", 1280, 900)
screenshot(search_url, "search-phone.png", 390, 844)

empty = Page()
empty.feed(dom(f"{base}/?q={urllib.parse.quote('協定 存在しない語句')}"))
check(empty.hits == 0, "a query nothing matches lists no hits")

with urllib.request.urlopen(f"{base}/api/entities?kind=city&q={urllib.parse.quote('日野市')}") as answer:
    hino = json.load(answer)["entities"][0]["key"]
check(hino == "city:132128", f"日野市's key ({hino})")
entity_url = f"{base}/entities/{urllib.parse.quote(hino, safe=':')}"
entity = Page()
entity.feed(dom(entity_url))
check(entity.h1.strip() == "日野市", f"entity page heading ({entity.h1.strip()})")
check(entity.circles >= 3, f"SVG neighbourhood has nodes ({entity.circles})")
check(entity.lines == entity.circles - 1, f"one line per node but the centre ({entity.lines} lines)")
check(entity.node_links == entity.circles, f"every node links to its entity page ({entity.node_links})")
check(entity.relation_rows >= 1, f"relations table rows ({entity.relation_rows})")
screenshot(entity_url, "entity-desktop.png", 1280, 1400)
screenshot(entity_url, "entity-phone.png", 390, 1400)

agreements_url = f"{base}/agreements?party={urllib.parse.quote('日野市')}&signed_from=2016"
agreements = Page()
agreements.feed(dom(agreements_url))
check(agreements.relation_rows == 4, f"協定一覧 lists 日野市's four agreements signed from 2016 ({agreements.relation_rows})")
screenshot(agreements_url, "agreements-desktop.png", 1280, 900)
screenshot(agreements_url, "agreements-phone.png", 390, 1200)

print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
