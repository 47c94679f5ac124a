"""The chart ↔ app contract, proven with the rendered chart and the real servers.

The chart (flask-app/, dev values) is rendered with the real Helm 4 binary. The app
container's environment is built from the rendered Deployment as the kubelet would
build it, on top of the image's own ENV from app/Dockerfile, and the app is started
with the Dockerfile's CMD under uWSGI against real PostgreSQL and Redis.

What differs from a pod, and only this (the "documented overrides"):
- host:port in DATABASE_URL / REDIS_URL (and the migration init container's
  DB_HOST / DB_PORT) point at the loopback test servers instead of the cluster
  Services; user, database name and passwords are the rendered ones;
- the container port is published on a free loopback port (as `docker run -p` would),
  because the tests share the machine's network; the probes' named port is resolved
  against the rendered containerPort and that number is checked against the image;
- image paths map onto the checkout: /app → app/, /opt/venv → the test venv,
  /opt/model → a model trained by model/train.py (as the image build does).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from . import chart, dockerfile
from .chart import Manifest
from .servers import Postgres, Redis, free_port, start_redis, stop_redis
from .uwsgi_server import APP_DIR, VENV_BIN, Uwsgi, http

RELEASE = "contract"
NAMESPACE = "contract-test"
IMAGE = dockerfile.parse(APP_DIR / "Dockerfile")
FIELDS = {"metadata.name": f"{RELEASE}-flask-app-0", "metadata.namespace": NAMESPACE, "status.podIP": "127.0.0.1"}


@dataclass
class Rendered:
    manifests: list[Manifest]
    deployment: Manifest
    container: Manifest
    job: Manifest
    job_container: Manifest


@pytest.fixture(scope="module")
def rendered() -> Rendered:
    # The ServiceMonitor is switched on only to learn the metrics path from the chart.
    manifests = chart.render(RELEASE, NAMESPACE, [chart.CHART / "values-dev.yaml"], ["serviceMonitor.enabled=true"])
    [deployment] = chart.find(manifests, "Deployment", **{"app.kubernetes.io/name": "flask-app"})
    [container] = [c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "flask-app"]
    jobs = [j for j in chart.find(manifests, "Job") if "helm.sh/hook" in j["metadata"].get("annotations", {})]
    [job] = [j for j in jobs if j["metadata"]["labels"].get("app.kubernetes.io/component") == "migrations"]
    [job_container] = job["spec"]["template"]["spec"]["containers"]
    return Rendered(manifests, deployment, container, job, job_container)


def _map_path(value: str, model_dir: Path) -> str:
    venv = str(Path(sys.executable).parent.parent)
    for image_path, local in (("/opt/venv", venv), ("/opt/model", str(model_dir)), ("/app", str(APP_DIR))):
        value = ":".join(local + part[len(image_path):] if part == image_path or part.startswith(image_path + "/") else part for part in value.split(":"))
    return value


def _to_loopback(url: str, port: int) -> str:
    parts = urlsplit(url)
    user = parts.netloc.rpartition("@")[0]
    return urlunsplit((parts.scheme, f"{user}@127.0.0.1:{port}" if user else f"127.0.0.1:{port}", parts.path, parts.query, parts.fragment))


def pod_env(container: Manifest, rendered: Rendered, model_dir: Path) -> dict[str, str]:
    """Image ENV, then the container's env from the render, with paths mapped."""
    env = {k: _map_path(v, model_dir) for k, v in IMAGE.env.items()}
    resolved = chart.container_env(container, rendered.manifests, external={}, fields=FIELDS)
    env.update({k: _map_path(v, model_dir) for k, v in resolved.items()})
    return env


@dataclass
class Backends:
    postgres: Postgres
    redis: Redis
    db_user: str
    db_name: str


@pytest.fixture(scope="module")
def backends(rendered: Rendered, postgres: Postgres) -> Iterator[Backends]:
    """The session PostgreSQL with the rendered role, and a Redis with the rendered password."""
    env = chart.container_env(rendered.container, rendered.manifests, external={}, fields=FIELDS)
    db = urlsplit(env["DATABASE_URL"])
    user, name = db.username or "", db.path.lstrip("/")
    postgres.create_role(user, env["DATABASE_PASSWORD"], name)
    redis = Redis(port=free_port(), root=Path(postgres.root.parent / f"fhw-contract-redis-{os.getpid()}"), password=env["REDIS_PASSWORD"])
    redis.root.mkdir()
    redis.start()
    try:
        yield Backends(postgres, redis, user, name)
    finally:
        stop_redis(redis)


def _override(env: dict[str, str], backends: Backends) -> dict[str, str]:
    out = dict(env)
    out["DATABASE_URL"] = _to_loopback(env["DATABASE_URL"], backends.postgres.port)
    out["REDIS_URL"] = _to_loopback(env["REDIS_URL"], backends.redis.port)
    return out


def _image_cmd(model_dir: Path) -> list[str]:
    return [_map_path(part, model_dir) for part in IMAGE.cmd]


