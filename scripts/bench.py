"""`make bench`: how fast the site is under load, run the way it runs in production.

Runs inside scripts/with-postgres (a throw-away PostgreSQL cluster; DATABASE_URL points at it):
migrates, loads a demo of realistic size (`load_demo --centres 3 --items 1000`: three centres,
each with a thousand articles and cards, two hundred activities, five thousand messages),
collects the static files, starts gunicorn with the production settings, and warms each page
up right before it puts it under load with wrk (2 threads, 10 connections): anonymous visitors
(the page cache), a logged-in member (uncached), an extra centre by its host name, and a static
file served by the same gunicorn as the ceiling.

Per page it reports requests per second, p50 and p99 latency, the ratio to the static file,
errors, database queries (counted in this process with the test client against the same
database: a render without the page cache, and a page-cache hit), and the bytes gunicorn sends
(and their gzip size, as nginx would send them with gzip_comp_level 6); and each gunicorn
worker's resident memory after the run. The figures go to var/bench/<timestamp>.json and the
table to var/bench/latest.md. Exits 1 when a target is missed.

Environment: BENCH_ITEMS (1000), BENCH_CENTRES (3), BENCH_SECONDS per page (10).
"""

import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
RESULTS = ROOT / "var" / "bench"
sys.path.insert(0, str(ROOT))

