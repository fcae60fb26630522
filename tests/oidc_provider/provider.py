"""Starts the test OpenID provider (tests/oidc_provider/server.js) on a free port.

``npm ci`` installs it once into tests/oidc_provider/node_modules (git-ignored); CI
machines reach the npm registry.
"""

import os
import shutil
import socket
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.npm_packages import npm_installed

HERE = Path(__file__).resolve().parent
CLIENT_ID = "territoires-test"
CLIENT_SECRET = "un-secret-de-test-assez-long-pour-le-fournisseur"

# The SIRENs of the test agents' employers (server.js gives them as SIRETs).
COMMUNE_SIREN = "214401281"
EPCI_SIREN = "244400407"
DEPARTEMENT_SIREN = "224400028"
CCAS_SIRET = "26440130200012"


@dataclass
class RunningProvider:
    issuer: str

    @property
    def discovery_url(self) -> str:
        return self.issuer + "/.well-known/openid-configuration"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _installed() -> None:
    if shutil.which("node") is None:
        pytest.skip("Node.js absent: the test OpenID provider cannot run")
    npm_installed(HERE, "oidc-provider")


@contextmanager
def running_provider(*, site_url: str):
    """The provider, its client registered for ``site_url``'s callback and logout."""
    _installed()
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "REDIRECT_URI": site_url + "/compte/proconnect/retour/",
        "POST_LOGOUT_REDIRECT_URI": site_url + "/compte/connexion/",
    }
    process = subprocess.Popen(
        [shutil.which("node") or "node", "server.js"],
        cwd=HERE,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # Its last start-up line says it listens; an early exit ends the output.
        output = []
        for line in process.stdout:
            output.append(line)
            if "listening on" in line:
                break
        else:
            raise RuntimeError("the test OpenID provider did not start:\n" + "".join(output))
        yield RunningProvider(issuer=f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
