"""The chart ↔ app contract, proven with the rendered chart and the real servers.

The chart (flask-app/) is rendered with the real Helm 4 binary for dev, staging, and
dev with the model volume on. The app container's environment is built from the
rendered Deployment as the kubelet builds it, on top of the image's own ENV from
app/Dockerfile; the pod's init containers run first; then the Dockerfile's CMD starts
uWSGI with that environment against real PostgreSQL and Redis.

What differs from a pod, and only this (the "documented overrides"):
- host:port in DATABASE_URL / REDIS_URL (and the migration init container's
  DB_HOST / DB_PORT) point at the loopback test servers instead of the cluster
  Services; user, database name and passwords are the rendered ones (the test
  servers get the rendered passwords);
- the container port is published on a free loopback port (as `docker run -p` would),
  because the tests share the machine's network; the probes' named port is resolved
  against the rendered containerPort and that number is checked against the image;
- paths map onto the machine: /app → app/, /opt/venv → the test venv, /opt/model → a
  model trained by model/train.py (as the image build does), each volume mount other
  than /tmp → a fresh directory; HOSTNAME is the pod name, as the runtime sets it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import yaml

from flask_app import __version__

from . import chart, dockerfile
from .chart import Manifest
from .servers import Postgres, Redis, free_port, stop_redis
from .uwsgi_server import APP_DIR, VENV_BIN, Uwsgi, http

NAMESPACE = "contract-test"
IMAGE = dockerfile.parse(APP_DIR / "Dockerfile")
CONTRACT_ENV = set(
    "APP_ENV FLASK_DEBUG LOG_LEVEL SECRET_KEY_FILE DATABASE_URL DATABASE_PASSWORD_FILE REDIS_URL REDIS_PASSWORD_FILE "
    "MODEL_ENABLED MODEL_PATH UWSGI_PROCESSES UWSGI_THREADS UWSGI_HARAKIRI METRICS_PORT".split()
)

# (id, values file, --set values, APP_ENV the pod must get)
VARIANTS = [
    ("dev", "values-dev.yaml", [], "development"),
    ("staging", "values-staging.yaml", [], "staging"),
    ("dev-model-volume", "values-dev.yaml", ["persistence.enabled=true", "replicaCount=1"], "development"),
    # External database (sslmode=require) and Redis, existing Secrets, read-only root, model volume.
    ("prod", "values-prod.yaml", [], "production"),
]


@dataclass
class Rendered:
    release: str
    app_env: str
    manifests: list[Manifest]
    pod: Manifest
    container: Manifest
    job_pod: Manifest
    job_container: Manifest
    # Test values for Secrets/ConfigMaps the pod references but the release does not render
    # (existingSecret): keyed by (kind, name, key).
    external: dict[tuple[str, str, str], str]

    @property
    def fields(self) -> dict[str, str]:
        return {
            "metadata.name": f"{self.release}-flask-app-0",
            "metadata.namespace": NAMESPACE,
            "status.podIP": "127.0.0.1",
        }

    def env_of(self, container: Manifest) -> dict[str, str]:
        return chart.container_env(container, self.manifests, external=self.external, fields=self.fields)

    def files_of(self, container: Manifest) -> dict[str, str]:
        """Secret files mounted into a container of the app pod or the Job pod."""
        pod = self.job_pod if container in self.job_pod["containers"] else self.pod
        return chart.volume_files(pod, container, self.manifests, self.external)

    def secret_file(self, container: Manifest, variable: str) -> str:
        """The content of the file a *_FILE variable of the container names."""
        return self.files_of(container)[self.env_of(container)[variable]]


@pytest.fixture(scope="module", params=VARIANTS, ids=[v[0] for v in VARIANTS])
def rendered(request: pytest.FixtureRequest) -> Rendered:
    name, values, sets, app_env = request.param
    release = f"contract-{name}"
    # The ServiceMonitor is switched on only to learn the metrics path from the chart.
    manifests = chart.render(release, NAMESPACE, [chart.CHART / values], [*sets, "serviceMonitor.enabled=true"])
    [deployment] = chart.find(manifests, "Deployment", **{"app.kubernetes.io/name": "flask-app"})
    pod = deployment["spec"]["template"]["spec"]
    [container] = [c for c in pod["containers"] if c["name"] == "flask-app"]
    hooks = [j for j in chart.find(manifests, "Job") if "helm.sh/hook" in j["metadata"].get("annotations", {})]
    [job] = [j for j in hooks if j["metadata"]["labels"].get("app.kubernetes.io/component") == "migrations"]
    job_pod = job["spec"]["template"]["spec"]
    [job_container] = job_pod["containers"]
    external = external_test_values(manifests, [*pod["containers"], *job_pod["containers"]], [pod, job_pod])
    return Rendered(release, app_env, manifests, pod, container, job_pod, job_container, external)


def external_test_values(
    manifests: list[Manifest], containers: list[Manifest], pods: list[Manifest]
) -> dict[tuple[str, str, str], str]:
    """A value for every reference to an object the release does not render, as an operator
    would have created it. Passwords get every character that could break a URL."""
    values: dict[tuple[str, str, str], str] = {}
    for pod in pods:
        for name, key in chart.secret_volume_refs(pod):
            rendered = chart.data_of(manifests, "Secret", name)
            if rendered is None or key not in rendered:
                secret = "password" in key
                value = f"{name}:p@ss/w%rd#?&= é" if secret else f"test-{name}-{key}-" + "x" * 32
                values[("Secret", name, key)] = value
    for container in containers:
        for item in container.get("env") or []:
            source = item.get("valueFrom") or {}
            for kind, field in (("Secret", "secretKeyRef"), ("ConfigMap", "configMapKeyRef")):
                if field not in source:
                    continue
                ref = source[field]
                rendered = chart.data_of(manifests, kind, ref["name"])
                if rendered is None or ref["key"] not in rendered:
                    secret = "password" in ref["key"]
                    value = (
                        f"{ref['name']}:p@ss/w%rd#?&= é" if secret else f"test-{ref['name']}-{ref['key']}-" + "x" * 32
                    )
                    values[(kind, ref["name"], ref["key"])] = value
    return values


class PathMap:
    """Image and volume paths → directories on this machine."""

    def __init__(self, model_dir: Path, volumes: dict[str, Path]) -> None:
        venv = Path(sys.executable).parent.parent
        self.map = {"/opt/venv": venv, "/opt/model": model_dir, "/app": APP_DIR, **volumes}

    def __call__(self, value: str) -> str:
        for image_path, local in sorted(self.map.items(), key=lambda kv: -len(kv[0])):
            value = re.sub(rf"(?<![\w./-]){re.escape(image_path)}(?=/|:|\"|'|\s|$)", str(local), value)
        return value


def _to_loopback(url: str, port: int) -> str:
    parts = urlsplit(url)
    user = parts.netloc.rpartition("@")[0]
    netloc = f"{user}@127.0.0.1:{port}" if user else f"127.0.0.1:{port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def pod_env(rendered: Rendered, container: Manifest, paths: PathMap) -> dict[str, str]:
    """Image ENV, HOSTNAME as the runtime sets it, then the container's env from the render."""
    env = {k: paths(v) for k, v in IMAGE.env.items()}
    env["HOSTNAME"] = rendered.fields["metadata.name"]
    env.update({k: paths(v) for k, v in rendered.env_of(container).items()})
    return env


