"""`flask db upgrade` (the chart's migration Job command) against the real PostgreSQL."""

from __future__ import annotations

from .conftest import flask_db
from .servers import Postgres


def test_upgrade_creates_the_prediction_log_and_is_idempotent(services_env: dict[str, str], postgres: Postgres) -> None:
    # services_env already ran one upgrade; a second (the next helm upgrade) changes nothing.
    again = flask_db(services_env, "upgrade")
    assert again.returncode == 0, again.stderr
    assert postgres.psql("SELECT version_num FROM alembic_version;", postgres.database).strip() == "0001"
    columns = postgres.psql(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'prediction_log' ORDER BY ordinal_position;",
        postgres.database,
    ).split()
    assert columns == ["id", "created_at", "features", "prediction", "model_version", "cached"]


def test_models_and_migrations_agree(services_env: dict[str, str]) -> None:
    # alembic check fails when the models need a migration nobody wrote.
    done = flask_db(services_env, "check")
    assert done.returncode == 0, done.stderr + done.stdout


def test_downgrade_then_upgrade_round_trips(services_env: dict[str, str], postgres: Postgres) -> None:
    postgres.create_role("round_trip", "rt-pw/@", "round_trip")
    env = {
        **services_env,
        "DATABASE_URL": f"postgresql://round_trip@127.0.0.1:{postgres.port}/round_trip",
        "DATABASE_PASSWORD": "rt-pw/@",
    }
    for step in (("upgrade",), ("downgrade", "base"), ("upgrade",)):
        done = flask_db(env, *step)
        assert done.returncode == 0, done.stderr
    assert postgres.psql("SELECT count(*) FROM prediction_log;", "round_trip").strip() == "0"


def test_without_database_url_the_error_says_what_to_set() -> None:
    done = flask_db({"APP_ENV": "development"}, "upgrade")
    assert done.returncode != 0
    assert "DATABASE_URL is not set" in done.stderr


def test_production_migration_needs_no_secret_key(services_env: dict[str, str]) -> None:
    # The Job may run without the app's SECRET_KEY; only serving traffic requires it.
    env = {k: v for k, v in services_env.items() if k != "SECRET_KEY"} | {"APP_ENV": "production"}
    done = flask_db(env, "upgrade")
    assert done.returncode == 0, done.stderr


def test_wrong_password_fails_with_the_database_error(services_env: dict[str, str]) -> None:
    done = flask_db({**services_env, "DATABASE_PASSWORD": "nope"}, "upgrade")
    assert done.returncode != 0
    assert "password authentication failed" in done.stderr
    assert services_env["DATABASE_PASSWORD"] not in done.stderr
