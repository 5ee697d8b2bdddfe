<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>no batch {number}</source>
        <translation>没有批次 {number}</translation>
    </message>
    <message>
        <source>item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>planned quantity</source>
        <translation>计划数量</translation>
    </message>
    <message>
        <source>no item {code}</source>
        <translation>没有物料 {code}</translation>
    </message>
    <message>
        <source>{code} has no effective master batch record: a batch cannot be planned</source>
        <translation>{code} 没有生效的主批记录：无法计划批次</translation>
    </message>
    <message>
        <source>use &apos;complete batch&apos; with the produced quantity to complete a batch</source>
        <translation>完成批次请使用“complete batch”并给出产出数量</translation>
    </message>
    <message>
        <source>no lot {lot_number}</source>
        <translation>没有物料批 {lot_number}</translation>
    </message>
    <message>
        <source>produced quantity</source>
        <translation>产出数量</translation>
    </message>
    <message>
        <source>lot quantity</source>
        <translation>物料批数量</translation>
    </message>
    <message>
        <source>the lot quantities add up to {sum}, not {total}</source>
        <translation>各物料批数量合计为 {sum}，而不是 {total}</translation>
    </message>
    <message>
        <source>no alert {alert_id}</source>
        <translation>没有警报 {alert_id}</translation>
    </message>
    <message>
        <source>{who} is not the database owner: connect with the role that owns the BatchTrace tables (or, on SQLite, as the user who can write the file)</source>
        <translation>{who} 不是数据库所有者：请使用拥有 BatchTrace 数据表的角色连接（SQLite 上：以可写入该文件的用户身份）</translation>
    </message>
    <message>
        <source>cannot open the {kind} database at {location}: {first_line}</source>
        <translation>无法打开位于 {location} 的 {kind} 数据库：{first_line}</translation>
    </message>
    <message>
        <source>cannot back up the database to {path} before its upgrade: {error}; the database was not changed</source>
        <translation>升级前无法将数据库备份到 {path}：{error}；数据库未被更改</translation>
    </message>
    <message>
        <source>&apos;db connect&apos; is for a shared PostgreSQL database: postgresql://user@host/db</source>
        <translation>“db connect”用于共享的 PostgreSQL 数据库：postgresql://user@host/db</translation>
    </message>
    <message>
        <source>do not put the password in the URL: BatchTrace asks for it and keeps it in the keyring</source>
        <translation>请勿将密码写入 URL：BatchTrace 会询问密码并保存在密钥环中</translation>
    </message>
    <message>
        <source>record check: every checked row is as its audit entries say (lots, batches, material issues, shipments, recalls, users, roles and the security policy, master data, master records, specifications, QC plans and results, deviations, CAPAs, change requests, process steps, values and excursions, the print journal, issued documents, alerts, signatures, status history, genealogy)</source>
        <translation>记录检查：所有被检查的行均与其审计记录一致（物料批、批次、物料发放、发货、召回、用户、角色和安全策略、主数据、主批记录、质量标准、QC 计划和结果、偏差、CAPA、变更申请、工艺步骤、数值和偏离事件、打印日志、已签发文件、警报、电子签名、状态历史、谱系）</translation>
    </message>
    <message>
        <source>the audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>check the hash chain and name the first entry changed outside BatchTrace</source>
        <translation>校验哈希链，并指出第一条在 BatchTrace 之外被更改的记录</translation>
    </message>
    <message>
        <source>also check the chain against the heads recorded by &apos;audit anchor&apos;</source>
        <translation>同时将哈希链与“audit anchor”记录的链头进行核对</translation>
    </message>
    <message>
        <source>append the head of the verified chain to a file outside the database</source>
        <translation>将已校验哈希链的链头追加到数据库之外的文件中</translation>
    </message>
    <message>
        <source>the anchor file (default: {file} in the data folder); keep it, or a copy, where database users cannot write</source>
        <translation>锚点文件（默认：数据文件夹中的 {file}）；请将其或其副本保存在数据库用户无法写入的位置</translation>
    </message>
    <message>
        <source>export the audit trail (or part of it) to CSV</source>
        <translation>将审计追踪（或其中一部分）导出为 CSV</translation>
    </message>
    <message>
        <source>the file to write; its folder must exist</source>
        <translation>要写入的文件；其所在文件夹必须已存在</translation>
    </message>
    <message>
        <source>only entries by this user</source>
        <translation>仅此用户操作的条目</translation>
    </message>
    <message>
        <source>only entries about this kind of record</source>
        <translation>仅涉及此类记录的条目</translation>
    </message>
    <message>
        <source>only entries about this record</source>
        <translation>仅涉及此记录的条目</translation>
    </message>
    <message>
        <source>only this action, e.g. LOGIN_FAILED</source>
        <translation>仅此操作，例如 LOGIN_FAILED</translation>
    </message>
    <message>
        <source>from this day or time (station time)</source>
        <translation>自此日期或时间起（工作站时间）</translation>
    </message>
    <message>
        <source>up to and including this day (station time)</source>
        <translation>截至此日期（含当日，工作站时间）</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM</source>
        <translation>“{text}”不是日期：请使用 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>audit trail intact: {entries} entries, head {head_seq} {head_hash}</source>
        <translation>审计追踪完整：{entries} 条记录，最新 {head_seq} {head_hash}</translation>
    </message>
    <message>
        <source>audit trail NOT intact: {message} ({entries} entries before it are intact)</source>
        <translation>审计追踪不完整：{message}（此前的 {entries} 条记录完整）</translation>
    </message>
    <message>
        <source>keyed by the database from entry {keyed_from} on (HMAC with a key the stations cannot read); earlier entries verify in their earlier format</source>
        <translation>自第 {keyed_from} 条记录起由数据库加密签名（HMAC，密钥工作站无法读取）；更早的记录按其原格式校验</translation>
    </message>
    <message>
        <source>audit trail NOT as anchored: {message}</source>
        <translation>审计追踪与锚点不符：{message}</translation>
    </message>
    <message>
        <source>all {count} anchors in {anchors} match</source>
        <translation>{anchors} 中的全部 {count} 个锚点均一致</translation>
    </message>
    <message>
        <source>record NOT as audited: {message}</source>
        <translation>记录与审计追踪不符：{message}</translation>
    </message>
    <message>
        <source>... and {value} more records not as audited</source>
        <translation>……另有 {value} 条记录与审计追踪不符</translation>
    </message>
    <message>
        <source>anchored entry {seq} {hash} at {at} UTC by {user_id} in {path}</source>
        <translation>已锚定记录 {seq} {hash}，时间 {at} UTC，操作人 {user_id}，保存于 {path}</translation>
    </message>
    <message>
        <source>{out} is a folder: give a file name such as audit.csv</source>
        <translation>{out} 是文件夹：请给出文件名，例如 audit.csv</translation>
    </message>
    <message>
        <source>folder {parent} does not exist</source>
        <translation>文件夹 {parent} 不存在</translation>
    </message>
    <message>
        <source>exported {entries} audit entries to {path}</source>
        <translation>已将 {entries} 条审计记录导出到 {path}</translation>
    </message>
    <message>
        <source>load the demo users and a demo medical-device site; safe to run again</source>
        <translation>加载演示用户和一个医疗器械演示工厂；可安全地重复运行</translation>
    </message>
    <message>
        <source>do nothing when the database already has users</source>
        <translation>数据库中已有用户时不做任何操作</translation>
    </message>
    <message>
        <source>database already has data: demo not loaded</source>
        <translation>数据库中已有数据：未加载演示数据</translation>
    </message>
    <message>
        <source>demo data already loaded: nothing new created</source>
        <translation>演示数据已加载：未新建任何内容</translation>
    </message>
    <message>
        <source>the database already has users: give --user ID of an administrator to add the missing demo data, or --if-empty to leave it alone</source>
        <translation>数据库中已有用户：请用 --user ID 指定一名管理员以补充缺少的演示数据，或用 --if-empty 保持不变</translation>
    </message>
    <message>
        <source>created {item}</source>
        <translation>已创建 {item}</translation>
    </message>
    <message>
        <source>demo users log in with the password {DEMO_PASSWORD}</source>
        <translation>演示用户使用密码 {DEMO_PASSWORD} 登录</translation>
    </message>
    <message>
        <source>material and finished-goods lots</source>
        <translation>物料批与成品物料批</translation>
    </message>
    <message>
        <source>receive a lot into Quarantine; prints the lot number</source>
        <translation>接收物料批并置于隔离状态；输出物料批号</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>the supplier&apos;s own lot number</source>
        <translation>供应商自己的批号</translation>
    </message>
    <message>
        <source>manufacture date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>expiry date (default: manufacture date plus the item&apos;s shelf life)</source>
        <translation>有效期至（默认：生产日期加上物料的保质期）</translation>
    </message>
    <message>
        <source>release, reject, hold or return a lot to quarantine</source>
        <translation>放行、拒收、冻结物料批，或将其退回隔离状态</translation>
    </message>
    <message>
        <source>why (kept in the audit trail)</source>
        <translation>原因（记入审计追踪）</translation>
    </message>
    <message>
        <source>show a lot</source>
        <translation>显示物料批</translation>
    </message>
    <message>
        <source>production batches</source>
        <translation>生产批次</translation>
    </message>
    <message>
        <source>plan a batch from the effective master batch record; prints the batch number</source>
        <translation>按生效的主批记录计划批次；输出批次号</translation>
    </message>
    <message>
        <source>in the product&apos;s unit</source>
        <translation>以产品的单位计</translation>
    </message>
    <message>
        <source>start production of a planned batch</source>
        <translation>开始已计划批次的生产</translation>
    </message>
    <message>
        <source>issue material from a lot to the batch, after the checks</source>
        <translation>经检查后，从物料批向批次发放物料</translation>
    </message>
    <message>
        <source>return unused material from the batch to its lot</source>
        <translation>将未用完的物料从批次退回其物料批</translation>
    </message>
    <message>
        <source>in the lot&apos;s unit</source>
        <translation>以物料批的单位计</translation>
    </message>
    <message>
        <source>complete the batch into finished lots; prints the lot numbers, one per line</source>
        <translation>完成批次，产出成品物料批；输出物料批号，每行一个</translation>
    </message>
    <message>
        <source>divide the produced quantity over several lots of these sizes</source>
        <translation>将产出数量按这些大小分成多个物料批</translation>
    </message>
    <message>
        <source>move a batch through its workflow: submit to QC, pass to QA review, release, reject, hold, resume</source>
        <translation>推进批次的工作流程：提交 QC、转入 QA 审核、放行、拒绝、冻结、恢复</translation>
    </message>
    <message>
        <source>why (required for reject, hold and resume)</source>
        <translation>原因（拒绝、冻结和恢复时必填）</translation>
    </message>
    <message>
        <source>show a batch: materials, issues and finished lots</source>
        <translation>显示批次：物料、发放记录和成品物料批</translation>
    </message>
    <message>
        <source>the supplier&apos;s lot number is required</source>
        <translation>供应商批号为必填项</translation>
    </message>
    <message>
        <source>lot {lot_number}: {before} -&gt; {status}</source>
        <translation>物料批 {lot_number}：{before} -&gt; {status}</translation>
    </message>
    <message>
        <source>{record_type} {number}</source>
        <translation>{record_type} {number}</translation>
    </message>
    <message>
        <source>{what}: signed the {requirement} ({meaning}) as {printed_name} ({user_id})</source>
        <translation>{what}：已以 {printed_name}（{user_id}）身份签署{requirement}（{meaning}）</translation>
    </message>
    <message>
        <source>{what}: {summary}</source>
        <translation>{what}：{summary}</translation>
    </message>
    <message>
        <source>{what}: {before} -&gt; {status}</source>
        <translation>{what}：{before} -&gt; {status}</translation>
    </message>
    <message>
        <source>received from supplier {supplier}, supplier lot {supplier_lot}</source>
        <translation>接收自供应商 {supplier}，供应商批号 {supplier_lot}</translation>
    </message>
    <message>
        <source>produced in batch {batch}</source>
        <translation>产自批次 {batch}</translation>
    </message>
    <message>
        <source>lot {lot_number}</source>
        <translation>物料批 {lot_number}</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>{quantity}, {on_hand} on hand</source>
        <translation>{quantity}，库存 {on_hand}</translation>
    </message>
    <message>
        <source>manufactured</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>{printed_name} ({user_id}), {meaning} ({requirement}), {time}</source>
        <translation>{printed_name}（{user_id}），{meaning}（{requirement}），{time}</translation>
    </message>
    <message>
        <source>{text}: INVALIDATED, the record changed after signing</source>
        <translation>{text}：已失效，签名后记录已更改</translation>
    </message>
    <message>
        <source>
signatures:</source>
        <translation>
电子签名：</translation>
    </message>
    <message>
        <source>batch {batch_number}: {before} -&gt; {status}</source>
        <translation>批次 {batch_number}：{before} -&gt; {status}</translation>
    </message>
    <message>
        <source>issued {value} of {item_code} from lot {lot_number} to batch {number}</source>
        <translation>已从物料批 {lot_number} 向批次 {number} 发放 {value} {item_code}</translation>
    </message>
    <message>
        <source>returned {value} of {item_code} from batch {number} to lot {lot_number}</source>
        <translation>已从批次 {number} 向物料批 {lot_number} 退回 {value} {item_code}</translation>
    </message>
    <message>
        <source>batch {batch_number}</source>
        <translation>批次 {batch_number}</translation>
    </message>
    <message>
        <source>master record</source>
        <translation>主批记录</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source> (held from {status})</source>
        <translation>（自{status}冻结）</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>{quantity} at {time}</source>
        <translation>{quantity}，{time}</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>produced</source>
        <translation>产出</translation>
    </message>
    <message>
        <source>
bill of materials:</source>
        <translation>
物料清单：</translation>
    </message>
    <message>
        <source>ITEM</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>REQUIRED</source>
        <translation>需求量</translation>
    </message>
    <message>
        <source>ALLOWED</source>
        <translation>允许范围</translation>
    </message>
    <message>
        <source>ISSUED</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>
material movements:</source>
        <translation>
物料移动：</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>LOT</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>QUANTITY</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>BY</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>
finished lots:</source>
        <translation>
成品物料批：</translation>
    </message>
    <message>
        <source>the dashboard: batches by status, release lead time, right first time, open deviations and CAPA by age, lots near expiry, trace and recall response</source>
        <translation>仪表板：按状态统计的批次、放行周期、一次合格率、按时长统计的未关闭偏差和纠正预防措施、临近有效期的物料批、追溯和召回响应</translation>
    </message>
    <message>
        <source>aligned text (default) or JSON</source>
        <translation>对齐的文本（默认）或 JSON</translation>
    </message>
    <message>
        <source>the figures as of this day (default: today)</source>
        <translation>截至该日的数据（默认：今天）</translation>
    </message>
    <message>
        <source>do not time a trace (the figures only read; a trace reads the genealogy)</source>
        <translation>不计时追溯（数据只读取统计；追溯会读取谱系）</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Dashboard on {today} (release figures over the last {days} days)</source>
        <translation>{today} 的仪表板（放行数据为最近 {days} 天）</translation>
    </message>
    <message>
        <source>Batches by status</source>
        <translation>按状态统计的批次</translation>
    </message>
    <message>
        <source>BATCHES</source>
        <translation>批次数</translation>
    </message>
    <message>
        <source>Release lead time (completion to release)</source>
        <translation>放行周期（从完成到放行）</translation>
    </message>
    <message>
        <source>batches released</source>
        <translation>已放行批次</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <source>Right first time</source>
        <translation>一次合格率</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>released without a deviation</source>
        <translation>无偏差放行</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>release decisions</source>
        <translation>放行决定</translation>
    </message>
    <message>
        <source>Open deviations and CAPA by age</source>
        <translation>按时长统计的未关闭偏差和纠正预防措施</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>DEVIATIONS</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Lots in stock near expiry</source>
        <translation>临近有效期的库存物料批</translation>
    </message>
    <message>
        <source>expiring within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <source>expired, still in stock</source>
        <translation>已过期、仍有库存</translation>
    </message>
    <message>
        <source>ON HAND</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Trace and recall response</source>
        <translation>追溯和召回响应</translation>
    </message>
    <message>
        <source>no trace timed: no finished lot has been released</source>
        <translation>未计时追溯：尚无已放行的成品物料批</translation>
    </message>
    <message>
        <source>trace of {lot} just now: backward {backward} ({b_records} lines), forward {forward} ({f_records} lines)</source>
        <translation>刚才追溯 {lot}：反向追溯 {backward}（{b_records} 行），正向追溯 {forward}（{f_records} 行）</translation>
    </message>
    <message>
        <source>no recall has been closed yet</source>
        <translation>尚无已关闭的召回</translation>
    </message>
    <message>
        <source>recalls closed: {closed}, median time from opening to closing: {median}</source>
        <translation>已关闭的召回：{closed}，从发起到关闭的时间中位数：{median}</translation>
    </message>
    <message>
        <source>OPEN RECALL</source>
        <translation>未关闭的召回</translation>
    </message>
    <message>
        <source>AGE (DAYS)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <source>CUSTOMERS COMPLETED</source>
        <translation>已完成的客户</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>give a command (see &apos;{prog} --help&apos;); without arguments {prog} starts the desktop app</source>
        <translation>请给出命令（见“{prog} --help”）；不带参数时 {prog} 启动桌面应用</translation>
    </message>
    <message>
        <source>BatchTrace batch traceability: administration and integration commands.</source>
        <translation>BatchTrace 批次追溯：管理与集成命令。</translation>
    </message>
    <message>
        <source>Without a command, &apos;%(prog)s&apos; (optionally with --db URL) starts the desktop application. Passwords are asked for on a terminal, else read from standard input, one line each.</source>
        <translation>不带命令时，“%(prog)s”（可加 --db URL）启动桌面应用。密码在终端上询问，否则从标准输入读取，每行一个。</translation>
    </message>
    <message>
        <source>print the version of BatchTrace and exit</source>
        <translation>显示 BatchTrace 的版本并退出</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>database: sqlite:///PATH or postgresql://user@host[:port]/db (default: BATCHTRACE_DB, then the station settings, then SQLite in the user data folder)</source>
        <translation>数据库：sqlite:///PATH 或 postgresql://user@host[:port]/db（默认：BATCHTRACE_DB，其次为工作站设置，再次为用户数据文件夹中的 SQLite）</translation>
    </message>
    <message>
        <source>show the traceback of an unexpected error</source>
        <translation>显示意外错误的回溯信息</translation>
    </message>
    <message>
        <source>unknown number scope &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的编号范围“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>lot, batch, shipment and recall number rules</source>
        <translation>物料批、批次、发货和召回的编号规则</translation>
    </message>
    <message>
        <source>show each number rule with an example</source>
        <translation>显示每条编号规则及其示例</translation>
    </message>
    <message>
        <source>change a number rule, e.g. &apos;lot.RAW_MATERIAL&apos; &apos;R{yy}{doy}-{seq:04}&apos;; placeholders {item} {yyyy} {yy} {mm} {dd} {doy} {seq:0N}</source>
        <translation>更改编号规则，例如 &apos;lot.RAW_MATERIAL&apos; &apos;R{yy}{doy}-{seq:04}&apos;；占位符 {item} {yyyy} {yy} {mm} {dd} {doy} {seq:0N}</translation>
    </message>
    <message>
        <source>why the rule changes (kept in the audit trail)</source>
        <translation>更改规则的原因（记入审计追踪）</translation>
    </message>
    <message>
        <source>alerts raised by refused material issues</source>
        <translation>物料发放被拒时产生的警报</translation>
    </message>
    <message>
        <source>list the alerts nobody has acknowledged yet</source>
        <translation>列出尚无人确认的警报</translation>
    </message>
    <message>
        <source>acknowledge an alert, saying what was done about it</source>
        <translation>确认警报，并说明已采取的处理</translation>
    </message>
    <message>
        <source>alert number</source>
        <translation>警报编号</translation>
    </message>
    <message>
        <source>what was done (e.g. the deviation number)</source>
        <translation>已采取的处理（例如偏差编号）</translation>
    </message>
    <message>
        <source>SCOPE</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>PATTERN</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>EXAMPLE</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>a reason is required to change a number rule</source>
        <translation>更改编号规则需要原因</translation>
    </message>
    <message>
        <source>number rule {scope} is now {pattern} (next numbers look like {example})</source>
        <translation>编号规则 {scope} 现为 {pattern}（下一个编号形如 {example}）</translation>
    </message>
    <message>
        <source>ALERT</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>RAISED</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>say what was done about the alert</source>
        <translation>请说明对该警报采取了什么措施</translation>
    </message>
    <message>
        <source>alert {id} acknowledged</source>
        <translation>警报 {id} 已确认</translation>
    </message>
    <message>
        <source>&apos;{shown}&apos; is not LOT:QUANTITY, e.g. SYR5-26001-001:500</source>
        <translation>“{shown}”不是 物料批:数量 格式，例如 SYR5-26001-001:500</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>物料批号</translation>
    </message>
    <message>
        <source>record a shipment of released finished lots to a customer; prints the shipment number</source>
        <translation>记录一次向客户发运已放行成品物料批的发货；输出发货单号</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>a lot and the quantity shipped from it (repeat for several lots)</source>
        <translation>物料批及从中发出的数量（多个物料批时重复使用）</translation>
    </message>
    <message>
        <source>the ship date (default: today)</source>
        <translation>发货日期（默认：今天）</translation>
    </message>
    <message>
        <source>recalls</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>open a recall from a lot: freezes the forward trace, holds affected stock and batches, lists the customers to notify; prints the recall number</source>
        <translation>从物料批发起召回：固定正向追溯范围，冻结受影响的库存和批次，列出需通知的客户；输出召回编号</translation>
    </message>
    <message>
        <source>the trigger: what was found, by whom</source>
        <translation>触发原因：发现了什么，由谁发现</translation>
    </message>
    <message>
        <source>show a recall: customers, progress and the frozen scope</source>
        <translation>显示召回：客户、进度和已固定的范围</translation>
    </message>
    <message>
        <source>record a customer&apos;s progress: notified, confirmed, completed</source>
        <translation>记录客户的进度：已通知、已确认、已完成</translation>
    </message>
    <message>
        <source>recall progress</source>
        <translation>召回进度</translation>
    </message>
    <message>
        <source>quantity the customer returned so far</source>
        <translation>客户迄今退回的数量</translation>
    </message>
    <message>
        <source>what happened (kept in the audit trail)</source>
        <translation>发生了什么（记入审计追踪）</translation>
    </message>
    <message>
        <source>export a recall (customers and scope) to CSV</source>
        <translation>将召回（客户和范围）导出为 CSV</translation>
    </message>
    <message>
        <source>the file; its folder must exist</source>
        <translation>文件；其所在文件夹必须已存在</translation>
    </message>
    <message>
        <source>a recall needs its reason (what was found, by whom)</source>
        <translation>召回需要原因（发现了什么，由谁发现）</translation>
    </message>
    <message>
        <source>recall {recall_number}: customer {customer} is {value}; {done} of {total} customers completed</source>
        <translation>召回 {recall_number}：客户 {customer} {value}；{total} 个客户中已完成 {done} 个</translation>
    </message>
    <message>
        <source>recall {recall_number}</source>
        <translation>召回 {recall_number}</translation>
    </message>
    <message>
        <source>trigger lot</source>
        <translation>触发物料批</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>{done} of {total} customers completed</source>
        <translation>{total} 个客户中已完成 {done} 个</translation>
    </message>
    <message>
        <source>
customers to notify:</source>
        <translation>
需通知的客户：</translation>
    </message>
    <message>
        <source>CUSTOMER</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>SHIPMENTS</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>RETURNED</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>
scope at opening:</source>
        <translation>
