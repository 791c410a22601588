"""The load generator: non-blocking sockets in one thread, loopback only, a fixed duration and
number of connections, one request per connection; and single requests with http.client."""

import errno
import heapq
import http.client
import secrets
import selectors
import socket
import time
from collections import Counter
from dataclasses import dataclass, field

from .host import HOST, require_loopback

WANTED_HEADERS = ("content-length", "x-cache", "retry-after")


@dataclass
class LoadResult:
    started: float = 0.0
    elapsed: float = 0.0
    client_cpu: float = 0.0
    latencies: list = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    by_label: Counter = field(default_factory=Counter)  # (label, status or error) -> count
    errors: Counter = field(default_factory=Counter)
    cache: Counter = field(default_factory=Counter)  # X-Cache value, "-" when absent
    no_retry_after: Counter = field(default_factory=Counter)  # label -> 503 answers without Retry-After
    timeline: list | None = None  # (seconds since start, label, status or error name)

    @property
    def answers(self) -> int:
        return sum(self.statuses.values())

    @property
    def non_2xx(self) -> int:
        return sum(count for status, count in self.statuses.items() if not 200 <= status < 300)

    def rate(self) -> float:
        return self.answers / self.elapsed if self.elapsed else 0.0

    def percentile(self, fraction: float) -> float:
        """Nearest rank, in milliseconds."""
        if not self.latencies:
            return float("nan")
        values = sorted(self.latencies)
        rank = max(0, min(len(values) - 1, int(fraction * len(values) + 0.999999) - 1))
        return values[rank] * 1000


class Exchange:
    """One request on one connection, from connect to the last byte of the answer."""

    __slots__ = ("sock", "label", "payload", "sent", "started", "head", "body", "length", "status", "headers")

    def __init__(self, sock, label, payload, started):
        self.sock, self.label, self.payload, self.started = sock, label, payload, started
        self.sent, self.head, self.body, self.length, self.status, self.headers = 0, b"", 0, None, None, {}


def error_name(code) -> str:
    return errno.errorcode.get(code, str(code))


def parse_head(exchange: Exchange, end: int) -> bool:
    """The status line and the headers we look at; False when the status line is not HTTP's."""
    lines = exchange.head[:end].decode("latin-1").split("\r\n")
    try:
        exchange.status = int(lines[0].split(" ", 2)[1])
    except (IndexError, ValueError):
        return False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name in WANTED_HEADERS:
            exchange.headers[name] = value.strip()
    if "content-length" in exchange.headers:
        exchange.length = int(exchange.headers["content-length"])
    exchange.body = len(exchange.head) - end - 4
    return True


