#!/usr/bin/python3
"""Make the held-out ledger fixtures, laid out as real offices lay them out,
and gold.json, the rows each layout was written from. Run with Debian's
python3-openpyxl; make.sh runs this and then has LibreOffice save every .xlsx
as .xls."""
import csv, datetime, json
import openpyxl
from openpyxl.styles import Alignment, Font

# number, category, title, actions, leader, unit, person, deadline (python value), deadline ISO, progress, status words, status
ROWS = [
    (1, "理论学习", "党组理论学习中心组学习制度执行不严格", "一是修订学习制度。\n二是每月开展集中学习。", "王建国", "办公室", "陈晓", datetime.date(2025, 3, 31), "2025-03-31", "已修订制度", "已完成", "completed"),
    (2, "理论学习", "青年干部理论学习覆盖面不广", "建立青年理论学习小组，每季度开展活动。", "王建国", "机关党委", "林芳", "2025年6月", "2025-06", "已成立学习小组", "已完成", "completed"),
    (3, "基层党建", "村级党组织换届后培训不及时", "一是制定培训计划。\n二是分批次开展培训。\n三是建立培训档案。", "李卫东", "组织办", "张明", datetime.date(2025, 9, 30), "2025-09-30", "已培训两批", "正在整改", "in_progress"),
    (4, "基层党建", "党员发展程序不规范", "全面复查党员档案，补齐缺失材料。", "李卫东", "组织办", "郑华", "立行立改", "立行立改", "已复查完毕", "已整改到位", "completed"),
    (5, "资金管理", "专项资金拨付滞后", "一是建立资金拨付台账。\n二是每月通报拨付进度。", "赵红梅", "财政所", "周强", "2025.12", "2025-12", "按月通报", "持续整改中", "in_progress"),
    (6, "资金管理", "公务接待审批手续不全", "严格执行公务接待审批单制度。", "赵红梅", "财政所", "吴丽", "长期坚持", "长期坚持", "", "长期坚持", "ongoing"),
    (7, "作风建设", "为民服务窗口办事效率不高", "一是推行一次性告知。\n二是开展窗口服务评议。", "孙志强", "便民服务中心", "黄蓉", datetime.date(2025, 11, 15), "2025-11-15", "群众满意率提升", "基本完成", "basically_completed"),
]

def build_xlsx(path):
    wb = openpyxl.Workbook()
    note = wb.active
    note.title = "填表说明"
    note["A1"] = "本表由各责任单位每月25日前报送，完成情况请从下拉列表选择。"
    ws = wb.create_sheet("巡察整改台账")
    ws.merge_cells("A1:L1")
    ws["A1"] = "中共某某镇委员会落实县委巡察反馈意见整改台账"
    ws["A1"].font = Font(name="方正小标宋简体", size=18)
    ws.merge_cells("A2:L2")
    ws["A2"] = "填报单位：中共某某镇委员会（盖章）          填报时间：2025年10月8日"
    heads = ["序号", "问题类别", "存在问题", "整改措施", "责任主体", None, None, "整改时限", "整改进展", "完成情况", "备注"]
    for i, h in enumerate(heads):
        if h:
            ws.cell(row=3, column=i + 1, value=h)
    ws.merge_cells("E3:G3")
    for i, h in enumerate(["责任领导", "责任单位", "责任人"]):
        ws.cell(row=4, column=5 + i, value=h)
    for col in "ABCDHIJK":
        ws.merge_cells(f"{col}3:{col}4")
    r = 5
    cat_start = {}
    for row in ROWS:
        if row[0] == 4:
            r += 1  # a blank row, as clerks leave them
        num, cat, title, acts, leader, unit, person, dl, _, progress, status, _ = row
        ws.cell(row=r, column=1, value=num)
        if cat not in cat_start:
            cat_start[cat] = r
            ws.cell(row=r, column=2, value=cat)
        ws.cell(row=r, column=3, value=title)
        ws.cell(row=r, column=4, value=acts).alignment = Alignment(wrap_text=True)
        ws.cell(row=r, column=5, value=leader)
        ws.cell(row=r, column=6, value=unit)
        ws.cell(row=r, column=7, value=person)
        c = ws.cell(row=r, column=8, value=dl)
        if isinstance(dl, datetime.date):
            c.number_format = 'yyyy"年"m"月"d"日"'
        ws.cell(row=r, column=9, value=progress)
        ws.cell(row=r, column=10, value=status)
        r += 1
    # merge category cells down
    cats = list(cat_start.items())
    for i, (cat, start) in enumerate(cats):
        end = (cats[i + 1][1] - 1) if i + 1 < len(cats) else r - 1
        if end > start:
            ws.merge_cells(f"B{start}:B{end}")
    ws.cell(row=r + 1, column=1, value="填表人：陈晓        审核人：王建国")
    wb.save(path)