发起时的范围：</translation>
    </message>
    <message>
        <source>DEPTH</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>KIND NUMBER</source>
        <translation>类型 编号</translation>
    </message>
    <message>
        <source>STATUS AT OPENING</source>
        <translation>发起时状态</translation>
    </message>
    <message>
        <source>{out} is a folder: give a file name such as recall.csv</source>
        <translation>{out} 是文件夹：请给出文件名，例如 recall.csv</translation>
    </message>
    <message>
        <source>exported recall {recall_number} ({count} customers, {count2} scope lines) to {out}</source>
        <translation>已将召回 {recall_number}（{count} 个客户，{count2} 行范围）导出到 {out}</translation>
    </message>
    <message>
        <source>the signatures each signed workflow transition needs at this site</source>
        <translation>本场所每个需签名的工作流操作所需的签名</translation>
    </message>
    <message>
        <source>list every signed transition and its signatures (defaults and site additions)</source>
        <translation>列出每个需签名的操作及其签名（默认签名和本场所添加的签名）</translation>
    </message>
    <message>
        <source>add a signature to a transition, e.g. &apos;lot:Quarantine-&gt;Released&apos;</source>
        <translation>为操作添加一个签名，例如 &apos;lot:Quarantine-&gt;Released&apos;</translation>
    </message>
    <message>
        <source>the signature&apos;s name, e.g. &apos;Second QA approval&apos;</source>
        <translation>签名的名称，例如“第二次 QA 批准”</translation>
    </message>
    <message>
        <source>a role that may give it (repeat for several)</source>
        <translation>可给出此签名的角色（多个时重复使用）</translation>
    </message>
    <message>
        <source>nobody who performed a production step of the record may give it (ACC-6)</source>
        <translation>执行过该记录生产步骤的人不得给出此签名（ACC-6）</translation>
    </message>
    <message>
        <source>the signer must write a comment</source>
        <translation>签名人必须填写备注</translation>
    </message>
    <message>
        <source>why the rule is tightened (kept in the audit trail)</source>
        <translation>收紧规则的原因（记入审计追踪）</translation>
    </message>
    <message>
        <source>withdraw a signature the site added (never a default)</source>
        <translation>撤销本场所添加的签名（默认签名不可撤销）</translation>
    </message>
    <message>
        <source>TRANSITION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>SIGNATURE</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>MEANING</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>ROLES</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>RULES</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>not a performer</source>
        <translation>非执行人</translation>
    </message>
    <message>
        <source>BatchTrace default</source>
        <translation>BatchTrace 默认</translation>
    </message>
    <message>
        <source>site</source>
        <translation>本场所</translation>
    </message>
    <message>
        <source>a label and a reason are required to add a signature</source>
        <translation>添加签名需要名称和原因</translation>
    </message>
    <message>
        <source>a reason is required to change the signing rules</source>
        <translation>更改签名规则需要原因</translation>
    </message>
    <message>
        <source>{message} (see &apos;{prog} --help&apos;)</source>
        <translation>{message}（见“{prog} --help”）</translation>
    </message>
    <message>
        <source>argument {argument}: {message}</source>
        <translation>参数 {argument}：{message}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {arguments}</source>
        <translation>无法识别的参数：{arguments}</translation>
    </message>
    <message>
        <source>the following arguments are required: {arguments}</source>
        <translation>缺少必填参数：{arguments}</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>无效的选项：{value}（可选：{choices}）</translation>
    </message>
    <message>
        <source>invalid value: {value}</source>
        <translation>无效的值：{value}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>选项不明确：{option} 可匹配 {matches}</translation>
    </message>
    <message>
        <source>not allowed with argument {argument}</source>
        <translation>不能与参数 {argument} 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments {arguments} is required</source>
        <translation>需要参数 {arguments} 之一</translation>
    </message>
    <message>
        <source>&quot;{name}&quot;</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>who you are (asks for the password)</source>
        <translation>以此用户身份操作（会询问密码）</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>accept four eyes</source>
        <translation>接受双人复核</translation>
    </message>
    <message>
        <source>action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>pytest args</source>
        <translation>pytest 参数</translation>
    </message>
    <message>
        <source>the batch record (device history record) of a batch</source>
        <translation>批次的批记录（器械历史记录）</translation>
    </message>
    <message>
        <source>the recall report: trigger, frozen scope, customers, progress</source>
        <translation>召回报告：触发原因、固定的范围、客户、进度</translation>
    </message>
    <message>
        <source>the deviation report with its CAPA</source>
        <translation>偏差报告及其纠正预防措施</translation>
    </message>
    <message>
        <source>the audit trail report of one record (TYPE:ID, e.g. lot:L-1) or of a time range (FROM..TO, dates or times)</source>
        <translation>单条记录（TYPE:ID，例如 lot:L-1）或一个时间范围（FROM..TO，日期或时间）的审计追踪报告</translation>
    </message>
    <message>
        <source>the certificate of analysis of a released lot</source>
        <translation>已放行物料批的检验报告书</translation>
    </message>
    <message>
        <source>the comparison of two versions (mbr:CODE:vOLD:vNEW or spec:CODE:vOLD:vNEW; also &apos;version diff --out&apos;)</source>
        <translation>两个版本的比较（mbr:CODE:vOLD:vNEW 或 spec:CODE:vOLD:vNEW；亦可用“version diff --out”）</translation>
    </message>
    <message>
        <source>batch records and reports as DOCX or PDF; verify an issued file</source>
        <translation>DOCX 或 PDF 格式的批记录和报告；验证已签发的文件</translation>
    </message>
    <message>
        <source>generate {document}; prints the document number</source>
        <translation>生成{document}；输出文件编号</translation>
    </message>
    <message>
        <source>the file to write; its ending picks the format, its folder must exist</source>
        <translation>要写入的文件；扩展名决定格式，其所在文件夹必须已存在</translation>
    </message>
    <message>
        <source>the document&apos;s language (default: the command line&apos;s, from LANG)</source>
        <translation>文件的语言（默认：命令行的语言，取自 LANG）</translation>
    </message>
    <message>
        <source>mark it UNCONTROLLED COPY (for information; default: CONTROLLED COPY)</source>
        <translation>标注为非受控副本（仅供参考；默认：受控副本）</translation>
    </message>
    <message>
        <source>recompute a document&apos;s SHA-256 and say whether BatchTrace issued exactly this file; exit 0 if so, 1 if not</source>
        <translation>重新计算文件的 SHA-256，并说明 BatchTrace 是否签发过与此完全相同的文件；是则退出码为 0，否则为 1</translation>
    </message>
    <message>
        <source>{number}: {out} (SHA-256 {file_sha256})</source>
        <translation>{number}：{out}（SHA-256 {file_sha256}）</translation>
    </message>
    <message>
        <source>NOT ISSUED: {file} (SHA-256 {file_sha256}) is not a document BatchTrace issued, or it was changed after it was issued</source>
        <translation>非签发文件：{file}（SHA-256 {file_sha256}）不是 BatchTrace 签发的文件，或签发后已被更改</translation>
    </message>
    <message>
        <source>ISSUED: {file} is document {number} exactly as BatchTrace issued it</source>
        <translation>已签发：{file} 即文件 {number}，与 BatchTrace 签发时完全一致</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>修订版</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>by</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>controlled</source>
        <translation>受控副本</translation>
    </message>
    <message>
        <source>uncontrolled</source>
        <translation>非受控副本</translation>
    </message>
    <message>
        <source>file SHA-256</source>
        <translation>文件 SHA-256</translation>
    </message>
    <message>
        <source>content SHA-256</source>
        <translation>内容 SHA-256</translation>
    </message>
    <message>
        <source>audit anchor</source>
        <translation>审计锚点</translation>
    </message>
    <message>
        <source>entry {seq}, hash {hash}</source>
        <translation>第 {seq} 条，哈希 {hash}</translation>
    </message>
    <message>
        <source>  signed ({meaning}) by {signer} at {signed_at}: {state}</source>
        <translation>  由 {signer} 于 {signed_at} 签名（{meaning}）：{state}</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>NOT VALID: made on other content</source>
        <translation>无效：签名所针对的内容不同</translation>
    </message>
    <message>
        <source>record id</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <source>record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>supplier lot</source>
        <translation>供应商批号</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>transition</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>user filter</source>
        <translation>用户筛选</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not set by hand: use one of {choices}</source>
        <translation>“{value}”不能手动设置：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>unknown {what} &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的{what}“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>standard input has no line for: {lower}</source>
        <translation>标准输入缺少此行：{lower}</translation>
    </message>
    <message>
        <source>{error}: change it first with &apos;{prog} user change-password --user {user_id}&apos; or in the desktop app</source>
        <translation>{error}：请先用“{prog} user change-password --user {user_id}”或在桌面应用中修改</translation>
    </message>
    <message>
        <source>no item {item}</source>
        <translation>没有物料 {item}</translation>
    </message>
    <message>
        <source>no supplier {supplier}</source>
        <translation>没有供应商 {supplier}</translation>
    </message>
    <message>
        <source>no customer {customer}</source>
        <translation>没有客户 {customer}</translation>
    </message>
    <message>
        <source>where it came from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>where it went</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>正向</translation>
    </message>
    <message>
        <source>trace a lot, batch, shipment or supplier lot backward to its materials and suppliers and forward to batches, finished lots and customers</source>
        <translation>追溯物料批、批次、发货或供应商批号：反向追溯到其物料和供应商，正向追溯到批次、成品物料批和客户</translation>
    </message>
    <message>
        <source>a lot, batch, shipment or supplier-lot number</source>
        <translation>物料批号、批次号、发货单号或供应商批号</translation>
    </message>
    <message>
        <source>backward, forward or both (default)</source>
        <translation>backward（反向）、forward（正向）或 both（双向，默认）</translation>
    </message>
    <message>
        <source>an indented tree (default), JSON, or CSV as the desktop app exports it</source>
        <translation>缩进树（默认）、JSON，或与桌面应用导出格式相同的 CSV</translation>
    </message>
    <message>
        <source>write the CSV to this file (implies --format csv)</source>
        <translation>将 CSV 写入此文件（相当于同时指定 --format csv）</translation>
    </message>
    <message>
        <source>find lots, batches, shipments and supplier lots by number (exact matches first, then numbers that start with TEXT)</source>
        <translation>按编号查找物料批、批次、发货和供应商批号（先列完全匹配的，再列以 TEXT 开头的编号）</translation>
    </message>
    <message>
        <source>--limit</source>
        <translation>--limit</translation>
    </message>
    <message>
        <source>at most this many (1 to 1000, default 20)</source>
        <translation>最多列出的条数（1 到 1000，默认 20）</translation>
    </message>
    <message>
        <source>--out writes a CSV file, not {form}</source>
        <translation>--out 写入 CSV 文件，而不是 {form}</translation>
    </message>
    <message>
        <source>{out} is a folder: give a file name such as trace.csv</source>
        <translation>{out} 是文件夹：请给出文件名，例如 trace.csv</translation>
    </message>
    <message>
        <source>exported the trace of {label} ({lines} lines) to {out}</source>
        <translation>已将 {label} 的追溯（{lines} 行）导出到 {out}</translation>
    </message>
    <message>
        <source>no lot, batch, shipment or supplier lot matches &apos;{strip}&apos;</source>
        <translation>没有与“{strip}”匹配的物料批、批次、发货或供应商批号</translation>
    </message>
    <message>
        <source>SUPPLIER LOT</source>
        <translation>供应商批号</translation>
    </message>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>{name} (see above)</source>
        <translation>{name}（见上文）</translation>
    </message>
    <message>
        <source> ({n} finished)</source>
        <translation>（{n} 个成品）</translation>
    </message>
    <message>
        <source>{n} batch</source>
        <translation>{n} 个批次</translation>
    </message>
    <message>
        <source>{n} batches</source>
        <translation>{n} 个批次</translation>
    </message>
    <message>
        <source>{n} lot</source>
        <translation>{n} 个物料批</translation>
    </message>
    <message>
        <source>{n} lots</source>
        <translation>{n} 个物料批</translation>
    </message>
    <message>
        <source>{n} shipment</source>
        <translation>{n} 次发货</translation>
    </message>
    <message>
        <source>{n} shipments</source>
        <translation>{n} 次发货</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>; suppliers {codes}</source>
        <translation>；供应商 {codes}</translation>
    </message>
    <message>
        <source>; customers {codes}</source>
        <translation>；客户 {codes}</translation>
    </message>
    <message>
        <source>shipped {date}</source>
        <translation>发货日期 {date}</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <source>supplier {supplier}</source>
        <translation>供应商 {supplier}</translation>
    </message>
    <message>
        <source>customer {customer}</source>
        <translation>客户 {customer}</translation>
    </message>
    <message>
        <source>{kind} {number}: {facts}</source>
        <translation>{kind} {number}：{facts}</translation>
    </message>
    <message>
        <source>{direction} trace ({what}): {summary}</source>
        <translation>{direction}追溯（{what}）：{summary}</translation>
    </message>
    <message>
        <source>SUPPLIER / LOT</source>
        <translation>供应商 / 供应商批号</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>user accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>add a user; on a database without users, the first administrator</source>
        <translation>添加用户；在尚无用户的数据库中，添加的是首位管理员</translation>
    </message>
    <message>
        <source>printed name, as on signed records</source>
        <translation>签署姓名，即签名记录上显示的姓名</translation>
    </message>
    <message>
        <source>a role (repeat for several): {roles}</source>
        <translation>角色（多个时重复使用）：{roles}</translation>
    </message>
    <message>
        <source>the site accepts that this person holds both halves of a four-eyes pair, because ...</source>
        <translation>本场所接受此人同时担任双人复核的双方，原因是……</translation>
    </message>
    <message>
        <source>list all users</source>
        <translation>列出所有用户</translation>
    </message>
    <message>
        <source>give a user a new set of roles; added signing roles wait for a second administrator&apos;s or QA&apos;s approval</source>
        <translation>为用户设置新的角色组合；新增的签名角色须等待另一名管理员或 QA 批准</translation>
    </message>
    <message>
        <source>a role (repeat for several)</source>
        <translation>角色（多个时重复使用）</translation>
    </message>
    <message>
        <source>list the signing roles waiting for approval</source>
        <translation>列出等待批准的签名角色</translation>
    </message>
    <message>
        <source>approve a pending grant of signing roles, signed with your password (another administrator or QA than the one who asked)</source>
        <translation>批准一项待批准的签名角色授权，以您的密码签名（须为申请人以外的另一名管理员或 QA）</translation>
    </message>
    <message>
        <source>grant number</source>
        <translation>授权编号</translation>
    </message>
    <message>
        <source>reject (or, who asked, withdraw) a pending grant</source>
        <translation>拒绝一项待批准的授权（申请人本人则为撤回）</translation>
    </message>
    <message>
        <source>deactivate a user (IDs are never deleted or reused)</source>
        <translation>停用用户（ID 永不删除或再用）</translation>
    </message>
    <message>
        <source>give a user a new temporary password</source>
        <translation>为用户设置新的临时密码</translation>
    </message>
    <message>
        <source>change your own password</source>
        <translation>更改您自己的密码</translation>
    </message>
    <message>
        <source>unlock an account locked after failed log-ins; a locked-out last administrator: with --database-owner, by whoever holds the database itself</source>
        <translation>解锁因登录失败而锁定的账户；被锁定的最后一名管理员：使用 --database-owner，由掌握数据库本身的人解锁</translation>
    </message>
    <message>
        <source>recover a locked-out last administrator as the database owner: on PostgreSQL connect with --db as the role that owns the tables (its password is asked); on SQLite, as the OS user who can write the file</source>
        <translation>以数据库所有者身份恢复被锁定的最后一名管理员：PostgreSQL 上用 --db 以拥有这些表的角色连接（会询问其密码）；SQLite 上以可写入该文件的操作系统用户运行</translation>
    </message>
    <message>
        <source>with --database-owner: your printed name, for the audit trail</source>
        <translation>配合 --database-owner：您的签署姓名，记入审计追踪</translation>
    </message>
    <message>
        <source>with --database-owner: also give the administrator a temporary password</source>
        <translation>配合 --database-owner：同时为该管理员设置临时密码</translation>
    </message>
    <message>
        <source>the database has users: adding one needs --user ID of an administrator</source>
        <translation>数据库中已有用户：添加用户需要用 --user ID 指定一名管理员</translation>
    </message>
    <message>
        <source>give the new user at least one --role</source>
        <translation>请至少为新用户指定一个 --role</translation>
    </message>
    <message>
        <source>added user {user_id} ({printed_name}) with role(s) {value}; the temporary password must be changed at the first log-in</source>
        <translation>已添加用户 {user_id}（{printed_name}），角色：{value}；首次登录时必须更改临时密码</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>{error}: give --accept-four-eyes REASON</source>
        <translation>{error}：请给出 --accept-four-eyes REASON</translation>
    </message>
    <message>
        <source>waiting for approval by a second administrator or QA: {list} (see &apos;{prog} user grants&apos;)</source>
        <translation>等待第二名管理员或 QA 批准：{list}（见“{prog} user grants”）</translation>
    </message>
    <message>
        <source>user {user_id} now holds: {value}</source>
        <translation>用户 {user_id} 现有角色：{value}</translation>
    </message>
    <message>
        <source>no role yet</source>
        <translation>暂无角色</translation>
    </message>
    <message>
        <source>GRANT</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>PRINTED NAME</source>
        <translation>签署姓名</translation>
    </message>
    <message>
        <source>ASKED BY</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ASKED AT</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>FOUR-EYES ACCEPTED</source>
        <translation>已接受双人复核</translation>
    </message>
    <message>
        <source>approved grant {grant}: {user_id} now holds {list}</source>
        <translation>已批准授权 {grant}：{user_id} 现有角色 {list}</translation>
    </message>
    <message>
        <source>rejected grant {id}: {user_id} does not get {list}</source>
        <translation>已拒绝授权 {id}：{user_id} 不获得 {list}</translation>
    </message>
    <message>
        <source>the database has no users yet: create the first administrator without --user</source>
        <translation>数据库中还没有用户：请不带 --user 创建第一位管理员</translation>
    </message>
    <message>
        <source>the first user is the administrator and gets the Administrator role only: add other users after</source>
        <translation>第一位用户是管理员，只具有管理员角色：其他用户请随后添加</translation>
    </message>
    <message>
        <source>created the first administrator {user_id} ({printed_name})</source>
        <translation>已创建首位管理员 {user_id}（{printed_name}）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>LOCKED</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>MUST CHANGE</source>
        <translation>须改密码</translation>
    </message>
    <message>
        <source>deactivated user {user_id} ({printed_name}); the ID is never reused</source>
        <translation>已停用用户 {user_id}（{printed_name}）；该 ID 永不再用</translation>
    </message>
    <message>
        <source>unlocking needs --user ID of an administrator (or --database-owner to recover a locked-out last administrator)</source>
        <translation>解锁需要用 --user ID 指定一名管理员（或用 --database-owner 恢复被锁定的最后一名管理员）</translation>
    </message>
    <message>
        <source>--name and --new-password go with --database-owner</source>
        <translation>--name 和 --new-password 须与 --database-owner 一起使用</translation>
    </message>
    <message>
        <source>unlocked user {user_id} ({printed_name})</source>
        <translation>已解锁用户 {user_id}（{printed_name}）</translation>
    </message>
    <message>
        <source>--database-owner acts as the database owner, not as a user: leave out --user</source>
        <translation>--database-owner 以数据库所有者身份操作，而不是以用户身份：请去掉 --user</translation>
    </message>
    <message>
        <source>--database-owner needs --name &quot;Your printed name&quot; for the audit trail</source>
        <translation>--database-owner 需要 --name &quot;您的签署姓名&quot;，以记入审计追踪</translation>
    </message>
    <message>
        <source>reset the password of {user_id}; it must be changed at the next log-in</source>
        <translation>已重置 {user_id} 的密码；下次登录时必须更改</translation>
    </message>
    <message>
        <source>changed the password of {user}</source>
        <translation>已更改 {user} 的密码</translation>
    </message>
    <message>
        <source>no OS keyring is available on this station (Windows Credential Manager, macOS Keychain or a Secret Service such as GNOME Keyring): BatchTrace will not store the password in a file</source>
        <translation>本工作站没有可用的操作系统密钥环（Windows 凭据管理器、macOS 钥匙串或 GNOME Keyring 等 Secret Service）：BatchTrace 不会将密码存入文件</translation>
    </message>
    <message>
        <source>the OS keyring refused to store the password: {error}</source>
        <translation>操作系统密钥环拒绝保存密码：{error}</translation>
    </message>
    <message>
        <source>{out} is a folder: give a file name such as export.csv</source>
        <translation>{out} 是文件夹：请给出文件名，例如 export.csv</translation>
    </message>
    <message>
        <source>cannot write {out}: {value}</source>
        <translation>无法写入 {out}：{value}</translation>
    </message>
    <message>
        <source>user {user_id} is {printed_name}, not the demo account: the demo site is recorded as the demo users, so it is loaded only where their IDs are free or theirs; nothing loaded</source>
        <translation>用户 {user_id} 是 {printed_name}，不是演示账户：演示现场以演示用户的身份记录，因此仅在这些 ID 空闲或属于他们时才加载；未加载任何内容</translation>
    </message>
    <message>
        <source>demo user {user_id} is {value}: the demo site is recorded as the demo users; nothing loaded</source>
        <translation>演示用户 {user_id} 为 {value}：演示现场以演示用户的身份记录；未加载任何内容</translation>
    </message>
    <message>
        <source>item RM-PC-01 has a specification that is not the demo&apos;s: the QC demo data is loaded only where the demo site is; nothing loaded</source>
        <translation>物料 RM-PC-01 已有非演示的质量标准：QC 演示数据只加载到演示工厂所在处；未加载任何内容</translation>
    </message>
    <message>
        <source>the database already has users: an administrator must log in to load demo data</source>
        <translation>数据库中已有用户：须由管理员登录后加载演示数据</translation>
    </message>
    <message>
        <source>the database already has {choices}{value} but not the complete demo site: load the demo site into a database without its codes; nothing loaded</source>
        <translation>数据库中已有 {choices}{value}，但不是完整的演示现场：请将演示现场加载到不含这些代码的数据库中；未加载任何内容</translation>
    </message>
    <message>
        <source>demo data: not enough {item} for {product}</source>
        <translation>演示数据：{product} 所需的 {item} 不足</translation>
    </message>
    <message>
        <source>unknown language &apos;{language}&apos;: use one of {choices}</source>
        <translation>未知的语言“{language}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>cancelling a print job needs a reason</source>
        <translation>取消打印任务需要原因</translation>
    </message>
    <message>
        <source>this station has no default label printer: choose one in the station settings</source>
        <translation>本工作站没有默认标签打印机：请在工作站设置中选择一台</translation>
    </message>
    <message>
        <source>this station has no printer named &apos;{wanted}&apos;</source>
        <translation>本工作站没有名为“{wanted}”的打印机</translation>
    </message>
    <message>
        <source>there is no label template {template}: use one of {choices}</source>
        <translation>没有标签模板 {template}：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>the label of lot {lot_number} was printed before (print job {id}): a reprint needs a reason</source>
        <translation>物料批 {lot_number} 的标签已打印过（打印任务 {id}）：重新打印需要原因</translation>
    </message>
    <message>
        <source>lot {lot_number} already has a label job that is {state} (print job {id}): retry it, or give a reason to print another</source>
        <translation>物料批 {lot_number} 已有状态为 {state} 的标签任务（打印任务 {id}）：请重试该任务，或给出原因另行打印</translation>
    </message>
    <message>
        <source>supplier&apos;s lot number</source>
        <translation>供应商批号</translation>
    </message>
    <message>
        <source>no item {item_code}</source>
        <translation>没有物料 {item_code}</translation>
    </message>
    <message>
        <source>no active supplier {supplier_code}</source>
        <translation>没有有效的供应商 {supplier_code}</translation>
    </message>
    <message>
        <source>lot {lot_number} expired on {expires_on} and is now blocked</source>
        <translation>物料批 {lot_number} 已于 {expires_on} 过期，现已冻结</translation>
    </message>
    <message>
        <source>a reason is required to change a record</source>
        <translation>更改记录需要原因</translation>
    </message>
    <message>
        <source>item {item_code} already exists</source>
        <translation>物料 {item_code} 已存在</translation>
    </message>
    <message>
        <source>GTIN {gtin} already belongs to another item</source>
        <translation>GTIN {gtin} 已属于另一物料</translation>
    </message>
    <message>
        <source>GTIN {wanted} already belongs to item {other_code}</source>
        <translation>GTIN {wanted} 已属于物料 {other_code}</translation>
    </message>
    <message>
        <source>supplier {supplier_code} already exists</source>
        <translation>供应商 {supplier_code} 已存在</translation>
    </message>
    <message>
        <source>no supplier {supplier_code}</source>
        <translation>没有供应商 {supplier_code}</translation>
    </message>
    <message>
        <source>supplier {supplier_code} is not on the list for {item_code}</source>
        <translation>供应商 {supplier_code} 不在 {item_code} 的合格供应商名单中</translation>
    </message>
    <message>
        <source>customer {customer_code} already exists</source>
        <translation>客户 {customer_code} 已存在</translation>
    </message>
    <message>
        <source>no customer {code}</source>
        <translation>没有客户 {code}</translation>
    </message>
    <message>
        <source>quantity per unit</source>
        <translation>单位用量</translation>
    </message>
    <message>
        <source>no master batch record {code} v{version}</source>
        <translation>没有主批记录 {code} v{version}</translation>
    </message>
    <message>
        <source>unknown number scope &apos;{scope}&apos;: use one of {choices}</source>
        <translation>未知的编号范围“{scope}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>the genealogy of the lot changed at another station while the recall was opened: open it again</source>
        <translation>打开召回期间，该物料批的谱系在另一工作站被更改：请重新打开</translation>
    </message>
    <message>
        <source>returned quantity</source>
        <translation>退回数量</translation>
    </message>
    <message>
        <source>customer {customer_code} is not in recall {recall_number}</source>
        <translation>客户 {customer_code} 不在召回 {recall_number} 中</translation>
    </message>
    <message>
        <source>a closing statement is required to close a recall</source>
        <translation>关闭召回需要结案说明</translation>
    </message>
    <message>
        <source>no recall {number}</source>
        <translation>没有召回 {number}</translation>
    </message>
    <message>
        <source>the label carries no quantity: enter the quantity received</source>
        <translation>标签上没有数量：请输入接收数量</translation>
    </message>
    <message>
        <source>the label carries no lot number: enter the supplier&apos;s lot number</source>
        <translation>标签上没有批号：请输入供应商批号</translation>
    </message>
    <message>
        <source>The scan is empty.</source>
        <translation>扫描内容为空。</translation>
    </message>
    <message>
        <source>The scanned label has no {value}.</source>
        <translation>扫描的标签上没有 {value}。</translation>
    </message>
    <message>
        <source>lot {lot_number} is already on this shipment</source>
        <translation>物料批 {lot_number} 已在本次发货中</translation>
    </message>
    <message>
        <source>lot {lot_number} is {status}: only Released lots are shipped</source>
        <translation>物料批 {lot_number} 为{status}：只能发运已放行的物料批</translation>
    </message>
    <message>
        <source>lot {lot_number} expired on {expires_on}</source>
        <translation>物料批 {lot_number} 已于 {expires_on} 过期</translation>
    </message>
    <message>
        <source>settings version {version} is not supported (expected {settings_version})</source>
        <translation>不支持设置版本 {version}（应为 {settings_version}）</translation>
    </message>
    <message>
        <source>settings must not hold a database password: use &apos;batchtrace db connect&apos;</source>
        <translation>设置中不得包含数据库密码：请使用“batchtrace db connect”</translation>
    </message>
    <message>
        <source>cannot read settings {path}: {error}</source>
        <translation>无法读取设置 {path}：{error}</translation>
    </message>
    <message>
        <source>settings {path} must hold a JSON object</source>
        <translation>设置 {path} 必须是 JSON 对象</translation>
    </message>
    <message>
        <source>settings {path}: unknown key(s) {choices}</source>
        <translation>设置 {path}：未知的键 {choices}</translation>
    </message>
    <message>
        <source>settings {path}: {error}</source>
        <translation>设置 {path}：{error}</translation>
    </message>
    <message>
        <source>a shipment needs at least one lot</source>
        <translation>发货至少需要一个物料批</translation>
    </message>
    <message>
        <source>no active customer {code}</source>
        <translation>没有有效的客户 {code}</translation>
    </message>
    <message>
        <source>{label} by {name}</source>
        <translation>{label}：{name}</translation>
    </message>
    <message>
        <source>{label} missing</source>
        <translation>{label}：未签</translation>
    </message>
    <message>
        <source>{applied} of {total} signatures: {parts}</source>
        <translation>{total} 个签名中已签 {applied} 个：{parts}</translation>
    </message>
    <message>
        <source>{record_type} {record_id}: {transition_name} needs no signatures</source>
        <translation>{record_type} {record_id}：{transition_name} 不需要签名</translation>
    </message>
    <message>
        <source>type your user ID and password: the first signing of a session needs both</source>
        <translation>请输入用户 ID 和密码：会话中的首次签名两者都需要</translation>
    </message>
    <message>
        <source>you are logged in as {user_id}: you sign only as yourself, never as &apos;{typed}&apos;</source>
        <translation>您以 {user_id} 身份登录：您只能以本人身份签名，不能以“{typed}”签名</translation>
    </message>
    <message>
        <source>no user &apos;{user_id}&apos;</source>
        <translation>没有用户“{user_id}”</translation>
    </message>
    <message>
        <source>releasing over failed release rules needs a justification: {failed}</source>
        <translation>在放行规则未通过的情况下放行需要说明理由：{failed}</translation>
    </message>
    <message>
        <source>the {label} needs a reason</source>
        <translation>{label}需要原因</translation>
    </message>
    <message>
        <source>the {transition} of {record_type} {record_id}</source>
        <translation>{record_type} {record_id} 的{transition}</translation>
    </message>
    <message>
        <source>unknown record type &apos;{record_type}&apos;: signed records are {choices}</source>
        <translation>未知的记录类型“{record_type}”：可签名的记录为 {choices}</translation>
    </message>
    <message>
        <source>no change request {record_id}</source>
        <translation>没有变更申请 {record_id}</translation>
    </message>
    <message>
        <source>no lot {record_id}</source>
        <translation>没有物料批 {record_id}</translation>
    </message>
    <message>
        <source>no batch {record_id}</source>
        <translation>没有批次 {record_id}</translation>
    </message>
    <message>
        <source>unknown change request status &apos;{text}&apos;</source>
        <translation>未知的变更申请状态“{text}”</translation>
    </message>
    <message>
        <source>requested change {number} (nobody approves their own change)</source>
        <translation>提出了变更申请 {number}（任何人不得批准自己的变更）</translation>
    </message>
    <message>
        <source>no signed transition &apos;{transition_key}&apos;: choose from {keys}</source>
        <translation>没有需签名的状态转换“{transition_key}”：请从 {keys} 中选择</translation>
    </message>
    <message>
        <source>{key} already needs a signature named &apos;{label}&apos;: choose another name</source>
        <translation>{key} 已有名为“{label}”的签名要求：请另选名称</translation>
    </message>
    <message>
        <source>the {label} of {transition_key} is a BatchTrace default: site rules can add signatures, never remove the defaults</source>
        <translation>{transition_key} 的{label}是 BatchTrace 默认要求：现场规则可以增加签名，但不能删除默认签名</translation>
    </message>
    <message>
        <source>{transition_key} has no site signature &apos;{requirement_key}&apos;</source>
        <translation>{transition_key} 没有现场签名要求“{requirement_key}”</translation>
    </message>
    <message>
        <source>devices.json: printer &apos;{printer_name}&apos;: there is no label template {template}: use one of {choices}</source>
        <translation>devices.json：打印机“{printer_name}”：没有标签模板 {template}：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>there is no label template {template_id}</source>
        <translation>没有标签模板 {template_id}</translation>
    </message>
    <message>
        <source>print job {job_id} is not in this station&apos;s queue (it was queued at another station or before the last start): print the label again, with a reason</source>
        <translation>打印任务 {job_id} 不在本工作站的队列中（它在另一工作站或上次启动前排队）：请给出原因重新打印标签</translation>
    </message>
    <message>
        <source>print job {id} of this session has no journal entry</source>
        <translation>本次会话的打印任务 {id} 没有日志条目</translation>
    </message>
    <message>
        <source>{open_jobs} print job(s) are still open: let them print or cancel them first</source>
        <translation>仍有 {open_jobs} 个打印任务未完成：请先让其打印或取消</translation>
    </message>
    <message>
        <source>transport tcp needs host:port such as 192.168.1.50:9100, not &apos;{target}&apos;</source>
        <translation>tcp 传输需要 host:port，例如 192.168.1.50:9100，而不是“{target}”</translation>
    </message>
    <message>
        <source>this station has no printer named &apos;{name}&apos;</source>
        <translation>本工作站没有名为“{name}”的打印机</translation>
    </message>
    <message>
        <source>{where}: version {version} is not supported (expected {devices_version})</source>
        <translation>{where}：不支持版本 {version}（应为 {devices_version}）</translation>
    </message>
    <message>
        <source>{where}: two printers are named &apos;{printer_name}&apos;</source>
        <translation>{where}：有两台打印机都名为“{printer_name}”</translation>
    </message>
    <message>
        <source>{where}: the default printer &apos;{default_printer}&apos; is not one of the printers</source>
        <translation>{where}：默认打印机“{default_printer}”不在打印机列表中</translation>
    </message>
    <message>
        <source>{where}: scanners.wedge.max_interkey_ms must be between 5 and 200</source>
        <translation>{where}：scanners.wedge.max_interkey_ms 必须在 5 到 200 之间</translation>
    </message>
    <message>
        <source>{where}: scanners.wedge.min_length must be between 1 and 100</source>
        <translation>{where}：scanners.wedge.min_length 必须在 1 到 100 之间</translation>
    </message>
    <message>
        <source>{where}: scanners.wedge.{name} may have at most 8 characters</source>
        <translation>{where}：scanners.wedge.{name} 最多 8 个字符</translation>
    </message>
    <message>
        <source>{where}: scanners.hid_pos.{name} must be between 0x0000 and 0xFFFF</source>
        <translation>{where}：scanners.hid_pos.{name} 必须在 0x0000 到 0xFFFF 之间</translation>
    </message>
    <message>
        <source>{where}: scanners.hid_pos.product_id needs the vendor_id too</source>
        <translation>{where}：scanners.hid_pos.product_id 还需要 vendor_id</translation>
    </message>
    <message>
        <source>{where}: a printer needs a name of 1 to 80 characters without outer spaces</source>
        <translation>{where}：打印机名称须为 1 到 80 个字符，且首尾无空格</translation>
    </message>
    <message>
        <source>{where}: language must be {choices}, not &apos;{language}&apos;</source>
        <translation>{where}：语言必须是 {choices}，而不是“{language}”</translation>
    </message>
    <message>
        <source>{where}: dpi must be one of {choices}, not {dpi}</source>
        <translation>{where}：dpi 必须是 {choices} 之一，而不是 {dpi}</translation>
    </message>
    <message>
        <source>{where}: {name}: {error}</source>
        <translation>{where}：{name}：{error}</translation>
    </message>
    <message>
        <source>{where}: transport kind must be one of {choices}, not &apos;{kind}&apos;</source>
        <translation>{where}：传输类型必须是 {choices} 之一，而不是“{kind}”</translation>
    </message>
    <message>
        <source>a device path</source>
        <translation>设备路径</translation>
    </message>
    <message>
        <source>a print queue name</source>
        <translation>打印队列名称</translation>
    </message>
    <message>
        <source>a file path</source>
        <translation>文件路径</translation>
    </message>
    <message>
        <source>{where}: transport {kind} needs {what}</source>
        <translation>{where}：{kind} 传输需要 {what}</translation>
    </message>
    <message>
        <source>{where}: {error}</source>
        <translation>{where}：{error}</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{where}: printers must be a list</source>
        <translation>{where}：printers 必须是列表</translation>
    </message>
    <message>
        <source>{where} must be a JSON object</source>
        <translation>{where} 必须是 JSON 对象</translation>
    </message>
    <message>
        <source>{where}: unknown key(s) {choices}</source>
        <translation>{where}：未知的键 {choices}</translation>
    </message>
    <message>
        <source>{where}: {name} must be {type_names}, not {dumps}</source>
        <translation>{where}：{name} 必须是 {type_names}，而不是 {dumps}</translation>
    </message>
    <message>
        <source>{where} must be a number such as 1504 or &quot;0x05e0&quot;, not {dumps}</source>
        <translation>{where} 必须是数字，例如 1504 或 &quot;0x05e0&quot;，而不是 {dumps}</translation>
    </message>
    <message>
        <source>direction must be forward, backward or both, not &apos;{direction}&apos;</source>
        <translation>方向必须是 forward、backward 或 both，而不是“{direction}”</translation>
    </message>
    <message>
        <source>a page of children starts at 0 or later and holds at least one</source>
        <translation>子项分页须从 0 或之后开始，且至少包含一项</translation>
    </message>
    <message>
        <source>a scope is forward or backward, not &apos;{direction}&apos;</source>
        <translation>追溯范围为 forward 或 backward，而不是“{direction}”</translation>
    </message>
    <message>
        <source>give a lot, batch or shipment number</source>
        <translation>请给出物料批号、批次号或发货单号</translation>
    </message>
    <message>
        <source>&apos;{number}&apos; matches several records ({found}): give the exact lot or batch number</source>
        <translation>“{number}”匹配多条记录（{found}）：请给出准确的物料批号或批次号</translation>
    </message>
    <message>
        <source>no lot, batch, shipment or supplier lot &apos;{number}&apos;</source>
        <translation>没有物料批、批次、发货或供应商批号“{number}”</translation>
    </message>
    <message>
        <source>wrong user ID or password, or the account is locked or deactivated: if it keeps failing, ask an administrator</source>
        <translation>用户 ID 或密码错误，或账户已锁定或停用：如持续失败，请联系管理员</translation>
    </message>
    <message>
        <source>a reason is required for this change</source>
        <translation>此更改需要原因</translation>
    </message>
    <message>
        <source>the first administrator already exists: log in as an administrator to add users</source>
        <translation>第一位管理员已存在：请以管理员身份登录后添加用户</translation>
    </message>
    <message>
        <source>user ID &apos;{uid}&apos; already exists ({state}): user IDs are never reused</source>
        <translation>用户 ID“{uid}”已存在（{state}）：用户 ID 永不重复使用</translation>
    </message>
    <message>
        <source>wrong password: account &apos;{user_id}&apos; is now locked; an administrator must unlock it</source>
        <translation>密码错误：账户“{user_id}”现已锁定；须由管理员解锁</translation>
    </message>
    <message>
        <source>wrong user ID or password: 1 try left before the account locks</source>
        <translation>用户 ID 或密码错误：账户锁定前还剩 1 次尝试机会</translation>
    </message>
    <message>
        <source>wrong user ID or password: {remaining} tries left before the account locks</source>
        <translation>用户 ID 或密码错误：账户锁定前还剩 {remaining} 次尝试机会</translation>
    </message>
    <message>
        <source>{printed_name} ({user_id}) may not decide role grants: an administrator or QA does</source>
        <translation>{printed_name}（{user_id}）无权决定角色授予：应由管理员或 QA 决定</translation>
    </message>
    <message>
        <source>no role grant {id}</source>
        <translation>没有角色授予 {id}</translation>
    </message>
    <message>
        <source>user &apos;{user_id}&apos; is deactivated</source>
        <translation>用户“{user_id}”已停用</translation>
    </message>
    <message>
        <source>you cannot deactivate your own account</source>
        <translation>您不能停用自己的账户</translation>
    </message>
    <message>
        <source>&apos;{user_id}&apos; is the last active administrator: keep at least one</source>
        <translation>“{user_id}”是最后一位在用的管理员：至少保留一位</translation>
    </message>
    <message>
        <source>&apos;{user_id}&apos; is not an active administrator: the database owner&apos;s recovery is only for a locked-out last administrator</source>
        <translation>“{user_id}”不是有效的管理员：数据库所有者的恢复仅用于被锁定的最后一名管理员</translation>
    </message>
    <message>
        <source>administrator {names} can unlock &apos;{user_id}&apos;: the database owner&apos;s recovery is only for a locked-out last administrator</source>
        <translation>管理员 {names} 可以解锁“{user_id}”：数据库所有者的恢复仅用于被锁定的最后一名管理员</translation>
    </message>
    <message>
        <source>the alert is already acknowledged</source>
        <translation>该警报已确认</translation>
    </message>
    <message>
        <source>scan times must be timezone-aware</source>
        <translation>扫描时间必须带时区</translation>
    </message>
    <message>
        <source>&apos;{yymmdd}&apos; is not a date in the form YYMMDD</source>
        <translation>“{yymmdd}”不是 YYMMDD 格式的日期</translation>
    </message>
    <message>
        <source>&apos;{yymmdd}&apos; has month {month:02d}</source>
        <translation>“{yymmdd}”的月份为 {month:02d}</translation>
    </message>
    <message>
        <source>&apos;{yymmdd}&apos; has day {day:02d}, but {year}-{month:02d} has {last_day} days</source>
        <translation>“{yymmdd}”的日为 {day:02d}，但 {year}-{month:02d} 只有 {last_day} 天</translation>
    </message>
    <message>
        <source>the {name} &apos;{element}&apos; must have 1 to {limit} characters for GS1 ({ai})</source>
        <translation>{name}“{element}”必须为 1 到 {limit} 个字符才能用于 GS1（{ai}）</translation>
    </message>
    <message>
        <source>the {name} &apos;{element}&apos; contains {shown}, which GS1 barcodes cannot carry</source>
        <translation>{name}“{element}”包含 {shown}，GS1 条码无法承载</translation>
    </message>
    <message>
        <source>the quantity &apos;{element}&apos; must be 1 to 8 digits for GS1 ({ai})</source>
        <translation>数量“{element}”必须为 1 到 8 位数字才能用于 GS1（{ai}）</translation>
    </message>
    <message>
        <source>unknown batch status &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的批次状态“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>submit to QC</source>
        <translation>提交 QC</translation>
    </message>
    <message>
        <source>pass to QA review</source>
        <translation>转交 QA 审核</translation>
    </message>
    <message>
        <source>release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>put on hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>生产中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>QC testing</source>
        <translation>QC 检验</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>已召回</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>master batch record {label} is {lower}: plan from the effective version</source>
        <translation>主批记录 {label} 为{lower}：请从生效版本计划</translation>
    </message>
    <message>
        <source>the planned quantity must be greater than zero</source>
        <translation>计划数量必须大于零</translation>
    </message>
    <message>
        <source>batch {batch_number} was held from {held}: it can only resume there</source>
        <translation>批次 {batch_number} 是从 {held} 冻结的：只能在该处恢复</translation>
    </message>
    <message>
        <source>batch {batch_number} is {status}: material is issued in production</source>
        <translation>批次 {batch_number} 为{status}：物料在生产中发放</translation>
    </message>
    <message>
        <source>item {item_code} (lot {lot_number}) is not in the bill of materials of {label}</source>
        <translation>物料 {item_code}（物料批 {lot_number}）不在 {label} 的物料清单中</translation>
    </message>
    <message>
        <source>lot {lot_number} has only {on_hand} {unit} available, {quantity} requested</source>
        <translation>物料批 {lot_number} 仅有 {on_hand} {unit} 可用，请求 {quantity}</translation>
    </message>
    <message>
        <source>issuing {quantity} {unit} of {item_code} brings the batch to {value}, above the {high} allowed ({required_for} ±{tolerance_pct}%)</source>
        <translation>发放 {quantity} {unit} {item_code} 将使批次达到 {value}，超过允许的 {high}（{required_for} ±{tolerance_pct}%）</translation>
    </message>
    <message>
        <source>batch {batch_number} is {status}: returns happen in production</source>
        <translation>批次 {batch_number} 为{status}：退料在生产中进行</translation>
    </message>
    <message>
        <source>only {issued_from_lot} of lot {lot_number} is issued to batch {batch_number}; cannot return {quantity}</source>
        <translation>物料批 {lot_number} 只有 {issued_from_lot} 发放到批次 {batch_number}；无法退回 {quantity}</translation>
    </message>
    <message>
        <source>the produced quantity must be greater than zero</source>
        <translation>产出数量必须大于零</translation>
    </message>
    <message>
        <source>batch {batch_number} cannot complete: material outside tolerance: {s}</source>
        <translation>批次 {batch_number} 无法完成：物料超出允差：{s}</translation>
    </message>
    <message>
        <source>a GTIN body has digits only, got {body!r}</source>
        <translation>GTIN 主体只能包含数字，收到的是 {body!r}</translation>
    </message>
    <message>
        <source>GTIN &apos;{value}&apos; must contain digits only</source>
        <translation>GTIN“{value}”只能包含数字</translation>
    </message>
    <message>
        <source>GTIN &apos;{value}&apos; has {count} digits: a GTIN has 8, 12, 13 or 14</source>
        <translation>GTIN“{value}”有 {count} 位：GTIN 应为 8、12、13 或 14 位</translation>
    </message>
    <message>
        <source>GTIN &apos;{value}&apos; has check digit {value2}, expected {expected}</source>
        <translation>GTIN“{value}”的校验位为 {value2}，应为 {expected}</translation>
    </message>
    <message>
        <source>Raw material</source>
        <translation>原料</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包装材料</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>中间品</translation>
    </message>
    <message>
        <source>Finished device</source>
        <translation>成品器械</translation>
    </message>
    <message>
        <source>unknown item type &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的物料类型“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>invalid {what} code &apos;{shown}&apos;: 1-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>无效的{what}代码“{shown}”：1-32 个字母、数字、“.”、“_”或“-”，以字母或数字开头</translation>
    </message>
    <message>
        <source>{what} name</source>
        <translation>{what}名称</translation>
    </message>
    <message>
        <source>shelf life must be between 1 and 36500 days</source>
        <translation>保质期必须在 1 到 36500 天之间</translation>
    </message>
    <message>
        <source>finished device {code} needs a GTIN (UDI device identifier)</source>
        <translation>成品器械 {code} 需要 GTIN（UDI 器械标识）</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>取消资格</translation>
    </message>
    <message>
        <source>the approval is already {status}</source>
        <translation>该批准已是{status}</translation>
    </message>
    <message>
        <source>unknown lot status &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的物料批状态“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>已耗用</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>产出</translation>
    </message>
    <message>
        <source>release from hold</source>
        <translation>解除冻结并放行</translation>
    </message>
    <message>
        <source>return to quarantine</source>
        <translation>退回隔离</translation>
    </message>
    <message>
        <source>expire</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>consume</source>
        <translation>耗用</translation>
    </message>
    <message>
        <source>return to stock</source>
        <translation>退回库存</translation>
    </message>
    <message>
        <source>lot {lot_number} expired on {expires_on}: it cannot be released</source>
        <translation>物料批 {lot_number} 已于 {expires_on} 过期：不能放行</translation>
    </message>
    <message>
        <source>lot {lot_number} is {status}, not Released</source>
        <translation>物料批 {lot_number} 为{status}，不是已放行</translation>
    </message>
    <message>
        <source>lot {lot_number}: returning {quantity} would exceed the {quantity2} received</source>
        <translation>物料批 {lot_number}：退回 {quantity} 将超过接收的 {quantity2}</translation>
    </message>
    <message>
        <source>item {item_code} is inactive</source>
        <translation>物料 {item_code} 已停用</translation>
    </message>
    <message>
        <source>item {item_code} is a {lower}: it is produced, not received</source>
        <translation>物料 {item_code} 是{lower}：它是生产的，不是接收的</translation>
    </message>
    <message>
        <source>supplier {supplier_code} is {state} for item {item_code}: receipt refused</source>
        <translation>供应商 {supplier_code} 对物料 {item_code} 为{state}：拒绝接收</translation>
    </message>
    <message>
        <source>manufacture date {manufactured_on} is after the receipt date {received_on}</source>
        <translation>生产日期 {manufactured_on} 晚于接收日期 {received_on}</translation>
    </message>
    <message>
        <source>expiry {expires_on} is not after the manufacture date {manufactured_on}</source>
        <translation>有效期 {expires_on} 不晚于生产日期 {manufactured_on}</translation>
    </message>
    <message>
        <source>expiry {expires_on} is before the receipt date {received_on}: receipt refused</source>
        <translation>有效期 {expires_on} 早于接收日期 {received_on}：拒绝接收</translation>
    </message>
    <message>
        <source>item {item_code} has a shelf life: give the expiry or the manufacture date</source>
        <translation>物料 {item_code} 有保质期：请给出有效期或生产日期</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>BOM line {line_no}: quantity per unit must be greater than zero</source>
        <translation>物料清单第 {line_no} 行：单位用量必须大于零</translation>
    </message>
    <message>
        <source>BOM line {line_no}: tolerance must be between 0 and 50 %</source>
        <translation>物料清单第 {line_no} 行：允差必须在 0 到 50 % 之间</translation>
    </message>
    <message>
        <source>item {product_code} is a {lower}: a master batch record makes a finished device or an intermediate</source>
        <translation>物料 {product_code} 是{lower}：主批记录用于生产成品器械或中间品</translation>
    </message>
    <message>
        <source>master batch record {label} is {lower}: it cannot change</source>
        <translation>主批记录 {label} 为{lower}：不能更改</translation>
    </message>
    <message>
        <source>{component_code} cannot be a component of itself</source>
        <translation>{component_code} 不能是其自身的组件</translation>
    </message>
    <message>
        <source>{component_code} is a finished device: it cannot be a component</source>
        <translation>{component_code} 是成品器械：不能作为组件</translation>
    </message>
    <message>
        <source>{component_code} is already in the bill of materials of {label}</source>
        <translation>{component_code} 已在 {label} 的物料清单中</translation>
    </message>
    <message>
        <source>{label}: the next step is number {value}</source>
        <translation>{label}：下一个步骤的编号是 {value}</translation>
    </message>
    <message>
        <source>{label} has no step {step_no}</source>
        <translation>{label} 没有步骤 {step_no}</translation>
    </message>
    <message>
        <source>master batch record {label} is {lower}: it cannot become {target}</source>
        <translation>主批记录 {label} 为{lower}：不能变为{target}</translation>
    </message>
    <message>
        <source>master batch record {label} is {lower}: only the effective version is retired</source>
        <translation>主批记录 {label} 为{lower}：只有生效版本才能停用</translation>
    </message>
    <message>
        <source>master batch record {label} has no bill of materials</source>
        <translation>主批记录 {label} 没有物料清单</translation>
    </message>
    <message>
        <source>the pattern is unchanged</source>
        <translation>模式未改变</translation>
    </message>
    <message>
        <source>sequence numbers start at 1</source>
        <translation>序号从 1 开始</translation>
    </message>
    <message>
        <source>number rule &apos;{pattern}&apos; ran out of numbers: sequence {seq} needs more than {width} digits; widen the rule</source>
        <translation>编号规则“{pattern}”的编号已用完：序号 {seq} 需要超过 {width} 位；请加宽规则</translation>
    </message>
    <message>
        <source>number &apos;{number}&apos; is longer than {max_number_length} characters</source>
        <translation>编号“{number}”超过 {max_number_length} 个字符</translation>
    </message>
    <message>
        <source>a number pattern must have 1 to 80 characters</source>
        <translation>编号模式必须为 1 到 80 个字符</translation>
    </message>
    <message>
        <source>unknown placeholder {{{field}}} in &apos;{pattern}&apos;: use {known}</source>
        <translation>“{pattern}”中有未知占位符 {{{field}}}：请使用 {known}</translation>
    </message>
    <message>
        <source>only {{seq}} takes a width, not {{{field}}}, in &apos;{pattern}&apos;</source>
        <translation>“{pattern}”中只有 {{seq}} 可以指定宽度，{{{field}}} 不可以</translation>
    </message>
    <message>
        <source>a number pattern needs exactly one {{seq}} placeholder; &apos;{pattern}&apos; has {seqs}</source>
        <translation>编号模式需要恰好一个 {{seq}} 占位符；“{pattern}”有 {seqs} 个</translation>
    </message>
    <message>
        <source>character &apos;{bad}&apos; is not allowed in number pattern &apos;{pattern}&apos; (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;/&apos;, &apos;-&apos; and placeholders in braces)</source>
        <translation>编号模式“{pattern}”中不允许字符“{bad}”（可用字母、数字、“.”、“_”、“/”、“-”和花括号中的占位符）</translation>
    </message>
    <message>
        <source>the number rule needs a value for {{{field}}}</source>
        <translation>编号规则需要 {{{field}}} 的值</translation>
    </message>
    <message>
        <source>copies must be between 1 and {max_copies}, not {copies}</source>
        <translation>份数必须在 1 到 {max_copies} 之间，而不是 {copies}</translation>
    </message>
    <message>
        <source>&apos;{template_id}&apos; is not a label template name with its version, such as &apos;udi-device@v1&apos;</source>
        <translation>“{template_id}”不是带版本的标签模板名称，例如“udi-device@v1”</translation>
    </message>
    <message>
        <source>a reprint needs a reason</source>
        <translation>重新打印需要原因</translation>
    </message>
    <message>
        <source>print job {id} is {state}: it cannot become {target}</source>
        <translation>打印任务 {id} 为{state}：不能变为{target}</translation>
    </message>
    <message>
        <source>unknown unit &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的单位“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>unit {source} does not fit an item kept in {target} ({dim_s} is not {dim_t})</source>
        <translation>单位 {source} 不适用于以 {target} 计量的物料（{dim_s} 不是 {dim_t}）</translation>
    </message>
    <message>
        <source>{what} &apos;{value}&apos; is not a number</source>
        <translation>{what}“{value}”不是数字</translation>
    </message>
    <message>
        <source>{what} must be greater than zero</source>
        <translation>{what}必须大于零</translation>
    </message>
    <message>
        <source>{what} has more than 6 decimal places</source>
        <translation>{what}的小数位超过 6 位</translation>
    </message>
    <message>
        <source>{what} must be between 0 and 100 %</source>
        <translation>{what}必须在 0 到 100 % 之间</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>recall {recall_number} is already closed</source>
        <translation>召回 {recall_number} 已关闭</translation>
    </message>
    <message>
        <source>recall {recall_number} cannot close: customers not completed: {choices}</source>
        <translation>召回 {recall_number} 无法关闭：以下客户尚未完成：{choices}</translation>
    </message>
    <message>
        <source>customer {customer_code}: cannot go from {status} to {target}</source>
        <translation>客户 {customer_code}：不能从{status}变为{target}</translation>
    </message>
    <message>
        <source>returned quantity must be between 0 and {quantity}</source>
        <translation>退回数量必须在 0 到 {quantity} 之间</translation>
    </message>
    <message>
        <source>stock put on hold</source>
        <translation>库存已冻结</translation>
    </message>
    <message>
        <source>none (no stock)</source>
        <translation>无（无库存）</translation>
    </message>
    <message>
        <source>batch recalled</source>
        <translation>批次已召回</translation>
    </message>
    <message>
        <source>batch put on hold</source>
        <translation>批次已冻结</translation>
    </message>
    <message>
        <source>notify customer</source>
        <translation>通知客户</translation>
    </message>
    <message>
        <source>ship date {shipped_on} is in the future</source>
        <translation>发货日期 {shipped_on} 在未来</translation>
    </message>
    <message>
        <source>lot {lot_number} is already on shipment {shipment_number}</source>
        <translation>物料批 {lot_number} 已在发货 {shipment_number} 中</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>{duty} ({first} + {second})</source>
        <translation>{duty}（{first} + {second}）</translation>
    </message>
    <message>
        <source>QC testing and the release it supports</source>
        <translation>QC 检验及其支持的放行</translation>
    </message>
    <message>
        <source>QC results and their QA review</source>
        <translation>QC 结果及其 QA 审核</translation>
    </message>
    <message>
        <source>QA review and release</source>
        <translation>QA 审核与放行</translation>
    </message>
    <message>
        <source>making a batch and releasing it</source>
        <translation>生产批次并将其放行</translation>
    </message>
    <message>
        <source>performing production steps and reviewing them</source>
        <translation>执行生产步骤并对其审核</translation>
    </message>
    <message>
        <source>&apos;{user_id}&apos; would hold both halves of a four-eyes pair: {pairs}. The site must accept this with a reason</source>
        <translation>“{user_id}”将同时担任双人复核的两方：{pairs}。场所必须给出原因予以接受</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>已实施</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>unknown record type &apos;{text}&apos;: a change names &apos;mbr&apos; or &apos;spec&apos; versions</source>
        <translation>未知的记录类型“{text}”：变更申请只能指定“mbr”或“spec”的版本</translation>
    </message>
    <message>
        <source>Make effective</source>
        <translation>使生效</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Second approval</source>
        <translation>第二批准</translation>
    </message>
    <message>
        <source>submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>implement</source>
        <translation>实施</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{label} is {status}: a change request makes a draft effective</source>
        <translation>{label} 为{status}：变更申请只能使草稿生效</translation>
    </message>
    <message>
        <source>{label} is {status}: only the effective version can be retired</source>
        <translation>{label} 为{status}：只有生效版本才能停用</translation>
    </message>
    <message>
        <source>the effective date {effective_on} is in the past</source>
        <translation>生效日期 {effective_on} 已过</translation>
    </message>
    <message>
        <source>a change request&apos;s title</source>
        <translation>变更申请的标题</translation>
    </message>
    <message>
        <source>the reason for the change</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <source>change request {number} names no version: add the drafts it makes effective or the versions it retires</source>
        <translation>变更申请 {number} 未指定任何版本：请添加要生效的草稿或要停用的版本</translation>
    </message>
    <message>
        <source>change request {number} is {status}: it is implemented once approved</source>
        <translation>变更申请 {number} 为{status}：批准后才能实施</translation>
    </message>
    <message>
        <source>change request {number} takes effect on {effective_on}: it cannot be implemented before</source>
        <translation>变更申请 {number} 于 {effective_on} 生效：在此之前不能实施</translation>
    </message>
    <message>
        <source>{label} is already in open change request {open_number}: finish or cancel it first</source>
        <translation>{label} 已在未关闭的变更申请 {open_number} 中：请先完成或取消该申请</translation>
    </message>
    <message>
        <source>a role grant is for signing roles only</source>
        <translation>角色授予仅适用于签名角色</translation>
    </message>
    <message>
        <source>role grant {id} is already {status}</source>
        <translation>角色授予 {id} 已为{status}</translation>
    </message>
    <message>
        <source>you cannot decide a grant of roles to yourself</source>
        <translation>您不能决定授予您自己的角色</translation>
    </message>
    <message>
        <source>the administrator who asked for a role grant cannot approve it: a second administrator or QA must</source>
        <translation>申请角色授予的管理员不能批准它：必须由另一名管理员或 QA 批准</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>unknown meaning &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的签名含义“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>the signature &apos;{label}&apos; needs at least one role</source>
        <translation>签名“{label}”至少需要一个角色</translation>
    </message>
    <message>
        <source>a required signature needs a name, e.g. &apos;QC review&apos;</source>
        <translation>必需的签名需要名称，例如“QC 审核”</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>{label} ({roles})</source>
        <translation>{label}（{roles}）</translation>
    </message>
    <message>
        <source>QC review</source>
        <translation>QC 审核</translation>
    </message>
    <message>
        <source>QA approval</source>
        <translation>QA 批准</translation>
    </message>
    <message>
        <source>QA review</source>
        <translation>QA 审核</translation>
    </message>
    <message>
        <source>QA release</source>
        <translation>QA 放行</translation>
    </message>
    <message>
        <source>QA rejection</source>
        <translation>QA 拒绝</translation>
    </message>
    <message>
        <source>{name} is not signed content (floats are not exact)</source>
        <translation>{name} 不能作为签名内容（浮点数不精确）</translation>
    </message>
    <message>
        <source>signed fields may not be named {clash}</source>
        <translation>签名字段不能命名为 {clash}</translation>
    </message>
    <message>
        <source>the name of a required signature is longer than 80 characters</source>
        <translation>必需签名的名称超过 80 个字符</translation>
    </message>
    <message>
        <source>the site signature &apos;{label}&apos; was already withdrawn</source>
        <translation>现场签名“{label}”已被撤销</translation>
    </message>
    <message>
        <source>{what} already has all its signatures</source>
        <translation>{what}已有全部签名</translation>
    </message>
    <message>
        <source>you signed the {mine} of {what}: the {wanted} must be signed by a different person</source>
        <translation>您已签署{what}的{mine}：{wanted}必须由另一人签署</translation>
    </message>
    <message>
        <source>you already signed the {mine} of {what}: one person signs a transition once</source>
        <translation>您已签署{what}的{mine}：同一人对一次状态转换只签一次</translation>
    </message>
    <message>
        <source>{what} needs the {wanted} next: {name} ({user_id}) does not have that role</source>
        <translation>{what}接下来需要{wanted}：{name}（{user_id}）没有该角色</translation>
    </message>
    <message>
        <source>the next signature of {what} is the {wanted} ({meaning}), not {given}</source>
        <translation>{what}的下一个签名是{wanted}（{meaning}），而不是{given}</translation>
    </message>
    <message>
        <source>{name} ({user_id}) {performed}: whoever performed a production step cannot sign the {wanted} of {what}</source>
        <translation>{name}（{user_id}）{performed}：执行过生产步骤的人不能签署{what}的{wanted}</translation>
    </message>
    <message>
        <source>{doing} needs signatures: {listed}</source>
        <translation>{doing}需要签名：{listed}</translation>
    </message>
    <message>
        <source>{purpose} cannot complete: it still needs {missing}</source>
        <translation>{purpose}无法完成：仍需要{missing}</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>QC Analyst</source>
        <translation>QC 检验员</translation>
    </message>
    <message>
        <source>QA Reviewer</source>
        <translation>QA 审核员</translation>
    </message>
    <message>
        <source>QA Release</source>
        <translation>QA 放行人</translation>
    </message>
    <message>
        <source>unknown role &apos;{shown}&apos;: choose from {names}</source>
        <translation>未知的角色“{shown}”：请从 {names} 中选择</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>查看审计追踪</translation>
    </message>
    <message>
        <source>export the audit trail</source>
        <translation>导出审计追踪</translation>
    </message>
    <message>
        <source>load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>edit items, suppliers and customers</source>
        <translation>编辑物料、供应商和客户</translation>
    </message>
    <message>
        <source>change the approved supplier list</source>
        <translation>更改合格供应商名单</translation>
    </message>
    <message>
        <source>change number rules</source>
        <translation>更改编号规则</translation>
    </message>
    <message>
        <source>receive material lots</source>
        <translation>接收物料批</translation>
    </message>
    <message>
        <source>release lots</source>
        <translation>放行物料批</translation>
    </message>
    <message>
        <source>reject lots</source>
        <translation>拒收物料批</translation>
    </message>
    <message>
        <source>put lots on hold</source>
        <translation>冻结物料批</translation>
    </message>
    <message>
        <source>edit master batch records</source>
        <translation>编辑主批记录</translation>
    </message>
    <message>
        <source>make a master batch record effective</source>
        <translation>使主批记录生效</translation>
    </message>
    <message>
        <source>plan batches</source>
        <translation>计划批次</translation>
    </message>
    <message>
        <source>start and complete batches</source>
        <translation>开始和完成批次</translation>
    </message>
    <message>
        <source>issue material to batches</source>
        <translation>向批次发放物料</translation>
    </message>
    <message>
        <source>complete QC testing</source>
        <translation>完成 QC 检验</translation>
    </message>
    <message>
        <source>release batches</source>
        <translation>放行批次</translation>
    </message>
    <message>
        <source>reject batches</source>
        <translation>拒绝批次</translation>
    </message>
    <message>
        <source>put batches on hold</source>
        <translation>冻结批次</translation>
    </message>
    <message>
        <source>record shipments</source>
        <translation>记录发货</translation>
    </message>
    <message>
        <source>open a recall</source>
        <translation>打开召回</translation>
    </message>
    <message>
        <source>record recall progress</source>
        <translation>记录召回进展</translation>
    </message>
    <message>
        <source>acknowledge alerts</source>
        <translation>确认警报</translation>
    </message>
    <message>
        <source>add signatures to the signing rules</source>
        <translation>在签名规则中添加签名</translation>
    </message>
    <message>
        <source>edit specifications</source>
        <translation>编辑质量标准</translation>
    </message>
    <message>
        <source>make a specification effective</source>
        <translation>使质量标准生效</translation>
    </message>
    <message>
        <source>enter QC results</source>
        <translation>录入 QC 结果</translation>
    </message>
    <message>
        <source>review QC results</source>
        <translation>复核 QC 结果</translation>
    </message>
    <message>
        <source>open deviations</source>
        <translation>开立偏差</translation>
    </message>
    <message>
        <source>investigate deviations</source>
        <translation>调查偏差</translation>
    </message>
    <message>
        <source>close deviations</source>
        <translation>关闭偏差</translation>
    </message>
    <message>
        <source>open CAPA, plan their actions and check their effectiveness</source>
        <translation>开立纠正预防措施、计划其行动并检查其有效性</translation>
    </message>
    <message>
        <source>close CAPA</source>
        <translation>关闭纠正预防措施</translation>
    </message>
    <message>
        <source>generate batch records and reports</source>
        <translation>生成批记录和报告</translation>
    </message>
    <message>
        <source>record process values and perform steps</source>
        <translation>记录工艺数据并执行步骤</translation>
    </message>
    <message>
        <source>verify production steps</source>
        <translation>复核生产步骤</translation>
    </message>
    <message>
        <source>manage rooms, sensors and equipment</source>
        <translation>管理房间、传感器和设备</translation>
    </message>
    <message>
        <source>import process data</source>
        <translation>导入工艺数据</translation>
    </message>
    <message>
        <source>raise and submit change requests</source>
        <translation>提出并提交变更申请</translation>
    </message>
    <message>
        <source>implement or reject change requests</source>
        <translation>实施或拒绝变更申请</translation>
    </message>
    <message>
        <source>{printed_name} ({user_id}) may not {permission}</source>
        <translation>{printed_name}（{user_id}）无权{permission}</translation>
    </message>
    <message>
        <source>the password must have at least {min_length} characters</source>
        <translation>密码至少需要 {min_length} 个字符</translation>
    </message>
    <message>
        <source>the password must not start or end with a space</source>
        <translation>密码不能以空格开头或结尾</translation>
    </message>
    <message>
        <source>the password must mix letters with digits or symbols</source>
        <translation>密码必须包含字母以及数字或符号</translation>
    </message>
    <message>
        <source>invalid user ID &apos;{shown}&apos;: use 2-32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter</source>
        <translation>无效的用户 ID“{shown}”：请使用 2-32 个小写字母、数字、“.”、“_”或“-”，以字母开头</translation>
    </message>
    <message>
        <source>user ID &apos;{user_id}&apos; is reserved</source>
        <translation>用户 ID“{user_id}”为保留 ID</translation>
    </message>
    <message>
        <source>the printed name is required (it appears on every record the user signs)</source>
        <translation>签署姓名为必填项（它出现在该用户签署的每条记录上）</translation>
    </message>
    <message>
        <source>printed name</source>
        <translation>签署姓名</translation>
    </message>
    <message>
        <source>a user needs at least one role</source>
        <translation>用户至少需要一个角色</translation>
    </message>
    <message>
        <source>account &apos;{user_id}&apos; is locked after repeated failed log-ins: an administrator must unlock it</source>
        <translation>账户“{user_id}”因多次登录失败已被锁定：须由管理员解锁</translation>
    </message>
    <message>
        <source>user &apos;{user_id}&apos; must set a new password before working</source>
        <translation>用户“{user_id}”必须先设置新密码才能工作</translation>
    </message>
    <message>
        <source>the password of &apos;{user_id}&apos; expired after {expiry_days} days: set a new one</source>
        <translation>“{user_id}”的密码已在 {expiry_days} 天后过期：请设置新密码</translation>
    </message>
    <message>
        <source>the new password must differ from the last {history} passwords</source>
        <translation>新密码不得与最近 {history} 个密码相同</translation>
    </message>
    <message>
        <source>account &apos;{user_id}&apos; is not locked</source>
        <translation>账户“{user_id}”未被锁定</translation>
    </message>
    <message>
        <source>user &apos;{user_id}&apos; is already deactivated</source>
        <translation>用户“{user_id}”已停用</translation>
    </message>
    <message>
        <source>the roles are unchanged</source>
        <translation>角色未改变</translation>
    </message>
    <message>
        <source>the printed name is unchanged</source>
        <translation>签署姓名未改变</translation>
    </message>
    <message>
        <source>the database and its schema</source>
        <translation>数据库及其结构</translation>
    </message>
    <message>
        <source>apply the schema migrations this version ships</source>
        <translation>应用此版本附带的数据库结构迁移</translation>
    </message>
    <message>
        <source>show the database, its schema revision and whether an upgrade is needed</source>
        <translation>显示数据库、数据库结构版本以及是否需要升级</translation>
    </message>
    <message>
        <source>use a shared PostgreSQL database on this station; the password goes to the OS keyring</source>
        <translation>在本工作站使用共享的 PostgreSQL 数据库；密码保存在操作系统密钥环中</translation>
    </message>
    <message>
        <source>copy the whole database to one file (SQLite: online backup; PostgreSQL: pg_dump), after verifying its audit trail</source>
        <translation>校验审计追踪后，将整个数据库复制到一个文件（SQLite：在线备份；PostgreSQL：pg_dump）</translation>
    </message>
    <message>
        <source>the backup file to write (never overwritten)</source>
        <translation>要写入的备份文件（绝不覆盖）</translation>
    </message>
    <message>
        <source>today&apos;s backup in DIR (batchtrace-YYYY-MM-DD...), once a day, for a scheduled task</source>
        <translation>在 DIR 中生成今日备份（batchtrace-YYYY-MM-DD...），每天一次，供计划任务使用</translation>
    </message>
    <message>
        <source>with --daily: keep the newest N daily backups in DIR (default 30)</source>
        <translation>配合 --daily：在 DIR 中保留最新的 N 份每日备份（默认 30）</translation>
    </message>
    <message>
        <source>restore a backup into an empty database (--db) and verify the audit trail of what was restored</source>
        <translation>将备份恢复到空数据库（--db），并校验所恢复内容的审计追踪</translation>
    </message>
    <message>
        <source>{kind} database at {location}</source>
        <translation>{location} 上的 {kind} 数据库</translation>
    </message>
    <message>
        <source>backed up the database as it was (revision {before}) to {backup}</source>
        <translation>已将数据库原状（版本 {before}）备份到 {backup}</translation>
    </message>
    <message>
        <source>{where} already at {after}</source>
        <translation>{where} 已是 {after}</translation>
    </message>
    <message>
        <source>{where} upgraded from {value} to {after}</source>
        <translation>{where} 已从 {value} 升级到 {after}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>; entries 1 to {last} keep verifying in their earlier format</source>
        <translation>；第 1 至 {last} 条记录仍按原格式校验</translation>
    </message>
    <message>
        <source>audit entries are keyed by the database (HMAC) from entry {keyed_from} on{earlier}</source>
        <translation>自第 {keyed_from} 条起审计记录由数据库加密签名（HMAC）{earlier}</translation>
    </message>
    <message>
        <source>created, without a password yet</source>
        <translation>已创建，尚未设置密码</translation>
    </message>
    <message>
        <source>checked and its privileges renewed</source>
        <translation>已检查并更新其权限</translation>
    </message>
    <message>
        <source>station role {role}: {state}</source>
        <translation>工作站角色 {role}：{state}</translation>
    </message>
    <message>
        <source>give each station:</source>
        <translation>请为每个工作站设置：</translation>
    </message>
    <message>
        <source>  {prog} db connect {station_url}</source>
        <translation>  {prog} db connect {station_url}</translation>
    </message>
    <message>
        <source>  with the station role&apos;s password; set it (once, as the owner) in psql: \password {role}</source>
        <translation>  并使用工作站角色的密码；（以所有者身份）在 psql 中设置一次：\password {role}</translation>
    </message>
    <message>
        <source>keep the owner&apos;s URL and password for &apos;db upgrade&apos; and &apos;db backup&apos;: a station never needs them</source>
        <translation>请保留所有者的 URL 和密码用于“db upgrade”和“db backup”：工作站从不需要它们</translation>
    </message>
    <message>
        <source>database: {kind} at {location}</source>
        <translation>数据库：{location} 上的 {kind}</translation>
    </message>
    <message>
        <source>current revision: {value}</source>
        <translation>当前版本：{value}</translation>
    </message>
    <message>
        <source>none (no BatchTrace schema)</source>
        <translation>无（没有 BatchTrace 数据库结构）</translation>
    </message>
    <message>
        <source>required revision: {head}</source>
        <translation>所需版本：{head}</translation>
    </message>
    <message>
        <source>the schema is up to date</source>
        <translation>数据库结构已是最新</translation>
    </message>
    <message>
        <source>upgrade needed: run &apos;{prog} db upgrade&apos;</source>
        <translation>需要升级：请运行“{prog} db upgrade”</translation>
    </message>
    <message>
        <source>connected to the {kind} database at {location}</source>
        <translation>已连接到 {location} 上的 {kind} 数据库</translation>
    </message>
    <message>
        <source>saved the database URL (without the password) in {settings_path}</source>
        <translation>已将数据库 URL（不含密码）保存到 {settings_path}</translation>
    </message>
    <message>
        <source>the password is kept in the OS keyring</source>
        <translation>密码保存在操作系统密钥环中</translation>
    </message>
    <message>
        <source>schema revision {value}, this BatchTrace needs {head}: run &apos;{prog} db upgrade&apos;</source>
        <translation>数据库结构版本为 {value}，此 BatchTrace 需要 {head}：请运行“{prog} db upgrade”</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>today&apos;s backup exists already: {out}</source>
        <translation>今日备份已存在：{out}</translation>
    </message>
    <message>
        <source>backed up the {kind} database at {location} to {path}</source>
        <translation>已将 {location} 上的 {kind} 数据库备份到 {path}</translation>
    </message>
    <message>
        <source>removed the old backup {name} (keeping {keep})</source>
        <translation>已删除旧备份 {name}（保留 {keep} 个）</translation>
    </message>
    <message>
        <source>restored {path} into the {kind} database at {location} (schema revision {value})</source>
        <translation>已将 {path} 恢复到 {location} 上的 {kind} 数据库（数据库结构版本 {value}）</translation>
    </message>
    <message>
        <source>do not use the restored database: its audit trail was changed outside BatchTrace</source>
        <translation>请勿使用恢复的数据库：其审计追踪在 BatchTrace 之外被更改</translation>
    </message>
    <message>
        <source>the backup has schema revision {revision}; run &apos;{prog} db upgrade&apos; to use it</source>
        <translation>备份的数据库结构版本为 {revision}；请运行“{prog} db upgrade”后使用</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>duplicate transition {value} -&gt; {target}</source>
        <translation>重复的状态转换 {value} -&gt; {target}</translation>
    </message>
    <message>
        <source>a {record_type} cannot go from {label} to {label2} (allowed from {label}: {allowed})</source>
        <translation>{record_type}不能从{label}变为{label2}（从{label}允许：{allowed}）</translation>
    </message>
    <message>
        <source>{label} -&gt; {label2} is done by the system only, not by hand</source>
        <translation>{label} -&gt; {label2} 只能由系统执行，不能手动执行</translation>
    </message>
    <message>
        <source>a reason is required to {transition_name} a {record_type}</source>
        <translation>{transition_name}{record_type}需要原因</translation>
    </message>
    <message>
        <source>QC results are for a lot or a batch, not a &apos;{record_type}&apos;</source>
        <translation>QC 结果适用于物料批或批次，而不是“{record_type}”</translation>
    </message>
    <message>
        <source>{record_type} {record_id} is {status}: results are entered while it is {wanted}</source>
        <translation>{record_type} {record_id} 处于{status}状态：结果须在其处于{wanted}状态时录入</translation>
    </message>
    <message>
        <source>no specification applied to {record_type} {record_id} when it entered testing: make one effective for item {item_code}, then put it back on the worklist</source>
        <translation>{record_type} {record_id} 进入检验时没有适用的质量标准：请为物料 {item_code} 使一个质量标准生效，然后将其重新放回待检清单</translation>
    </message>
    <message>
        <source>type at least one result before saving</source>
        <translation>保存前请至少输入一个结果</translation>
    </message>
    <message>
        <source>test {code} is given twice</source>
        <translation>检验项目 {code} 重复给出</translation>
    </message>
    <message>
        <source>{record_type} {record_id} has no result waiting for review</source>
        <translation>{record_type} {record_id} 没有待审核的结果</translation>
    </message>
    <message>
        <source>no result yet for {missing}</source>
        <translation>{missing} 尚无结果</translation>
    </message>
    <message>
        <source>{record_type} {record_id} cannot pass to QA review: {failing}</source>
        <translation>{record_type} {record_id} 不能转交 QA 审核：{failing}</translation>
    </message>
    <message>
        <source>write each setting as NAME=VALUE, e.g. max_failed_logins=5</source>
        <translation>每项设置写作 NAME=VALUE，例如 max_failed_logins=5</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>site-wide settings kept in the database</source>
        <translation>保存在数据库中、适用于整个场所的设置</translation>
    </message>
    <message>
        <source>the site&apos;s security policy</source>
        <translation>本场所的安全策略</translation>
    </message>
    <message>
        <source>the site&apos;s security policy (lock-out, passwords, idle lock)</source>
        <translation>本场所的安全策略（账户锁定、密码、空闲锁定）</translation>
    </message>
    <message>
        <source>show the security policy in force at every station</source>
        <translation>显示在每个工作站生效的安全策略</translation>
    </message>
    <message>
        <source>change the security policy, e.g. max_failed_logins=4 idle_lock_minutes=5; settings: {settings}</source>
        <translation>更改安全策略，例如 max_failed_logins=4 idle_lock_minutes=5；设置项：{settings}</translation>
    </message>
    <message>
        <source>SETTING</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>BatchTrace&apos;s defaults: never changed at this site</source>
        <translation>BatchTrace 默认值：本场所从未更改</translation>
    </message>
    <message>
        <source>version {version}, set by {user_id} at {time}</source>
        <translation>第 {version} 版，由 {user_id} 于 {time} 设置</translation>
    </message>
    <message>
        <source>a reason is required to change the security settings</source>
        <translation>更改安全设置需要填写原因</translation>
    </message>
    <message>
        <source>Failed log-ins before the account locks</source>
        <translation>账户锁定前允许的登录失败次数</translation>
    </message>
    <message>
        <source>tries</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Minimum password length</source>
        <translation>密码最小长度</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>个字符</translation>
    </message>
    <message>
        <source>Password expires after</source>
        <translation>密码有效期</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Passwords remembered (not reused)</source>
        <translation>记住的历史密码数（不得重复使用）</translation>
    </message>
    <message>
        <source>passwords</source>
        <translation>个密码</translation>
    </message>
    <message>
        <source>Idle time before the session locks</source>
        <translation>会话锁定前的空闲时间</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>{setting} must be a whole number from {low} to {high}</source>
        <translation>{setting} 必须是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>unknown security setting &apos;{name}&apos;: choose from {choices}</source>
        <translation>未知的安全设置“{name}”：请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>the security settings are unchanged</source>
        <translation>安全设置未改变</translation>
    </message>
    <message>
        <source>sign the release (or --reject) of a lot: the evaluation is shown and bound to the signature</source>
        <translation>签署物料批的放行（或 --reject 拒收）：显示放行评估并将其与签名绑定</translation>
    </message>
    <message>
        <source>sign the release (or --reject) of a batch: the evaluation is shown and bound to the signature</source>
        <translation>签署批次的放行（或 --reject 拒绝）：显示放行评估并将其与签名绑定</translation>
    </message>
    <message>
        <source>sign the rejection instead (needs --comment)</source>
        <translation>改为签署拒绝（需要 --comment）</translation>
    </message>
    <message>
        <source>a remark; the reason of a rejection; the justification of an override</source>
        <translation>备注；拒绝时为原因；让步放行时为理由</translation>
    </message>
    <message>
        <source>a rejection needs its reason: give --comment</source>
        <translation>拒绝需要原因：请给出 --comment</translation>
    </message>
    <message>
        <source>{what}: {status}</source>
        <translation>{what}：{status}</translation>
    </message>
    <message>
        <source>releasable</source>
        <translation>可放行</translation>
    </message>
    <message>
        <source>not releasable: {n} rule failed</source>
        <translation>不可放行：{n} 条规则未通过</translation>
    </message>
    <message>
        <source>not releasable: {n} rules failed</source>
        <translation>不可放行：{n} 条规则未通过</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>{what}: {outcome}</source>
        <translation>{what}：{outcome}</translation>
    </message>
    <message>
        <source>{what}: you sign the QA override; --comment is its justification</source>
        <translation>{what}：您签署的是 QA 让步放行；--comment 为其理由</translation>
    </message>
    <message>
        <source>QA override</source>
        <translation>QA 让步放行</translation>
    </message>
    <message>
        <source>Every required test has a reviewed result within spec</source>
        <translation>全部必检项目均有已复核且符合标准的结果</translation>
    </message>
    <message>
        <source>No open deviation touches it</source>
        <translation>没有未关闭的相关偏差</translation>
    </message>
    <message>
        <source>Every consumed lot was Released when issued and is not Rejected now</source>
        <translation>所耗用的物料批在发放时均已放行，且目前均非不合格</translation>
    </message>
    <message>
        <source>No open alert</source>
        <translation>没有未处理的警报</translation>
    </message>
    <message>
        <source>say why the deviation can be closed (e.g. the CAPA that addresses it)</source>
        <translation>请说明偏差可以关闭的原因（例如处理它的 CAPA）</translation>
    </message>
    <message>
        <source>installation and operational qualification (IQ, OQ)</source>
        <translation>安装确认和运行确认（IQ、OQ）</translation>
    </message>
    <message>
        <source>check this installation (files, versions, database, keyring, devices) and write the IQ report</source>
        <translation>检查本安装（文件、版本、数据库、密钥环、设备）并生成 IQ 报告</translation>
    </message>
    <message>
        <source>write the IQ report</source>
        <translation>生成 IQ 报告</translation>
    </message>
    <message>
        <source>the installed bundle (default: the one this program runs from)</source>
        <translation>已安装的程序包（默认：运行本程序的程序包）</translation>
    </message>
    <message>
        <source>who performs the IQ (asks for the password): the report is then signed electronically (Performed) and entered in the register of issued documents, so &apos;report verify&apos; recognises it and shows the signature</source>
        <translation>执行 IQ 的人（会询问密码）：报告随后以电子签名签署（执行），并登记在已签发文件登记册中，“report verify”即可识别它并显示签名</translation>
    </message>
    <message>
        <source>run the requirement-tagged tests and write the OQ report with the traceability matrix (DOCX and PDF)</source>
        <translation>运行标有需求的测试，并生成带追溯矩阵的 OQ 报告（DOCX 和 PDF）</translation>
    </message>
    <message>
        <source>the report; FILE.docx and FILE.pdf are written</source>
        <translation>报告；将写出 FILE.docx 和 FILE.pdf</translation>
    </message>
    <message>
        <source>the BatchTrace source tree of this version (its tests/ and docs/validation/)</source>
        <translation>此版本的 BatchTrace 源代码树（其中的 tests/ 和 docs/validation/）</translation>
    </message>
    <message>
        <source>report a run that already happened (pytest --req-results FILE.json) instead of running the tests again</source>
        <translation>报告已完成的一次运行（pytest --req-results FILE.json），而不再次运行测试</translation>
    </message>
    <message>
        <source>more pytest arguments after --, e.g. -- tests/app to qualify a part</source>
        <translation>-- 之后的更多 pytest 参数，例如 -- tests/app 只确认其中一部分</translation>
    </message>
    <message>
        <source>{path}: the report is written as .docx or .pdf</source>
        <translation>{path}：报告只能写成 .docx 或 .pdf</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>IQ PASSED</source>
        <translation>IQ 通过</translation>
    </message>
    <message>
        <source>IQ FAILED</source>
        <translation>IQ 未通过</translation>
    </message>
    <message>
        <source>wrote {path}: {number}, registered (SHA-256 {sha256}; &apos;{command}&apos; recognises it)</source>
        <translation>已写入 {path}：{number}，已登记（SHA-256 {sha256}；“{command}”可以识别它）</translation>
    </message>
    <message>
        <source>signed electronically ({meaning}) as {printed_name} ({user_id})</source>
        <translation>已以 {printed_name}（{user_id}）的身份电子签名（{meaning}）</translation>
    </message>
    <message>
        <source>not registered: with --user ID the report is entered in the register of issued documents</source>
        <translation>未登记：使用 --user 用户名时，报告将登记在已签发文件登记册中</translation>
    </message>
    <message>
        <source>give either --results or pytest arguments: the results are of a run already made</source>
        <translation>请只给出 --results 或 pytest 参数之一：结果来自已完成的运行</translation>
    </message>
    <message>
        <source>{tests} tests: {passed} passed, {failed} failed, {skipped} skipped; requirements: {verified} verified, {not_verified} not verified</source>
        <translation>{tests} 项测试：{passed} 项通过，{failed} 项失败，{skipped} 项跳过；需求：{verified} 项已验证，{not_verified} 项未验证</translation>
    </message>
    <message>
        <source>no tests/ in {value}: the OQ runs the test suite of a BatchTrace source tree (give --source DIR)</source>
        <translation>{value} 中没有 tests/：OQ 运行 BatchTrace 源代码树的测试套件（请指定 --source DIR）</translation>
    </message>
    <message>
        <source>the test run stopped before it reported any result:
{tail}</source>
        <translation>测试运行在报告任何结果之前就停止了：
{tail}</translation>
    </message>
    <message>
        <source>cannot read the results {file}: {error}</source>
        <translation>无法读取结果 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} is not the results of a test run with --req-results</source>
        <translation>{file} 不是使用 --req-results 运行测试所得的结果</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>no action planned</source>
        <translation>未计划行动</translation>
    </message>
    <message>
        <source>{n} of {total} actions open</source>
        <translation>{total} 项行动中 {n} 项未完成</translation>
    </message>
    <message>
        <source>effectiveness check due {due}</source>
        <translation>有效性检查到期日 {due}</translation>
    </message>
    <message>
        <source>ready for QA closure</source>
        <translation>待 QA 关闭</translation>
    </message>
    <message>
        <source>not effective: plan further actions</source>
        <translation>无效：请计划进一步行动</translation>
    </message>
    <message>
        <source>no CAPA {number}</source>
        <translation>没有纠正预防措施 {number}</translation>
    </message>
    <message>
        <source>no deviation {number}</source>
        <translation>没有偏差 {number}</translation>
    </message>
    <message>
        <source>no active user {user_id} to own the action</source>
        <translation>没有可负责该行动的有效用户 {user_id}</translation>
    </message>
    <message>
        <source>no change request {number}</source>
        <translation>没有变更申请 {number}</translation>
    </message>
    <message>
        <source>CAPA {number} has no action {action_no}</source>
        <translation>纠正预防措施 {number} 没有行动 {action_no}</translation>
    </message>
    <message>
        <source>action {action_no} of CAPA {number} is {owner}&apos;s to close</source>
        <translation>纠正预防措施 {number} 的行动 {action_no} 应由 {owner} 关闭</translation>
    </message>
    <message>
        <source>the {label} of a CAPA is signed by {roles}</source>
        <translation>纠正预防措施的{label}由{roles}签署</translation>
    </message>
    <message>
        <source>corrective and preventive actions (DEV-2)</source>
        <translation>纠正预防措施（DEV-2）</translation>
    </message>
    <message>
        <source>open a CAPA, from a deviation or on its own; prints its number</source>
        <translation>开立纠正预防措施，可源自偏差或单独开立；输出其编号</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>when the effectiveness is to be checked (after today)</source>
        <translation>有效性检查的日期（今天之后）</translation>
    </message>
    <message>
        <source>deviation number</source>
        <translation>偏差编号</translation>
    </message>
    <message>
        <source>one CAPA with its actions, effectiveness and closure</source>
        <translation>单个纠正预防措施及其行动、有效性和关闭</translation>
    </message>
    <message>
        <source>CAPA number</source>
        <translation>纠正预防措施编号</translation>
    </message>
    <message>
        <source>CAPA, newest first; --overdue: actions past their due date</source>
        <translation>纠正预防措施，最新的在前；--overdue：已过到期日的行动</translation>
    </message>
    <message>
        <source>only those not closed</source>
        <translation>仅未关闭的</translation>
    </message>
    <message>
        <source>the open actions past their due date instead</source>
        <translation>改为列出已过到期日的未完成行动</translation>
    </message>
    <message>
        <source>user ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>with --overdue: one person&apos;s</source>
        <translation>配合 --overdue：仅某一人的</translation>
    </message>
    <message>
        <source>plan an action (--add) or close one with its evidence (--close N)</source>
        <translation>计划一项行动（--add），或凭证据关闭一项行动（--close N）</translation>
    </message>
    <message>
        <source>plan an action of this kind</source>
        <translation>计划此类行动</translation>
    </message>
    <message>
        <source>action number</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>record the effectiveness check</source>
        <translation>记录有效性检查</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>QA&apos;s signed closure (asks for the password)</source>
        <translation>QA 签名关闭（会询问密码）</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>CAPA {number}: {title}</source>
        <translation>纠正预防措施 {number}：{title}</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <source>{time} by {user}</source>
        <translation>{time}，{user}</translation>
    </message>
    <message>
        <source>effectiveness due</source>
        <translation>有效性检查到期</translation>
    </message>
    <message>
        <source> (OVERDUE)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>effectiveness</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>{verdict}: {finding} ({checked_by})</source>
        <translation>{verdict}：{finding}（{checked_by}）</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>not effective</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>{time}, signed by {user}</source>
        <translation>{time}，签署人 {user}</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>DUE</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>EVIDENCE</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>CAPA</source>
        <translation>纠正预防措施</translation>
    </message>
    <message>
        <source>DAYS LATE</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>DEVIATION</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>give --add KIND with --description, --owner and --due, or --close N with --evidence</source>
        <translation>请给出 --add KIND 及 --description、--owner 和 --due，或 --close N 及 --evidence</translation>
    </message>
    <message>
        <source>a planned action needs --description, --owner and --due</source>
        <translation>计划的行动需要 --description、--owner 和 --due</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Corrective</source>
        <translation>纠正</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>预防</translation>
    </message>
    <message>
        <source>unknown action kind &apos;{text}&apos;: use Corrective or Preventive</source>
        <translation>未知的行动类型“{text}”：请使用 Corrective 或 Preventive</translation>
    </message>
    <message>
        <source>QA closure</source>
        <translation>QA 关闭</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{what} is required (1 to {max_length} characters)</source>
        <translation>{what}为必填项（1 到 {max_length} 个字符）</translation>
    </message>
    <message>
        <source>the due date {due_on} is in the past</source>
        <translation>到期日 {due_on} 已过</translation>
    </message>
    <message>
        <source>an action&apos;s description</source>
        <translation>行动的描述</translation>
    </message>
    <message>
        <source>action {action_no} is already closed</source>
        <translation>行动 {action_no} 已关闭</translation>
    </message>
    <message>
        <source>action {action_no} needs change request {change_request}, which is {status}: it closes once the change is implemented</source>
        <translation>措施 {action_no} 需要变更申请 {change_request}，该申请为{status}：变更实施后才能关闭</translation>
    </message>
    <message>
        <source>the evidence that the action was done</source>
        <translation>行动已完成的证据</translation>
    </message>
    <message>
        <source>the effectiveness check is due later: a date after today, not {due}</source>
        <translation>有效性检查应在以后进行：请给出今天之后的日期，而不是 {due}</translation>
    </message>
    <message>
        <source>a CAPA&apos;s title</source>
        <translation>纠正预防措施的标题</translation>
    </message>
    <message>
        <source>a CAPA&apos;s description</source>
        <translation>纠正预防措施的描述</translation>
    </message>
    <message>
        <source>CAPA {number} is closed</source>
        <translation>纠正预防措施 {number} 已关闭</translation>
    </message>
    <message>
        <source>CAPA {number}: the effectiveness is checked once every action is closed</source>
        <translation>纠正预防措施 {number}：所有行动关闭后才检查有效性</translation>
    </message>
    <message>
        <source>the effectiveness check&apos;s finding</source>
        <translation>有效性检查的结论</translation>
    </message>
    <message>
        <source>CAPA {number} cannot close: actions still open: {actions}</source>
        <translation>纠正预防措施 {number} 无法关闭：仍有未完成的行动：{actions}</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>未计划任何行动</translation>
    </message>
    <message>
        <source>CAPA {number} cannot close: its effectiveness check has not found it effective</source>
        <translation>纠正预防措施 {number} 无法关闭：有效性检查未判定其有效</translation>
    </message>
    <message>
        <source>{file}: {n} of {total} rows rejected; nothing was stored</source>
        <translation>{file}：{total} 行中有 {n} 行被拒绝；未存储任何内容</translation>
    </message>
    <message>
        <source>{file} ({format}, {encoding}): would store {new} results, {old} already stored</source>
        <translation>{file}（{format}，{encoding}）：将存储 {new} 个结果，{old} 个已存储</translation>
    </message>
    <message>
        <source>{file} ({format}, {encoding}): stored {new} results, {old} already stored</source>
        <translation>{file}（{format}，{encoding}）：已存储 {new} 个结果，{old} 个此前已存储</translation>
    </message>
    <message>
        <source>; {n} out of spec</source>
        <translation>；{n} 个超标</translation>
    </message>
    <message>
        <source>no file {file}</source>
        <translation>没有文件 {file}</translation>
    </message>
    <message>
        <source>cannot read {file}: {why}</source>
        <translation>无法读取 {file}：{why}</translation>
    </message>
    <message>
        <source>checked {n} rows</source>
        <translation>已检查 {n} 行</translation>
    </message>
    <message>
        <source>stored {n} results</source>
        <translation>已存储 {n} 个结果</translation>
    </message>
    <message>
        <source>{record} {test} already has the result {reported} {unit}: a correction is made in BatchTrace with its reason, not by import</source>
        <translation>{record} {test} 已有结果 {reported} {unit}：更正须在 BatchTrace 中附原因进行，不能通过导入</translation>
    </message>
    <message>
        <source>no lot or batch {number}</source>
        <translation>没有物料批或批次 {number}</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>line {line} is not UTF-8 although the file starts with a UTF-8 byte-order mark: save the whole file in one encoding</source>
        <translation>文件以 UTF-8 字节顺序标记开头，但第 {line} 行不是 UTF-8：请将整个文件保存为同一种编码</translation>
    </message>
    <message>
        <source>the file mixes encodings: line {utf8} is UTF-8 and line {bad} is not; save the whole file as UTF-8 or as GB18030</source>
        <translation>文件混用了编码：第 {utf8} 行是 UTF-8，第 {bad} 行不是；请将整个文件保存为 UTF-8 或 GB18030</translation>
    </message>
    <message>
        <source>line {line} is neither UTF-8 nor GB18030: save the file in one of them</source>
        <translation>第 {line} 行既不是 UTF-8 也不是 GB18030：请以其中一种编码保存文件</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} 是空文件</translation>
    </message>
    <message>
        <source>the file has more than {n} rows: split it</source>
        <translation>文件超过 {n} 行：请拆分</translation>
    </message>
    <message>
        <source>unknown field {fields}: the fields are {columns}</source>
        <translation>未知字段 {fields}：字段为 {columns}</translation>
    </message>
    <message>
        <source>no {fields}</source>
        <translation>缺少 {fields}</translation>
    </message>
    <message>
        <source>an empty value among the replicates &apos;{values}&apos;</source>
        <translation>平行测定值 &apos;{values}&apos; 中有空值</translation>
    </message>
    <message>
        <source>line 1: the header must be record,test,values[,unit][,instrument], not &apos;{header}&apos;</source>
        <translation>第 1 行：表头必须是 record,test,values[,unit][,instrument]，而不是 &apos;{header}&apos;</translation>
    </message>
    <message>
        <source>{n} fields where the header has {m}</source>
        <translation>有 {n} 个字段，而表头有 {m} 个</translation>
    </message>
    <message>
        <source>a JSON results file is an array of results, each an object with record, test and values</source>
        <translation>JSON 结果文件是结果的数组，每个结果是含 record、test 和 values 的对象</translation>
    </message>
    <message>
        <source>line {line}: not valid JSON ({error})</source>
        <translation>第 {line} 行：不是有效的 JSON（{error}）</translation>
    </message>
    <message>
        <source>a result is an object with record, test and values</source>
        <translation>结果是含 record、test 和 values 的对象</translation>
    </message>
    <message>
        <source>line {line}: expected &apos;,&apos; or &apos;]&apos; after a result</source>
        <translation>第 {line} 行：结果之后应为 &apos;,&apos; 或 &apos;]&apos;</translation>
    </message>
    <message>
        <source>the JSON array is not closed with &apos;]&apos;</source>
        <translation>JSON 数组未以 &apos;]&apos; 结束</translation>
    </message>
    <message>
        <source>{record} {test} again: line {first} has it already</source>
        <translation>{record} {test} 重复：第 {first} 行已有</translation>
    </message>
    <message>
        <source>this user</source>
        <translation>该用户</translation>
    </message>
    <message>
        <source>the {what} contains U+{ord:04X} ({name}): type it without it</source>
        <translation>{what}包含 U+{ord:04X}（{name}）：请去掉该字符后输入</translation>
    </message>
    <message>
        <source>the {what} contains the digit &apos;{char}&apos; (U+{ord:04X}): use the digits 0-9</source>
        <translation>{what}包含数字“{char}”（U+{ord:04X}）：请使用数字 0-9</translation>
    </message>
    <message>
        <source>the {what} is required</source>
        <translation>{what}为必填项</translation>
    </message>
    <message>
        <source>the {what} is longer than {max_length} characters</source>
        <translation>{what}超过 {max_length} 个字符</translation>
    </message>
    <message>
        <source>the {what} &apos;{shown}&apos; is longer than {max_length} characters</source>
        <translation>{what}“{shown}”超过 {max_length} 个字符</translation>
    </message>
    <message>
        <source>the {what} &apos;{shown}&apos; contains a space</source>
        <translation>{what}“{shown}”包含空格</translation>
    </message>
    <message>
        <source>{what} &apos;{shown}&apos; is not a whole number</source>
        <translation>{what}“{shown}”不是整数</translation>
    </message>
    <message>
        <source>{what} must be between {minimum} and {maximum}</source>
        <translation>{what}必须在 {minimum} 到 {maximum} 之间</translation>
    </message>
    <message>
        <source>{what} &apos;{shown}&apos; is too long to be a quantity</source>
        <translation>{what}“{shown}”太长，不是有效的数量</translation>
    </message>
    <message>
        <source>{what} &apos;{shown}&apos; is not a number</source>
        <translation>{what}“{shown}”不是数字</translation>
    </message>
    <message>
        <source>{what} &apos;{shown}&apos; is out of range</source>
        <translation>{what}“{shown}”超出范围</translation>
    </message>
    <message>
        <source>&apos;{shown}&apos; is not a date: use YYYY-MM-DD</source>
        <translation>“{shown}”不是日期：请使用 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>{what} &apos;{value}&apos; is out of range: at most 12 digits before the decimal point and 6 after</source>
        <translation>{what}“{value}”超出范围：小数点前最多 12 位，小数点后最多 6 位</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>允差</translation>
    </message>
    <message>
        <source>anchor file {path} does not exist</source>
        <translation>锚点文件 {path} 不存在</translation>
    </message>
    <message>
        <source>cannot read anchor file {path}: {error}</source>
        <translation>无法读取锚点文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is a folder or its folder does not exist: give a file such as anchors.jsonl in an existing folder</source>
        <translation>{path} 是文件夹或其所在文件夹不存在：请在已存在的文件夹中指定一个文件，例如 anchors.jsonl</translation>
    </message>
    <message>
        <source>the audit trail is not intact, nothing anchored: {message}</source>
        <translation>审计追踪不完整，未做任何锚定：{message}</translation>
    </message>
    <message>
        <source>cannot write anchor file {path}: {error}</source>
        <translation>无法写入锚点文件 {path}：{error}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a positive whole number</source>
        <translation>“{text}”不是正整数</translation>
    </message>
    <message>
        <source>import process data from CSV files, all or nothing</source>
        <translation>从 CSV 文件导入工艺数据，全部导入或全不导入</translation>
    </message>
    <message>
        <source>environment readings from a data-logger file: timestamp (ISO 8601 with offset),sensor,value,unit</source>
        <translation>数据记录仪文件中的环境读数，各列为 timestamp,sensor,value,unit（时间戳为带时区偏移的 ISO 8601）</translation>
    </message>
    <message>
        <source>check every line and report, store nothing</source>
        <translation>检查每一行并报告，不存储任何内容</translation>
    </message>
    <message>
        <source>process parameter values from an MES file: batch,step,parameter,value[,equipment]</source>
        <translation>MES 文件中的工艺参数值：batch,step,parameter,value[,equipment]</translation>
    </message>
    <message>
        <source>excursion events found in environment readings</source>
        <translation>在环境读数中发现的超限事件</translation>
    </message>
    <message>
        <source>list excursion events, oldest first</source>
        <translation>列出超限事件，最早的在前</translation>
    </message>
    <message>
        <source>no file {path}</source>
        <translation>没有文件 {path}</translation>
    </message>
    <message>
        <source>  excursion: {describe}</source>
        <translation>  超限事件：{describe}</translation>
    </message>
    <message>
        <source>{name}: line {line}: {reason}</source>
        <translation>{name}：第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{name}: {count} of {rows} lines rejected; nothing was stored</source>
        <translation>{name}：{rows} 行中有 {count} 行被拒绝；未存储任何内容</translation>
    </message>
    <message>
        <source>would record</source>
        <translation>将记录</translation>
    </message>
    <message>
        <source>{name}: {verb} {count} values, {count2} out of limits</source>
        <translation>{name}：{verb} {count} 个数值，{count2} 个超出限度</translation>
    </message>
    <message>
        <source>  out of limits: step {step_no} {parameter} = {normalize:f} {unit}</source>
        <translation>  超出限度：步骤 {step_no} {parameter} = {normalize:f} {unit}</translation>
    </message>
    <message>
        <source>SENSOR</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>ROOM</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>TO</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>WORST</source>
        <translation>最差值</translation>
    </message>
    <message>
        <source>CODE;name;method;type;unit;lower;upper;decimals;replicates;required|optional</source>
        <translation>代码;名称;方法;类型;单位;下限;上限;小数位数;重复次数;&apos;required&apos;|&apos;optional&apos;</translation>
    </message>
    <message>
        <source>a test is {format} (10 fields), not &apos;{value}&apos;</source>
        <translation>检验项目的格式为 {format}（10 个字段），而不是“{value}”</translation>
    </message>
    <message>
        <source>the last field of a test is &apos;required&apos; or &apos;optional&apos;, not &apos;{required}&apos;</source>
        <translation>检验项目的最后一个字段应为 &apos;required&apos; 或 &apos;optional&apos;，而不是“{required}”</translation>
    </message>
    <message>
        <source>decimals and replicates are whole numbers in &apos;{value}&apos;</source>
        <translation>“{value}”中的小数位数和平行测定次数应为整数</translation>
    </message>
    <message>
        <source>QC specifications, the worklist and results</source>
        <translation>QC 质量标准、待检清单和结果</translation>
    </message>
    <message>
        <source>a new draft version of an item&apos;s specification (effective through &apos;change open --spec ITEM:VERSION&apos;)</source>
        <translation>物料质量标准的新草稿版本（通过“change open --spec ITEM:VERSION”生效）</translation>
    </message>
    <message>
        <source>item code</source>
        <translation>物料代码</translation>
    </message>
    <message>
        <source>an item&apos;s effective specification, or one version</source>
        <translation>物料的生效质量标准，或其某一版本</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>lots and batches waiting for QC tests, most urgent first</source>
        <translation>等待 QC 检验的物料批和批次，最紧急的在前</translation>
    </message>
    <message>
        <source>enter (or correct, with --reason) one test&apos;s result</source>
        <translation>录入（或配合 --reason 更正）一个检验项目的结果</translation>
    </message>
    <message>
        <source>lot or batch number</source>
        <translation>物料批号或批次号</translation>
    </message>
    <message>
        <source>test code</source>
        <translation>检验项目代码</translation>
    </message>
    <message>
        <source>result value</source>
        <translation>结果值</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <source>sign the review of the entered results of a lot or batch (a second person, re-authenticated, meaning Reviewed)</source>
        <translation>签署对物料批或批次已录入结果的复核（由第二人重新验证身份，签名含义为“审核”）</translation>
    </message>
    <message>
        <source>results from a LIMS file (CSV or JSON, UTF-8 or GB18030), all or nothing; the same file twice stores nothing new</source>
        <translation>LIMS 文件中的结果（CSV 或 JSON，UTF-8 或 GB18030），全部导入或全不导入；同一文件导入两次不会存储新内容</translation>
    </message>
    <message>
        <source>CSV record,test,values[,unit][,instrument] or JSON</source>
        <translation>CSV record,test,values[,unit][,instrument] 或 JSON</translation>
    </message>
    <message>
        <source>check every row and show what would be stored</source>
        <translation>检查每一行并显示将会存储的内容</translation>
    </message>
    <message>
        <source>the spec that applied and the results of a lot or batch</source>
        <translation>物料批或批次适用的质量标准及其结果</translation>
    </message>
    <message>
        <source>deviations: open, investigate, close</source>
        <translation>偏差：开立、调查、关闭</translation>
    </message>
    <message>
        <source>open a deviation linked to lots, batches, results or alerts</source>
        <translation>开立与物料批、批次、结果或警报关联的偏差</translation>
    </message>
    <message>
        <source>link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>e.g. lot:R26339-0001, batch:B2612-0003</source>
        <translation>例如 lot:R26339-0001, batch:B2612-0003</translation>
    </message>
    <message>
        <source>open a deviation from a refused issue&apos;s alert</source>
        <translation>根据发放被拒的警报开立偏差</translation>
    </message>
    <message>
        <source>start the investigation, or record its findings</source>
        <translation>开始调查，或记录调查结果</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <source>root cause category</source>
        <translation>根本原因类别</translation>
    </message>
    <message>
        <source>root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>QA signs the closure of an investigated deviation (re-authenticated, meaning Approved)</source>
        <translation>QA 签署关闭已调查的偏差（重新验证身份，签名含义为“批准”）</translation>
    </message>
    <message>
        <source>one deviation with its links</source>
        <translation>单个偏差及其关联</translation>
    </message>
    <message>
        <source>deviations, newest first</source>
        <translation>偏差，最新的在前</translation>
    </message>
    <message>
        <source>release by exception</source>
        <translation>基于例外的放行</translation>
    </message>
    <message>
        <source>the release rules for a lot or batch; exit 0 when releasable</source>
        <translation>物料批或批次的放行规则；可放行时退出码为 0</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>LIMITS</source>
        <translation>限度</translation>
    </message>
    <message>
        <source>REPLICATES</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>RELEASE</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>RECORD</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation>质量标准</translation>
    </message>
    <message>
        <source>ENTERED</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>OOS</source>
        <translation>OOS</translation>
    </message>
    <message>
        <source>REVIEWED</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>deviation {deviation} opened</source>
        <translation>已发起偏差 {deviation}</translation>
    </message>
    <message>
        <source>{count} result(s) of {record_type} {number} reviewed: signed (Reviewed) as {printed_name} ({user_id})</source>
        <translation>{record_type} {number} 的 {count} 个结果已审核：已以 {printed_name}（{user_id}）身份签署（审核）</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>行</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>deviation {number} opened</source>
        <translation>已发起偏差 {number}</translation>
    </message>
    <message>
        <source>{record_type} {number}: spec {spec}, due {due_on}, {status}</source>
        <translation>{record_type} {number}：质量标准 {spec}，到期 {due_on}，{status}</translation>
    </message>
    <message>
        <source>ANALYST</source>
        <translation>检验员</translation>
    </message>
    <message>
        <source>REVIEWED BY</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>within spec</source>
        <translation>符合标准</translation>
    </message>
    <message>
        <source>OUT OF SPEC</source>
        <translation>超标</translation>
    </message>
    <message>
        <source>a link is KIND:REF (e.g. lot:R26339-0001), not &apos;{value}&apos;</source>
        <translation>关联的格式为 KIND:REF（例如 lot:R26339-0001），而不是“{value}”</translation>
    </message>
    <message>
        <source>deviation {number} is {status}</source>
        <translation>偏差 {number}：{status}</translation>
    </message>
    <message>
        <source>deviation {number}: signed the closure (Approved) as {printed_name} ({user_id})</source>
        <translation>偏差 {number}：已以 {printed_name}（{user_id}）身份签署关闭（批准）</translation>
    </message>
    <message>
        <source>deviation {number}: {title}</source>
        <translation>偏差 {number}：{title}</translation>
    </message>
    <message>
        <source>investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>CLASS</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>OPENED</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <source>{record_type} {number} ({item_code}, {status}): {outcome}</source>
        <translation>{record_type} {number}（{item_code}，{status}）：{outcome}</translation>
    </message>
    <message>
        <source>deviation {number} is closed</source>
        <translation>偏差 {number} 已关闭</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM)</source>
        <translation>“{text}”不是日期（YYYY-MM-DD）或时间（YYYY-MM-DDTHH:MM）</translation>
    </message>
    <message>
        <source>the range {subject} ends before it starts</source>
        <translation>范围 {subject} 的结束早于开始</translation>
    </message>
    <message>
        <source>&apos;{subject}&apos;: give a record as TYPE:ID (e.g. lot:R2611-0001) or a time range FROM..TO (e.g. 2026-12-01..2026-12-05)</source>
        <translation>“{subject}”：请以 TYPE:ID 指定记录（例如 lot:R2611-0001），或以 FROM..TO 指定时间范围（例如 2026-12-01..2026-12-05）</translation>
    </message>
    <message>
        <source>lot {lot_number} is {status}: a certificate of analysis is issued for a released lot</source>
        <translation>物料批 {lot_number} 处于{status}状态：检验报告书只为已放行的物料批出具</translation>
    </message>
    <message>
        <source>{path}: give a file name ending in .docx or .pdf</source>
        <translation>{path}：请给出以 .docx 或 .pdf 结尾的文件名</translation>
    </message>
    <message>
        <source>{out} is a folder: give a file name such as batch-record.pdf</source>
        <translation>{out} 是文件夹：请给出文件名，例如 batch-record.pdf</translation>
    </message>
    <message>
        <source>which record? give its number</source>
        <translation>哪条记录？请给出其编号</translation>
    </message>
    <message>
        <source>{out} does not end in .{file_format}</source>
        <translation>{out} 不是以 .{file_format} 结尾</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} 不是文件</translation>
    </message>
    <message>
        <source>documents are written in English (en) or Chinese (zh), not &apos;{language}&apos;</source>
        <translation>文件以英文（en）或中文（zh）编写，而不是“{language}”</translation>
    </message>
    <message>
        <source>a trend shows between 2 and 500 batches</source>
        <translation>趋势图显示 2 到 500 个批次</translation>
    </message>
    <message>
        <source>batch {batch_number} has no parameter &apos;{parameter}&apos; in step {step_no}</source>
        <translation>批次 {batch_number} 的步骤 {step_no} 中没有参数“{parameter}”</translation>
    </message>
    <message>
        <source>step {step_no} {name} {part}</source>
        <translation>步骤 {step_no} {name} {part}</translation>
    </message>
    <message>
        <source>alert low</source>
        <translation>警戒下限</translation>
    </message>
    <message>
        <source>alert high</source>
        <translation>警戒上限</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>batch {batch_number} is {status}: steps are recorded while it is in production</source>
        <translation>批次 {batch_number} 处于{status}状态：步骤须在生产中记录</translation>
    </message>
    <message>
        <source>step {step_no} is performed: correct a value with a reason instead</source>
        <translation>步骤 {step_no} 已执行：请改为附原因更正数值</translation>
    </message>
    <message>
        <source>step {step_no} runs on {equipment_code}</source>
        <translation>步骤 {step_no} 在 {equipment_code} 上进行</translation>
    </message>
    <message>
        <source>step {step_no} needs a {equipment_class}: scan or choose it</source>
        <translation>步骤 {step_no} 需要 {equipment_class}：请扫描或选择</translation>
    </message>
    <message>
        <source>step {step_no} of batch {batch_number} is already started</source>
        <translation>批次 {batch_number} 的步骤 {step_no} 已开始</translation>
    </message>
    <message>
        <source>{spec} of step {step_no} is already recorded: a change is a correction with a reason</source>
        <translation>步骤 {step_no} 的 {spec} 已记录：修改须作为附原因的更正</translation>
    </message>
    <message>
        <source>line 1: the header must be {header}[,equipment]</source>
        <translation>第 1 行：表头必须为 {header}[,equipment]</translation>
    </message>
    <message>
        <source>value {value_id} has already been corrected: correct the value in force</source>
        <translation>数值 {value_id} 已被更正：请更正当前有效的数值</translation>
    </message>
    <message>
        <source>step {step_no} is signed as performed: its values can no longer change</source>
        <translation>步骤 {step_no} 已签署执行：其数值不能再更改</translation>
    </message>
    <message>
        <source>unknown step signature &apos;{meaning}&apos;: performed or verified</source>
        <translation>未知的步骤签名“{meaning}”：应为 performed（执行）或 verified（复核）</translation>
    </message>
    <message>
        <source>step {step_no} asks for no verification</source>
        <translation>步骤 {step_no} 不要求复核</translation>
    </message>
    <message>
        <source>step {step_no} has not been started</source>
        <translation>步骤 {step_no} 尚未开始</translation>
    </message>
    <message>
        <source>step {step_no} lacks values for {missing}</source>
        <translation>步骤 {step_no} 缺少 {missing} 的数值</translation>
    </message>
    <message>
        <source>the file is empty: expected the header timestamp,sensor,value,unit</source>
        <translation>文件为空：应有表头 timestamp,sensor,value,unit</translation>
    </message>
    <message>
        <source>line 1: the header must be {expected}, not {header}</source>
        <translation>第 1 行：表头必须为 {expected}，而不是 {header}</translation>
    </message>
    <message>
        <source>two release rules share a key: {keys}</source>
        <translation>两条放行规则使用了相同的键：{keys}</translation>
    </message>
    <message>
        <source>no {manifest} in {folder}: not an installed BatchTrace bundle</source>
        <translation>{folder} 中没有 {manifest}：不是已安装的 BatchTrace 程序包</translation>
    </message>
    <message>
        <source>{path} is not a readable manifest: {error}</source>
        <translation>{path} 不是可读取的清单文件：{error}</translation>
    </message>
    <message>
        <source>{path} is not a {format} manifest</source>
        <translation>{path} 不是 {format} 清单文件</translation>
    </message>
    <message>
        <source>{value}, line {number}: {rid} is listed twice</source>
        <translation>{value}，第 {number} 行：{rid} 列出了两次</translation>
    </message>
    <message>
        <source>{value}, line {number}: {rid} has no requirement text</source>
        <translation>{value}，第 {number} 行：{rid} 没有需求文本</translation>
    </message>
    <message>
        <source>{value} lists no requirement (rows &apos;| ID | requirement | verified by |&apos;)</source>
        <translation>{value} 未列出任何需求（行格式 &apos;| ID | requirement | verified by |&apos;）</translation>
    </message>
    <message>
        <source>the requirements list {path} does not exist</source>
        <translation>需求列表 {path} 不存在</translation>
    </message>
    <message>
        <source>{value} line {number} is not an audit anchor</source>
        <translation>{value} 第 {number} 行不是审计锚点</translation>
    </message>
    <message>
        <source>audit times must be timezone-aware</source>
        <translation>审计时间必须带时区</translation>
    </message>
    <message>
        <source>one point beyond 3 sigma</source>
        <translation>1 个点超出 3σ</translation>
    </message>
    <message>
        <source>two of three successive points beyond 2 sigma on the same side</source>
        <translation>连续 3 个点中有 2 个点在同一侧超出 2σ</translation>
    </message>
    <message>
        <source>four of five successive points beyond 1 sigma on the same side</source>
        <translation>连续 5 个点中有 4 个点在同一侧超出 1σ</translation>
    </message>
    <message>
        <source>eight successive points on the same side of the centre line</source>
        <translation>连续 8 个点位于中心线同一侧</translation>
    </message>
    <message>
        <source>a control chart needs at least two values</source>
        <translation>控制图至少需要两个数值</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>unknown classification &apos;{text}&apos;: use Minor, Major or Critical</source>
        <translation>未知的分级“{text}”：请使用 Minor（次要）、Major（主要）或 Critical（严重）</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>unknown root cause category &apos;{text}&apos;: use {choices}</source>
        <translation>未知的根本原因类别“{text}”：请使用 {choices}</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a record kind (e.g. lot, batch, result, alert)</source>
        <translation>“{kind}”不是记录类型（例如 lot、batch、result、alert）</translation>
    </message>
    <message>
        <source>a linked {kind} needs its number (1 to 120 characters)</source>
        <translation>关联的 {kind} 需要其编号（1 到 120 个字符）</translation>
    </message>
    <message>
        <source>a deviation needs a title of 1 to 200 characters</source>
        <translation>偏差需要 1 到 200 个字符的标题</translation>
    </message>
    <message>
        <source>a deviation needs a description of what happened</source>
        <translation>偏差需要说明发生了什么</translation>
    </message>
    <message>
        <source>deviation {number} is {status}: findings are recorded during its investigation</source>
        <translation>偏差 {number} 处于{status}状态：调查结果须在调查期间记录</translation>
    </message>
    <message>
        <source>deviation {number} cannot close: record {missing} first</source>
        <translation>偏差 {number} 无法关闭：请先记录{missing}</translation>
    </message>
    <message>
        <source>a row of {count} cells in a table of {count2} columns</source>
        <translation>表格有 {count2} 列，但某行有 {count} 个单元格</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>{what} &apos;{text}&apos; is not a finite number</source>
        <translation>{what}“{text}”不是有限数</translation>
    </message>
    <message>
        <source>{what} &apos;{text}&apos; is not a number</source>
        <translation>{what}“{text}”不是数字</translation>
    </message>
    <message>
        <source>{what} &apos;{text}&apos; is out of range</source>
        <translation>{what}“{text}”超出范围</translation>
    </message>
    <message>
        <source>Within limits</source>
        <translation>在限度内</translation>
    </message>
    <message>
        <source>In alert band</source>
        <translation>在警戒范围内</translation>
    </message>
    <message>
        <source>Out of limits</source>
        <translation>超出限度</translation>
    </message>
    <message>
        <source>lower limit {lower} is above upper limit {upper}</source>
        <translation>下限 {lower} 高于上限 {upper}</translation>
    </message>
    <message>
        <source>alert limit {alert} lies outside the limits {limits}</source>
        <translation>警戒限 {alert} 超出限度 {limits}</translation>
    </message>
    <message>
        <source>the {what} needs a name</source>
        <translation>{what}需要名称</translation>
    </message>
    <message>
        <source>the {what} name &apos;{name}...&apos; is longer than {max_length} characters</source>
        <translation>{what}名称“{name}...”超过 {max_length} 个字符</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>parameter {parameter}: the unit is required (at most 16 characters)</source>
        <translation>参数 {parameter}：单位为必填项（最多 16 个字符）</translation>
    </message>
    <message>
        <source>parameter {parameter}: target {target} lies outside its limits {limits}</source>
        <translation>参数 {parameter}：目标值 {target} 超出其限度 {limits}</translation>
    </message>
    <message>
        <source>step {step_no} needs an instruction</source>
        <translation>步骤 {step_no} 需要操作说明</translation>
    </message>
    <message>
        <source>step {step_no}: a verification checks a performed signature; ask for both</source>
        <translation>步骤 {step_no}：复核是对执行签名的核查；请同时要求两者</translation>
    </message>
    <message>
        <source>step {step_no} already has a parameter {parameter}</source>
        <translation>步骤 {step_no} 已有参数 {parameter}</translation>
    </message>
    <message>
        <source>step {step_no} has no parameter &apos;{name}&apos;</source>
        <translation>步骤 {step_no} 没有参数“{name}”</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <source>Differential pressure</source>
        <translation>压差</translation>
    </message>
    <message>
        <source>unknown sensor kind &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的传感器类型“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>the longest gap between readings must be between 1 minute and 24 hours</source>
        <translation>读数之间的最长间隔必须在 1 分钟到 24 小时之间</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>unknown equipment status &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的设备状态“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>equipment class</source>
        <translation>设备类别</translation>
    </message>
    <message>
        <source>{code} is a {equipment_class}: the step needs a {needed_class}</source>
        <translation>{code} 是 {equipment_class}：该步骤需要 {needed_class}</translation>
    </message>
    <message>
        <source>{code} is out of service: it cannot be used</source>
        <translation>{code} 已停用：不能使用</translation>
    </message>
    <message>
        <source>{code} was due for calibration on {calibration_due}: it cannot be used</source>
        <translation>{code} 的校准已于 {calibration_due} 到期：不能使用</translation>
    </message>
    <message>
        <source>step {step_no} is already performed</source>
        <translation>步骤 {step_no} 已执行</translation>
    </message>
    <message>
        <source>step {step_no} must be performed before it is verified</source>
        <translation>步骤 {step_no} 必须先执行才能复核</translation>
    </message>
    <message>
        <source>step {step_no} is already verified</source>
        <translation>步骤 {step_no} 已复核</translation>
    </message>
    <message>
        <source>step {step_no} was performed by {user_id}: a second person verifies it</source>
        <translation>步骤 {step_no} 由 {user_id} 执行：须由另一人复核</translation>
    </message>
    <message>
        <source>correcting {parameter} needs a reason</source>
        <translation>更正 {parameter} 需要原因</translation>
    </message>
    <message>
        <source>the master batch record has no step {step_no}</source>
        <translation>主批记录没有步骤 {step_no}</translation>
    </message>
    <message>
        <source>step {step_no} ({instruction}) must be performed before step {step_no2}</source>
        <translation>步骤 {step_no}（{instruction}）必须在步骤 {step_no2} 之前执行</translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Pass/fail</source>
        <translation>合格/不合格</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>unknown result type &apos;{text}&apos;: use one of {choices}</source>
        <translation>未知的结果类型“{text}”：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已替代</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>test code &apos;{code}&apos; must be 1 to 32 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>检验项目代码“{code}”必须由 1 到 32 个字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos; 组成</translation>
    </message>
    <message>
        <source>test {code} needs a name</source>
        <translation>检验项目 {code} 需要名称</translation>
    </message>
    <message>
        <source>test {code} needs a method (e.g. &apos;USP &lt;621&gt;&apos; or &apos;SOP-QC-012&apos;)</source>
        <translation>检验项目 {code} 需要检验方法（例如 &apos;USP &lt;621&gt;&apos; 或 &apos;SOP-QC-012&apos;）</translation>
    </message>
    <message>
        <source>test {code}: replicates must be 1 to {maximum}, not {replicates}</source>
        <translation>检验项目 {code}：平行测定次数必须为 1 到 {maximum}，而不是 {replicates}</translation>
    </message>
    <message>
        <source>test {code} lower limit</source>
        <translation>检验项目 {code} 下限</translation>
    </message>
    <message>
        <source>test {code} upper limit</source>
        <translation>检验项目 {code} 上限</translation>
    </message>
    <message>
        <source>numeric test {code} needs a unit</source>
        <translation>数值型检验项目 {code} 需要单位</translation>
    </message>
    <message>
        <source>numeric test {code} needs a lower limit, an upper limit or both</source>
        <translation>数值型检验项目 {code} 需要下限、上限或两者</translation>
    </message>
    <message>
        <source>test {code}: the lower limit {lower} is above the upper limit {upper}</source>
        <translation>检验项目 {code}：下限 {lower} 高于上限 {upper}</translation>
    </message>
    <message>
        <source>test {code}: decimals must be 0 to 6, not {decimals}</source>
        <translation>检验项目 {code}：小数位数必须为 0 到 6，而不是 {decimals}</translation>
    </message>
    <message>
        <source>test {code} is {kind}: limits apply to numeric tests only</source>
        <translation>检验项目 {code} 为{kind}：限度仅适用于数值型检验项目</translation>
    </message>
    <message>
        <source>text test {code} needs the text a result must match</source>
        <translation>文本型检验项目 {code} 需要结果必须匹配的文本</translation>
    </message>
    <message>
        <source>test {code}: a result value is empty</source>
        <translation>检验项目 {code}：有一个结果值为空</translation>
    </message>
    <message>
        <source>test {code} needs {replicates} replicate(s), {count} given</source>
        <translation>检验项目 {code} 需要 {replicates} 次平行测定，给出了 {count} 次</translation>
    </message>
    <message>
        <source>test {code}: unit &apos;{unit}&apos; differs from the specification&apos;s &apos;{value}&apos;</source>
        <translation>检验项目 {code}：单位“{unit}”与质量标准的“{value}”不同</translation>
    </message>
    <message>
        <source>test {code} result</source>
        <translation>检验项目 {code} 结果</translation>
    </message>
    <message>
        <source>test {code} result &apos;{v}&apos; is out of range</source>
        <translation>检验项目 {code} 的结果“{v}”超出范围</translation>
    </message>
    <message>
        <source>test {code}: &apos;{text}&apos; is neither Pass nor Fail</source>
        <translation>检验项目 {code}：“{text}”既不是 Pass（合格）也不是 Fail（不合格）</translation>
    </message>
    <message>
        <source>a specification for {item_code} needs at least one test</source>
        <translation>{item_code} 的质量标准至少需要一个检验项目</translation>
    </message>
    <message>
        <source>test {dup} appears twice in the specification</source>
        <translation>检验项目 {dup} 在质量标准中出现了两次</translation>
    </message>
    <message>
        <source>{label} has no test &apos;{code}&apos;: its tests are {code2}</source>
        <translation>{label} 没有检验项目“{code}”：其检验项目为 {code2}</translation>
    </message>
    <message>
        <source>{label} is {status}: it cannot become {target}</source>
        <translation>{label} 为{status}：不能变为{target}</translation>
    </message>
    <message>
        <source>{label} is {status}: only the effective version is retired</source>
        <translation>{label} 为{status}：只有生效版本才能停用</translation>
    </message>
    <message>
        <source>{label} is {status}: only a draft becomes effective</source>
        <translation>{label} 处于{status}状态：只有草稿才能生效</translation>
    </message>
    <message>
        <source>the instrument ID is longer than 60 characters</source>
        <translation>仪器 ID 超过 60 个字符</translation>
    </message>
    <message>
        <source>the {test_code} result is already reviewed</source>
        <translation>{test_code} 的结果已审核</translation>
    </message>
    <message>
        <source>you entered the {test_code} result: a second person reviews it (ACC-6)</source>
        <translation>{test_code} 的结果由您录入：须由另一人审核（ACC-6）</translation>
    </message>
    <message>
        <source>timestamp &apos;{text}&apos; is not ISO 8601 (e.g. 2026-03-29T01:30:00+01:00)</source>
        <translation>时间戳“{text}”不是 ISO 8601 格式（例如 2026-03-29T01:30:00+01:00）</translation>
    </message>
    <message>
        <source>timestamp &apos;{text}&apos; has no zone: add its UTC offset (e.g. +01:00 or Z)</source>
        <translation>时间戳“{text}”没有时区：请加上其 UTC 偏移（例如 +01:00 或 Z）</translation>
    </message>
    <message>
        <source>Gap in data</source>
        <translation>数据缺失</translation>
    </message>
    <message>
        <source>Process steps signed, parameters and environment within limits</source>
        <translation>工艺步骤已签名，参数和环境均在限度内</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>OLD</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>versions of master batch records and specifications: list, show, compare, and the open batches on a version</source>
        <translation>主批记录和质量标准的版本：列出、显示、比较，以及使用某一版本的未结批次</translation>
    </message>
    <message>
        <source>every version of a record with its status and dates</source>
        <translation>记录的每个版本及其状态和日期</translation>
    </message>
    <message>
        <source>one version exactly as it was: every line, step, parameter or test</source>
        <translation>某一版本的原样：每一行、步骤、参数或检验项目</translation>
    </message>
    <message>
        <source>compare two versions field by field: added, removed, changed</source>
        <translation>逐字段比较两个版本：新增、删除、更改</translation>
    </message>
    <message>
        <source>write the comparison as a controlled document (needs --user; registered and audited)</source>
        <translation>将比较结果写成受控文件（需要 --user；会登记并记入审计追踪）</translation>
    </message>
    <message>
        <source>which open batches use version N of a master batch record</source>
        <translation>哪些未结批次使用主批记录的版本 N</translation>
    </message>
    <message>
        <source>text for people (default), csv or json for scripts</source>
        <translation>供人阅读的文本（默认），或供脚本使用的 csv 或 json</translation>
    </message>
    <message>
        <source>mbr: a master batch record (by product code); spec: a specification (by item code)</source>
        <translation>mbr：主批记录（按产品代码）；spec：质量标准（按物料代码）</translation>
    </message>
    <message>
        <source>the product or item code</source>
        <translation>产品或物料代码</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>EFFECTIVE SINCE</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>{label} ({status}): {title}</source>
        <translation>{label}（{status}）：{title}</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>值</translation>
    </message>
    <message>
        <source>--user and --language go with --out FILE.docx|FILE.pdf</source>
        <translation>--user 和 --language 须与 --out FILE.docx|FILE.pdf 一起使用</translation>
    </message>
    <message>
        <source>{old} -&gt; {new}: {count} difference(s)</source>
        <translation>{old} -&gt; {new}：{count} 处差异</translation>
    </message>
    <message>
        <source>CHANGE</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>a document is issued by a user: give --user ID with --out</source>
        <translation>文件须由用户签发：请与 --out 一起给出 --user ID</translation>
    </message>
    <message>
        <source>no open batch uses {product} v{version}</source>
        <translation>没有未结批次使用 {product} v{version}</translation>
    </message>
    <message>
        <source>BATCH</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>PLANNED</source>
        <translation>计划数量</translation>
    </message>
    <message>
        <source>PLANNED AT</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>unknown record type &apos;{record_type}&apos;: use mbr or spec</source>
        <translation>未知的记录类型“{record_type}”：请使用 mbr（主批记录）或 spec（质量标准）</translation>
    </message>
    <message>
        <source>{key} has no versions of a master batch record</source>
        <translation>{key} 没有任何版本的主批记录</translation>
    </message>
    <message>
        <source>{key} has no versions of a specification</source>
        <translation>{key} 没有任何版本的质量标准</translation>
    </message>
    <message>
        <source>no specification {code} v{version}</source>
        <translation>没有质量标准 {code} v{version}</translation>
    </message>
    <message>
        <source>choose two different versions to compare</source>
        <translation>请选择两个不同的版本进行比较</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>BOM line</source>
        <translation>物料清单行</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Effective since</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Quantity per unit</source>
        <translation>单位用量</translation>
    </message>
    <message>
        <source>Tolerance %</source>
        <translation>允差 %</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>操作说明</translation>
    </message>
    <message>
        <source>Equipment class</source>
        <translation>设备类别</translation>
    </message>
    <message>
        <source>Performed signature</source>
        <translation>执行签名</translation>
    </message>
    <message>
        <source>Verified signature</source>
        <translation>复核签名</translation>
    </message>
    <message>
        <source>Any order</source>
        <translation>任意顺序</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Alert lower</source>
        <translation>警戒下限</translation>
    </message>
    <message>
        <source>Alert upper</source>
        <translation>警戒上限</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>检验方法</translation>
    </message>
    <message>
        <source>Result type</source>
        <translation>结果类型</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <source>Expected text</source>
        <translation>期望文本</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>平行测定次数</translation>
    </message>
    <message>
        <source>Required for release</source>
        <translation>放行必需</translation>
    </message>
    <message>
        <source>{old} and {new} are not versions of the same master batch record</source>
        <translation>{old} 和 {new} 不是同一主批记录的版本</translation>
    </message>
    <message>
        <source>{old} and {new} are not versions of the same specification</source>
        <translation>{old} 和 {new} 不是同一质量标准的版本</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>&apos;{subject}&apos; does not name two versions: use e.g. mbr:FD-IVC-20:v1:v2</source>
        <translation>“{subject}”未指明两个版本：请使用例如 mbr:FD-IVC-20:v1:v2</translation>
    </message>
    <message>
        <source>sensor</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>密钥环</translation>
    </message>
    <message>
        <source>Printers and scanners</source>
        <translation>打印机和扫描枪</translation>
    </message>
    <message>
        <source>Installed files</source>
        <translation>已安装文件</translation>
    </message>
    <message>
        <source>Database reachable</source>
        <translation>数据库可连接</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <source>no status at all</source>
        <translation>没有任何状态</translation>
    </message>
    <message>
        <source>its status history says {said}</source>
        <translation>其状态历史记为{said}</translation>
    </message>
    <message>
        <source>its status history jumps from {previous} to {from_status}</source>
        <translation>其状态历史从{previous}跳到{from_status}</translation>
    </message>
    <message>
        <source>its status history goes from {from_status} to {to_status}, which its workflow does not allow</source>
        <translation>其状态历史从{from_status}变为{to_status}，而其工作流不允许该转换</translation>
    </message>
    <message>
        <source>its status history resumes it to {to_status} from a hold put on it in {held_from}</source>
        <translation>其状态历史在{held_from}时被暂停，却恢复到{to_status}</translation>
    </message>
    <message>
        <source>no signed transition in its status history led to {status}</source>
        <translation>其状态历史中没有经签名的转换进入{status}</translation>
    </message>
    <message>
        <source>its {transition} lacks valid signatures: {missing}</source>
        <translation>其{transition}缺少有效签名：{missing}</translation>
    </message>
    <message>
        <source>integrity failure: {record_type} {record_id} is {status} in the database, but {problem}; its status is not backed by its signatures, so nothing was done (run &apos;batchtrace audit verify&apos; and tell QA)</source>
        <translation>完整性故障：{record_type} {record_id} 在数据库中为{status}，但{problem}；其状态没有签名支持，因此未执行任何操作（请运行 &apos;batchtrace audit verify&apos; 并通知 QA）</translation>
    </message>
    <message>
        <source>a change request needs at least one version: a draft it makes effective or an effective version it retires</source>
        <translation>变更申请至少需要一个版本：要生效的草稿或要停用的生效版本</translation>
    </message>
    <message>
        <source>{label}: a change request names one version of each record</source>
        <translation>{label}：变更申请对每个记录只能指定一个版本</translation>
    </message>
    <message>
        <source>{label}: BOM line {line_no} names an unknown item {item_code}</source>
        <translation>{label}：物料清单第 {line_no} 行指定了未知物料 {item_code}</translation>
    </message>
    <message>
        <source>{label}: BOM line {line_no} names {item_code}, which is retired</source>
        <translation>{label}：物料清单第 {line_no} 行指定的 {item_code} 已停用</translation>
    </message>
    <message>
        <source>{label}: BOM line {line_no} names {item_code}, which has no approved supplier</source>
        <translation>{label}：物料清单第 {line_no} 行指定的 {item_code} 没有合格供应商</translation>
    </message>
    <message>
        <source>submitted for approval</source>
        <translation>已提交批准</translation>
    </message>
    <message>
        <source>change request {number} implemented</source>
        <translation>变更申请 {number} 已实施</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not CODE:VERSION (e.g. FD-IVC-20:2)</source>
        <translation>“{text}”不是 代码:版本 格式（例如 FD-IVC-20:2）</translation>
    </message>
    <message>
        <source>change requests: versions made effective through approved changes (CHG-1)</source>
        <translation>变更申请：经批准的变更使版本生效（CHG-1）</translation>
    </message>
    <message>
        <source>open a change request naming the versions it changes; prints its number</source>
        <translation>开立变更申请，列明其变更的版本；输出其编号</translation>
    </message>
    <message>
        <source>not before this day (default today)</source>
        <translation>不早于此日期（默认今天）</translation>
    </message>
    <message>
        <source>a draft master batch record it makes effective (repeatable)</source>
        <translation>此申请使之生效的主批记录草稿（可重复）</translation>
    </message>
    <message>
        <source>a draft specification it makes effective (repeatable)</source>
        <translation>此申请使之生效的质量标准草稿（可重复）</translation>
    </message>
    <message>
        <source>an effective master batch record it retires (repeatable)</source>
        <translation>此申请停用的生效主批记录（可重复）</translation>
    </message>
    <message>
        <source>an effective specification it retires (repeatable)</source>
        <translation>此申请停用的生效质量标准（可重复）</translation>
    </message>
    <message>
        <source>the deviation that proposes it</source>
        <translation>提出此变更的偏差</translation>
    </message>
    <message>
        <source>one change request with its versions, impact and approvals</source>
        <translation>单个变更申请及其版本、影响和批准</translation>
    </message>
    <message>
        <source>change request number</source>
        <translation>变更申请编号</translation>
    </message>
    <message>
        <source>change requests, newest first</source>
        <translation>变更申请，最新的在前</translation>
    </message>
    <message>
        <source>only those not implemented, cancelled or rejected</source>
        <translation>仅未实施、未取消且未被拒绝的</translation>
    </message>
    <message>
        <source>submit for approval: the impact assessment is filled in</source>
        <translation>提交批准：同时填入影响评估</translation>
    </message>
    <message>
        <source>make its versions effective, all at once</source>
        <translation>使其所有版本一次性生效</translation>
    </message>
    <message>
        <source>sign an approval (asks for the password)</source>
        <translation>签署批准（会询问密码）</translation>
    </message>
    <message>
        <source>cancel a change request not yet approved</source>
        <translation>取消尚未批准的变更申请</translation>
    </message>
    <message>
        <source>reject a change request not yet approved (QA); its versions become drafts again</source>
        <translation>拒绝尚未批准的变更申请（QA）；其版本重新成为草稿</translation>
    </message>
    <message>
        <source>specification</source>
        <translation>质量标准</translation>
    </message>
    <message>
        <source>master batch record</source>
        <translation>主批记录</translation>
    </message>
    <message>
        <source>change request {number}: {title}</source>
        <translation>变更申请 {number}：{title}</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>implemented</source>
        <translation>实施</translation>
    </message>
    <message>
        <source>STATUS NOW</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>NO.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>IMPACT</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>name at least one version: --mbr, --spec, --retire-mbr or --retire-spec</source>
        <translation>请至少指定一个版本：--mbr、--spec、--retire-mbr 或 --retire-spec</translation>
    </message>
    <message>
        <source>EFFECTIVE ON</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>VERSIONS</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>CHANGE REQUEST</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>{heading}:</source>
        <translation>{heading}：</translation>
    </message>
    <message>
        <source>no effective specification applied when it entered testing</source>
        <translation>进入检验时没有适用的生效质量标准</translation>
    </message>
    <message>
        <source>{spec}: no test is required for release</source>
        <translation>{spec}：放行无需任何检验</translation>
    </message>
    <message>
        <source>{item} has no specification: no QC test is required for release</source>
        <translation>{item} 没有质量标准：放行无需 QC 检验</translation>
    </message>
    <message>
        <source>{code}: no result ({limits})</source>
        <translation>{code}：尚无结果（{limits}）</translation>
    </message>
    <message>
        <source>{code}: {reported} is out of spec ({limits})</source>
        <translation>{code}：{reported} 超标（{limits}）</translation>
    </message>
    <message>
        <source>{code}: {reported} is not reviewed yet</source>
        <translation>{code}：{reported} 尚未复核</translation>
    </message>
    <message>
        <source>{code}: {reported} within {limits}, reviewed</source>
        <translation>{code}：{reported} 符合 {limits}，已复核</translation>
    </message>
    <message>
        <source>{spec}:</source>
        <translation>{spec}：</translation>
    </message>
    <message>
        <source>no open deviation is linked</source>
        <translation>没有关联的未关闭偏差</translation>
    </message>
    <message>
        <source>{number} ({classification}) is open: {title}</source>
        <translation>{number}（{classification}）未关闭：{title}</translation>
    </message>
    <message>
        <source>no material was issued to it</source>
        <translation>未向其发放物料</translation>
    </message>
    <message>
        <source>a lot consumes no material</source>
        <translation>物料批不耗用物料</translation>
    </message>
    <message>
        <source>{lot} was of unknown status when issued</source>
        <translation>{lot} 发放时状态未知</translation>
    </message>
    <message>
        <source>{lot} was {status} when issued</source>
        <translation>{lot} 发放时为{status}</translation>
    </message>
    <message>
        <source>{lot} is Rejected now</source>
        <translation>{lot} 现为不合格</translation>
    </message>
    <message>
        <source>{n} lot(s) Released when issued, none Rejected: {lots}</source>
        <translation>{n} 个物料批发放时均已放行，无不合格：{lots}</translation>
    </message>
    <message>
        <source>no open alert</source>
        <translation>没有未处理的警报</translation>
    </message>
    <message>
        <source>alert {alert}: {message}</source>
        <translation>警报 {alert}：{message}</translation>
    </message>
    <message>
        <source>a lot has no process record of its own</source>
        <translation>物料批没有自己的工艺记录</translation>
    </message>
    <message>
        <source>nothing blocks release</source>
        <translation>没有阻碍放行的问题</translation>
    </message>
    <message>
        <source>step {step} ({instruction}) is not signed as performed</source>
        <translation>步骤 {step}（{instruction}）未签署执行</translation>
    </message>
    <message>
        <source>step {step} ({instruction}) is not verified by a second person</source>
        <translation>步骤 {step}（{instruction}）未经第二人复核</translation>
    </message>
    <message>
        <source>step {step} {measured} is outside {lower} .. {upper}</source>
        <translation>步骤 {step} {measured} 超出 {lower} .. {upper}</translation>
    </message>
    <message>
        <source>environment excursion ({deviation} open): {sensor} ({room}) {kind} {start} - {end} UTC, worst {worst}</source>
        <translation>环境超限事件（{deviation} 未关闭）：{sensor}（{room}）{kind} {start} - {end} UTC，最差值 {worst}</translation>
    </message>
    <message>
        <source>environment excursion ({deviation} open): {sensor} ({room}) {kind} {start} - {end} UTC</source>
        <translation>环境超限事件（{deviation} 未关闭）：{sensor}（{room}）{kind} {start} - {end} UTC</translation>
    </message>
    <message>
        <source>environment excursion: {sensor} ({room}) {kind} {start} - {end} UTC, worst {worst}</source>
        <translation>环境超限事件：{sensor}（{room}）{kind} {start} - {end} UTC，最差值 {worst}</translation>
    </message>
    <message>
        <source>environment excursion: {sensor} ({room}) {kind} {start} - {end} UTC</source>
        <translation>环境超限事件：{sensor}（{room}）{kind} {start} - {end} UTC</translation>
    </message>
    <message>
        <source>{sensor} ({room}) {kind} {start} - {end} UTC, worst {worst}</source>
        <translation>{sensor}（{room}）{kind} {start} - {end} UTC，最差值 {worst}</translation>
    </message>
    <message>
        <source>{sensor} ({room}) {kind} {start} - {end} UTC</source>
        <translation>{sensor}（{room}）{kind} {start} - {end} UTC</translation>
    </message>
    <message>
        <source>step {step}: {sensor} in {room} has no readings for the whole time of the step ({start} - {end} UTC)</source>
        <translation>步骤 {step}：{room} 中的 {sensor} 在该步骤的整个时段（{start} - {end} UTC）内读数不全</translation>
    </message>
    <message>
        <source>0-7 days</source>
        <translation>0-7 天</translation>
    </message>
    <message>
        <source>8-30 days</source>
        <translation>8-30 天</translation>
    </message>
    <message>
        <source>31-90 days</source>
        <translation>31-90 天</translation>
    </message>
    <message>
        <source>over 90 days</source>
        <translation>超过 90 天</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>不到一分钟</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} 毫秒</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BatchTrace</source>
        <translation>关于 BatchTrace</translation>
    </message>
    <message>
        <source>BatchTrace {version}</source>
        <translation>BatchTrace {version}</translation>
    </message>
    <message>
        <source>Batch traceability for medical-device manufacturers under GMP</source>
        <translation>面向医疗器械生产企业的 GMP 批次追溯系统</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>2-32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>2-32 个小写字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>The user must replace the temporary password at the first log-in.</source>
        <translation>用户首次登录时必须更换临时密码。</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签署姓名</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>重复密码</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入相同的密码两次。</translation>
    </message>
    <message>
        <source>Say why the site accepts one person in both roles, or untick one of them.</source>
        <translation>请说明场所为何接受一人同时担任这两个角色，或取消勾选其中一个。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>BatchTrace</source>
        <translation>BatchTrace</translation>
    </message>
    <message>
        <source>This station has no BatchTrace database yet.