@dataclass
class Backends:
    postgres: Postgres
    redis: Redis
    db_user: str
    db_name: str

    def override(self, env: dict[str, str]) -> dict[str, str]:
        out = dict(env)
        out["DATABASE_URL"] = _to_loopback(env["DATABASE_URL"], self.postgres.port)
        out["REDIS_URL"] = _to_loopback(env["REDIS_URL"], self.redis.port)
        return out


@pytest.fixture(scope="module")
def backends(rendered: Rendered, postgres: Postgres) -> Iterator[Backends]:
    """The session PostgreSQL with the rendered role and an empty database, and a Redis
    with the rendered password."""
    env = rendered.env_of(rendered.container)
    db = urlsplit(env["DATABASE_URL"])
    user, name = db.username or "", db.path.lstrip("/")
    postgres.create_role(user, rendered.secret_file(rendered.container, "DATABASE_PASSWORD_FILE"), name)
    root = postgres.root.parent / f"fhw-contract-redis-{os.getpid()}-{rendered.release}"
    root.mkdir()
    redis = Redis(port=free_port(), root=root, password=rendered.secret_file(rendered.container, "REDIS_PASSWORD_FILE"))
    redis.start()
    try:
        yield Backends(postgres, redis, user, name)
    finally:
        stop_redis(redis)


