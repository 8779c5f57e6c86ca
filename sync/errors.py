"""The one family of sync failures, each with a one-line Chinese message the GUI can show.

What the caller does with each: ``Unreachable`` — keep the queue, try again later;
``Unauthorized`` — stop, keep the queue, enrol again; ``Forbidden`` — tell the user, keep
the queue; ``ClientTooOld`` — stop syncing until the program is upgraded; ``BadResponse`` —
the answer cannot be trusted (not the platform, a proxy page, too big, a redirect); retry later.
"""
from __future__ import annotations

from app.domain.problems import QT_TRANSLATE_NOOP

CONTEXT = "sync"


class SyncError(Exception):
    """A sync failure. ``template`` + ``params`` for translation; ``message`` is the Chinese line."""

    template = QT_TRANSLATE_NOOP("sync", "同步失败：{detail}")

    def __init__(self, detail: str = "", *, status: int | None = None, server_message: str = "", **params: object):
        self.status = status
        self.server_message = server_message
        self.params = {"detail": detail, "status": status, **params}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line Chinese message."""
        return self.template.format(**self.params)


class Unreachable(SyncError):
    """No answer: connection refused, name not found, timed out, connection dropped."""

    template = QT_TRANSLATE_NOOP("sync", "无法连接数据交换平台（{detail}），数据已保留在本机，稍后将自动重试")


class CertificateRejected(Unreachable):
    """The server's TLS certificate is not trusted (unknown CA, wrong host name, expired)."""

    template = QT_TRANSLATE_NOOP("sync", "平台的安全证书不可信，已停止连接：请核对平台地址和证书设置")


class Unauthorized(SyncError):
    """HTTP 401: the device token is missing, expired or revoked."""

    template = QT_TRANSLATE_NOOP("sync", "平台拒绝了本设备的凭据：{detail}（未上传的数据仍保留在本机）")


class Forbidden(SyncError):
    """HTTP 403: the request lies outside the user's assigned divisions."""

    template = QT_TRANSLATE_NOOP("sync", "无权执行此操作：{detail}")


class ClientTooOld(SyncError):
    """HTTP 426: the platform no longer speaks this client's protocol or data standard."""

    template = QT_TRANSLATE_NOOP("sync", "外业助手版本过旧，平台拒绝同步：请升级后再试")


class BadResponse(SyncError):
    """An answer that is not the platform's: HTML, garbage, wrong schema, too big, a redirect."""

    template = QT_TRANSLATE_NOOP("sync", "平台的响应无法识别（{detail}），已停止本次同步")


class RequestRefused(SyncError):
    """Another 4xx: the platform refused the request itself (malformed, too large)."""

    template = QT_TRANSLATE_NOOP("sync", "平台拒绝了请求（HTTP {status}）：{detail}")


class ServerFailed(SyncError):
    """HTTP 5xx: the platform (or a proxy before it) failed; try again later."""

    template = QT_TRANSLATE_NOOP("sync", "平台暂时出错（HTTP {status}），稍后将自动重试")
