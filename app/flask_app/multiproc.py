"""Prepare prometheus_client's multiprocess directory before anything imports it.

prometheus_client decides at import time whether values live in memory or in
files, so this runs first in the uWSGI entry point, in the master, before workers
fork. The chart gives the container a writable /tmp and nothing else.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare(environ: dict[str, str] | os._Environ[str] = os.environ) -> Path:
    configured = environ.get(ENV)
    if configured:
        path = Path(configured)
        # Files from a previous server run (a container restart keeps its emptyDir)
        # would be added to this run's counters.
        # Only our own *.db files go: the variable could name a shared directory.
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink(missing_ok=True)
    else:
        # One directory per server, so several servers on one machine do not mix.
        path = Path(tempfile.mkdtemp(prefix="flask-app-metrics-", dir="/tmp"))
        environ[ENV] = str(path)
    return path
