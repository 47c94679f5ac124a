"""uWSGI entry point (module = flask_app.wsgi:app in uwsgi.ini).

uWSGI imports this once in the master, then forks the workers, so everything done
at import time here happens once per server start (and once per graceful reload).
"""

from __future__ import annotations

import logging
import os
import sys

from . import multiproc

multiproc.prepare()

from . import create_app  # noqa: E402 - must follow multiproc.prepare()
from .config import ConfigError, load_settings, serving_problems  # noqa: E402


def _refuse(problems: list[str]) -> None:
    # On a ConfigError logging is not configured yet (create_app does that), so the
    # reason also goes out as a plain line, which uWSGI's log always shows.
    logging.getLogger("flask_app").critical("refusing to start", extra={"problems": problems})
    print(f"flask-app refuses to start: {'; '.join(problems)}", file=sys.stderr, flush=True)
    # The exit hook in uwsgi.ini does not run when the app never loads.
    multiproc.discard_owned()
    # uWSGI's need-app turns a failed import into a non-zero exit, which is what the
    # chart's crash-loop detection and the wizard's failure classifier look for.
    raise SystemExit(1)


try:
    _settings = load_settings(os.environ)
except ConfigError as exc:
    _refuse(exc.problems)
else:
    if serving_problems(_settings):
        _refuse(serving_problems(_settings))

app = create_app()


def _warm_up() -> None:
    """Load the model in the master so workers inherit it when they fork.

    Importing scikit-learn takes seconds; done here, the first /predict of each
    worker does not pay for it. A missing file is fine: /predict answers 503 and
    retries the load on later requests.
    """
    if not _settings.model_enabled:
        return
    from .inference import ModelMissing

    try:
        app.extensions["model_store"].get()
    except ModelMissing:
        logging.getLogger("flask_app").warning("model file missing", extra={"model_path": str(_settings.model_path)})
    except Exception:  # a broken model must not stop /health and /ready from answering
        logging.getLogger("flask_app").exception(
            "model failed to load", extra={"model_path": str(_settings.model_path)}
        )


_warm_up()
