"""Sending statements to an LRS over HTTP with the standard library (no new runtime dependency).

POST ``<endpoint>/statements`` with basic auth and ``X-Experience-API-Version: 1.0.3``. Any 2xx is an
acknowledgement (an LRS answers 204 to statements it already holds with the same id and content, which
is what makes a retry after a lost acknowledgement safe). Everything else becomes a ``PushError`` with
a message a trainer can act on; nothing here raises ``urllib`` errors at the caller.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

XAPI_VERSION = "1.0.3"


class PushError(Exception):
    """The LRS could not take the statements; they stay in the outbox."""


@dataclass(frozen=True)
class Lrs:
    endpoint: str
    username: str
    password: str
    timeout: float = 15.0

    @property
    def statements_url(self) -> str:
        base = self.endpoint.rstrip("/")
        return base if base.endswith("/statements") else base + "/statements"

    def _request(self, method: str, url: str, body: Any = None) -> tuple[int, bytes]:
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
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace")
            if exc.code in (401, 403):
                raise PushError(
                    f"LRS가 인증을 거부했습니다({exc.code}). 사용자 이름과 비밀번호를 확인하세요."
                ) from None
            if exc.code == 409:
                raise PushError(f"LRS에 같은 id의 다른 문장이 이미 있습니다(409): {detail}") from None
            raise PushError(f"LRS가 요청을 거부했습니다({exc.code}): {detail}") from None
        except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise PushError(f"LRS({self.endpoint})에 연결할 수 없습니다: {reason}") from None
        except ValueError as exc:  # a malformed URL
            raise PushError(f"LRS 주소가 올바르지 않습니다: {self.endpoint} ({exc})") from None

    def post(self, statements: list[dict[str, Any]]) -> None:
        status, _ = self._request("POST", self.statements_url, statements)
        if not 200 <= status < 300:
            raise PushError(f"LRS가 예상하지 못한 응답을 보냈습니다({status}).")

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
