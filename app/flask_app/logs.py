"""One JSON object per log line on stderr, so cluster log collectors need no parsing rules."""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed with extra= and is kept.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(level: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    # Replace rather than add: create_app may run more than once in one process (tests).
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Werkzeug's access log duplicates ours; SQLAlchemy at DEBUG logs every statement with
    # its parameters and the redis client its connection chatter: all noise in a pod's log.
    for noisy in ("werkzeug", "sqlalchemy", "redis"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


# Probes and scrapes arrive every few seconds; at INFO they would drown real traffic.
QUIET_PATHS = frozenset({"/health", "/ready", "/metrics"})


def init_request_logging(app) -> None:  # type: ignore[no-untyped-def]
    from flask import g, request

    access = logging.getLogger("flask_app.access")

    @app.after_request
    def _log(response):  # type: ignore[no-untyped-def]
        level = logging.DEBUG if request.path in QUIET_PATHS else logging.INFO
        if access.isEnabledFor(level):
            started = g.get("request_started")
            took = None if started is None else round((time.perf_counter() - started) * 1000, 2)
            access.log(
                level,
                "request",
                extra={"method": request.method, "path": request.path, "status": response.status_code, "ms": took},
            )
        return response
