#!/usr/bin/env python3
"""Scores `renkei extract` against every gold set and checks the extraction gates.

Usage: scripts/score-extraction.py [--renkei PATH] [--shared DIR] [--only NAME] [--per-document]

Runs `renkei extract` on each page set, scores it with ../shared/gold/score.py and prints one
block per set: entity F1 per type, the relation lines, and the gates it must meet. Exits 1
when a gate fails, so CI (.ci/run) and people run exactly the same check.

| set    | pages                             | gates                                                  |
|--------|-----------------------------------|--------------------------------------------------------|
| seeds  | Corpus/ (gold: shared/gold)       | entity F1 >= 0.95, each relation line >= 0.90          |
| tests  | Tests/RenkeiExtractTests/Pages    | entity F1 >= 0.95, each relation line >= 0.90          |
| devset | shared/devset/docs                | entity F1 >= 0.92, relations F1 >= 0.88, each type >= 0.80 |
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sets(shared):
    return [
        ("seeds", os.path.join(ROOT, "Corpus"), os.path.join(shared, "gold"),
         {"entity": 0.95, "each_relation": 0.90}),
        ("tests", os.path.join(ROOT, "Tests/RenkeiExtractTests/Pages"), os.path.join(ROOT, "Tests/RenkeiExtractTests/Pages"),
         {"entity": 0.95, "each_relation": 0.90}),
        ("devset", os.path.join(shared, "devset/docs"), os.path.join(shared, "devset/gold"),
         {"entity": 0.92, "relations": 0.88, "each_type": 0.80}),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--renkei", default=None, help="the renkei binary (default: swift build --show-bin-path)")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    parser.add_argument("--only", action="append", help="score only this set (seeds, tests, devset)")
    parser.add_argument("--per-document", action="store_true", help="also print each document's entity and relation F1")
    args = parser.parse_args()
    renkei = args.renkei or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(),
        "renkei")
    score_py = os.path.join(args.shared, "gold", "score.py")
    failed = []
    with tempfile.TemporaryDirectory() as work:
        for name, docs, gold, gates in sets(args.shared):
            if args.only and name not in args.only:
                continue
            out = os.path.join(work, name)
            subprocess.run([renkei, "extract", docs, "--out", out], check=True, stdout=subprocess.DEVNULL)
            scored = subprocess.run([sys.executable, score_py, "--gold", gold, "--pred", out, "--json"],
                                    capture_output=True, text=True, check=True)
            score = json.loads(scored.stdout)
            failed += report(name, score, gates, args.per_document)
    if failed:
        print("FAILED: " + "; ".join(failed))
        sys.exit(1)


def report(name, score, gates, per_document):
    entity = score["overall_entity_f1"]
    types = {row["unit"]: row["f1"] for row in score["entities"]}
    relations = {row["unit"]: row["f1"] for row in score["relations"]}
    relations_micro = score["relations_micro"]["f1"]
    print(f"{name}: entity F1 {entity:.3f}, relations F1 {relations_micro:.3f}")
    print("  types:     " + ", ".join(f"{unit} {f1:.3f}" for unit, f1 in types.items()))
    print("  relations: " + ", ".join(f"{unit} {f1:.3f}" for unit, f1 in relations.items()))
    if per_document:
        for document, units in sorted(score["per_document"].items()):
            print("  " + document + ": " + ", ".join(
                f"{unit.replace('entity:', '')} {row['tp']}/{row['gold']}/{row['pred']}"
                for unit, row in units.items() if row["gold"] != row["tp"] or row["pred"] != row["tp"]))
    failures = []
    if entity < gates.get("entity", 0):
        failures.append(f"{name} entity F1 {entity:.3f} < {gates['entity']}")
    if relations_micro < gates.get("relations", 0):
        failures.append(f"{name} relations F1 {relations_micro:.3f} < {gates['relations']}")
    for unit in ("agreement_parties", "agreement_signed", "project_participants"):
        if "each_relation" in gates and relations.get(unit, 0) < gates["each_relation"]:
            failures.append(f"{name} {unit} {relations.get(unit, 0):.3f} < {gates['each_relation']}")
    for unit, f1 in types.items():
        if f1 < gates.get("each_type", 0):
            failures.append(f"{name} {unit} {f1:.3f} < {gates['each_type']}")
    return failures


if __name__ == "__main__":
    main()