def write_csv(path, encoding, prefix="", title="某某县卫生健康局巡察整改台账"):
    with open(path, "w", newline="", encoding=encoding) as f:
        f.write(prefix)
        w = csv.writer(f)
        w.writerow([title])
        w.writerow(["编号", "问题类型", "反馈问题", "整改举措", "牵头领导", "责任科室", "具体责任人", "完成时限", "进展情况", "整改状态"])
        last = None
        for row in ROWS:
            num, cat, title, acts, leader, unit, person, dl, iso, progress, status, _ = row
            shown = dl if isinstance(dl, str) else f"{dl.year}年{dl.month}月{dl.day}日"
            w.writerow([num, cat if cat != last else "", title, acts, leader, unit, person, shown, progress, status])
            last = cat
        w.writerow([])
        w.writerow(["制表人：林芳"])

build_xlsx("two-row-header.xlsx")
write_csv("utf8-bom.csv", "utf-8-sig")
write_csv("gbk.csv", "gbk")
write_csv("utf16le.csv", "utf-16-le", "\ufeff")  # WPS and Excel "Unicode": UTF-16 with a BOM
write_csv("utf16be.csv", "utf-16-be", "\ufeff")
write_csv("gb18030.csv", "gb18030", prefix="", title="某某县卫生健康局巡察整改台账（𠀀字库测试）")
def gold_rows(rows):
    return [dict(number=r[0], category=r[1], title=r[2].replace("\n", ""), deadline=r[8], leader=r[4], unit=r[5], person=r[6], status=r[11], actions=r[3].count("\n") + 1) for r in rows]

def build_template(path):
    """An office's own blank ledger template: its own header words, column
    order and styles, three empty bordered rows and a footer."""
    from openpyxl.styles import Border, Side, PatternFill
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.merge_cells("A1:H1")
    ws["A1"] = "巡察反馈问题整改落实情况台账"
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A2"] = "填报单位：                    填报时间："
    heads = ["编号", "问题类型", "反馈问题", "整改举措", "责任部门", "完成时限", "整改状态", "备注"]
    thin = Side(style="thin")
    for i, h in enumerate(heads):
        c = ws.cell(row=3, column=i + 1, value=h)
        c.font = Font(name="黑体", size=12)
    for r in range(4, 7):
        for i in range(len(heads)):
            c = ws.cell(row=r, column=i + 1)
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            c.font = Font(name="仿宋", size=12)
            c.fill = PatternFill("solid", fgColor="FFF2CC")
    ws["A8"] = "填表人：            审核人："
    wb.save(path)

build_template("office-template.xlsx")


