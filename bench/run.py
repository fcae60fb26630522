"""Run every benchmark under bench/ and print one Markdown report.

Most ``bench/bench_*.py`` modules measure our code and a reference in the same
run, so the ratio holds on any machine: they make the first table. The load test
and the fault tests run the production-like stack and add a table of latencies
under load (p50/p95/p99, errors) and one of checks. Django is configured once per
process, so each module runs in its own (``python -m bench.bench_x --json``): one
can use SQLite and another PostgreSQL. A module that is skipped or fails gets a
line under the tables; the others still make it into them. Server errors, requests
left without an answer and failed checks are listed first, in bold, and make the
exit status 1.

The report is printed and written to ``var/bench-report.md`` (BENCH_REPORT).
``bench/run.py pages`` runs only the modules whose name contains « pages ».
"""

import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIMEOUT_SECONDS = 15 * 60


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def run_module(stem: str):
    """The Report of one module run in its own process, a note if it was skipped or
    failed, and whether it ran to its end."""
    from bench.common import Report

    # Its own process group: on timeout, the module and any server it started go together.
    process = subprocess.Popen(  # noqa: S603 — our own interpreter and module
        [sys.executable, "-m", f"bench.{stem}", "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
        return Report(), f"{stem}: stopped after {TIMEOUT_SECONDS // 60} minutes", False
    if process.returncode != 0:
        return Report(), f"{stem}: failed (exit status {process.returncode}), see above", False
    data = json.loads(output.strip().splitlines()[-1])
    return Report.from_json(data), data["skipped"], True


def main(argv: list[str]) -> int:
    from bench.common import Report, format_checks, format_load_table, format_table

    report, skipped, failed = Report(), [], False
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        if argv and not any(word in path.stem for word in argv):
            continue
        print(f"… {path.stem}", file=sys.stderr, flush=True)
        started = time.monotonic()
        found, note, finished = run_module(path.stem)
        print(f"… {path.stem}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
        report.extend(found)
        failed = failed or not finished
        if note:
            print(f"… {note}", file=sys.stderr, flush=True)
            skipped.append(note)
    lines = [f"# Benchmarks\n\nMachine: {machine()}\n"]
    problems = report.problems()
    if problems:
        lines += ["**PROBLEMS**\n", *(f"- **{problem}**" for problem in problems), ""]
    if report.results:
        lines += ["## Our code against a reference\n", format_table(report.results), ""]
    if report.load:
        lines += [
            "## Under load: production-like stack\n",
            format_load_table(report.load),
            "",
        ]
    if report.checks:
        lines += ["## Load and fault checks\n", format_checks(report.checks), ""]
    notes = report.notes + skipped
    if notes:
        lines += [f"- {note}" for note in notes]
    text = "\n".join(lines).rstrip() + "\n"
    print(text, end="")
    destination = Path(os.environ.get("BENCH_REPORT") or ROOT / "var" / "bench-report.md")
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(text)
    print(f"… report written to {destination}", file=sys.stderr)
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
