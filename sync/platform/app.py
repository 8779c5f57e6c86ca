"""The FastAPI application: version gate, error bodies, and the routes under ``/api/v1``.

Every protocol request must name a supported protocol and data-standard version (HTTP 426
otherwise, with a Chinese message the client shows); every response, errors included, carries
``server_time`` in the body, and uvicorn adds the ``Date`` header. Request headers are never
logged, so tokens do not reach a log.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.platform.db import PlatformDB
from sync.platform.messages import (BAD_REQUEST, NOT_FOUND_PATH, SERVER_ERROR, TOO_LARGE, TOO_OLD,
                                    ApiError)
from sync.platform.routes import router
from sync.platform.validation import RecordValidator
from sync.protocol import (API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER,
                           SCHEMA_VERSION, iso_utc, utc_now)

log = logging.getLogger(__name__)
SUPPORTED_PROTOCOLS = frozenset({PROTOCOL_VERSION})
SUPPORTED_SCHEMAS = frozenset({SCHEMA_VERSION})
# Open to the city's website and to any browser: no protocol headers needed.
_UNVERSIONED = (f"{API_PREFIX}/public/",)


@dataclass(frozen=True)
class PlatformSettings:
    """Server settings. ``enable_echo`` adds ``POST /api/v1/echo`` for benchmarks only;
    ``validation_workers`` > 0 validates big pushes in that many worker processes."""

    enable_echo: bool = False
    validation_workers: int = 0
    token_lifetime: timedelta = timedelta(days=180)
    max_body_bytes: int = 32 * 1024 * 1024
    forms_folder: Path | None = None


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    """The error body every failure shares."""
    return JSONResponse({"error": code, "message": message, "server_time": iso_utc(utc_now())},
                        status_code=status, headers=headers)


def create_app(db: PlatformDB, settings: PlatformSettings | None = None) -> FastAPI:
    """The platform as an ASGI application over ``db`` (whose schema must exist)."""
    settings = settings or PlatformSettings()
    validator = RecordValidator(settings.forms_folder, settings.validation_workers)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        validator.close()

    app = FastAPI(lifespan=lifespan, title="信用村镇数据交换平台（参考实现）", version=f"{PROTOCOL_VERSION}.{SCHEMA_VERSION}",
                  description="Push/pull exchange of credit-village records; see sync/protocol.py.")
    app.state.db = db
    app.state.settings = settings
    app.state.validator = validator
    app.include_router(router, prefix=API_PREFIX)
    _install_gate(app, settings)
    _install_error_handlers(app)
    return app


def _install_gate(app: FastAPI, settings: PlatformSettings) -> None:
    @app.middleware("http")
    async def version_gate(request: Request, call_next):
        path = request.url.path
        if path.startswith(API_PREFIX) and not path.startswith(_UNVERSIONED):
            protocol, schema = request.headers.get(PROTOCOL_HEADER), request.headers.get(SCHEMA_HEADER)
            if not (_supported(protocol, SUPPORTED_PROTOCOLS) and _supported(schema, SUPPORTED_SCHEMAS)):
                message = TOO_OLD.format(client_protocol=protocol or "?", client_schema=schema or "?",
                                         protocol=PROTOCOL_VERSION, schema=SCHEMA_VERSION)
                return error_response(426, "version.unsupported", message,
                                      {"Upgrade": f"credit-village-sync/{PROTOCOL_VERSION}"})
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_body_bytes:
            return error_response(413, "request.too_large", TOO_LARGE.format(limit=settings.max_body_bytes))
        return await call_next(request)


def _supported(raw: str | None, versions: frozenset[int]) -> bool:
    return raw is not None and raw.strip().isdigit() and int(raw) in versions


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError):
        return error_response(error.status, error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError):
        where = "; ".join(".".join(map(str, e["loc"])) + f": {e['type']}" for e in error.errors()[:5])
        return error_response(422, "request.invalid", BAD_REQUEST.format(detail=where))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException):
        message = NOT_FOUND_PATH if error.status_code == 404 else str(error.detail)
        return error_response(error.status_code, f"http.{error.status_code}", message)

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "server.error", SERVER_ERROR)
