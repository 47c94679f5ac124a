"""Configuration comes only from the environment; bad values are named in the error."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import redis
from sqlalchemy.engine import make_url

from flask_app.config import DEFAULT_MODEL_PATH, ConfigError, load_settings, serving_problems, with_password


def test_defaults_are_development_without_services() -> None:
    s = load_settings({})
    assert (s.app_env, s.debug, s.log_level) == ("development", False, "INFO")
    assert s.database_url is None and s.redis_url is None
    assert s.model_enabled is True and s.model_path == DEFAULT_MODEL_PATH
    assert s.secret_key_generated and len(s.secret_key) >= 32


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ConfigError) as err:
        load_settings({"APP_ENV": "prod", "FLASK_DEBUG": "maybe", "LOG_LEVEL": "loud", "MODEL_ENABLED": "2"})
    text = str(err.value)
    for name in ("APP_ENV", "FLASK_DEBUG", "LOG_LEVEL", "MODEL_ENABLED"):
        assert name in text


@pytest.mark.parametrize("word,expected", [("1", True), ("TRUE", True), ("on", True), ("0", False), ("no", False)])
def test_booleans(word: str, expected: bool) -> None:
    assert load_settings({"FLASK_DEBUG": word}).debug is expected


def test_urls_with_a_password_are_refused_so_secrets_stay_out_of_configmaps() -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL must not contain a password: put it in DATABASE_PASSWORD"):
        load_settings({"DATABASE_URL": "postgresql://u:secret@db:5432/app"})
    with pytest.raises(ConfigError, match="REDIS_PASSWORD"):
        load_settings({"REDIS_URL": "redis://:secret@cache:6379/0"})


def test_not_a_url_is_refused() -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL='mysql://x/y' is not a URL like postgresql://"):
        load_settings({"DATABASE_URL": "mysql://x/y"})


HARD = "p@ss:w/rd%#?&= '\"é"


def test_database_password_is_url_encoded_and_round_trips() -> None:
    s = load_settings(
        {"DATABASE_URL": "postgresql://app@db.example:5432/app?sslmode=require", "DATABASE_PASSWORD": HARD}
    )
    assert s.database_url is not None
    url = make_url(s.database_url)
    assert (url.drivername, url.username, url.password, url.host, url.port, url.database) == (
        "postgresql+psycopg", "app", HARD, "db.example", 5432, "app",
    )  # fmt: skip
    assert url.query == {"sslmode": "require"}


def test_redis_password_is_url_encoded_and_round_trips() -> None:
    s = load_settings({"REDIS_URL": "redis://cache:6379/2", "REDIS_PASSWORD": HARD})
    assert s.redis_url is not None
    kwargs = redis.connection.parse_url(s.redis_url)
    assert (kwargs["password"], kwargs["host"], kwargs["port"], kwargs["db"]) == (HARD, "cache", 6379, 2)


def test_with_password_keeps_a_url_without_password_untouched() -> None:
    assert with_password("redis://cache:6379/0", None, {}) == "redis://cache:6379/0"
    assert unquote(urlsplit(with_password("redis://cache:6379/0", "a/b", {})).password or "") == "a/b"


def test_model_settings() -> None:
    s = load_settings({"MODEL_ENABLED": "false", "MODEL_PATH": "/models/m.joblib"})
    assert s.model_enabled is False and s.model_path == Path("/models/m.joblib")


def test_production_refuses_debug_and_a_missing_secret_key() -> None:
    problems = serving_problems(load_settings({"APP_ENV": "production", "FLASK_DEBUG": "true"}))
    assert any("FLASK_DEBUG" in p for p in problems)
    assert any("SECRET_KEY" in p for p in problems)
    assert serving_problems(load_settings({"APP_ENV": "production", "SECRET_KEY": "k" * 40})) == []
    # Development may run with debug on and a throwaway key.
    assert serving_problems(load_settings({"FLASK_DEBUG": "1"})) == []
