#!/usr/bin/env python3
"""The reliability suite (issue #21): bad corpora, crashes, a full disk, a damaged index and
concurrent ingests, against a real `renkei` binary. One command:

    scripts/reliability/run.sh [--binary PATH] [--kills N] [--only NAME…]

Each check prints `ok` or `FAIL` with its figures; the exit status is 1 when any failed.
RELIABILITY.md records a run. Needs the big-ish synthetic corpus it makes itself
(scripts/make-municipal-pages.py) and nothing else.
"""
import argparse, json, os, random, resource, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
failures = []


def report(ok, name, detail):
    print(f"{'ok  ' if ok else 'FAIL'}  {name}: {detail}", flush=True)
    if not ok:
        failures.append(name)


def run(binary, *args, timeout=600, **kwargs):
    return subprocess.run([binary, *args], capture_output=True, timeout=timeout, **kwargs)


def peak_rss_kb(binary, *args):
    """Runs the command under /usr/bin/time -v when available; returns (result, peak KB)."""
    if shutil.which("time") or os.path.exists("/usr/bin/time"):
        result = subprocess.run(["/usr/bin/time", "-v", binary, *args], capture_output=True, timeout=900)
        for line in result.stderr.decode(errors="replace").splitlines():
            if "Maximum resident set size" in line:
                return result, int(line.split(":")[1])
        return result, None
    return run(binary, *args), None


def target(index):
    """The options naming an index: a PostgreSQL URL or an SQLite file's path."""
    return ["--store", index] if index.startswith("postgresql://") else ["--index", index]


def fresh_postgres(server, name):
    """A new, empty database `name` on the server of the URL `server`; returns its URL."""
    base = server.rsplit("/", 1)[0]
    subprocess.run(["psql", f"{base}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", "-c", f"CREATE DATABASE {name}"],
                   check=True, capture_output=True)
    return f"{base}/{name}"


def search_ids(binary, index, phrase):
    result = run(binary, "search", phrase, *target(index), "--json", "--limit", "100", "--match", "exact")
    if result.returncode != 0:
        return None
    return sorted(hit["document"] for hit in json.loads(result.stdout)["hits"])


def malformed_corpus(binary, work):
    """Bad files mixed with good pages: each bad file named with a reason, every good page searchable."""
    corpus = os.path.join(work, "malformed")
    shutil.copytree(os.path.join(ROOT, "Corpus"), corpus)
    good = sorted(os.listdir(corpus))
    text = "日野市と多摩信用金庫は包括連携協定を締結しました。".encode()
    bad = {
        "truncated-utf8.txt": text[:-1],
        "invalid-sjis.html": b'<meta charset="Shift_JIS"><p>' + "協定".encode("cp932") + b"\x81\x20\xff\xfe</p>",
        "wrong-meta.html": b'<meta charset="EUC-JP"><title>t</title><p>' + text + b"</p>",
        "empty.txt": b"",
        "huge.txt": b"a" * (50 * 1024 * 1024),
        "binary.html": bytes(random.Random(1).randbytes(65536)),
        "deep.html": b"<div>" * 100_000 + "深い".encode() + b"</div>" * 100_000,
        "attributes.html": b"<p " + b" ".join(b"a%d=x" % i for i in range(1_000_000)) + b">" + text + b"</p>",
        "nul.txt": text + b"\x00" + text,
        "cr-only.txt": text + b"\r" + text + b"\r",
        "utf16.txt": "\ufeff".encode("utf-16-le") + "日野市の協定。".encode("utf-16-le"),
        "name\nwith-newline.txt": text,
    }
    for name, content in bad.items():
        with open(os.path.join(corpus, name), "wb") as f:
            f.write(content)
    with open(os.path.join(corpus.encode(), b"bad-\xff-name.txt"), "wb") as f:
        f.write(text)
    os.symlink(corpus, os.path.join(corpus, "loop"))
    index = os.path.join(work, "malformed.sqlite")
    result, peak = peak_rss_kb(binary, "ingest", corpus, "--index", index)
    errors = result.stderr.decode(errors="replace")
    summary = result.stdout.decode(errors="replace").strip().splitlines()[-1:] or ["(no summary)"]
    report(result.returncode in (0, 3), "malformed corpus: ingest finishes", f"exit {result.returncode}, peak RSS {peak} KB; {summary[0]}")
    for line in errors.splitlines():
        if corpus in line:
            print("        " + line.replace(corpus + "/", "")[:200])
    # Files that cannot be documents must be named with a reason.
    for name in ["empty.txt", "huge.txt", "binary.html", "nul.txt"]:
        lines = [line for line in errors.splitlines() if name in line]
        report(bool(lines), f"malformed corpus: {name} named", lines[0] if lines else "not named on stderr")
    check = run(binary, "check", "--index", index)
    report(check.returncode == 0, "malformed corpus: index sound", check.stdout.decode(errors="replace").strip())
    missing = [page for page in good if page not in " ".join(map(str, search_ids(binary, index, "の") or []))]
    report(not missing, "malformed corpus: every good page searchable", f"{len(good) - len(missing)}/{len(good)} found by a search")
    found = search_ids(binary, index, "多摩信用金庫は包括連携協定")
    report(found is not None and len(found) >= 3, "malformed corpus: readable bad files ingested", f"{found}")


