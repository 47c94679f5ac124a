"""Redis: optional; one client per process, created on first use (after uWSGI forks)."""

from __future__ import annotations

import threading

import redis

SOCKET_TIMEOUT_SECONDS = 1.0

_lock = threading.Lock()
_clients: dict[str, redis.Redis] = {}


def client(url: str) -> redis.Redis:
    with _lock:
        found = _clients.get(url)
        if found is None:
            found = redis.Redis.from_url(
                url,
                socket_timeout=SOCKET_TIMEOUT_SECONDS,
                socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
                health_check_interval=30,
            )
            _clients[url] = found
        return found
