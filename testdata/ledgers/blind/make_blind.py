#!/usr/bin/python3
"""Make the blind ledger fixtures: ledgers laid out as other offices lay them
out, written before the reader was read. What each should read as is written
by hand in expected/<name>.json (not generated here, and never rectify's
output). Run with Debian's python3-openpyxl; make.sh then has LibreOffice
save the WPS-like workbook and the .xls."""
import csv, datetime
import openpyxl
from openpyxl.styles import Alignment, Font

WRAP = Alignment(wrap_text=True, vertical="center")


def put(ws, ref, value, fmt=None):
    c = ws[ref]
    c.value = value
    if isinstance(value, str) and "\n" in value:
        c.alignment = WRAP
    if fmt:
        c.number_format = fmt
    return c


def excel_multirow(path):
    """Excel: title and 填报单位（盖章）/填报日期 rows, a three-row header
    (整改落实 over 整改措施 over 具体措施/责任单位/责任人), category rows
    merged across, issues spanning several rows with merged 序号/问题/进展
    cells and one measure per row, numbers stored as text, dates as real
    dates and as text, a hidden row, a 合计 row and a 填表说明 block."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.merge_cells("A1:J1")
    put(ws, "A1", "中共某某县自然资源局党组关于县委第三巡察组反馈意见整改落实台账").font = Font(size=16, bold=True)
    ws.merge_cells("A2:E2")
    put(ws, "A2", "填报单位（盖章）：中共某某县自然资源局党组")
    ws.merge_cells("F2:J2")
    put(ws, "F2", "填报日期：2025年9月30日")
    for col, head in zip("ABHIJ", ["序号", "反馈问题", "整改进展", "佐证材料", "备注"]):
        ws.merge_cells(f"{col}3:{col}5")
        put(ws, f"{col}3", head)
    ws.merge_cells("C3:G3")
    put(ws, "C3", "整改落实")
    ws.merge_cells("C4:E4")
    put(ws, "C4", "整改措施")
    ws.merge_cells("F4:F5")
    put(ws, "F4", "责任领导")
    ws.merge_cells("G4:G5")
    put(ws, "G4", "完成时限")
    for col, head in zip("CDE", ["具体措施", "责任单位", "责任人"]):
        put(ws, f"{col}5", head)

    ws.merge_cells("A6:J6")
    put(ws, "A6", "一、党的政治建设方面")
    # issue 1: three measures, one a row
    for col in "ABFGHI":
        ws.merge_cells(f"{col}7:{col}9")
    put(ws, "A7", "1")
    put(ws, "B7", "学习贯彻习近平新时代中国特色社会主义思想不够深入，第一议题制度落实不到位")
    for r, (m, u, p) in enumerate([
            ("修订党组理论学习中心组学习制度，将第一议题纳入党组会议固定议程", "办公室", "张伟"),
            ("制定年度学习计划，每月开展集中学习", "机关党委", "李娜"),
            ("建立学习督查通报机制", "办公室", "张伟")], start=7):
        put(ws, f"C{r}", m)
        put(ws, f"D{r}", u)
        put(ws, f"E{r}", p)
    put(ws, "F7", "王建华")
    put(ws, "G7", datetime.date(2025, 6, 30), 'yyyy"年"m"月"d"日"')
    put(ws, "H7", "已整改到位。修订完善学习制度1项，开展集中学习9次。")
    put(ws, "I7", "学习制度、会议记录")
    # issue 2: two measures with their own deadlines, a title with a line break
    for col in "ABFH":
        ws.merge_cells(f"{col}10:{col}11")
    put(ws, "A10", "2")
    put(ws, "B10", "意识形态工作责任制落实不力，\n网络舆情处置机制不健全")
    put(ws, "C10", "调整意识形态工作领导小组，每半年专题研究意识形态工作")
    put(ws, "D10", "办公室")
    put(ws, "E10", "陈明")
    put(ws, "G10", "2025.6.30")
    put(ws, "C11", "建立网络舆情监测处置预案")
    put(ws, "D11", "信息中心")
    put(ws, "E11", "刘洋")
    put(ws, "G11", "2025年12月底前")
    put(ws, "F10", "王建华")
    put(ws, "H10", "整改中，领导小组已调整，预案正在起草。")

    ws.merge_cells("A12:J12")
    put(ws, "A12", "二、全面从严治党方面")
    put(ws, "A13", "3")
    put(ws, "B13", "违规发放津贴补贴问题整改不彻底")
    put(ws, "C13", "1.全面清理2023年以来津贴补贴发放情况。\n2.追缴违规发放资金。")
    put(ws, "D13", "财务股")
    put(ws, "E13", "赵敏")
    put(ws, "F13", "孙立新")
    put(ws, "G13", datetime.date(2025, 9, 30), "yyyy/m/d")
    put(ws, "H13", "已追缴资金3.2万元，已完成整改")
    put(ws, "J13", "涉及资金3.2万元")
    put(ws, "A14", "4")
    put(ws, "B14", "“一岗双责”落实不到位")
    put(ws, "C14", "签订党风廉政建设责任书，开展廉政谈话")
    put(ws, "D14", "各股室")
    put(ws, "E14", "各股室负责人")
    put(ws, "F14", "孙立新")
    put(ws, "G14", "2025年12月底前")
    put(ws, "H14", "持续推进，已签订责任书12份")

    ws.merge_cells("A15:J15")
    put(ws, "A15", "三、选人用人方面")
    put(ws, "A16", "5")
    put(ws, "B16", "干部档案审核不规范")
    put(ws, "C16", "开展干部人事档案专项审核")
    put(ws, "D16", "人事股")
    put(ws, "E16", "周杰")
    put(ws, "F16", "李海")
    put(ws, "G16", "立行立改")
    put(ws, "H16", "已完成专项审核，补齐材料46份")
    put(ws, "A17", "6")
    put(ws, "B17", "试用期满考核流于形式")
    put(ws, "C17", "制定试用期考核办法")
    put(ws, "D17", "人事股")
    put(ws, "E17", "周杰")
    put(ws, "F17", "李海")
    put(ws, "G17", datetime.date(2026, 3, 31), 'yyyy"年"m"月"')
    put(ws, "H17", "尚未整改，考核办法待党组会研究")
    ws.row_dimensions[17].hidden = True

    put(ws, "A18", "合计")
    put(ws, "B18", "共6个问题，已完成3个")
    ws.merge_cells("A20:J20")
    put(ws, "A20", "填表说明：1.本表按问题逐条填报；2.完成时限填写具体日期；\n3.整改进展写明已完成、正在整改或长期坚持。")
    ws.merge_cells("A21:J21")
    put(ws, "A21", "单位主要负责人：        填表人：刘洋        联系电话：0593-1234567")
    for col, w in zip("ABCDEFGHIJ", [6, 30, 36, 10, 10, 10, 14, 30, 16, 12]):
        ws.column_dimensions[col].width = w
    wb.save(path)


def sheets_by_category(path):
    """WPS-like (LibreOffice re-saves it): a cover sheet, one sheet per
    category with no category column, 序号 as （一）, 完成情况 split into
    √/✓ columns under a merged group, a 统计 sheet that is no ledger."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    put(cover, "A1", "某某镇巡察整改台账")
    put(cover, "A3", "报送单位：中共某某镇委员会")
    put(cover, "A4", "报送时间：2025年10月")

    def ledger(name, title, rows):
        ws = wb.create_sheet(name)
        ws.merge_cells("A1:J1")
        put(ws, "A1", title)
        for col, head in zip("ABCDEFJ", ["问题序号", "问题表现", "整改举措", "牵头领导", "牵头单位", "整改时限", "备注"]):
            ws.merge_cells(f"{col}2:{col}3")
            put(ws, f"{col}2", head)
        ws.merge_cells("G2:I2")
        put(ws, "G2", "完成情况")
        for col, head in zip("GHI", ["已完成", "正在推进", "长期坚持"]):
            put(ws, f"{col}3", head)
        for r, row in enumerate(rows, start=4):
            num, title, acts, leader, unit, dl, fmt, mark_col, mark = row
            put(ws, f"A{r}", num)
            put(ws, f"B{r}", title)
            put(ws, f"C{r}", acts)
            put(ws, f"D{r}", leader)
            put(ws, f"E{r}", unit)
            put(ws, f"F{r}", dl, fmt)
            put(ws, f"{mark_col}{r}", mark)

    ledger("政治建设", "一、政治建设方面问题整改台账", [
        ("（一）", "理论学习中心组学习不规范", "规范学习记录，严格考勤", "陈书记", "党政办", datetime.date(2025, 5, 31), "yyyy-mm-dd", "G", "√"),
        ("（二）", "党建引领基层治理作用发挥不充分", "一是建立网格党支部。二是开展党员联户活动。", "陈书记", "党建办", "2025年11月", None, "H", "√"),
        ("（三）", "民主集中制执行不严格", "严格落实“三重一大”集体决策制度", "陈书记", "党政办", "长期坚持", None, "I", "✓"),
    ])
    ledger("作风建设", "二、作风建设方面问题整改台账", [
        ("（一）", "为民服务办事效率不高", "一是推行首问负责制。二是开展窗口评议。三是公开办事流程。", "林镇长", "便民服务中心", datetime.date(2025, 8, 15), "yyyy-mm-dd", "G", "√"),
        ("（二）", "公务接待管理不规范", "完善公务接待审批制度", "林镇长", "党政办", "2025.12", None, "H", "√"),
    ])
    st = wb.create_sheet("统计")
    for r, row in enumerate([
            ("序号", "类别", "问题数", "已完成", "正在推进", "长期坚持"),
            (1, "政治建设", 3, 1, 1, 1),
            (2, "作风建设", 2, 1, 1, 0),
            ("合计", "", 5, 2, 2, 1)], start=1):
        for c, v in enumerate(row, start=1):
            st.cell(row=r, column=c, value=v)
    wb.save(path)


