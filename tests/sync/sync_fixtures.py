"""Helpers of the sync tests: a uvicorn server in a thread, enrolled devices, households, mutations."""
from __future__ import annotations

import http.client
import itertools
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator

import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.services.demo_data import DemoGenerator, VillageInfo
from app.survey.definition import load_form
from app.survey.validate import validate_record
from sync.client import PlatformClient
from sync.platform import admin
from sync.platform.db import PlatformDB

TODAY = date(2026, 11, 28)
HOUSEHOLD_FORM = load_form("household")
TOWNSHIP_A, TOWNSHIP_B = "445122101000", "445122102000"
VILLAGE_A1, VILLAGE_A2, VILLAGE_B1 = "445122101201", "445122101202", "445122102201"
DIVISIONS_YAML = f"""
counties:
- code: '445122000000'
  name: 饶平县
  townships:
  - code: '{TOWNSHIP_A}'
    name: 东山镇
    villages:
    - {{code: '{VILLAGE_A1}', name: 东山村, registered_households: 10}}
    - {{code: '{VILLAGE_A2}', name: 西山村, registered_households: 40}}
  - code: '{TOWNSHIP_B}'
    name: 南山镇
    villages:
    - {{code: '{VILLAGE_B1}', name: 南山村, registered_households: 30}}
"""


@contextmanager
def serve(app, **ssl) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free loopback port in a thread; yields its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_config=None, lifespan="off", timeout_graceful_shutdown=2, **ssl)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield f"{'https' if ssl else 'http'}://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def public_key() -> bytes:
    """A fresh device signing key's raw public bytes."""
    return Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass
class Platform:
    """The running platform of one test module and helpers to enrol devices on it."""

    db: PlatformDB
    url: str
    generator: DemoGenerator = field(default_factory=lambda: DemoGenerator(7, TODAY))
    _users: itertools.count = field(default_factory=lambda: itertools.count(1))

    def user(self, *codes: str) -> str:
        username = f"officer{next(self._users)}"
        admin.create_user(self.db, username, "测试信贷员")
        admin.assign_divisions(self.db, username, list(codes))
        return username

    def device(self, username: str, name: str = "笔记本") -> PlatformClient:
        """An enrolled client for ``username``."""
        client = PlatformClient(self.url, timeout=(5, 30))
        client.enrol(admin.issue_enrolment_code(self.db, username), name, public_key())
        return client

    def household(self, village: str = VILLAGE_A1) -> dict:
        """A valid household document of ``village`` (the demo generator also makes invalid ones:
        without consent, or now and then two members with one ID number)."""
        while True:
            document = self.generator.household(VillageInfo(village, "东山村"))
            if validate_record(document, HOUSEHOLD_FORM, today=TODAY).ok:
                return document


def insert(mutation_id: int, document: dict, record_type: str = "household") -> dict:
    """An insert mutation of ``document``."""
    return {"mutation_id": mutation_id, "record_type": record_type, "record_id": document["id"],
            "op": "insert", "base_revision": 0, "fields": document}


def patch(mutation_id: int, record_id: str, base: int, **fields) -> dict:
    return {"mutation_id": mutation_id, "record_type": "household", "record_id": record_id,
            "op": "patch", "base_revision": base, "fields": fields}


class DroppingProxy:
    """A loopback HTTP proxy that forwards each request to ``upstream`` and, while ``drop`` is set,
    reads the platform's whole answer and then hangs up instead of passing it on: the response
    lost after the server committed, as a flaky mobile network loses it."""

    def __init__(self, upstream: str):
        self.upstream = upstream.removeprefix("http://")
        self.drop = True
        self.forwarded = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            with conn:
                self._handle(conn)

    def _handle(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        method, target, _ = reader.readline().decode("latin-1").split(" ", 2)
        headers = {}
        for line in iter(reader.readline, b"\r\n"):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip()] = value.strip()
        body = reader.read(int(headers.get("Content-Length", 0)))
        upstream = http.client.HTTPConnection(self.upstream, timeout=30)
        upstream.request(method, target, body=body, headers=headers)
        answer = upstream.getresponse()
        payload = answer.read()
        self.forwarded += 1
        if self.drop:
            return  # the platform has answered (and committed); the client never hears it
        head = f"HTTP/1.1 {answer.status} {answer.reason}\r\n"
        for name, value in answer.getheaders():
            if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                head += f"{name}: {value}\r\n"
        head += f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
        conn.sendall(head.encode("latin-1") + payload)
