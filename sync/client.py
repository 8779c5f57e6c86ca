"""The wire client of the exchange platform: enrol, push, pull, public figures, over ``requests``.

Safety rules, each tested: TLS verification is always on (the system store, or ``ca_bundle``
for a city's own CA; verification is never switched off); redirects are refused (a redirect to plain http
would leak the token and the data); the body is streamed and abandoned past
``max_response_bytes``; every failure is one :class:`~sync.errors.SyncError` subclass with a
Chinese message; the token never appears in an exception or a log line. A server clock more
than five minutes off the local clock adds a ``warnings`` entry to the result.

The outbox, retries and the local store are the caller's: this class only speaks the protocol.
"""
from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Mapping, Sequence, TypeVar

import requests
from pydantic import BaseModel, ValidationError

from app.domain.problems import QT_TRANSLATE_NOOP
from sync.errors import (BadResponse, CertificateRejected, ClientTooOld, Forbidden,
                         RequestRefused, ServerFailed, Unauthorized, Unreachable)
from sync.protocol import (API_PREFIX, DEFAULT_PULL_LIMIT, MAX_PUSH_BATCH, PROTOCOL_HEADER,
                           PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION, EnrolResponse, Mutation,
                           PublicFigures, PullResponse, PushResponse, utc_now)

MiB = 1024 * 1024
CLOCK_SKEW_LIMIT = timedelta(minutes=5)
_CHUNK = 64 * 1024
SKEW = QT_TRANSLATE_NOOP("sync", "本机时钟与平台相差约 {minutes} 分钟，请校准本机时间")
_REDIRECT = QT_TRANSLATE_NOOP("sync", "平台要求跳转到 {location}，为安全起见已拒绝")
_TOO_BIG = QT_TRANSLATE_NOOP("sync", "响应超过 {limit} 字节")
_NOT_JSON = QT_TRANSLATE_NOOP("sync", "不是 JSON，而是 {content_type}")
_GARBAGE = QT_TRANSLATE_NOOP("sync", "JSON 无法解析")
_SCHEMA = QT_TRANSLATE_NOOP("sync", "内容不符合同步协议：{fields}")
_TIMEOUT = QT_TRANSLATE_NOOP("sync", "等待超时")
_REFUSED = QT_TRANSLATE_NOOP("sync", "连接失败")
_CUT = QT_TRANSLATE_NOOP("sync", "传输中断")


class Enrolment(EnrolResponse):
    warnings: list[str] = []


class PushResult(PushResponse):
    warnings: list[str] = []


class PullPage(PullResponse):
    warnings: list[str] = []


class Figures(PublicFigures):
    warnings: list[str] = []


Result = TypeVar("Result", bound=BaseModel)


