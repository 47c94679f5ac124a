"""Train the default model the app serves: a small classifier on the iris data set.

The data ships inside scikit-learn, so training needs no network. The artifact is a
joblib file holding the fitted pipeline plus the names /predict reports.

    python model/train.py [--output PATH]     (default: $MODEL_PATH or model/model.joblib)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import joblib
import sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ARTIFACT_FORMAT = 1
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "model.joblib"


def train() -> dict[str, object]:
    data = load_iris()
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500, random_state=0))
    pipeline.fit(data.data, data.target)
    return {
        "format": ARTIFACT_FORMAT,
        "estimator": pipeline,
        # "sepal length (cm)" → "sepal_length": the JSON keys /predict accepts.
        "feature_names": [name.removesuffix(" (cm)").replace(" ", "_") for name in data.feature_names],
        "class_names": [str(name) for name in data.target_names],
        "sklearn_version": sklearn.__version__,
        "training_accuracy": float(pipeline.score(data.data, data.target)),
    }


def save(artifact: dict[str, object], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a worker loading the model never reads half a file.
    fd, tmp = tempfile.mkstemp(prefix=".model-", dir=output.parent)
    os.close(fd)
    try:
        joblib.dump(artifact, tmp)
        # mkstemp makes the file 0600: the app runs as another user than the one who
        # trained (uid 10001 in the image, root at build time), so everyone may read it.
        os.chmod(tmp, 0o644)
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path(os.environ.get("MODEL_PATH") or DEFAULT_OUTPUT))
    args = parser.parse_args(argv)
    artifact = train()
    save(artifact, args.output)
    print(f"model written to {args.output} (training accuracy {artifact['training_accuracy']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
