"""/, /health and /ready against the real PostgreSQL and Redis."""

from __future__ import annotations

import json
import time

from flask_app import __version__, create_app

from .proxy import FreezableProxy
from .servers import Postgres, Redis


def test_index_names_the_app_version_and_environment(bare_client) -> None:
    resp = bare_client.get("/")
    assert resp.status_code == 200
    assert resp.get_json() == {"name": "flask-app", "version": __version__, "environment": "development"}


def test_health_answers_without_any_dependency(bare_client) -> None:
    resp = bare_client.get("/health")
    assert resp.status_code == 200 and resp.get_json() == {"status": "ok"}


def test_ready_without_configured_dependencies_is_200(bare_client) -> None:
    resp = bare_client.get("/ready")
    assert resp.status_code == 200
    assert resp.get_json() == {"status": "ready", "checks": {}}


def test_ready_checks_postgres_and_redis_with_their_passwords(client) -> None:
    resp = client.get("/ready")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.get_json()["checks"] == {"database": "ok", "redis": "ok"}


def test_ready_is_503_naming_the_database_while_postgres_is_stopped(client, postgres: Postgres) -> None:
    assert client.get("/ready").status_code == 200  # a pooled connection now exists
    postgres.stop()
    try:
        resp = client.get("/ready")
        body = resp.get_json()
        assert resp.status_code == 503
        assert body["down"] == ["database"] and body["checks"]["redis"] == "ok"
        assert postgres.password not in json.dumps(body)
        # Liveness does not follow the database: restarting the pod would not help.
        assert client.get("/health").status_code == 200
    finally:
        postgres.start()
    assert client.get("/ready").status_code == 200


def test_ready_is_503_naming_redis_while_redis_is_stopped(client, redis_server: Redis) -> None:
    assert client.get("/ready").status_code == 200
    redis_server.stop()
    try:
        resp = client.get("/ready")
        body = resp.get_json()
        assert resp.status_code == 503
        assert body["down"] == ["redis"] and body["checks"]["database"] == "ok"
        assert redis_server.password not in json.dumps(body)
    finally:
        redis_server.start()
    assert client.get("/ready").status_code == 200


def test_ready_is_503_on_a_wrong_password(services_env: dict[str, str]) -> None:
    from flask_app import create_app

    env = {**services_env, "DATABASE_PASSWORD": "wrong", "REDIS_PASSWORD": "wrong"}
    resp = create_app(env).test_client().get("/ready")
    assert resp.status_code == 503
    assert resp.get_json()["down"] == ["database", "redis"]


def test_unknown_paths_answer_json_404(bare_client) -> None:
    resp = bare_client.get("/nope")
    assert resp.status_code == 404 and resp.get_json()["error"] == "Not Found"


def test_ready_answers_503_before_the_probe_times_out_when_an_open_connection_hangs(
    services_env: dict[str, str], postgres: Postgres
) -> None:
    with FreezableProxy(postgres.port) as proxy:
        url = services_env["DATABASE_URL"].replace(f":{postgres.port}/", f":{proxy.port}/")
        client = create_app({**services_env, "DATABASE_URL": url}).test_client()
        assert client.get("/ready").status_code == 200  # the pool now holds a connection
        proxy.freeze()
        started = time.monotonic()
        resp = client.get("/ready")
        took = time.monotonic() - started
    body = resp.get_json()
    assert resp.status_code == 503 and body["down"] == ["database"]
    assert body["checks"]["database"] == "timeout: no answer within 2.5s"
    assert body["checks"]["redis"] == "ok"
    assert took < 3.0  # the chart's readinessProbe.timeoutSeconds
