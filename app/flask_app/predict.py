"""POST /predict: validate, answer from the Redis cache or the model, log to the database."""

from __future__ import annotations

import json
import logging

from flask import Blueprint, current_app, jsonify, request

from . import cache
from .config import Settings
from .db import PredictionLog, db
from .inference import (
    BadInput,
    LoadedModel,
    ModelBroken,
    ModelMissing,
    ModelStore,
    cache_key,
    example_body,
    parse_features,
    predict,
)
from .metrics import PREDICTIONS

bp = Blueprint("predict", __name__)
log = logging.getLogger(__name__)

CACHE_TTL_SECONDS = 3600
# Before the model is loaded we still want to name the fields in a 400.
IRIS_FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]


def _cached(settings: Settings, key: str) -> dict[str, object] | None:
    if settings.redis_url is None:
        return None
    try:
        raw = cache.client(settings.redis_url).get(key)
    except Exception as exc:  # noqa: BLE001 - the cache is an optimisation, never a failure
        log.warning("prediction cache read failed", extra={"reason": str(exc)})
        return None
    return json.loads(raw) if raw else None


def _store(settings: Settings, key: str, result: dict[str, object]) -> None:
    if settings.redis_url is None:
        return
    try:
        cache.client(settings.redis_url).set(key, json.dumps(result), ex=CACHE_TTL_SECONDS)
    except Exception as exc:  # noqa: BLE001
        log.warning("prediction cache write failed", extra={"reason": str(exc)})


def _record(settings: Settings, features: list[float], result: dict[str, object], cached: bool) -> None:
    if not settings.database_configured:
        return
    try:
        db.session.add(
            PredictionLog(
                features=features,
                prediction=str(result["prediction"]),
                model_version=str(result["model_version"]),
                cached=cached,
            )
        )
        db.session.commit()
    except Exception as exc:  # noqa: BLE001 - a prediction is still worth returning
        db.session.rollback()
        log.warning("prediction log write failed", extra={"reason": str(exc).splitlines()[0]})


def _bad(message: str, names: list[str]):
    return jsonify(error=message, example=example_body(names)), 400


@bp.post("/predict")
def predict_endpoint():
    settings: Settings = current_app.config["SETTINGS"]
    if not settings.model_enabled:
        return jsonify(error="prediction is disabled", hint="set MODEL_ENABLED=true to serve /predict"), 404
    body = request.get_json(silent=True)
    if body is None:
        return _bad("the body must be JSON (Content-Type: application/json)", IRIS_FEATURES)
    store: ModelStore = current_app.extensions["model_store"]
    try:
        model: LoadedModel = store.get()
    except ModelMissing:
        return jsonify(
            error=f"model file not found at {store.path}",
            hint="train it with `python model/train.py --output <MODEL_PATH>`, "
            "or let the chart's init container copy it",
        ), 503
    except ModelBroken as exc:
        log.error("model file unusable", extra={"model_path": str(store.path), "reason": str(exc)})
        return jsonify(
            error=f"model file at {store.path} cannot be loaded",
            hint="replace it with one written by model/train.py for this app version",
        ), 503
    try:
        features = parse_features(body, model.feature_names)
    except BadInput as exc:
        return _bad(str(exc), model.feature_names)

    key = cache_key(model, features)
    result = _cached(settings, key)
    cached = result is not None
    if result is None:
        result = predict(model, features)
        _store(settings, key, result)
    PREDICTIONS.labels(str(cached).lower()).inc()
    _record(settings, features, result, cached)
    return jsonify({**result, "cached": cached})
