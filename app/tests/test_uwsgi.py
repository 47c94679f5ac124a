"""The app under real uWSGI, started as the image and the e2e harness start it."""

from __future__ import annotations

import json
import re
import signal
import socket
import time

from .uwsgi_server import Uwsgi


def _workers(server: Uwsgi, expected: int) -> int:
    """Workers the master reports; it may log the last one after the first already serves."""
    deadline = time.monotonic() + 15
    while True:
        count = len(re.findall(r"spawned uWSGI worker \d+ ", server.log()))
        if count >= expected or time.monotonic() > deadline:
            return count
        time.sleep(0.1)


def test_runs_from_a_checkout_with_development_defaults_only() -> None:
    # What the e2e harness runs as the port-forward target: no database, no Redis.
    with Uwsgi({"APP_ENV": "development"}) as server:
        assert server.get("/health").status == 200
        assert server.get("/ready").json() == {"status": "ready", "checks": {}}
        assert server.get("/").json()["environment"] == "development"
        assert server.post("/predict", {"features": [5.1, 3.5, 1.4, 0.2]}).json()["prediction"] == "setosa"
        assert _workers(server, 2) == 2  # the uwsgi.ini default


def test_port_processes_threads_and_harakiri_come_from_the_environment(trained_model) -> None:
    env = {"UWSGI_PROCESSES": "3", "UWSGI_THREADS": "1", "UWSGI_HARAKIRI": "7", "MODEL_PATH": str(trained_model)}
    env["UWSGI_SHOW_CONFIG"] = "1"  # uWSGI prints its resolved options
    with Uwsgi(env) as server:
        assert server.get("/health").status == 200
        assert _workers(server, 3) == 3
        assert "cores: 1)" in server.log()
        options = server.log()
        for line in ("processes = 3", "threads = 1", "harakiri = 7", f"http-socket = :{server.port}"):
            assert f"\n{line}\n" in options


def test_production_without_secret_key_refuses_to_start(tmp_path) -> None:
    server = Uwsgi({"APP_ENV": "production", "TMPDIR": str(tmp_path)}).start(wait=False)
    try:
        assert server.wait_exit(60) != 0
        assert "refuses to start: SECRET_KEY is not set in production" in server.log()
        assert list(tmp_path.iterdir()) == []  # nothing left behind in /tmp
    finally:
        server.stop()


def test_production_with_debug_refuses_to_start() -> None:
    server = Uwsgi({"APP_ENV": "production", "SECRET_KEY": "k" * 40, "FLASK_DEBUG": "true"}).start(wait=False)
    try:
        assert server.wait_exit(60) != 0
        assert "FLASK_DEBUG is on in production" in server.log()
    finally:
        server.stop()


def test_bad_configuration_refuses_to_start_and_names_the_variable() -> None:
    server = Uwsgi({"LOG_LEVEL": "chatty"}).start(wait=False)
    try:
        assert server.wait_exit(60) != 0
        assert "LOG_LEVEL='CHATTY' must be one of" in server.log()
    finally:
        server.stop()


def test_sigterm_lets_an_in_flight_request_finish_then_exits(trained_model) -> None:
    with Uwsgi({"MODEL_PATH": str(trained_model), "UWSGI_PROCESSES": "1", "UWSGI_THREADS": "1"}) as server:
        assert server.proc is not None
        body = json.dumps({"features": [5.0, 3.0, 1.5, 0.2]}).encode()
        head = (
            f"POST /predict HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
            # Half a request is in the worker's hands when Kubernetes sends SIGTERM ...
            sock.sendall(head + body[:10])
            time.sleep(0.3)
            server.proc.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            # ... and the rest still gets its answer.
            sock.sendall(body[10:])
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
        assert b'"prediction":"setosa"' in answer
        assert server.wait_exit(40) == 0
        assert "graceful shutdown triggered" in server.log()


def test_sighup_reloads_workers_gracefully_and_keeps_serving(trained_model) -> None:
    with Uwsgi({"MODEL_PATH": str(trained_model)}) as server:
        assert server.proc is not None
        server.proc.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while "gracefully (RE)spawned uWSGI master" not in server.log() and time.monotonic() < deadline:
            time.sleep(0.1)
        server.wait_healthy(30)
        assert server.get("/health").status == 200
        assert server.proc.poll() is None