def csv_export(path):
    """GBK CSV as Excel exports a sheet: title and 填报单位 lines, a
    category column filled only on its first row (a merged cell exported),
    measures on continuation rows with 序号 and 问题 empty, a 合计 line
    and a 填表说明 line."""
    rows = [
        ["某某县市场监督管理局巡察反馈问题整改清单", "", "", "", "", "", "", "", "", ""],
        ["填报单位：某某县市场监督管理局（盖章）", "", "", "", "", "", "填报日期：2025年9月", "", "", ""],
        ["序号", "问题类型", "具体问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改状态", "备注"],
        ["1", "党的政治建设", "学习贯彻党的二十大精神不深入", "组织专题学习研讨", "王强", "办公室", "李丽", "2025/6/30", "已完成", ""],
        ["", "", "", "开展知识测试", "王强", "办公室", "李丽", "2025/6/30", "已完成", ""],
        ["2", "", "落实意识形态责任制不到位", "一是制定责任清单。二是开展专项检查。", "王强", "办公室", "张敏", "2025年12月", "整改中", ""],
        ["3", "全面从严治党", "公务用车管理不规范", "完善车辆管理制度", "赵刚", "财务科", "孙洁", "立行立改", "已办结", "已完善制度"],
        ["4", "", "招标采购程序不规范", "规范采购流程", "赵刚", "财务科", "孙洁", "2025-10-31", "持续整改中", ""],
        ["", "", "", "组织采购人员培训", "赵刚", "财务科", "陈晨", "2025-11-30", "已完成", ""],
        ["合计：共4个问题，已完成2个，正在整改2个", "", "", "", "", "", "", "", "", ""],
        ["填表说明：整改状态填写已完成、整改中或长期坚持。", "", "", "", "", "", "", "", "", ""],
    ]
    with open(path, "w", encoding="gbk", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def yes_no_reordered(path):
    """Excel: the unit in the title, a subtitle row, no 填报单位 line;
    columns in an unusual order with 佐证材料 and a hidden 内部编码 column;
    category rows "一" + name that are not merged; 是否完成 是/否 with the
    progress column saying how far; dates as a bare serial, as text and as a
    month-only date; 注 and 审核人 lines at the bottom."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    put(ws, "A1", "某某县教育局巡察整改台账")
    put(ws, "A2", "（2025年第三季度）")
    heads = ["序号", "责任单位", "责任人", "问题描述", "整改措施", "完成时限", "是否完成", "整改进展", "佐证材料", "内部编码", "备注"]
    for c, h in enumerate(heads, start=1):
        ws.cell(row=3, column=c, value=h)
    ws.column_dimensions["J"].hidden = True
    data = [
        ("一", None, None, "党的领导方面", None, None, None, None, None, None, None),
        ("1", "办公室", "吴刚", "党组会议\n议事规则不健全", "修订党组工作规则和议事规则", (45838, "General"), "是", "已修订印发", "党组工作规则", "JY-001", None),
        ("2", "人事科", "郑洁", "教师职称评审监督不到位", "1.建立评审监督机制。\n2.公开评审结果。", ("2025.6.30", None), "否", "已制定方案，正在推进", None, "JY-002", None),
        ("二", None, None, "党的建设方面", None, None, None, None, None, None, None),
        ("3", "机关党委", "黄磊", "党员发展把关不严", "开展党员发展工作专项检查", (datetime.date(2025, 8, 1), "yyyy.mm"), "否", None, None, "JY-003", "下半年开展"),
        ("4", "机关党委", "黄磊", "支部主题党日活动形式单一", "丰富主题党日活动内容", ("长期坚持", None), "是", "已办结", "活动记录", "JY-004", None),
    ]
    for r, row in enumerate(data, start=4):
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            if c == 6:
                value, fmt = v
                put(ws, f"{'ABCDEFGHIJK'[c - 1]}{r}", value, fmt)
            else:
                put(ws, f"{'ABCDEFGHIJK'[c - 1]}{r}", v)
    put(ws, "A11", "注：1.是否完成栏填写“是”或“否”；2.完成时限按月填写。")
    put(ws, "A12", "审核人：马力            填表人：吴刚")
    wb.save(path)


def dotted_numbers(path):
    """序号 1 for a category row and 1.1, 1.2 for its issues; 小计 rows;
    no status column, the status inside the free 整改进展 text; a note row
    between issues that is neither issue nor category; a hidden column; a
    second sheet 填报说明."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "问题清单"
    ws.merge_cells("A1:H1")
    put(ws, "A1", "某某街道党工委巡察反馈问题整改台账")
    put(ws, "A2", "填报单位：某某街道党工委")
    put(ws, "F2", "填报时间：2025年10月15日")
    heads = ["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改进展情况", "备注"]
    for c, h in enumerate(heads, start=1):
        ws.cell(row=3, column=c, value=h)
    rows = [
        ("1", "政治建设方面存在的问题", None, None, None, None, None, None),
        ("1.1", "落实上级决策部署有偏差", "建立重点任务督办清单，每月调度", "刘书记", "党政办", ("2025年11月30日前", None), "已完成整改，督办清单已建立", None),
        ("1.2", "意识形态阵地管理\n存在薄弱环节", "清理规范宣传栏和微信公众号", "刘书记", "宣传办", (datetime.date(2025, 7, 31), "yyyy-mm-dd"), "目前正在推进，已清理宣传栏8处", None),
        ("小计", "2个", None, None, None, None, None, None),
        (None, "以下为巡察组移交的问题", None, None, None, None, None, None),
        ("2", "作风建设方面存在的问题", None, None, None, None, None, None),
        ("2.1", "社区服务窗口作风不实", "开展作风纪律专项整治", "何主任", "社区办", ("长期坚持", None), "此项工作需长期坚持，已开展暗访2次", None),
        ("2.2", "惠民资金发放审核不严", "一是逐户复核发放对象。二是建立公示制度。", "何主任", "民政办", ("2025.9", None), "基本完成，剩余3户待复核", "涉及12户"),
        ("小计", "2个", None, None, None, None, None, None),
    ]
    for r, row in enumerate(rows, start=4):
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            col = "ABCDEFGH"[c - 1]
            if c == 6:
                put(ws, f"{col}{r}", v[0], v[1])
            else:
                put(ws, f"{col}{r}", v)
    ws.column_dimensions["H"].hidden = True
    note = wb.create_sheet("填报说明")
    put(note, "A1", "1.序号按“1、1.1”分级填写；2.整改进展情况请写明完成情况。")
    wb.save(path)


def no_ledger(path):
    """A workbook with a cover and a statistics table but no issue list:
    rectify must say so, naming the file, and write nothing."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "统计表"
    for r, row in enumerate([
            ("巡察整改情况统计表",),
            ("单位", "反馈问题数", "已完成", "正在整改", "完成率"),
            ("某某县财政局", 12, 10, 2, "83%"),
            ("某某县统计局", 8, 8, 0, "100%")], start=1):
        for c, v in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=v)
    wb.save(path)


def header_variants(path):
    """Header words offices use beyond the contract's table (问题清单,
    牵头责任领导, 责任股室, 整改责任人, 完成期限, 落实情况, 是否销号), a header
    cell with a line break, an empty spacer column and an 整改目标 column
    that is no field; deadlines as 月底, 季度 and 日前 text; 序号 as "1、"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.merge_cells("A1:L1")
    put(ws, "A1", "某某县卫生健康局党组巡察反馈问题整改台账")
    heads = ["序号", "问题清单", None, "整改目标", "整改措施", "牵头责任领导", "责任股室", "整改责任人", "完成\n期限", "落实情况", "是否销号", "备注"]
    for c, h in enumerate(heads, start=1):
        if h:
            put(ws, f"{'ABCDEFGHIJKL'[c - 1]}2", h)
    rows = [
        ("1、", "医疗废物处置监管不到位", "规范处置", "开展医疗废物专项检查，建立处置台账", "周副局长", "医政股", "林涛", "2025年6月底", "已开展专项检查3次", "已销号", None),
        ("2、", "基层医疗机构药品采购不规范", "采购合规", "一是统一采购平台。二是开展采购培训。", "周副局长", "药政股", "许静", "2025年第四季度", "统一平台已上线，培训待开展", "未销号", None),
        ("3、", "干部职工教育培训\n流于形式", "培训见效", "制定年度培训计划并考核", "吴书记", "人事股", "钱敏", "2025年12月31日前", "已完成整改", "是", "培训计划已印发"),
    ]
    for r, row in enumerate(rows, start=3):
        for c, v in enumerate(row, start=1):
            col = "ABDEFGHIJKL"[c - 1]
            if v is not None:
                put(ws, f"{col}{r}", v)
    wb.save(path)