Create it at {location}?</source>
        <translation>本工作站还没有 BatchTrace 数据库。

是否在 {location} 创建？</translation>
    </message>
    <message>
        <source>The database at {location} was written by an earlier version of BatchTrace (schema revision {found}); this version needs revision {head}.

BatchTrace first copies the database as it is into the backups folder beside it, then upgrades it. Upgrade now?</source>
        <translation>{location} 处的数据库由较早版本的 BatchTrace 写入（架构版本 {found}）；本版本需要版本 {head}。

BatchTrace 会先将数据库原样复制到其旁边的 backups 文件夹，然后再升级。现在升级吗？</translation>
    </message>
    <message>
        <source>The database was left as it is: BatchTrace {version} cannot work on it before it is upgraded (&apos;batchtrace db upgrade&apos; does the same).</source>
        <translation>数据库保持原样未改动：升级之前 BatchTrace {version} 无法使用它（“batchtrace db upgrade”的作用相同）。</translation>
    </message>
    <message>
        <source>BatchTrace cannot start</source>
        <translation>BatchTrace 无法启动</translation>
    </message>
</context>
<context>
    <name>ApproveSupplierDialog</name>
    <message>
        <source>Approve {name} ({code}) for an item</source>
        <translation>批准 {name}（{code}）供应某物料</translation>
    </message>
    <message>
        <source>e.g. supplier audit SA-2026-04 passed</source>
        <translation>例如：供应商审计 SA-2026-04 通过</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Every item this supplier could deliver is on its list already.</source>
        <translation>该供应商可供应的所有物料均已在其名单上。</translation>
    </message>
    <message>
        <source>Choose the item.</source>
        <translation>请选择物料。</translation>
    </message>
    <message>
        <source>Give the reason: it is kept in the audit trail.</source>
        <translation>请给出原因：它将保存在审计追踪中。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签署姓名</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Entry {seq}, {local} (UTC {utc})</source>
        <translation>条目 {seq}，{local}（UTC {utc}）</translation>
    </message>
    <message>
        <source>User: {name} ({uid})</source>
        <translation>用户：{name}（{uid}）</translation>
    </message>
    <message>
        <source>Record: {type} {id}</source>
        <translation>记录：{type} {id}</translation>
    </message>
    <message>
        <source>Action: {action}</source>
        <translation>操作：{action}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>变更：</translation>
    </message>
    <message>
        <source>  {field}: {old} → {new}</source>
        <translation>  {field}：{old} → {new}</translation>
    </message>
    <message>
        <source>Hash: {hash}
