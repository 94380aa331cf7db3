#!/usr/bin/env python3
"""Asks the same questions of a server on the SQLite index and of servers on PostgreSQL (the
same pages ingested into both) and checks that every answer is the same.

    scripts/compare-backends.py --reference http://127.0.0.1:8080 --candidate http://127.0.0.1:8081 \
        [--candidate http://127.0.0.1:8082] --queries FILE [--queries FILE…] [--max-queries N]

The questions: every query of the files, exact and loose, with facets and a second page;
searches filtered by city, kind and fiscal year; every entity with its relations; every
agreement and project, as lists (followed page by page) and one by one; the statistics; paths
between pairs of cities; the change feed; the NDJSON export; every document. Answers must be
equal as JSON, except that bm25 scores may differ in their last bits (relative 1e-9) and the
index's generation and ETags belong to each backend. Candidates are asked in turn, so two
servers on the replica share the load. Prints one line per kind of question; exits 1 on the
first difference, showing both answers.
"""
import argparse
import itertools
import json
import math
import sys
import urllib.error
import urllib.parse
import urllib.request


def fetch(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", required=True)
    parser.add_argument("--candidate", action="append", required=True)
    parser.add_argument("--queries", action="append", default=[])
    parser.add_argument("--max-queries", type=int, default=400)
    args = parser.parse_args()
    candidates = itertools.cycle(args.candidate)
    asked = {}

    def compare(kind, path, parse=json.loads):
        candidate = next(candidates)
        status_a, body_a = fetch(args.reference, path)
        status_b, body_b = fetch(candidate, path)
        answer_a = parse(body_a) if status_a == 200 else body_a
        answer_b = parse(body_b) if status_b == 200 else body_b
        if status_a != status_b or not same(answer_a, answer_b):
            print(f"DIFFERENT: {path}\n  {args.reference}: {status_a} {str(answer_a)[:1500]}\n  {candidate}: {status_b} {str(answer_b)[:1500]}")
            sys.exit(1)
        asked[kind] = asked.get(kind, 0) + 1
        return answer_a

    def follow(kind, path, field):
        items = []
        while path:
            page = compare(kind, path)
            items += page[field]
            path = page.get("next")
        return items

    quote = urllib.parse.quote
    queries = []
    for file in args.queries:
        with open(file, encoding="utf-8") as lines:
            queries += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    for query in queries[: args.max_queries]:
        for match in ("exact", "loose"):
            compare("search", f"/api/search?q={quote(query)}&match={match}&limit=20")
            compare("search", f"/api/search?q={quote(query)}&match={match}&limit=5&offset=5&facets=false")

    entities = follow("entity list", "/api/entities?limit=500", "entities")
    cities = [entity for entity in entities if entity["kind"] == "city"]
    for entity in entities:
        key = quote(entity["key"], safe="")
        compare("entity", f"/api/entities/{key}")
        follow("relations", f"/api/entities/{key}/relations?limit=100", "relations")
    for city in cities[:20]:
        compare("search", f"/api/search?q={quote('協定')}&city={quote(city['key'])}&limit=10")
        compare("partners", f"/api/stats/partners?entity={quote(city['key'], safe='')}")
    for kind in ("company", "university", "agreement"):
        compare("search", f"/api/search?q={quote('連携')}&kind={kind}&limit=10")
    compare("search", f"/api/search?q={quote('事業')}&fy=2023&limit=10")
    for first, second in itertools.islice(itertools.combinations(cities, 2), 60):
        compare("path", f"/api/paths?from={quote(first['key'], safe='')}&to={quote(second['key'], safe='')}&maxHops=4")
    for kind, field in (("agreements", "agreements"), ("projects", "projects")):
        for record in follow(kind, f"/api/{kind}?limit=7", field):
            compare(kind, f"/api/{kind}/{quote(record['key'], safe='')}")
    for grouping in ("year", "prefecture", "party_kind"):
        compare("statistics", f"/api/stats/agreements?group_by={grouping}")
    compare("changes", "/api/changes?since=0&limit=500")
    compare("export", "/api/export?format=ndjson", parse=lambda body: [json.loads(line) for line in body.splitlines() if line.strip()])
    documents = {hit["id"].split("#")[0] for query in queries[:50] for hit in
                 json.loads(fetch(args.reference, f"/api/search?q={quote(query)}&limit=50")[1]).get("hits", [])}
    for document in sorted(documents):
        compare("document", f"/api/documents/{quote(document, safe='')}")
    print("same answers from the SQLite and the PostgreSQL servers: "
          + ", ".join(f"{count} {kind}" for kind, count in asked.items()))


if __name__ == "__main__":
    main()
