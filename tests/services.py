"""Tests that need a service beside the database (Redis, Varnish, PostgreSQL itself).

Where the service is missing the test is skipped with the reason, except under CI, where a
missing service is a failure: CI must run every test.
"""

import os
import socket

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(reason: str) -> None:
    """A service or binary a test needs is absent: a skip here, a failure under CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI must provide it: see .ci/run)")
    pytest.skip(reason)


def require(available: bool, reason: str) -> None:
    if not available:
        missing(reason)


def port_answers(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
