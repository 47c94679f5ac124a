"""/metrics: Prometheus text, by endpoint and status, summed across uWSGI workers."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from flask_app.config import ConfigError, load_settings

from .servers import free_port
from .uwsgi_server import Uwsgi, http


def _sample(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if not line.startswith(name + "{"):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
        if all(found.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_counts_requests_by_endpoint_and_status(bare_client) -> None:
    bare_client.get("/health")
    bare_client.get("/nope")
    bare_client.post("/predict", json={"features": [1, 2]})
    resp = bare_client.get("/metrics")
    text = resp.get_data(as_text=True)
    assert resp.status_code == 200 and resp.content_type.startswith("text/plain")
    assert _sample(text, "flask_app_http_requests_total", endpoint="/health", status="200") >= 1
    assert _sample(text, "flask_app_http_requests_total", endpoint="<unmatched>", status="404") >= 1
    assert _sample(text, "flask_app_http_requests_total", endpoint="/predict", method="POST", status="400") >= 1
    assert _sample(text, "flask_app_http_request_duration_seconds_count", endpoint="/health") >= 1


def test_counts_add_up_across_uwsgi_worker_processes(trained_model: Path, tmp_path: Path) -> None:
    metrics_dir = tmp_path / "prom"
    metrics_dir.mkdir()
    (metrics_dir / "counter_1.db").write_bytes(b"stale from a previous run")
    env = {
        "MODEL_PATH": str(trained_model),
        "UWSGI_PROCESSES": "2",
        "UWSGI_THREADS": "1",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    with Uwsgi(env) as server:
        total = 60
        with ThreadPoolExecutor(max_workers=6) as pool:
            codes = list(pool.map(lambda _: server.get("/").status, range(total)))
        assert codes == [200] * total
        # Both workers took a share: each keeps its own file in the multiprocess dir.
        pids = {p.stem.rsplit("_", 1)[1] for p in metrics_dir.glob("counter_*.db")}
        assert len(pids) == 2, pids
        # Whichever worker answers the scrape, it reports the sum of both.
        for _ in range(4):
            text = server.get("/metrics").body.decode()
            assert _sample(text, "flask_app_http_requests_total", endpoint="/", status="200") == total
        predicted = server.post("/predict", {"features": [5.1, 3.5, 1.4, 0.2]})
        assert predicted.status == 200
        text = server.get("/metrics").body.decode()
        assert _sample(text, "flask_app_predictions_total", cached="false") == 1


def test_uwsgi_without_a_configured_dir_makes_its_own_in_tmp(trained_model: Path, tmp_path: Path) -> None:
    # TMPDIR only keeps this server's directory apart from other servers on the machine.
    with Uwsgi({"MODEL_PATH": str(trained_model), "TMPDIR": str(tmp_path)}) as server:
        server.get("/")
        text = server.get("/metrics").body.decode()
        assert _sample(text, "flask_app_http_requests_total", endpoint="/", status="200") == 1
        made = set(tmp_path.glob("flask-app-metrics-*"))
        assert len(made) == 1 and any(next(iter(made)).glob("counter_*.db"))
    # The master removes its own directory on exit, so restarts do not fill /tmp.
    assert not next(iter(made)).exists()


def test_with_a_metrics_port_only_that_socket_serves_metrics(trained_model: Path) -> None:
    # The chart sets METRICS_PORT: uWSGI listens on it as well, and the app port
    # (the one an Ingress or route reaches) answers /metrics with 404.
    metrics_port = free_port()
    env = {"MODEL_PATH": str(trained_model), "METRICS_PORT": str(metrics_port), "UWSGI_PROCESSES": "1"}
    with Uwsgi(env) as server:
        assert server.get("/health").status == 200
        assert server.get("/metrics").status == 404
        scraped = http("GET", f"http://127.0.0.1:{metrics_port}/metrics")
        assert scraped.status == 200
        assert _sample(scraped.body.decode(), "flask_app_http_requests_total", endpoint="/health", status="200") >= 1
        # A Host header naming the metrics port does not trick the app port.
        req = urllib.request.Request(f"{server.base}/metrics", headers={"Host": f"127.0.0.1:{metrics_port}"})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                status = resp.status
        except urllib.error.HTTPError as err:
            status = err.code
        assert status == 404


def test_a_bad_metrics_port_is_a_named_problem() -> None:
    with pytest.raises(ConfigError, match=r"METRICS_PORT='http' is not a TCP port"):
        load_settings({"METRICS_PORT": "http"})
