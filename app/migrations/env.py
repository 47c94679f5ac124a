"""Alembic environment for flask-app: runs inside `flask db <command>`."""

from __future__ import annotations

from alembic import context
from flask import current_app

from flask_app.db import db

config = context.config


def _settings():
    settings = current_app.config["SETTINGS"]
    if settings.database_url is None:
        raise SystemExit(
            "flask db: DATABASE_URL is not set. Set DATABASE_URL=postgresql://user@host:5432/dbname "
            "and DATABASE_PASSWORD (the chart's migration Job gets both from its values and Secret)."
        )
    return settings


def run_offline() -> None:
    # `flask db upgrade --sql`: print the SQL instead of running it.
    context.configure(url=_settings().database_url, target_metadata=db.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    _settings()
    with db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=db.metadata, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
