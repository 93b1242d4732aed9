"""Create the app: static files, the JSON API, the pages, and one JSON error shape."""

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from app.http_cache import install_http_cache
from app.routes import api, exports, pages
from app.security import install_security

ROOT = Path(__file__).resolve().parent.parent

app = FastAPI(
    title="Peace Talks Timeline",
    version="0.1.0",
    description="Dated, sourced events of the 2022 Russia–Ukraine peace talks, read from news articles.",
)
install_http_cache(app)
install_security(app)
app.mount("/static", StaticFiles(directory=ROOT / "static"), name="static")
app.include_router(pages.router)
app.include_router(exports.router)
app.include_router(api.router)


def error_response(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    body = {"error": {"status": status, "message": message, **({"parameter": parameter} if parameter else {})}}
    return JSONResponse(body, status_code=status)


@app.exception_handler(RequestValidationError)
async def on_validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0] if exc.errors() else {}
    names = [part for part in first.get("loc", ()) if isinstance(part, str) and part not in ("query", "path", "body")]
    parameter = names[0] if names else None  # "type", not "type.0", for the first bad value of a list
    return error_response(
        422,
        f"{parameter}: {first.get('msg', 'invalid value')}" if parameter else str(first.get("msg", "invalid request")),
        parameter,
    )


@app.exception_handler(HTTPException)
async def on_http_error(_: Request, exc: HTTPException) -> JSONResponse:
    parameter = getattr(exc, "parameter", None)
    return error_response(exc.status_code, str(exc.detail), parameter)