Previous: {prev}</source>
        <translation>哈希：{hash}
上一条：{prev}</translation>
    </message>
</context>
<context>
    <name>AuditTrailWidget</name>
    <message>
        <source>user ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>record ID</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <source>text in reason, changes or record ID</source>
        <translation>原因、变更或记录 ID 中的文字</translation>
    </message>
    <message>
        <source>(any record type)</source>
        <translation>（任意记录类型）</translation>
    </message>
    <message>
        <source>(any action)</source>
        <translation>（任意操作）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Apply filter</source>
        <translation>应用筛选</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Select an entry to see every field and its old and new value.</source>
        <translation>选择一个条目以查看每个字段及其新旧值。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验链</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>The &apos;From&apos; date is after the &apos;To&apos; date.</source>
        <translation>“从”日期晚于“至”日期。</translation>
    </message>
    <message>
        <source>{n} entries shown, loading…</source>
        <translation>已显示 {n} 条，正在加载…</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} 条</translation>
    </message>
    <message>
        <source>{n} newest entries shown: scroll down for older ones</source>
        <translation>已显示最新的 {n} 条：向下滚动查看更早的条目</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>正在校验审计追踪…</translation>
    </message>
    <message>
        <source>Audit trail intact: {n} entries checked, last entry {seq}, head hash {hash}.</source>
        <translation>审计追踪完整：已检查 {n} 条，最后一条 {seq}，链头哈希 {hash}。</translation>
    </message>
    <message>
        <source>Keyed by the database (HMAC) from entry {seq} on: no station can forge or recompute the entries from there.</source>
        <translation>自第 {seq} 条起由数据库以密钥签名（HMAC）：任何工作站都无法伪造或重算此后的条目。</translation>
    </message>
    <message>
        <source>Audit trail NOT intact: {problem} ({n} entries before it are intact).</source>
        <translation>审计追踪不完整：{problem}（其之前的 {n} 条完整）。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计追踪</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <source>Exported {n} entries to {path}.</source>
        <translation>已导出 {n} 条到 {path}。</translation>
    </message>
