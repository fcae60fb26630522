"""Run every benchmark under bench/ and print one Markdown table of ratios.

Each ``bench/bench_*.py`` module measures our code and a reference in the same
run, so the ratio holds on any machine. Django is configured once per process,
so each module runs in its own (``python -m bench.bench_x --json``): one can use
SQLite and another PostgreSQL. A module that is skipped or fails gets a line
under the table; the others still make it into the table.

``bench/run.py pages`` runs only the modules whose name contains « pages ».
"""

import json
import os
import platform
import signal
import subprocess
import sys
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


def run_module(stem: str) -> tuple[list, str | None, bool]:
    """Results of one module run in its own process, a note if it was skipped or
    failed, and whether it ran to its end."""
    from bench.common import Result

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
        return [], f"{stem}: stopped after {TIMEOUT_SECONDS // 60} minutes", False
    if process.returncode != 0:
        return [], f"{stem}: failed (exit status {process.returncode}), see above", False
    data = json.loads(output.strip().splitlines()[-1])
    return [Result.from_dict(row) for row in data["results"]], data["skipped"], True


def main(argv: list[str]) -> int:
    from bench.common import format_table

    results, notes, failed = [], [], False
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        if argv and not any(word in path.stem for word in argv):
            continue
        print(f"… {path.stem}", file=sys.stderr, flush=True)
        rows, note, finished = run_module(path.stem)
        results.extend(rows)
        failed = failed or not finished
        if note:
            print(f"… {note}", file=sys.stderr, flush=True)
            notes.append(note)
    print(f"# Benchmarks\n\nMachine: {machine()}\n")
    print(format_table(results))
    if notes:
        print()
        for note in notes:
            print(f"- {note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