# A WPS-style ledger: a title merged across, category rows merged across
# ("一、…方面") with 序号 restarting under each, 责任单位/责任领导/责任人,
# deadlines as text ("2025年12月底") and as dates in several formats, a hidden
# column, multi-line cells, one very long cell (more than one BIFF record when
# saved as .xls), notes rows under the table and a second sheet of instructions.
LONG = "\n".join(
    f"{'一二三四五六'[k]}是" + "".join(
        f"组织第{j + 1}轮专项检查，对照问题清单逐项核查市场主体登记、食品安全抽检、特种设备监管等领域整改落实情况，形成检查报告并向党组汇报；"
        for j in range(12)) + "建立长效机制。"
    for k in range(6))
SECTIONS = [
    ("贯彻落实党中央决策部署方面", [
        (1, "贯彻落实党中央决策部署方面", "优化营商环境政策\n落实不到位", "一是梳理涉企政策清单。\n二是开展政策落实情况督查。", "张伟", "登记注册科", "刘洋", "2025年12月底", "2025-12", "已梳理政策32项", "正在整改", "in_progress"),
        (2, "贯彻落实党中央决策部署方面", "食品安全监管存在薄弱环节", "一是加大抽检频次。\n二是建立不合格产品核查处置台账。\n三是开展校园食品安全专项整治。", "张伟", "食品安全科", "陈静", (datetime.date(2025, 6, 30), 'yyyy"年"m"月"d"日"'), "2025-06-30", "", "已完成", "completed"),
    ]),
    ("全面从严治党方面", [
        (1, "全面从严治党方面", "落实“一岗双责”不够到位", "签订党风廉政建设责任书，每半年开展一次履责谈话。", "李强", "办公室", "王芳", "长期坚持", "长期坚持", "已签订责任书45份", "长期坚持", "ongoing"),
        (2, "全面从严治党方面", "廉政风险防控不够精准", "一是全面排查廉政风险点。\n二是修订防控措施。", "李强", "机关党委", "赵敏", (datetime.date(2025, 9, 30), "yyyy/m/d"), "2025-09-30", "已排查风险点86个", "基本完成", "basically_completed"),
        (3, "全面从严治党方面", "公务用车管理不规范", "完善公务用车使用登记制度。", "李强", "办公室", "孙磊", (datetime.date(2025, 3, 1), 'yyyy"年"m"月"'), "2025-03", "已完善制度", "已完成", "completed"),
    ]),
    ("巡察整改方面", [
        (1, "巡察整改方面", "以往巡察反馈问题整改不彻底", LONG, "张伟", "各业务科室", "周军", "2026年6月底前", "2026-06", "持续推进", "正在整改", "in_progress"),
    ]),
]

