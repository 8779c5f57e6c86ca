"""Chinese messages of the platform, and the one exception that turns into an error response.

Templates are marked for Qt's translation tools (the client shows some of them) and filled
with ``.format(**params)`` after translation.
"""
from __future__ import annotations

from app.domain.problems import QT_TRANSLATE_NOOP

CONTEXT = "sync"

TOO_OLD = QT_TRANSLATE_NOOP("sync", "外业助手版本过旧（协议 {client_protocol}，数据标准 {client_schema}），"
                                     "平台要求协议 {protocol}、数据标准 {schema}：请升级后再同步")
NO_TOKEN = QT_TRANSLATE_NOOP("sync", "缺少设备凭据或凭据无效，请重新登记本设备")
TOKEN_EXPIRED = QT_TRANSLATE_NOOP("sync", "设备凭据已过期，请重新登记本设备")
DEVICE_REVOKED = QT_TRANSLATE_NOOP("sync", "本设备已被平台注销，请联系平台管理员")
USER_INACTIVE = QT_TRANSLATE_NOOP("sync", "您的平台账号已停用，请联系平台管理员")
BAD_CODE = QT_TRANSLATE_NOOP("sync", "登记码无效、已使用或已过期，请向平台管理员索取新的登记码")
FORBIDDEN_DIVISION = QT_TRANSLATE_NOOP("sync", "您未被分配到区划 {code}，无权上传这条记录")
NO_DIVISION = QT_TRANSLATE_NOOP("sync", "记录没有有效的村级区划代码（village_code），无法确定归属")
INSERT_ONLY = QT_TRANSLATE_NOOP("sync", "“{record_type}”记录只能新增，不能修改或删除")
INVALID = QT_TRANSLATE_NOOP("sync", "记录未通过校验（{count} 个问题），请修改后重新同步")
EXISTS = QT_TRANSLATE_NOOP("sync", "平台上已有这条记录，不能重复新增")
NOT_FOUND = QT_TRANSLATE_NOOP("sync", "平台上没有这条记录，无法修改或删除")
GONE = QT_TRANSLATE_NOOP("sync", "这条记录已在平台上删除，不能再修改")
TYPE_MISMATCH = QT_TRANSLATE_NOOP("sync", "记录编号已被另一类记录（{existing}）使用")
AHEAD = QT_TRANSLATE_NOOP("sync", "修改所依据的版本 {base} 比平台上的版本 {revision} 还新，请先下载更新")
STALE_DELETE = QT_TRANSLATE_NOOP("sync", "记录在您上次同步后已被修改（平台版本 {revision}），请先下载更新再删除")
ID_MISMATCH = QT_TRANSLATE_NOOP("sync", "文档中的 {key}“{value}”与同步记录不一致（应为“{expected}”）")
CONFLICT = QT_TRANSLATE_NOOP("sync", "{count} 项在平台上也被修改过，已保留平台上的值，请复核")
REVOKE_UNKNOWN = QT_TRANSLATE_NOOP("sync", "平台上没有这张编号为 {number} 的证书（或该编号属于另一张证书），撤销未被接收")
NUMBER_TAKEN = QT_TRANSLATE_NOOP("sync", "证书编号 {number} 在平台上已属于另一张证书，本证书未被接收，平台上的那张证书未受影响"
                                          "（编号重复多因未注册的电脑各自编号）；请联系平台管理员处理")
SERIES_FULL = QT_TRANSLATE_NOOP("sync", "平台的证书编号段已全部分配（最多 {limit} 个），无法再注册新设备；请联系平台管理员")
BAD_CURSOR = QT_TRANSLATE_NOOP("sync", "同步位置无效，请从头重新下载")
TOO_LARGE = QT_TRANSLATE_NOOP("sync", "请求过大（上限 {limit} 字节），请分批上传")
BAD_REQUEST = QT_TRANSLATE_NOOP("sync", "请求格式不正确：{detail}")
NOT_FOUND_PATH = QT_TRANSLATE_NOOP("sync", "平台没有这个接口")
SERVER_ERROR = QT_TRANSLATE_NOOP("sync", "平台内部出错，请稍后重试")


class ApiError(Exception):
    """An error answered as ``{error, message, server_time}`` with HTTP ``status``."""

    def __init__(self, status: int, code: str, template: str, **params: object):
        self.status = status
        self.code = code
        self.message = template.format(**params)
        super().__init__(self.message)
