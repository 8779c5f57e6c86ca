<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>&lt;h3&gt;信用村镇外业助手&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;为乡镇工作人员和农商行信贷员采集农户、合作社信用信息，离线评级、打印证书，并与市数据交换平台同步。&lt;/p&gt;&lt;p&gt;数据目录：{folder}&lt;/p&gt;&lt;p&gt;界面与文档字体：Droid Sans Fallback（Apache License 2.0）。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Credit Village Field Client&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Collects credit information of farm households and cooperatives for township officers and rural-bank loan officers, rates offline, prints certificates and syncs with the city&apos;s data exchange platform.&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;/p&gt;&lt;p&gt;Interface and document font: Droid Sans Fallback (Apache License 2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>关于信用村镇外业助手</source>
        <translation>About Credit Village Field Client</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>无法打开数据目录</source>
        <translation>Cannot open the data folder</translation>
    </message>
    <message>
        <source>已自动备份到 {path}</source>
        <translation>Automatic backup written to {path}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>审计日志</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>操作，如 login、permission_denied</source>
        <translation>Action, e.g. login, permission_denied</translation>
    </message>
    <message>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>校验哈希链</source>
        <translation>Verify hash chain</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>共 {n} 条（最新在前）</source>
        <translation>{n} entries (newest first)</translation>
    </message>
    <message>
        <source>哈希链完整：已校验 {n} 条</source>
        <translation>Hash chain intact: {n} entries verified</translation>
    </message>
    <message>
        <source>哈希链被破坏：第 {seq} 条。{problem}</source>
        <translation>Hash chain broken at entry {seq}. {problem}</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <source>已导出 {n} 条 → {path}</source>
        <translation>Exported {n} entries → {path}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间（UTC）</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象类型</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码（至少 8 位）</source>
        <translation>New password (at least 8 characters)</translation>
    </message>
    <message>
        <source>再次输入新密码</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <source>正在更新…</source>
        <translation>Updating…</translation>
    </message>
</context>
<context>
    <name>CooperativeTableModel</name>
    <message>
        <source>合作社名称</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>DivisionTreeView</name>
    <message>
        <source>行政区划</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>建档户数</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>全部区划</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <source>区划代码 {code}，登记 {registered} 户</source>
        <translation>Division code {code}, {registered} registered households</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>授权</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>已签</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>未签</source>
        <translation>Not signed</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 信用村镇外业助手</source>
        <translation>Log in — Credit Village Field Client</translation>
    </message>
    <message>
        <source>请输入用户名和密码。数据已加密，只有本机账户能打开。</source>
        <translation>Enter your user name and password. The data is encrypted; only accounts of this laptop can open it.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>请填写用户名和密码</source>
        <translation>Please enter user name and password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>信用村镇外业助手</source>
        <translation>Credit Village Field Client</translation>
    </message>
    <message>
        <source>农户</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>合作社</source>
        <translation>Cooperatives</translation>
    </message>
    <message>
        <source>管理员账户负责用户、备份与审计，不查看农户和合作社档案。请用业务账户登录以查看档案。</source>
        <translation>The administrator account manages users, backups and the audit trail and does not see household or cooperative files. Log in with a field account to see them.</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>搜索户主：姓名、拼音首字母（如 zs）、身份证号或电话</source>
        <translation>Search heads: name, pinyin initials (e.g. zs), ID number or phone</translation>
    </message>
    <message>
        <source>共 {n} 户</source>
        <translation>{n} households</translation>
    </message>
    <message>
        <source>查看完整身份证号码（将记入审计日志）</source>
        <translation>Show full ID number (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>搜索合作社：名称、拼音首字母、信用代码或电话</source>
        <translation>Search cooperatives: name, pinyin initials, credit code or phone</translation>
    </message>
    <message>
        <source>共 {n} 个合作社</source>
        <translation>{n} cooperatives</translation>
    </message>
    <message>
        <source>● 离线</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>尚未配置数据交换平台</source>
        <translation>No exchange platform configured yet</translation>
    </message>
    <message>
        <source>上次同步：从未同步</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <source>当前用户：{name}（{role}）</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>查找农户(&amp;S)</source>
        <translation>&amp;Search households</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>管理(&amp;M)</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <source>备份数据库(&amp;B)</source>
        <translation>&amp;Back up database</translation>
    </message>
    <message>
        <source>审计日志(&amp;U)…</source>
        <translation>A&amp;udit trail…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>完整身份证号码</source>
        <translation>Full ID number</translation>
    </message>
    <message>
        <source>身份证号码：{number}
本次查看已记入审计日志。</source>
        <translation>ID number: {number}
This view has been recorded in the audit trail.</translation>
    </message>
    <message>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>界面语言将在下次启动时生效。</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>操作未能完成：{error}</source>
        <translation>The operation could not be completed: {error}</translation>
    </message>
    <message>
        <source> — 演示账户，仅限演示数据</source>
        <translation> — demo account, demo data only</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>查询失败</source>
        <translation>Search failed</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>长时间未操作，屏幕已锁定。请输入 {name} 的密码继续。</source>
        <translation>The screen locked after a period of inactivity. Enter the password of {name} to continue.</translation>
    </message>
    <message>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>首次使用 — 创建管理员</source>
        <translation>First start — create the administrator</translation>
    </message>
    <message>
        <source>本机尚无账户。请创建管理员账户：管理员负责建立其他用户、备份与恢复。请牢记密码：数据用它加密，所有账户都忘记密码时数据将无法恢复。</source>
        <translation>This laptop has no accounts yet. Create the administrator, who creates the other users and makes backups and restores. Keep the password safe: the data is encrypted with it, and if every account forgets its password the data cannot be recovered.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>密码（至少 8 位）</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
</TS>
