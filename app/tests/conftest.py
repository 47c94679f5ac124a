"""Session-wide real servers (PostgreSQL, Redis) and the app wired to them."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from flask_app import create_app

from .servers import Postgres, Redis, start_postgres, start_redis, stop_postgres, stop_redis
from .uwsgi_server import APP_DIR, VENV_BIN, base_env


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    pg = start_postgres()
    try:
        yield pg
    finally:
        stop_postgres(pg)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[Redis]:
    server = start_redis()
    try:
        yield server
    finally:
        stop_redis(server)


def flask_db(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`flask db ...` exactly as the migration Job runs it (FLASK_APP as the image sets it)."""
    return subprocess.run(
        [str(VENV_BIN / "flask"), "db", *args],
        cwd=APP_DIR,
        env={**base_env(), "FLASK_APP": "flask_app", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default model, trained by model/train.py the way the image build runs it."""
    out = tmp_path_factory.mktemp("model") / "model.joblib"
    done = subprocess.run(
        [str(VENV_BIN / "python"), str(APP_DIR / "model" / "train.py"), "--output", str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def services_env(postgres: Postgres, redis_server: Redis, trained_model: Path) -> dict[str, str]:
    """The contract's variables pointing at the test servers, schema migrated."""
    env = {
        "APP_ENV": "development",
        "LOG_LEVEL": "DEBUG",
        "DATABASE_URL": postgres.url,
        "DATABASE_PASSWORD": postgres.password,
        "REDIS_URL": redis_server.url,
        "REDIS_PASSWORD": redis_server.password,
        "MODEL_PATH": str(trained_model),
    }
    done = flask_db(env, "upgrade")
    assert done.returncode == 0, done.stderr
    return env


@pytest.fixture()
def client(services_env: dict[str, str]):
    return create_app(services_env).test_client()


@pytest.fixture()
def bare_client(trained_model: Path):
    """No database, no Redis: what `APP_ENV=development` alone gives (the e2e target)."""
    return create_app({"APP_ENV": "development", "MODEL_PATH": str(trained_model)}).test_client()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # A skipped test proves nothing, and the suite's summary counts on there being none.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter is not None else 0
    if skipped:
        reporter.write_line(f"{skipped} test(s) skipped: this suite allows none", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