def kill_loop(binary, work, kills, corpus, postgres=None):
    """kill -9 at random moments during a first ingest, each round from an empty index: the
    index is sound after every kill, the next ingest finishes it, and its answers equal those
    of an ingest never interrupted. With `postgres` (a server's URL), the index is a database
    there instead of an SQLite file."""
    def new_index(name):
        return fresh_postgres(postgres, name) if postgres else os.path.join(work, f"{name}.sqlite")

    label = "kill -9 (PostgreSQL)" if postgres else "kill -9"
    clean = new_index("clean")
    started = time.time()
    run(binary, "ingest", corpus, *target(clean), "--transaction-megabytes", "1")
    duration = time.time() - started
    phrases = ["包括連携協定", "株式会社", "デジタル", "令和6年", "北海道"]
    expected = {phrase: search_ids(binary, clean, phrase) for phrase in phrases}
    rng = random.Random(20261207)
    killed = sound = finished = same = 0
    for round in range(kills):
        index = new_index(f"killed_{round}")
        process = subprocess.Popen([binary, "ingest", corpus, *target(index), "--transaction-megabytes", "1"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        sound += run(binary, "check", *target(index)).returncode == 0
        finished += run(binary, "ingest", corpus, *target(index), "--transaction-megabytes", "1").returncode == 0
        same += all(search_ids(binary, index, phrase) == expected[phrase] for phrase in phrases)
        for suffix in ["", "-wal", "-shm", ".ingest-lock"]:
            if os.path.exists(index + suffix):
                os.remove(index + suffix)
    detail = f"{killed} of {kills} rounds killed mid-ingest (a clean ingest takes {duration:.1f} s)"
    report(sound == kills, f"{label}: index sound after every kill", f"{sound}/{kills} sound; {detail}")
    report(finished == kills, f"{label}: the next ingest finishes", f"{finished}/{kills}")
    report(same == kills, f"{label}: answers equal a clean ingest", f"{same}/{kills} rounds, {len(phrases)} phrases each")


def full_disk(binary, work, corpus):
    """A file-size limit during ingest: a clear error, and the previous index intact."""
    index = os.path.join(work, "full.sqlite")
    run(binary, "ingest", os.path.join(ROOT, "Corpus"), "--index", index)
    before = run(binary, "check", "--index", index).stdout.decode().strip()
    size = os.path.getsize(index)

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 2 * 1024 * 1024, size + 2 * 1024 * 1024))

    result = subprocess.run([binary, "ingest", corpus, "--index", index], capture_output=True, timeout=600, preexec_fn=limit)
    message = (result.stderr.decode(errors="replace").strip().splitlines() or ["(nothing)"])[-1]
    report(result.returncode != 0 and "Error" in result.stderr.decode(errors="replace"), "full disk: ingest fails clearly",
           f"exit {result.returncode}: {message[:160]}")
    after = run(binary, "check", "--index", index)
    report(after.returncode == 0, "full disk: the index is sound afterwards", f"before: {before}; after: {after.stdout.decode().strip()}")


