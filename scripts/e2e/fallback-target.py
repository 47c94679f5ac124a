"""FALLBACK port-forward target for the flask-helm-wizard e2e cluster.

scripts/e2e/up.sh serves the real Flask app from app/ (uWSGI) as the target of
kwok's port-forward. Only when the app's venv is missing does it start this
stand-in, which answers the app contract's three endpoints (/health, /ready,
/metrics) so port-forward tests still carry real HTTP. Every response says it
comes from the fallback (header X-E2E-Target: fallback).

Usage: python3 fallback-target.py --port 18080 [--state-dir DIR]
(--state-dir only marks the process as belonging to one e2e cluster.)
"""

import argparse
import json
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STARTED = time.time()
REQUESTS = {"count": 0}


class Handler(BaseHTTPRequestHandler):
    server_version = "fhw-e2e-fallback"

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-E2E-Target", "fallback")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        REQUESTS["count"] += 1
        path = self.path.split("?", 1)[0]
        if path == "/health":
            self._send(200, json.dumps({"status": "ok", "target": "fallback"}).encode(), "application/json")
        elif path == "/ready":
            body = {"status": "ready", "target": "fallback", "checks": {"database": "skipped", "redis": "skipped"}}
            self._send(200, json.dumps(body).encode(), "application/json")
        elif path == "/metrics":
            text = (
                "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
                "# TYPE process_start_time_seconds gauge\n"
                f"process_start_time_seconds {STARTED:.3f}\n"
                "# HELP http_requests_total HTTP requests served by the e2e fallback target.\n"
                "# TYPE http_requests_total counter\n"
                f'http_requests_total{{target="fallback"}} {REQUESTS["count"]}\n'
            )
            self._send(200, text.encode(), "text/plain; version=0.0.4; charset=utf-8")
        else:
            self._send(404, json.dumps({"error": "not found", "target": "fallback"}).encode(), "application/json")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        print(f"{self.address_string()} {format % args}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--state-dir", default="")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"e2e FALLBACK target (not the Flask app) on 127.0.0.1:{args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
