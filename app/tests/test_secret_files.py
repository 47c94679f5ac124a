"""Secrets from mounted files (*_FILE), the environment variable as fallback, against
real PostgreSQL and Redis: the file's password is the one that opens the connection."""

from __future__ import annotations

from pathlib import Path

import pytest

from flask_app import create_app
from flask_app.config import ConfigError, load_settings

from .servers import Postgres, Redis


def _write(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / name
    path.write_text(value, encoding="utf-8")
    return str(path)


def test_secret_key_file_wins_over_the_variable_and_drops_one_newline(tmp_path: Path) -> None:
    env = {"SECRET_KEY_FILE": _write(tmp_path, "secret-key", "from-the-file\n"), "SECRET_KEY": "from-the-env"}
    s = load_settings(env)
    assert s.secret_key == "from-the-file" and not s.secret_key_generated


def test_the_variable_is_the_fallback_when_no_file_is_named() -> None:
    assert load_settings({"SECRET_KEY": "from-the-env"}).secret_key == "from-the-env"
    assert load_settings({"SECRET_KEY_FILE": "", "SECRET_KEY": "from-the-env"}).secret_key == "from-the-env"


def test_an_unreadable_file_is_a_named_problem(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings({"DATABASE_PASSWORD_FILE": str(tmp_path / "missing"), "REDIS_PASSWORD_FILE": str(tmp_path)})
    text = str(err.value)
    assert f"DATABASE_PASSWORD_FILE='{tmp_path / 'missing'}' cannot be read: FileNotFoundError" in text
    assert "REDIS_PASSWORD_FILE=" in text and "IsADirectoryError" in text


def test_passwords_from_files_open_real_postgresql_and_redis(
    postgres: Postgres, redis_server: Redis, tmp_path: Path
) -> None:
    # A role of its own with a password full of URL-reserved characters, given only as a file.
    password = "f1le:p@ss/w%rd#?&= é"
    postgres.create_role("filerole", password, "filedb")
    env = {
        "DATABASE_URL": f"postgresql://filerole@127.0.0.1:{postgres.port}/filedb",
        "DATABASE_PASSWORD_FILE": _write(tmp_path, "db-password", password + "\n"),
        # A wrong variable next to the file proves the file is the one used.
        "DATABASE_PASSWORD": "not-this-one",
        "REDIS_URL": f"redis://127.0.0.1:{redis_server.port}/0",
        "REDIS_PASSWORD_FILE": _write(tmp_path, "redis-password", redis_server.password),
        "SECRET_KEY_FILE": _write(tmp_path, "secret-key", "k" * 40),
    }
    app = create_app(env)
    with app.test_client() as client:
        resp = client.get("/ready")
        assert resp.status_code == 200, resp.get_json()
        assert resp.get_json() == {"status": "ready", "checks": {"database": "ok", "redis": "ok"}}
    assert app.config["SECRET_KEY"] == "k" * 40

    env["DATABASE_PASSWORD_FILE"] = _write(tmp_path, "db-password-wrong", "wrong")
    with create_app(env).test_client() as client:
        assert client.get("/ready").status_code == 503
