"""`make load`: the portal under gunicorn with production settings, loaded by wrk.

Builds a database of its own (the demo data and 1,000 more plans; PostgreSQL unless
LOAD_DATABASE_URL says otherwise), starts gunicorn on 127.0.0.1 with 2 workers, and measures
with wrk, 64 connections:

- the trivial view (/helse/: every middleware, no database), the yardstick of this run, for
  10 s at the start and for 3 s right before each page, whose share is against the latter;
- each public page as an anonymous reader gets it (kept in the page cache), and as it is
  rendered for a reader the cache does not serve (a session cookie), over one connection, so
  that its latency is close to the server's time;
- a mix of every page for 60 seconds with hearing input posted among them, while the workers'
  memory is read every few seconds.

Prints a table and writes the figures to load-results.json (LOAD_JSON). Exits with 1 if any
request failed or a kept page served less than half the trivial view's rate.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SCRIPT = Path(__file__).with_name("wrk.lua")
DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/planportal_load"
)
PORT = int(os.environ.get("LOAD_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
WORKERS, CONNECTIONS = 2, 64
MIX_SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
PAGE_SECONDS = int(os.environ.get("LOAD_PAGE_SECONDS", "8"))
TRIVIAL_BESIDE_SECONDS = 3
SUBMIT_EVERY = 250
EXTRA_PLANS = 1_000
TARGET_SHARE = 0.5

ENVIRONMENT = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SETTINGS_MODULE": "planportal.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "load-test-only-not-a-secret",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    # Plain http on loopback; the proxy count makes each posted input come from its own address.
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_PROXY_COUNT": "1",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "DJANGO_LOG_LEVEL": "WARNING",
    "DJANGO_REPORT_CACHE_DIR": tempfile.mkdtemp(prefix="planportal-load-reports-"),
    "DJANGO_MEDIA_ROOT": tempfile.mkdtemp(prefix="planportal-load-media-"),
}

# Run in the portal's own settings: 1,000 more plans over the demo's departments, and the
# addresses of a plan, an open hearing and a deep goal node to load.
PREPARE = """
import json
from consultations.models import Consultation
from hierarchy.models import GoalNode
from plans.models import Department, Plan
from tests.factories import bulk_create_plans

departments = list(Department.objects.order_by("pk"))
share = {extra} // len(departments)
for index, department in enumerate(departments):
    bulk_create_plans(department, share, start=index * share)
plan = Plan.objects.published().filter(goal_nodes__isnull=False).order_by("pk").first()
hearing = next(c for c in Consultation.objects.order_by("-deadline") if c.state == "open")
node = GoalNode.objects.filter(plan__is_published=True).order_by("-level", "pk").first()
print(json.dumps({{"plan": plan.get_absolute_url(), "hearing": hearing.get_absolute_url(),
                  "node": node.get_absolute_url()}}))
