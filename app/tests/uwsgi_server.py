"""Run the app the way the image does: `uwsgi --ini uwsgi.ini`, with a given environment."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .servers import free_port

APP_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
UWSGI = VENV_BIN / "uwsgi"


def base_env() -> dict[str, str]:
    """What any process needs that is not app configuration (PATH, locale, HOME)."""
    keep = ("HOME", "LANG", "LC_ALL", "TMPDIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["PATH"] = f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin"
    return env


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> object:
        return json.loads(self.body)


def http(method: str, url: str, body: object | None = None, timeout: float = 10) -> Response:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Response(resp.status, resp.read(), dict(resp.headers))
    except urllib.error.HTTPError as err:
        return Response(err.code, err.read(), dict(err.headers))


class Uwsgi:
    def __init__(self, env: dict[str, str], port: int | None = None, cwd: Path = APP_DIR) -> None:
        self.port = port or free_port()
        self.env = {**base_env(), **env}
        self.env.setdefault("PORT", str(self.port))
        self.cwd = cwd
        self.proc: subprocess.Popen[str] | None = None
        self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"fhw-uwsgi-{self.port}.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: bool = True) -> Uwsgi:
        log = self.log_path.open("w")
        self.proc = subprocess.Popen(
            [str(UWSGI), "--ini", str(APP_DIR / "uwsgi.ini")],
            cwd=self.cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        if wait:
            self.wait_healthy()
        return self

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"uwsgi exited with {self.proc.returncode}:\n{self.log()}")
            try:
                if http("GET", f"{self.base}/health", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"uwsgi not healthy after {timeout}s:\n{self.log()}")

    def wait_exit(self, timeout: float = 60) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout=timeout)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def get(self, path: str) -> Response:
        return http("GET", self.base + path)

    def post(self, path: str, body: object) -> Response:
        return http("POST", self.base + path, body)

    def stop(self) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        code = self.proc.returncode
        self.log_path.unlink(missing_ok=True)
        return code

    def __enter__(self) -> Uwsgi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
