"""An ``argparse`` parser that speaks Chinese: usage, section titles, ``-h`` and its errors.

argparse writes its own words (``usage:``, ``options``, ``the following arguments are
required``) in English; the field client's and the platform's command lines are used by
Chinese-speaking staff, so both build their parsers from :class:`ChineseArgumentParser`.
No dependencies beyond the standard library (the platform uses it too).
"""
from __future__ import annotations

import argparse
import re
from typing import NoReturn

USAGE_PREFIX = "用法："
HELP_TEXT = "显示本帮助并退出"
VERSION_HELP = "显示版本号并退出"

# argparse's English error phrases (Python 3.11 and later), most specific first.
_ERRORS = [
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"one of the arguments (.*) is required", r"必须给出参数 \1 之一"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 有歧义，可能是：\2"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"参数 \1：无效的选项 \2（可选：\3）"),
    (r"argument (\S+): expected one argument", r"参数 \1：需要一个值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1：至少需要一个值"),
    (r"argument (\S+): expected (.*) arguments?", r"参数 \1：值的个数不对"),
    (r"argument (\S+): ignored explicit argument (.*)", r"参数 \1：不接受值 \2"),
    (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1：不能与 \2 同时使用"),
    (r"argument (\S+): invalid \S+ value: (.*)", r"参数 \1：无效的值 \2"),
    (r"argument (\S+): (.*)", r"参数 \1：\2"),
]


def chinese_error(message: str) -> str:
    """argparse's English error ``message`` in Chinese (unchanged if it is not one of its phrases)."""
    for pattern, replacement in _ERRORS:
        match = re.fullmatch(pattern, message, flags=re.S)
        if match:
            return match.expand(replacement)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    """``用法：`` instead of ``usage:``."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Chinese; sub-parsers inherit the class."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP_TEXT

    def add_argument(self, *args, **kwargs):
        if kwargs.get("action") == "version" and "help" not in kwargs:
            kwargs["help"] = VERSION_HELP
        return super().add_argument(*args, **kwargs)

    def error_line(self, message: str) -> str:
        """argparse's error ``message`` as the one Chinese line shown for it."""
        return f"{self.prog}: 参数错误：{chinese_error(message)}（用 --help 查看用法）"

    def error(self, message: str) -> NoReturn:
        """One Chinese line on stderr (not the usage block), exit 2 as argparse does."""
        self.exit(2, self.error_line(message) + "\n")
