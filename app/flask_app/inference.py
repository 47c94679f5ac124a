"""Loading the model and turning request JSON into a prediction (no Flask here)."""

from __future__ import annotations

import hashlib
import json
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib


class BadInput(ValueError):
    """The request body cannot be predicted on; the message says what to send."""


class ModelMissing(RuntimeError):
    pass


class ModelBroken(RuntimeError):
    """The file exists but is not a model this app can use (truncated, wrong format)."""


@dataclass(frozen=True)
class LoadedModel:
    estimator: Any
    feature_names: list[str]
    class_names: list[str]
    version: str


class ModelStore:
    """Loads the model file once per process, on first use.

    A missing file is not remembered, so a model copied onto the volume later is
    picked up without a restart.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._model: LoadedModel | None = None

    def get(self) -> LoadedModel:
        if self._model is not None:
            return self._model
        with self._lock:
            if self._model is None:
                self._model = self._load()
            return self._model

    def _load(self) -> LoadedModel:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError as exc:
            raise ModelMissing(str(self.path)) from exc
        try:
            # joblib unpickles: the model volume is as trusted as the image itself.
            artifact = joblib.load(self.path)
            return LoadedModel(
                estimator=artifact["estimator"],
                feature_names=list(artifact["feature_names"]),
                class_names=list(artifact["class_names"]),
                version=hashlib.sha256(raw).hexdigest()[:12],
            )
        except Exception as exc:  # noqa: BLE001 - any unreadable file is the same problem to the caller
            raise ModelBroken(f"{type(exc).__name__}: {exc}") from exc


def example_body(feature_names: list[str]) -> dict[str, object]:
    return {"features": {name: 1.0 for name in feature_names}}


def parse_features(body: object, feature_names: list[str]) -> list[float]:
    """{"features": [n, ...]} in the model's order, or {"features": {"name": n, ...}}."""
    expected = len(feature_names)
    if not isinstance(body, dict) or "features" not in body:
        raise BadInput('send a JSON object with a "features" key')
    raw = body["features"]
    if isinstance(raw, dict):
        missing = [name for name in feature_names if name not in raw]
        extra = sorted(set(raw) - set(feature_names))
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(missing)}")
            if extra:
                parts.append(f"unknown {', '.join(extra)}")
            raise BadInput(f"features: {'; '.join(parts)} (expected {', '.join(feature_names)})")
        values = [raw[name] for name in feature_names]
    elif isinstance(raw, list):
        if len(raw) != expected:
            raise BadInput(f"features: expected {expected} numbers ({', '.join(feature_names)}), got {len(raw)}")
        values = raw
    else:
        raise BadInput("features must be a list of numbers or an object of name → number")
    numbers: list[float] = []
    for index, value in enumerate(values):
        label = feature_names[index]
        # bool is an int in Python but never a measurement.
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadInput(f"features.{label} must be a number, got {json.dumps(value)}")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise BadInput(f"features.{label} must be a finite number")
        numbers.append(number)
    return numbers


def predict(model: LoadedModel, features: list[float]) -> dict[str, object]:
    probabilities = model.estimator.predict_proba([features])[0]
    best = int(probabilities.argmax())
    return {
        "prediction": model.class_names[best],
        "class_index": best,
        "probabilities": {name: round(float(p), 6) for name, p in zip(model.class_names, probabilities, strict=True)},
        "model_version": model.version,
    }


def cache_key(model: LoadedModel, features: list[float]) -> str:
    digest = hashlib.sha256(json.dumps(features).encode()).hexdigest()[:24]
    return f"flask-app:predict:{model.version}:{digest}"
