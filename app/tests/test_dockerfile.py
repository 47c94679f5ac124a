"""app/Dockerfile: what the chart relies on, and its build steps run for real.

No container runtime exists on the build machines, so the image is not built here;
instead every file the Dockerfile copies must be in the build context, and the
build stage's model training step runs with the image paths mapped onto this machine.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import joblib

from . import dockerfile
from .uwsgi_server import APP_DIR

DOCKERFILE = APP_DIR / "Dockerfile"
DOCKERIGNORE = APP_DIR / ".dockerignore"
STEPS = dockerfile.instructions(DOCKERFILE)
IMAGE = dockerfile.parse(DOCKERFILE)


def test_runtime_image_is_slim_non_root_and_serves_on_8080() -> None:
    bases = [step.rest.split()[0] for step in STEPS if step.keyword == "FROM"]
    assert bases == ["python:3.12-slim", "python:3.12-slim"]  # multi-stage: compiler only in the first
    # One ARG names both bases, so a build can swap them (the e2e real-node lane's local Debian base).
    assert dockerfile.global_args(DOCKERFILE) == {"BASE_IMAGE": "python:3.12-slim"}
    assert [line for line in DOCKERFILE.read_text().splitlines() if line.startswith("FROM")] == [
        "FROM ${BASE_IMAGE} AS build",
        "FROM ${BASE_IMAGE}",
    ]
    assert re.fullmatch(r"\d+:\d+", IMAGE.user) and IMAGE.user == "10001:10001"
    assert IMAGE.exposed == ["8080"] and IMAGE.env["PORT"] == "8080"
    assert IMAGE.cmd == ["uwsgi", "--ini", "/app/uwsgi.ini"]
    assert IMAGE.env["FLASK_APP"] == "flask_app" and IMAGE.workdir == "/app"
    assert IMAGE.env["MODEL_PATH"] == "/opt/model/model.joblib"
    assert IMAGE.env["PATH"].split(":")[0] == "/opt/venv/bin"
    # Bytecode is compiled at build time: nothing may write into /app at run time.
    assert IMAGE.env["PYTHONDONTWRITEBYTECODE"] == "1"
    final = [s for s in STEPS if s.stage == 1]
    assert any(s.keyword == "COPY" and s.rest == "--from=build /opt/model /opt/model" for s in final)
    assert not any(s.keyword == "RUN" and "apt-get" in s.rest for s in final)


def test_everything_copied_is_in_the_build_context_and_nothing_else_is_needed() -> None:
    sources = []
    for step in STEPS:
        if step.keyword != "COPY" or step.rest.startswith("--from"):
            continue
        *srcs, _dest = shlex.split(step.rest)
        sources += srcs
    for src in sources:
        assert (APP_DIR / src).exists(), f"COPY {src}: missing in app/"
        assert not dockerfile.ignored(DOCKERIGNORE, src), f"COPY {src}: excluded by .dockerignore"
    for needed in ("requirements.lock", "uwsgi.ini", "flask_app", "migrations", "model/train.py"):
        assert needed in sources
    # Tests, local models and the test lock stay out of the image.
    for local in ("tests/conftest.py", "model/model.joblib", "requirements-test.lock", "flask_app/__pycache__/x.pyc"):
        assert dockerfile.ignored(DOCKERIGNORE, local), local


def test_the_build_stage_training_step_produces_the_default_model(tmp_path: Path) -> None:
    # Map the build stage's paths: its COPY destinations back to app/, /opt/* into tmp.
    mapping = {"/opt/venv/bin/python": sys.executable, "/opt/model": str(tmp_path / "opt-model")}
    for step in STEPS:
        if step.stage == 0 and step.keyword == "COPY":
            src, dest = shlex.split(step.rest)
            mapping[dest] = str(APP_DIR / src)
    [train] = [s for s in STEPS if s.stage == 0 and s.keyword == "RUN" and "train.py" in s.rest]
    argv = shlex.split(train.rest)
    argv = [
        next((argv_part.replace(k, v, 1) for k, v in mapping.items() if argv_part.startswith(k)), argv_part)
        for argv_part in argv
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    # Readable by the app's user, who is not the one who trained it (root at build time).
    assert (tmp_path / "opt-model" / "model.joblib").stat().st_mode & 0o777 == 0o644
    artifact = joblib.load(tmp_path / "opt-model" / "model.joblib")
    assert artifact["class_names"] == ["setosa", "versicolor", "virginica"]
    assert artifact["feature_names"] == ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    assert artifact["training_accuracy"] > 0.9
    assert artifact["estimator"].predict([[5.1, 3.5, 1.4, 0.2]])[0] == 0


def _pins(lock: Path) -> dict[str, list[str]]:
    """name==version → its --hash values, from pip's requirements format."""
    text = re.sub(r"\\\n\s*", " ", lock.read_text())
    pins: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.lstrip().startswith("#"):
            spec, *options = line.split()
            pins[spec] = [o.removeprefix("--hash=") for o in options]
    return pins


def test_the_build_stage_installs_exactly_the_hash_checked_lock_file() -> None:
    runs = " ".join(s.rest for s in STEPS if s.stage == 0 and s.keyword == "RUN")
    assert "pip install --no-cache-dir --disable-pip-version-check -r /tmp/requirements.lock" in runs
    for lock in (APP_DIR / "requirements.lock", APP_DIR / "requirements-test.lock"):
        pins = _pins(lock)
        for spec, hashes in pins.items():
            assert re.fullmatch(r"[a-z0-9_.-]+==[0-9][0-9a-z.]*", spec), spec
            # One hash missing would switch pip's hash checking off for nobody: it refuses.
            assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), spec
    assert "uwsgi==2.0.31" in _pins(APP_DIR / "requirements.lock")
