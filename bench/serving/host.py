"""This machine: the project's interpreter, loopback only, a free port, the load average."""

import ipaddress
import os
import socket
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent.parent
BIN = PROJECT / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
HOST = "127.0.0.1"


def require_loopback(host: str, what: str = "load") -> None:
    """The load generator and the stack only ever talk to this machine."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        sys.exit(f"Refusing a non-loopback {what} target {host!r}: this benchmark stays on 127.0.0.1.")


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]
