"""Liveness, readiness and the index: what the chart's probes and the wizard call."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify

from . import __version__, cache
from .config import Settings
from .db import db

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)

Check = Callable[[], None]

# Below the chart's probe timeout (3 s), so the kubelet gets our 503 naming what is
# down rather than a timeout of its own. Checks run in parallel within this budget.
READY_DEADLINE_SECONDS = 2.5


def _check_database(engine: sa.Engine) -> Check:
    def check() -> None:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))

    return check


def _check_redis(url: str) -> Check:
    def check() -> None:
        if not cache.client(url).ping():
            raise ConnectionError("PING did not answer PONG")

    return check


def dependency_checks(settings: Settings) -> dict[str, Check]:
    checks: dict[str, Check] = {}
    if settings.database_configured:
        # Bound here, in the request's app context; the check itself runs in a thread.
        checks["database"] = _check_database(db.engine)
    if settings.redis_url is not None:
        checks["redis"] = _check_redis(settings.redis_url)
    return checks


def _reason(exc: BaseException) -> str:
    # First line only: drivers append hints and URLs on later lines; passwords never appear.
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else 'down'}"


def run_checks(checks: dict[str, Check], deadline: float = READY_DEADLINE_SECONDS) -> dict[str, str]:
    """Each configured dependency → "ok" or a one-line reason (no stack, no secrets).

    A connection that hangs (a network partition after it was opened) has no timeout
    of its own in libpq, so the deadline is enforced here; the stuck thread is left to
    finish on its own and the answer does not wait for it.
    """
    if not checks:
        return {}
    pool = ThreadPoolExecutor(max_workers=len(checks), thread_name_prefix="ready-check")
    futures = {name: pool.submit(check) for name, check in checks.items()}
    pool.shutdown(wait=False)
    finished, _ = wait(futures.values(), timeout=deadline)
    results: dict[str, str] = {}
    for name, future in futures.items():
        if future not in finished:
            results[name] = f"timeout: no answer within {deadline:g}s"
        elif (exc := future.exception()) is not None:
            results[name] = _reason(exc)
        else:
            results[name] = "ok"
        if results[name] != "ok":
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