class LoadRun:
    """One run of `run_load`: the connections in flight and what they answered."""

    def __init__(self, port, pick, concurrency, duration, timeout, timeline):
        self.port, self.pick, self.duration, self.timeout = port, pick, duration, timeout
        self.selector = selectors.DefaultSelector()
        self.result = LoadResult(timeline=[] if timeline else None)
        self.to_open, self.retry_at = concurrency, []

    def run(self) -> LoadResult:
        cpu_before = time.process_time()
        self.result.started = self.started = self.last_done = time.perf_counter()
        self.deadline = self.started + self.duration
        last_sweep = self.started
        while True:
            now = time.perf_counter()
            if now < self.deadline:
                self.open_due(now)
            elif not self.selector.get_map():
                break
            if now - last_sweep > 0.25:
                last_sweep = now
                self.time_out_stalled(now)
            for key, mask in self.selector.select(0.05):
                if mask & selectors.EVENT_WRITE:
                    self.writable(key.data)
                else:
                    self.readable(key.data)
        self.selector.close()
        self.result.elapsed = max(self.last_done - self.started, 1e-9)
        self.result.client_cpu = time.process_time() - cpu_before
        return self.result

    def open_due(self, now):
        while self.retry_at and self.retry_at[0] <= now:
            heapq.heappop(self.retry_at)
            self.to_open += 1
        while self.to_open:
            self.to_open -= 1
            self.open_one()

    def time_out_stalled(self, now):
        for key in list(self.selector.get_map().values()):
            if now - key.data.started > self.timeout:
                self.done(key.data, "timeout")

    def done(self, exchange, outcome):
        self.selector.unregister(exchange.sock)
        exchange.sock.close()
        result = self.result
        now = self.last_done = time.perf_counter()
        if isinstance(outcome, int):
            result.statuses[outcome] += 1
            result.latencies.append(now - exchange.started)
            result.cache[exchange.headers.get("x-cache", "-")] += 1
            if outcome == 503 and "retry-after" not in exchange.headers:
                result.no_retry_after[exchange.label] += 1
            if now < self.deadline:
                self.to_open += 1
        else:
            result.errors[outcome] += 1
            if now < self.deadline:  # a short pause, so a refusing server is not hammered in a loop
                heapq.heappush(self.retry_at, now + 0.01)
        result.by_label[(exchange.label, outcome)] += 1
        if result.timeline is not None:
            result.timeline.append((now - self.started, exchange.label, outcome))

    def open_one(self):
        label, payload = self.pick()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        exchange = Exchange(sock, label, payload, time.perf_counter())
        code = sock.connect_ex((HOST, self.port))
        self.selector.register(sock, selectors.EVENT_WRITE, exchange)
        if code not in (0, errno.EINPROGRESS):
            self.done(exchange, error_name(code))

    def writable(self, exchange):
        code = exchange.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            return self.done(exchange, error_name(code))
        try:
            exchange.sent += exchange.sock.send(exchange.payload[exchange.sent :])
        except BlockingIOError:
            return
        except OSError as error:
            return self.done(exchange, errno.errorcode.get(error.errno, type(error).__name__))
        if exchange.sent == len(exchange.payload):
            self.selector.modify(exchange.sock, selectors.EVENT_READ, exchange)

    def readable(self, exchange):
        try:
            chunk = exchange.sock.recv(262_144)
        except BlockingIOError:
            return
        except OSError as error:
            return self.done(exchange, errno.errorcode.get(error.errno, type(error).__name__))
        if not chunk:  # the server closed: the end of an answer without Content-Length, or a failure
            if exchange.status is not None and exchange.length is None:
                return self.done(exchange, exchange.status)
            return self.done(exchange, "closed early")
        if exchange.status is None:
            exchange.head += chunk
            end = exchange.head.find(b"\r\n\r\n")
            if end < 0:
                return
            if not parse_head(exchange, end):
                return self.done(exchange, "bad status line")
        else:
            exchange.body += len(chunk)
        if exchange.length is not None and exchange.body >= exchange.length:
            self.done(exchange, exchange.status)


def run_load(port, pick, concurrency, duration, *, timeout=30.0, timeline=False) -> LoadResult:
    """`concurrency` connections to 127.0.0.1:`port` for `duration` seconds, one request each.

    `pick()` returns (label, request bytes). Requests in flight at the end are waited for (up to
    `timeout`), so every request sent is counted; the rate is answers over the time until the last.
    """
    require_loopback(HOST)
    return LoadRun(port, pick, concurrency, duration, timeout, timeline).run()


def request_bytes(port: int, path: str, *, session: bool = False) -> bytes:
    """A browser-like GET; with `session`, a `sessionid` cookie of random value (no such session)."""
    cookie = f"Cookie: sessionid={secrets.token_hex(16)}\r\n" if session else ""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: ankasam-bench-serve\r\n"
        "Accept: */*\r\nAccept-Encoding: gzip, br\r\nAccept-Language: en\r\n"
        f"{cookie}Connection: close\r\n\r\n"
    ).encode()


def fixed(port, label, path, *, session=False):
    """A `pick` for one address (a new random session cookie per request when `session`)."""
    if session:
        return lambda: (label, request_bytes(port, path, session=True))
    payload = request_bytes(port, path)
    return lambda: (label, payload)


def fetch(port, path, *, session=False, timeout=30):
    """One request with http.client: (status, headers with lower-case names, body)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Accept-Encoding": "gzip, br", "Accept-Language": "en"}
        if session:
            headers["Cookie"] = f"sessionid={secrets.token_hex(16)}"
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, body
    finally:
        connection.close()
