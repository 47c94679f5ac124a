"""Prometheus metrics that add up across uWSGI worker processes.

Under uWSGI every worker is its own process, so in-memory counters would show one
worker's share per scrape. With PROMETHEUS_MULTIPROC_DIR set (see multiproc.py),
prometheus_client writes each process's values to files there and /metrics sums them.
"""

from __future__ import annotations

import os
import time

from flask import Flask, Response, abort, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter(
    "flask_app_http_requests_total",
    "HTTP requests answered, by endpoint, method and status.",
    ["endpoint", "method", "status"],
)
LATENCY = Histogram(
    "flask_app_http_request_duration_seconds",
    "Time to answer an HTTP request, by endpoint.",
    ["endpoint", "method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
PREDICTIONS = Counter(
    "flask_app_predictions_total",
    "Predictions served, by whether the answer came from the Redis cache.",
    ["cached"],
)


def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


def init_app(app: Flask) -> None:
    @app.before_request
    def _start_timer() -> None:
        g.request_started = time.perf_counter()

    @app.after_request
    def _observe(response: Response) -> Response:
        started = g.pop("request_started", None)
        # The route pattern, not the raw path, keeps label cardinality bounded.
        endpoint = request.url_rule.rule if request.url_rule is not None else "<unmatched>"
        REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
        if started is not None:
            LATENCY.labels(endpoint, request.method).observe(time.perf_counter() - started)
        return response

    metrics_port = app.config["SETTINGS"].metrics_port

    @app.get("/metrics")
    def metrics() -> Response:
        # With METRICS_PORT set, only that socket serves /metrics: uWSGI fills
        # SERVER_PORT from the socket a request came in on (never from the Host
        # header), so whatever reaches the app port (an Ingress, a route) gets 404.
        if metrics_port is not None and request.environ.get("SERVER_PORT") != str(metrics_port):
            abort(404)
        return Response(generate_latest(_registry()), mimetype=CONTENT_TYPE_LATEST)