def per_team_sheets(path):
    """One sheet per 巡察组, each with its own title, header and category
    rows merged across; a 填表说明 sheet first."""
    wb = openpyxl.Workbook()
    note = wb.active
    note.title = "填表说明"
    put(note, "A1", "各组反馈问题分表填写，完成情况填写已完成、正在整改或长期坚持。")

    def team(name, title, items):
        ws = wb.create_sheet(name)
        ws.merge_cells("A1:H1")
        put(ws, "A1", title)
        put(ws, "A2", "填报单位：某某县农业农村局党组")
        for c, h in enumerate(["序号", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "完成情况"], start=1):
            ws.cell(row=3, column=c, value=h)
        r = 4
        for item in items:
            if isinstance(item, str):
                ws.merge_cells(f"A{r}:H{r}")
                put(ws, f"A{r}", item)
            else:
                for c, v in enumerate(item, start=1):
                    if isinstance(v, tuple):
                        put(ws, f"{'ABCDEFGH'[c - 1]}{r}", v[0], v[1])
                    else:
                        put(ws, f"{'ABCDEFGH'[c - 1]}{r}", v)
            r += 1

    team("一组", "县委第一巡察组反馈问题整改台账", [
        "一、落实党的路线方针政策方面",
        (1, "耕地保护责任落实不力", "开展耕地“非农化”排查整治", "郑局长", "耕保股", "冯伟", (datetime.date(2025, 10, 31), "yyyy-mm-dd"), "已完成"),
        (2, "高标准农田建设管护缺位", "建立农田管护长效机制", "郑局长", "建设股", "何平", "长期坚持", "长期坚持"),
        "二、全面从严治党方面",
        (3, "项目资金拨付不及时", "建立资金拨付月报制度", "王副局长", "财务股", "邓芳", "2025年9月", "正在整改"),
    ])
    team("二组", "县委第二巡察组反馈问题整改台账", [
        "一、基层党组织建设方面",
        (1, "村级组织换届后培训不到位", "分批开展村干部培训", "李书记", "组织股", "蒋华", "2025.8.31", "已完成"),
    ])
    wb.save(path)


