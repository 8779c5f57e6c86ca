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
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
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
        <source>搜索户主：姓名、拼音首字母（如 zs）、身份证号或电话</source>
        <translation>Search heads: name, pinyin initials (e.g. zs), ID number or phone</translation>
    </message>
    <message>
        <source>共 {n} 户</source>
        <translation>{n} households</translation>
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
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
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
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
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
</TS>
