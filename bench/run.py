"""Run every benchmark under bench/ and print one Markdown table of ratios.

Each ``bench/bench_*.py`` module exposes ``run() -> list[Result]``: our code and
a reference measured in the same run, so the ratio holds on any machine.
"""

import importlib
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


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


def main() -> int:
    from bench.common import format_table

    results = []
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        module = importlib.import_module(f"bench.{path.stem}")
        print(f"… {path.stem}", file=sys.stderr)
        results.extend(module.run())
    print(f"# Benchmarks\n\nMachine: {machine()}\n")
    print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
