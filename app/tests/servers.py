"""Real PostgreSQL and Redis servers for the tests, on loopback ports in temp dirs.

PostgreSQL refuses to run as root, and CI runs as root, so there the server runs as
the `postgres` system user the Debian package creates (through runuser); as any other
user it runs as that user. Passwords reach the servers through files and stdin,
never through argv.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# Every character that could break a hand-built URL, so the URL-encoding is proven.
DB_PASSWORD = "p@ss:w/rd%#?&= '\"é"
REDIS_PASSWORD = "r3d!s@:/%#?&= pw"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run scripts/tools/install-system-deps.sh")
    return Path(found[-1]).parent


@dataclass
class Postgres:
    port: int
    root: Path
    user: str = "flask_app"
    database: str = "flask_app"
    password: str = DB_PASSWORD
    _run_as: list[str] = field(default_factory=list)

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        """The DATABASE_URL form the chart renders: no password in it."""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{self.database}"

    def _cmd(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [*self._run_as, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def start(self) -> None:
        self._cmd(
            str(postgres_bin() / "pg_ctl"),
            "-D", str(self.datadir), "-l", str(self.root / "server.log"), "-w", "-t", "60",
            "-o", f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._cmd(str(postgres_bin() / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop")

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self._cmd(
            str(postgres_bin() / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
            "-h", str(self.root), "-p", str(self.port), "-U", "postgres", "-d", database,
            stdin=sql,
        )  # fmt: skip

    def create_role(self, user: str, password: str, database: str) -> None:
        """A login role with a password, owning an empty database (what the chart's subchart
        makes). Repeated calls reset the password and start the database over."""
        quoted = password.replace("'", "''")
        exists = self.psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{user}';").strip() == "1"
        verb = "ALTER" if exists else "CREATE"
        self.psql(
            f"{verb} ROLE \"{user}\" LOGIN PASSWORD '{quoted}';\n"
            f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE);\n'
            f'CREATE DATABASE "{database}" OWNER "{user}";\n'
        )


def start_postgres() -> Postgres:
    root = Path(tempfile.mkdtemp(prefix="fhw-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        # initdb and postgres refuse root; the Debian package's system user can run them.
        pw = pwd.getpwnam("postgres")
        os.chown(root, pw.pw_uid, pw.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    pg = Postgres(port=free_port(), root=root, _run_as=run_as)
    # Local socket connections trust (the fixture's admin path); TCP needs a password,
    # which is what the app uses, so a wrong encoding shows up as an auth failure.
    pg._cmd(
        str(postgres_bin() / "initdb"), "-D", str(pg.datadir), "-U", "postgres",
        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
    )  # fmt: skip
    _enable_tls(pg)
    pg.start()
    pg.create_role(pg.user, pg.password, pg.database)
    return pg


def _enable_tls(pg: Postgres) -> None:
    """A self-signed certificate, so `sslmode=require` (the prod values) can connect."""
    cert, key = pg.datadir / "server.crt", pg.datadir / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    key.chmod(0o600)
    if pg._run_as:
        owner = pwd.getpwnam("postgres")
        for path in (cert, key):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    with (pg.datadir / "postgresql.conf").open("a") as conf:
        conf.write("ssl = on\n")


def stop_postgres(pg: Postgres) -> None:
    try:
        pg.stop()
    finally:
        shutil.rmtree(pg.root, ignore_errors=True)


@dataclass
class Redis:
    port: int
    root: Path
    password: str = REDIS_PASSWORD
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        conf = self.root / "redis.conf"
        quoted = self.password.replace("\\", "\\\\").replace('"', '\\"')
        conf.write_text(
            f'port {self.port}\nbind 127.0.0.1\ndir {self.root}\nsave ""\nappendonly no\n'
            f'requirepass "{quoted}"\nlogfile {self.root / "redis.log"}\n'
        )
        conf.chmod(0o600)
        self.proc = subprocess.Popen(["redis-server", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port, 20, self.proc)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
        self.proc = None


def start_redis() -> Redis:
    if shutil.which("redis-server") is None:
        raise RuntimeError("redis-server is not installed: run scripts/tools/install-system-deps.sh")
    server = Redis(port=free_port(), root=Path(tempfile.mkdtemp(prefix="fhw-redis-")))
    server.start()
    return server


def stop_redis(server: Redis) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.root, ignore_errors=True)
