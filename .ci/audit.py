"""Audits the locked dependencies for known vulnerabilities (pip-audit, PyPI advisories).

Fails on any known vulnerability. When the advisory service cannot be reached
(a closed network), every package comes back unaudited: that is reported loudly
but does not fail the run, because it says nothing about our dependencies.
"""

import json
import subprocess
import sys
from pathlib import Path

LOCKS = ["requirements/production.lock", "requirements/dev.lock"]


def audit(lock: str) -> int:
    result = subprocess.run(  # noqa: S603
        [
            str(Path(sys.executable).parent / "pip-audit"),
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "-r",
            lock,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except ValueError:
        print(result.stdout, result.stderr, sep="\n")
        return 1
    packages = report.get("dependencies", [])
    vulnerable = [p for p in packages if p.get("vulns")]
    audited = [p for p in packages if "skip_reason" not in p]
    for package in vulnerable:
        ids = ", ".join(v["id"] for v in package["vulns"])
        print(f"VULNERABLE {package['name']} {package['version']}: {ids}")
    if vulnerable:
        return 1
    if not audited:
        print(f"WARNING {lock}: advisory service unreachable, {len(packages)} packages not audited")
    else:
        print(f"{lock}: {len(audited)} packages audited, no known vulnerability")
    return 0


if __name__ == "__main__":
    sys.exit(max(audit(lock) for lock in LOCKS))
