"""Test tools published on the npm registry (a real OpenID provider, the Nu HTML checker),
installed once per folder from its lock file into its git-ignored node_modules."""

import fcntl
import shutil
import subprocess
from pathlib import Path

import pytest


def npm_installed(folder: Path, package: str) -> Path:
    """``folder``/node_modules/``package``, installed by ``npm ci`` when missing; skips
    the test when npm is absent (callers that must not skip in CI check it first)."""
    installed = folder / "node_modules" / package
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"npm absent : {package} ne peut être installé")
    # Several pytest-xdist workers may get here at once: one installs, the others wait.
    with open(folder / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not installed.is_dir():
            subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=folder,
                check=True,
                timeout=300,
            )
    return installed