def build_wps(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.merge_cells("A1:K1")
    ws["A1"] = "中共某某县市场监督管理局党组巡察整改落实情况台账"
    ws["A1"].font = Font(name="方正小标宋简体", size=20)
    ws.merge_cells("A2:K2")
    ws["A2"] = "填报单位：中共某某县市场监督管理局党组（盖章）        填报日期：2025年11月20日"
    heads = ["序号", "问题编码", "存在问题", "整改措施", "责任单位", "责任领导", "责任人", "整改时限", "整改进展情况", "完成情况", "备注"]
    for i, h in enumerate(heads):
        ws.cell(row=3, column=i + 1, value=h)
    ws.column_dimensions["B"].hidden = True
    r = 4
    for k, (sec, rows) in enumerate(SECTIONS):
        ws.merge_cells(f"A{r}:K{r}")
        ws.cell(row=r, column=1, value=f"{'一二三'[k]}、{sec}")
        r += 1
        for row in rows:
            num, _, title, acts, leader, unit, person, dl, _, progress, status, _ = row
            ws.cell(row=r, column=1, value=num)
            ws.cell(row=r, column=2, value=f"XC-{k + 1}-{num}")
            ws.cell(row=r, column=3, value=title).alignment = Alignment(wrap_text=True)
            ws.cell(row=r, column=4, value=acts).alignment = Alignment(wrap_text=True)
            ws.cell(row=r, column=5, value=unit)
            ws.cell(row=r, column=6, value=leader)
            ws.cell(row=r, column=7, value=person)
            if isinstance(dl, tuple):
                c = ws.cell(row=r, column=8, value=dl[0])
                c.number_format = dl[1]
            else:
                ws.cell(row=r, column=8, value=dl)
            ws.cell(row=r, column=9, value=progress)
            ws.cell(row=r, column=10, value=status)
            r += 1
    r += 1
    ws.cell(row=r, column=1, value="注：1.完成情况分为已完成、基本完成、正在整改、长期坚持。")
    ws.cell(row=r + 1, column=1, value="2.整改时限为长期坚持的，每季度报送一次进展。")
    note = wb.create_sheet("填报说明")
    note["A1"] = "填报说明"
    note["A2"] = "一、本表由各责任单位每月25日前报送局办公室。"
    note["A3"] = "二、存在问题、整改措施请按巡察反馈意见逐条填写，序号在各方面内分别编排。"
    wb.save(path)

# An Excel-style ledger of a county bureau: no merged title, a category column
# merged down, one column for measures and their completion
# ("整改措施及完成情况"), 牵头领导/责任部门, real dates shown as 2025-03-31.
COMBINED = [
    (1, "政治建设", "重大事项请示报告制度执行不严", "一是修订请示报告制度。\n二是建立重大事项报告台账。", "吴刚", "办公室", "", (datetime.date(2025, 3, 31), "yyyy-mm-dd"), "2025-03-31", "", "已完成", "completed"),
    (2, "政治建设", "意识形态工作责任制落实不够", "每半年专题研究意识形态工作。", "吴刚", "宣传股", "", (datetime.date(2025, 12, 31), "yyyy-mm-dd"), "2025-12-31", "", "正在整改", "in_progress"),
    (3, "业务工作", "项目审批时限偏长", "一是压缩审批环节。\n二是推行并联审批。\n三是公开办理时限。", "何丽", "审批股", "", "立行立改", "立行立改", "", "已完成", "completed"),
    (4, "业务工作", "执法案卷归档不及时", "开展案卷评查，按月归档。", "何丽", "法规股", "", (datetime.date(2025, 8, 15), "yyyy-mm-dd"), "2025-08-15", "", "基本完成", "basically_completed"),
]

def build_combined(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "某某县发展和改革局县委巡察反馈问题整改清单"
    heads = ["序号", "问题类别", "反馈问题", "整改措施及完成情况", "整改时限", "牵头领导", "责任部门", "状态"]
    for i, h in enumerate(heads):
        ws.cell(row=2, column=i + 1, value=h)
    r, start, last = 3, 3, None
    for row in COMBINED:
        num, cat, title, acts, leader, unit, _, dl, _, _, status, _ = row
        if cat != last and last is not None:
            ws.merge_cells(f"B{start}:B{r - 1}")
            start = r
        if cat != last:
            ws.cell(row=r, column=2, value=cat)
        last = cat
        ws.cell(row=r, column=1, value=str(num))
        ws.cell(row=r, column=3, value=title)
        ws.cell(row=r, column=4, value=acts).alignment = Alignment(wrap_text=True)
        if isinstance(dl, tuple):
            c = ws.cell(row=r, column=5, value=dl[0])
            c.number_format = dl[1]
        else:
            ws.cell(row=r, column=5, value=dl)
        ws.cell(row=r, column=6, value=leader)
        ws.cell(row=r, column=7, value=unit)
        ws.cell(row=r, column=8, value=status)
        r += 1
    ws.merge_cells(f"B{start}:B{r - 1}")
    wb.save(path)

build_wps("wps-sections.xlsx")
build_combined("excel-combined.xlsx")
gold = {
    "two-row-header": gold_rows(ROWS),
    "wps-sections": gold_rows([row for _, rows in SECTIONS for row in rows]),
    "excel-combined": gold_rows(COMBINED),
}
json.dump(gold, open("gold.json", "w"), ensure_ascii=False, indent=1)
