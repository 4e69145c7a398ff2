"""Sending statements to an LRS over HTTP with the standard library (no new runtime dependency).

POST ``<endpoint>/statements`` with basic auth and ``X-Experience-API-Version: 1.0.3``. Any 2xx is an
acknowledgement (an LRS answers 204 to statements it already holds with the same id and content, which
is what makes a retry after a lost acknowledgement safe). Everything else becomes a ``PushError`` with
a message a trainer can act on; nothing here raises network errors at the caller.

The endpoint is checked before anything is opened (``check_endpoint``): only ``http``/``https`` with a
host — ``file:`` or ``ftp:`` would read local files or talk to something that is not an LRS — and basic
auth over plain http only to this machine unless the trainer says ``insecure``. A push has a *total*
deadline: a per-read timeout alone lets an LRS that drips a byte every few seconds hold a push for ever,
so a watchdog shuts the socket when the deadline passes, whatever the server is doing.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import ipaddress
import json
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

XAPI_VERSION = "1.0.3"
DEFAULT_DEADLINE = 60.0


class PushError(Exception):
    """The LRS could not take the statements; they stay in the outbox."""


class EndpointError(ValueError):
    """An LRS address refused before any connection: the message says why and what to write instead."""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_endpoint(endpoint: str, *, insecure: bool = False) -> str:
    """``endpoint`` if it is an http(s) URL an LRS can be at; else ``EndpointError``, before any I/O."""
    example = "예: https://lrs.example.com/xAPI/"
    if not endpoint.strip():
        raise EndpointError(
            f"LRS 주소가 비어 있습니다. --endpoint나 EUNGDAE_LRS_ENDPOINT에 주소를 쓰세요({example})."
        )
    try:
        parts = urllib.parse.urlsplit(endpoint.strip())
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise EndpointError(f"LRS 주소를 읽을 수 없습니다: {endpoint!r} ({exc}). {example}") from None
    if parts.scheme not in ("http", "https"):
        raise EndpointError(f"LRS 주소는 http:// 또는 https://로 시작해야 합니다: {endpoint!r}. {example}")
    if not host:
        raise EndpointError(f"LRS 주소에 서버 이름이 없습니다: {endpoint!r}. {example}")
    if parts.scheme == "http" and not insecure and not _is_loopback(host):
        raise EndpointError(
            f"암호화되지 않은 http로 {host}에 비밀번호를 보낼 수 없습니다. https:// 주소를 쓰거나, "
            "믿을 수 있는 사내망이라면 --insecure(게임은 EUNGDAE_LRS_INSECURE=1, 설정 파일은 "
            '"insecure": true)를 지정하세요.'
        )
    return endpoint.strip()


@dataclass
class Lrs:
    endpoint: str
    username: str
    password: str
    timeout: float = 15.0  # one connect or read
    #: ``time.monotonic()`` after which every request stops (the push's total deadline); None: no limit
    deadline: float | None = None
    insecure: bool = False
    _checked: str = field(init=False, repr=False, default="")

    def __post_init__(self) -> None:
        self._checked = check_endpoint(self.endpoint, insecure=self.insecure)

    @property
    def statements_url(self) -> str:
        base = self._checked.rstrip("/")
        return base if base.endswith("/statements") else base + "/statements"

    def _remaining(self) -> float:
        return float("inf") if self.deadline is None else self.deadline - time.monotonic()

    def _request(self, method: str, url: str, body: Any = None) -> tuple[int, bytes]:
        remaining = self._remaining()
        if remaining <= 0:
            raise PushError("LRS에 보낼 시간이 다 되어 멈췄습니다(--timeout).")
        token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode("ascii")
        headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": XAPI_VERSION,
            "Accept": "application/json",
        }
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        parts = urllib.parse.urlsplit(url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = kind(parts.hostname, parts.port, timeout=min(self.timeout, remaining))
        watchdog = threading.Timer(remaining, _shut, (connection,)) if self.deadline is not None else None
        if watchdog is not None:
            watchdog.daemon = True
            watchdog.start()
        try:
            connection.request(method, target, body=data, headers=headers)
            response = connection.getresponse()
            status, raw = response.status, response.read()
        except (OSError, http.client.HTTPException) as exc:
            if self._remaining() <= 0:
                raise PushError(
                    f"LRS({self.endpoint})가 제한 시간 안에 답하지 않아 멈췄습니다. 문장은 outbox에 그대로 있습니다."
                ) from None
            raise PushError(f"LRS({self.endpoint})에 연결할 수 없습니다: {exc}") from None
        finally:
            if watchdog is not None:
                watchdog.cancel()
            connection.close()
        detail = raw[:300].decode("utf-8", "replace")
        if status in (401, 403):
            raise PushError(f"LRS가 인증을 거부했습니다({status}). 사용자 이름과 비밀번호를 확인하세요.")
        if status == 409:
            raise PushError(f"LRS에 같은 id의 다른 문장이 이미 있습니다(409): {detail}")
        if not 200 <= status < 300:
            raise PushError(f"LRS가 요청을 거부했습니다({status}): {detail}")
        return status, raw

    def post(self, statements: list[dict[str, Any]]) -> None:
        self._request("POST", self.statements_url, statements)

    def get(self, **params: str) -> dict[str, Any]:
        """Statements back from the LRS (``statementId=...`` or filters), as the LRS returns them."""
        url = self.statements_url + ("?" + urllib.parse.urlencode(params) if params else "")
        _, raw = self._request("GET", url)
        return json.loads(raw.decode("utf-8"))

    def statement(self, statement_id: str) -> dict[str, Any] | None:
        """One statement by id; some LRSs (Ralph) answer with a ``statements`` list instead of the object."""
        data = self.get(statementId=statement_id)
        if "statements" in data:
            found = [s for s in data["statements"] if s.get("id") == statement_id]
            return found[0] if found else None
        return data


def _shut(connection: http.client.HTTPConnection) -> None:
    """The deadline passed: end the connection so a blocked read returns now, not at the next byte."""
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
