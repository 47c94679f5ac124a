"""Liveness, readiness and the index: what the chart's probes and the wizard call."""

from __future__ import annotations

import logging
from collections.abc import Callable

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify

from . import __version__, cache
from .config import Settings
from .db import db

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)

Check = Callable[[], None]


def _check_database() -> None:
    with db.engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))


def _check_redis(url: str) -> Check:
    def check() -> None:
        if not cache.client(url).ping():
            raise ConnectionError("PING did not answer PONG")

    return check


def dependency_checks(settings: Settings) -> dict[str, Check]:
    checks: dict[str, Check] = {}
    if settings.database_configured:
        checks["database"] = _check_database
    if settings.redis_url is not None:
        checks["redis"] = _check_redis(settings.redis_url)
    return checks


def _reason(exc: Exception) -> str:
    # First line only: drivers append hints and URLs on later lines; passwords never appear.
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else 'down'}"


def run_checks(checks: dict[str, Check]) -> dict[str, str]:
    """Each configured dependency → "ok" or a one-line reason (no stack, no secrets)."""
    results: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means not ready
            results[name] = _reason(exc)
            log.warning("dependency down", extra={"dependency": name, "reason": results[name]})
    return results


@bp.get("/")
def index():
    settings: Settings = current_app.config["SETTINGS"]
    return jsonify(name="flask-app", version=__version__, environment=settings.app_env)


@bp.get("/health")
def health():
    # Liveness must not depend on the database: a restart would not fix it.
    return jsonify(status="ok")


@bp.get("/ready")
def ready():
    settings: Settings = current_app.config["SETTINGS"]
    results = run_checks(dependency_checks(settings))
    down = sorted(name for name, state in results.items() if state != "ok")
    if down:
        return jsonify(status="unavailable", down=down, checks=results), 503
    return jsonify(status="ready", checks=results), 200