</context>
<context>
    <name>BatchChartsWidget</name>
    <message>
        <source>Export PNG...</source>
        <translation>导出 PNG...</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Batches in the trend</source>
        <translation>趋势中的批次数</translation>
    </message>
    <message>
        <source>Parameter in this batch</source>
        <translation>本批次的参数</translation>
    </message>
    <message>
        <source>Parameter across batches</source>
        <translation>跨批次的参数</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Step {n}: {parameter}</source>
        <translation>步骤 {n}：{parameter}</translation>
    </message>
    <message>
        <source>The master batch record of this batch has no parameters.</source>
        <translation>此批次的主批记录没有参数。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Chart saved as {path}.</source>
        <translation>图表已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>BatchDetailWidget</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Select a batch to see its materials, lots and what you may do with it.</source>
        <translation>选择一个批次以查看其物料、物料批以及您可执行的操作。</translation>
    </message>
    <message>
        <source>Issue material...</source>
        <translation>发放物料...</translation>
    </message>
    <message>
        <source>Return material...</source>
        <translation>退回物料...</translation>
    </message>
    <message>
        <source>Complete...</source>
        <translation>完成...</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>需求量</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限度</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Batch record...</source>
        <translation>批记录...</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Issues and returns</source>
        <translation>发放与退回</translation>
    </message>
    <message>
        <source>Output lots</source>
        <translation>产出物料批</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未处理的警报</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>工艺</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Acknowledge alert...</source>
        <translation>确认警报...</translation>
    </message>
    <message>
        <source>Escalate to deviation...</source>
        <translation>升级为偏差...</translation>
    </message>
    <message>
        <source>Deviation {number} opened from the alert; the alert is acknowledged.</source>
        <translation>已根据警报开立偏差 {number}；该警报已确认。</translation>
    </message>
    <message>
        <source>Acknowledge the alert “{message}”? Say what was done about it (for example the deviation opened).</source>
        <translation>确认警报“{message}”？请说明对此采取的措施（例如已开立的偏差）。</translation>
    </message>
    <message>
        <source>Alert acknowledged; it is kept in the audit trail.</source>
        <translation>警报已确认；已保存在审计追踪中。</translation>
    </message>
    <message>
        <source>Open alerts ({n})</source>
        <translation>未处理的警报（{n}）</translation>
    </message>
    <message>
        <source>Batch {n} of {product}, master batch record v{version}