def test_the_image_matches_the_rendered_pod(rendered: Rendered) -> None:
    pod = rendered.deployment["spec"]["template"]["spec"]
    http_port = chart.port_number(rendered.container, "http")
    assert http_port == int(IMAGE.env["PORT"]) and f"{http_port}" in IMAGE.exposed
    uid, gid = (int(x) for x in IMAGE.user.split(":"))
    assert pod["securityContext"]["runAsUser"] == uid and pod["securityContext"]["runAsGroup"] == gid
    assert rendered.container["image"].split(":")[0] == "flask-app"
    # Every variable the chart sets is one the app reads (nothing silently ignored).
    contract = {"APP_ENV", "FLASK_DEBUG", "LOG_LEVEL", "SECRET_KEY", "DATABASE_URL", "DATABASE_PASSWORD", "REDIS_URL",
                "REDIS_PASSWORD", "MODEL_ENABLED", "MODEL_PATH", "UWSGI_PROCESSES", "UWSGI_THREADS", "UWSGI_HARAKIRI"}  # fmt: skip
    env = chart.container_env(rendered.container, rendered.manifests, external={}, fields=FIELDS)
    assert set(env) <= contract, set(env) - contract
    # Passwords reach the app only through the Secret-backed variables.
    assert urlsplit(env["DATABASE_URL"]).password is None and urlsplit(env["REDIS_URL"]).password is None
    # Dev has no model volume: the chart points MODEL_PATH at the copy baked into the image.
    assert env["MODEL_PATH"] == IMAGE.env["MODEL_PATH"]


def test_probes_and_metrics_answer_200_on_the_rendered_port(
    rendered: Rendered, backends: Backends, trained_model: Path
) -> None:
    model_dir = trained_model.parent
    env = _override(pod_env(rendered.container, rendered, model_dir), backends)
    assert Path(env["MODEL_PATH"]).exists(), env["MODEL_PATH"]
    # Publish the rendered container port on a free loopback port.
    published = free_port()
    env["PORT"] = str(published)
    probes = {
        kind: rendered.container[kind]["httpGet"]
        for kind in ("startupProbe", "livenessProbe", "readinessProbe")
        if kind in rendered.container
    }
    assert {"livenessProbe", "readinessProbe"} <= set(probes)
    [monitor] = chart.find(rendered.manifests, "ServiceMonitor")
    [endpoint] = monitor["spec"]["endpoints"]
    assert endpoint["port"] == "http"  # Service port name → targetPort http → this container port
    checks = {kind: (probe["path"], chart.port_number(rendered.container, probe["port"])) for kind, probe in probes.items()}
    checks["metrics"] = (endpoint["path"], chart.port_number(rendered.container, "http"))

    server = Uwsgi(env, port=published)
    cmd = _image_cmd(model_dir)
    assert cmd[:2] == ["uwsgi", "--ini"]
    assert Path(cmd[2]) == APP_DIR / "uwsgi.ini"
    with server:
        for kind, (path, container_port) in checks.items():
            assert container_port == int(IMAGE.env["PORT"])
            resp = http("GET", f"http://127.0.0.1:{published}{path}", timeout=float(rendered.container.get(kind, {}).get("timeoutSeconds", 3)))
            assert resp.status == 200, f"{kind} {path}: {resp.status} {resp.body[:300]!r}\n{server.log()[-2000:]}"
        ready = http("GET", f"http://127.0.0.1:{published}/ready").json()
        assert ready == {"status": "ready", "checks": {"database": "ok", "redis": "ok"}}
        metrics = http("GET", f"http://127.0.0.1:{published}{endpoint['path']}").body.decode()
        assert 'flask_app_http_requests_total{endpoint="/ready",method="GET",status="200"}' in metrics
        # The environment the chart chose is the one the app reports.
        assert http("GET", f"http://127.0.0.1:{published}/").json()["environment"] == env["APP_ENV"]
        predicted = http("POST", f"http://127.0.0.1:{published}/predict", {"features": [5.1, 3.5, 1.4, 0.2]})
        assert predicted.status == 200, predicted.body


def test_the_rendered_migration_job_succeeds(rendered: Rendered, backends: Backends, trained_model: Path) -> None:
    model_dir = trained_model.parent
    spec = rendered.job["spec"]["template"]["spec"]
    cwd = Path(_map_path(IMAGE.workdir, model_dir))

    # Init containers first, as the kubelet runs them (the wait-for-database step).
    for init in spec.get("initContainers") or []:
        env = pod_env(init, rendered, model_dir)
        if "DB_HOST" in env:
            env["DB_HOST"], env["DB_PORT"] = "127.0.0.1", str(backends.postgres.port)
        done = subprocess.run(
            [_map_path(init["command"][0], model_dir), *init["command"][1:]],
            env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, f"init container {init['name']}: {done.stdout}{done.stderr}"

    container = rendered.job_container
    env = _override(pod_env(container, rendered, model_dir), backends)
    command = [*container.get("command", []), *container.get("args", [])] or IMAGE.cmd
    assert command == ["flask", "db", "upgrade"]
    # Resolved through the image's PATH, as the container runtime would.
    executable = VENV_BIN / command[0]
    assert executable.exists() and str(VENV_BIN) in env["PATH"].split(":")
    done = subprocess.run(
        [str(executable), *command[1:]], env=env, cwd=cwd, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    postgres = backends.postgres
    assert postgres.psql("SELECT version_num FROM alembic_version;", backends.db_name).strip() == "0001"
    owner = postgres.psql("SELECT tableowner FROM pg_tables WHERE tablename = 'prediction_log';", backends.db_name)
    assert owner.strip() == backends.db_user