"""


def manage(*args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=ENVIRONMENT,
        check=True,
        text=True,
        capture_output=capture,
    ).stdout


def fresh_database():
    if DATABASE_URL.startswith("postgres"):
        name = DATABASE_URL.rsplit("/", 1)[1]
        server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
        for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
            subprocess.run(["psql", server, "-q", "-c", sql], check=True)
    manage("migrate", "--no-input", "-v0")
    manage("load_demo", "-v0")
    addresses = manage("shell", "-c", PREPARE.format(extra=EXTRA_PLANS), capture=True)
    if DATABASE_URL.startswith("postgres"):
        # As autovacuum would after a load like this: fresh statistics, no dead row versions.
        subprocess.run(["psql", DATABASE_URL, "-q", "-c", "VACUUM ANALYZE"], check=True)
    manage("collectstatic", "--no-input", "-v0")
    return json.loads(addresses.strip().splitlines()[-1])


def pages(found):
    return [
        ("home", "/"),
        ("overview", "/planer/"),
        ("overview, 3 filters", "/planer/?kommune=bergen&type=temaplan&status=adopted"),
        ("search", "/planer/?q=skole"),
        ("plan", found["plan"]),
        ("goal tree", "/mal/"),
        ("goal node", found["node"]),
        ("coverage", "/mal/dekning/"),
        ("hearings", "/horinger/"),
        ("hearing", found["hearing"]),
        ("progress", "/fremdrift/"),
        ("politicians' overview", "/oversikt/"),
        ("planstrategi", "/planstrategi/"),
        ("calendar feed", "/horinger/kalender.ics"),
        ("atom feed", "/horinger/nye.atom"),
    ]


def start_server():
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "planportal.wsgi",
            f"--workers={WORKERS}",
            f"--bind=127.0.0.1:{PORT}",
            "--backlog=2048",
        ],
        cwd=ROOT,
        env=ENVIRONMENT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/helse/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not answer on /helse/")


def workers_rss_mb(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def csrf_for(path):
    """A token and cookie as a browser gets them from the hearing page, to post input with."""
    with urllib.request.urlopen(BASE + path) as response:
        page = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return token, cookie


def wrk(paths, *, seconds, connections=CONNECTIONS, headers=(), environment=None):
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout=10s",
    ]
    for header in headers:
        command += ["-H", header]
    command += ["-s", str(SCRIPT), BASE, "--", *paths]
    result = subprocess.run(
        command,
        env={**os.environ, **(environment or {})},
        check=True,
        text=True,
        capture_output=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["rate"] = figures["requests"] / figures["seconds"]
    figures["errors"] = sum(value for key, value in figures.items() if key.startswith("errors_"))
    return figures


def warm(paths):
    for _ in range(WORKERS * 4):
        for path in paths:
            urllib.request.urlopen(BASE + path).read()


def main():
    started = time.time()
    print(f"Preparing {DATABASE_URL} (the demo and {EXTRA_PLANS} more plans) …", flush=True)
    found = fresh_database()
    listed = pages(found)
    server = start_server()
    try:
        results = measure(server, listed, found)
    finally:
        server.terminate()
        server.wait(timeout=30)
    results["seconds"] = round(time.time() - started)
    Path(os.environ.get("LOAD_JSON", ROOT / "load-results.json")).write_text(
        json.dumps(results, indent=2)
    )
    return print_results(results)


def measure(server, listed, found):
    warm([path for _name, path in listed])
    trivial = wrk(["/helse/"], seconds=10)
    rows = []
    for name, path in listed:
        # The yardstick again right before the page: a shared machine's speed drifts by half
        # within a run, and a share against the start's figure measured the drift.
        beside = wrk(["/helse/"], seconds=TRIVIAL_BESIDE_SECONDS)
        cached = wrk([path], seconds=PAGE_SECONDS)
        fresh = wrk([path], seconds=PAGE_SECONDS, connections=1, headers=["Cookie: sessionid=none"])
        rows.append(
            {
                "page": name,
                "path": path,
                "trivial_beside": beside,
                "cached": cached,
                "uncached_1_conn": fresh,
            }
        )
    token, cookie = csrf_for(found["hearing"])
    memory = [workers_rss_mb(server)]
    sampling = threading.Event()

    def sample():
        while not sampling.wait(MIX_SECONDS / 6):
            memory.append(workers_rss_mb(server))

    sampler = threading.Thread(target=sample)
    sampler.start()
    mix = wrk(
        [path for _name, path in listed],
        seconds=MIX_SECONDS,
        environment={
            "SUBMIT_EVERY": str(SUBMIT_EVERY),
            "HEARING_PATH": found["hearing"],
            "CSRF_TOKEN": token,
            "CSRF_COOKIE": cookie,
        },
    )
    sampling.set()
    sampler.join()
    memory.append(workers_rss_mb(server))
    return {
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "database": DATABASE_URL.split("://")[0],
        "workers": WORKERS,
        "connections": CONNECTIONS,
        "trivial": trivial,
        "pages": rows,
        "mix": mix,
        "worker_memory_mb": memory,
    }


def print_results(results):
    trivial = results["trivial"]["rate"]
    print(f"\ngunicorn, {WORKERS} workers, {CONNECTIONS} connections, wrk on the same machine")
    print(f"trivial view /helse/: {trivial:,.0f} req/s, p50 {results['trivial']['p50_ms']:.1f} ms")
    print("share: the kept page's rate over /helse/'s measured right before it (trivial req/s)")
    print(
        f"{'page':<24} {'req/s':>7} {'trivial':>7} {'share':>6} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'errors':>6}  {'uncached p50 ms (1 conn)':>24}"
    )
    failed = results["trivial"]["errors"] > 0
    for row in results["pages"]:
        cached, fresh, beside = row["cached"], row["uncached_1_conn"], row["trivial_beside"]
        share = cached["rate"] / beside["rate"]
        errors = cached["errors"] + fresh["errors"] + beside["errors"]
        ok = share >= TARGET_SHARE and errors == 0
        failed |= not ok
        print(
            f"{row['page']:<24} {cached['rate']:>7,.0f} {beside['rate']:>7,.0f} {share:>6.0%}"
            f" {cached['p50_ms']:>7.1f} {cached['p99_ms']:>7.1f} {errors:>6}"
            f"  {fresh['p50_ms']:>24.1f}{'' if ok else '  MISSED'}"
        )
    mix = results["mix"]
    failed |= mix["errors"] > 0
    print(
        f"\nmix of every page, {MIX_SECONDS} s, input posted every {SUBMIT_EVERY}th request: "
        f"{mix['rate']:,.0f} req/s ({mix['rate'] / trivial:.0%} of trivial), p50 "
        f"{mix['p50_ms']:.1f} ms, p99 {mix['p99_ms']:.1f} ms, errors {mix['errors']}"
    )
    memory = results["worker_memory_mb"]
    print(
        "workers' memory (MB) over the mix: "
        + " → ".join("/".join(f"{size:.0f}" for size in sample) for sample in memory)
    )
    print(f"took {results['seconds']} s; {'FAILED' if failed else 'all targets met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
