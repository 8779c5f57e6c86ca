"""Reading scheme YAML with precise complaints: every fault names the file, the place and the fault."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from string import Formatter
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.errors import SchemeError

TWO_PLACES = Decimal("0.01")

_WHERE = QT_TRANSLATE_NOOP("problems", "评分方案 {file}，{place}：{message}")
_NEEDS = QT_TRANSLATE_NOOP("problems", "缺少“{key}”")
_UNKNOWN_KEYS = QT_TRANSLATE_NOOP("problems", "不认识的键 {keys}（可用：{allowed}）")
_NOT_NUMBER = QT_TRANSLATE_NOOP("problems", "“{key}”应为数字，现在是 {raw!r}")
_TOO_PRECISE = QT_TRANSLATE_NOOP("problems", "“{key}”最多两位小数，现在是 {raw}")
_NEGATIVE = QT_TRANSLATE_NOOP("problems", "“{key}”不能为负数，现在是 {raw}")
_NOT_WHOLE = QT_TRANSLATE_NOOP("problems", "“{key}”应为正整数，现在是 {raw!r}")
_PAST_RETENTION = QT_TRANSLATE_NOOP("problems", "负面信息最多计 {limit} 年（征信业管理条例第十六条），“window_years”不能是 {raw}")
_NOT_TEXT = QT_TRANSLATE_NOOP("problems", "“{key}”应为非空文本，现在是 {raw!r}")
_NOT_LIST = QT_TRANSLATE_NOOP("problems", "“{key}”应为非空列表")
_PLACEHOLDER = QT_TRANSLATE_NOOP("problems", "理由模板里的 {{{name}}} 不可用（可用：{allowed}）")
_BAD_TEMPLATE = QT_TRANSLATE_NOOP("problems", "理由模板写法有误：{error}")
_NOT_MAP = QT_TRANSLATE_NOOP("problems", "“{key}”应为键值表")


class Checker:
    """Typed access to one part of a scheme file; ``fail`` raises :class:`SchemeError`."""

    def __init__(self, file: str, place: str):
        self.file = file
        self.place = place

    def at(self, place: str) -> Checker:
        """The same file, another place (``"指标 B7"``, ``"等级"``)."""
        return Checker(self.file, place)

    def fail(self, template: str, **params: object) -> NoReturn:
        message = template.format(**params)
        raise SchemeError(_WHERE.format(file=self.file, place=self.place, message=message))

    def only(self, data: Mapping[str, Any], allowed: Iterable[str]) -> None:
        """Refuse keys outside ``allowed`` (a typo must not silently drop a rule)."""
        allowed = tuple(allowed)
        unknown = [key for key in data if key not in allowed]
        if unknown:
            self.fail(_UNKNOWN_KEYS, keys="、".join(map(str, unknown)), allowed="、".join(allowed))

    def need(self, data: Mapping[str, Any], key: str) -> Any:
        if not isinstance(data, Mapping) or data.get(key) is None:
            self.fail(_NEEDS, key=key)
        return data[key]

    def number(self, raw: Any, key: str, *, places: Decimal | None = TWO_PLACES,
               negative: bool = False) -> Decimal:
        """A Decimal (YAML numbers are read as Decimal, never float); ``places`` limits decimals."""
        if isinstance(raw, bool) or not isinstance(raw, (int, Decimal, str)):
            self.fail(_NOT_NUMBER, key=key, raw=raw)
        try:
            value = Decimal(raw)
        except InvalidOperation:
            self.fail(_NOT_NUMBER, key=key, raw=raw)
        if not value.is_finite():
            self.fail(_NOT_NUMBER, key=key, raw=raw)
        if places is not None and value != value.quantize(places):
            self.fail(_TOO_PRECISE, key=key, raw=raw)
        if value < 0 and not negative:
            self.fail(_NEGATIVE, key=key, raw=raw)
        return value.quantize(places) if places is not None else value

    def points(self, raw: Any, key: str) -> Decimal:
        """Points: ≥ 0 with at most two decimals."""
        return self.number(raw, key)

    def whole(self, raw: Any, key: str) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw <= 0:
            self.fail(_NOT_WHOLE, key=key, raw=raw)
        return raw

    def negative_window(self, raw: Any) -> int:
        """The ``window_years`` of a penalty rule or veto: negative information counts at most
        :data:`~app.rating.events.RETENTION_YEARS` years (it is purged after that)."""
        from app.rating.events import RETENTION_YEARS

        years = self.whole(raw, "window_years")
        if years > RETENTION_YEARS:
            self.fail(_PAST_RETENTION, limit=RETENTION_YEARS, raw=years)
        return years

    def text(self, raw: Any, key: str) -> str:
        if not isinstance(raw, str) or not raw.strip():
            self.fail(_NOT_TEXT, key=key, raw=raw)
        return raw

    def items(self, raw: Any, key: str) -> list[Any]:
        if not isinstance(raw, list) or not raw:
            self.fail(_NOT_LIST, key=key)
        return raw

    def mapping(self, raw: Any, key: str) -> Mapping[str, Any]:
        if not isinstance(raw, Mapping) or not raw:
            self.fail(_NOT_MAP, key=key)
        return raw

    def template(self, template: str, allowed: set[str]) -> str:
        """A reason template whose placeholders are all in ``allowed`` (typos show at load time)."""
        try:
            names = [name for _, name, _, _ in Formatter().parse(template) if name is not None]
        except ValueError as error:
            self.fail(_BAD_TEMPLATE, error=error)
        for name in names:
            if name not in allowed:
                self.fail(_PLACEHOLDER, name=name, allowed="、".join(sorted(allowed)))
        return template