@pytest.fixture()
def paths(rendered: Rendered, trained_model: Path, tmp_path: Path) -> PathMap:
    volumes = {}
    for container in (rendered.container, rendered.job_container):
        for mount in container.get("volumeMounts") or []:
            if mount["mountPath"] != "/tmp" and mount["mountPath"] not in volumes:
                volumes[mount["mountPath"]] = tmp_path / f"volume-{mount['name']}"
                volumes[mount["mountPath"]].mkdir()
    mapped = PathMap(trained_model.parent, volumes)
    # The kubelet writes the Secret files of the secrets volume; here the test does.
    for container in (rendered.container, rendered.job_container):
        for path, content in rendered.files_of(container).items():
            Path(mapped(path)).write_text(content, encoding="utf-8")
    return mapped


def run_container(container: Manifest, env: dict[str, str], paths: PathMap) -> subprocess.CompletedProcess[str]:
    """A run-to-completion container: its command (or the image CMD), resolved through the image PATH."""
    argv = [paths(part) for part in [*(container.get("command") or IMAGE.cmd), *(container.get("args") or [])]]
    return subprocess.run(
        argv, env=env, cwd=paths(IMAGE.workdir), capture_output=True, text=True, timeout=180, check=False
    )


def test_the_image_matches_the_rendered_pod(rendered: Rendered) -> None:
    http_port = chart.port_number(rendered.container, "http")
    assert http_port == int(IMAGE.env["PORT"]) and str(http_port) in IMAGE.exposed
    uid, gid = (int(x) for x in IMAGE.user.split(":"))
    assert rendered.pod["securityContext"]["runAsUser"] == uid and rendered.pod["securityContext"]["runAsGroup"] == gid
    # The chart's default image is this app at the chart's appVersion.
    app_version = yaml.safe_load((chart.CHART / "Chart.yaml").read_text())["appVersion"]
    assert rendered.container["image"] == f"flask-app:{app_version}" and __version__ == app_version
    # A locally built image exists only in the node: dev and staging must not insist on pulling.
    # (values-prod.yaml pulls Always, from a registry.)
    expected_policy = "Always" if rendered.app_env == "production" else "IfNotPresent"
    assert rendered.container["imagePullPolicy"] == expected_policy
    env = rendered.env_of(rendered.container)
    # Every variable the chart sets is one the app reads: nothing silently ignored.
    assert set(env) <= CONTRACT_ENV, set(env) - CONTRACT_ENV
    assert env["APP_ENV"] == rendered.app_env
    # Passwords reach the app only through the Secret-backed variables.
    assert urlsplit(env["DATABASE_URL"]).password is None and urlsplit(env["REDIS_URL"]).password is None
    mounts = {m["mountPath"] for m in rendered.container.get("volumeMounts") or []}
    assert "/tmp" in mounts  # the only writable place the app needs
    # The secrets arrive as files of one read-only mount; every *_FILE names one of them.
    secret_files = rendered.files_of(rendered.container)
    for name in ("SECRET_KEY_FILE", "DATABASE_PASSWORD_FILE", "REDIS_PASSWORD_FILE"):
        assert env[name] in secret_files, name
    [secrets_dir] = {path.rsplit("/", 1)[0] for path in secret_files}
    mounts.discard(secrets_dir)
    if len(mounts) == 1:
        # No model volume: the chart points MODEL_PATH at the copy baked into the image.
        assert env["MODEL_PATH"] == IMAGE.env["MODEL_PATH"]
    else:
        assert any(env["MODEL_PATH"].startswith(m + "/") for m in mounts - {"/tmp"})


