"""The main window: it only assembles the features and wires their signals."""
from __future__ import annotations

import logging

import sqlalchemy.exc
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenuBar, QMessageBox, QSplitter, QTabWidget

from app import __version__
from app.services import search
from app.security.roles import Permission, role_label
from app.services.accounts import Workspace
from app.ui.about import show_about
from app.ui.accounts.dialogs import problem_text
from app.ui.cooperatives.table_model import CooperativeTableModel
from app.ui.divisions.tree import DivisionTreeView
from app.ui.households.table_model import HouseholdTableModel
from app.ui.i18n import LANGUAGES, save_language, saved_language
from app.ui.records.list_panel import RecordListPanel
from app.ui.workers import run_task
from app.services.divisions import division_tree

log = logging.getLogger(__name__)


# The menu bar in the order of the work: files and records, rating, printing, sync; then view,
# account, administration and help. Features add their menus as they install; this puts them
# in place. (translation context, title) as each feature creates its menu.
MENU_ORDER = [("MainWindow", "文件(&F)"), ("editor", "档案(&E)"), ("MainWindow", "评定(&R)"),
              ("PrintMenu", "打印(&P)"), ("SyncController", "同步(&Y)"), ("MainWindow", "视图(&V)"),
              ("MainWindow", "账户(&A)"), ("MainWindow", "管理(&M)"), ("MainWindow", "帮助(&H)")]


def order_menus(bar: QMenuBar) -> None:
    """Re-insert the menus of ``bar`` in :data:`MENU_ORDER`; unknown menus keep their place at the end."""
    rank = {QCoreApplication.translate(context, title): index for index, (context, title) in enumerate(MENU_ORDER)}
    actions = bar.actions()
    for action in actions:
        bar.removeAction(action)
    for action in sorted(actions, key=lambda a: rank.get(a.text(), len(rank))):
        bar.addAction(action)


