"""The compose stack, read as YAML (CI runs `docker compose config` where Docker has compose)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("web", "worker", "beat")
# What a credential looks like once written in the file rather than read from .env.
SECRET_NAMES = re.compile(r"PASSWORD|SECRET|_KEY", re.IGNORECASE)
# Read from .env: required (with its message) or optional with an empty default.
FROM_ENV_FILE = re.compile(r"^\$\{[A-Z_]+(:\?[^}]+|:-)\}$")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def test_stack_services_each_with_a_health_check_but_the_one_shot_migrate(services):
    assert set(services) == {*APP_SERVICES, "migrate", "proxy", "db", "redis", "broker", "s3"}
    for name, service in services.items():
        if name != "migrate":
            assert service["healthcheck"]["test"], name


def test_migrations_run_once_before_web_worker_and_beat(services):
    migrate = services["migrate"]
    assert migrate["command"] == "python manage.py migrate --noinput"
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    for name in APP_SERVICES:
        assert "migrate" not in services[name]["command"], name
        depends_on = services[name]["depends_on"]
        assert depends_on["migrate"]["condition"] == "service_completed_successfully", name
        assert depends_on["db"]["condition"] == "service_healthy", name


def test_app_services_run_gunicorn_celery_worker_and_beat(services):
    assert services["web"]["command"] == (
        "gunicorn --config deploy/gunicorn.conf.py territoires.wsgi"
    )
    assert services["worker"]["command"].startswith("celery -A territoires worker")
    assert services["beat"]["command"].startswith("celery -A territoires beat")
    for name in ("migrate", *APP_SERVICES):
        assert services[name]["build"] == "."
        env = services[name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "territoires.settings.production"
        assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]


def test_cache_and_broker_use_separate_redis_servers(services):
    env = services["web"]["environment"]
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert env["CELERY_BROKER_URL"] == "redis://broker:6379/0"
    for name in APP_SERVICES:
        assert services[name]["depends_on"]["broker"]["condition"] == "service_healthy"


def test_the_cache_is_bounded_and_the_broker_never_evicts(services):
    """Query strings cannot fill the cache's memory; a full cache never drops a task."""
    cache = services["redis"]["command"]
    assert re.search(r"--maxmemory \S+", cache)
    assert "--maxmemory-policy allkeys-lru" in cache
    broker = services["broker"]["command"]
    assert "--maxmemory-policy noeviction" in broker and "--appendonly yes" in broker
    assert "redisdata:/data" in services["broker"]["volumes"]


def test_files_go_to_the_object_store_of_the_stack(services):
    env = services["web"]["environment"]
    assert env["AWS_S3_ENDPOINT_URL"] == "http://s3:8333"
    assert env["AWS_STORAGE_BUCKET_NAME"] != env["AWS_PRIVATE_BUCKET_NAME"]
    assert env["AWS_S3_CUSTOM_DOMAIN"].endswith("/media")
    s3 = services["s3"]
    assert s3["image"].startswith("chrislusf/seaweedfs:")
    assert "weed server -dir=/data -s3" in s3["command"][0]
    assert '"Read:$$PUBLIC_BUCKET"' in s3["command"][0]
    assert "s3data:/data" in s3["volumes"]


def test_no_credential_is_written_in_the_file(compose, services):
    text = (ROOT / "docker-compose.yml").read_text()
    assert "territoires:territoires@" not in text
    for name, service in services.items():
        for key, value in service.get("environment", {}).items():
            if SECRET_NAMES.search(key) and value:
                assert FROM_ENV_FILE.match(str(value)), f"{name}.{key} = {value}"
    assert "${POSTGRES_PASSWORD:?" in services["web"]["environment"]["DATABASE_URL"]


def test_beat_health_check_asks_the_scheduler_itself(services):
    beat = services["beat"]
    assert "--enable-remote-control" in beat["command"]
    check = " ".join(beat["healthcheck"]["test"])
    assert "inspect ping --destination celerybeat@$$HOSTNAME" in check
    assert "test -f" not in check


def test_web_scales_behind_the_proxy(services):
    assert "ports" not in services["web"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert {port.split(":")[-1] for port in proxy["ports"]} == {"80", "443"}
    caddyfile = (ROOT / "deploy/Caddyfile").read_text()
    assert "dynamic a web 8000" in caddyfile
    assert "reverse_proxy s3:8333" in caddyfile
    assert "{$AWS_STORAGE_BUCKET_NAME}" in caddyfile and "PRIVATE" not in caddyfile


def test_data_lives_in_named_volumes(compose, services):
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert "beat:/app/var/beat" in services["beat"]["volumes"]
    assert {"pgdata", "redisdata", "s3data", "beat", "caddy-data"} <= set(compose["volumes"])


def test_env_example_lists_every_variable_the_file_requires():
    required = set(re.findall(r"\$\{([A-Z_]+):\?", (ROOT / "docker-compose.yml").read_text()))
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    assert required and required <= listed
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_the_proxy_strips_underscore_headers_caps_bodies_and_names_no_server():
    caddyfile = (ROOT / "deploy/Caddyfile").read_text()
    assert re.search(r"^\s*request_header -\*_\*$", caddyfile, re.MULTILINE)
    # The proxy refuses exactly what the site would refuse (MAX_UPLOAD_SIZE, in MiB).
    mebibytes = settings.MAX_UPLOAD_SIZE // 1024**2
    assert re.search(rf"request_body \{{\s*max_size {mebibytes}MiB\s*\}}", caddyfile)
    assert re.search(r"^\s*header -Server$", caddyfile, re.MULTILINE)


def test_image_runs_gunicorn_with_its_configuration():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert (
        'CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "territoires.wsgi"]' in dockerfile
    )
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert "deploy" not in ignored and "deploy/gunicorn.conf.py" not in ignored


def test_image_installs_from_the_lock_and_collects_static_files_at_build():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    assert "--require-hashes -r requirements/production.lock" in dockerfile
    assert "manage.py collectstatic --noinput" in dockerfile


def test_image_leaves_out_tests_benchmarks_ci_and_local_data():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {"tests", "bench", ".ci", "var", ".venv", ".tools", ".git", ".env"} <= set(ignored)


DOCKER = shutil.which("docker")


def compose_available() -> bool:
    if not DOCKER:
        return False
    return subprocess.run([DOCKER, "compose", "version"], capture_output=True).returncode == 0


@pytest.mark.skipif(not compose_available(), reason="docker compose is not installed here")
def test_docker_compose_accepts_the_file_once_env_is_filled_in(tmp_path):
    secrets = {"SECRET_KEY": "x" * 64, "POSTGRES_PASSWORD": "p"}
    secrets |= {"AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"}
    example = (ROOT / ".env.example").read_text()
    filled = example
    for name, value in secrets.items():
        filled = filled.replace(f"\n{name}=\n", f"\n{name}={value}\n")
    (tmp_path / ".env").write_text(filled)
    # Variables of the caller's shell would win over the file.
    env = {k: v for k, v in os.environ.items() if k not in secrets and not k.startswith("SITE_")}

    def config(env_file):
        command = [DOCKER, "compose", "--env-file", str(env_file), "config", "--quiet"]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)

    assert config(tmp_path / ".env").returncode == 0
    refused = config(ROOT / ".env.example")
    assert refused.returncode != 0 and "in .env" in refused.stderr