def damaged_index(binary, work):
    """`serve` on a truncated index: a clear error and an exit, not a crash loop or a hang."""
    index = os.path.join(work, "truncated.sqlite")
    run(binary, "ingest", os.path.join(ROOT, "Corpus"), "--index", index)
    with open(index, "r+b") as f:
        f.truncate(os.path.getsize(index) // 2)
    started = time.time()
    try:
        result = run(binary, "serve", "--index", index, "--port", "0", timeout=20)
        message = (result.stderr.decode(errors="replace").strip().splitlines() or [""])[-1]
        report(result.returncode != 0 and result.returncode < 128, "truncated index: serve refuses",
               f"exit {result.returncode} after {time.time() - started:.1f} s: {message[:160]}")
    except subprocess.TimeoutExpired:
        report(False, "truncated index: serve refuses", "still running after 20 s")
    check = run(binary, "check", "--index", index)
    report(check.returncode != 0, "truncated index: check reports it", (check.stderr or check.stdout).decode(errors="replace").strip()[:160])


def concurrent_ingest(binary, work, corpus):
    """A second ingest while one runs waits for it, says so, and then has nothing left to do."""
    index = os.path.join(work, "concurrent.sqlite")
    first = subprocess.Popen([binary, "ingest", corpus, "--index", index], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)
    second = run(binary, "ingest", corpus, "--index", index)
    first.wait()
    said = second.stderr.decode(errors="replace")
    report("Another ingest" in said and second.returncode == 0, "second ingest: waits and says so",
           (said.strip().splitlines() or [""])[0][:120] + " | " + second.stdout.decode(errors="replace").strip()[:120])


def http_under_load(binary, work, corpus, seconds):
    """wrk with 64 connections over varied searches while re-ingests rewrite every page, and
    200 slow clients sending a header line a second: no error, slow clients cut off by the
    header deadline, answers right afterwards."""
    import socket, threading, urllib.parse, urllib.request
    if not shutil.which("wrk"):
        report(False, "http under load", "wrk is not installed (apt-get install wrk)")
        return
    live = os.path.join(work, "live")
    shutil.copytree(corpus, live)
    index = os.path.join(work, "live.sqlite")
    run(binary, "ingest", live, "--index", index)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "serve", "--index", index, "--port", str(port), "--header-timeout", "3"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    phrases = ["包括連携協定", "株式会社", "デジタル", "令和6年", "北海道", "市", "協定", "連携", "スマートシティ", "子育て"]
    paths = [f"/api/search?q={urllib.parse.quote(p)}&match={m}" for p in phrases for m in ("exact", "loose")]
    paths += ["/api/agreements?limit=50", "/api/entities?kind=city", "/api/stats/agreements?group_by=prefecture", "/agreements"]
    script = os.path.join(work, "paths.lua")
    with open(script, "w") as f:
        f.write("paths = {" + ",".join(json.dumps(p) for p in paths) + "}\ncounter = 0\n"
                "request = function() counter = counter + 1; return wrk.format('GET', paths[(counter % #paths) + 1]) end\n"
                "done = function(summary, latency, requests)\n"
                "  io.write(string.format('RESULT requests=%d errors=%d non2xx=%d p99_ms=%.1f\\n', summary.requests,"
                " summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,"
                " latency:percentile(99) / 1000))\nend\n")
    slow_results = []

    def slow_client():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
                connection.settimeout(30)
                started = time.time()
                connection.sendall(b"GET /healthz HTTP/1.1\r\n")
                answer = b""
                for line in range(20):
                    try:
                        connection.sendall(b"X-Slow-%d: 1\r\n" % line)
                    except OSError:
                        break
                    time.sleep(1)
                try:
                    answer = connection.recv(200)
                except OSError:
                    pass
                slow_results.append((time.time() - started, answer[:12]))
        except OSError as error:
            slow_results.append((0, str(error).encode()))

    threads = [threading.Thread(target=slow_client) for _ in range(200)]
    for thread in threads:
        thread.start()
    stop = threading.Event()
    rounds = [0]

    def reingest():
        while not stop.is_set():
            for name in os.listdir(live)[:500]:
                with open(os.path.join(live, name), "a", encoding="utf-8") as f:
                    f.write(f"\n追記 {rounds[0]}\n")
            run(binary, "ingest", live, "--index", index)
            rounds[0] += 1

    writer = threading.Thread(target=reingest)
    writer.start()
    wrk = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", "-s", script, base], capture_output=True, text=True)
    stop.set()
    writer.join()
    for thread in threads:
        thread.join()
    result = next((line for line in wrk.stdout.splitlines() if line.startswith("RESULT")), "no RESULT line")
    fields = dict(item.split("=") for item in result.split()[1:]) if result.startswith("RESULT") else {}
    report(fields.get("errors") == "0" and fields.get("non2xx") == "0", "http under load: no errors while re-ingesting",
           f"{result}, {rounds[0]} re-ingests of 500 rewritten pages")
    cut = [t for t, answer in slow_results if answer.startswith(b"HTTP/1.1 408")]
    report(len(cut) == 200, "http under load: slow clients cut off", f"{len(cut)}/200 got a 408, slowest after {max((t for t, _ in slow_results), default=0):.1f} s")
    server.terminate()
    server.wait()
    fresh = os.path.join(work, "fresh.sqlite")
    run(binary, "ingest", live, "--index", fresh)
    same = all(search_ids(binary, index, p) == search_ids(binary, fresh, p) for p in phrases[:5])
    report(same, "http under load: answers right afterwards", "five phrases equal a fresh ingest of the final pages")


def as_unprivileged(command):
    """The command as the user `nobody` when the suite runs as root (root reads any file and
    writes any folder, so permissions would test nothing); as it is otherwise."""
    return ["runuser", "-u", "nobody", "--", *command] if os.geteuid() == 0 else command


def permissions(binary, work):
    """An unreadable page among readable ones, and `serve` on an index it may not write."""
    folder = os.path.join(work, "permissions")
    os.makedirs(folder)
    os.chmod(folder, 0o777)
    os.chmod(work, 0o755)  # mkdtemp's folder is closed to other users
    # A copy of the binary where `nobody` may run it (the build folder may be closed to it).
    runnable = os.path.join(folder, "renkei")
    shutil.copy(binary, runnable)
    os.chmod(runnable, 0o755)
    corpus = os.path.join(folder, "pages")
    shutil.copytree(os.path.join(ROOT, "Corpus"), corpus)
    secret = os.path.join(corpus, "secret.html")
    with open(secret, "w", encoding="utf-8") as f:
        f.write("<p>日野市と秘密の協定</p>")
    os.chmod(secret, 0)
    for path in [corpus] + [os.path.join(corpus, name) for name in os.listdir(corpus) if name != "secret.html"]:
        os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)
    index = os.path.join(folder, "index.sqlite")
    result = subprocess.run(as_unprivileged([runnable, "ingest", corpus, "--index", index]), capture_output=True, timeout=300)
    errors = result.stderr.decode(errors="replace")
    named = [line for line in errors.splitlines() if "secret.html" in line]
    report(result.returncode == 3 and named and "Permission denied" in named[0], "unreadable file: named with its reason",
           f"exit {result.returncode}; {named[0].replace(corpus + '/', '') if named else 'not named'}")
    found = set(search_ids(binary, index, "の") or [])
    report(len(found) == len(os.listdir(corpus)) - 1, "unreadable file: the other pages ingested", f"{len(found)} documents found")
    # An index in a folder the server may not write: SQLite's WAL needs its -shm and -wal files.
    closed = os.path.join(folder, "closed")
    os.makedirs(closed)
    run(binary, "ingest", os.path.join(ROOT, "Corpus"), "--index", os.path.join(closed, "index.sqlite"))
    for name in os.listdir(closed):
        os.chmod(os.path.join(closed, name), 0o444)
    os.chmod(closed, 0o555)
    started = time.time()
    try:
        result = subprocess.run(as_unprivileged([runnable, "serve", "--index", os.path.join(closed, "index.sqlite"), "--port", "0"]),
                                capture_output=True, timeout=20)
        message = (result.stderr.decode(errors="replace").strip().splitlines() or [""])[-1]
        report(result.returncode not in (0,) and result.returncode < 128, "read-only index: serve refuses clearly",
               f"exit {result.returncode} after {time.time() - started:.1f} s: {message[:160]}")
    except subprocess.TimeoutExpired:
        report(False, "read-only index: serve refuses clearly", "still running after 20 s")
    os.chmod(closed, 0o755)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=None)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--pages", type=int, default=4000, help="pages of the synthetic corpus")
    parser.add_argument("--postgres", help="a PostgreSQL server's URL (scripts/pg-cluster.sh): adds the check pg-kills there")
    args = parser.parse_args()
    binary = args.binary or os.path.join(ROOT, ".build-release", "release", "renkei")
    work = tempfile.mkdtemp(prefix="renkei-reliability-")
    corpus = os.path.join(work, "muni")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-municipal-pages.py"), corpus, "--pages", str(args.pages)],
                   check=True, capture_output=True)
    checks = {
        "malformed": lambda: malformed_corpus(binary, work),
        "kills": lambda: kill_loop(binary, work, args.kills, corpus),
        "disk": lambda: full_disk(binary, work, corpus),
        "damaged": lambda: damaged_index(binary, work),
        "permissions": lambda: permissions(binary, work),
        "concurrent": lambda: concurrent_ingest(binary, work, corpus),
        "http": lambda: http_under_load(binary, work, corpus, args.load_seconds),
    }
    if args.postgres:
        checks["pg-kills"] = lambda: kill_loop(binary, work, args.kills, corpus, postgres=args.postgres)
    try:
        for name, check in checks.items():
            if args.only is None or name in args.only:
                check()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
