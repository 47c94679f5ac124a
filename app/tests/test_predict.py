"""POST /predict: validation, the Redis cache, the prediction log, disabled and missing model."""

from __future__ import annotations

from pathlib import Path

import joblib
import pytest

from flask_app import create_app

from .servers import Postgres, Redis

SETOSA = [5.1, 3.5, 1.4, 0.2]
VIRGINICA = {"sepal_length": 6.7, "sepal_width": 3.0, "petal_length": 5.2, "petal_width": 2.3}


def _rows(postgres: Postgres, where: str) -> list[str]:
    out = postgres.psql(
        f"SELECT prediction || '|' || cached FROM prediction_log WHERE {where} ORDER BY id;", postgres.database
    )
    return out.split()


def test_predicts_from_a_list_in_model_order(bare_client) -> None:
    resp = bare_client.post("/predict", json={"features": SETOSA})
    body = resp.get_json()
    assert resp.status_code == 200, body
    assert body["prediction"] == "setosa" and body["class_index"] == 0 and body["cached"] is False
    assert set(body["probabilities"]) == {"setosa", "versicolor", "virginica"}
    assert abs(sum(body["probabilities"].values()) - 1) < 1e-4
    assert len(body["model_version"]) == 12


def test_predicts_from_named_features(bare_client) -> None:
    resp = bare_client.post("/predict", json={"features": VIRGINICA})
    assert resp.status_code == 200 and resp.get_json()["prediction"] == "virginica"


def test_second_identical_request_comes_from_redis_and_both_are_logged(client, postgres: Postgres) -> None:
    features = [6.0, 2.2, 4.0, 1.0]  # unique to this test, so earlier runs do not hit the cache
    first = client.post("/predict", json={"features": features}).get_json()
    second = client.post("/predict", json={"features": features}).get_json()
    assert first["cached"] is False and second["cached"] is True
    assert first["prediction"] == second["prediction"] == "versicolor"
    assert _rows(postgres, "features::text = '[6.0, 2.2, 4.0, 1.0]'") == ["versicolor|false", "versicolor|true"]


def test_prediction_still_answers_while_redis_is_down(client, redis_server: Redis) -> None:
    redis_server.stop()
    try:
        resp = client.post("/predict", json={"features": [5.9, 3.0, 5.1, 1.8]})
        assert resp.status_code == 200 and resp.get_json()["cached"] is False
    finally:
        redis_server.start()


BAD = [
    ("not json", "the body must be JSON"),
    ({"x": 1}, 'send a JSON object with a "features" key'),
    ([1, 2, 3, 4], 'send a JSON object with a "features" key'),
    ({"features": [1, 2, 3]}, "expected 4 numbers (sepal_length, sepal_width, petal_length, petal_width), got 3"),
    ({"features": [1, 2, 3, "4"]}, 'features.petal_width must be a number, got "4"'),
    ({"features": [True, 2, 3, 4]}, "features.sepal_length must be a number, got true"),
    ({"features": [1, None, 3, 4]}, "features.sepal_width must be a number, got null"),
    ({"features": "1,2,3,4"}, "features must be a list of numbers or an object"),
    ({"features": {"sepal_length": 1}}, "missing sepal_width, petal_length, petal_width"),
    ({"features": {**VIRGINICA, "colour": 1}}, "unknown colour"),
]


@pytest.mark.parametrize("body,message", BAD)
def test_bad_input_is_a_400_that_says_what_to_send(bare_client, body: object, message: str) -> None:
    if isinstance(body, str):
        resp = bare_client.post("/predict", data=body, content_type="text/plain")
    else:
        resp = bare_client.post("/predict", json=body)
    out = resp.get_json()
    assert resp.status_code == 400
    assert message in out["error"]
    assert set(out["example"]["features"]) == set(VIRGINICA)


@pytest.mark.parametrize(
    "raw", ['{"features": [NaN, 1, 1, 1]}', '{"features": [1, Infinity, 1, 1]}', '{"features": [1, 1, 1e999, 1]}']
)
def test_non_finite_numbers_are_refused(bare_client, raw: str) -> None:
    resp = bare_client.post("/predict", data=raw, content_type="application/json")
    assert resp.status_code == 400 and "must be a finite number" in resp.get_json()["error"]