CENTRES = int(os.environ.get("BENCH_CENTRES", "3"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "1000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
THREADS, CONNECTIONS = 2, 10
WARM_UP_SECONDS = 2
GZIP_LEVEL = 6

# The targets of issue 10, on a 2-core machine that runs wrk and the server together.
CACHED_SHARE_OF_STATIC = 0.5
MEMBER_P99_MS = 150
WORKER_RSS_MB = 250

# The member whose pages are measured: a neighbour of Rosa's volume (demo/volume.py), in
# about eight 1-op-1 conversations and the living room.
MEMBER = "buur-rosa-1"
MEMBER_BACKEND = "accounts.backends.EmailOrUsernameBackend"
ROSA = "localhost"
EXTRA_CENTRE = "centrum-2.localhost"

ANONYMOUS, MEMBER_PAGE, STATIC = "anonymous", "member", "static"


@dataclass
class Target:
    name: str
    kind: str
    path: str
    host: str = ROSA
    # Anonymous pages are expected from the page cache; the search page (query string) is not.
    cached: bool = True


@dataclass
class Result:
    name: str
    kind: str
    url: str
    cached: bool
    status: int = 0
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    non_2xx: int = 0
    socket_errors: int = 0
    socket_errors_by_kind: dict = field(default_factory=dict)
    queries_uncached: int | None = None
    queries_cache_hit: int | None = None
    bytes_sent: int = 0
    gzip_bytes: int = 0
    ratio_to_static: float = 0.0
    checks: dict = field(default_factory=dict)


def targets(search_exists):
    pages = [
        Target("home", ANONYMOUS, "/nl/"),
        Target("buurtkrant index", ANONYMOUS, "/nl/buurtkrant/"),
        Target("article", ANONYMOUS, "/nl/buurtkrant/buurtnieuws-1/"),
        Target("agenda index", ANONYMOUS, "/nl/agenda/"),
        Target("activity", ANONYMOUS, "/nl/agenda/activiteit-4/"),
        Target("prikbord index", ANONYMOUS, "/nl/prikbord/"),
        Target("card", ANONYMOUS, "/nl/prikbord/buurtkaartje-1/"),
        Target("help page", ANONYMOUS, "/nl/hulp/"),
        Target("home, Arabic", ANONYMOUS, "/ar/"),
        Target("extra centre home", ANONYMOUS, "/nl/", host=EXTRA_CENTRE),
        Target("extra centre buurtkrant", ANONYMOUS, "/nl/buurtkrant/", host=EXTRA_CENTRE),
    ]
    if search_exists:
        # The page cache keys on the query string too: a repeated search is a cache hit.
        pages.append(Target("search", ANONYMOUS, "/nl/zoeken/?q=buurt"))
    pages += [
        Target("member home", MEMBER_PAGE, "/nl/"),
        Target("member huiskamer", MEMBER_PAGE, "/nl/huiskamer/"),
        Target("member conversations", MEMBER_PAGE, "/nl/huiskamer/gesprekken/"),
        Target("member my account", MEMBER_PAGE, "/nl/account/"),
        Target("member prikbord index", MEMBER_PAGE, "/nl/prikbord/"),
    ]
    return pages


def say(message):
    print(f"bench: {message}", flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing wrk (apt-get install -y wrk)")
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)
        return
    sys.exit(
        "bench: the load tool wrk is not installed. Install it first "
        "(Debian/Ubuntu: sudo apt-get install wrk; macOS: brew install wrk)."
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(var_dir, port):
    """The production settings, on this machine: plain HTTP, throw-away files, no e-mail."""
    hosts = [ROSA, "127.0.0.1"] + [f"centrum-{n}.localhost" for n in range(2, CENTRES + 1)]
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": ",".join(hosts),
        "SECURE_SSL_REDIRECT": "0",
        "VAR_DIR": str(var_dir),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }


def manage(log, *args):
    """A manage.py command, its output to the log; returns how long it took."""
    started = time.monotonic()
    with log.open("a") as output:
        output.write(f"\n$ manage.py {' '.join(args)}\n")
        output.flush()
        done = subprocess.run(
            [VENV_BIN / "python", "manage.py", *args], cwd=ROOT, stdout=output, stderr=output
        )
    if done.returncode:
        sys.exit(f"bench: manage.py {' '.join(args)} failed; see {log}")
    return round(time.monotonic() - started, 1)


def set_up_site(log):
    timings = {"migrate": manage(log, "migrate", "--noinput")}
    say(f"loading the demo: {CENTRES} centres with {ITEMS} items each (takes minutes)")
    timings["load_demo"] = manage(
        log, "load_demo", "--force", "--centres", str(CENTRES), "--items", str(ITEMS)
    )
    timings["collectstatic"] = manage(log, "collectstatic", "--noinput", "--verbosity", "0")
    return timings


def static_path(var_dir):
    """The site's stylesheet under its hashed name, from the static files manifest."""
    manifest = json.loads((var_dir / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def member_cookie():
    """A real session of the member, made with Django's own log-in machinery."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=MEMBER), backend=MEMBER_BACKEND)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def count_queries(target, cookie):
    """Queries of a render without the page cache, and of the same page from the cache.

    Each page is asked once first, so that what a worker loads once (content types, locales,
    the site list) is not counted against it."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    headers = {"Cookie": cookie} if target.kind == MEMBER_PAGE else {}
    client = Client(headers=headers, HTTP_HOST=target.host)
    client.get(target.path)
    counts = []
    caches["pages"].clear()
    for _attempt in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(target.path)
        if response.status_code != 200:
            sys.exit(f"bench: {target.host}{target.path} answers {response.status_code}, not 200")
        counts.append(len(queries))
    uncached, second = counts
    return uncached, (second if target.kind == ANONYMOUS else None)


def profile_render(target, cookie, destination):
    """cProfile of one render of a member page: where its time goes, for the report."""
    import cProfile
    import io
    import pstats

    from django.test import Client

    client = Client(headers={"Cookie": cookie}, HTTP_HOST=target.host)
    profile = cProfile.Profile()
    profile.runcall(client.get, target.path)
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(40)
    with destination.open("a") as output:
        output.write(f"\n==== {target.name}: {target.host}{target.path}\n{text.getvalue()}")


def fetch(port, host, path, cookie=None):
    """One GET to gunicorn without following redirects: status, bytes sent, body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host, **({"Cookie": cookie} if cookie else {})}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    head = f"HTTP/1.1 {response.status} {response.reason}\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in response.getheaders()
    )
    connection.close()
    return response.status, len(head) + 2 + len(body), body


def start_gunicorn(environment, log):
    output = log.open("a")
    server = subprocess.Popen(
        [
            VENV_BIN / "gunicorn",
            "--config",
            "config/gunicorn.py",
            "--no-control-socket",
            "config.wsgi",
        ],
        cwd=ROOT,
        env={**os.environ, **environment},
        stdout=output,
        stderr=output,
    )
    port = int(environment["PORT"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"bench: gunicorn stopped at start; see {log}")
        try:
            if fetch(port, ROSA, "/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    sys.exit(f"bench: gunicorn did not answer /healthz within a minute; see {log}")


def worker_memory_mb(master_pid):
    """VmRSS of each gunicorn worker (the master's children), in MB."""
    memory = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master_pid) and "VmRSS" in fields:
            memory[int(status.parent.name)] = round(int(fields["VmRSS"].split()[0]) / 1024, 1)
    return memory


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return round(float(number) * UNITS_MS[unit], 2)


def parse_wrk(output):
    def find(pattern, default="0"):
        match = re.search(pattern, output)
        return match.group(1) if match else default

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    by_kind = {}
    if socket_errors:
        kinds = ("connect", "read", "write", "timeout")
        by_kind = dict(zip(kinds, map(int, socket_errors.groups()), strict=True))
    return {
        "requests_per_second": float(find(r"Requests/sec:\s+([\d.]+)")),
        "p50_ms": _milliseconds(find(r"50%\s+([\d.]+\w+)", "0ms")),
        "p99_ms": _milliseconds(find(r"99%\s+([\d.]+\w+)", "0ms")),
        "requests": int(find(r"(\d+) requests in")),
        "non_2xx": int(find(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(by_kind.values()),
        "socket_errors_by_kind": by_kind,
    }


def wrk(port, target, cookie, seconds):
    command = [
        "wrk",
        "--latency",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "-H",
        f"Host: {target.host}",
    ]
    if target.kind == MEMBER_PAGE:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{target.path}")
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def measure(port, all_targets, cookie):
    """Status and size of every page first (any answer but 200 stops the bench); then per page
    a warm-up right before its load. Right before: shared parts of pages expire after
    PAGE_CACHE_SECONDS, and a warm-up minutes earlier would time each worker's first remake
    of them (once a minute under real load) as if it were part of every ten seconds."""
    results = []
    for target in all_targets:
        sent_cookie = cookie if target.kind == MEMBER_PAGE else None
        status, sent, body = fetch(port, target.host, target.path, sent_cookie)
        if status != 200:
            sys.exit(f"bench: {target.host}{target.path} answers {status} under gunicorn, not 200")
        results.append(
            Result(
                name=target.name,
                kind=target.kind,
                url=f"http://{target.host}{target.path}",
                cached=target.cached and target.kind == ANONYMOUS,
                status=status,
                bytes_sent=sent,
                gzip_bytes=len(gzip.compress(body, GZIP_LEVEL)),
            )
        )
    for target, result in zip(all_targets, results, strict=True):
        wrk(port, target, cookie, WARM_UP_SECONDS)
        say(f"load on {result.name} ({result.url}) for {SECONDS} s")
        for name, value in parse_wrk(wrk(port, target, cookie, SECONDS)).items():
            setattr(result, name, value)
    return results


CACHED_TARGET = f"cached anonymous pages >= {CACHED_SHARE_OF_STATIC} × static"
P99_TARGET = f"uncached pages p99 < {MEMBER_P99_MS} ms"
ERRORS_TARGET = "no error or non-2xx response"
MEMORY_TARGET = f"each worker < {WORKER_RSS_MB} MB RSS"


def judge(results, memory):
    """PASS/FAIL per page and per target; returns {target: passed}."""
    static_rps = next(r.requests_per_second for r in results if r.kind == STATIC)
    for result in results:
        result.ratio_to_static = round(result.requests_per_second / static_rps, 3)
        result.checks[ERRORS_TARGET] = result.non_2xx == 0 and result.socket_errors == 0
        if result.kind == ANONYMOUS and result.cached:
            result.checks[CACHED_TARGET] = result.ratio_to_static >= CACHED_SHARE_OF_STATIC
        elif result.kind != STATIC:
            result.checks[P99_TARGET] = result.p99_ms < MEMBER_P99_MS
    summary = {
        target: all(r.checks[target] for r in results if target in r.checks)
        for target in (CACHED_TARGET, P99_TARGET, ERRORS_TARGET)
    }
    summary[MEMORY_TARGET] = all(rss < WORKER_RSS_MB for rss in memory.values())
    return summary


def errors(result):
    """Non-2xx answers and socket errors, with the kinds of socket error."""
    kinds = ", ".join(f"{kind} {n}" for kind, n in result.socket_errors_by_kind.items() if n)
    total = result.non_2xx + result.socket_errors
    return f"{total} ({kinds})" if kinds else str(total)


def markdown(results, memory, run, summary):
    lines = [
        f"# make bench, {run['started']}",
        "",
        f"{run['centres']} centres × {run['items']} items; gunicorn {run['workers']} workers × "
        f"{run['threads']} threads; wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s; "
        f"{run['cpus']} CPUs; commit {run['commit']}; {run['worker_restarts']} worker restarts "
        "(max_requests) during the run.",
        "",
        *(f"- {target}: **{'PASS' if ok else 'FAIL'}**" for target, ok in summary.items()),
        "",
        "| page | kind | req/s | p50 ms | p99 ms | × static | errors | queries (render / hit) "
        "| bytes (gzip) | targets |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        queries = "–" if r.queries_uncached is None else str(r.queries_uncached)
        if r.queries_cache_hit is not None and r.cached:
            queries += f" / {r.queries_cache_hit}"
        missed = [name for name, ok in r.checks.items() if not ok]
        checks = f"FAIL: {', '.join(missed)}" if missed else "PASS"
        kind = r.kind + ("" if r.cached or r.kind != ANONYMOUS else ", uncached")
        lines.append(
            f"| {r.name} | {kind} | {r.requests_per_second:.0f} | {r.p50_ms:.1f} | "
            f"{r.p99_ms:.1f} | {r.ratio_to_static:.2f} | {errors(r)} | "
            f"{queries} | {r.bytes_sent} ({r.gzip_bytes}) | {checks} |"
        )
    lines += ["", "| gunicorn worker | RSS MB after the run | < 250 MB |", "|---|---:|---|"]
    lines += [
        f"| pid {pid} | {rss} | {'PASS' if rss < WORKER_RSS_MB else 'FAIL'} |"
        for pid, rss in sorted(memory.items())
    ]
    setup = ", ".join(f"{step} {seconds} s" for step, seconds in run["setup_seconds"].items())
    lines += ["", f"Setting up: {setup}.", ""]
    return "\n".join(lines)


def git(*args):
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def gunicorn_settings(environment):
    """Workers and threads as config/gunicorn.py works them out for this environment."""
    code = (
        "import runpy; c = runpy.run_path('config/gunicorn.py'); print(c['workers'], c['threads'])"
    )
    done = subprocess.run(
        [VENV_BIN / "python", "-c", code],
        cwd=ROOT,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    workers, threads = done.stdout.split()
    return int(workers), int(threads)


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench: run it through scripts/with-postgres (make bench does).")
    ensure_wrk()
    started = datetime.now()
    stamp = started.strftime("%Y%m%d-%H%M%S")
    RESULTS.mkdir(parents=True, exist_ok=True)
    log = RESULTS / f"{stamp}.log"
    var_dir = Path(tempfile.mkdtemp(prefix="buurtcentrum-bench-"))
    port = free_port()
    environment = production_environment(var_dir, port)
    os.environ.update(environment)
    say(f"setting up; the log is {log}")
    setup_seconds = set_up_site(log)

    import django

    django.setup()
    from django.test import Client

    # The search page came with issue 10; measure it where it exists.
    search_exists = Client().get("/nl/zoeken/", HTTP_HOST=ROSA).status_code == 200
    all_targets = targets(search_exists)
    cookie = member_cookie()
    say("counting queries per page")
    queries = {target.name: count_queries(target, cookie) for target in all_targets}
    for target in all_targets:
        if target.kind == MEMBER_PAGE:
            profile_render(target, cookie, RESULTS / f"{stamp}-profile.txt")
    all_targets.append(Target("static file (ceiling)", STATIC, static_path(var_dir)))

    say(f"starting gunicorn on 127.0.0.1:{port}")
    server = start_gunicorn(environment, log)
    try:
        results = measure(port, all_targets, cookie)
        memory = worker_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for result in results:
        result.queries_uncached, result.queries_cache_hit = queries.get(result.name, (None, None))

    workers, threads = gunicorn_settings(environment)
    run = {
        "started": started.isoformat(timespec="seconds"),
        "commit": git("rev-parse", "--short", "HEAD") + ("+changes" if git("status", "-s") else ""),
        "centres": CENTRES,
        "items": ITEMS,
        "cpus": os.cpu_count(),
        "workers": workers,
        "threads": threads,
        "page_cache": "home.page_cache" in (ROOT / "config/settings/base.py").read_text(),
        "setup_seconds": setup_seconds,
        # gunicorn replaces a worker after max_requests; each one starts cold.
        "worker_restarts": log.read_text().count("Autorestarting worker"),
    }
    summary = judge(results, memory)
    passed = all(summary.values())
    table = markdown(results, memory, run, summary)
    figures = {
        "run": run,
        "pages": [asdict(result) for result in results],
        "worker_rss_mb": memory,
        "targets": summary,
    }
    (RESULTS / f"{stamp}.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    (RESULTS / "latest.md").write_text(table)
    shutil.rmtree(var_dir, ignore_errors=True)
    print(table)
    say(f"{'all targets met' if passed else 'a target was missed'}; figures in {RESULTS}")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
