<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>About</name>
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
    <name>AddUserDialog</name>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
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
    <name>AppraisalDialog</name>
    <message>
        <source>评议</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <source>整村评议</source>
        <translation>Appraise the village</translation>
    </message>
    <message>
        <source>{name}：初评 {score} 分。调整分在 ±{bound} 分以内，调整后按评分方案重新定级。</source>
        <translation>{name}: computed score {score}. The adjustment may be at most ±{bound} points; the grade is then derived again from the scheme.</translation>
    </message>
    <message>
        <source>本村所有只完成初评的评级按初评结果通过评议（不调整分数）。</source>
        <translation>Every rating of this village that is only computed passes the appraisal as computed (no adjustment).</translation>
    </message>
    <message>
        <source>写明评议理由</source>
        <translation>State the reason for the appraisal</translation>
    </message>
    <message>
        <source>评议小组成员姓名，用“、”分隔</source>
        <translation>Names of the appraisal group, separated by “、”</translation>
    </message>
    <message>
        <source>调整分：</source>
        <translation>Adjustment:</translation>
    </message>
    <message>
        <source>评议理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>评议小组：</source>
        <translation>Appraisers:</translation>
    </message>
    <message>
        <source>评议日期：</source>
        <translation>Appraised on:</translation>
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
        <source>操作，如 登录、批量评级</source>
        <translation>Action, e.g. Signed in, Batch rating</translation>
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
    <name>BatchRatingDialog</name>
    <message>
        <source>批量评级</source>
        <translation>Batch rating</translation>
    </message>
    <message>
        <source>为“{name}”的全部农户和合作社评分并保存评级。已有评级不会被覆盖，每次评级新增一条记录。</source>
        <translation>Rate every household and cooperative of “{name}” and store the ratings. Earlier ratings are never overwritten: each run adds a new record.</translation>
    </message>
    <message>
        <source>尚未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>开始评级</source>
        <translation>Start rating</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>评分日期：</source>
        <translation>Rating date:</translation>
    </message>
    <message>
        <source>正在评级…</source>
        <translation>Rating…</translation>
    </message>
    <message>
        <source>已评 {done} / {total} 条档案</source>
        <translation>Rated {done} / {total} records</translation>
    </message>
    <message>
        <source>正在取消：当前一页保存后停止…</source>
        <translation>Cancelling: stopping after the page being stored…</translation>
    </message>
    <message>
        <source>评级未能完成：{error}</source>
        <translation>The rating could not be completed: {error}</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已取消，此前各页的评级已保存。</source>
        <translation>Cancelled; the ratings of the pages before were stored.</translation>
    </message>
    <message>
        <source>评级完成。</source>
        <translation>Rating finished.</translation>
    </message>
    <message>
        <source>农户 {households} 户，合作社 {cooperatives} 个。</source>
        <translation> Households: {households}, cooperatives: {cooperatives}.</translation>
    </message>
    <message>
        <source>农户等级：</source>
        <translation>Household grades: </translation>
    </message>
    <message>
        <source>{n} 条档案无法评分（资料格式有误），未保存。</source>
        <translation>{n} records could not be rated (malformed data) and were not stored.</translation>
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
    <name>CheckedLoginDialog</name>
    <message>
        <source>请填写用户名和密码</source>
        <translation>Please enter user name and password</translation>
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
    <name>DecisionDialog</name>
    <message>
        <source>处理异议</source>
        <translation>Decide objection</translation>
    </message>
    <message>
        <source>{name}：复核后作出决定并书面答复异议人。</source>
        <translation>{name}: re-examine, decide and answer the objector in writing.</translation>
    </message>
    <message>
        <source>异议成立，调整分数</source>
        <translation>Upheld: adjust the score</translation>
    </message>
    <message>
        <source>异议不成立，维持原结果</source>
        <translation>Rejected: the result stands</translation>
    </message>
    <message>
        <source>给异议人的答复</source>
        <translation>Answer to the objector</translation>
    </message>
    <message>
        <source>异议：</source>
        <translation>Objection:</translation>
    </message>
    <message>
        <source>异议内容：</source>
        <translation>Objection text:</translation>
    </message>
    <message>
        <source>结论：</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>复核后调整分：</source>
        <translation>Adjustment after review:</translation>
    </message>
    <message>
        <source>答复：</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <source>处理日期：</source>
        <translation>Decided on:</translation>
    </message>
    <message>
        <source>{received} 受理，{due} 前答复：{text}</source>
        <translation>received {received}, answer by {due}: {text}</translation>
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
    <name>DocumentPreview</name>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>正在生成文档，请稍候…</source>
        <translation>Generating the document, please wait…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在生成：{done}/{total}</source>
        <translation>Generating: {done}/{total}</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>共 {pages} 页</source>
        <translation>{pages} pages</translation>
    </message>
    <message>
        <source>已取消，未生成文件</source>
        <translation>Cancelled; no file was made</translation>
    </message>
    <message>
        <source>未能生成</source>
        <translation>Could not be generated</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>DocumentRequestDialog</name>
    <message>
        <source>打印信用户证书</source>
        <translation>Print credit-household certificates</translation>
    </message>
    <message>
        <source>打印公示名单</source>
        <translation>Print public-notice list</translation>
    </message>
    <message>
        <source>打印信用评定表</source>
        <translation>Print rating report</translation>
    </message>
    <message>
        <source>12 位村级区划代码</source>
        <translation>12-digit village division code</translation>
    </message>
    <message>
        <source>在农户列表中选中一户，或粘贴农户 ID</source>
        <translation>Select a household in the list, or paste its ID</translation>
    </message>
    <message>
        <source>全村经确认的信用户（一户一页）</source>
        <translation>All confirmed credit households of the village (one per page)</translation>
    </message>
    <message>
        <source>单户</source>
        <translation>One household</translation>
    </message>
    <message>
        <source>村代码：</source>
        <translation>Village code:</translation>
    </message>
    <message>
        <source>农户 ID：</source>
        <translation>Household ID:</translation>
    </message>
    <message>
        <source>办理日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>证书只发给经审核员确认、仍在有效期内的信用户；编号一经签发不再改变。</source>
        <translation>Certificates go only to credit households confirmed by a supervisor and still valid; a number once issued never changes.</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>信用户证书：{village}</source>
        <translation>Credit-household certificates: {village}</translation>
    </message>
    <message>
        <source>信用户证书</source>
        <translation>Credit-household certificate</translation>
    </message>
    <message>
        <source>公示名单：{village}</source>
        <translation>Public-notice list: {village}</translation>
    </message>
    <message>
        <source>信用评定表</source>
        <translation>Rating report</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>未保存的草稿</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>File</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>最后保存</source>
        <translation>Last saved</translation>
    </message>
    <message>
        <source>程序意外关闭或未保存就关闭编辑窗口时，填写的内容保存在这里。</source>
        <translation>When the program closed unexpectedly, or an editor was closed without saving, what was entered is kept here.</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>丢弃(&amp;D)</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
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
        <source>（未填名称）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>{title}（新建）</source>
        <translation>{title} (new)</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>注册到数据交换平台</source>
        <translation>Enrol with the exchange platform</translation>
    </message>
    <message>
        <source>默认：计算机名</source>
        <translation>Default: computer name</translation>
    </message>
    <message>
        <source>平台地址</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>设备名称</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>请输入平台管理员给您的平台地址和一次性注册码。</source>
        <translation>Enter the platform address and the one-time enrolment code from the platform administrator.</translation>
    </message>
    <message>
        <source>请填写平台地址和注册码</source>
        <translation>Please fill in the platform address and the enrolment code</translation>
    </message>
    <message>
        <source>平台地址应以 https:// 开头</source>
        <translation>The platform address must start with https://</translation>
    </message>
    <message>
        <source>正在注册…</source>
        <translation>Enrolling…</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>须先签署信用信息采集授权书</source>
        <translation>The credit information consent form must be signed first</translation>
    </message>
    <message>
        <source>第 {n} 行：{message}</source>
        <translation>Row {n}: {message}</translation>
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
        <source>最近评级</source>
        <translation>Latest grade</translation>
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
    <message>
        <source>不予评级</source>
        <translation>Not graded</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入花名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>选择文件(&amp;O)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <source>导入前会逐行检查；任何一行有错误时不导入，请按清单改正后重新选择文件。</source>
        <translation>Every row is checked before importing; if any row has an error nothing is imported: correct the file using the list, then choose it again.</translation>
    </message>
    <message>
        <source>只导入没有错误的行（有错误的行不导入）</source>
        <translation>Import only the rows without errors (rows with errors are left out)</translation>
    </message>
    <message>
        <source>保存问题清单(&amp;S)…</source>
        <translation>&amp;Save problem list…</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择花名册</source>
        <translation>Choose roster</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在检查 {name}…</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <source>请选择要导入的 Excel 文件（.xlsx）或 CSV 文件</source>
        <translation>Choose the Excel workbook (.xlsx) or CSV file to import</translation>
    </message>
    <message>
        <source>停止(&amp;T)</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>花名册 (*.xlsx *.csv)</source>
        <translation>Rosters (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <source>个合作社</source>
        <translation>cooperatives</translation>
    </message>
    <message>
        <source>共 {rows} 行：将新建 {created} {noun}，更新 {updated} {noun}。</source>
        <translation>{rows} rows: {created} {noun} will be created, {updated} {noun} updated.</translation>
    </message>
    <message>
        <source> 有 {errors} 处错误（涉及 {error_rows} 行），请改正后重新选择文件。</source>
        <translation> {errors} errors (in {error_rows} rows): correct them and choose the file again.</translation>
    </message>
    <message>
        <source> 另有 {n} 处提醒，不影响导入。</source>
        <translation> {n} warnings as well; they do not stop the import.</translation>
    </message>
    <message>
        <source>有错误时不能导入：请先改正文件</source>
        <translation>Cannot import while there are errors: correct the file first</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已导入：新建 {created} {noun}，更新 {updated} {noun}。</source>
        <translation>Imported: {created} {noun} created, {updated} {noun} updated.</translation>
    </message>
    <message>
        <source> 有错误的 {n} 行未导入。</source>
        <translation> {n} rows with errors were not imported.</translation>
    </message>
    <message>
        <source>有错误，未导入任何记录。</source>
        <translation>There are errors; nothing was imported.</translation>
    </message>
    <message>
        <source>保存问题清单</source>
        <translation>Save problem list</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>基础</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>扣分</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>否决</source>
        <translation>Veto</translation>
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
        <source>用户管理(&amp;G)…</source>
        <translation>Users(&amp;G)…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>Restore from backup(&amp;R)…</translation>
    </message>
    <message>
        <source>清理过期负面信息(&amp;P)…</source>
        <translation>Purge expired negative records(&amp;P)…</translation>
    </message>
    <message>
        <source>已清理 {n} 条过期负面信息</source>
        <translation>{n} expired negative records purged</translation>
    </message>
    <message>
        <source>下载导入模板(&amp;T)…</source>
        <translation>Download import &amp;template…</translation>
    </message>
    <message>
        <source>导入花名册(&amp;I)…</source>
        <translation>&amp;Import roster…</translation>
    </message>
    <message>
        <source>导出花名册(&amp;E)…</source>
        <translation>&amp;Export roster…</translation>
    </message>
    <message>
        <source>评定(&amp;R)</source>
        <translation>&amp;Rating</translation>
    </message>
    <message>
        <source>评议与公示(&amp;W)…</source>
        <translation>&amp;Appraisal and public notice…</translation>
    </message>
    <message>
        <source>评议与公示</source>
        <translation>Appraisal and public notice</translation>
    </message>
    <message>
        <source>请先在左侧区划树中选择一个村。</source>
        <translation>First select a village in the division tree on the left.</translation>
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
        <source>读取数据库时出错，数据库可能已损坏。请退出后重新登录：登录时会检查数据库，发现损坏会提示从备份恢复。</source>
        <translation>The database could not be read and may be damaged. Please quit and log in again: the login checks the database and offers a restore from a backup if it is damaged.</translation>
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
    <name>NoticeDialog</name>
    <message>
        <source>发起公示</source>
        <translation>Start public notice</translation>
    </message>
    <message>
        <source>本村 {count} 户已评议的评级将公示 {days} 天。</source>
        <translation>The {count} appraised ratings of this village will be on public notice for {days} days.</translation>
    </message>
    <message>
        <source>公示开始日：</source>
        <translation>Notice starts on:</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>登记异议</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <source>{name} 的评级在公示期内收到的异议，须在 20 天内答复。</source>
        <translation>An objection to the rating of {name} received during the notice; it must be answered within 20 days.</translation>
    </message>
    <message>
        <source>异议人、异议内容和理由</source>
        <translation>Objector, objection and reasons</translation>
    </message>
    <message>
        <source>异议内容：</source>
        <translation>Objection text:</translation>
    </message>
    <message>
        <source>受理日期：</source>
        <translation>Received on:</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>证书(&amp;C)…</source>
        <translation>&amp;Certificates…</translation>
    </message>
    <message>
        <source>公示名单(&amp;N)…</source>
        <translation>&amp;Notice list…</translation>
    </message>
    <message>
        <source>评定表(&amp;R)…</source>
        <translation>&amp;Rating report…</translation>
    </message>
    <message>
        <source>证书登记簿(&amp;G)…</source>
        <translation>Certificate re&amp;gister…</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>清理过期负面信息</source>
        <translation>Purge expired negative records</translation>
    </message>
    <message>
        <source>依照《征信业管理条例》，不良信息自不良行为终止之日起保存 {years} 年。已满 {years} 年的不良行为记录和行政处罚记录将从档案中删除，并同步到平台；审计日志只记录条数。</source>
        <translation>Under the Credit Reporting Regulation, negative information is kept {years} years from the end of the event. Misconduct and administrative penalty records {years} years old are deleted from the files and from the platform at the next sync; the audit trail records only the counts.</translation>
    </message>
    <message>
        <source>平台下发的失信名单和处罚记录（失信名单自移出名单之日起算）只删除本机副本，以后同步也不会再下载。</source>
        <translation>Blacklist entries and penalty records from the platform (a blacklist entry counts from the day it was removed from the list) are deleted from this computer only, and later syncs will not download them again.</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>清理</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>截至 {on}：农户不良行为记录 {households} 条、合作社行政处罚记录 {cooperatives} 条，涉及 {records} 份档案。</source>
        <translation>As of {on}: {households} household misconduct records and {cooperatives} cooperative penalty records, in {records} files.</translation>
    </message>
    <message>
        <source>平台下发的失信名单 {blacklist} 条、处罚记录 {conduct} 条。</source>
        <translation> From the platform: {blacklist} blacklist entries and {conduct} penalty records.</translation>
    </message>
    <message>
        <source>没有已满 {years} 年的负面信息，无需清理。</source>
        <translation>No negative records are {years} years old; nothing to purge.</translation>
    </message>
    <message>
        <source>正在清理…</source>
        <translation>Purging…</translation>
    </message>
</context>
<context>
    <name>RatingBreakdown</name>
    <message>
        <source>{title}（第 {version} 版）</source>
        <translation>{title} (version {version})</translation>
    </message>
</context>
<context>
    <name>RatingBreakdownDialog</name>
    <message>
        <source>评级明细</source>
        <translation>Rating breakdown</translation>
    </message>
    <message>
        <source>正在读取评级…</source>
        <translation>Reading ratings…</translation>
    </message>
    <message>
        <source>评级记录：</source>
        <translation>Rating:</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>基础分</source>
        <translation>Base points</translation>
    </message>
    <message>
        <source>信用户</source>
        <translation>Credit household</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>建议授信额度</source>
        <translation>Suggested credit line</translation>
    </message>
    <message>
        <source>扣分</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>一票否决</source>
        <translation>Vetoes</translation>
    </message>
    <message>
        <source>资料完整</source>
        <translation>Data complete</translation>
    </message>
    <message>
        <source>评分方案</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>{date}&#x3000;{scheme}&#x3000;评分人 {user}</source>
        <translation>{date}   {scheme}   rated by {user}</translation>
    </message>
    <message>
        <source>尚未评级：请先在“评定”菜单中批量评级。</source>
        <translation>Not rated yet: use batch rating in the Rating menu first.</translation>
    </message>
    <message>
        <source>无法读取评级：{error}</source>
        <translation>Cannot read the ratings: {error}</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>未签署信用信息采集授权书：不予评级。</source>
        <translation>No signed consent to collect credit information: not rated.</translation>
    </message>
    <message>
        <source>未评级</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>否，缺少：{fields}</source>
        <translation>No, missing: {fields}</translation>
    </message>
</context>
<context>
    <name>RatingCharts</name>
    <message>
        <source>农户</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>等级分布（各户最新评级）</source>
        <translation>Grade distribution (latest rating of each household)</translation>
    </message>
    <message>
        <source>等级分布：尚无评级</source>
        <translation>Grade distribution: no ratings yet</translation>
    </message>
    <message>
        <source>未评级</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>建档率</source>
        <translation>Filed ratio</translation>
    </message>
    <message>
        <source>信用户占比</source>
        <translation>Credit households</translation>
    </message>
    <message>
        <source>借款户无逾期</source>
        <translation>Borrowers not overdue</translation>
    </message>
    <message>
        <source>信用村占比</source>
        <translation>Credit villages</translation>
    </message>
    <message>
        <source>本区划</source>
        <translation>This division</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>覆盖率与达标标准（%）</source>
        <translation>Coverage against the thresholds (%)</translation>
    </message>
</context>
<context>
    <name>RatingHooks</name>
    <message>
        <source>批量评级(&amp;B)…</source>
        <translation>&amp;Batch rating…</translation>
    </message>
    <message>
        <source>信用村镇看板(&amp;D)…</source>
        <translation>Credit village &amp;dashboard…</translation>
    </message>
    <message>
        <source>查看评级明细</source>
        <translation>Rating breakdown</translation>
    </message>
    <message>
        <source>全部区划</source>
        <translation>All divisions</translation>
    </message>
</context>
<context>
    <name>RecordDetailDialog</name>
    <message>
        <source>{title} — {name}（第 {revision} 版）</source>
        <translation>{title} — {name} (revision {revision})</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>评定日期</source>
        <translation>Rated on</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>信用户</source>
        <translation>Credit household</translation>
    </message>
    <message>
        <source>评分方案</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>评定人</source>
        <translation>Rated by</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>修改的内容</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>File</translation>
    </message>
    <message>
        <source>评级记录（{n}）</source>
        <translation>Ratings ({n})</translation>
    </message>
    <message>
        <source>修改记录（{n}）</source>
        <translation>Edit history ({n})</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>未评级</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>评级流程：尚未评级</source>
        <translation>Rating workflow: not rated yet</translation>
    </message>
    <message>
        <source>评级流程：{stage}</source>
        <translation>Rating workflow: {stage}</translation>
    </message>
    <message>
        <source>，最终等级 {grade}（{score} 分）</source>
        <translation>, final grade {grade} ({score} points)</translation>
    </message>
    <message>
        <source>，{confirmed} 确认，有效期至 {until}</source>
        <translation>, confirmed {confirmed}, valid until {until}</translation>
    </message>
    <message>
        <source>，公示期 {start} 至 {last}</source>
        <translation>, public notice {start} to {last}</translation>
    </message>
    <message>
        <source>⚑ 异议 {n} 件，已处理</source>
        <translation>⚑ {n} objection(s), handled</translation>
    </message>
    <message>
        <source>⚑ 异议 {n} 件待处理，答复已超期（{due}）</source>
        <translation>⚑ {n} open objection(s), answer overdue ({due})</translation>
    </message>
    <message>
        <source>⚑ 异议 {n} 件待处理，{due} 前答复</source>
        <translation>⚑ {n} open objection(s), answer by {due}</translation>
    </message>
    <message>
        <source>建档</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>建立档案（{n} 项）</source>
        <translation>File created ({n} items)</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>新建：{title}</source>
        <translation>New: {title}</translation>
    </message>
    <message>
        <source>编辑：{title} — {name}</source>
        <translation>Edit: {title} — {name}</translation>
    </message>
    <message>
        <source>草稿未能保存：{error}</source>
        <translation>The draft could not be saved: {error}</translation>
    </message>
    <message>
        <source>还有 {n} 处需要修改，不能保存；Ctrl+S 逐一显示</source>
        <translation>{n} answers need correcting before saving; Ctrl+S shows them all</translation>
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
    <name>RegisterDialog</name>
    <message>
        <source>证书登记簿</source>
        <translation>Certificate register</translation>
    </message>
    <message>
        <source>区划代码（留空：全部）</source>
        <translation>Division code (empty: all)</translation>
    </message>
    <message>
        <source>补打(&amp;R)…</source>
        <translation>&amp;Reprint…</translation>
    </message>
    <message>
        <source>撤销(&amp;V)…</source>
        <translation>Re&amp;voke…</translation>
    </message>
    <message>
        <source>区划：</source>
        <translation>Division:</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 {n} 张证书</source>
        <translation>{n} certificates</translation>
    </message>
    <message>
        <source>补打证书 {number}</source>
        <translation>Reprint certificate {number}</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>持证人</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>有效期起</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>有效期止</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>签发人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>补打次数</source>
        <translation>Reprints</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>撤销原因：{reason}</source>
        <translation>Revoked: {reason}</translation>
    </message>
    <message>
        <source>由 {number} 取代</source>
        <translation>Superseded by {number}</translation>
    </message>
</context>
<context>
    <name>RepeatTable</name>
    <message>
        <source>添加{item}</source>
        <translation>Add {item}</translation>
    </message>
    <message>
        <source>删除当前{item}</source>
        <translation>Remove current {item}</translation>
    </message>
    <message>
        <source>Ctrl+Insert</source>
        <translation>Ctrl+Insert</translation>
    </message>
    <message>
        <source>Ctrl+Delete</source>
        <translation>Ctrl+Delete</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置 {user} 的密码</source>
        <translation>Reset the password of {user}</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>选择其他备份文件…</source>
        <translation>Choose another backup file…</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>恢复会用所选备份替换当前数据库；当前数据库移到 backups/ 文件夹中保留。恢复后请重新登录。</source>
        <translation>Restoring replaces the current database with the chosen backup; the current database is kept in the backups/ folder. Log in again after the restore.</translation>
    </message>
    <message>
        <source>{user} 在备份时的密码</source>
        <translation>Password of {user} at backup time</translation>
    </message>
    <message>
        <source>备份文件夹中没有备份，请选择备份文件</source>
        <translation>The backup folder holds no backups; please choose a backup file</translation>
    </message>
    <message>
        <source>{mb} MB</source>
        <translation>{mb} MB</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份文件 (*.cvbak);;所有文件 (*)</source>
        <translation>Backups (*.cvbak);;All files (*)</translation>
    </message>
    <message>
        <source>正在查找最近的完好备份…</source>
        <translation>Looking for the newest intact backup…</translation>
    </message>
    <message>
        <source>没有找到能用您的密码打开且完好的备份；可以选择其他备份文件</source>
        <translation>No intact backup opens with your password; you may choose another backup file</translation>
    </message>
    <message>
        <source>最近的完好备份：{name}（已选中）</source>
        <translation>Newest intact backup: {name} (selected)</translation>
    </message>
    <message>
        <source>将用备份 {name} 替换当前数据库。当前数据库会移到 backups/ 文件夹中保留。继续吗？</source>
        <translation>The current database will be replaced by the backup {name} and kept in the backups/ folder. Continue?</translation>
    </message>
    <message>
        <source>请先选择一个备份</source>
        <translation>Please choose a backup first</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Please enter the password</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>无法读取或写入文件：{error}</source>
        <translation>Cannot read or write the file: {error}</translation>
    </message>
</context>
<context>
    <name>RevealIdNumber</name>
    <message>
        <source>显示完整号码</source>
        <translation>Show full number</translation>
    </message>
    <message>
        <source>查看户主的完整身份证号码；每次查看都记入审计日志</source>
        <translation>Show the head&apos;s full ID number; every view is recorded in the audit log</translation>
    </message>
    <message>
        <source>户主身份证号码：{number}</source>
        <translation>Head&apos;s ID number: {number}</translation>
    </message>
    <message>
        <source>无法显示完整号码</source>
        <translation>The full number cannot be shown</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>处理同步冲突</source>
        <translation>Resolve sync conflicts</translation>
    </message>
    <message>
        <source>以下字段在本机和平台上都被修改过，平台暂时保留了它的值。请逐条核对，选择要保留的值；选择会在下次同步时上传。</source>
        <translation>These fields were changed both on this computer and on the platform; the platform has kept its value for now. Check each one and choose the value to keep; your choice is uploaded at the next sync.</translation>
    </message>
    <message>
        <source>本机的值</source>
        <translation>Value on this computer</translation>
    </message>
    <message>
        <source>保留本机的值</source>
        <translation>Keep this computer&apos;s value</translation>
    </message>
    <message>
        <source>平台的值</source>
        <translation>Value on the platform</translation>
    </message>
    <message>
        <source>保留平台的值</source>
        <translation>Keep the platform&apos;s value</translation>
    </message>
    <message>
        <source>{subject} · {field}</source>
        <translation>{subject} · {field}</translation>
    </message>
    <message>
        <source>没有待处理的冲突</source>
        <translation>No conflicts to resolve</translation>
    </message>
    <message>
        <source>{subject}：{field}</source>
        <translation>{subject}: {field}</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>已保存您的选择，将在下次同步时上传。</source>
        <translation>Your choice is saved and will be uploaded at the next sync.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>撤销证书 {number}</source>
        <translation>Revoke certificate {number}</translation>
    </message>
    <message>
        <source>如：骗取授信、信息严重失实</source>
        <translation>e.g. credit obtained by fraud, seriously false information</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>撤销后该证书核验时显示“已撤销”，不可恢复。</source>
        <translation>Once revoked, verification shows the certificate as revoked; this cannot be undone.</translation>
    </message>
    <message>
        <source>撤销原因：</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>RosterActions</name>
    <message>
        <source>农户</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>合作社</source>
        <translation>Cooperatives</translation>
    </message>
    <message>
        <source>下载导入模板</source>
        <translation>Download import template</translation>
    </message>
    <message>
        <source>问卷：</source>
        <translation>Questionnaire:</translation>
    </message>
    <message>
        <source>农户导入模板.xlsx</source>
        <translation>household-import-template.xlsx</translation>
    </message>
    <message>
        <source>合作社导入模板.xlsx</source>
        <translation>cooperative-import-template.xlsx</translation>
    </message>
    <message>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导入模板已保存：{path}</source>
        <translation>Import template saved: {path}</translation>
    </message>
    <message>
        <source>农户花名册.xlsx</source>
        <translation>household-roster.xlsx</translation>
    </message>
    <message>
        <source>合作社花名册.xlsx</source>
        <translation>cooperative-roster.xlsx</translation>
    </message>
    <message>
        <source>导出花名册</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 {count} 条（身份证号码和电话已遮蔽）：{path}</source>
        <translation>Exported {count} records (ID numbers and phones masked): {path}</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
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
    <name>Startup</name>
    <message>
        <source>数据库已损坏，程序没有打开它，也不会在其中写入。损坏的数据库已复制到 {folder}（不会删除）。请从最近的完好备份恢复；备份之后录入而尚未同步的修改需要重新录入。</source>
        <translation>The database is damaged. It was not opened and nothing will be written to it. A copy of it is kept in {folder} (never deleted). Please restore the newest intact backup; changes entered after that backup and not yet synced must be entered again.</translation>
    </message>
    <message>
        <source>无法从损坏的数据库读出哪些修改尚未同步。</source>
        <translation>Which changes were not yet synced cannot be read from the damaged database.</translation>
    </message>
    <message>
        <source>所有修改都已同步到平台。</source>
        <translation>Every change had been synced to the platform.</translation>
    </message>
    <message>
        <source>{shown}等（完整清单见 {file}）</source>
        <translation>{shown} and more (full list in {file})</translation>
    </message>
    <message>
        <source>{count} 项修改尚未同步：{records}</source>
        <translation>{count} changes were not yet synced: {records}</translation>
    </message>
    <message>
        <source>数据库已损坏</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>数据库已从备份恢复。请重新登录。</source>
        <translation>The database was restored from the backup. Please log in again.</translation>
    </message>
    <message>
        <source>数据库已损坏，且无法复制到隔离文件夹：{error}</source>
        <translation>The database is damaged and could not be copied to the quarantine folder: {error}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>立即同步(&amp;S)</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>同步(&amp;Y)</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>处理冲突(&amp;R)…</source>
        <translation>&amp;Resolve conflicts…</translation>
    </message>
    <message>
        <source>注册到数据交换平台(&amp;E)…</source>
        <translation>&amp;Enrol with the exchange platform…</translation>
    </message>
    <message>
        <source>同步完成：上传 {sent} 条（被拒绝 {rejected}，冲突 {conflicts}），下载 {received} 条</source>
        <translation>Sync finished: {sent} uploaded ({rejected} refused, {conflicts} conflicts), {received} downloaded</translation>
    </message>
    <message>
        <source>同步未完成</source>
        <translation>Sync not completed</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
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
        <source>已上传 {pushed} 条 / 已下载 {pulled} 条</source>
        <translation>{pushed} uploaded / {pulled} downloaded</translation>
    </message>
    <message>
        <source>待上传 {n} 条</source>
        <translation>{n} to upload</translation>
    </message>
    <message>
        <source>被拒绝 {n} 条</source>
        <translation>{n} refused</translation>
    </message>
    <message>
        <source>&lt;a href=&apos;#&apos;&gt;待处理冲突 {n} 条&lt;/a&gt;</source>
        <translation>&lt;a href=&apos;#&apos;&gt;{n} conflicts to resolve&lt;/a&gt;</translation>
    </message>
    <message>
        <source>上次同步：{when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● 未连接</source>
        <translation>● Not connected</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>演示账户</source>
        <translation>Demo account</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>可登录</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已启用，需重置密码</source>
        <translation>Active, needs a password reset</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>已添加用户 {user}</source>
        <translation>User {user} added</translation>
    </message>
    <message>
        <source>已重置 {user} 的密码</source>
        <translation>Password of {user} reset</translation>
    </message>
    <message>
        <source>已启用 {user}；请为其重置密码后再登录</source>
        <translation>{user} activated; reset their password before they log in</translation>
    </message>
    <message>
        <source>已停用 {user}</source>
        <translation>{user} deactivated</translation>
    </message>
</context>
<context>
    <name>VillageTableModel</name>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>登记户</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>建档户</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>已评</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>信用户</source>
        <translation>Credit household</translation>
    </message>
    <message>
        <source>建档率</source>
        <translation>Filed ratio</translation>
    </message>
    <message>
        <source>信用户占比</source>
        <translation>Credit households</translation>
    </message>
    <message>
        <source>借款户无逾期</source>
        <translation>Borrowers not overdue</translation>
    </message>
    <message>
        <source>不良率</source>
        <translation>NPL ratio</translation>
    </message>
    <message>
        <source>信用村</source>
        <translation>Credit village</translation>
    </message>
    <message>
        <source>未达标项</source>
        <translation>Criteria not met</translation>
    </message>
    <message>
        <source>区划代码 {code}</source>
        <translation>Division code {code}</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>VillagesDashboard</name>
    <message>
        <source>信用村镇看板 — {name}</source>
        <translation>Credit villages and townships — {name}</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>各村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>各乡镇</source>
        <translation>Townships</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>行政村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>信用村</source>
        <translation>Credit village</translation>
    </message>
    <message>
        <source>信用村占比</source>
        <translation>Credit villages</translation>
    </message>
    <message>
        <source>不良率</source>
        <translation>NPL ratio</translation>
    </message>
    <message>
        <source>信用乡镇</source>
        <translation>Credit township</translation>
    </message>
    <message>
        <source>未达标项</source>
        <translation>Criteria not met</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>无法统计：{error}</source>
        <translation>Cannot count: {error}</translation>
    </message>
    <message>
        <source>截至 {day}（评分方案 {scheme}）：{n} 个村，达到信用村标准 {met} 个；不良贷款率 {npl}（上限 {limit}）。</source>
        <translation>As of {day} (scheme {scheme}): {n} villages, {met} meet the credit-village criteria; non-performing ratio {npl} (cap {limit}).</translation>
    </message>
    <message>
        <source>{n} 个乡镇中达到信用乡镇标准 {met} 个。</source>
        <translation> {met} of {n} townships meet the credit-township criteria.</translation>
    </message>
</context>
<context>
    <name>WorkflowTableModel</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>初评分</source>
        <translation>Computed</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>最终分</source>
        <translation>Final score</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>信用户</source>
        <translation>Credit household</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <source>未处理异议</source>
        <translation>Open objections</translation>
    </message>
    <message>
        <source>答复期限</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
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
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{date}（已超期）</source>
        <translation>{date} (overdue)</translation>
    </message>
</context>
<context>
    <name>WorkflowWindow</name>
    <message>
        <source>评议与公示 — {village}</source>
        <translation>Appraisal and public notice — {village}</translation>
    </message>
    <message>
        <source>{village}（{code}）&#x3000;今天：{today}&#x3000;公示期 {days} 天，异议 {answer} 天内答复，评议调整上限 ±{bound} 分</source>
        <translation>{village} ({code})   today: {today}   notice {days} days, objections answered within {answer} days, appraisal adjustment at most ±{bound} points</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>评议…</source>
        <translation>Appraise…</translation>
    </message>
    <message>
        <source>整村评议…</source>
        <translation>Appraise village…</translation>
    </message>
    <message>
        <source>发起公示…</source>
        <translation>Start notice…</translation>
    </message>
    <message>
        <source>登记异议…</source>
        <translation>Record objection…</translation>
    </message>
    <message>
        <source>处理异议…</source>
        <translation>Decide objection…</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>整村确认</source>
        <translation>Confirm village</translation>
    </message>
    <message>
        <source>共 {n} 户：{parts}</source>
        <translation>{n} in all: {parts}</translation>
    </message>
    <message>
        <source>本村还没有评级。请先由信贷员评分。</source>
        <translation>This village has no ratings yet. A loan officer rates first.</translation>
    </message>
    <message>
        <source>已评议：{name}</source>
        <translation>Appraised: {name}</translation>
    </message>
    <message>
        <source>已整村评议</source>
        <translation>Village appraised</translation>
    </message>
    <message>
        <source>已发起公示</source>
        <translation>Public notice started</translation>
    </message>
    <message>
        <source>已登记异议：{name}</source>
        <translation>Objection recorded: {name}</translation>
    </message>
    <message>
        <source>已处理异议：{name}</source>
        <translation>Objection decided: {name}</translation>
    </message>
    <message>
        <source>确认 {name} 的评级？确认后即生效，可据此发证。</source>
        <translation>Confirm the rating of {name}? It then takes effect and a certificate can be issued.</translation>
    </message>
    <message>
        <source>已确认：{name}</source>
        <translation>Confirmed: {name}</translation>
    </message>
    <message>
        <source>确认本村公示期满的 {n} 户评级？</source>
        <translation>Confirm the {n} ratings of this village whose notice has ended?</translation>
    </message>
    <message>
        <source>已确认 {n} 户</source>
        <translation>{n} confirmed</translation>
    </message>
    <message>
        <source>审核确认</source>
        <translation>Confirmation</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>密码（至少 8 位）</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>创建本机账户</source>
        <translation>Created the first account</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>无权限被拒</source>
        <translation>Refused: no permission</translation>
    </message>
    <message>
        <source>新建用户</source>
        <translation>User created</translation>
    </message>
    <message>
        <source>启用用户</source>
        <translation>User enabled</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>User disabled</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>新建档案</source>
        <translation>Record created</translation>
    </message>
    <message>
        <source>修改档案</source>
        <translation>Record edited</translation>
    </message>
    <message>
        <source>删除档案</source>
        <translation>Record deleted</translation>
    </message>
    <message>
        <source>查看完整身份证号</source>
        <translation>Full ID number viewed</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <source>丢弃草稿</source>
        <translation>Draft discarded</translation>
    </message>
    <message>
        <source>导入花名册</source>
        <translation>Roster imported</translation>
    </message>
    <message>
        <source>导出花名册</source>
        <translation>Roster exported</translation>
    </message>
    <message>
        <source>评级</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>批量评级</source>
        <translation>Batch rating</translation>
    </message>
    <message>
        <source>评议</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <source>整村评议</source>
        <translation>Village appraised</translation>
    </message>
    <message>
        <source>发起公示</source>
        <translation>Public notice started</translation>
    </message>
    <message>
        <source>登记异议</source>
        <translation>Objection recorded</translation>
    </message>
    <message>
        <source>异议答复</source>
        <translation>Objection decided</translation>
    </message>
    <message>
        <source>确认评级</source>
        <translation>Rating confirmed</translation>
    </message>
    <message>
        <source>整村确认</source>
        <translation>Village confirmed</translation>
    </message>
    <message>
        <source>签发证书</source>
        <translation>Certificate issued</translation>
    </message>
    <message>
        <source>补打证书</source>
        <translation>Certificate reprinted</translation>
    </message>
    <message>
        <source>撤销证书</source>
        <translation>Certificate revoked</translation>
    </message>
    <message>
        <source>生成签名密钥</source>
        <translation>Signing key created</translation>
    </message>
    <message>
        <source>导出签名公钥</source>
        <translation>Public key exported</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restored from backup</translation>
    </message>
    <message>
        <source>清理过期负面信息</source>
        <translation>Expired negative records purged</translation>
    </message>
    <message>
        <source>清除过期负面信息</source>
        <translation>Expired negative record removed</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Audit log exported</translation>
    </message>
    <message>
        <source>生成演示数据</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>区划</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>合作社</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <source>证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>签名密钥</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>certificates</name>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>已被取代</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>平台失信名单记录</source>
        <translation>platform blacklist entries</translation>
    </message>
    <message>
        <source>平台处罚记录</source>
        <translation>platform penalty records</translation>
    </message>
    <message>
        <source>数据库已损坏（{problem}），未打开也未改动；副本已隔离到 {folder}；{unsynced}；{offer}</source>
        <translation>The database is damaged ({problem}); it was neither opened nor changed; a copy is quarantined in {folder}; {unsynced}; {offer}</translation>
    </message>
    <message>
        <source>{count} 项本地修改尚未同步，恢复后需重新录入：{records}</source>
        <translation>{count} local changes were not yet synced and must be entered again after the restore: {records}</translation>
    </message>
    <message>
        <source>{shown}等（清单见 {file}）</source>
        <translation>{shown} and more (list in {file})</translation>
    </message>
    <message>
        <source>没有尚未同步的修改</source>
        <translation>no change was waiting to be synced</translation>
    </message>
    <message>
        <source>无法读出未同步的修改</source>
        <translation>the unsynced changes cannot be read</translation>
    </message>
    <message>
        <source>请用 python -m app restore {path} 从最近的完好备份恢复</source>
        <translation>restore the newest good backup with python -m app restore {path}</translation>
    </message>
    <message>
        <source>没有通过检查的备份，请联系管理员（不要删除隔离的副本）</source>
        <translation>no backup passes its check; contact the administrator (do not delete the quarantined copy)</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>签名密钥必须设置口令</source>
        <translation>The signing key must have a passphrase</translation>
    </message>
    <message>
        <source>无法读取签名密钥：口令错误或文件已损坏</source>
        <translation>Cannot read the signing key: wrong passphrase or damaged file</translation>
    </message>
    <message>
        <source>签名密钥不是 Ed25519 密钥</source>
        <translation>The signing key is not an Ed25519 key</translation>
    </message>
    <message>
        <source>公钥文件格式不对或已被改动</source>
        <translation>The public key file has the wrong format or has been altered</translation>
    </message>
    <message>
        <source>县级区划代码应为 6 位数字，收到“{value}”</source>
        <translation>The county division code must be 6 digits, got “{value}”</translation>
    </message>
    <message>
        <source>证书年份应为 4 位数字，收到 {value}</source>
        <translation>The certificate year must be 4 digits, got {value}</translation>
    </message>
    <message>
        <source>证书编号段应在 0 到 {max} 之间，收到 {value}</source>
        <translation>The certificate number series must be between 0 and {max}; got {value}</translation>
    </message>
    <message>
        <source>证书序号应在 1 到 {max} 之间，收到 {value}</source>
        <translation>The certificate serial must be between 1 and {max}, got {value}</translation>
    </message>
    <message>
        <source>证书编号“{value}”格式不对，应为“县级代码-年份-编号段-序号”，如 445122-2026-001-000123</source>
        <translation>Certificate number “{value}” is not in the right format: it should be “county code-year-series-sequence”, e.g. 445122-2026-001-000123</translation>
    </message>
    <message>
        <source>无法读取证书模板 {file}：{reason}</source>
        <translation>Cannot read certificate template {file}: {reason}</translation>
    </message>
    <message>
        <source>证书模板 {file} 中“{where}”的大括号不配对：{text}</source>
        <translation>Unbalanced braces in “{where}” of certificate template {file}: {text}</translation>
    </message>
    <message>
        <source>证书模板 {file} 中“{where}”使用了未知的占位符 {{{name}}}；可用的有：{allowed}</source>
        <translation>“{where}” in certificate template {file} uses the unknown placeholder {{{name}}}; available: {allowed}</translation>
    </message>
    <message>
        <source>证书模板 {file} 中“{where}”指向的文件 {target} 不存在</source>
        <translation>The file {target} referenced by “{where}” in certificate template {file} does not exist</translation>
    </message>
    <message>
        <source>证书模板 {file} 中有未知的设置项“{where}”（是否拼写错误？）</source>
        <translation>Certificate template {file} has an unknown setting “{where}” (a typo?)</translation>
    </message>
    <message>
        <source>证书模板 {file} 缺少设置项“{where}”</source>
        <translation>Certificate template {file} is missing the setting “{where}”</translation>
    </message>
    <message>
        <source>证书模板 {file} 中“{where}”应为{expected}，现在是“{value}”</source>
        <translation>“{where}” in certificate template {file} should be {expected}, but is “{value}”</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>未能保存（草稿已保留）：{error}</source>
        <translation>Not saved (the draft is kept): {error}</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>如 2026-03-10</source>
        <extracomment>Example text per type, shown as the placeholder when the help is longer than the box.</extracomment>
        <translation>e.g. 2026-03-10</translation>
    </message>
    <message>
        <source>18位，末位可为 X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <source>如 13812345678</source>
        <translation>e.g. 13812345678</translation>
    </message>
    <message>
        <source>18位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>自动计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>查看详情</source>
        <translation>View details</translation>
    </message>
    <message>
        <source>档案(&amp;E)</source>
        <translation>R&amp;ecords</translation>
    </message>
    <message>
        <source>新建农户(&amp;H)…</source>
        <translation>New &amp;household…</translation>
    </message>
    <message>
        <source>新建合作社(&amp;C)…</source>
        <translation>New &amp;cooperative…</translation>
    </message>
    <message>
        <source>未保存的草稿(&amp;D)…</source>
        <translation>Unsaved &amp;drafts…</translation>
    </message>
    <message>
        <source>已保存（第 {revision} 版）</source>
        <translation>Saved (revision {revision})</translation>
    </message>
    <message>
        <source>，有 {n} 条提醒请核对</source>
        <translation>; please check {n} warnings</translation>
    </message>
    <message>
        <source>未保存的草稿</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <source>这份档案有一份未保存的草稿（{time}）。继续编辑草稿吗？
选择“丢弃草稿”将删除它并打开已保存的档案。</source>
        <translation>This file has an unsaved draft ({time}). Continue editing the draft?
Choosing “Discard draft” deletes it and opens the saved file.</translation>
    </message>
    <message>
        <source>继续编辑草稿</source>
        <translation>Continue the draft</translation>
    </message>
    <message>
        <source>丢弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>打开另一户的档案</source>
        <translation>Open the other household&apos;s file</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>请填写面积（以亩为单位的数字，如 12.5）</source>
        <translation>Please enter the area (a number in mu, e.g. 12.5)</translation>
    </message>
    <message>
        <source>面积不能用浮点数表示，请写成带两位小数的字符串，如 &quot;12.50&quot;</source>
        <translation>The area cannot be a floating-point number; write it as a string with two decimals, e.g. &quot;12.50&quot;</translation>
    </message>
    <message>
        <source>“{raw}”不是面积，请填写以亩为单位的数字，如 12.5</source>
        <translation>“{raw}” is not an area; enter a number in mu, e.g. 12.5</translation>
    </message>
    <message>
        <source>面积“{raw}”最多保留两位小数（0.01亩），请核对</source>
        <translation>Area “{raw}” may have at most two decimals (0.01 mu); please check</translation>
    </message>
    <message>
        <source>面积不能为负数（现在是 {raw}），请核对</source>
        <translation>The area cannot be negative (it is {raw}); please check</translation>
    </message>
    <message>
        <source>身份证号码第18位校验码应为 {expected}，现在是 {actual}，请核对证件</source>
        <translation>The check digit (18th character) of the ID number should be {expected}, but is {actual}; please check the ID card</translation>
    </message>
    <message>
        <source>这是15位的旧身份证号码，已停止使用，请填写现行的18位身份证号码</source>
        <translation>This is an old 15-digit ID number, no longer in use; please enter the current 18-digit ID number</translation>
    </message>
    <message>
        <source>身份证号码应为18位，现在是{length}位，请核对证件</source>
        <translation>The ID number should have 18 characters, but has {length}; please check the ID card</translation>
    </message>
    <message>
        <source>身份证号码第{position}位“{char}”无效：前17位应为数字，第18位为数字或X，请核对证件</source>
        <translation>Character {position} of the ID number, “{char}”, is invalid: the first 17 must be digits and the 18th a digit or X; please check the ID card</translation>
    </message>
    <message>
        <source>身份证号码第7到14位的出生日期 {text} 不是真实日期，请核对证件</source>
        <translation>The birth date {text} in characters 7 to 14 of the ID number is not a real date; please check the ID card</translation>
    </message>
    <message>
        <source>身份证号码中的出生年份 {year} 早于1900年，请核对第7到10位</source>
        <translation>The birth year {year} in the ID number is before 1900; please check characters 7 to 10</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期 {birth_date} 晚于今天 {today}，请核对第7到14位</source>
        <translation>The birth date {birth_date} in the ID number is later than today, {today}; please check characters 7 to 14</translation>
    </message>
    <message>
        <source>请填写金额（以元为单位的数字，如 85000）</source>
        <translation>Please enter the amount (a number in yuan, e.g. 85000)</translation>
    </message>
    <message>
        <source>金额不能用浮点数表示，请写成带两位小数的字符串，如 &quot;85000.00&quot;</source>
        <translation>The amount cannot be a floating-point number; write it as a string with two decimals, e.g. &quot;85000.00&quot;</translation>
    </message>
    <message>
        <source>“{raw}”不是金额，请填写以元为单位的数字，如 85000 或 8,500.50</source>
        <translation>“{raw}” is not an amount; enter a number in yuan, e.g. 85000 or 8,500.50</translation>
    </message>
    <message>
        <source>金额“{raw}”最多到分（两位小数），请核对</source>
        <translation>Amount “{raw}” goes at most to the fen (two decimals); please check</translation>
    </message>
    <message>
        <source>金额不能为负数（现在是 {raw}），请核对</source>
        <translation>The amount cannot be negative (it is {raw}); please check</translation>
    </message>
    <message>
        <source>金额 {raw} 元大得不合常理，请核对是否多填了位数</source>
        <translation>The amount {raw} yuan is implausibly large; please check for extra digits</translation>
    </message>
    <message>
        <source>手机号码应为11位，现在是{length}位，请核对</source>
        <translation>A mobile number should have 11 digits, but has {length}; please check</translation>
    </message>
    <message>
        <source>无法识别电话号码“{raw}”：手机号为1开头的11位数字，固定电话请写成“区号-号码”，如 0755-12345678</source>
        <translation>Cannot recognise the phone number “{raw}”: a mobile number has 11 digits starting with 1; write a landline as “area code-number”, e.g. 0755-12345678</translation>
    </message>
    <message>
        <source>统一社会信用代码应为18位，现在是{length}位，请核对营业执照</source>
        <translation>The unified social credit code should have 18 characters, but has {length}; please check the business licence</translation>
    </message>
    <message>
        <source>统一社会信用代码第18位校验码应为 {expected}，现在是 {actual}，请核对营业执照</source>
        <translation>The check character (18th) of the unified social credit code should be {expected}, but is {actual}; please check the business licence</translation>
    </message>
    <message>
        <source>统一社会信用代码第{position}位“{char}”应为数字（第3到8位是行政区划代码），请核对营业执照</source>
        <translation>Character {position} of the unified social credit code, “{char}”, should be a digit (characters 3 to 8 are the division code); please check the business licence</translation>
    </message>
    <message>
        <source>统一社会信用代码不用字母 I、O、S、V、Z：第{position}位“{char}”可能应为“{suggestion}”，请核对营业执照</source>
        <translation>The unified social credit code does not use the letters I, O, S, V, Z: character {position}, “{char}”, may be “{suggestion}”; please check the business licence</translation>
    </message>
    <message>
        <source>统一社会信用代码第{position}位“{char}”不是有效字符，只能是数字和大写字母，请核对营业执照</source>
        <translation>Character {position} of the unified social credit code, “{char}”, is not valid; only digits and capital letters are allowed; please check the business licence</translation>
    </message>
    <message>
        <source>第 {n} 档同时写了 {first} 和 {second}，只能有一个</source>
        <translation>Band {n} gives both {first} and {second}; only one is allowed</translation>
    </message>
    <message>
        <source>第 {n} 档的下限高于上限，不含任何值</source>
        <translation>The lower bound of band {n} is above its upper bound, so it contains no values</translation>
    </message>
    <message>
        <source>第 {n} 档的界限 {bound} 不是整数，而 {input} 是整数</source>
        <translation>Bound {bound} of band {n} is not a whole number, but {input} is an integer</translation>
    </message>
    <message>
        <source>分档有缺口：第 1 档有下限 {bound}，更小的值没有分数</source>
        <translation>The bands have a gap: band 1 has the lower bound {bound}, smaller values get no points</translation>
    </message>
    <message>
        <source>分档有缺口：最后一档有上限 {bound}，更大的值没有分数</source>
        <translation>The bands have a gap: the last band has the upper bound {bound}, larger values get no points</translation>
    </message>
    <message>
        <source>分档有缺口：第 {n} 档止于 {upper}，第 {m} 档始于 {lower}</source>
        <translation>The bands have a gap: band {n} ends at {upper}, band {m} starts at {lower}</translation>
    </message>
    <message>
        <source>分档重叠：第 {n} 档止于 {upper}，第 {m} 档始于 {lower}</source>
        <translation>The bands overlap: band {n} ends at {upper}, band {m} starts at {lower}</translation>
    </message>
    <message>
        <source>第 {n} 档 {points} 分，高于指标满分 {max} 分</source>
        <translation>Band {n} gives {points} points, more than the indicator maximum of {max}</translation>
    </message>
    <message>
        <source>无界</source>
        <translation>unbounded</translation>
    </message>
    <message>
        <source>第 {number} 条记录（records[{index}]）：{message}</source>
        <translation>Record {number} (records[{index}]): {message}</translation>
    </message>
    <message>
        <source>{field}：应为一个 JSON 对象</source>
        <translation>{field}: should be a JSON object</translation>
    </message>
    <message>
        <source>{field}：应为 {types}，现在是 {raw!r}</source>
        <translation>{field}: should be {types}, but is {raw!r}</translation>
    </message>
    <message>
        <source>{field}：方案 {scheme} 只评{expected}记录，这条是 {raw}</source>
        <translation>{field}: scheme {scheme} only rates {expected} records, this one is {raw}</translation>
    </message>
    <message>
        <source>评分方案写法应为“编号@版本”，如 household-default@1，现在是 {ref!r}</source>
        <translation>A scheme should be written “id@version”, e.g. household-default@1, but is {ref!r}</translation>
    </message>
    <message>
        <source>输入应为一条记录、记录列表，或含 records 的对象</source>
        <translation>The input should be a record, a list of records, or an object with records</translation>
    </message>
    <message>
        <source>评分方案 {file}，{place}：{message}</source>
        <translation>Scheme {file}, {place}: {message}</translation>
    </message>
    <message>
        <source>缺少“{key}”</source>
        <translation>“{key}” is missing</translation>
    </message>
    <message>
        <source>不认识的键 {keys}（可用：{allowed}）</source>
        <translation>Unknown keys {keys} (available: {allowed})</translation>
    </message>
    <message>
        <source>“{key}”应为数字，现在是 {raw!r}</source>
        <translation>“{key}” should be a number, but is {raw!r}</translation>
    </message>
    <message>
        <source>“{key}”最多两位小数，现在是 {raw}</source>
        <translation>“{key}” may have at most two decimals, but is {raw}</translation>
    </message>
    <message>
        <source>“{key}”不能为负数，现在是 {raw}</source>
        <translation>“{key}” cannot be negative, but is {raw}</translation>
    </message>
    <message>
        <source>“{key}”应为正整数，现在是 {raw!r}</source>
        <translation>“{key}” should be a positive integer, but is {raw!r}</translation>
    </message>
    <message>
        <source>负面信息最多计 {limit} 年（征信业管理条例第十六条），“window_years”不能是 {raw}</source>
        <translation>Negative information counts for at most {limit} years (Regulation on the Administration of Credit Investigation Industry, art. 16); &quot;window_years&quot; cannot be {raw}</translation>
    </message>
    <message>
        <source>“{key}”应为非空文本，现在是 {raw!r}</source>
        <translation>“{key}” should be non-empty text, but is {raw!r}</translation>
    </message>
    <message>
        <source>“{key}”应为非空列表</source>
        <translation>“{key}” should be a non-empty list</translation>
    </message>
    <message>
        <source>理由模板里的 {{{name}}} 不可用（可用：{allowed}）</source>
        <translation>{{{name}}} is not available in the reason template (available: {allowed})</translation>
    </message>
    <message>
        <source>理由模板写法有误：{error}</source>
        <translation>The reason template is malformed: {error}</translation>
    </message>
    <message>
        <source>“{key}”应为键值表</source>
        <translation>“{key}” should be a key-value map</translation>
    </message>
    <message>
        <source>{field}：无法从身份证号码读出出生日期</source>
        <translation>{field}: cannot read a birth date from the ID number</translation>
    </message>
    <message>
        <source>加分合计 {raw} 分，超过上限 {cap} 分，按 {cap} 分计</source>
        <translation>Bonus points total {raw}, above the cap of {cap}; counted as {cap}</translation>
    </message>
    <message>
        <source>扣分合计 {raw} 分，超过上限 {cap} 分，按 {cap} 分计</source>
        <translation>Deductions total {raw}, above the cap of {cap}; counted as {cap}</translation>
    </message>
    <message>
        <source>加分上限</source>
        <translation>Bonus cap</translation>
    </message>
    <message>
        <source>扣分上限</source>
        <translation>Deduction cap</translation>
    </message>
    <message>
        <source>{field}：记录类型是 {raw!r}，方案 {scheme} 评的是 {expected}</source>
        <translation>{field}: the record type is {raw!r}, scheme {scheme} rates {expected}</translation>
    </message>
    <message>
        <source>{field}：授权书应为对象，signed 为 true 或 false</source>
        <translation>{field}: the consent form should be an object with signed set to true or false</translation>
    </message>
    <message>
        <source>没有评级结果（未签署信息采集授权书），不能调整</source>
        <translation>No rating result (the information collection consent is not signed), so it cannot be adjusted</translation>
    </message>
    <message>
        <source>这份结果按方案 {result} 评出，不能按方案 {scheme} 调整</source>
        <translation>This result was rated with scheme {result} and cannot be adjusted with scheme {scheme}</translation>
    </message>
    <message>
        <source>评议调整 {points} 分超出方案允许的 ±{max} 分</source>
        <translation>The appraisal adjustment of {points} points exceeds the ±{max} points the scheme allows</translation>
    </message>
    <message>
        <source>评议调整应为最多两位小数的分数，现在是 {points!r}</source>
        <translation>The appraisal adjustment should be a score with at most two decimals, but is {points!r}</translation>
    </message>
    <message>
        <source>平台记录 events[{index}] 格式不对：{fault}</source>
        <translation>Platform record events[{index}] is malformed: {fault}</translation>
    </message>
    <message>
        <source>要写且只写一种规则（{rules}），现在是 {found}</source>
        <translation>Write exactly one rule ({rules}); found {found}</translation>
    </message>
    <message>
        <source>不认识的字段或派生值“{input}”</source>
        <translation>Unknown field or derived value “{input}”</translation>
    </message>
    <message>
        <source>规则 {rule} 不能用于“{input}”（{kind}）</source>
        <translation>Rule {rule} cannot be used for “{input}” ({kind})</translation>
    </message>
    <message>
        <source>缺少“max”（指标满分）</source>
        <translation>“max” (the indicator maximum) is missing</translation>
    </message>
    <message>
        <source>不认识的代码“{code}”（{input} 可用：{codes}）</source>
        <translation>Unknown code “{code}” (available for {input}: {codes})</translation>
    </message>
    <message>
        <source>对照表漏了代码：{codes}</source>
        <translation>The table misses codes: {codes}</translation>
    </message>
    <message>
        <source>“{what}”{points} 分，高于指标满分 {max} 分</source>
        <translation>“{what}” gives {points} points, more than the indicator maximum of {max}</translation>
    </message>
    <message>
        <source>“{input}”可能无法计算，需要写 when_undefined（分数和理由）</source>
        <translation>“{input}” may be impossible to compute; add when_undefined (points and reason)</translation>
    </message>
    <message>
        <source>“{input}”总能算出，不需要 when_undefined</source>
        <translation>“{input}” can always be computed and needs no when_undefined</translation>
    </message>
    <message>
        <source>计数规则要写 points_each 或 points_by_level 之一</source>
        <translation>A count rule needs either points_each or points_by_level</translation>
    </message>
    <message>
        <source>{source} 计数规则{need}写 kinds</source>
        <translation>{source} count rule: “kinds” {need}</translation>
    </message>
    <message>
        <source>不认识的事件种类“{kind}”（方案的 event_kinds 中有：{kinds}）</source>
        <translation>Unknown event kind “{kind}” (the scheme&apos;s event_kinds has: {kinds})</translation>
    </message>
    <message>
        <source>方案</source>
        <translation>scheme</translation>
    </message>
    <message>
        <source>基础指标</source>
        <translation>Base indicators</translation>
    </message>
    <message>
        <source>加分指标</source>
        <translation>Bonus indicators</translation>
    </message>
    <message>
        <source>扣分指标</source>
        <translation>Penalty indicators</translation>
    </message>
    <message>
        <source>指标 {id}</source>
        <translation>Indicator {id}</translation>
    </message>
    <message>
        <source>否决项 {id}</source>
        <translation>Veto {id}</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>信用户等级</source>
        <translation>Credit household grades</translation>
    </message>
    <message>
        <source>授信额度</source>
        <translation>Credit lines</translation>
    </message>
    <message>
        <source>评议调整</source>
        <translation>Appraisal adjustment</translation>
    </message>
    <message>
        <source>信用村标准</source>
        <translation>Credit village criteria</translation>
    </message>
    <message>
        <source>信用乡镇标准</source>
        <translation>Credit township criteria</translation>
    </message>
    <message>
        <source>record_type 应为 {types}，现在是 {raw!r}</source>
        <translation>record_type should be {types}, but is {raw!r}</translation>
    </message>
    <message>
        <source>编号 {id} 重复</source>
        <translation>Duplicate id {id}</translation>
    </message>
    <message>
        <source>编号应为非空文本，现在是 {raw!r}</source>
        <translation>The id should be non-empty text, but is {raw!r}</translation>
    </message>
    <message>
        <source>基础指标满分合计 {sum} 分，不等于规定的 {total} 分</source>
        <translation>Base indicator maximums add up to {sum} points, not the required {total}</translation>
    </message>
    <message>
        <source>缺少合计上限“cap”</source>
        <translation>The total cap “cap” is missing</translation>
    </message>
    <message>
        <source>等级 {grade} 的起点 {at_least} 不低于上一等级的起点，应从高到低排列</source>
        <translation>Grade {grade} starts at {at_least}, not below the start of the previous grade; list grades from highest to lowest</translation>
    </message>
    <message>
        <source>等级 {grade} 的起点 {at_least} 超过 100 分</source>
        <translation>Grade {grade} starts at {at_least}, above 100 points</translation>
    </message>
    <message>
        <source>最低等级 {grade} 应从 0 分起，现在从 {at_least} 分起，0–100 分未全覆盖</source>
        <translation>The lowest grade {grade} should start at 0 points, but starts at {at_least}, so 0–100 is not fully covered</translation>
    </message>
    <message>
        <source>不认识的等级“{grade}”（可用：{grades}）</source>
        <translation>Unknown grade “{grade}” (available: {grades})</translation>
    </message>
    <message>
        <source>否决等级 {grade} 不能同时是分数等级</source>
        <translation>The veto grade {grade} cannot also be a score grade</translation>
    </message>
    <message>
        <source>cap_input“{input}”应为金额字段（可用：{inputs}）</source>
        <translation>cap_input “{input}” should be an amount field (available: {inputs})</translation>
    </message>
    <message>
        <source>“{key}”是比例，应在 0 到 1 之间（0.9 即 90%），现在是 {raw}</source>
        <translation>“{key}” is a ratio and should be between 0 and 1 (0.9 means 90%), but is {raw}</translation>
    </message>
    <message>
        <source>评议调整上限应在 0 到 100 分之间，现在是 {raw}</source>
        <translation>The appraisal adjustment limit should be between 0 and 100 points, but is {raw}</translation>
    </message>
    <message>
        <source>第 {n} 个条件要写 field、blacklist 或 events 之一</source>
        <translation>Condition {n} needs one of field, blacklist or events</translation>
    </message>
    <message>
        <source>第 {n} 个条件要写且只写一种比较（{ops}）</source>
        <translation>Condition {n} needs exactly one comparison ({ops})</translation>
    </message>
    <message>
        <source>第 {n} 个条件：不认识的字段或派生值“{input}”</source>
        <translation>Condition {n}: unknown field or derived value “{input}”</translation>
    </message>
    <message>
        <source>第 {n} 个条件：“{input}”不是数值，不能用 {op}</source>
        <translation>Condition {n}: “{input}” is not numeric and cannot use {op}</translation>
    </message>
    <message>
        <source>第 {n} 个条件：“{input}”不会等于 {value!r}</source>
        <translation>Condition {n}: “{input}” can never equal {value!r}</translation>
    </message>
    <message>
        <source>第 {n} 个条件：不认识的名单种类“{kind}”（可用：{kinds}）</source>
        <translation>Condition {n}: unknown list kind “{kind}” (available: {kinds})</translation>
    </message>
    <message>
        <source>第 {n} 个条件：events 只能是 penalties</source>
        <translation>Condition {n}: events can only be penalties</translation>
    </message>
    <message>
        <source>第 {n} 个条件：不认识的事件种类“{kind}”（方案的 event_kinds 中有：{kinds}）</source>
        <translation>Condition {n}: unknown event kind “{kind}” (the scheme&apos;s event_kinds has: {kinds})</translation>
    </message>
    <message>
        <source>{field}：应为整数，现在是 {raw!r}</source>
        <translation>{field}: should be an integer, but is {raw!r}</translation>
    </message>
    <message>
        <source>{field}：应为 true 或 false，现在是 {raw!r}</source>
        <translation>{field}: should be true or false, but is {raw!r}</translation>
    </message>
    <message>
        <source>{field}：“{raw}”不是可用的代码，可选：{codes}</source>
        <translation>{field}: “{raw}” is not an available code; choose from: {codes}</translation>
    </message>
    <message>
        <source>{field}：日期应写成 YYYY-MM-DD，现在是 {raw!r}</source>
        <translation>{field}: dates should be written YYYY-MM-DD, but is {raw!r}</translation>
    </message>
    <message>
        <source>{field}：应为列表，现在是 {raw!r}</source>
        <translation>{field}: should be a list, but is {raw!r}</translation>
    </message>
    <message>
        <source>{field}：缺少必填项或不是对象</source>
        <translation>{field}: a required item is missing or is not an object</translation>
    </message>
    <message>
        <source>{field}：应为文本，现在是 {raw!r}</source>
        <translation>{field}: should be text, but is {raw!r}</translation>
    </message>
    <message>
        <source>{field}：{message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>评分方案 {file} 无法读取：{error}</source>
        <translation>Cannot read scheme {file}: {error}</translation>
    </message>
    <message>
        <source>评分方案 {file} 不是有效的 YAML：{error}</source>
        <translation>Scheme {file} is not valid YAML: {error}</translation>
    </message>
    <message>
        <source>找不到评分方案 {ref}（在 {folder} 中）</source>
        <translation>Scheme {ref} not found (in {folder})</translation>
    </message>
    <message>
        <source>缺少数据：{fields} → 0 分</source>
        <translation>Missing data: {fields} → 0 points</translation>
    </message>
    <message>
        <source>{label}（{field}）</source>
        <translation>{label} ({field})</translation>
    </message>
    <message>
        <source>{reason}（原计 {raw} 分，本项最多 {max} 分）</source>
        <translation>{reason} ({raw} points, capped at {max} for this item)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{level} {count} 项</source>
        <translation>{level}: {count}</translation>
    </message>
    <message>
        <source>（{label} {value}）</source>
        <translation> ({label} {value})</translation>
    </message>
    <message>
        <source>（{case}，{agency}，{listed_on} 列入）</source>
        <translation> ({case}, {agency}, listed on {listed_on})</translation>
    </message>
    <message>
        <source>（{dates}）</source>
        <translation> ({dates})</translation>
    </message>
    <message>
        <source>建档户数占登记户数 {ratio}，低于 {limit}</source>
        <translation>Filed households are {ratio} of registered households, below {limit}</translation>
    </message>
    <message>
        <source>信用户占建档户数 {ratio}，低于 {limit}</source>
        <translation>Credit households are {ratio} of filed households, below {limit}</translation>
    </message>
    <message>
        <source>借款户中无逾期户占 {ratio}，低于 {limit}</source>
        <translation>Borrowers without overdue loans are {ratio}, below {limit}</translation>
    </message>
    <message>
        <source>不良贷款率 {ratio}，高于 {limit}</source>
        <translation>The non-performing loan ratio is {ratio}, above {limit}</translation>
    </message>
    <message>
        <source>信用村占行政村数 {ratio}，低于 {limit}</source>
        <translation>Credit villages are {ratio} of administrative villages, below {limit}</translation>
    </message>
    <message>
        <source>登记户数为 0，无法达标</source>
        <translation>No registered households: the criterion cannot be met</translation>
    </message>
    <message>
        <source>建档户数为 0，无法达标</source>
        <translation>No filed households: the criterion cannot be met</translation>
    </message>
    <message>
        <source>借款户数为 0，无法达标</source>
        <translation>No borrowing households: the criterion cannot be met</translation>
    </message>
    <message>
        <source>行政村数为 0，无法达标</source>
        <translation>No villages: the criterion cannot be met</translation>
    </message>
    <message>
        <source>评分方案 {scheme} 没有规定{what}标准</source>
        <translation>Scheme {scheme} sets no {what} criteria</translation>
    </message>
    <message>
        <source>统计数字不合理：{field} = {value}（{why}）</source>
        <translation>Implausible figures: {field} = {value} ({why})</translation>
    </message>
    <message>
        <source>信用村</source>
        <translation>credit village</translation>
    </message>
    <message>
        <source>信用乡镇</source>
        <translation>credit township</translation>
    </message>
    <message>
        <source>应为非负整数</source>
        <translation>should be a non-negative integer</translation>
    </message>
    <message>
        <source>大于 {whole}</source>
        <translation>greater than {whole}</translation>
    </message>
    <message>
        <source>审计日志第{seq}条记录格式不完整，无法校验</source>
        <translation>Audit trail entry {seq} is incomplete and cannot be verified</translation>
    </message>
    <message>
        <source>审计日志第{seq}条的位置出现了第{found}条记录，中间的记录可能被删除或调换顺序</source>
        <translation>Entry {found} appears where audit trail entry {seq} should be; entries in between may have been deleted or reordered</translation>
    </message>
    <message>
        <source>审计日志第{seq}条的位置出现了重复或靠前的第{found}条记录，记录可能被插入或调换顺序</source>
        <translation>A duplicate or earlier entry {found} appears where audit trail entry {seq} should be; entries may have been inserted or reordered</translation>
    </message>
    <message>
        <source>审计日志第{seq}条与前一条记录的链接断开，记录可能被删除、插入或调换</source>
        <translation>Audit trail entry {seq} is not linked to the entry before it; entries may have been deleted, inserted or reordered</translation>
    </message>
    <message>
        <source>审计日志第{seq}条记录的内容与其校验值不符，记录可能被修改</source>
        <translation>The content of audit trail entry {seq} does not match its checksum; the entry may have been altered</translation>
    </message>
    <message>
        <source>审计日志与已同步到平台的第{seq}条记录不一致，日志可能被改写或截断</source>
        <translation>The audit trail does not match entry {seq} already synced to the platform; the trail may have been rewritten or truncated</translation>
    </message>
    <message>
        <source>无法打开备份：密钥或密码不正确，或者备份文件头已损坏</source>
        <translation>Cannot open the backup: the key or password is wrong, or the backup header is damaged</translation>
    </message>
    <message>
        <source>备份文件不完整，可能在复制时被截断，请换用完整的备份</source>
        <translation>The backup file is incomplete, perhaps truncated while copying; please use a complete backup</translation>
    </message>
    <message>
        <source>备份文件第{chunk}块已损坏、被截断或被篡改，无法恢复</source>
        <translation>Block {chunk} of the backup file is damaged, truncated or tampered with; cannot restore</translation>
    </message>
    <message>
        <source>这不是本程序生成的备份文件</source>
        <translation>This is not a backup file made by this program</translation>
    </message>
    <message>
        <source>备份文件的格式版本 {version} 不受支持，请使用更新的程序</source>
        <translation>Backup format version {version} is not supported; please use a newer version of the program</translation>
    </message>
    <message>
        <source>备份文件头已损坏，无法恢复</source>
        <translation>The backup header is damaged; cannot restore</translation>
    </message>
    <message>
        <source>密钥文件 {path} 已损坏或无法读取；请从备份恢复</source>
        <translation>The key file {path} is damaged or unreadable; please restore from a backup</translation>
    </message>
    <message>
        <source>密钥文件已损坏或格式不正确，无法打开数据库</source>
        <translation>The key file is damaged or malformed; cannot open the database</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>连续输错密码次数过多，账户已暂时锁定，请{minutes}分钟后再试</source>
        <translation>Too many wrong passwords in a row; the account is temporarily locked, please try again in {minutes} minutes</translation>
    </message>
    <message>
        <source>密码至少需要{minimum}个字符，现在只有{length}个</source>
        <translation>The password needs at least {minimum} characters, but has only {length}</translation>
    </message>
    <message>
        <source>密码不能全是数字（生日、电话号码很容易被猜到），请加入字母或符号</source>
        <translation>The password cannot be all digits (birthdays and phone numbers are easy to guess); add letters or symbols</translation>
    </message>
    <message>
        <source>密码不能与用户名相同</source>
        <translation>The password cannot be the same as the user name</translation>
    </message>
    <message>
        <source>{role}没有“{action}”的权限，请联系审核员或管理员</source>
        <translation>{role} has no permission to “{action}”; please contact a supervisor or administrator</translation>
    </message>
    <message>
        <source>数据目录 {folder} 已初始化，请直接登录</source>
        <translation>Data folder {folder} is already set up; please log in</translation>
    </message>
    <message>
        <source>用户名应为 1–32 个字母、数字或 _ - .：{username}</source>
        <translation>The user name should be 1–32 letters, digits or _ - .: {username}</translation>
    </message>
    <message>
        <source>数据目录 {folder} 尚未初始化：请先创建管理员或生成演示数据</source>
        <translation>Data folder {folder} is not set up yet: first create the administrator or generate demo data</translation>
    </message>
    <message>
        <source>密码错误次数过多，账户已锁定，请 {minutes} 分钟后再试</source>
        <translation>Too many wrong passwords; the account is locked, please try again in {minutes} minutes</translation>
    </message>
    <message>
        <source>用户名或密码错误</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>账户 {username} 已停用</source>
        <translation>Account {username} is disabled</translation>
    </message>
    <message>
        <source>用户名 {username} 已存在</source>
        <translation>User name {username} already exists</translation>
    </message>
    <message>
        <source>原密码不正确</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <source>没有用户 {username}</source>
        <translation>No user {username}</translation>
    </message>
    <message>
        <source>不能停用自己的账户</source>
        <translation>You cannot disable your own account</translation>
    </message>
    <message>
        <source>找不到备份文件 {file}</source>
        <translation>Backup file {file} not found</translation>
    </message>
    <message>
        <source>该备份中没有此用户，或密码不正确（请用备份当时的密码）</source>
        <translation>This user is not in the backup, or the password is wrong (use the password from when the backup was made)</translation>
    </message>
    <message>
        <source>备份中的数据库未通过完整性检查，未恢复</source>
        <translation>The database in the backup failed the integrity check and was not restored</translation>
    </message>
    <message>
        <source>备份中的数据库结构无法识别（可能来自更新版本的程序），未恢复</source>
        <translation>The database in the backup has a structure this program does not recognise (perhaps from a newer version); nothing was restored</translation>
    </message>
    <message>
        <source>用户 {username} 在该备份中没有“从备份恢复”的权限</source>
        <translation>User {username} has no permission to “restore from backup” in this backup</translation>
    </message>
    <message>
        <source>没有区划 {division}</source>
        <translation>No division {division}</translation>
    </message>
    <message>
        <source>没有农户档案 {subject_id}</source>
        <translation>No household file {subject_id}</translation>
    </message>
    <message>
        <source>没有合作社档案 {subject_id}</source>
        <translation>No cooperative file {subject_id}</translation>
    </message>
    <message>
        <source>农户 {subject_id} 的档案无法评分：{message}</source>
        <translation>The file of household {subject_id} cannot be rated: {message}</translation>
    </message>
    <message>
        <source>合作社 {subject_id} 的档案无法评分：{message}</source>
        <translation>The file of cooperative {subject_id} cannot be rated: {message}</translation>
    </message>
    <message>
        <source>评级 {rating_id} 的输入快照与其校验值不符，已被改动</source>
        <translation>The input snapshot of rating {rating_id} does not match its checksum; it has been altered</translation>
    </message>
    <message>
        <source>{label}“{value}”晚于今天（{today}），请核对日期</source>
        <translation>{label} “{value}” is later than today ({today}); please check the date</translation>
    </message>
    <message>
        <source>{label}不能小于 {limit}{unit}，现在是 {value}{unit}</source>
        <translation>{label} cannot be less than {limit}{unit}, but is {value}{unit}</translation>
    </message>
    <message>
        <source>{label}不能大于 {limit}{unit}，现在是 {value}{unit}</source>
        <translation>{label} cannot be more than {limit}{unit}, but is {value}{unit}</translation>
    </message>
    <message>
        <source>{label} {value}{unit} 低于常见的 {limit}{unit}，请核对（单位是否填错）</source>
        <translation>{label} {value}{unit} is below the usual {limit}{unit}; please check (wrong unit?)</translation>
    </message>
    <message>
        <source>{label} {value}{unit} 高于常见的 {limit}{unit}，请核对（单位是否填错）</source>
        <translation>{label} {value}{unit} is above the usual {limit}{unit}; please check (wrong unit?)</translation>
    </message>
    <message>
        <source>{label}最多 {limit} 个字，现在有 {length} 个，请精简</source>
        <translation>{label} may have at most {limit} characters, but has {length}; please shorten it</translation>
    </message>
    <message>
        <source>{label}“{value}”格式不对：{help}</source>
        <translation>{label} “{value}” has the wrong format: {help}</translation>
    </message>
    <message>
        <source>文件不是有效的 UTF-8 YAML：{error}</source>
        <translation>The file is not valid UTF-8 YAML: {error}</translation>
    </message>
    <message>
        <source>找不到问卷“{form_id}”</source>
        <translation>Questionnaire “{form_id}” not found</translation>
    </message>
    <message>
        <source>文件中的 form_id 是“{actual}”，文件名要求“{expected}”</source>
        <translation>The form_id in the file is “{actual}”, the file name requires “{expected}”</translation>
    </message>
    <message>
        <source>要求第 {expected} 版，但这个文件是第 {actual} 版；旧版本应存放在 {archive}</source>
        <translation>Version {expected} is required, but this file is version {actual}; old versions belong in {archive}</translation>
    </message>
    <message>
        <source>记录没有有效的 form_id / form_version，无法确定问卷版本</source>
        <translation>The record has no valid form_id / form_version, so the questionnaire version is unknown</translation>
    </message>
    <message>
        <source>表达式中不允许使用“{syntax}”：{text}</source>
        <extracomment>Resolves a dotted name in a group context (``None`` at the top level), or returns ``None``.</extracomment>
        <translation>“{syntax}” is not allowed in expressions: {text}</translation>
    </message>
    <message>
        <source>“{name}”是一组记录，请写 {name}.count 或 count({name})</source>
        <translation>“{name}” is a group of records; write {name}.count or count({name})</translation>
    </message>
    <message>
        <source>“{syntax}”不是字段名</source>
        <translation>“{syntax}” is not a field name</translation>
    </message>
    <message>
        <source>表达式引用了表单中没有的字段“{name}”</source>
        <translation>The expression refers to a field “{name}” that is not in the form</translation>
    </message>
    <message>
        <source>表达式中不允许使用这个运算符：{text}</source>
        <translation>This operator is not allowed in expressions: {text}</translation>
    </message>
    <message>
        <source>表达式只允许 + - * / 四则运算：{text}</source>
        <translation>Expressions only allow the arithmetic operators + - * /: {text}</translation>
    </message>
    <message>
        <source>表达式中不允许使用这个比较：{text}</source>
        <translation>This comparison is not allowed in expressions: {text}</translation>
    </message>
    <message>
        <source>“{code}”不是字段“{name}”的选项代码，可选：{codes}</source>
        <translation>“{code}” is not an option code of field “{name}”; choose from: {codes}</translation>
    </message>
    <message>
        <source>未知函数“{name}”，可用：{functions}</source>
        <translation>Unknown function “{name}”; available: {functions}</translation>
    </message>
    <message>
        <source>coalesce() 至少需要一个参数</source>
        <translation>coalesce() needs at least one argument</translation>
    </message>
    <message>
        <source>round() 的写法是 round(数值, 小数位数)</source>
        <translation>round() is written round(number, decimal places)</translation>
    </message>
    <message>
        <source>{name}() 需要一个或两个参数</source>
        <translation>{name}() needs one or two arguments</translation>
    </message>
    <message>
        <source>{name}() 的第一个参数写法不对，例如 {example}</source>
        <translation>The first argument of {name}() is malformed, e.g. {example}</translation>
    </message>
    <message>
        <source>“{syntax}”不是允许的常量（数字、&apos;文字&apos;、true、false、null）</source>
        <translation>“{syntax}” is not an allowed constant (number, &apos;text&apos;, true, false, null)</translation>
    </message>
    <message>
        <source>表达式为空</source>
        <translation>The expression is empty</translation>
    </message>
    <message>
        <source>表达式超过 {limit} 个字符</source>
        <translation>The expression is longer than {limit} characters</translation>
    </message>
    <message>
        <source>表达式语法错误：{text}（写法如 balance &gt; 0 and consent.signed == true）</source>
        <translation>Expression syntax error: {text} (write e.g. balance &gt; 0 and consent.signed == true)</translation>
    </message>
    <message>
        <source>《征信业管理条例》禁止采集宗教信仰、基因、指纹、血型、疾病和病史信息：名称或标签含“{word}”，请删除此字段</source>
        <translation>The Regulations on the Administration of Credit Reporting forbid collecting religion, genes, fingerprints, blood type, illnesses and medical history: the name or label contains “{word}”; please remove this field</translation>
    </message>
    <message>
        <source>经济类字段须有授权同意：请加上 boolean 类型的 consent.signed 字段</source>
        <translation>Economic fields require consent: please add a boolean field consent.signed</translation>
    </message>
    <message>
        <source>数据标准规定此字段类型为 {expected}，这里写的是 {actual}</source>
        <translation>The data standard sets this field&apos;s type to {expected}, but {actual} is written here</translation>
    </message>
    <message>
        <source>数据标准字段须由采集填写，不能是计算字段</source>
        <translation>Data standard fields must be collected, not computed</translation>
    </message>
    <message>
        <source>选项代码“{code}”不在数据标准中，标准代码：{codes}</source>
        <translation>Option code “{code}” is not in the data standard; standard codes: {codes}</translation>
    </message>
    <message>
        <source>缺少数据标准的选项代码“{code}”，请补上它和中文标签</source>
        <translation>The data standard option code “{code}” is missing; please add it with its Chinese label</translation>
    </message>
    <message>
        <source>计算字段只能放在顶层，且不能标为必填</source>
        <translation>Computed fields can only be at the top level and cannot be required</translation>
    </message>
    <message>
        <source>{key}：{fault}</source>
        <translation>{key}: {fault}</translation>
    </message>
    <message>
        <source>{key}：只能引用排在前面的计算字段，条件中不能引用计算字段（“{name}”）</source>
        <translation>{key}: only earlier computed fields can be referenced, and conditions cannot reference computed fields (“{name}”)</translation>
    </message>
    <message>
        <source>这里应是“键: 值”形式的映射</source>
        <extracomment>path -&gt; (relevance source, compute source), filled while parsing.</extracomment>
        <translation>A “key: value” mapping is expected here</translation>
    </message>
    <message>
        <source>未知属性“{key}”，允许的属性：{allowed}</source>
        <translation>Unknown property “{key}”; allowed properties: {allowed}</translation>
    </message>
    <message>
        <source>缺少“{key}”，或它不是文字</source>
        <translation>“{key}” is missing or is not text</translation>
    </message>
    <message>
        <source>问卷文件须写 kind: questionnaire</source>
        <translation>A questionnaire file must say kind: questionnaire</translation>
    </message>
    <message>
        <source>版本号应为正整数，现在是“{value}”</source>
        <translation>The version should be a positive integer, but is “{value}”</translation>
    </message>
    <message>
        <source>record_type 应为 {allowed} 之一</source>
        <translation>record_type should be one of {allowed}</translation>
    </message>
    <message>
        <source>sections 应为非空列表</source>
        <translation>sections should be a non-empty list</translation>
    </message>
    <message>
        <source>分节 id“{id}”重复</source>
        <translation>Duplicate section id “{id}”</translation>
    </message>
    <message>
        <source>分节的 fields 应为非空列表</source>
        <translation>The fields of a section should be a non-empty list</translation>
    </message>
    <message>
        <source>字段名“{name}”无效：应为小写英文、数字和下划线（数据标准中的名称）</source>
        <translation>Invalid field name “{name}”: use lower-case English letters, digits and underscores (the names in the data standard)</translation>
    </message>
    <message>
        <source>未知字段类型“{type}”，可用类型：{types}</source>
        <translation>Unknown field type “{type}”; available types: {types}</translation>
    </message>
    <message>
        <source>sensitivity 应为 {allowed} 之一</source>
        <translation>sensitivity should be one of {allowed}</translation>
    </message>
    <message>
        <source>重复组里不能再嵌套重复组</source>
        <translation>A repeating group cannot contain another repeating group</translation>
    </message>
    <message>
        <source>字段名重复（或与系统字段 {reserved} 冲突）</source>
        <translation>Duplicate field name (or a clash with the system fields {reserved})</translation>
    </message>
    <message>
        <source>{key} 应为一行表达式文字</source>
        <translation>{key} should be a one-line expression</translation>
    </message>
    <message>
        <source>重复组的 fields 应为非空列表</source>
        <translation>The fields of a repeating group should be a non-empty list</translation>
    </message>
    <message>
        <source>min_items {low} 大于 max_items {high}</source>
        <translation>min_items {low} is greater than max_items {high}</translation>
    </message>
    <message>
        <source>skipped_value 不是此字段的有效值：{fault}</source>
        <translation>skipped_value is not a valid value for this field: {fault}</translation>
    </message>
    <message>
        <source>{key} 应为 true 或 false</source>
        <translation>{key} should be true or false</translation>
    </message>
    <message>
        <source>{key} 应为不小于 0 的整数</source>
        <translation>{key} should be an integer not less than 0</translation>
    </message>
    <message>
        <source>{key} 应为数字，现在是“{value}”</source>
        <translation>{key} should be a number, but is “{value}”</translation>
    </message>
    <message>
        <source>整数字段的 {key} 应为整数</source>
        <translation>{key} of an integer field should be an integer</translation>
    </message>
    <message>
        <source>{low_key} {low} 大于 {high_key} {high}</source>
        <translation>{low_key} {low} is greater than {high_key} {high}</translation>
    </message>
    <message>
        <source>pattern 不是有效的正则表达式：{error}</source>
        <translation>pattern is not a valid regular expression: {error}</translation>
    </message>
    <message>
        <source>选择题须有非空的 choices 列表</source>
        <translation>A choice question needs a non-empty choices list</translation>
    </message>
    <message>
        <source>选项缺少 code（数据标准中的代码）</source>
        <translation>An option is missing its code (the code in the data standard)</translation>
    </message>
    <message>
        <source>选项代码“{code}”重复</source>
        <translation>Duplicate option code “{code}”</translation>
    </message>
    <message>
        <source>{label}校验码不符，已由 {by} 确认保留，原因：{reason}</source>
        <translation>{label} check digit mismatch, kept as confirmed by {by}; reason: {reason}</translation>
    </message>
    <message>
        <source>{label}应是一个列表（每项一行）</source>
        <translation>{label} should be a list (one item per row)</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>Please fill in {label}</translation>
    </message>
    <message>
        <source>{label}至少要有 {limit} 项，现在是 {count} 项</source>
        <translation>{label} needs at least {limit} items, but has {count}</translation>
    </message>
    <message>
        <source>{label}最多 {limit} 项，现在是 {count} 项</source>
        <translation>{label} may have at most {limit} items, but has {count}</translation>
    </message>
    <message>
        <source>记录的 {key} 是“{actual}”，不能用问卷“{title}”（{expected}）校验</source>
        <translation>The record&apos;s {key} is “{actual}”; it cannot be checked with questionnaire “{title}” ({expected})</translation>
    </message>
    <message>
        <source>记录按第 {actual} 版问卷保存，现用第 {expected} 版校验；保存后将按第 {expected} 版记录</source>
        <translation>The record was saved with questionnaire version {actual} and is checked with version {expected}; it will be saved as version {expected}</translation>
    </message>
    <message>
        <source>记录编号“{raw}”不是有效的 UUID</source>
        <translation>Record id “{raw}” is not a valid UUID</translation>
    </message>
    <message>
        <source>《征信业管理条例》禁止采集此项信息（{name}），请删除</source>
        <translation>The Regulations on the Administration of Credit Reporting forbid collecting this information ({name}); please remove it</translation>
    </message>
    <message>
        <source>{label}由系统自动计算，填写的值不会保存</source>
        <translation>{label} is computed by the system; the value entered will not be saved</translation>
    </message>
    <message>
        <source>问卷中没有“{name}”这一项，保存时将被忽略</source>
        <translation>The questionnaire has no item “{name}”; it will be ignored when saving</translation>
    </message>
    <message>
        <source>未签署信用信息采集授权书，不能保存“{label}”：请先取得书面同意并在“授权同意”中登记，或删除此项</source>
        <translation>The credit information collection consent is not signed, so “{label}” cannot be saved: first obtain written consent and record it under “Consent”, or remove this item</translation>
    </message>
    <message>
        <source>{label}与“{other}”相同：同一户内每人的身份证号码应不同，请核对</source>
        <translation>{label} is the same as “{other}”: each person in a household must have a different ID number; please check</translation>
    </message>
    <message>
        <source>{label}的前6位地区码 {region} 不在当前行政区划中（可能是撤并前的旧区划），请与证件核对；号码仍可保存</source>
        <translation>The region code {region} (first 6 digits) of {label} is not in the current divisions (perhaps a division merged away); please check the ID card; the number can still be saved</translation>
    </message>
    <message>
        <source>审核员只能对统一社会信用代码的校验结果作例外确认，“{field}”不可以</source>
        <translation>Supervisors can only confirm exceptions to the unified social credit code check, not “{field}”</translation>
    </message>
    <message>
        <source>例外确认须写明原因（reason）和确认人（by）</source>
        <translation>An exception confirmation needs a reason (reason) and who confirmed it (by)</translation>
    </message>
    <message>
        <source>{label}应填写文字，现在是“{raw}”</source>
        <translation>{label} should be text, but is “{raw}”</translation>
    </message>
    <message>
        <source>{label}应填写文字</source>
        <translation>{label} should be text</translation>
    </message>
    <message>
        <source>{label}应为整数，现在是“{raw}”</source>
        <translation>{label} should be an integer, but is “{raw}”</translation>
    </message>
    <message>
        <source>{label}应为数字（不能是浮点数），现在是“{raw}”</source>
        <translation>{label} should be a number (not a floating-point number), but is “{raw}”</translation>
    </message>
    <message>
        <source>{label}“{raw}”不是有效日期，请写成 2024-03-15 这样的格式</source>
        <translation>{label} “{raw}” is not a valid date; write it like 2024-03-15</translation>
    </message>
    <message>
        <source>{label}应选“是”或“否”，现在是“{raw}”</source>
        <translation>{label} should be “yes” or “no”, but is “{raw}”</translation>
    </message>
    <message>
        <source>{label}没有“{raw}”这个选项，请从以下选择：{choices}</source>
        <translation>{label} has no option “{raw}”; choose from: {choices}</translation>
    </message>
    <message>
        <source>{label}中有重复的选项，请每项只选一次</source>
        <translation>{label} has duplicate options; choose each one only once</translation>
    </message>
    <message>
        <source>{label}“{raw}”不是有效的记录编号（UUID）</source>
        <translation>{label} “{raw}” is not a valid record id (UUID)</translation>
    </message>
    <message>
        <source>{label}中有重复的记录，请删除重复项</source>
        <translation>{label} has duplicate records; please remove the duplicates</translation>
    </message>
    <message>
        <source>{label}应是一个列表</source>
        <translation>{label} should be a list</translation>
    </message>
    <message>
        <source>{label}被存成了数字（{raw}），末几位可能已丢失：请把该列设为“文本”格式后重新输入号码</source>
        <translation>{label} was stored as a number ({raw}) and its last digits may be lost: format the column as Text and type the number again</translation>
    </message>
    <message>
        <source>{label}已被遮蔽（带 *），不能导入：请使用含完整号码的表格</source>
        <translation>{label} is masked (contains *) and cannot be imported: use a workbook with the full numbers</translation>
    </message>
    <message>
        <source>不接受 {suffix} 文件（含宏或旧格式）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入</source>
        <translation>{suffix} files (macros or the old format) are not accepted: save as &quot;Excel Workbook (*.xlsx)&quot; in Excel, then import</translation>
    </message>
    <message>
        <source>只能导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv），“{name}”不是</source>
        <translation>Only Excel workbooks (.xlsx) or CSV files (.csv) can be imported; “{name}” is neither</translation>
    </message>
    <message>
        <source>找不到文件：{name}</source>
        <translation>File not found: {name}</translation>
    </message>
    <message>
        <source>文件有 {size} MB，超过导入上限 {limit} MB：请分成几个文件导入</source>
        <translation>The file is {size} MB, over the import limit of {limit} MB: split it into several files</translation>
    </message>
    <message>
        <source>“{name}”不是有效的 .xlsx 文件（可能已损坏，或只是改了扩展名）</source>
        <translation>&quot;{name}&quot; is not a valid .xlsx file (it may be damaged, or only renamed)</translation>
    </message>
    <message>
        <source>文件中含有宏（VBA），不予导入：请另存为不含宏的“Excel 工作簿 (*.xlsx)”</source>
        <translation>The file contains macros (VBA) and is refused: save it as a macro-free &quot;Excel Workbook (*.xlsx)&quot;</translation>
    </message>
    <message>
        <source>文件解压后有 {size} MB（压缩比异常），超过上限，不予导入：可能是恶意构造的文件</source>
        <translation>The file unpacks to {size} MB (an abnormal compression ratio), over the limit, and is refused: it may be a malicious file</translation>
    </message>
    <message>
        <source>有一张工作表超过 {limit} 行的上限：请分成几个文件导入</source>
        <translation>A sheet has more than the limit of {limit} rows: split it into several files</translation>
    </message>
    <message>
        <source>文件中含有不安全的 XML 结构（实体或文档类型定义），可能是恶意构造的文件，不予导入</source>
        <translation>The file contains unsafe XML (entities or a document type definition); it may be malicious and is refused</translation>
    </message>
    <message>
        <source>工作表“{sheet}”不是本问卷的表，已忽略</source>
        <translation>Sheet &quot;{sheet}&quot; is not part of this questionnaire and was ignored</translation>
    </message>
    <message>
        <source>找不到“{sheet}”工作表：请使用导入模板，或把主表命名为“{sheet}”</source>
        <translation>No &quot;{sheet}&quot; sheet: use the import template, or name the main sheet &quot;{sheet}&quot;</translation>
    </message>
    <message>
        <source>“{sheet}”表中没有数据：请从第 2 行起每户（每个合作社）填一行</source>
        <translation>Sheet &quot;{sheet}&quot; has no data: from row 2 on, fill one row per household (cooperative)</translation>
    </message>
    <message>
        <source>{label}与第 {other} 行相同：同一户（同一合作社）只能占一行</source>
        <translation>{label} is the same as in row {other}: a household (cooperative) takes one row only</translation>
    </message>
    <message>
        <source>列“{column}”不是问卷中的项，已忽略</source>
        <translation>Column &quot;{column}&quot; is not a question of the questionnaire and was ignored</translation>
    </message>
    <message>
        <source>“{column}”有两列：请删除多余的一列</source>
        <translation>&quot;{column}&quot; appears in two columns: delete one of them</translation>
    </message>
    <message>
        <source>工作表“{sheet}”缺少第一列“{label}”，无法知道每行属于哪一户</source>
        <translation>Sheet &quot;{sheet}&quot; lacks its first column &quot;{label}&quot;, so its rows cannot be matched to a household</translation>
    </message>
    <message>
        <source>这一行的{label}在“{main}”表中找不到：请核对号码，或先在“{main}”表中添加这一户</source>
        <translation>This row&apos;s {label} is not in the &quot;{main}&quot; sheet: check the number, or add the household to the &quot;{main}&quot; sheet first</translation>
    </message>
    <message>
        <source>内容有 {length} 个字，超过每格 {limit} 个字的上限</source>
        <translation>The cell has {length} characters, over the limit of {limit} per cell</translation>
    </message>
    <message>
        <source>工作表“{sheet}”有 {rows} 行数据，超过每表 {limit} 行的上限：请分成几个文件导入</source>
        <translation>Sheet &quot;{sheet}&quot; has {rows} data rows, over the limit of {limit} per sheet: split it into several files</translation>
    </message>
    <message>
        <source>工作表“{sheet}”有 {columns} 列，超过 {limit} 列的上限，不像是本系统的花名册</source>
        <translation>Sheet &quot;{sheet}&quot; has {columns} columns, over the limit of {limit}; it does not look like a roster of this program</translation>
    </message>
    <message>
        <source>没有编号为 {subject_id} 的农户或合作社档案</source>
        <translation>No household or cooperative record {subject_id}</translation>
    </message>
    <message>
        <source>{subject_id} 没有经审核员确认且仍在有效期内的评级，不能签发证书</source>
        <translation>{subject_id} has no rating confirmed by a supervisor and still valid: no certificate can be issued</translation>
    </message>
    <message>
        <source>{subject_id} 确认的评级为 {grade}，不是信用户，不能签发信用户证书</source>
        <translation>{subject_id} was confirmed as grade {grade}, not a credit household: no credit-household certificate can be issued</translation>
    </message>
    <message>
        <source>该评级的证书 {number} 已被撤销：须重新评级并确认后才能签发新证书</source>
        <translation>The certificate {number} of this rating was revoked: a new certificate needs a new, confirmed rating</translation>
    </message>
    <message>
        <source>登记簿中没有编号为 {number} 的证书</source>
        <translation>The register has no certificate numbered {number}</translation>
    </message>
    <message>
        <source>证书 {number} 已撤销或已被新证书取代，不能补打</source>
        <translation>Certificate {number} is revoked or superseded by a newer one and cannot be reprinted</translation>
    </message>
    <message>
        <source>证书 {number} 已经撤销</source>
        <translation>Certificate {number} is already revoked</translation>
    </message>
    <message>
        <source>撤销证书必须写明原因</source>
        <translation>Revoking a certificate needs a written reason</translation>
    </message>
    <message>
        <source>村 {village_code} 目前没有处于公示期的信用户评级，无公示名单可打印</source>
        <translation>Village {village_code} has no credit-household ratings in their notice period: there is no notice list to print</translation>
    </message>
    <message>
        <source>{subject_id} 尚未评级，没有评定表可打印</source>
        <translation>{subject_id} has not been rated: there is no rating report to print</translation>
    </message>
    <message>
        <source>村 {village_code} 没有经审核员确认且仍在有效期内的信用户，没有证书可打印</source>
        <translation>Village {village_code} has no credit households confirmed by a supervisor and still valid: there are no certificates to print</translation>
    </message>
    <message>
        <source>草稿 {draft_id} 不存在或已被删除</source>
        <translation>Draft {draft_id} does not exist or was deleted</translation>
    </message>
    <message>
        <source>数据库已损坏，未打开；已将副本隔离到 {folder}。请从最近的完好备份恢复</source>
        <translation>The database is damaged and was not opened; a copy is quarantined in {folder}. Please restore the newest intact backup</translation>
    </message>
    <message>
        <source>第 {index} 条记录：{message}</source>
        <translation>Record {index}: {message}</translation>
    </message>
    <message>
        <source>这份档案已被他人修改（第 {stored} 版，您编辑的是第 {base} 版），请重新打开后再改</source>
        <translation>This file was changed by someone else (it is at revision {stored}; you edited revision {base}). Reopen it and make your change again</translation>
    </message>
    <message>
        <source>没有这份档案：{record_id}</source>
        <translation>No such file: {record_id}</translation>
    </message>
    <message>
        <source>记录类型应为 household 或 cooperative，而不是“{record_type}”</source>
        <translation>The record type must be household or cooperative, not “{record_type}”</translation>
    </message>
    <message>
        <source>此人已是另一户的户主（共 {count} 户），请核对是否重复建档</source>
        <translation>This person is already the head of another household ({count} in all); check that the household has not been filed twice</translation>
    </message>
    <message>
        <source>已有 {count} 份档案的{label}是这个号码，无法确定更新哪一份：请先在系统中合并重复档案</source>
        <translation>{count} stored records have this {label}, so it is unclear which one to update: merge the duplicate records first</translation>
    </message>
    <message>
        <source>村代码 {code} 不在本机的行政区划中：请核对，或先同步区划</source>
        <translation>Village code {code} is not among this computer&apos;s divisions: check it, or sync the divisions first</translation>
    </message>
    <message>
        <source>{role}不能导入此项（需要“{permission}”权限）：请删除这一列的内容，或请有权限的同事导入</source>
        <translation>A {role} cannot import this (it needs the &quot;{permission}&quot; permission): clear this column, or ask a colleague who has it to import</translation>
    </message>
    <message>
        <source>“{code}”不是 12 位区划代码</source>
        <translation>&quot;{code}&quot; is not a 12-digit division code</translation>
    </message>
    <message>
        <source>没有评级 {rating_id}</source>
        <translation>There is no rating {rating_id}</translation>
    </message>
    <message>
        <source>{subject_id} 还没有评级</source>
        <translation>{subject_id} has not been rated yet</translation>
    </message>
    <message>
        <source>没有村 {village}</source>
        <translation>There is no village {village}</translation>
    </message>
    <message>
        <source>评级 {rating_id} 已被更新的评级取代，请对最新的评级操作</source>
        <translation>Rating {rating_id} has been superseded by a newer rating; act on the latest one</translation>
    </message>
    <message>
        <source>该户未签署信息采集授权书，没有等级，不进入评议和公示</source>
        <translation>This household has not signed the data-collection consent: it has no grade and takes no part in appraisal or notice</translation>
    </message>
    <message>
        <source>评级处于“{stage}”阶段，不能{action}</source>
        <translation>The rating is at the stage “{stage}”: cannot {action}</translation>
    </message>
    <message>
        <source>调整分应为最多两位小数的分数，现在是“{points}”</source>
        <translation>An adjustment must be points with at most two decimals, not “{points}”</translation>
    </message>
    <message>
        <source>请写明评议理由</source>
        <translation>Please state the reason for the appraisal</translation>
    </message>
    <message>
        <source>请填写评议小组成员的姓名</source>
        <translation>Please enter the names of the appraisal group</translation>
    </message>
    <message>
        <source>请写明异议的内容</source>
        <translation>Please state the objection</translation>
    </message>
    <message>
        <source>请写明给异议人的答复</source>
        <translation>Please write the answer to the objector</translation>
    </message>
    <message>
        <source>异议成立时须给出复核后的调整分</source>
        <translation>An upheld objection needs the adjustment after review</translation>
    </message>
    <message>
        <source>日期 {on} 早于评级日 {rated_on}</source>
        <translation>The date {on} is before the rating date {rated_on}</translation>
    </message>
    <message>
        <source>{on} 不在公示期内（{start} 至 {last}），不能登记异议</source>
        <translation>{on} is outside the notice period ({start} to {last}): no objection can be recorded</translation>
    </message>
    <message>
        <source>没有待处理的异议 {objection_id}</source>
        <translation>There is no open objection {objection_id}</translation>
    </message>
    <message>
        <source>处理日期 {on} 早于异议受理日 {received}</source>
        <translation>The decision date {on} is before the objection was received ({received})</translation>
    </message>
    <message>
        <source>村 {village} 没有已评议、待公示的评级</source>
        <translation>Village {village} has no appraised ratings waiting for a notice</translation>
    </message>
    <message>
        <source>村 {village} 还有 {count} 户只完成初评，请先评议再公示</source>
        <translation>Village {village} still has {count} ratings that are only computed: appraise them before the notice</translation>
    </message>
    <message>
        <source>村 {village} 没有待评议的初评结果</source>
        <translation>Village {village} has no computed ratings waiting for appraisal</translation>
    </message>
    <message>
        <source>公示期到 {last} 才结束，{on} 还不能确认</source>
        <translation>The notice runs until {last}: it cannot be confirmed on {on}</translation>
    </message>
    <message>
        <source>还有 {count} 件异议未处理，不能确认</source>
        <translation>{count} objections are still open: cannot confirm</translation>
    </message>
    <message>
        <source>村 {village} 还有 {count} 户在公示期内，公示结束后才能确认</source>
        <translation>Village {village} still has {count} ratings on notice: confirm after the notice ends</translation>
    </message>
    <message>
        <source>村 {village} 没有公示期满、待确认的评级</source>
        <translation>Village {village} has no ratings whose notice has ended waiting for confirmation</translation>
    </message>
    <message>
        <source>没有待处理的冲突 {item_id}（可能已被处理）</source>
        <translation>No open conflict {item_id} (it may have been resolved already)</translation>
    </message>
    <message>
        <source>冲突所属的档案已不存在：{record_id}</source>
        <translation>The record of this conflict no longer exists: {record_id}</translation>
    </message>
    <message>
        <source>请选择 local（本机的值）或 server（平台的值），而不是“{choice}”</source>
        <translation>Choose local (this computer&apos;s value) or server (the platform&apos;s value), not “{choice}”</translation>
    </message>
    <message>
        <source>本机尚未注册到数据交换平台：请先用平台管理员给的注册码注册</source>
        <translation>This computer is not enrolled with the exchange platform yet: enrol first with the code from the platform administrator</translation>
    </message>
    <message>
        <source>“{name}”的编码无法识别：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入</source>
        <translation>The encoding of “{name}” is not recognised: in Excel, save it as “CSV UTF-8 (Comma delimited)” and import it again</translation>
    </message>
    <message>
        <source>“{name}”不是有效的 CSV 文本文件（可能已损坏，或是其他格式改了扩展名）</source>
        <translation>“{name}” is not a valid CSV text file (it may be damaged, or another format renamed)</translation>
    </message>
    <message>
        <source>导入已取消，未保存任何记录</source>
        <translation>Import cancelled; no record was saved</translation>
    </message>
    <message>
        <source>文件中没有“农户”或“合作社”工作表（CSV 文件中没有户主身份证号码或统一社会信用代码列）：请使用“下载导入模板”得到的表格填写</source>
        <translation>The file has no “农户” (households) or “合作社” (cooperatives) sheet (a CSV file needs a column for the head&apos;s ID number or the credit code): fill in the workbook from “Download import template”</translation>
    </message>
</context>
<context>
    <name>security</name>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>乡镇工作人员</source>
        <translation>Township officer</translation>
    </message>
    <message>
        <source>信贷员</source>
        <translation>Loan officer</translation>
    </message>
    <message>
        <source>审核员</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>查看员</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>查看档案</source>
        <translation>View files</translation>
    </message>
    <message>
        <source>查看完整身份证号码</source>
        <translation>View full ID numbers</translation>
    </message>
    <message>
        <source>编辑身份信息</source>
        <translation>Edit identity information</translation>
    </message>
    <message>
        <source>编辑收入、资产、负债和贷款信息</source>
        <translation>Edit income, assets, liabilities and loans</translation>
    </message>
    <message>
        <source>编辑荣誉、处罚和诚信表现</source>
        <translation>Edit honours, penalties and conduct</translation>
    </message>
    <message>
        <source>信用评级</source>
        <translation>Rate credit</translation>
    </message>
    <message>
        <source>组织评议</source>
        <translation>Organise appraisal</translation>
    </message>
    <message>
        <source>发起公示</source>
        <translation>Start public notice</translation>
    </message>
    <message>
        <source>登记异议</source>
        <translation>Register objections</translation>
    </message>
    <message>
        <source>处理异议</source>
        <translation>Handle objections</translation>
    </message>
    <message>
        <source>审核确认评级</source>
        <translation>Approve ratings</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>补打证书</source>
        <translation>Reprint certificates</translation>
    </message>
    <message>
        <source>撤销证书</source>
        <translation>Revoke certificates</translation>
    </message>
    <message>
        <source>导出数据</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>导入数据</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>与平台同步</source>
        <translation>Sync with the platform</translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <source>查看审计日志</source>
        <translation>View the audit trail</translation>
    </message>
    <message>
        <source>清除超过保存期限的信息</source>
        <translation>Purge information past its retention period</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>本机时钟与平台相差约 {minutes} 分钟，请校准本机时间</source>
        <translation>This computer&apos;s clock differs from the platform&apos;s by about {minutes} minutes; please set the correct time</translation>
    </message>
    <message>
        <source>平台要求跳转到 {location}，为安全起见已拒绝</source>
        <translation>The platform asked to redirect to {location}; refused for safety</translation>
    </message>
    <message>
        <source>响应超过 {limit} 字节</source>
        <translation>The response is larger than {limit} bytes</translation>
    </message>
    <message>
        <source>不是 JSON，而是 {content_type}</source>
        <translation>Not JSON but {content_type}</translation>
    </message>
    <message>
        <source>JSON 无法解析</source>
        <translation>The JSON cannot be parsed</translation>
    </message>
    <message>
        <source>内容不符合同步协议：{fields}</source>
        <translation>The content does not follow the sync protocol: {fields}</translation>
    </message>
    <message>
        <source>等待超时</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <source>连接失败</source>
        <translation>Connection failed</translation>
    </message>
    <message>
        <source>传输中断</source>
        <translation>Transfer interrupted</translation>
    </message>
    <message>
        <source>同步失败：{detail}</source>
        <translation>Sync failed: {detail}</translation>
    </message>
    <message>
        <source>无法连接数据交换平台（{detail}），数据已保留在本机，稍后将自动重试</source>
        <translation>Cannot reach the data exchange platform ({detail}); the data stays on this computer and will be retried automatically later</translation>
    </message>
    <message>
        <source>平台的安全证书不可信，已停止连接：请核对平台地址和证书设置</source>
        <translation>The platform&apos;s security certificate is not trusted; connection stopped: please check the platform address and certificate settings</translation>
    </message>
    <message>
        <source>平台拒绝了本设备的凭据：{detail}（未上传的数据仍保留在本机）</source>
        <translation>The platform refused this device&apos;s credentials: {detail} (data not yet uploaded stays on this computer)</translation>
    </message>
    <message>
        <source>无权执行此操作：{detail}</source>
        <translation>Not allowed to do this: {detail}</translation>
    </message>
    <message>
        <source>外业助手版本过旧，平台拒绝同步：请升级后再试</source>
        <translation>This version of the Field Client is too old and the platform refuses to sync: please upgrade and try again</translation>
    </message>
    <message>
        <source>平台的响应无法识别（{detail}），已停止本次同步</source>
        <translation>The platform&apos;s response cannot be understood ({detail}); this sync was stopped</translation>
    </message>
    <message>
        <source>平台拒绝了请求（HTTP {status}）：{detail}</source>
        <translation>The platform refused the request (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <source>平台暂时出错（HTTP {status}），稍后将自动重试</source>
        <translation>The platform has a temporary error (HTTP {status}); will retry automatically later</translation>
    </message>
    <message>
        <source>外业助手版本过旧（协议 {client_protocol}，数据标准 {client_schema}），平台要求协议 {protocol}、数据标准 {schema}：请升级后再同步</source>
        <translation>This version of the Field Client is too old (protocol {client_protocol}, data standard {client_schema}); the platform requires protocol {protocol}, data standard {schema}: please upgrade, then sync</translation>
    </message>
    <message>
        <source>缺少设备凭据或凭据无效，请重新登记本设备</source>
        <translation>Device credentials are missing or invalid; please enrol this device again</translation>
    </message>
    <message>
        <source>设备凭据已过期，请重新登记本设备</source>
        <translation>The device credentials have expired; please enrol this device again</translation>
    </message>
    <message>
        <source>本设备已被平台注销，请联系平台管理员</source>
        <translation>This device has been deregistered by the platform; please contact the platform administrator</translation>
    </message>
    <message>
        <source>您的平台账号已停用，请联系平台管理员</source>
        <translation>Your platform account is disabled; please contact the platform administrator</translation>
    </message>
    <message>
        <source>登记码无效、已使用或已过期，请向平台管理员索取新的登记码</source>
        <translation>The enrolment code is invalid, used or expired; please ask the platform administrator for a new one</translation>
    </message>
    <message>
        <source>您未被分配到区划 {code}，无权上传这条记录</source>
        <translation>You are not assigned to division {code} and may not upload this record</translation>
    </message>
    <message>
        <source>记录没有有效的村级区划代码（village_code），无法确定归属</source>
        <translation>The record has no valid village division code (village_code), so its owner is unknown</translation>
    </message>
    <message>
        <source>“{record_type}”记录只能新增，不能修改或删除</source>
        <translation>“{record_type}” records can only be added, not changed or deleted</translation>
    </message>
    <message>
        <source>记录未通过校验（{count} 个问题），请修改后重新同步</source>
        <translation>The record failed validation ({count} problems); please correct it and sync again</translation>
    </message>
    <message>
        <source>平台上已有这条记录，不能重复新增</source>
        <translation>The platform already has this record; it cannot be added twice</translation>
    </message>
    <message>
        <source>平台上没有这条记录，无法修改或删除</source>
        <translation>The platform does not have this record; it cannot be changed or deleted</translation>
    </message>
    <message>
        <source>这条记录已在平台上删除，不能再修改</source>
        <translation>This record was deleted on the platform and can no longer be changed</translation>
    </message>
    <message>
        <source>记录编号已被另一类记录（{existing}）使用</source>
        <translation>The record id is already used by another kind of record ({existing})</translation>
    </message>
    <message>
        <source>修改所依据的版本 {base} 比平台上的版本 {revision} 还新，请先下载更新</source>
        <translation>The change is based on version {base}, newer than the platform&apos;s version {revision}; please download updates first</translation>
    </message>
    <message>
        <source>记录在您上次同步后已被修改（平台版本 {revision}），请先下载更新再删除</source>
        <translation>The record was changed after your last sync (platform version {revision}); please download updates before deleting</translation>
    </message>
    <message>
        <source>文档中的 {key}“{value}”与同步记录不一致（应为“{expected}”）</source>
        <translation>{key} “{value}” in the document does not match the sync record (should be “{expected}”)</translation>
    </message>
    <message>
        <source>{count} 项在平台上也被修改过，已保留平台上的值，请复核</source>
        <translation>{count} items were also changed on the platform; the platform&apos;s values were kept, please review</translation>
    </message>
    <message>
        <source>平台上没有这张编号为 {number} 的证书（或该编号属于另一张证书），撤销未被接收</source>
        <translation>The platform has no certificate numbered {number} (or the number belongs to another certificate); the revocation was not accepted</translation>
    </message>
    <message>
        <source>证书编号 {number} 在平台上已属于另一张证书，本证书未被接收，平台上的那张证书未受影响（编号重复多因未注册的电脑各自编号）；请联系平台管理员处理</source>
        <translation>Certificate number {number} already belongs to another certificate on the platform. This certificate was not accepted and the other one was left unchanged (a duplicate number usually comes from laptops that numbered on their own before enrolment). Please contact the platform administrator</translation>
    </message>
    <message>
        <source>平台的证书编号段已全部分配（最多 {limit} 个），无法再注册新设备；请联系平台管理员</source>
        <translation>All certificate number series of the platform have been assigned (at most {limit}); no more devices can be enrolled. Please contact the platform administrator</translation>
    </message>
    <message>
        <source>同步位置无效，请从头重新下载</source>
        <translation>Invalid sync position; please download again from the start</translation>
    </message>
    <message>
        <source>请求过大（上限 {limit} 字节），请分批上传</source>
        <translation>The request is too large (limit {limit} bytes); please upload in batches</translation>
    </message>
    <message>
        <source>请求格式不正确：{detail}</source>
        <translation>Malformed request: {detail}</translation>
    </message>
    <message>
        <source>平台没有这个接口</source>
        <translation>The platform has no such endpoint</translation>
    </message>
    <message>
        <source>平台内部出错，请稍后重试</source>
        <translation>Internal platform error; please try again later</translation>
    </message>
    <message>
        <source>{file} 第 {row} 条：{fault}</source>
        <translation>{file} entry {row}: {fault}</translation>
    </message>
    <message>
        <source>缺少“{field}”</source>
        <translation>“{field}” is missing</translation>
    </message>
    <message>
        <source>类别“{kind}”不是 {allowed} 之一</source>
        <translation>Category “{kind}” is not one of {allowed}</translation>
    </message>
    <message>
        <source>“{field}”不是 YYYY-MM-DD 日期：{value}</source>
        <translation>“{field}” is not a YYYY-MM-DD date: {value}</translation>
    </message>
    <message>
        <source>需要身份证号码（id_number / subject_id_number）或统一社会信用代码（uscc）</source>
        <translation>An ID number (id_number / subject_id_number) or a unified social credit code (uscc) is required</translation>
    </message>
    <message>
        <source>区划代码 {code} 与层级 {level} 不符</source>
        <translation>Division code {code} does not match level {level}</translation>
    </message>
    <message>
        <source>“{field}”缺失或格式不正确（{kind}）</source>
        <translation>“{field}” is missing or malformed ({kind})</translation>
    </message>
    <message>
        <source>无法确定问卷版本：{fault}</source>
        <translation>Cannot determine the questionnaire version: {fault}</translation>
    </message>
    <message>
        <source>已清理截至 {on} 已满五年的负面信息：失信名单 {blacklist} 条，处罚记录 {conduct} 条（各笔记本下次同步时删除其副本）</source>
        <translation>Purged negative information five years old on {on}: {blacklist} blacklist entries, {conduct} penalty records (each laptop deletes its copy at its next sync)</translation>
    </message>
    <message>
        <source>截至 {on} 已满五年、将清理的负面信息：失信名单 {blacklist} 条，处罚记录 {conduct} 条</source>
        <translation>Negative information five years old on {on}, to be purged: {blacklist} blacklist entries, {conduct} penalty records</translation>
    </message>
    <message>
        <source>{type}  {kind}  {subject}  终止于 {ended}  {reference}  {id}</source>
        <translation>{type}  {kind}  {subject}  ended {ended}  {reference}  {id}</translation>
    </message>
    <message>
        <source>失信名单</source>
        <translation>blacklist</translation>
    </message>
    <message>
        <source>处罚记录</source>
        <translation>penalty</translation>
    </message>
</context>
<context>
    <name>unsynced</name>
    <message>
        <source>农户</source>
        <translation>household</translation>
    </message>
    <message>
        <source>合作社</source>
        <translation>cooperative</translation>
    </message>
    <message>
        <source>评级</source>
        <translation>rating</translation>
    </message>
    <message>
        <source>证书</source>
        <translation>certificate</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>new</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>{kind} {name}（{op}）</source>
        <translation>{kind} {name} ({op})</translation>
    </message>
    <message>
        <source>{kind} {count} 项</source>
        <translation>{kind}: {count}</translation>
    </message>
</context>
<context>
    <name>verification</name>
    <message>
        <source>证书真实有效：编号 {certificate_no}，{holder}，{grade} 级，有效期 {valid_from} 至 {valid_until}。</source>
        <translation>The certificate is genuine: number {certificate_no}, {holder}, grade {grade}, valid from {valid_from} to {valid_until}.</translation>
    </message>
    <message>
        <source>签名不符：证书 {certificate_no} 的二维码内容已被改动，不可信。</source>
        <translation>Signature mismatch: the QR code of certificate {certificate_no} has been altered and cannot be trusted.</translation>
    </message>
    <message>
        <source>证书 {certificate_no} 已于 {valid_until} 过期。</source>
        <translation>Certificate {certificate_no} expired on {valid_until}.</translation>
    </message>
    <message>
        <source>证书 {certificate_no} 自 {valid_from} 起才生效。</source>
        <translation>Certificate {certificate_no} is valid only from {valid_from}.</translation>
    </message>
    <message>
        <source>证书 {certificate_no} 已被撤销，不再有效。</source>
        <translation>Certificate {certificate_no} has been revoked and is no longer valid.</translation>
    </message>
    <message>
        <source>签发设备未知（密钥 {key_id}）：请先导入该设备的公钥，或证书系伪造。</source>
        <translation>Unknown issuing device (key {key_id}): import that device&apos;s public key first, or the certificate is forged.</translation>
    </message>
    <message>
        <source>这不是本系统签发的信用户证书二维码。</source>
        <translation>This is not a credit household certificate QR code issued by this system.</translation>
    </message>
</context>
<context>
    <name>workflow</name>
    <message>
        <source>未评级</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>初评</source>
        <translation>Computed</translation>
    </message>
    <message>
        <source>已评议</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <source>待公示</source>
        <translation>Notice pending</translation>
    </message>
    <message>
        <source>公示中</source>
        <translation>On notice</translation>
    </message>
    <message>
        <source>异议处理中</source>
        <translation>Objection open</translation>
    </message>
    <message>
        <source>公示期满</source>
        <translation>Notice ended</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>已被新评级取代</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <source>评议</source>
        <translation>appraise</translation>
    </message>
    <message>
        <source>登记异议</source>
        <translation>record an objection</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>confirm</translation>
    </message>
</context>
</TS>