class MainWindow(QMainWindow):
    """Division tree on the left; households and cooperatives of the selected division."""

    sig_ready = Signal()  # the tree and the first household list have loaded

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.db = ws.db
        self.setWindowTitle(self._title())
        self.tree = DivisionTreeView()
        self.households = self._households_panel()
        self.cooperatives = self._cooperatives_panel()
        self.tabs = QTabWidget()
        if ws.can(Permission.VIEW_RECORDS):
            self.tabs.addTab(self.households, self.tr("农户"))
            self.tabs.addTab(self.cooperatives, self.tr("合作社"))
        else:
            notice = QLabel(self.tr("管理员账户负责用户、备份与审计，不查看农户和合作社档案。"
                                    "请用业务账户登录以查看档案。"), wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(notice, self.tr("档案"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 910])
        self.setCentralWidget(splitter)
        self._make_status_bar()
        self._make_menus()
        self._install_editing()
        order_menus(self.menuBar())
        self.tree.sig_division_selected.connect(self.on_division_selected)
        self.households.sig_loaded.connect(self._on_first_list)
        self.households.sig_failed.connect(self.on_failure)
        self.cooperatives.sig_failed.connect(self.on_failure)
        self.resize(1200, 760)
        self._ready = False
        self.refresh_divisions()

    def _households_panel(self) -> RecordListPanel:
        model = HouseholdTableModel(lambda ids: search.household_rows(self.ws, ids), self)
        panel = RecordListPanel(model, lambda q: search.household_ids(self.ws, q),
                                self.tr("搜索户主：姓名、拼音首字母（如 zs）、身份证号或电话"),
                                lambda n: self.tr("共 {n} 户").format(n=n))
        panel.set_column_widths([110, 170, 120, 110, 110, 90])
        if self.ws.can(Permission.VIEW_FULL_ID):
            panel.add_row_action(self.tr("查看完整身份证号码（将记入审计日志）"), self.on_reveal_id)
        return panel

    def _cooperatives_panel(self) -> RecordListPanel:
        model = CooperativeTableModel(lambda ids: search.cooperative_rows(self.ws, ids), self)
        panel = RecordListPanel(model, lambda q: search.cooperative_ids(self.ws, q),
                                self.tr("搜索合作社：名称、拼音首字母、信用代码或电话"),
                                lambda n: self.tr("共 {n} 个合作社").format(n=n))
        panel.set_column_widths([240, 170, 90, 120, 110])
        return panel

    def _make_status_bar(self) -> None:
        from app.ui.sync.controller import SyncController  # 同步 (issue 7)

        self.sync = SyncController(self.ws, self)
        self.network_label, self.sync_label = self.sync.widget.network_label, self.sync.widget.sync_label
        self.sync.refresh()
        actor = self.ws.actor
        self.user_label = QLabel(self.tr("当前用户：{name}（{role}）").format(
            name=actor.display_name, role=QCoreApplication.translate("security", role_label(actor.role))))
        self.user_label.setToolTip(str(self.db.path))
        bar = self.statusBar()
        bar.addWidget(self.user_label, 1)
        bar.addPermanentWidget(self.sync.widget)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        refresh = QAction(self.tr("刷新(&R)"), self, shortcut=QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_divisions)
        file_menu.addAction(refresh)
        self._add_roster_actions(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        find = QAction(self.tr("查找农户(&S)"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self.on_find)
        view_menu.addAction(find)
        language_menu = view_menu.addMenu(self.tr("界面语言(&L)"))
        group = QActionGroup(self)
        current = saved_language()
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True, checked=(code == current))
            action.triggered.connect(lambda _=False, c=code: self.on_language_chosen(c))
            group.addAction(action)
            language_menu.addAction(action)
        if self.ws.can(Permission.SYNC):  # the administrator keeps no records to sync
            self.sync.add_menu()
        account_menu = self.menuBar().addMenu(self.tr("账户(&A)"))
        change = QAction(self.tr("修改密码(&P)…"), self)
        change.triggered.connect(self.on_change_password)
        account_menu.addAction(change)
        if self.ws.can(Permission.BACKUP) or self.ws.can(Permission.VIEW_AUDIT):
            manage = self.menuBar().addMenu(self.tr("管理(&M)"))
            if self.ws.can(Permission.BACKUP):
                backup_action = QAction(self.tr("备份数据库(&B)"), self)
                backup_action.triggered.connect(self.on_backup)
                manage.addAction(backup_action)
            if self.ws.can(Permission.VIEW_AUDIT):
                audit_action = QAction(self.tr("审计日志(&U)…"), self)
                audit_action.triggered.connect(self.on_audit)
                manage.addAction(audit_action)
            self._add_admin_actions(manage)
        self._install_printing()
        self._install_rating()
        self._add_workflow_menu()
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(lambda: show_about(self, self.db))
        help_menu.addAction(about)

    # -- handlers ------------------------------------------------------------------------
    def refresh_divisions(self) -> None:
        run_task(division_tree, self.db, on_done=self._on_divisions, on_error=self.on_failure, owner=self)

    def _on_divisions(self, roots) -> None:
        self.tree.set_divisions(roots)
        if not self.ws.can(Permission.VIEW_RECORDS):
            self._on_first_list(0)

    def on_division_selected(self, code: str) -> None:
        if not self.ws.can(Permission.VIEW_RECORDS):
            return  # the administrator manages accounts, not credit files
        self.households.set_division(code or None)
        self.cooperatives.set_division(code or None)

    def on_find(self) -> None:
        self.tabs.setCurrentWidget(self.households)
        self.households.search.setFocus()
        self.households.search.selectAll()

    def on_reveal_id(self, household_id: str) -> None:
        run_task(search.reveal_id_number, self.ws, household_id, on_done=self._show_id,
                 on_error=self.on_failure, owner=self)

    def _show_id(self, number: str) -> None:
        self.revealed = QMessageBox(QMessageBox.Icon.Information, self.tr("完整身份证号码"),
                                    self.tr("身份证号码：{number}\n本次查看已记入审计日志。").format(number=number),
                                    QMessageBox.StandardButton.Ok, self)
        self.revealed.open()

    def on_change_password(self) -> None:
        from app.ui.accounts.password import ChangePasswordDialog

        if ChangePasswordDialog(self.ws, self).exec():
            self.statusBar().showMessage(self.tr("密码已修改"), 5000)

    def on_backup(self) -> None:
        from app.services.backup import backup

        self.statusBar().showMessage(self.tr("正在备份…"))
        run_task(backup, self.ws, on_done=lambda path: self.statusBar().showMessage(
            self.tr("已备份到 {path}").format(path=path), 10_000), on_error=self.on_failure, owner=self)

    def _add_admin_actions(self, manage) -> None:
        """Users, restore and the retention purge (their dialogs load on first use)."""
        for permission, text, handler in ((Permission.MANAGE_USERS, self.tr("用户管理(&G)…"), self.on_users),
                                          (Permission.RESTORE, self.tr("从备份恢复(&R)…"), self.on_restore),
                                          (Permission.PURGE_RETENTION, self.tr("清理过期负面信息(&P)…"),
                                           self.on_purge)):
            if self.ws.can(permission):
                action = QAction(text, self)
                action.triggered.connect(handler)
                manage.addAction(action)

    def on_users(self) -> None:
        from app.ui.accounts.users_dialog import UsersDialog

        UsersDialog(self.ws, self).exec()

    def on_restore(self) -> None:
        from app.ui.backup.startup import restore_from_window

        restore_from_window(self)

    def on_purge(self) -> None:
        from app.ui.backup.purge_dialog import PurgeDialog

        dialog = PurgeDialog(self.ws, self)
        if dialog.exec() and dialog.summary is not None:
            self.statusBar().showMessage(self.tr("已清理 {n} 条过期负面信息").format(n=dialog.summary.total_events), 10_000)

    def _add_roster_actions(self, file_menu) -> None:
        """Excel rosters (issue 4): template for everyone who sees records, import, export."""
        if not self.ws.can(Permission.VIEW_RECORDS):
            return
        file_menu.addSeparator()
        for permission, text, handler in ((None, self.tr("下载导入模板(&T)…"), self.on_roster_template),
                                          (Permission.IMPORT, self.tr("导入花名册(&I)…"), self.on_roster_import),
                                          (Permission.EXPORT, self.tr("导出花名册(&E)…"), self.on_roster_export)):
            if permission is None or self.ws.can(permission):
                action = QAction(text, self)
                action.triggered.connect(handler)
                file_menu.addAction(action)

    def on_roster_template(self) -> None:
        from app.ui.roster.actions import download_template

        download_template(self)

    def on_roster_import(self) -> None:
        from app.ui.roster.import_dialog import ImportDialog

        ImportDialog(self.ws, self).exec()
        self.refresh_divisions()

    def on_roster_export(self) -> None:
        from app.ui.divisions.tree import CODE_ROLE
        from app.ui.roster.actions import export_division

        kind = "cooperative" if self.tabs.currentWidget() is self.cooperatives else "household"
        code = self.tree.currentIndex().siblingAtColumn(0).data(CODE_ROLE)
        export_division(self, self.ws, code or None, kind)

    def on_audit(self) -> None:
        from app.ui.audit.dialog import AuditDialog

        AuditDialog(self.ws, self).exec()

    def _install_printing(self) -> None:
        from app.ui.documents.menu import install_print_menu  # 打印: certificates, lists, register (issue 6)

        install_print_menu(self)

    def _install_editing(self) -> None:
        from app.ui.editor.hooks import install_editing  # 新建/编辑/详情/草稿 (issue 4)

        install_editing(self)

    def _install_rating(self) -> None:
        from app.ui.rating.hooks import install_rating  # 批量评级、信用村镇看板、评级明细 (issue 5)

        install_rating(self)

    def _add_workflow_menu(self) -> None:
        from app.ui.workflow.window import can_use_workflow  # 评议与公示 (issue 5)

        if can_use_workflow(self.ws):
            titles = {a.text(): a.menu() for a in self.menuBar().actions() if a.menu()}
            menu = titles.get(self.tr("评定(&R)")) or self.menuBar().addMenu(self.tr("评定(&R)"))
            action = QAction(self.tr("评议与公示(&W)…"), self)
            action.triggered.connect(self.on_workflow)
            menu.addAction(action)

    def on_workflow(self) -> None:
        from app.domain.divisions import level_of
        from app.ui.divisions.tree import CODE_ROLE
        from app.ui.workflow.window import WorkflowWindow

        label = self.tree.currentIndex().siblingAtColumn(0)
        code = label.data(CODE_ROLE) or ""
        if not code or level_of(code) != "village":
            QMessageBox.information(self, self.tr("评议与公示"), self.tr("请先在左侧区划树中选择一个村。"))
            return
        self.workflow_window = WorkflowWindow(self.ws, code, label.data() or "", parent=self)
        self.workflow_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workflow_window.show()

    def on_language_chosen(self, code: str) -> None:
        save_language(code)
        QMessageBox.information(self, self.tr("界面语言"), self.tr("界面语言将在下次启动时生效。"))

    def on_failure(self, error) -> None:
        """A background task failed: say so without a nested event loop (the answer of one task
        must not stall the others), and not at all once the window was closed (a damaged store)."""
        if not self.isVisible():
            log.warning("background task failed after the main window closed: %s", type(error).__name__)
            return
        if isinstance(error, sqlalchemy.exc.DatabaseError):
            text = self.tr("读取数据库时出错，数据库可能已损坏。请退出后重新登录：登录时会检查数据库，"
                           "发现损坏会提示从备份恢复。")
        else:
            text = self.tr("操作未能完成：{error}").format(error=problem_text(error))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("出错了"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _title(self) -> str:
        title = self.tr("信用村镇外业助手")
        if self.ws.actor.is_demo:
            title += self.tr(" — 演示账户，仅限演示数据")
        return title

    def _on_first_list(self, _count: int) -> None:
        if not self._ready:
            self._ready = True
            self.sig_ready.emit()

    @property
    def version(self) -> str:
        return __version__
