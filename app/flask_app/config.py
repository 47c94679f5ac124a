"""Settings read from the environment, and only from the environment.

The chart is the single source of configuration: it sets the variables named in
the chart/app contract. Parsing is a pure function of a mapping so every rule is
testable without touching os.environ.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ENVIRONMENTS = ("development", "staging", "production")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}

# Where train.py writes the model in a checkout; the image and the chart set MODEL_PATH.
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "model" / "model.joblib"


class ConfigError(Exception):
    """The environment cannot run the app; the message lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    app_env: str
    debug: bool
    log_level: str
    secret_key: str
    secret_key_generated: bool
    database_url: str | None  # with the password in it, URL-encoded
    redis_url: str | None  # with the password in it, URL-encoded
    model_enabled: bool
    model_path: Path
    # Port whose requests alone may read /metrics (uWSGI listens on it too); None
    # serves /metrics on the app port, as a checkout without the chart does.
    metrics_port: int | None = None

    @property
    def database_configured(self) -> bool:
        return self.database_url is not None

    @property
    def redis_configured(self) -> bool:
        return self.redis_url is not None


def parse_bool(name: str, raw: str | None, default: bool, problems: list[str]) -> bool:
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    problems.append(f"{name}={raw!r} is not a boolean: use true or false")
    return default


def with_password(url: str, password: str | None, scheme_rewrite: Mapping[str, str]) -> str:
    """Put a password into a URL that carries none, percent-encoding every reserved character.

    The chart passes the URL in a ConfigMap and the password from a Secret, so the
    two only meet here; quoting with safe='' means '@', ':', '/', '%' or '#' in a
    generated password cannot change where the connection goes.
    """
    parts = urlsplit(url)
    scheme = scheme_rewrite.get(parts.scheme, parts.scheme)
    netloc = parts.netloc
    if password:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0] if userinfo else ""
        netloc = f"{user}:{quote(password, safe='')}@{hostport}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))


def _url(name: str, raw: str | None, schemes: tuple[str, ...], problems: list[str]) -> str | None:
    if raw is None or raw.strip() == "":
        return None
    parts = urlsplit(raw.strip())
    if parts.scheme not in schemes or not parts.hostname:
        problems.append(f"{name}={raw!r} is not a URL like {schemes[0]}://host:port/...")
        return None
    if parts.password:
        # Passwords belong in the Secret-backed variable, never in a ConfigMap value.
        problems.append(f"{name} must not contain a password: put it in {name.replace('_URL', '_PASSWORD')}")
        return None
    return raw.strip()


def secret_value(name: str, env: Mapping[str, str], problems: list[str]) -> str | None:
    """A secret from the file named by NAME_FILE (a mounted Secret), else from NAME.

    The file form keeps the value out of the process environment, where anything
    that can read /proc/<pid>/environ or a crash dump would see it; the variable
    stays as the fallback for a chart or runtime that only knows that form. One
    trailing newline is dropped (`echo secret > file` and editors add it).
    """
    path = env.get(f"{name}_FILE", "").strip()
    if not path:
        return env.get(name)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{name}_FILE={path!r} cannot be read: {exc.__class__.__name__}")
        return None
    return raw[:-1] if raw.endswith("\n") else raw


def _port(name: str, raw: str | None, problems: list[str]) -> int | None:
    if raw is None or raw.strip() == "":
        return None
    if not raw.strip().isdigit() or not 1 <= int(raw) <= 65535:
        problems.append(f"{name}={raw!r} is not a TCP port (1-65535)")
        return None
    return int(raw)


def load_settings(env: Mapping[str, str]) -> Settings:
    problems: list[str] = []
    app_env = env.get("APP_ENV", "development").strip().lower() or "development"
    if app_env not in ENVIRONMENTS:
        problems.append(f"APP_ENV={app_env!r} must be one of {', '.join(ENVIRONMENTS)}")
    debug = parse_bool("FLASK_DEBUG", env.get("FLASK_DEBUG"), False, problems)
    log_level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if log_level not in LOG_LEVELS:
        problems.append(f"LOG_LEVEL={log_level!r} must be one of {', '.join(LOG_LEVELS)}")
        log_level = "INFO"
    secret_key = secret_value("SECRET_KEY", env, problems) or ""
    generated = secret_key == ""
    if generated:
        secret_key = secrets.token_urlsafe(32)

    db = _url("DATABASE_URL", env.get("DATABASE_URL"), ("postgresql", "postgres"), problems)
    redis = _url("REDIS_URL", env.get("REDIS_URL"), ("redis", "rediss"), problems)
    # Read even without a URL, so a wrong *_FILE path is reported either way.
    db_password = secret_value("DATABASE_PASSWORD", env, problems)
    db_url = (
        with_password(
            db,
            db_password,
            {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"},
        )
        if db
        else None
    )
    redis_password = secret_value("REDIS_PASSWORD", env, problems)
    redis_url = with_password(redis, redis_password, {}) if redis else None

    model_enabled = parse_bool("MODEL_ENABLED", env.get("MODEL_ENABLED"), True, problems)
    model_path = Path(env.get("MODEL_PATH") or DEFAULT_MODEL_PATH)
    metrics_port = _port("METRICS_PORT", env.get("METRICS_PORT"), problems)

    if problems:
        raise ConfigError(problems)
    return Settings(
        app_env=app_env,
        debug=debug,
        log_level=log_level,
        secret_key=secret_key,
        secret_key_generated=generated,
        database_url=db_url,
        redis_url=redis_url,
        model_enabled=model_enabled,
        model_path=model_path,
        metrics_port=metrics_port,
    )


def serving_problems(settings: Settings) -> list[str]:
    """Reasons to refuse serving traffic. Only the server entry point applies them,
    so one-off commands such as the migration Job need no SECRET_KEY."""
    problems: list[str] = []
    if settings.app_env == "production":
        if settings.debug:
            problems.append("FLASK_DEBUG is on in production: set FLASK_DEBUG=false (flask.debug in the chart)")
        if settings.secret_key_generated:
            problems.append("SECRET_KEY is not set in production: put it in the Secret named by flask.existingSecret")
    return problems


def log_level_number(settings: Settings) -> int:
    return logging.getLevelNamesMapping()[settings.log_level]