class PlatformClient:
    """One platform at ``base_url`` (``https://platform.example.cn``), one device token."""

    def __init__(self, base_url: str, *, token: str | None = None, ca_bundle: Path | None = None,
                 timeout: tuple[float, float] = (5, 30), max_response_bytes: int = 8 * MiB):
        if not base_url.startswith(("https://", "http://")):
            raise ValueError("base_url must start with https:// (or http:// on a test loopback)")
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.max_response_bytes = max_response_bytes
        self._verify: str | bool = str(ca_bundle) if ca_bundle else True
        self.session = requests.Session()
        self.session.headers.update({PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION),
                                     "Accept": "application/json",
                                     "User-Agent": f"credit-village-field/{PROTOCOL_VERSION}"})

    def __repr__(self) -> str:  # never shows the token
        return f"PlatformClient({self.base_url!r}, enrolled={self.token is not None})"

    def close(self) -> None:
        self.session.close()

    def enrol(self, code: str, device_name: str, public_key: bytes | str) -> Enrolment:
        """Enrol this device; keeps the returned token for the calls that follow."""
        key = base64.b64encode(public_key).decode() if isinstance(public_key, bytes) else public_key
        body = {"code": code, "device_name": device_name, "signing_public_key": key}
        result = self._call("POST", "/enrol", Enrolment, body=body, auth=False)
        self.token = result.token
        return result

    def push(self, mutations: Sequence[Mutation | Mapping[str, Any]]) -> PushResult:
        """Send one batch (at most 500) of mutations; one result per mutation, in order."""
        if len(mutations) > MAX_PUSH_BATCH:
            raise ValueError(f"at most {MAX_PUSH_BATCH} mutations per push")
        items = [m.model_dump(mode="json") if isinstance(m, Mutation) else dict(m) for m in mutations]
        return self._call("POST", "/push", PushResult, body={"mutations": items})

    def pull(self, cursor: str | None = None, limit: int = DEFAULT_PULL_LIMIT) -> PullPage:
        """The changes after ``cursor`` (None: from the beginning), at most ``limit``."""
        params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        return self._call("GET", "/pull", PullPage, params=params)

    def public_figures(self) -> Figures:
        """The public per-village figures (no token needed)."""
        return self._call("GET", "/public/figures", Figures, auth=False)

    def _call(self, method: str, path: str, model: type[Result], *, body: dict | None = None,
              params: dict | None = None, auth: bool = True) -> Result:
        headers = {"Authorization": f"Bearer {self.token}"} if auth and self.token else {}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
        response = self._send(method, self.base_url + API_PREFIX + path, data, params, headers)
        with response:
            raw = self._read(response)
        payload = _decode(response, raw)
        _raise_for_status(response, payload)
        try:
            result = model.model_validate(payload)
        except ValidationError as error:
            fields = ", ".join(".".join(map(str, e["loc"])) for e in error.errors()[:3])
            raise BadResponse(_SCHEMA.format(fields=fields), status=response.status_code) from None
        result.warnings.extend(clock_warnings(getattr(result, "server_time", None)))
        return result

    def _send(self, method: str, url: str, data: bytes | None, params: dict | None,
              headers: dict) -> requests.Response:
        try:
            return self.session.request(method, url, data=data, params=params, headers=headers,
                                        timeout=self.timeout, verify=self._verify,
                                        allow_redirects=False, stream=True)
        except requests.exceptions.SSLError:
            raise CertificateRejected() from None
        except requests.exceptions.Timeout:
            raise Unreachable(_TIMEOUT) from None
        except requests.exceptions.ConnectionError:
            raise Unreachable(_REFUSED) from None
        except requests.exceptions.RequestException as error:
            raise BadResponse(type(error).__name__) from None

    def _read(self, response: requests.Response) -> bytes:
        """The body, streamed; BadResponse as soon as it passes ``max_response_bytes``."""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_response_bytes:
            raise BadResponse(_TOO_BIG.format(limit=self.max_response_bytes), status=response.status_code)
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(_CHUNK):
                size += len(chunk)
                if size > self.max_response_bytes:
                    raise BadResponse(_TOO_BIG.format(limit=self.max_response_bytes),
                                      status=response.status_code)
                chunks.append(chunk)
        except requests.exceptions.ConnectionError:
            raise Unreachable(_CUT) from None
        except requests.exceptions.RequestException as error:
            raise BadResponse(type(error).__name__, status=response.status_code) from None
        return b"".join(chunks)


def _decode(response: requests.Response, raw: bytes) -> Any:
    """The JSON of the body; BadResponse for a redirect, a web page or garbage."""
    if 300 <= response.status_code < 400:
        location = response.headers.get("Location", "?")
        raise BadResponse(_REDIRECT.format(location=location), status=response.status_code)
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type.lower():
        if response.status_code >= 500:
            raise ServerFailed(status=response.status_code)
        raise BadResponse(_NOT_JSON.format(content_type=content_type or "?"), status=response.status_code)
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise BadResponse(_GARBAGE, status=response.status_code) from None


_BY_STATUS = {401: Unauthorized, 403: Forbidden, 426: ClientTooOld}


def _raise_for_status(response: requests.Response, payload: Any) -> None:
    status = response.status_code
    if status < 400:
        return
    message = payload.get("message", "") if isinstance(payload, dict) else ""
    if status in _BY_STATUS:
        raise _BY_STATUS[status](message, status=status, server_message=message)
    if status >= 500:
        raise ServerFailed(status=status, server_message=message)
    raise RequestRefused(message, status=status, server_message=message)


def clock_warnings(server_time: datetime | None, now: datetime | None = None) -> list[str]:
    """A Chinese warning when the platform's clock and ours differ by more than five minutes."""
    if server_time is None:
        return []
    if server_time.tzinfo is None:
        return []
    skew = abs((now or utc_now()) - server_time)
    if skew <= CLOCK_SKEW_LIMIT:
        return []
    return [SKEW.format(minutes=int(skew.total_seconds() // 60))]
