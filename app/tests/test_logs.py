"""Structured logs: one JSON object per line, at LOG_LEVEL, and never a password."""

from __future__ import annotations

import json

import pytest

from flask_app import create_app

from .conftest import flask_db


def _lines(err: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in err.splitlines() if line.strip()]


def test_every_line_is_json_with_the_request_fields(capfd: pytest.CaptureFixture[str], trained_model) -> None:
    client = create_app({"LOG_LEVEL": "INFO", "MODEL_PATH": str(trained_model)}).test_client()
    client.post("/predict", json={"features": [5.1, 3.5, 1.4, 0.2]})
    client.get("/health")  # a probe: DEBUG, so not at INFO
    lines = _lines(capfd.readouterr().err)
    requests = [line for line in lines if line["msg"] == "request"]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [("POST", "/predict", 200)]
    assert all({"ts", "level", "logger", "msg"} <= set(line) for line in lines)
    assert isinstance(requests[0]["ms"], float)


def test_log_level_filters(capfd: pytest.CaptureFixture[str], trained_model) -> None:
    client = create_app({"LOG_LEVEL": "WARNING", "MODEL_PATH": str(trained_model)}).test_client()
    client.get("/")
    assert _lines(capfd.readouterr().err) == []


def test_no_password_reaches_the_log_even_at_debug(capfd: pytest.CaptureFixture[str], services_env, redis_server):
    client = create_app(services_env).test_client()  # LOG_LEVEL=DEBUG
    client.get("/ready")
    client.post("/predict", json={"features": [6.3, 2.8, 5.1, 1.5]})
    redis_server.stop()
    try:
        client.get("/ready")  # logs the reason redis is down
    finally:
        redis_server.start()
    err = capfd.readouterr().err
    assert '"dependency": "redis"' in err
    for secret in (services_env["DATABASE_PASSWORD"], services_env["REDIS_PASSWORD"]):
        assert secret not in err and json.dumps(secret)[1:-1] not in err


def test_migration_job_logs_its_steps_as_json(services_env, postgres) -> None:
    postgres.create_role("log_check", "pw", "log_check")
    env = {**services_env, "DATABASE_URL": f"postgresql://log_check@127.0.0.1:{postgres.port}/log_check"}
    done = flask_db({**env, "DATABASE_PASSWORD": "pw", "LOG_LEVEL": "INFO"}, "upgrade")
    assert done.returncode == 0, done.stderr
    lines = _lines(done.stderr)
    assert any(line["msg"].startswith("Running upgrade  -> 0001") for line in lines), lines