Status: {status}
Planned {planned} {unit}; produced {produced}
Planned {planned_at}; started {started}; completed {completed}</source>
        <translation>产品 {product} 的批次 {n}，主批记录 v{version}
状态：{status}
计划 {planned} {unit}；产出 {produced}
计划于 {planned_at}；开始于 {started}；完成于 {completed}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Master record: {used} (no version is effective now)</source>
        <translation>主批记录：{used}（当前没有生效版本）</translation>
    </message>
    <message>
        <source>Master record: {used} (v{effective} effective since {since})</source>
        <translation>主批记录：{used}（v{effective} 自 {since} 起生效）</translation>
    </message>
    <message>
        <source>Master record: {used} (the effective version)</source>
        <translation>主批记录：{used}（即生效版本）</translation>
    </message>
    <message>
        <source>; specification v{version} applies to its QC testing</source>
        <translation>；其 QC 检验适用质量标准 v{version}</translation>
    </message>
    <message>
        <source>Trace...</source>
        <translation>追溯...</translation>
    </message>
    <message>
        <source>Resume...</source>
        <translation>恢复...</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Submit to QC</source>
        <translation>提交 QC</translation>
    </message>
    <message>
        <source>Pass to QA review</source>
        <translation>转交 QA 审核</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Reject...</source>
        <translation>拒绝...</translation>
    </message>
    <message>
        <source>Put on hold...</source>
        <translation>冻结...</translation>
    </message>
    <message>
        <source>Recall...</source>
        <translation>召回...</translation>
    </message>
    <message>
        <source>{action} batch {n} ({status} → {target})?</source>
        <translation>{action}批次 {n}（{status} → {target}）？</translation>
    </message>
    <message>
        <source>Batch {n} is now {status}.</source>
        <translation>批次 {n} 现为{status}。</translation>
    </message>
    <message>
        <source>Returned {qty} {unit} of lot {lot} ({item}) to stock.</source>
        <translation>已将物料批 {lot}（{item}）的 {qty} {unit} 退回库存。</translation>
    </message>
    <message>
        <source>Issued {qty} {unit} of lot {lot} ({item}) to the batch.</source>
        <translation>已将物料批 {lot}（{item}）的 {qty} {unit} 发放到该批次。</translation>
    </message>
    <message>
        <source>Batch {n} completed: finished lots {lots} in quarantine.</source>
        <translation>批次 {n} 已完成：成品物料批 {lots} 处于隔离状态。</translation>
    </message>
</context>
<context>
    <name>BatchListWidget</name>
    <message>
        <source>(any status)</source>
        <translation>（任意状态）</translation>
    </message>
    <message>
        <source>batch number</source>
        <translation>批次号</translation>
    </message>
    <message>
        <source>Plan batch...</source>
        <translation>计划批次...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{n} batches</source>
        <translation>{n} 个批次</translation>
    </message>
    <message>
        <source>Batch {n} planned from {product} v{version}.</source>
        <translation>已根据 {product} v{version} 计划批次 {n}。</translation>
    </message>
</context>
<context>
    <name>BatchParameterChartWidget</name>
    <message>
        <source>No parameter chosen</source>
        <translation>未选择参数</translation>
    </message>
    <message>
        <source>lower limit %1</source>
        <translation>下限 %1</translation>
    </message>
    <message>
        <source>upper limit %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标值 %1</translation>
    </message>
    <message>
        <source>%1 of step %2 in batch %3: %4</source>
        <translation>批次 %3 步骤 %2 的 %1：%4</translation>
    </message>
    <message>
        <source>No value recorded yet.</source>
        <translation>尚未记录数值。</translation>
    </message>
    <message>
        <source>%1 value(s) out of limits, marked in red.</source>
        <translation>%1 个数值超出限度，以红色标出。</translation>
    </message>
</context>
<context>
    <name>BatchProcessWidget</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>操作说明</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Scan or choose</source>
        <translation>扫描或选择</translation>
    </message>
    <message>
        <source>Start step</source>
        <translation>开始步骤</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Actual value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Record value</source>
        <translation>记录数值</translation>
    </message>
    <message>
        <source>Correct...</source>
        <translation>更正...</translation>
    </message>
    <message>
        <source>Sign performed...</source>
        <translation>签署执行...</translation>
    </message>
    <message>
        <source>Sign verified...</source>
        <translation>签署复核...</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>（无房间）</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>Performed, to verify</source>
        <translation>已执行，待复核</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>已执行</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Choose a step to record its values and sign it.</source>
        <translation>选择一个步骤以记录数值并签名。</translation>
    </message>
    <message>
        <source>The master batch record of this batch has no steps.</source>
        <translation>此批次的主批记录没有步骤。</translation>
    </message>
    <message>
        <source>Step {n}: {instruction}</source>
        <translation>步骤 {n}：{instruction}</translation>
    </message>
    <message>
        <source>Needs a {equipment}.</source>
        <translation>需要设备：{equipment}。</translation>
    </message>
    <message>
        <source>Signatures: performed and verified by a second person.</source>
        <translation>签名：执行，并由第二人复核。</translation>
    </message>
    <message>
        <source>Signature: performed.</source>
        <translation>签名：执行。</translation>
    </message>
    <message>
        <source>May run before the earlier steps.</source>
        <translation>可在之前的步骤完成前进行。</translation>
    </message>
    <message>
        <source>Started {at} on {equipment} in {room}.</source>
        <translation>{at} 在 {room} 的 {equipment} 上开始。</translation>
    </message>
    <message>
        <source>no equipment</source>
        <translation>无设备</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>无房间</translation>
    </message>
    <message>
        <source>Performed by {user} at {at}.</source>
        <translation>由 {user} 于 {at} 执行。</translation>
    </message>
    <message>
        <source>Verified by {user} at {at}.</source>
        <translation>由 {user} 于 {at} 复核。</translation>
    </message>
    <message>
        <source>The batch is not in production: nothing can be recorded now.</source>
        <translation>批次不在生产中：现在不能记录任何内容。</translation>
    </message>
    <message>
        <source> (out of service)</source>
        <translation>（停用）</translation>
    </message>
    <message>
        <source> (calibration due {day})</source>
        <translation>（校准到期 {day}）</translation>
    </message>
    <message>
        <source>{parameter} ({unit})</source>
        <translation>{parameter}（{unit}）</translation>
    </message>
    <message>
        <source>{old} {unit} ({by}, {at}) corrected to {new} by {user}: {reason}</source>
        <translation>{old} {unit}（{by}，{at}）由 {user} 更正为 {new}：{reason}</translation>
    </message>
    <message>
        <source>Step {n} started.</source>
        <translation>步骤 {n} 已开始。</translation>
    </message>
    <message>
        <source>Type the value of {parameter}.</source>
        <translation>请输入 {parameter} 的数值。</translation>
    </message>
    <message>
        <source>{parameter} = {value} {unit} recorded.</source>
        <translation>已记录 {parameter} = {value} {unit}。</translation>
    </message>
    <message>
        <source>It is out of limits: a deviation was opened.</source>
        <translation>超出限度：已开启偏差。</translation>
    </message>
    <message>
        <source>Step {n} signed as {meaning}.</source>
        <translation>步骤 {n} 已签署：{meaning}。</translation>
    </message>
    <message>
        <source>performed</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>复核</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <source>{status} (from {held_from})</source>
        <translation>{status}（自{held_from}）</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Record version</source>
        <translation>记录版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>产出</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Planned at</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <source>Calibration of {code}</source>
        <translation>{code} 的校准</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>{code} ({name}): calibration due {due}.</source>
        <translation>{code}（{name}）：校准到期 {due}。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Next calibration due</source>
        <translation>下次校准到期</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>e.g. calibrated, certificate CAL-26-0412</source>
        <translation>例如：已校准，证书 CAL-26-0412</translation>
    </message>
    <message>
        <source>Say why: the certificate or what was done.</source>
        <translation>请说明原因：证书或所做的工作。</translation>
    </message>
</context>
<context>
    <name>CapaActionDialog</name>
    <message>
        <source>New action: CAPA {number}</source>
        <translation>新行动：纠正预防措施 {number}</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>计划行动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
</context>
<context>
    <name>CapaDetailWidget</name>
    <message>
        <source>CAPA</source>
        <translation>纠正预防措施</translation>
    </message>
    <message>
        <source>Select a CAPA to see its actions and effectiveness.</source>
        <translation>选择一项纠正预防措施以查看其行动和有效性。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From deviation</source>
        <translation>来源偏差</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开立</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Effectiveness check due</source>
        <translation>有效性检查到期日</translation>
    </message>
    <message>
        <source>Effectiveness</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Plan action...</source>
        <translation>计划行动...</translation>
    </message>
    <message>
        <source>Close action...</source>
        <translation>关闭行动...</translation>
    </message>
    <message>
        <source>Effectiveness check...</source>
        <translation>有效性检查...</translation>
    </message>
    <message>
        <source>Close (signed)...</source>
        <translation>关闭（签名）...</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>not effective</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（尚无）</translation>
    </message>
    <message>
        <source>Action planned.</source>
        <translation>行动已计划。</translation>
    </message>
    <message>
        <source>Select an open action first.</source>
        <translation>请先选择一项未完成的行动。</translation>
    </message>
    <message>
        <source>Close action {n} of CAPA {number}: {what}</source>
        <translation>关闭纠正预防措施 {number} 的行动 {n}：{what}</translation>
    </message>
    <message>
        <source>The evidence that it was done: a record, a document number, a result</source>
        <translation>已完成的证据：记录、文件编号或结果</translation>
    </message>
    <message>
        <source>Action closed.</source>
        <translation>行动已关闭。</translation>
    </message>
    <message>
        <source>Effectiveness check recorded.</source>
        <translation>有效性检查已记录。</translation>
    </message>
    <message>
        <source>CAPA closed (signed).</source>
        <translation>纠正预防措施已关闭（已签名）。</translation>
    </message>
</context>
<context>
    <name>CapaListWidget</name>
    <message>
        <source>Open CAPA...</source>
        <translation>开立纠正预防措施...</translation>
    </message>
    <message>
        <source>Open CAPA only</source>
        <translation>仅显示未结的纠正预防措施</translation>
    </message>
    <message>
        <source>CAPA</source>
        <translation>纠正预防措施</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开立</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>CAPA {number} opened.</source>
        <translation>纠正预防措施 {number} 已开立。</translation>
    </message>
</context>
<context>
    <name>ChangeDetailWidget</name>
    <message>
        <source>Change request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>Select a change request to see its versions, impact and approvals.</source>
        <translation>选择一个变更申请以查看其版本、影响和批准。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Impact (filled in at submission)</source>
        <translation>影响（提交时填写）</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交批准</translation>
    </message>
    <message>
        <source>Approve (signed)...</source>
        <translation>批准（签名）...</translation>
    </message>
    <message>
        <source>Implement</source>
        <translation>实施</translation>
    </message>
    <message>
        <source>Cancel change...</source>
        <translation>取消变更...</translation>
    </message>
    <message>
        <source>Reject...</source>
        <translation>拒绝...</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（尚无）</translation>
    </message>
    <message>
        <source>Submitted for approval.</source>
        <translation>已提交批准。</translation>
    </message>
    <message>
        <source>Implemented: its versions are effective.</source>
        <translation>已实施：其版本已生效。</translation>
    </message>
    <message>
        <source>Cancel change request {number}?</source>
        <translation>取消变更申请 {number}？</translation>
    </message>
    <message>
        <source>Change request cancelled.</source>
        <translation>变更申请已取消。</translation>
    </message>
    <message>
        <source>Reject change request {number}?</source>
        <translation>拒绝变更申请 {number}？</translation>
    </message>
    <message>
        <source>Change request rejected: its versions are drafts again.</source>
        <translation>变更申请已拒绝：其版本重新成为草稿。</translation>
    </message>
</context>
<context>
    <name>ChangeListWidget</name>
    <message>
        <source>My requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>Waiting for my approval</source>
        <translation>等待我批准</translation>
    </message>
    <message>
        <source>Effective soon</source>
        <translation>即将生效</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>New change request...</source>
        <translation>新建变更申请...</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Change request {number} opened.</source>
        <translation>变更申请 {number} 已创建。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Set a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>At least {n} characters, letters mixed with digits or symbols, different from your last {h} passwords.</source>
        <translation>至少 {n} 个字符，字母与数字或符号混合，且不同于最近 {h} 个密码。</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>重复新密码</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>The two new passwords differ: type the same password twice.</source>
        <translation>两次输入的新密码不一致：请输入相同的密码两次。</translation>
    </message>
    <message>
        <source>Type your current password and the new one.</source>
        <translation>请输入当前密码和新密码。</translation>
    </message>
</context>
<context>
    <name>ChangeRolesDialog</name>
    <message>
        <source>Change roles</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Roles of {name} ({uid})</source>
        <translation>{name}（{uid}）的角色</translation>
    </message>
    <message>
        <source>A user needs at least one role.</source>
        <translation>用户至少需要一个角色。</translation>
    </message>
    <message>
        <source>The roles are unchanged.</source>
        <translation>角色未改变。</translation>
    </message>
    <message>
        <source>Say why the site accepts one person in both roles, or untick one of them.</source>
        <translation>请说明场所为何接受一人同时担任这两个角色，或取消勾选其中一个。</translation>
    </message>
</context>
<context>
    <name>CloseCapaDialog</name>
    <message>
        <source>Close CAPA {number}</source>
        <translation>关闭纠正预防措施 {number}</translation>
    </message>
    <message>
        <source>Sign closure</source>
        <translation>签名关闭</translation>
    </message>
    <message>
        <source>{number}: {title}
{n} action(s) closed with their evidence; effectiveness: {found}</source>
        <translation>{number}：{title}
{n} 项行动已凭证据关闭；有效性：{found}</translation>
    </message>
    <message>
        <source>CAPA</source>
        <translation>纠正预防措施</translation>
    </message>
    <message>
        <source>Meaning: Approved. I, {name} ({uid}), approve the actions and their effectiveness and close this CAPA. This electronic signature is the legally binding equivalent of my handwritten signature.</source>
        <translation>含义：批准。我，{name}（{uid}），批准这些行动及其有效性并关闭此纠正预防措施。本电子签名与我的手写签名具有同等法律效力。</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Your user ID</source>
        <translation>您的用户 ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>CloseDeviationDialog</name>
    <message>
        <source>Close deviation {number}</source>
        <translation>关闭偏差 {number}</translation>
    </message>
    <message>
        <source>Sign closure</source>
        <translation>签名关闭</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Meaning: Approved. I, {name} ({uid}), approve the investigation, root cause and disposition and close this deviation. This electronic signature is the legally binding equivalent of my handwritten signature.</source>
        <translation>签名含义：已批准。本人 {name}（{uid}）批准调查、根本原因和处置，并关闭此偏差。此电子签名与本人手写签名具有同等法律效力。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>e.g. CAPA-2026-004 opened; lot reworked</source>
        <translation>例如 已开启 CAPA-2026-004；物料批已返工</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Your user ID</source>
        <translation>您的用户 ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>CompleteBatchDialog</name>
    <message>
        <source>Complete batch {n}</source>
        <translation>完成批次 {n}</translation>
    </message>
    <message>
        <source>Planned: {qty} {unit}. The finished lots are created in quarantine.</source>
        <translation>计划：{qty} {unit}。成品物料批将以隔离状态创建。</translation>
    </message>
    <message>
        <source>good units made</source>
        <translation>合格产出数量</translation>
    </message>
    <message>
        <source>optional: one quantity per lot, e.g. 500, 490</source>
        <translation>可选：每个物料批一个数量，例如 500, 490</translation>
    </message>
    <message>
        <source>Produced ({unit})</source>
        <translation>产出（{unit}）</translation>
    </message>
    <message>
        <source>Split into lots</source>
        <translation>拆分为物料批</translation>
    </message>
    <message>
        <source>Complete batch</source>
        <translation>完成批次</translation>
    </message>
</context>
<context>
    <name>CorrectValueDialog</name>
    <message>
        <source>Correct {parameter} of step {step}</source>
        <translation>更正步骤 {step} 的 {parameter}</translation>
    </message>
    <message>
        <source>Record correction</source>
        <translation>记录更正</translation>
    </message>
    <message>
        <source>Recorded value</source>
        <translation>已记录的数值</translation>
    </message>
    <message>
        <source>{value} {unit}, by {user}</source>
        <translation>{value} {unit}，由 {user} 录入</translation>
    </message>
    <message>
        <source>Target and limits</source>
        <translation>目标值和限度</translation>
    </message>
    <message>
        <source>New value ({unit})</source>
        <translation>新数值（{unit}）</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Why the recorded value was wrong; the old value is kept</source>
        <translation>已记录的数值为何有误；旧数值将被保留</translation>
    </message>
    <message>
        <source>Type the new value.</source>
        <translation>请输入新数值。</translation>
    </message>
    <message>
        <source>A correction needs a reason.</source>
        <translation>更正需要原因。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit customer {code}</source>
        <translation>编辑客户 {code}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>e.g. HOSP1</source>
        <translation>例如 HOSP1</translation>
    </message>
    <message>
        <source>two letters, e.g. DE</source>
        <translation>两个字母，例如 CN</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Save changes...</source>
        <translation>保存更改...</translation>
    </message>
    <message>
        <source>Create customer</source>
        <translation>创建客户</translation>
    </message>
</context>
<context>
    <name>CustomerListWidget</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>New customer...</source>
        <translation>新建客户...</translation>
    </message>
    <message>
        <source>Edit customer...</source>
        <translation>编辑客户...</translation>
    </message>
    <message>
        <source>Customer {code} created.</source>
        <translation>已创建客户 {code}。</translation>
    </message>
    <message>
        <source>Change customer {code}?</source>
        <translation>更改客户 {code}？</translation>
    </message>
    <message>
        <source>Customer {code} changed.</source>
        <translation>已更改客户 {code}。</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次数</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>CAPA</source>
        <translation>纠正预防措施</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Open recall</source>
        <translation>未关闭的召回</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发起日期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <source>Customers completed</source>
        <translation>已完成的客户</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Batches released</source>
        <translation>已放行批次</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Released without a deviation</source>
        <translation>无偏差放行</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Release decisions</source>
        <translation>放行决定</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <source>Expired, still in stock</source>
        <translation>已过期、仍有库存</translation>
    </message>
    <message>
        <source>Batches by status</source>
        <translation>按状态统计的批次</translation>
    </message>
    <message>
        <source>Release lead time, completion to release (last {days} days)</source>
        <translation>放行周期，从完成到放行（最近 {days} 天）</translation>
    </message>
    <message>
        <source>Right first time (last {days} days)</source>
        <translation>一次合格率（最近 {days} 天）</translation>
    </message>
    <message>
        <source>Open deviations and CAPA by age</source>
        <translation>按时长统计的未关闭偏差和纠正预防措施</translation>
    </message>
    <message>
        <source>Lots in stock near expiry</source>
        <translation>临近有效期的库存物料批</translation>
    </message>
    <message>
        <source>Trace and recall response</source>
        <translation>追溯和召回响应</translation>
    </message>
    <message>
        <source>Figures for {today}, as of {time}</source>
        <translation>{today} 的数据，截至 {time}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{clean} of {released} released</source>
        <translation>已放行 {released} 个中的 {clean} 个</translation>
    </message>
    <message>
        <source>No finished lot has been released: no trace timed.</source>
        <translation>尚无已放行的成品物料批：未计时追溯。</translation>
    </message>
    <message>
        <source>Trace of {lot} just now: backward {backward} ({b} lines), forward {forward} ({f} lines).</source>
        <translation>刚才追溯 {lot}：反向追溯 {backward}（{b} 行），正向追溯 {forward}（{f} 行）。</translation>
    </message>
    <message>
        <source>No recall has been closed yet.</source>
        <translation>尚无已关闭的召回。</translation>
    </message>
    <message>
        <source>Recalls closed: {closed}; median time from opening to closing: {median}.</source>
        <translation>已关闭的召回：{closed}；从发起到关闭的时间中位数：{median}。</translation>
    </message>
</context>
<context>
    <name>DatabaseLine</name>
    <message>
        <source>{kind} database:</source>
        <translation>{kind} 数据库：</translation>
    </message>
</context>
<context>
    <name>DeviationDetailWidget</name>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Select a deviation to see its investigation and what it touches.</source>
        <translation>选择一个偏差以查看其调查及其涉及的记录。</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>QC result</source>
        <translation>QC 结果</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Excursion</source>
        <translation>超限事件</translation>
    </message>
    <message>
        <source>Batch step</source>
        <translation>批次步骤</translation>
    </message>
    <message>
        <source>Parameter value</source>
        <translation>参数值</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开启时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Linked record</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Number or ID</source>
        <translation>编号或 ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Finished lots</source>
        <translation>成品物料批</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Double-click a row to open its forward trace.</source>
        <translation>双击一行以打开其正向追溯。</translation>
    </message>
    <message>
        <source>Start investigation</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <source>Record findings...</source>
        <translation>记录调查结果...</translation>
    </message>
    <message>
        <source>Impact on other batches</source>
        <translation>对其他批次的影响</translation>
    </message>
    <message>
        <source>Close (signed)...</source>
        <translation>关闭（签名）...</translation>
    </message>
    <message>
        <source>Deviation report...</source>
        <translation>偏差报告...</translation>
    </message>
    <message>
        <source>What it touches</source>
        <translation>涉及的记录</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（尚无）</translation>
    </message>
    <message>
        <source>Investigation of {number} started.</source>
        <translation>{number} 的调查已开始。</translation>
    </message>
    <message>
        <source>Findings of {number} recorded.</source>
        <translation>{number} 的调查结果已记录。</translation>
    </message>
    <message>
        <source>Deviation {number} closed (signed).</source>
        <translation>偏差 {number} 已关闭（已签名）。</translation>
    </message>
    <message>
        <source>It touches no lot or batch: nothing to trace.</source>
        <translation>它不涉及任何物料批或批次：无可追溯。</translation>
    </message>
    <message>
        <source>Reached by the forward trace: {batches} batch(es), {shipments} shipment(s).</source>
        <translation>正向追溯涉及：{batches} 个批次，{shipments} 次发货。</translation>
    </message>
</context>
<context>
    <name>DeviationListWidget</name>
    <message>
        <source>Open deviations only</source>
        <translation>仅未关闭的偏差</translation>
    </message>
    <message>
        <source>New deviation...</source>
        <translation>新建偏差...</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开启时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>开启人</translation>
    </message>
    <message>
        <source>Touches</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Deviation {number} opened.</source>
        <translation>已开立偏差 {number}。</translation>
    </message>
</context>
<context>
    <name>DocumentButton</name>
    <message>
        <source>Document {number} written to {file} (SHA-256 {sha}).</source>
        <translation>文件 {number} 已写入 {file}（SHA-256 {sha}）。</translation>
    </message>
    <message>
        <source>Document {number} issued for printing.</source>
        <translation>文件 {number} 已发出打印。</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Print (with preview)</source>
        <translation>打印（带预览）</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>Word file (DOCX)</source>
        <translation>Word 文件（DOCX）</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Controlled copy (unticked: marked UNCONTROLLED COPY)</source>
        <translation>受控副本（不勾选：标注“非受控副本”）</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{kind} files (*.{suffix})</source>
        <translation>{kind} 文件 (*.{suffix})</translation>
    </message>
    <message>
        <source>Give the file to write.</source>
        <translation>请给出要写入的文件。</translation>
    </message>
</context>
<context>
    <name>EffectivenessDialog</name>
    <message>
        <source>Effectiveness check: CAPA {number}</source>
        <translation>有效性检查：纠正预防措施 {number}</translation>
    </message>
    <message>
        <source>Record check</source>
        <translation>记录检查</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Not effective: more actions are needed</source>
        <translation>无效：需要更多行动</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>What was checked and what it showed</source>
        <translation>检查了什么，结果如何</translation>
    </message>
</context>
<context>
    <name>EnvironmentChartWidget</name>
    <message>
        <source>No batch chosen</source>
        <translation>未选择批次</translation>
    </message>
    <message>
        <source>Loading the environment of %1 ...</source>
        <translation>正在加载 %1 的环境数据...</translation>
    </message>
    <message>
        <source>Batch %1: no step has a room with sensors yet</source>
        <translation>批次 %1：尚无步骤关联带传感器的房间</translation>
    </message>
    <message>
        <source>Environment of batch %1: steps shaded, excursions in red</source>
        <translation>批次 %1 的环境：步骤以阴影标示，超限以红色标示</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <source>%1 low %2</source>
        <translation>%1 下限 %2</translation>
    </message>
    <message>
        <source>%1 high %2</source>
        <translation>%1 上限 %2</translation>
    </message>
</context>
<context>
    <name>EquipmentDialog</name>
    <message>
        <source>New equipment</source>
        <translation>新设备</translation>
    </message>
    <message>
        <source>Add equipment</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>as on its label, e.g. SEAL-01</source>
        <translation>与其标签一致，例如 SEAL-01</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>what a step asks for, e.g. Pouch sealer</source>
        <translation>步骤所要求的类别，例如 Pouch sealer</translation>
    </message>
    <message>
        <source>Calibration due</source>
        <translation>校准到期</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>FacilitiesWidget</name>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>测量项目</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限度</translation>
    </message>
    <message>
        <source>Longest gap</source>
        <translation>最长间隔</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Calibration due</source>
        <translation>校准到期</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>无需校准</translation>
    </message>
    <message>
        <source>Take out of service...</source>
        <translation>停用...</translation>
    </message>
    <message>
        <source>Calibrated...</source>
        <translation>已校准...</translation>
    </message>
    <message>
        <source>New room...</source>
        <translation>新房间...</translation>
    </message>
    <message>
        <source>New sensor...</source>
        <translation>新传感器...</translation>
    </message>
    <message>
        <source>New equipment...</source>
        <translation>新设备...</translation>
    </message>
    <message>
        <source>Import readings...</source>
        <translation>导入读数...</translation>
    </message>
    <message>
        <source>Import values...</source>
        <translation>导入数值...</translation>
    </message>
    <message>
        <source>Rooms and their sensors</source>
        <translation>房间及其传感器</translation>
    </message>
    <message>
        <source>Back in service...</source>
        <translation>恢复使用...</translation>
    </message>
    <message>
        <source>Put {code} ({name}) back in service? Say what was done (repair, check).</source>
        <translation>将 {code}（{name}）恢复使用？请说明所做的工作（维修、检查）。</translation>
    </message>
    <message>
        <source>Take {code} ({name}) out of service? Steps can no longer use it. Say why.</source>
        <translation>停用 {code}（{name}）？步骤将不能再使用它。请说明原因。</translation>
    </message>
    <message>
        <source>{code}: next calibration recorded.</source>
        <translation>{code}：已记录下次校准。</translation>
    </message>
    <message>
        <source>Room {code} created: add its sensors.</source>
        <translation>房间 {code} 已创建：请添加其传感器。</translation>
    </message>
    <message>
        <source>Sensor {code} added to {room}.</source>
        <translation>传感器 {code} 已添加到 {room}。</translation>
    </message>
    <message>
        <source>{code} added.</source>
        <translation>{code} 已添加。</translation>
    </message>
    <message>
        <source>{code} is now {status}.</source>
        <translation>{code} 现在{status}。</translation>
    </message>
    <message>
        <source>in service</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>out of service</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <source>BatchTrace: first administrator</source>
        <translation>BatchTrace：第一位管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the first administrator: this account adds the other users.</source>
        <translation>此数据库还没有用户。请创建第一位管理员：该账户负责添加其他用户。</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签署姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>重复密码</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入相同的密码两次。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>FourEyesNotice</name>
    <message>
        <source>The site accepts this because ... (kept in the audit trail)</source>
        <translation>场所接受此情况，因为……（记入审计追踪）</translation>
    </message>
    <message>
        <source>Signing roles wait for approval by a second administrator or QA: {roles}.</source>
        <translation>签名角色须等待另一名管理员或 QA 批准：{roles}。</translation>
    </message>
</context>
<context>
    <name>GlobalSearchBox</name>
    <message>
        <source>Find a lot, batch, shipment, supplier lot or recall number</source>
        <translation>查找物料批号、批次号、发货单号、供应商批号或召回编号</translation>
    </message>
    <message>
        <source>Recall {n}</source>
        <translation>召回 {n}</translation>
    </message>
    <message>
        <source>Nothing found for &apos;{text}&apos;.</source>
        <translation>未找到“{text}”。</translation>
    </message>
    <message>
        <source>, supplier lot {lot}</source>
        <translation>，供应商批号 {lot}</translation>
    </message>
    <message>
        <source>{kind} {number} ({details}){supplier}</source>
        <translation>{kind} {number}（{details}）{supplier}</translation>
    </message>
</context>
<context>
    <name>InvestigationDialog</name>
    <message>
        <source>Findings: deviation {number}</source>
        <translation>调查结果：偏差 {number}</translation>
    </message>
    <message>
        <source>Record findings</source>
        <translation>记录调查结果</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Root cause category</source>
        <translation>根本原因类别</translation>
    </message>
    <message>
        <source>(not yet known)</source>
        <translation>（尚未知）</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <source>e.g. lab investigation report LIR-12</source>
        <translation>例如 实验室调查报告 LIR-12</translation>
    </message>
</context>
<context>
    <name>IssueMaterialDialog</name>
    <message>
        <source>Return material from batch {n}</source>
        <translation>从批次 {n} 退回物料</translation>
    </message>
    <message>
        <source>Issue material to batch {n}</source>
        <translation>向批次 {n} 发放物料</translation>
    </message>
    <message>
        <source>type or scan the lot number</source>
        <translation>输入或扫描物料批号</translation>
    </message>
    <message>
        <source>in the lot&apos;s unit</source>
        <translation>以物料批的单位计</translation>
    </message>
    <message>
        <source>optional: why it is returned</source>
        <translation>可选：退回原因</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Return to stock</source>
        <translation>退回库存</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>{item}, {status}, {on_hand} {unit} on hand{expiry}</source>
        <translation>{item}，{status}，库存 {on_hand} {unit}{expiry}</translation>
    </message>
    <message>
        <source>, expires {day}</source>
        <translation>，有效期至 {day}</translation>
    </message>
    <message>
        <source>Type or scan the lot number.</source>
        <translation>请输入或扫描物料批号。</translation>
    </message>
    <message>
        <source>{reason}
An alert was raised so that QA can follow this up.</source>
        <translation>{reason}
已发出警报，以便 QA 跟进。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit item {code}</source>
        <translation>编辑物料 {code}</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建物料</translation>
    </message>
    <message>
        <source>Save changes...</source>
        <translation>保存更改...</translation>
    </message>
    <message>
        <source>Create item</source>
        <translation>创建物料</translation>
    </message>
    <message>
        <source>e.g. RES-PC: letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;</source>
        <translation>例如 RES-PC：字母、数字、“.”、“_”、“-”</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>e.g. dry, 15-25 °C</source>
        <translation>例如：干燥，15-25 °C</translation>
    </message>
    <message>
        <source>8, 12, 13 or 14 digits; required for finished devices</source>
        <translation>8、12、13 或 14 位数字；成品器械必填</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Shelf life</source>
        <translation>保质期</translation>
    </message>
    <message>
        <source>Storage condition</source>
        <translation>储存条件</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>A finished device needs a GTIN (UDI device identifier).</source>
        <translation>成品器械需要 GTIN（UDI 器械标识）。</translation>
    </message>
    <message>
        <source>Check digit correct (GTIN-14 {gtin}).</source>
        <translation>校验位正确（GTIN-14 {gtin}）。</translation>
    </message>
</context>
<context>
    <name>ItemListWidget</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Shelf life (days)</source>
        <translation>保质期（天）</translation>
    </message>
    <message>
        <source>Storage condition</source>
        <translation>储存条件</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>New item...</source>
        <translation>新建物料...</translation>
    </message>
    <message>
        <source>Edit item...</source>
        <translation>编辑物料...</translation>
    </message>
    <message>
        <source>Specification versions...</source>
        <translation>质量标准版本...</translation>
    </message>
    <message>
        <source>Item {code} created.</source>
        <translation>已创建物料 {code}。</translation>
    </message>
    <message>
        <source>Change item {code}?</source>
        <translation>更改物料 {code}？</translation>
    </message>
    <message>
        <source>Item {code} changed.</source>
        <translation>已更改物料 {code}。</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
</context>
<context>
    <name>LabelPreviewDialog</name>
    <message>
        <source>Label of lot {n}</source>
        <translation>物料批 {n} 的标签</translation>
    </message>
    <message>
        <source>{w} × {h} dots, as the printer prints it. Nothing has been printed.</source>
        <translation>{w} × {h} 点，与打印机打印效果相同。尚未打印任何内容。</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Use this language</source>
        <translation>使用此语言</translation>
    </message>
    <message>
        <source>As this station ({language})</source>
        <translation>与本工作站相同（{language}）</translation>
    </message>
    <message>
        <source>Language of my sessions</source>
        <translation>我的会话语言</translation>
    </message>
    <message>
        <source>Saved with your user, so it follows you to every station. Names, lot numbers and other recorded data are shown as they were entered.</source>
        <translation>随您的用户保存，在每个工作站上都适用。名称、批号等已记录的数据按录入时的原样显示。</translation>
    </message>
</context>
<context>
    <name>LimsImportDialog</name>
    <message>
        <source>Import LIMS results: {file}</source>
        <translation>导入 LIMS 结果：{file}</translation>
    </message>
    <message>
        <source>Import {n} results</source>
        <translation>导入 {n} 个结果</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Why it is rejected</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>平行测定</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>within spec</source>
        <translation>符合标准</translation>
    </message>
    <message>
        <source>OUT OF SPEC</source>
        <translation>超标</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>already</source>
        <translation>已存储</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>Nothing can be imported: correct the file and choose it again.</source>
        <translation>无法导入任何内容：请更正文件后重新选择。</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>正在导入 {file}</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>BatchTrace is locked</source>
        <translation>BatchTrace 已锁定</translation>
    </message>
    <message>
        <source>Locked by {name}.</source>
        <translation>由 {name} 锁定。</translation>
    </message>
    <message>
        <source>Locked after inactivity.</source>
        <translation>因无操作已锁定。</translation>
    </message>
    <message>
        <source>Logged in: {name} ({uid}).