def test_probes_and_metrics_answer_200_on_the_rendered_port(
    rendered: Rendered, backends: Backends, paths: PathMap
) -> None:
    # Init containers first, as the kubelet runs them (model-init seeds the volume).
    for init in rendered.pod.get("initContainers") or []:
        done = run_container(init, pod_env(rendered, init, paths), paths)
        assert done.returncode == 0, f"init container {init['name']}: {done.stdout}{done.stderr}"

    env = backends.override(pod_env(rendered, rendered.container, paths))
    assert Path(env["MODEL_PATH"]).is_file(), env["MODEL_PATH"]
    published = free_port()
    env["PORT"] = str(published)  # the rendered containerPort, published on a free loopback port
    metrics_port = chart.port_number(rendered.container, "metrics")
    assert env["METRICS_PORT"] == str(metrics_port)  # the app listens where the chart declares it
    published_metrics = free_port()
    env["METRICS_PORT"] = str(published_metrics)
    probes = {
        k: rendered.container[k]["httpGet"]
        for k in ("startupProbe", "livenessProbe", "readinessProbe")
        if k in rendered.container
    }
    assert {"livenessProbe", "readinessProbe"} <= set(probes)
    [monitor] = chart.find(rendered.manifests, "ServiceMonitor")
    [endpoint] = monitor["spec"]["endpoints"]
    assert endpoint["port"] == "metrics"  # Service port name → targetPort metrics → the container port
    checks = {k: (p["path"], chart.port_number(rendered.container, p["port"])) for k, p in probes.items()}

    cmd = [paths(part) for part in IMAGE.cmd]
    assert cmd == ["uwsgi", "--ini", str(APP_DIR / "uwsgi.ini")]  # what Uwsgi() runs, through the image PATH
    assert str(VENV_BIN) == env["PATH"].split(":")[0]
    before = _files(APP_DIR, Path(env["MODEL_PATH"]).parent)
    base = f"http://127.0.0.1:{published}"
    with Uwsgi(env, port=published) as server:
        # /metrics answers on the metrics port only: the app port (Ingress, route) gets 404.
        assert http("GET", base + endpoint["path"]).status == 404
        metrics_base = f"http://127.0.0.1:{published_metrics}"
        for kind, (path, container_port) in checks.items():
            assert container_port == int(IMAGE.env["PORT"])
            timeout = float(rendered.container.get(kind, {}).get("timeoutSeconds", 3))
            resp = http("GET", base + path, timeout=timeout)
            assert resp.status == 200, f"{kind} {path}: {resp.status} {resp.body[:300]!r}\n{server.log()[-2000:]}"
        assert http("GET", base + "/ready").json() == {"status": "ready", "checks": {"database": "ok", "redis": "ok"}}
        metrics = http("GET", metrics_base + endpoint["path"]).body.decode()
        assert 'flask_app_http_requests_total{endpoint="/ready",method="GET",status="200"}' in metrics
        assert http("GET", base + "/").json()["environment"] == rendered.app_env
        predicted = http("POST", base + "/predict", {"features": [5.1, 3.5, 1.4, 0.2]})
        assert predicted.status == 200, predicted.body
    # The root filesystem is read-only in a pod: serving wrote nothing outside /tmp.
    assert _files(APP_DIR, Path(env["MODEL_PATH"]).parent) == before


def _files(*roots: Path) -> set[Path]:
    # app/tests and app/model belong to the test run and to app-venv.sh, not to the server.
    skip = {"tests", "model"}
    return {p for root in roots for p in root.rglob("*") if not skip & set(p.relative_to(root).parts[:1])}


def test_the_rendered_migration_job_succeeds(rendered: Rendered, backends: Backends, paths: PathMap) -> None:
    for init in rendered.job_pod.get("initContainers") or []:
        env = pod_env(rendered, init, paths)
        if "DB_HOST" in env:  # wait-for-database: the loopback server instead of the Service
            env["DB_HOST"], env["DB_PORT"] = "127.0.0.1", str(backends.postgres.port)
        done = run_container(init, env, paths)
        assert done.returncode == 0, f"init container {init['name']}: {done.stdout}{done.stderr}"

    container = rendered.job_container
    assert [*(container.get("command") or []), *(container.get("args") or [])] == ["flask", "db", "upgrade"]
    env = backends.override(pod_env(rendered, container, paths))
    done = run_container(container, env, paths)
    assert done.returncode == 0, done.stdout + done.stderr
    postgres = backends.postgres
    assert postgres.psql("SELECT version_num FROM alembic_version;", backends.db_name).strip() == "0001"
    owner = postgres.psql("SELECT tableowner FROM pg_tables WHERE tablename = 'prediction_log';", backends.db_name)
    assert owner.strip() == backends.db_user
