"""The HTTP routes of ``/api/v1``: enrol, push, pull, public figures (and a benchmark echo).

Handlers are thin: they authenticate, call one platform function and send its body as JSON.
Bodies are built as plain dicts and sent without re-validation (the functions produce exactly
the protocol's shapes, which the tests check through the client's pydantic models).
"""
from __future__ import annotations

from fastapi import APIRouter, Depends, Header, Query, Request, Security
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.platform.auth import DeviceContext, authenticate
from sync.platform.enrol import enrol_device
from sync.platform.figures import public_figures
from sync.platform.messages import BAD_CURSOR, NOT_FOUND_PATH, ApiError
from sync.platform.pull import pull_page
from sync.platform.push import push_batch
from sync.protocol import (DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, EnrolRequest, EnrolResponse, ErrorBody,
                           PublicFigures, PullResponse, PushRequest, PushResponse, decode_cursor,
                           iso_utc, utc_now)



def version_headers(x_protocol_version: int = Header(description="PROTOCOL_VERSION of the client"),
                    x_schema_version: int = Header(description="SCHEMA_VERSION (data standard) of the client")) -> None:
    """Documents the two version headers; the gate in :mod:`.app` answers 426 before this runs."""


router = APIRouter()
protocol = [Depends(version_headers)]
bearer = HTTPBearer(auto_error=False, description="The device token from /enrol")
ERRORS = {code: {"model": ErrorBody} for code in (401, 403, 413, 422, 426)}


def _caller(request: Request, credentials: HTTPAuthorizationCredentials | None) -> DeviceContext:
    header = f"Bearer {credentials.credentials}" if credentials else None
    return authenticate(request.app.state.db, header, utc_now())


@router.post("/enrol", dependencies=protocol, response_model=EnrolResponse, responses=ERRORS)
def enrol(body: EnrolRequest, request: Request) -> JSONResponse:
    """Enrol a device with a one-time code; the token in the answer is shown only once."""
    state = request.app.state
    client = request.client.host if request.client else ""
    return JSONResponse(enrol_device(state.db, body, utc_now(), state.settings.token_lifetime, client))


@router.post("/push", dependencies=protocol, response_model=PushResponse, responses=ERRORS)
def push(body: PushRequest, request: Request,
         credentials: HTTPAuthorizationCredentials | None = Security(bearer)) -> JSONResponse:
    """Apply up to 500 mutations in order; one result per mutation."""
    caller = _caller(request, credentials)
    state = request.app.state
    return JSONResponse(push_batch(state.db, caller, body.mutations, state.validator, utc_now()))


@router.get("/pull", dependencies=protocol, response_model=PullResponse, responses=ERRORS)
def pull(request: Request, cursor: str | None = Query(None, max_length=200),
         limit: int = Query(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT),
         credentials: HTTPAuthorizationCredentials | None = Security(bearer)) -> JSONResponse:
    """The changes after ``cursor`` within the caller's divisions, oldest first."""
    caller = _caller(request, credentials)
    try:
        after = decode_cursor(cursor)
    except ValueError:
        raise ApiError(422, "cursor.invalid", BAD_CURSOR) from None
    return JSONResponse(pull_page(request.app.state.db, caller, after, limit, utc_now()))


@router.get("/public/figures", response_model=PublicFigures)
def figures(request: Request) -> JSONResponse:
    """Per-village counts for the city's credit website: no names, no ID numbers."""
    return JSONResponse(public_figures(request.app.state.db, utc_now()))


@router.post("/echo", include_in_schema=False)
async def echo(request: Request) -> JSONResponse:
    """Benchmarks only (``enable_echo``): read the body, answer its size; the cost of bare HTTP."""
    if not request.app.state.settings.enable_echo:
        raise ApiError(404, "http.404", NOT_FOUND_PATH)
    body = await request.body()
    return JSONResponse({"bytes": len(body), "server_time": iso_utc(utc_now())})
