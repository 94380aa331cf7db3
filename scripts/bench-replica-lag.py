#!/usr/bin/env python3
"""How far a hot standby falls behind while Renkei ingests into its primary (a benchmark, not
a test): starts `renkei serve` reading the standby, ingests DOCS into the primary, and polls
the server's /healthz every 100 ms for the replica's lag.

    scripts/bench-replica-lag.py --binary .build-release/release/renkei \
        --store postgresql://renkei@127.0.0.1:55432/lag --replica postgresql://renkei@127.0.0.1:55433/lag --docs /tmp/muni

The database is emptied first. Prints the ingest's time and the lag's median, 99th
percentile and maximum, in bytes of write-ahead log and in index generations (committed
batches), and how long after the ingest the standby had replayed everything.
"""
import argparse
import json
import socket
import statistics
import subprocess
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def health(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
        return json.load(answer)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--replica", required=True)
    parser.add_argument("--docs", required=True)
    args = parser.parse_args()
    base, database = args.store.rsplit("/", 1)
    subprocess.run(["psql", f"{base}/postgres", "-qc", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", "-c", f"CREATE DATABASE {database}"],
                   check=True)
    # The schema must exist before a server reads the standby: opening the primary creates it.
    subprocess.run([args.binary, "check", "--store", args.store], capture_output=True, check=True)
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--port", str(port), "--store", args.store, "--read-replica", args.replica],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                health(port)
                break
            except Exception:
                time.sleep(0.1)
        started = time.time()
        ingest = subprocess.Popen([args.binary, "ingest", args.docs, "--store", args.store], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        samples = []
        while ingest.poll() is None:
            replica = health(port)["replicas"][0]
            samples.append((replica.get("lagBytes") or 0, replica.get("lagGenerations") or 0))
            time.sleep(0.1)
        ingest_seconds = time.time() - started
        summary = ingest.stdout.read().decode().strip()
        while True:
            replica = health(port)["replicas"][0]
            if replica.get("lagGenerations") == 0 and replica.get("lagBytes") == 0:
                break
            time.sleep(0.05)
        caught_up = time.time() - started - ingest_seconds
    finally:
        server.terminate()
        server.wait()
    lag_bytes = sorted(sample[0] for sample in samples)
    lag_generations = sorted(sample[1] for sample in samples)

    def describe(values, unit):
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        return f"median {statistics.median(values):,.0f} {unit}, p99 {p99:,.0f}, max {values[-1]:,.0f}"

    print(summary)
    print(f"ingest {ingest_seconds:.1f} s, {len(samples)} samples of the standby's lag")
    print(f"lag in write-ahead log: {describe(lag_bytes, 'bytes')}")
    print(f"lag in index generations: {describe(lag_generations, 'batches')}")
    print(f"the standby had replayed everything {caught_up:.2f} s after the ingest ended")


if __name__ == "__main__":
    main()
