"""SECURITY.md lists every attack test of tests/security/, and only those that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_security_md_lists_every_attack_test():
    listed = set(re.findall(r"^\| `(test_\w+\.py)` \|", (ROOT / "SECURITY.md").read_text(), re.M))
    present = {path.name for path in (ROOT / "tests" / "security").glob("test_*.py")}

    assert listed == present