Type your password to go on working, or log out so that someone else can log in.</source>
        <translation>已登录：{name}（{uid}）。
请输入密码继续工作，或注销以便他人登录。</translation>
    </message>
    <message>
        <source>Password of {uid}</source>
        <translation>{uid} 的密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>BatchTrace: log in</source>
        <translation>BatchTrace：登录</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Type your user ID and password.</source>
        <translation>请输入用户 ID 和密码。</translation>
    </message>
</context>
<context>
    <name>LotDetailWidget</name>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>物料批号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Supplier / supplier lot</source>
        <translation>供应商 / 供应商批号</translation>
    </message>
    <message>
        <source>Manufactured on</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Select a lot to see its data and what you may do with it.</source>
        <translation>选择一个物料批以查看其数据以及您可执行的操作。</translation>
    </message>
    <message>
        <source>Trace...</source>
        <translation>追溯...</translation>
    </message>
    <message>
        <source>Certificate of analysis...</source>
        <translation>检验报告书...</translation>
    </message>
    <message>
        <source>{on_hand} of {quantity} {unit} on hand</source>
        <translation>库存 {on_hand} / {quantity} {unit}</translation>
    </message>
    <message>
        <source>(produced here)</source>
        <translation>（本厂生产）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Release...</source>
        <translation>放行...</translation>
    </message>
    <message>
        <source>Reject...</source>
        <translation>拒绝...</translation>
    </message>
    <message>
        <source>Put on hold...</source>
        <translation>冻结...</translation>
    </message>
    <message>
        <source>Return to quarantine...</source>
        <translation>退回隔离...</translation>
    </message>
    <message>
        <source>Release lot {n}? It can then be issued to batches and shipped.</source>
        <translation>放行物料批 {n}？放行后即可发放到批次并发货。</translation>
    </message>
    <message>
        <source>Reject lot {n}? A rejected lot can never be used.</source>
        <translation>拒收物料批 {n}？被拒收的物料批永远不能使用。</translation>
    </message>
    <message>
        <source>Put lot {n} on hold? It cannot be used until it is released again.</source>
        <translation>冻结物料批 {n}？在重新放行之前不能使用。</translation>
    </message>
    <message>
        <source>Return lot {n} to quarantine?</source>
        <translation>将物料批 {n} 退回隔离？</translation>
    </message>
    <message>
        <source>Change lot {n} to {status}?</source>
        <translation>将物料批 {n} 更改为{status}？</translation>
    </message>
    <message>
        <source>Lot {n} is now {status}.</source>
        <translation>物料批 {n} 现为{status}。</translation>
    </message>
</context>
<context>
    <name>LotLabelButtons</name>
    <message>
        <source>Print label...</source>
        <translation>打印标签...</translation>
    </message>
    <message>
        <source>Preview label</source>
        <translation>预览标签</translation>
    </message>
    <message>
        <source>Reprint...</source>
        <translation>重新打印...</translation>
    </message>
    <message>
        <source>Reprint the label of lot {n}? The reprint is recorded in the print journal with your reason.</source>
        <translation>重新打印物料批 {n} 的标签？重新打印将连同您的原因记录在打印日志中。</translation>
    </message>
    <message>
        <source>This station has no label printer: an administrator adds one in Tools &gt; Station devices.</source>
        <translation>本工作站没有标签打印机：须由管理员在“工具 &gt; 工作站设备”中添加。</translation>
    </message>
    <message>
        <source>Reprint of the label</source>
        <translation>标签重新打印</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>{what} of lot {n} printed on {printer} (print job {id}).</source>
        <translation>物料批 {n} 的{what}已在 {printer} 上打印（打印任务 {id}）。</translation>
    </message>
    <message>
        <source>{what} of lot {n} is {state}: {error} It stays in the print journal until it prints or is cancelled (print job {id}).</source>
        <translation>物料批 {n} 的{what}为{state}：{error} 在打印或取消之前，它保留在打印日志中（打印任务 {id}）。</translation>
    </message>
    <message>
        <source>Print job {id} was cancelled: {reason}</source>
        <translation>打印任务 {id} 已取消：{reason}</translation>
    </message>
    <message>
        <source>{what} of lot {n} is {state} on {printer} (print job {id}).</source>
        <translation>物料批 {n} 的{what}在 {printer} 上为{state}（打印任务 {id}）。</translation>
    </message>
</context>
<context>
    <name>LotListWidget</name>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>(any item)</source>
        <translation>（任意物料）</translation>
    </message>
    <message>
        <source>(any status)</source>
        <translation>（任意状态）</translation>
    </message>
    <message>
        <source>lot or supplier lot number</source>
        <translation>物料批号或供应商批号</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Receive lot...</source>
        <translation>接收物料批...</translation>
    </message>
    <message>
        <source>{n} lots</source>
        <translation>{n} 个物料批</translation>
    </message>
    <message>
        <source>Its label was sent to {printer}.</source>
        <translation>其标签已发送到 {printer}。</translation>
    </message>
    <message>
        <source>No label printer is set up at this station: print its label from the lot&apos;s pane once one is.</source>
        <translation>本工作站未设置标签打印机：设置后请在物料批窗格中打印其标签。</translation>
    </message>
    <message>
        <source>Lot {n} received into quarantine: {qty} {unit} of {item}.</source>
        <translation>物料批 {n} 已接收并隔离：{qty} {unit} {item}。</translation>
    </message>
</context>
<context>
    <name>LotTableModel</name>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Supplier lot</source>
        <translation>供应商批号</translation>
    </message>
    <message>
        <source>Manufactured</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BatchTrace: {name} ({uid})</source>
        <translation>BatchTrace：{name}（{uid}）</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>QC worklist</source>
        <translation>QC 待检清单</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>CAPA</source>
        <translation>纠正预防措施</translation>
    </message>
    <message>
        <source>Change control</source>
        <translation>变更控制</translation>
    </message>
    <message>
        <source>Waiting for my signature</source>
        <translation>等待我签名</translation>
    </message>
    <message>
        <source>Print journal</source>
        <translation>打印日志</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Your roles give you no functions in this version of BatchTrace yet.</source>
        <translation>在此版本的 BatchTrace 中，您的角色尚无可用功能。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Change password...</source>
        <translation>更改密码...</translation>
    </message>
    <message>
        <source>Language...</source>
        <translation>语言...</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>About BatchTrace...</source>
        <translation>关于 BatchTrace...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User: {uid} ({name})</source>
        <translation>用户：{uid}（{name}）</translation>
    </message>
    <message>
        <source>{kind}: {location}</source>
        <translation>{kind}：{location}</translation>
    </message>
    <message>
        <source>Schema revision {rev}</source>
        <translation>数据库结构版本 {rev}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{n} CAPA action(s) overdue</source>
        <translation>{n} 项纠正预防措施行动已逾期</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已更改。</translation>
    </message>
    <message>
        <source>{n} lot(s) past their expiry date were blocked: {numbers}</source>
        <translation>{n} 个已过有效期的物料批已被冻结：{numbers}</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Master batch records</source>
        <translation>主批记录</translation>
    </message>
    <message>
        <source>Master data</source>
        <translation>主数据</translation>
    </message>
</context>
<context>
    <name>MasterDataWidget</name>
    <message>
        <source>Items</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Number rules</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <source>Rooms and equipment</source>
        <translation>房间和设备</translation>
    </message>
</context>
<context>
    <name>MbrDraftDialog</name>
    <message>
        <source>New master batch record draft</source>
        <translation>新建主批记录草稿</translation>
    </message>
    <message>
        <source>e.g. Syringe 5 mL, moulding and assembly</source>
        <translation>例如：5 mL 注射器，注塑与装配</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Bill of materials: quantity per unit of product, in the component&apos;s unit</source>
        <translation>物料清单：每单位产品的用量，以组件的单位计</translation>
    </message>
    <message>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
    <message>
        <source>per unit of product</source>
        <translation>每单位产品</translation>
    </message>
    <message>
        <source>± %</source>
        <translation>± %</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Quantity per unit</source>
        <translation>单位用量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Tolerance %</source>
        <translation>允差 %</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Choose the component.</source>
        <translation>请选择组件。</translation>
    </message>
    <message>
        <source>{code} is already in the bill of materials.</source>
        <translation>{code} 已在物料清单中。</translation>
    </message>
    <message>
        <source>Choose the product: a finished device or an intermediate.</source>
        <translation>请选择产品：成品器械或中间品。</translation>
    </message>
</context>
<context>
    <name>MbrListWidget</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>BOM lines</source>
        <translation>物料清单行数</translation>
    </message>
    <message>
        <source>Effective since</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Quantity per unit</source>
        <translation>单位用量</translation>
    </message>
    <message>
        <source>Tolerance %</source>
        <translation>允差 %</translation>
    </message>
    <message>
        <source>(every product)</source>
        <translation>（所有产品）</translation>
    </message>
    <message>
        <source>New draft...</source>
        <translation>新建草稿...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Versions and compare...</source>
        <translation>版本与比较...</translation>
    </message>
    <message>
        <source>Draft {product} v{version} created.</source>
        <translation>已创建草稿 {product} v{version}。</translation>
    </message>
</context>
<context>
    <name>NewChangeDialog</name>
    <message>
        <source>New change request</source>
        <translation>新建变更申请</translation>
    </message>
    <message>
        <source>Open change request</source>
        <translation>创建变更申请</translation>
    </message>
    <message>
        <source>A change request makes the drafts you tick effective once it is approved and implemented; the versions in effect now are superseded then.</source>
        <translation>变更申请在批准并实施后使您勾选的草稿生效；届时当前生效的版本将被替代。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>e.g. Narrower melt temperature</source>
        <translation>例如：收窄熔体温度范围</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why the change is needed</source>
        <translation>为何需要此变更</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Proposed by deviation</source>
        <translation>由偏差提出</translation>
    </message>
    <message>
        <source>Deviation number (optional)</source>
        <translation>偏差编号（可选）</translation>
    </message>
    <message>
        <source>Drafts to make effective</source>
        <translation>要生效的草稿</translation>
    </message>
</context>
<context>
    <name>NewShipmentDialog</name>
    <message>
        <source>New shipment</source>
        <translation>新建发货</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Record shipment</source>
        <translation>记录发货</translation>
    </message>
    <message>
        <source>type or scan a released finished lot</source>
        <translation>输入或扫描已放行的成品物料批</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>No customer exists yet: create one in the master data first.</source>
        <translation>尚无客户：请先在主数据中创建。</translation>
    </message>
    <message>
        <source>Type or scan the lot number.</source>
        <translation>请输入或扫描物料批号。</translation>
    </message>
    <message>
        <source>Lot {lot} is already on this shipment.</source>
        <translation>物料批 {lot} 已在本次发货中。</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Close this notice</source>
        <translation>关闭此通知</translation>
    </message>
</context>
<context>
    <name>NumberRuleDialog</name>
    <message>
        <source>Number rule {scope}</source>
        <translation>编号规则 {scope}</translation>
    </message>
    <message>
        <source>Placeholders: {item} {yyyy} {yy} {mm} {dd} {doy} and one {seq} or {seq:0N} (N digits). The sequence restarts whenever the rest of the number changes.</source>
        <translation>占位符：{item} {yyyy} {yy} {mm} {dd} {doy} 以及一个 {seq} 或 {seq:0N}（N 位数字）。编号其余部分变化时序号重新开始。</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Save rule...</source>
        <translation>保存规则...</translation>
    </message>
</context>
<context>
    <name>NumberRuleListWidget</name>
    <message>
        <source>Numbers for</source>
        <translation>编号对象</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Change rule...</source>
        <translation>更改规则...</translation>
    </message>
    <message>
        <source>Change the number rule for {scope}?</source>
        <translation>更改 {scope} 的编号规则？</translation>
    </message>
    <message>
        <source>Numbers for {scope} now follow {pattern}.</source>
        <translation>{scope} 的编号现在遵循 {pattern}。</translation>
    </message>
</context>
<context>
    <name>OpenCapaDialog</name>
    <message>
        <source>Open CAPA</source>
        <translation>开立纠正预防措施</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>e.g. Pouch sealer drift</source>
        <translation>例如：封口机漂移</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>The problem and what the CAPA is to achieve</source>
        <translation>问题以及纠正预防措施要达到的目标</translation>
    </message>
    <message>
        <source>From deviation</source>
        <translation>来源偏差</translation>
    </message>
    <message>
        <source>Deviation number (optional)</source>
        <translation>偏差编号（可选）</translation>
    </message>
    <message>
        <source>Effectiveness check due</source>
        <translation>有效性检查到期日</translation>
    </message>
</context>
<context>
    <name>OpenDeviationDialog</name>
    <message>
        <source>Escalate alert to a deviation</source>
        <translation>将警报升级为偏差</translation>
    </message>
    <message>
        <source>New deviation</source>
        <translation>新建偏差</translation>
    </message>
    <message>
        <source>Open deviation</source>
        <translation>开立偏差</translation>
    </message>
    <message>
        <source>Alert {id}: {message}
Linked to the alert and to: {records}
The alert is acknowledged with the deviation&apos;s number.</source>
        <translation>警报 {id}：{message}
关联到该警报及：{records}
该警报将以偏差编号确认。</translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation>无其他记录</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>e.g. Torn bag at receipt</source>
        <translation>例如：接收时包装袋破损</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>What happened, where and when, and what was done at once</source>
        <translation>发生了什么、在何时何地，以及当即采取了哪些措施</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Linked lots</source>
        <translation>关联物料批</translation>
    </message>
    <message>
        <source>Lot numbers, separated by commas</source>
        <translation>物料批号，以逗号分隔</translation>
    </message>
    <message>
        <source>Linked batches</source>
        <translation>关联批次</translation>
    </message>
    <message>
        <source>Batch numbers, separated by commas</source>
        <translation>批次号，以逗号分隔</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>ParameterTrendWidget</name>
    <message>
        <source>No parameter chosen</source>
        <translation>未选择参数</translation>
    </message>
    <message>
        <source>lower limit %1</source>
        <translation>下限 %1</translation>
    </message>
    <message>
        <source>upper limit %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>均值 %1</translation>
    </message>
    <message>
        <source>LCL %1</source>
        <translation>LCL %1</translation>
    </message>
    <message>
        <source>UCL %1</source>
        <translation>UCL %1</translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <source>%1 of step %2 over the last %3 batches of %4</source>
        <translation>%4 最近 %3 个批次中步骤 %2 的 %1</translation>
    </message>
</context>
<context>
    <name>PendingSignaturesWidget</name>
    <message>
        <source>{transition} (to {target})</source>
        <translation>{transition}（至{target}）</translation>
    </message>
    <message>
        <source>Records waiting for your signature: {name} ({uid}).</source>
        <translation>等待您签名的记录：{name}（{uid}）。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Awaited</source>
        <translation>等待的签名</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>您的签名</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>等待自</translation>
    </message>
    <message>
        <source>Nothing is waiting for your signature.</source>
        <translation>没有等待您签名的记录。</translation>
    </message>
    <message>
        <source>Sign...</source>
        <translation>签名...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Select the record you want to sign.</source>
        <translation>请选择您要签名的记录。</translation>
    </message>
</context>
<context>
    <name>PlanBatchDialog</name>
    <message>
        <source>Plan batch</source>
        <translation>计划批次</translation>
    </message>
    <message>
        <source>how many units to make</source>
        <translation>要生产的数量</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Master batch record</source>
        <translation>主批记录</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>No product has an effective master batch record: nothing can be planned yet.</source>
        <translation>没有产品有生效的主批记录：尚无法计划。</translation>
    </message>
    <message>
        <source>{item}: {qty} {unit} per unit ±{tolerance} %</source>
        <translation>{item}：每单位 {qty} {unit} ±{tolerance} %</translation>
    </message>
    <message>
        <source>v{version} “{title}”
{lines}</source>
        <translation>v{version}“{title}”
{lines}</translation>
    </message>
    <message>
        <source>Choose a product with an effective master batch record.</source>
        <translation>请选择有生效主批记录的产品。</translation>
    </message>
</context>
<context>
    <name>PrintJournalWidget</name>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Reprint of</source>
        <translation>重新打印自</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Only jobs not printed yet</source>
        <translation>仅显示尚未打印的任务</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>物料批号</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Cancel job...</source>
        <translation>取消任务...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{n} print jobs</source>
        <translation>{n} 个打印任务</translation>
    </message>
    <message>
        <source>Print job {id} is queued again for {printer}.</source>
        <translation>打印任务 {id} 已重新排入 {printer} 的队列。</translation>
    </message>
    <message>
        <source>Cancel print job {id} (the label of lot {lot} on {printer})? It stays in the print journal as cancelled.</source>
        <translation>取消打印任务 {id}（{printer} 上物料批 {lot} 的标签）？它将作为已取消保留在打印日志中。</translation>
    </message>
    <message>
        <source>Print job {id} was cancelled.</source>
        <translation>打印任务 {id} 已取消。</translation>
    </message>
</context>
<context>
    <name>PrintLabelDialog</name>
    <message>
        <source>Reprint label</source>
        <translation>重新打印标签</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Reprint the label of lot {n}.</source>
        <translation>重新打印物料批 {n} 的标签。</translation>
    </message>
    <message>
        <source>Print the label of lot {n}.</source>
        <translation>打印物料批 {n} 的标签。</translation>
    </message>
    <message>
        <source>{name} ({language}, {transport})</source>
        <translation>{name}（{language}，{transport}）</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>No label printer is set up for this station.</source>
        <translation>本工作站未设置标签打印机。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>PrinterStatusLabel</name>
    <message>
        <source>No label printer</source>
        <translation>无标签打印机</translation>
    </message>
    <message>
        <source>Printer {name}: {n} job(s) waiting — {error}</source>
        <translation>打印机 {name}：{n} 个任务等待中 — {error}</translation>
    </message>
    <message>
        <source>Printer {name}: printing {n} job(s)</source>
        <translation>打印机 {name}：正在打印 {n} 个任务</translation>
    </message>
    <message>
        <source>Printer {name}: no jobs waiting</source>
        <translation>打印机 {name}：没有等待的任务</translation>
    </message>
</context>
<context>
    <name>ProcessImport</name>
    <message>
        <source>Import data-logger readings</source>
        <translation>导入数据记录仪读数</translation>
    </message>
    <message>
        <source>Import MES process values</source>
        <translation>导入 MES 工艺数值</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking every line of {file}...</source>
        <translation>正在检查 {file} 的每一行...</translation>
    </message>
    <message>
        <source>{file}: {new} new readings ({already} already stored), {n} new excursion(s).</source>
        <translation>{file}：{new} 条新读数（{already} 条已存储），{n} 个新偏移事件。</translation>
    </message>
    <message>
        <source>Each excursion opens a deviation.</source>
        <translation>每个偏移事件都会开启一个偏差。</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{file}: {n} values, {out} out of limits.</source>
        <translation>{file}：{n} 个数值，{out} 个超出限度。</translation>
    </message>
    <message>
        <source>step {step} {parameter} = {value} {unit}</source>
        <translation>步骤 {step} {parameter} = {value} {unit}</translation>
    </message>
    <message>
        <source>Each value out of limits opens a deviation.</source>
        <translation>每个超出限度的数值都会开启一个偏差。</translation>
    </message>
    <message>
        <source>{file}: {n} of {rows} lines rejected; nothing was stored.</source>
        <translation>{file}：{rows} 行中有 {n} 行被拒绝；未存储任何内容。</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>
... and {n} more</source>
        <translation>
... 以及另外 {n} 行</translation>
    </message>
    <message>
        <source>Store the import?</source>
        <translation>存储此次导入？</translation>
    </message>
    <message>
        <source>Store all</source>
        <translation>全部存储</translation>
    </message>
    <message>
        <source>Import not stored: nothing was changed.</source>
        <translation>导入未存储：没有任何更改。</translation>
    </message>
    <message>
        <source>Storing {file}...</source>
        <translation>正在存储 {file}...</translation>
    </message>
    <message>
        <source>{file}: stored {new} readings, {n} new excursion(s).</source>
        <translation>{file}：已存储 {new} 条读数，{n} 个新偏移事件。</translation>
    </message>
    <message>
        <source>{n} lines rejected; nothing was stored.</source>
        <translation>{n} 行被拒绝；未存储任何内容。</translation>
    </message>
    <message>
        <source>Recorded {n} values, {out} out of limits.</source>
        <translation>已记录 {n} 个数值，{out} 个超出限度。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was stored.</source>
        <translation>导入已取消：未存储任何内容。</translation>
    </message>