def wps_csv(path):
    """UTF-8 CSV with BOM from WPS: a two-row header without merges,
    完成情况 over 已完成/正在整改 tick columns; a date serial exported raw."""
    rows = [
        ["某某镇人民政府巡察整改台账", "", "", "", "", "", ""],
        ["序号", "存在问题", "整改措施", "责任人", "整改时限", "完成情况", ""],
        ["", "", "", "", "", "已完成", "正在整改"],
        ["1", "安全生产检查不到位", "开展安全生产大检查", "韩军", "45930", "√", ""],
        ["2", "信访积案化解缓慢", "领导包案化解信访积案", "杨丽", "2025年11月", "", "√"],
    ]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def repeated_header(path):
    """One sheet assembled from two 巡察组's blocks, each under its own
    merged heading and with the header written again; 进行中 as a status;
    deadlines as a month without the year ("12月底前", read against the
    填报日期); a hidden older copy of the ledger that must not be counted."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.merge_cells("A1:G1")
    put(ws, "A1", "某某县司法局巡察整改台账")
    put(ws, "A2", "填报单位：某某县司法局      填报日期：2025年9月20日")
    heads = ["序号", "存在问题", "整改措施", "责任人", "整改时限", "完成情况", "备注"]
    r = 3
    blocks = [
        ("县委第一巡察组反馈问题", [
            (1, "普法宣传针对性不强", "制定分众化普法清单", "高明", "12月底前", "进行中"),
            (2, "人民调解员培训不足", "开展调解员轮训", "宋佳", "2025年10月", "已完成"),
        ]),
        ("县委第二巡察组反馈问题", [
            (1, "社区矫正档案管理不规范", "统一档案目录并逐卷整理", "孟凡", "11月底", "整改中"),
        ]),
    ]
    for heading, items in blocks:
        ws.merge_cells(f"A{r}:G{r}")
        put(ws, f"A{r}", heading)
        r += 1
        for c, h in enumerate(heads, start=1):
            ws.cell(row=r, column=c, value=h)
        r += 1
        for item in items:
            for c, v in enumerate(item, start=1):
                ws.cell(row=r, column=c, value=v)
            r += 1
    old = wb.create_sheet("旧版台账")
    for c, h in enumerate(heads, start=1):
        old.cell(row=1, column=c, value=h)
    for c, v in enumerate((1, "已删除的旧问题", "旧措施", "某人", "2025年6月", "已完成"), start=1):
        old.cell(row=2, column=c, value=v)
    old.sheet_state = "hidden"
    wb.save(path)


excel_multirow("excel-multirow.xlsx")
sheets_by_category("sheets-by-category-src.xlsx")
csv_export("gbk-export.csv")
yes_no_reordered("yes-no-reordered.xlsx")
dotted_numbers("dotted-numbers.xlsx")
no_ledger("no-ledger.xlsx")
header_variants("header-variants.xlsx")
per_team_sheets("per-team-sheets.xlsx")
wps_csv("wps-ticks.csv")
repeated_header("repeated-header.xlsx")
