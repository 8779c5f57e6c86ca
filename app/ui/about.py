"""The About box: version, data location, licences."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__
from app.store.db import Database


def show_about(parent: QWidget, db: Database) -> None:
    # Literal contexts, not a helper: lupdate files a call under its literal context only.
    text = QCoreApplication.translate("About", "<h3>信用村镇外业助手</h3>"
                                      "<p>版本 {version}</p>"
                                      "<p>为乡镇工作人员和农商行信贷员采集农户、合作社信用信息，离线评级、打印证书，并与市数据交换平台同步。</p>"
                                      "<p>数据目录：{folder}</p>"
                                      "<p>界面与文档字体：Droid Sans Fallback（Apache License 2.0）。</p>")
    QMessageBox.about(parent, QCoreApplication.translate("About", "关于信用村镇外业助手"),
                      text.format(version=__version__, folder=db.path.parent))
