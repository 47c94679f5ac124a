"""The reference Flask application that the flask-app Helm chart deploys."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

# Matches the chart's appVersion, which is the default image tag.
__version__ = "1.0.0"

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def create_app(environ: Mapping[str, str] | None = None) -> Flask:
    """Build the app from the environment (or a given mapping, for tests)."""
    # Imports here keep `import flask_app` cheap and let multiproc.prepare() run
    # before prometheus_client is first imported.
    from flask_migrate import Migrate

    from . import health, metrics, predict
    from .config import load_settings, log_level_number
    from .db import db, engine_options
    from .inference import ModelStore
    from .logs import configure_logging, init_request_logging

    settings = load_settings(os.environ if environ is None else environ)
    configure_logging(log_level_number(settings))

    app = Flask(__name__)
    app.config.update(
        SETTINGS=settings,
        SECRET_KEY=settings.secret_key,
        DEBUG=settings.debug,
        JSON_SORT_KEYS=False,
        # /predict takes a few numbers; anything near this size is a mistake or an attack.
        MAX_CONTENT_LENGTH=64 * 1024,
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(),
    )
    if settings.database_url is not None:
        app.config["SQLALCHEMY_DATABASE_URI"] = settings.database_url
        db.init_app(app)
    # Registered even without a database so `flask db --help` explains itself;
    # `flask db upgrade` then fails with the DATABASE_URL hint from migrations/env.py.
    Migrate(app, db, directory=str(MIGRATIONS_DIR))
    app.extensions["model_store"] = ModelStore(settings.model_path)

    metrics.init_app(app)
    init_request_logging(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(predict.bp)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        return jsonify(error=exc.name, detail=exc.description), exc.code

    logging.getLogger(__name__).info(
        "app configured",
        extra={
            "environment": settings.app_env,
            "database": settings.database_configured,
            "redis": settings.redis_configured,
            "model_enabled": settings.model_enabled,
            "model_path": str(settings.model_path),
        },
    )
    return app