def test_huge_integer_is_refused(bare_client) -> None:
    resp = bare_client.post(
        "/predict", data='{"features": [1, 1, 1, ' + "9" * 400 + "]}", content_type="application/json"
    )
    assert resp.status_code == 400 and "features.petal_width must be a finite number" in resp.get_json()["error"]


def test_disabled_model_is_404_with_a_hint(trained_model: Path) -> None:
    app = create_app({"MODEL_ENABLED": "false", "MODEL_PATH": str(trained_model)})
    resp = app.test_client().post("/predict", json={"features": SETOSA})
    assert resp.status_code == 404 and "MODEL_ENABLED=true" in resp.get_json()["hint"]


def test_missing_model_file_is_503_then_served_once_the_file_appears(tmp_path: Path, trained_model: Path) -> None:
    target = tmp_path / "later" / "model.joblib"
    client = create_app({"MODEL_PATH": str(target)}).test_client()
    resp = client.post("/predict", json={"features": SETOSA})
    assert resp.status_code == 503
    assert str(target) in resp.get_json()["error"] and "train.py" in resp.get_json()["hint"]
    # The chart's init container copies the model onto the volume after the app may have started.
    target.parent.mkdir()
    target.write_bytes(trained_model.read_bytes())
    assert client.post("/predict", json={"features": SETOSA}).status_code == 200


def test_model_is_loaded_once_per_process(bare_client, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = joblib.load
    monkeypatch.setattr(joblib, "load", lambda path: calls.append(str(path)) or real(path))
    for _ in range(3):
        assert bare_client.post("/predict", json={"features": SETOSA}).status_code == 200
    assert len(calls) == 1


def test_prediction_log_survives_a_database_outage(client, postgres: Postgres) -> None:
    postgres.stop()
    try:
        resp = client.post("/predict", json={"features": [4.4, 2.9, 1.4, 0.2]})
        assert resp.status_code == 200  # the log write failed, the prediction did not
    finally:
        postgres.start()
    # The pool's dead connection is replaced (pre-ping), so logging resumes.
    assert client.post("/predict", json={"features": [4.4, 2.9, 1.4, 0.2]}).status_code == 200
    assert _rows(postgres, "features::text = '[4.4, 2.9, 1.4, 0.2]'") == [
        "setosa|true"
    ]  # Redis had it from the first call


def test_before_the_migration_job_has_run_the_app_is_ready_and_predicts(services_env, postgres: Postgres) -> None:
    # The chart runs migrations as a post-install hook: the first pods start on an empty database.
    postgres.create_role("not_migrated", "pw", "not_migrated")
    url = f"postgresql://not_migrated@127.0.0.1:{postgres.port}/not_migrated"
    client = create_app({**services_env, "DATABASE_URL": url, "DATABASE_PASSWORD": "pw"}).test_client()
    assert client.get("/ready").status_code == 200
    resp = client.post("/predict", json={"features": [7.7, 2.6, 6.9, 2.3]})
    assert resp.status_code == 200 and resp.get_json()["prediction"] == "virginica"


def test_a_corrupt_model_file_is_503_with_a_hint(tmp_path: Path) -> None:
    broken = tmp_path / "model.joblib"
    broken.write_bytes(b"not a pickle")
    resp = create_app({"MODEL_PATH": str(broken)}).test_client().post("/predict", json={"features": SETOSA})
    assert resp.status_code == 503
    assert resp.get_json()["error"] == f"model file at {broken} cannot be loaded"
    assert "model/train.py" in resp.get_json()["hint"]


def test_an_oversized_body_is_refused_before_parsing(bare_client) -> None:
    resp = bare_client.post("/predict", data="[" + "1," * 40000 + "1]", content_type="application/json")
    assert resp.status_code == 413 and resp.get_json()["error"] == "Request Entity Too Large"