</context>
<context>
    <name>QcWorklistWidget</name>
    <message>
        <source>(any item)</source>
        <translation>（任意物料）</translation>
    </message>
    <message>
        <source>(any status)</source>
        <translation>（任意状态）</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>任意到期日</translation>
    </message>
    <message>
        <source>lot or batch number (or scan its label)</source>
        <translation>物料批号或批次号（或扫描其标签）</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>到期不晚于</translation>
    </message>
    <message>
        <source>Enter results...</source>
        <translation>录入结果...</translation>
    </message>
    <message>
        <source>Review results...</source>
        <translation>复核结果...</translation>
    </message>
    <message>
        <source>Import LIMS file...</source>
        <translation>导入 LIMS 文件...</translation>
    </message>
    <message>
        <source>Show lot or batch</source>
        <translation>显示物料批或批次</translation>
    </message>
    <message>
        <source>New specification version...</source>
        <translation>新建质量标准版本...</translation>
    </message>
    <message>
        <source>Specification versions...</source>
        <translation>质量标准版本...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{shown} of {total} records shown</source>
        <translation>已显示 {shown} / {total} 条记录</translation>
    </message>
    <message>
        <source>{n} result(s) of {number} saved.</source>
        <translation>{number} 的 {n} 个结果已保存。</translation>
    </message>
    <message>
        <source>Review of {number} signed.</source>
        <translation>{number} 的复核已签名。</translation>
    </message>
    <message>
        <source>Specification {item} version {version} saved as {status}: it takes effect through a change request.</source>
        <translation>质量标准 {item} 版本 {version} 已保存为{status}：经变更申请后生效。</translation>
    </message>
    <message>
        <source>Select a lot or batch, or an item in the filter, first.</source>
        <translation>请先选择一个物料批或批次，或在筛选中选择一个物料。</translation>
    </message>
    <message>
        <source>Import LIMS results</source>
        <translation>导入 LIMS 结果</translation>
    </message>
    <message>
        <source>LIMS results (*.csv *.json);;All files (*)</source>
        <translation>LIMS 结果 (*.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking {file}</source>
        <translation>正在检查 {file}</translation>
    </message>
    <message>
        <source>Deviation(s) opened: {numbers}.</source>
        <translation>已开启偏差：{numbers}。</translation>
    </message>
    <message>
        <source>Out of spec: {tests}; deviation {numbers} opened.</source>
        <translation>超标：{tests}；已开启偏差 {numbers}。</translation>
    </message>
</context>
<context>
    <name>QualityPane</name>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Within spec</source>
        <translation>符合标准</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>OUT OF SPEC</source>
        <translation>超标</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>检验员</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Deviations that touch it</source>
        <translation>涉及它的偏差</translation>
    </message>
    <message>
        <source>New deviation...</source>
        <translation>新建偏差...</translation>
    </message>
    <message>
        <source>Select a lot or batch to see its quality.</source>
        <translation>选择一个物料批或批次以查看其质量信息。</translation>
    </message>
    <message>
        <source>Not on the QC worklist: it has not entered testing.</source>
        <translation>不在 QC 待检清单上：尚未进入检验。</translation>
    </message>
    <message>
        <source>No specification applied when it entered testing (item {item}).</source>
        <translation>进入检验时没有适用的质量标准（物料 {item}）。</translation>
    </message>
    <message>
        <source>Specification {item} version {version} ({title}), effective {at}; QC plan {status}, due {due}.</source>
        <translation>质量标准 {item} 第 {version} 版（{title}），生效于 {at}；QC 计划 {status}，到期 {due}。</translation>
    </message>
    <message>
        <source>Release evaluation: every rule passes.</source>
        <translation>放行评估：所有规则均通过。</translation>
    </message>
    <message>
        <source>Release evaluation: {n} rule(s) fail, listed first.</source>
        <translation>放行评估：{n} 条规则不通过，列在最前。</translation>
    </message>
    <message>
        <source>Deviation {number} opened.</source>
        <translation>已开立偏差 {number}。</translation>
    </message>
</context>
<context>
    <name>QualityTab</name>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason for the change</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <source>{change}

Why? The reason is kept in the audit trail.</source>
        <translation>{change}

原因？原因将保存在审计追踪中。</translation>
    </message>
    <message>
        <source>In a sentence someone reading the audit trail years from now will understand</source>
        <translation>用一句多年后查阅审计追踪的人也能看懂的话说明</translation>
    </message>
</context>
<context>
    <name>RecallDetailWidget</name>
    <message>
        <source>Recall</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>Select a recall to see its scope and customers.</source>
        <translation>选择一个召回以查看其范围和客户。</translation>
    </message>
    <message>
        <source>Record progress...</source>
        <translation>记录进展...</translation>
    </message>
    <message>
        <source>Close recall...</source>
        <translation>关闭召回...</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>Recall report...</source>
        <translation>召回报告...</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Status at opening</source>
        <translation>打开时的状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>; closed {at}</source>
        <translation>；关闭于 {at}</translation>
    </message>
    <message>
        <source>Recall {n}: {status}
Trigger: lot {lot}
Reason: {reason}
Opened {opened}{closed}
Customers completed: {done} of {total}</source>
        <translation>召回 {n}：{status}
触发物料批：{lot}
原因：{reason}
打开于 {opened}{closed}
已完成客户：{done} / {total}</translation>
    </message>
    <message>
        <source>{customer} is now {status}.</source>
        <translation>{customer} 现为{status}。</translation>
    </message>
    <message>
        <source>Close recall {n}? Write the closing statement: what was recovered, what was destroyed, what is left.</source>
        <translation>关闭召回 {n}？请填写结案说明：收回了什么、销毁了什么、还剩什么。</translation>
    </message>
    <message>
        <source>Recall {n} closed.</source>
        <translation>召回 {n} 已关闭。</translation>
    </message>
    <message>
        <source>Export the recall</source>
        <translation>导出召回</translation>
    </message>
    <message>
        <source>Recall exported to {path}.</source>
        <translation>召回已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>RecallListWidget</name>
    <message>
        <source>Recall</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>Trigger lot</source>
        <translation>触发物料批</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customers completed</source>
        <translation>已完成客户</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>打开时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>RecallProgressDialog</name>
    <message>
        <source>Recall progress</source>
        <translation>召回进展</translation>
    </message>
    <message>
        <source>{name} ({code}): {old} → {new}</source>
        <translation>{name}（{code}）：{old} → {new}</translation>
    </message>
    <message>
        <source>optional; of {qty} shipped</source>
        <translation>可选；已发货 {qty}</translation>
    </message>
    <message>
        <source>e.g. notice sent by e-mail and phone to the pharmacy manager</source>
        <translation>例如：已通过电子邮件和电话通知药房经理</translation>
    </message>
    <message>
        <source>Returned or destroyed</source>
        <translation>已退回或销毁</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Say what was done: it is kept in the audit trail.</source>
        <translation>请说明采取的措施：它将保存在审计追踪中。</translation>
    </message>
</context>
<context>
    <name>ReceiveLotDialog</name>
    <message>
        <source>Receive lot</source>
        <translation>接收物料批</translation>
    </message>
    <message>
        <source>Choose the item…</source>
        <translation>选择物料…</translation>
    </message>
    <message>
        <source>Choose the supplier…</source>
        <translation>选择供应商…</translation>
    </message>
    <message>
        <source>the lot number on the supplier&apos;s label</source>
        <translation>供应商标签上的批号</translation>
    </message>
    <message>
        <source>e.g. 25 or 12.5</source>
        <translation>例如 25 或 12.5</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Supplier lot</source>
        <translation>供应商批号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Manufactured on</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Receive into quarantine</source>
        <translation>接收并隔离</translation>
    </message>
    <message>
        <source>No item can be received: create a raw material, component or packaging item first.</source>
        <translation>没有可接收的物料：请先创建原料、组件或包装物料。</translation>
    </message>
    <message>
        <source>No supplier is approved for this item: QA must approve one first.</source>
        <translation>该物料没有合格供应商：须由 QA 先批准一家。</translation>
    </message>
    <message>
        <source>Shelf life {days} days: give the expiry or the manufacture date.</source>
        <translation>保质期 {days} 天：请给出有效期或生产日期。</translation>
    </message>
    <message>
        <source>Store: {condition}</source>
        <translation>储存：{condition}</translation>
    </message>
    <message>
        <source>Expired on {day}: an expired lot cannot be received. Check the label; reject the delivery if it is right.</source>
        <translation>已于 {day} 过期：过期物料批不能接收。请核对标签；如标签无误请拒收该批到货。</translation>
    </message>
    <message>
        <source>Expires in {days} days ({day}).</source>
        <translation>{days} 天后过期（{day}）。</translation>
    </message>
    <message>
        <source>No item that is received has GTIN {gtin}.</source>
        <translation>没有 GTIN 为 {gtin} 的接收物料。</translation>
    </message>
    <message>
        <source>Supplier lot {lot} was received before as lot {lots}: check that this is not the same delivery.</source>
        <translation>供应商批号 {lot} 之前已作为物料批 {lots} 接收：请确认这不是同一批到货。</translation>
    </message>
    <message>
        <source>Filled from the scan: check the supplier and type the quantity.</source>
        <translation>已从扫描填入：请核对供应商并输入数量。</translation>
    </message>
    <message>
        <source>Filled from the scan: check the supplier and the quantity.</source>
        <translation>已从扫描填入：请核对供应商和数量。</translation>
    </message>
    <message>
        <source>Choose the item.</source>
        <translation>请选择物料。</translation>
    </message>
    <message>
        <source>Choose the supplier.</source>
        <translation>请选择供应商。</translation>
    </message>
    <message>
        <source>Choose an approved supplier: none is approved for this item.</source>
        <translation>请选择合格供应商：该物料没有已批准的供应商。</translation>
    </message>
</context>
<context>
    <name>RecordChooserDialog</name>
    <message>
        <source>Open which record?</source>
        <translation>打开哪条记录？</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; matches {n} records:</source>
        <translation>“{text}”匹配 {n} 条记录：</translation>
    </message>
</context>
<context>
    <name>RecordListWidget</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>RecordSigner</name>
    <message>
        <source>{requirement} signed: {kind} {n} is now {status}.</source>
        <translation>{requirement}已签名：{kind} {n} 现为{status}。</translation>
    </message>
    <message>
        <source>{requirement} signed. {progress}</source>
        <translation>{requirement}已签名。{progress}</translation>
    </message>
    <message>
        <source>You sign step {step} of batch {n} as {meaning}.</source>
        <translation>您签署批次 {n} 的步骤 {step}：{meaning}。</translation>
    </message>
</context>
<context>
    <name>RecordType</name>
    <message>
        <source>lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>shipment line</source>
        <translation>发货明细</translation>
    </message>
    <message>
        <source>material issue</source>
        <translation>发料</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>recall scope</source>
        <translation>召回范围</translation>
    </message>
    <message>
        <source>recall customer</source>
        <translation>召回客户</translation>
    </message>
    <message>
        <source>item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>supplier approval</source>
        <translation>供应商批准</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>number rule</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <source>master batch record</source>
        <translation>主批记录</translation>
    </message>
    <message>
        <source>BOM line</source>
        <translation>物料清单行</translation>
    </message>
    <message>
        <source>process step</source>
        <translation>工艺步骤</translation>
    </message>
    <message>
        <source>process parameter</source>
        <translation>工艺参数</translation>
    </message>
    <message>
        <source>batch step</source>
        <translation>批次步骤</translation>
    </message>
    <message>
        <source>parameter value</source>
        <translation>参数值</translation>
    </message>
    <message>
        <source>room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>sensor</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>readings import</source>
        <translation>读数导入</translation>
    </message>
    <message>
        <source>excursion</source>
        <translation>超限事件</translation>
    </message>
    <message>
        <source>specification</source>
        <translation>质量标准</translation>
    </message>
    <message>
        <source>specification test</source>
        <translation>质量标准检验项目</translation>
    </message>
    <message>
        <source>QC plan</source>
        <translation>QC 计划</translation>
    </message>
    <message>
        <source>QC result</source>
        <translation>QC 结果</translation>
    </message>
    <message>
        <source>deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>deviation link</source>
        <translation>偏差关联</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>site security settings</source>
        <translation>现场安全设置</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>signature rule</source>
        <translation>签名规则</translation>
    </message>
    <message>
        <source>print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>database schema</source>
        <translation>数据库结构</translation>
    </message>
    <message>
        <source>audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>change request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>change request line</source>
        <translation>变更申请行</translation>
    </message>
</context>
<context>
    <name>ReleaseDetailWidget</name>
    <message>
        <source>Release decision</source>
        <translation>放行决定</translation>
    </message>
    <message>
        <source>Select a lot or batch to see its release evaluation.</source>
        <translation>选择一个物料批或批次以查看其放行评估。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Sign release...</source>
        <translation>签署放行...</translation>
    </message>
    <message>
        <source>Reject (signed)...</source>
        <translation>拒绝（签名）...</translation>
    </message>
    <message>
        <source>Release rules (failed first)</source>
        <translation>放行规则（未通过的在前）</translation>
    </message>
    <message>
        <source>not releasable: {n} rule(s) failed</source>
        <translation>不可放行：{n} 条规则未通过</translation>
    </message>
    <message>
        <source>releasable</source>
        <translation>可放行</translation>
    </message>
    <message>
        <source>Releasing over {n} failed rule(s) needs, after the usual signatures, the QA override: a justification signed by a QA person who signs nothing else of this release.</source>
        <translation>在 {n} 条规则未通过的情况下放行，除常规签名外还需要 QA 让步放行：由未签署本次放行其他签名的 QA 人员签署理由。</translation>
    </message>
    <message>
        <source>Every rule passed: the release needs its usual signatures, each bound to this evaluation.</source>
        <translation>所有规则均已通过：放行需要常规签名，每个签名都与本评估绑定。</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
</context>
<context>
    <name>ReleaseWidget</name>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
</context>
<context>
    <name>RenameUserDialog</name>
    <message>
        <source>Change printed name of {uid}</source>
        <translation>更改 {uid} 的签署姓名</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签署姓名</translation>
    </message>
    <message>
        <source>The printed name is unchanged.</source>
        <translation>签署姓名未改变。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password of {uid}</source>
        <translation>重置 {uid} 的密码</translation>
    </message>
    <message>
        <source>{name} must replace this temporary password at the next log-in.</source>
        <translation>{name} 必须在下次登录时更换此临时密码。</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>重复密码</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入相同的密码两次。</translation>
    </message>
</context>
<context>
    <name>ResultsEntryDialog</name>
    <message>
        <source>QC results: {kind} {number}</source>
        <translation>QC 结果：{kind} {number}</translation>
    </message>
    <message>
        <source>Save results</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>Loading the specification...</source>
        <translation>正在加载质量标准...</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <source>e.g. HPLC-03</source>
        <translation>例如 HPLC-03</translation>
    </message>
    <message>
        <source>{name} ({uid}), the logged-in user</source>
        <translation>{name}（{uid}），当前登录用户</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>检验员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>the database server&apos;s clock when you save</source>
        <translation>保存时数据库服务器的时钟</translation>
    </message>
    <message>
        <source>Reason for correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>needed when you change a recorded result</source>
        <translation>修改已记录的结果时必填</translation>
    </message>
    <message>
        <source>No specification applied to {number} when it entered testing: make one effective for item {item}.</source>
        <translation>{number} 进入检验时没有适用的质量标准：请为物料 {item} 生效一个质量标准。</translation>
    </message>
    <message>
        <source>{item} · {title} (version {version}) · due {due} · {status}</source>
        <translation>{item} · {title}（第 {version} 版）· 到期 {due} · {status}</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限度</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>平行测定</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>Method: {method}</source>
        <translation>方法：{method}</translation>
    </message>
    <message>
        <source>Pass / Fail</source>
        <translation>合格 / 不合格</translation>
    </message>
    <message>
        <source>Pass or Fail</source>
        <translation>合格或不合格</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>{reported} by {analyst}</source>
        <translation>{reported}，{analyst}</translation>
    </message>
    <message>
        <source>reviewed by {reviewer}</source>
        <translation>复核人 {reviewer}</translation>
    </message>
    <message>
        <source>{n} of {m} replicates</source>
        <translation>平行测定 {n} / {m}</translation>
    </message>
    <message>
        <source>mean {value}</source>
        <translation>平均值 {value}</translation>
    </message>
    <message>
        <source>within spec</source>
        <translation>符合标准</translation>
    </message>
    <message>
        <source>OUT OF SPEC</source>
        <translation>超标</translation>
    </message>
    <message>
        <source>Nothing to save: type a result first.</source>
        <translation>没有可保存的内容：请先输入结果。</translation>
    </message>
    <message>
        <source>You changed a recorded result: say why in Reason for correction.</source>
        <translation>您修改了已记录的结果：请在“更正原因”中说明原因。</translation>
    </message>
</context>
<context>
    <name>ReviewResultsDialog</name>
    <message>
        <source>Review QC results: {number}</source>
        <translation>复核 QC 结果：{number}</translation>
    </message>
    <message>
        <source>Sign review</source>
        <translation>签名复核</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>平行测定</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Within spec</source>
        <translation>符合标准</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>检验员</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Meaning: Reviewed. I, {name} ({uid}), have checked these results against their records and the specification. This electronic signature is the legally binding equivalent of my handwritten signature.</source>
        <translation>签名含义：已复核。本人 {name}（{uid}）已对照原始记录和质量标准核对这些结果。此电子签名与本人手写签名具有同等法律效力。</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Your user ID</source>
        <translation>您的用户 ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>No result of {number} is waiting for review.</source>
        <translation>{number} 没有等待复核的结果。</translation>
    </message>
</context>
<context>
    <name>RoleChecklist</name>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>RoleGrantsDialog</name>
    <message>
        <source>Signing roles awaiting approval</source>
        <translation>等待批准的签名角色</translation>
    </message>
    <message>
        <source>Approve, signing with my password</source>
        <translation>批准（以我的密码签名）</translation>
    </message>
    <message>
        <source>A signing role applies only after a second administrator or QA approves it: not the one who asked, not the person who gets it.</source>
        <translation>签名角色须经另一名管理员或 QA 批准后才生效：不能是申请人，也不能是获得该角色的人。</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Reject...</source>
        <translation>拒绝...</translation>
    </message>
    <message>
        <source>#{id} {name} ({uid}): {roles}
asked by {by} on {when}</source>
        <translation>#{id} {name}（{uid}）：{roles}
由 {by} 于 {when} 申请</translation>
    </message>
    <message>
        <source>Four-eyes conflict accepted: {why}</source>
        <translation>已接受的双人复核冲突：{why}</translation>
    </message>
    <message>
        <source>No signing role is waiting for approval.</source>
        <translation>没有等待批准的签名角色。</translation>
    </message>
    <message>
        <source>Type your password: it signs the approval.</source>
        <translation>请输入您的密码：它用于签署此批准。</translation>
    </message>
    <message>
        <source>Grant #{id} approved: {uid} now holds {roles}.</source>
        <translation>授予 #{id} 已批准：{uid} 现担任 {roles}。</translation>
    </message>
    <message>
        <source>Reject grant #{id}? The roles never apply.</source>
        <translation>拒绝授予 #{id}？这些角色将不会生效。</translation>
    </message>
    <message>
        <source>Grant #{id} rejected.</source>
        <translation>授予 #{id} 已拒绝。</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>New room</source>
        <translation>新房间</translation>
    </message>
    <message>
        <source>Create room</source>
        <translation>创建房间</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>e.g. CR-7</source>
        <translation>例如 CR-7</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. Assembly clean room 7 (ISO 7)</source>
        <translation>例如 7 号装配洁净室（ISO 7）</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>A scan arrived while the window &quot;{title}&quot; was open and was not used: finish that window and scan again.</source>
        <translation>窗口“{title}”打开时收到一次扫描，但未使用：请完成该窗口后重新扫描。</translation>
    </message>
    <message>
        <source>The scan could not be looked up: {error}</source>
        <translation>无法查询扫描内容：{error}</translation>
    </message>
    <message>
        <source>{what}: scanned into a dialog that has closed since; not used.</source>
        <translation>{what}：扫描到的对话框已关闭；未使用。</translation>
    </message>
    <message>
        <source>Scanned: {what}</source>
        <translation>已扫描：{what}</translation>
    </message>
    <message>
        <source>{what}: to receive it, choose Receive lot... on the Lots page and scan it there.</source>
        <translation>{what}：如需接收，请在“物料批”页选择“接收物料批...”并在那里扫描。</translation>
    </message>
    <message>
        <source>Scanned into the field: {code}</source>
        <translation>已扫描到字段：{code}</translation>
    </message>
    <message>
        <source>a supplier&apos;s label</source>
        <translation>供应商标签</translation>
    </message>
    <message>
        <source>Scanned into the receipt: {what}</source>
        <translation>已扫描到接收单：{what}</translation>
    </message>
    <message>
        <source>a lot label</source>
        <translation>物料批标签</translation>
    </message>
    <message>
        <source>Lot {n} scanned: check the quantity, then {action}.</source>
        <translation>已扫描物料批 {n}：请核对数量，然后{action}。</translation>
    </message>
    <message>
        <source>Scanned into batch {batch}: lot {n}</source>
        <translation>已扫描到批次 {batch}：物料批 {n}</translation>
    </message>
    <message>
        <source>Scanned onto the shipment: lot {n}</source>
        <translation>已扫描到发货单：物料批 {n}</translation>
    </message>
    <message>
        <source>lot {n}</source>
        <translation>物料批 {n}</translation>
    </message>
    <message>
        <source>batch {n}</source>
        <translation>批次 {n}</translation>
    </message>
    <message>
        <source>shipment {n}</source>
        <translation>发货 {n}</translation>
    </message>
    <message>
        <source>{what} is not {wanted}.</source>
        <translation>{what}不是{wanted}。</translation>
    </message>
</context>
<context>
    <name>ScannerSimulatorWindow</name>
    <message>
        <source>Scanner simulator</source>
        <translation>扫描枪模拟器</translation>
    </message>
    <message>
        <source>a barcode as the scanner sends it; &lt;GS&gt; for the separator</source>
        <translation>扫描枪发送的条码；分隔符用 &lt;GS&gt;</translation>
    </message>
    <message>
        <source>Supplier label</source>
        <translation>供应商标签</translation>
    </message>
    <message>
        <source>Our last lot</source>
        <translation>我们的最新物料批</translation>
    </message>
    <message>
        <source>Finished lot UDI</source>
        <translation>成品物料批 UDI</translation>
    </message>
    <message>
        <source>Samples from this site</source>
        <translation>本现场的样例</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Send as wedge burst</source>
        <translation>以键盘楔形方式发送</translation>
    </message>
    <message>
        <source>Send as HID scan</source>
        <translation>以 HID 扫描方式发送</translation>
    </message>
    <message>
        <source>Unplug</source>
        <translation>拔出</translation>
    </message>
    <message>
        <source>Plug in</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>The keyboard wedge is off at this station (Tools &gt; Station devices).</source>
        <translation>本工作站的键盘楔形扫描已关闭（工具 &gt; 工作站设备）。</translation>
    </message>
    <message>
        <source>Supplier label: {subject}</source>
        <translation>供应商标签：{subject}</translation>
    </message>
    <message>
        <source>Our last lot: {subject}</source>
        <translation>我们的最新物料批：{subject}</translation>
    </message>
    <message>
        <source>Finished lot UDI: {subject}</source>
        <translation>成品物料批 UDI：{subject}</translation>
    </message>
    <message>
        <source>Sent {n} keys at scanner speed.</source>
        <translation>已按扫描枪速度发送 {n} 个按键。</translation>
    </message>
    <message>
        <source>Not sent: the simulated scanner is unplugged or stopped.</source>
        <translation>未发送：模拟扫描枪已拔出或已停止。</translation>
    </message>
    <message>
        <source>Sent as a HID scan.</source>
        <translation>已作为 HID 扫描发送。</translation>
    </message>
    <message>
        <source>No simulated HID scanner: enable the simulator in Tools &gt; Station devices.</source>
        <translation>没有模拟 HID 扫描枪：请在“工具 &gt; 工作站设备”中启用模拟器。</translation>
    </message>
    <message>
        <source>Simulated HID scanner: {state}</source>
        <translation>模拟 HID 扫描枪：{state}</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>unplugged</source>
        <translation>已拔出</translation>
    </message>
</context>
<context>
    <name>ScannerStatusLabel</name>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>disconnected, reconnecting…</source>
        <translation>已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>{name}: {state}</source>
        <translation>{name}：{state}</translation>
    </message>
    <message>
        <source>Keyboard wedge: on</source>
        <translation>键盘楔形扫描：开</translation>
    </message>
    <message>
        <source>Keyboard wedge: off</source>
        <translation>键盘楔形扫描：关</translation>
    </message>
    <message>
        <source>No scanner</source>
        <translation>无扫描枪</translation>
    </message>
    <message>
        <source>{name}: {state} ({details})</source>
        <translation>{name}：{state}（{details}）</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsDialog</name>
    <message>
        <source>Site security settings</source>
        <translation>场所安全设置</translation>
    </message>
    <message>
        <source>Save for the whole site</source>
        <translation>保存到整个场所</translation>
    </message>
    <message>
        <source>These rules apply at every station of the site: they are kept in the database, not in a station&apos;s settings. A change is a new version, kept in the audit trail with your reason.</source>
        <translation>这些规则适用于本场所的每个工作站：它们保存在数据库中，而不是工作站自己的设置里。每次更改生成一个新版本，连同您的原因记入审计追踪。</translation>
    </message>
    <message>
        <source>From {low} to {high}</source>
        <translation>从 {low} 到 {high}</translation>
    </message>
    <message>
        <source>e.g. SOP-012 revision 4: lock after 3 failed log-ins</source>
        <translation>例如：SOP-012 第 4 版：登录失败 3 次后锁定</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>In force: BatchTrace&apos;s defaults, never changed at this site.</source>
        <translation>当前生效：BatchTrace 默认值，本场所从未更改。</translation>
    </message>
    <message>
        <source>In force: version {version}, set by {user} on {when}.</source>
        <translation>当前生效：第 {version} 版，由 {user} 于 {when} 设置。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有任何更改。</translation>
    </message>
    <message>
        <source>Say why the rules change: the reason is kept in the audit trail.</source>
        <translation>请说明规则更改的原因：原因将记入审计追踪。</translation>
    </message>
</context>
<context>
    <name>SensorDialog</name>
    <message>
        <source>New sensor</source>
        <translation>新传感器</translation>
    </message>
    <message>
        <source>Add sensor</source>
        <translation>添加传感器</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>as the logger names it, e.g. CR7-T</source>
        <translation>与记录仪中的名称一致，例如 CR7-T</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>测量项目</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <source>Differential pressure</source>
        <translation>压差</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Longest gap (minutes)</source>
        <translation>最长间隔（分钟）</translation>
    </message>
    <message>
        <source>Create the room first.</source>
        <translation>请先创建房间。</translation>
    </message>
</context>
<context>
    <name>ShipmentListWidget</name>
    <message>
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Shipped on</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>shipment number, customer or lot</source>
        <translation>发货单号、客户或物料批</translation>
    </message>
    <message>
        <source>New shipment...</source>
        <translation>新建发货...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Shipment {n} to {customer} recorded.</source>
        <translation>已记录发往 {customer} 的发货 {n}。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Batch step</source>
        <translation>批次步骤</translation>
    </message>
    <message>
        <source>Electronic signature: {kind} {n}</source>
        <translation>电子签名：{kind} {n}</translation>
    </message>
    <message>
        <source>Loading what you would sign...</source>
        <translation>正在加载您将签署的内容...</translation>
    </message>
    <message>
        <source>Signed record</source>
        <translation>签署的记录</translation>
    </message>
    <message>
        <source>Release evaluation (signed with the record)</source>
        <translation>放行评估（与记录一同签署）</translation>
    </message>
    <message>
        <source>Signing as {name} ({uid}). This electronic signature is the legally binding equivalent of your handwritten signature.</source>
        <translation>以 {name}（{uid}）身份签名。此电子签名在法律上等同于您的手写签名。</translation>
    </message>
    <message>
        <source>Why: the reason is kept with the signature and in the audit trail</source>
        <translation>原因：原因将随签名保存并记入审计追踪</translation>
    </message>
    <message>
        <source>Your user ID</source>
        <translation>您的用户 ID</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>You sign the {requirement} for the {transition} of {kind} {n} (to {target}).</source>
        <translation>您为{kind} {n} 的{transition}（至{target}）签署{requirement}。</translation>
    </message>
    <message>
        <source>{requirement}, meaning: {meaning}</source>
        <translation>{requirement}，含义：{meaning}</translation>
    </message>
    <message>
        <source>Justification (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Why release although the rules above failed: kept with the override signature and in the audit trail</source>
        <translation>为何在上述规则未通过时仍放行：与让步放行签名一同保存，并记入审计追踪</translation>
    </message>
    <message>
        <source>Optional: a remark kept with the signature and in the audit trail</source>
        <translation>可选：随签名保存并记入审计追踪的备注</translation>
    </message>
    <message>
        <source>Releasable: every rule passed.</source>
        <translation>可放行：所有规则均已通过。</translation>
    </message>
    <message>
        <source>Not releasable: {n} rule(s) failed. Releasing needs the QA override with a justification by a QA person who signs nothing else of this release.</source>
        <translation>不可放行：{n} 条规则未通过。放行需要由未签署本次放行其他签名的 QA 人员签署带理由的 QA 让步放行。</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>The {requirement} needs a justification: type why the release may go ahead.</source>
        <translation>{requirement}需要理由：请填写为何可以放行。</translation>
    </message>
    <message>
        <source>The {requirement} needs a reason: type why.</source>
        <translation>{requirement}需要原因：请输入原因。</translation>
    </message>
    <message>
        <source>Type your user ID and your password: the first signature of a session needs both.</source>
        <translation>请输入用户 ID 和密码：会话中的首次签名两者都需要。</translation>
    </message>
    <message>
        <source>Type your password to sign.</source>
        <translation>请输入密码以签名。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Signature refused</source>
        <translation>签名被拒绝</translation>
    </message>
</context>
<context>
    <name>SignatureListWidget</name>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>INVALIDATED: the record changed after signing</source>
        <translation>已失效：签名后记录被更改</translation>
    </message>
    <message>
        <source>{name} ({uid}): {meaning}, {requirement}</source>
        <translation>{name}（{uid}）：{meaning}，{requirement}</translation>
    </message>
    <message>
        <source>{when} — {validity}</source>
        <translation>{when} — {validity}</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>备注：{comment}</translation>
    </message>
    <message>
        <source>Release evaluation signed: {lines}</source>
        <translation>签署的放行评估：{lines}</translation>
    </message>
    <message>
        <source>Signed {utc} UTC; signed content {version}:{hash}</source>
        <translation>签署于 {utc} UTC；签署内容 {version}:{hash}</translation>
    </message>
    <message>
        <source>{transition}: {summary}</source>
        <translation>{transition}：{summary}</translation>
    </message>
    <message>
        <source>No signatures yet.</source>
        <translation>尚无签名。</translation>
    </message>
    <message>
        <source>{n} signature(s) INVALIDATED: the record changed after signing.</source>
        <translation>{n} 个签名已失效：签名后记录被更改。</translation>
    </message>
</context>
<context>
    <name>SignedRecord</name>
    <message>
        <source>Lot</source>
        <translation>物料批</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Manufactured</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Master batch record</source>
        <translation>主批记录</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划数量</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>产出数量</translation>
    </message>
    <message>
        <source>Finished lots</source>
        <translation>成品物料批</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>To {action}, signatures: {signatures}.</source>
        <translation>{action}需要签名：{signatures}。</translation>
    </message>
    <message>
        <source>Sign: {action}...</source>
        <translation>签名：{action}...</translation>
    </message>
</context>
<context>
    <name>SpecDraftDialog</name>
    <message>
        <source>New specification version</source>
        <translation>新建质量标准版本</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>e.g. Polycarbonate resin, incoming inspection</source>
        <translation>例如：聚碳酸酯树脂，进货检验</translation>
    </message>
    <message>
        <source>Tests (double-click a cell to change it). The draft takes effect through a change request, not here.</source>
        <translation>检验项目（双击单元格进行修改）。草稿经变更申请生效，而非在此处生效。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>检验方法</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>平行测定次数</translation>
    </message>
    <message>
        <source>Expected text</source>
        <translation>期望文本</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Required for release</source>
        <translation>放行必需</translation>
    </message>
    <message>
        <source>Add test</source>
        <translation>添加检验项目</translation>
    </message>
    <message>
        <source>Remove test</source>
        <translation>删除检验项目</translation>
    </message>
    <message>
        <source>none yet: this is the first version</source>
        <translation>尚无：这是第一个版本</translation>
    </message>
    <message>
        <source>v{version} {status} since {at}: {title}</source>
        <translation>v{version} 自 {at} 起{status}：{title}</translation>
    </message>
    <message>
        <source>v{version} {status}: {title}</source>
        <translation>v{version} {status}：{title}</translation>
    </message>
    <message>
        <source>test {row}: {what} must be a whole number, not &apos;{text}&apos;</source>
        <translation>第 {row} 个检验项目：{what}必须是整数，而不是“{text}”</translation>
    </message>
    <message>
        <source>decimals</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <source>replicates</source>
        <translation>平行测定次数</translation>
    </message>
    <message>
        <source>Choose the item.</source>
        <translation>请选择物料。</translation>
    </message>
</context>
<context>
    <name>StationHardware</name>
    <message>
        <source>Station devices: {problem} This station has no label printer until an administrator corrects it.</source>
        <translation>工作站设备：{problem} 在管理员更正之前，本工作站没有标签打印机。</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Scanner simulator</source>
        <translation>扫描枪模拟器</translation>
    </message>
    <message>
        <source>Station devices...</source>
        <translation>工作站设备...</translation>
    </message>
    <message>
        <source>Station devices saved and in use.</source>
        <translation>工作站设备已保存并启用。</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <source>devices.json: scanners.wedge.{what}: &apos;{text}&apos; is not valid (write Enter as \r)</source>
        <translation>devices.json：scanners.wedge.{what}：“{text}”无效（回车请写作 \r）</translation>
    </message>
    <message>
        <source>Station devices</source>
        <translation>工作站设备</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>Label printers</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <source>The saved settings could not be used: {problem} Saving replaces them.</source>
        <translation>无法使用已保存的设置：{problem} 保存将替换它们。</translation>
    </message>
    <message>
        <source>Keyboard-wedge scanners (told from typing by key timing)</source>
        <translation>键盘楔形扫描枪（按按键间隔与手动输入区分）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none; \r is Enter</source>
        <translation>无；\r 表示回车</translation>
    </message>
    <message>
        <source>Keyboard wedge</source>
        <translation>键盘楔形</translation>
    </message>
    <message>
        <source>Longest gap between a scanner&apos;s keys</source>
        <translation>扫描枪按键之间的最长间隔</translation>
    </message>
    <message>
        <source>Shortest scan (characters)</source>
        <translation>最短扫描（字符数）</translation>
    </message>
    <message>
        <source>Prefix the scanner sends</source>
        <translation>扫描枪发送的前缀</translation>
    </message>
    <message>
        <source>Suffix the scanner sends</source>
        <translation>扫描枪发送的后缀</translation>
    </message>
    <message>
        <source>USB HID POS scanner</source>
        <translation>USB HID POS 扫描枪</translation>
    </message>
    <message>
        <source>auto: the first HID POS scanner found</source>
        <translation>自动：找到的第一台 HID POS 扫描枪</translation>
    </message>
    <message>
        <source>any product of that vendor</source>
        <translation>该厂商的任意产品</translation>
    </message>
    <message>
        <source>HID POS</source>
        <translation>HID POS</translation>
    </message>
    <message>
        <source>Vendor ID</source>
        <translation>厂商 ID</translation>
    </message>
    <message>
        <source>Product ID</source>
        <translation>产品 ID</translation>
    </message>
    <message>
        <source>Scanner simulator (demo and development: Tools &gt; Scanner simulator)</source>
        <translation>扫描枪模拟器（演示与开发用：工具 &gt; 扫描枪模拟器）</translation>
    </message>
    <message>
        <source>network (host:port)</source>
        <translation>网络（host:port）</translation>
    </message>
    <message>
        <source>USB printer device</source>
        <translation>USB 打印机设备</translation>
    </message>
    <message>
        <source>system print queue</source>
        <translation>系统打印队列</translation>
    </message>
    <message>
        <source>file (demo, tests)</source>
        <translation>文件（演示、测试）</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.50:9100, /dev/usb/lp0, Zebra_ZD421</source>
        <translation>例如 192.168.1.50:9100、/dev/usb/lp0、Zebra_ZD421</translation>
    </message>
    <message>
        <source>Ask the printer for its status before each label</source>
        <translation>每张标签打印前询问打印机状态</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <source>Lot label</source>
        <translation>物料批标签</translation>
    </message>
    <message>
        <source>UDI label</source>
        <translation>UDI 标签</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>添加打印机</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>删除打印机</translation>
    </message>
    <message>
        <source>Default printer (receipts print on it)</source>
        <translation>默认打印机（接收时在其上打印）</translation>
    </message>
    <message>
        <source>(none: receipts print no label)</source>
        <translation>（无：接收时不打印标签）</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>已耗用</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>产出</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>生产中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>QC testing</source>
        <translation>QC 检验</translation>
    </message>
    <message>
        <source>QA review</source>
        <translation>QA 审核</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>已召回</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已替代</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>取消资格</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>waiting for printer</source>
        <translation>等待打印机</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <source>Differential pressure</source>
        <translation>压差</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Raw material</source>
        <translation>原料</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包装材料</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>中间品</translation>
    </message>
    <message>
        <source>Finished device</source>
        <translation>成品器械</translation>
    </message>
    <message>
        <source>status not backed by its signatures ({problem})</source>
        <translation>状态没有签名支持（{problem}）</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>Create supplier</source>
        <translation>创建供应商</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>e.g. ACME</source>
        <translation>例如 ACME</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>SupplierListWidget</name>
    <message>
        <source>New supplier...</source>
        <translation>新建供应商...</translation>
    </message>
    <message>
        <source>Approve for an item...</source>
        <translation>批准供应某物料...</translation>
    </message>
    <message>
        <source>Approve again...</source>
        <translation>重新批准...</translation>
    </message>
    <message>
        <source>Suspend...</source>
        <translation>暂停...</translation>
    </message>
    <message>
        <source>Disqualify...</source>
        <translation>取消资格...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Approved items</source>
        <translation>已批准物料</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>物料名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Supplier {code} created: approve it for the items it delivers.</source>
        <translation>已创建供应商 {code}：请批准其供应的物料。</translation>
    </message>
    <message>
        <source>Approve {supplier} again for {item}?</source>
        <translation>重新批准 {supplier} 供应 {item}？</translation>
    </message>
    <message>
        <source>Suspend {supplier} for {item}? No lot of it can be received until it is approved again.</source>
        <translation>暂停 {supplier} 供应 {item}？在重新批准之前，不能接收其任何物料批。</translation>
    </message>
    <message>
        <source>Disqualify {supplier} for {item}?</source>
        <translation>取消 {supplier} 供应 {item} 的资格？</translation>
    </message>
    <message>
        <source>{supplier} is now {status} for {item}.</source>
        <translation>{supplier} 对 {item} 现为{status}。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Unexpected error ({kind}): {text}. The details are in the log.</source>
        <translation>意外错误（{kind}）：{text}。详情见日志。</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>cancelled: nothing was changed</source>
        <translation>已取消：未做任何更改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TraceTreeModel</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Supplier / supplier lot</source>
        <translation>供应商 / 供应商批号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Expires / shipped</source>
        <translation>有效期至 / 发货</translation>
    </message>
    <message>
        <source>shipped {day}</source>
        <translation>发货于 {day}</translation>
    </message>
    <message>
        <source>expires {day}</source>
        <translation>有效期至 {day}</translation>
    </message>
    <message>
        <source>Backward: where it came from</source>
        <translation>反向：来自何处</translation>
    </message>
    <message>
        <source>Forward: where it went</source>
        <translation>正向：去往何处</translation>
    </message>
    <message>
        <source>Show more…</source>
        <translation>显示更多…</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>已显示 {shown} / {total}</translation>
    </message>
</context>
<context>
    <name>TraceWidget</name>
    <message>
        <source>lot, batch, shipment or supplier lot number</source>
        <translation>物料批号、批次号、发货单号或供应商批号</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Forward (where it went)</source>
        <translation>正向（去往何处）</translation>
    </message>
    <message>
        <source>Backward (where it came from)</source>
        <translation>反向（来自何处）</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>Open recall...</source>
        <translation>打开召回...</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <source>Type a lot, batch, shipment or supplier lot number.</source>
        <translation>请输入物料批号、批次号、发货单号或供应商批号。</translation>
    </message>
    <message>
        <source>Tracing {n}…</source>
        <translation>正在追溯 {n}…</translation>
    </message>
    <message>
        <source>{kind} {number}: counting what the trace reaches… (first level in {ms} ms)</source>
        <translation>{kind} {number}：正在统计追溯所及范围…（第一层用时 {ms} ms）</translation>
    </message>
    <message>
        <source>{kind} {number}: {parts}. First level in {ms} ms.</source>
        <translation>{kind} {number}：{parts}。第一层用时 {ms} ms。</translation>
    </message>
    <message>
        <source>forward: batches {batches}, lots {lots} (finished {finished}), shipments {shipments}, customers {customers}</source>
        <translation>正向：批次 {batches}，物料批 {lots}（成品 {finished}），发货 {shipments}，客户 {customers}</translation>
    </message>
    <message>
        <source>backward: batches {batches}, lots {lots}, suppliers {suppliers}</source>
        <translation>反向：批次 {batches}，物料批 {lots}，供应商 {suppliers}</translation>
    </message>
    <message>
        <source>Export the trace</source>
        <translation>导出追溯</translation>
    </message>
    <message>
        <source>Exporting the whole trace of {n}…</source>
        <translation>正在导出 {n} 的完整追溯…</translation>
    </message>
    <message>
        <source>Trace exported to {path} ({lines} lines).</source>
        <translation>追溯已导出到 {path}（{lines} 行）。</translation>
    </message>
    <message>
        <source>Open a recall for lot {n}? Everything traced forward from it that is in stock or not yet released is put on hold, released batches are marked recalled, and the customers it reached are listed. Say what was found and by whom.</source>
        <translation>为物料批 {n} 打开召回？从它正向追溯到的、仍在库存或尚未放行的一切都将被冻结，已放行的批次标记为已召回，并列出涉及的客户。请说明发现了什么、由谁发现。</translation>
    </message>
    <message>
        <source>e.g. complaint CMP-2026-031: particles found in the resin lot by incoming QC of the moulder</source>
        <translation>例如：投诉 CMP-2026-031：注塑厂来料检验在树脂物料批中发现颗粒</translation>
    </message>
    <message>
        <source>Opening a recall for lot {n}…</source>
        <translation>正在为物料批 {n} 打开召回…</translation>
    </message>
    <message>
        <source>Recall {n} opened. Records in scope: {scope}; customers to notify: {customers}.</source>
        <translation>召回 {n} 已打开。范围内记录：{scope}；需通知客户：{customers}。</translation>
    </message>
</context>
<context>
    <name>UserAdminWidget</name>
    <message>
        <source>Add user...</source>
        <translation>添加用户...</translation>
    </message>
    <message>
        <source>Deactivate...</source>
        <translation>停用...</translation>
    </message>
    <message>
        <source>Unlock...</source>
        <translation>解锁...</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>重置密码...</translation>
    </message>
    <message>
        <source>Change roles...</source>
        <translation>更改角色...</translation>
    </message>
    <message>
        <source>Change printed name...</source>
        <translation>更改签署姓名...</translation>
    </message>
    <message>
        <source>Role approvals...</source>
        <translation>角色批准...</translation>
    </message>
    <message>
        <source>Security settings...</source>
        <translation>安全设置...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>User &apos;{uid}&apos; added: the user sets a new password at the first log-in.</source>
        <translation>已添加用户“{uid}”：该用户首次登录时设置新密码。</translation>
    </message>
    <message>
        <source>Deactivate {name} ({uid})? The user can no longer log in; the ID is never reused.</source>
        <translation>停用 {name}（{uid}）？该用户将无法再登录；其 ID 永不重复使用。</translation>
    </message>
    <message>
        <source>User &apos;{uid}&apos; deactivated.</source>
        <translation>用户“{uid}”已停用。</translation>
    </message>
    <message>
        <source>Unlock {name} ({uid}) and reset the failed log-in count?</source>
        <translation>解锁 {name}（{uid}）并重置登录失败次数？</translation>
    </message>
    <message>
        <source>User &apos;{uid}&apos; unlocked.</source>
        <translation>用户“{uid}”已解锁。</translation>
    </message>
    <message>
        <source>Give {name} ({uid}) a temporary password?</source>
        <translation>给 {name}（{uid}）一个临时密码？</translation>
    </message>
    <message>
        <source>Password of &apos;{uid}&apos; reset: the user sets a new one at the next log-in.</source>
        <translation>“{uid}”的密码已重置：该用户下次登录时设置新密码。</translation>
    </message>
    <message>
        <source>Give {name} ({uid}) the roles: {roles}?</source>
        <translation>给 {name}（{uid}）以下角色：{roles}？</translation>
    </message>
    <message>
        <source>Roles of &apos;{uid}&apos; changed.</source>
        <translation>“{uid}”的角色已更改。</translation>
    </message>
    <message>
        <source>Change the printed name of &apos;{uid}&apos; from &apos;{old}&apos; to &apos;{new}&apos;?</source>
        <translation>将“{uid}”的签署姓名从“{old}”改为“{new}”？</translation>
    </message>
    <message>
        <source>Printed name of &apos;{uid}&apos; changed.</source>
        <translation>“{uid}”的签署姓名已更改。</translation>
    </message>
    <message>
        <source>Security settings saved as version {version}: they apply at every station.</source>
        <translation>安全设置已保存为第 {version} 版：适用于每个工作站。</translation>
    </message>
    <message>
        <source>e.g. left the company, wrong name spelled, new duties</source>
        <translation>例如：已离职、姓名拼写错误、职责变更</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签署姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码更改时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>{role} (pending)</source>
        <translation>{role}（待批准）</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Must set a new password</source>
        <translation>必须设置新密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
</context>
<context>
    <name>ValueVerdict</name>
    <message>
        <source>target {target} {unit}, limits {lower} .. {upper}</source>
        <translation>目标值 {target} {unit}，限度 {lower} .. {upper}</translation>
    </message>
    <message>
        <source>, alert band {lower} .. {upper}</source>
        <translation>，警戒范围 {lower} .. {upper}</translation>
    </message>
    <message>
        <source>Within limits</source>
        <translation>在限度内</translation>
    </message>
    <message>
        <source>In alert band</source>
        <translation>在警戒范围内</translation>
    </message>
    <message>
        <source>Out of limits</source>
        <translation>超出限度</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>{verdict}: recording it opens a deviation</source>
        <translation>{verdict}：记录后将开启偏差</translation>
    </message>
</context>
<context>
    <name>VersionCompareDialog</name>
    <message>
        <source>Compare {old} and {new}</source>
        <translation>比较 {old} 与 {new}</translation>
    </message>
    <message>
        <source>{count} difference(s) from {old} ({old_status}) to {new} ({new_status}). Added lines are green, removed ones red, changed ones yellow.</source>
        <translation>从 {old}（{old_status}）到 {new}（{new_status}）共 {count} 处差异。新增的行为绿色，删除的为红色，更改的为黄色。</translation>
    </message>
    <message>
        <source>{old} and {new} hold the same content.</source>
        <translation>{old} 与 {new} 的内容相同。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Compare as a document...</source>
        <translation>生成比较文件...</translation>
    </message>
</context>
<context>
    <name>VersionHistoryDialog</name>
    <message>
        <source>Versions of the master batch record of {key}</source>
        <translation>{key} 的主批记录版本</translation>
    </message>
    <message>
        <source>Versions of the specification of {key}</source>
        <translation>{key} 的质量标准版本</translation>
    </message>
    <message>
        <source>Select two versions and press Compare to see every difference field by field.</source>
        <translation>选择两个版本并点击“比较”，逐字段查看每一处差异。</translation>
    </message>
    <message>
        <source>Open batches lists the batches still open on the selected version.</source>
        <translation>“未结批次”列出仍使用所选版本的未结批次。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Effective since</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Open batches</source>
        <translation>未结批次</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Planned quantity</source>
        <translation>计划数量</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Open batches on {label}: {count}</source>
        <translation>使用 {label} 的未结批次：{count}</translation>
    </message>
    <message>
        <source>No open batch uses {label}.</source>
        <translation>没有未结批次使用 {label}。</translation>
    </message>
</context>
<context>
    <name>WorklistTableModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>质量标准</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Out of spec</source>
        <translation>超标</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>Overdue since {day}</source>
        <translation>自 {day} 起逾期</translation>
    </message>
    <message>
        <source>none applied</source>
        <translation>未适用</translation>
    </message>
</context>
<context>
    <name>_Delivery</name>
    <message>
        <source>BatchTrace</source>
        <translation>BatchTrace</translation>
    </message>
</context>
</TS>
