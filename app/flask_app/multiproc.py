"""Prepare prometheus_client's multiprocess directory before anything imports it.

prometheus_client decides at import time whether values live in memory or in
files, so this runs first in the uWSGI entry point, in the master, before workers
fork. The chart gives the container a writable /tmp and nothing else.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

ENV = "PROMETHEUS_MULTIPROC_DIR"
# Names the directory prepare() created itself, so uwsgi.ini's exit hook removes
# exactly that one and never a directory somebody configured.
OWNED_ENV = "FLASK_APP_OWNED_METRICS_DIR"


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
        # One directory per server, so several servers on one machine do not mix;
        # under $TMPDIR if set, else /tmp (the pod's writable emptyDir).
        path = Path(tempfile.mkdtemp(prefix="flask-app-metrics-"))
        environ[ENV] = str(path)
        environ[OWNED_ENV] = str(path)
    return path


def discard_owned(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    owned = environ.pop(OWNED_ENV, None)
    if owned:
        shutil.rmtree(owned, ignore_errors=True)
