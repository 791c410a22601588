"""Tests that need a service beside the database (Redis, Varnish, PostgreSQL itself).

Where the service is missing the test is skipped with the reason, except under CI, where a
missing service is a failure: CI must run every test.
"""

import os
import socket
import subprocess
from pathlib import Path

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


def shared_folder(name: str) -> Path | None:
    """A folder of ../shared/ (third-party test data, never copied into the repository).

    Looked for beside this checkout, then beside the checkout it is a worktree of, then beside
    the checkout it was cloned from (CI runs in a fresh clone of a local checkout).
    """
    repository = Path(__file__).resolve().parent.parent
    candidates = [repository.parent / "shared" / name]
    common = subprocess.run(
        ["git", "-C", str(repository), "rev-parse", "--path-format=absolute", "--git-common-dir"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if common:
        candidates.append(Path(common).parent.parent / "shared" / name)
    origin = subprocess.run(
        ["git", "-C", str(repository), "config", "--get", "remote.origin.url"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        candidates.append(Path(origin).resolve().parent / "shared" / name)
    return next((folder for folder in candidates if folder.is_dir()), None)
