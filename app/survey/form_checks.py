"""Checks a parsed questionnaire against the regulation and the data standard.

Also compiles its relevance and compute expressions once every field is known.
"""
from __future__ import annotations

from dataclasses import replace

from app.domain.problems import QT_TRANSLATE_NOOP
from app.survey.expressions import ExpressionError, Ref, Resolver, compile_expression
from app.survey.form_model import Field, FormDefinition, FormError, Item, RepeatGroup, Section
from app.survey.form_parse import Expressions
from app.survey.record_paths import get_path
from app.survey.standard import STANDARD_ENUMS, STANDARD_FIELDS, forbidden_reason


def check_forbidden(form: FormDefinition) -> None:
    """Refuse any field the 征信业管理条例 forbids collecting (religion, genes, ...)."""
    for item in form.paths():
        found = form.field(item) or form.group(item)
        assert found is not None
        word = forbidden_reason(found.name, found.label)
        if word:
            raise FormError(form.source, item, QT_TRANSLATE_NOOP(
                "problems", "《征信业管理条例》禁止采集宗教信仰、基因、指纹、血型、疾病和病史信息："
                         "名称或标签含“{word}”，请删除此字段"), word=word)


def check_consent_field(form: FormDefinition) -> None:
    """A form with economic questions must ask for consent, or they could never be saved."""
    consent = form.field("consent.signed")
    economic = next((item for item in form.items() if item.sensitivity == "economic"), None)
    if economic is not None and (consent is None or consent.type != "boolean"):
        raise FormError(form.source, economic.path, QT_TRANSLATE_NOOP(
            "problems", "经济类字段须有授权同意：请加上 boolean 类型的 consent.signed 字段"))


def check_standard(form: FormDefinition) -> None:
    """A standard name keeps the standard's type; a standard enumeration keeps exactly its codes."""
    types, enums = STANDARD_FIELDS[form.record_type], STANDARD_ENUMS[form.record_type]
    for path in sorted(form.paths()):
        item = form.field(path) or form.group(path)
        kind = "repeat" if isinstance(item, RepeatGroup) else getattr(item, "type", None)
        if path in types and kind != types[path]:
            raise FormError(form.source, path, QT_TRANSLATE_NOOP(
                "problems", "数据标准规定此字段类型为 {expected}，这里写的是 {actual}"),
                expected=types[path], actual=kind)
        if isinstance(item, Field) and item.computed and path in types:
            raise FormError(form.source, path, QT_TRANSLATE_NOOP(
                "problems", "数据标准字段须由采集填写，不能是计算字段"))
        if isinstance(item, Field) and path in enums:
            _check_codes(form, item, enums[path])


def _check_codes(form: FormDefinition, field: Field, standard: tuple[str, ...]) -> None:
    unknown = [code for code in field.choice_codes if code not in standard]
    if unknown:
        raise FormError(form.source, field.path, QT_TRANSLATE_NOOP(
            "problems", "选项代码“{code}”不在数据标准中，标准代码：{codes}"),
            code=sorted(unknown)[0], codes=", ".join(standard))
    missing = [code for code in standard if code not in field.choice_codes]
    if missing:
        raise FormError(form.source, field.path, QT_TRANSLATE_NOOP(
            "problems", "缺少数据标准的选项代码“{code}”，请补上它和中文标签"), code=missing[0])


def compile_form_expressions(form: FormDefinition, sources: Expressions) -> FormDefinition:
    """The form with every relevance and compute expression compiled and checked."""
    resolve = make_resolver(form)
    computed = {path for path, (_, compute) in sources.items() if compute is not None}
    computed_so_far: set[str] = set()
    sections = []
    for section in form.sections:
        items: list[Item] = []
        for item in section.items:
            compiled = _compile_item(form, item, sources, resolve, (computed, computed_so_far))
            if isinstance(compiled, Field) and compiled.computed:
                computed_so_far.add(compiled.path)
            items.append(compiled)
        sections.append(Section(section.id, section.label, tuple(items), section.help))
    return replace(form, sections=tuple(sections), _index={})


def _compile_item(form: FormDefinition, item: Item, sources: Expressions, resolve: Resolver,
                  computed: tuple[set[str], set[str]]) -> Item:
    """``computed``: every computed path, and those defined before ``item``."""
    relevant, compute = (_compile(form, item.path, src, resolve, item, key, computed)
                         for key, src in zip(("relevant", "compute"),
                                             sources.get(item.path, (None, None))))
    if isinstance(item, RepeatGroup):
        fields = tuple(_compile_item(form, f, sources, resolve, computed)
                       for f in item.fields)
        return replace(item, fields=fields, relevant=relevant)
    if compute is not None and (item.required or item.group):
        raise FormError(form.source, item.path, QT_TRANSLATE_NOOP(
            "problems", "计算字段只能放在顶层，且不能标为必填"))
    return replace(item, relevant=relevant, compute=compute)


def _compile(form: FormDefinition, path: str, source: str | None, resolve: Resolver,
             item: Item, key: str,
             computed: tuple[set[str], set[str]]):  # noqa: ANN202 - Expression | None
    if source is None:
        return None
    context = item.group if isinstance(item, Field) else None
    try:
        expression = compile_expression(source, resolve, context)
    except ExpressionError as error:
        raise FormError(form.source, path, QT_TRANSLATE_NOOP("problems", "{key}：{fault}"),
                        key=key, fault=str(error)) from None
    every, before = computed
    for name in expression.names & every:
        if key == "relevant" or name not in before:
            raise FormError(form.source, path, QT_TRANSLATE_NOOP(
                "problems", "{key}：只能引用排在前面的计算字段，条件中不能引用计算字段（“{name}”）"),
                key=key, name=name)
    return expression


def make_resolver(form: FormDefinition) -> Resolver:
    """How names in the form's expressions map to values of a record."""
    def resolve(name: str, context: str | None) -> Ref | None:
        group = form.group(context) if context else None
        own = group.field(name) if group else None
        if own is not None:
            return Ref(lambda scope, n=name: (scope.item or {}).get(n), choices=_codes(own))
        target = form.field(name)
        if target is not None and target.group is None:
            return Ref(lambda scope, p=name: get_path(scope.values, p), choices=_codes(target))
        if target is not None:
            return Ref(lambda scope, g=target.group, n=target.name: [
                item.get(n) for item in scope.values.get(g) or ()], kind="column",
                group=target.group, field=target.name, choices=_codes(target))
        if form.group(name) is not None:
            return Ref(lambda scope, g=name: scope.values.get(g) or [], kind="group", group=name)
        return None
    return resolve


def _codes(field: Field) -> frozenset[str] | None:
    return field.choice_codes if field.choices else None
