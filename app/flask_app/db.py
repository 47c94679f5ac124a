"""The database: optional, PostgreSQL through psycopg 3, one small table."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Short enough that a readiness probe (default timeout 1-5 s) gets an answer from us
# rather than timing out itself; long enough for a database across a network.
CONNECT_TIMEOUT_SECONDS = 2


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class PredictionLog(db.Model):  # type: ignore[name-defined]
    __tablename__ = "prediction_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=lambda: datetime.now(UTC), nullable=False, index=True
    )
    features: Mapped[list[float]] = mapped_column(sa.JSON, nullable=False)
    prediction: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    model_version: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    cached: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)


def engine_options() -> dict[str, object]:
    return {
        # A pooled connection may have died with a database restart; check before use.
        "pool_pre_ping": True,
        "pool_timeout": CONNECT_TIMEOUT_SECONDS,
        "connect_args": {"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "flask-app"},
    }
