#!/usr/bin/python3
"""Make the second round of blind ledger fixtures: producers and layouts the
first round (../blind) did not cover, written before the reader was read.
What each must read as is written by hand in expected/<name>.json (never
rectify's output). Needs Debian's python3-openpyxl and python3-xlwt; make.sh
then has LibreOffice write the .xls and .docx copies."""
import codecs, datetime, zipfile
import openpyxl
import xlwt
from openpyxl.styles import Alignment, PatternFill

WRAP = Alignment(wrap_text=True, vertical="center")


def xlwt_1904(path):
    """xlwt (BIFF8, not Excel): the 1904 date system, dates as serials with
    Chinese custom formats, numbers as RK records, a rich-text title, a long
    instructions sheet whose strings push the shared string table over
    several CONTINUE records, styled blank cells (MULBLANK), merged
    category cells."""
    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = True
    ws = wb.add_sheet("整改台账")
    notes = wb.add_sheet("填报说明")
    # The instructions are written first so that the ledger's strings come
    # after them in the shared string table, across CONTINUE boundaries.
    for i in range(12):
        notes.write(i, 0, f"{i + 1}．" + "本表由各责任单位按月填报，整改措施应具体可行、可检查、可评估，佐证材料须真实完整。" * 18)
    border = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin; align: wrap on, vert centre")
    day = xlwt.easyxf('borders: left thin, right thin, top thin, bottom thin', num_format_str='yyyy"年"m"月"d"日"')
    month = xlwt.easyxf('borders: left thin, right thin, top thin, bottom thin', num_format_str='yyyy"年"m"月"')
    ws.write_merge(0, 0, 0, 7, "中共某某县审计局党组巡察整改落实台账")
    ws.write_merge(1, 1, 0, 3, "填报单位：中共某某县审计局党组")
    ws.write_merge(1, 1, 4, 7, "填报时间：2025年10月15日")
    for c, h in enumerate(["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "整改时限", "完成情况"]):
        ws.write(2, c, h, border)
    ws.write_merge(3, 4, 1, 1, "党的政治建设", border)
    ws.write_merge(5, 6, 1, 1, "全面从严治党", border)
    bold = xlwt.easyfont("bold true")
    plain = xlwt.easyfont("")
    rows = [
        (1, [("学习贯彻", bold), ("党的二十届三中全会精神不够深入", plain)], "一是制定专题学习计划。\n二是开展专题研讨3次。", "张明", "办公室", (datetime.date(2025, 6, 30), day), "已完成"),
        (2, "对审计发现问题整改跟踪督促不力", "建立审计整改跟踪台账，逐项对账销号", "李华", "法规审理股", (datetime.date(2025, 12, 1), month), "正在推进"),
        (3, "公务接待审批单填写不规范", "规范接待审批流程", "王强", "财务股", ("立行立改", border), "已整改"),
        (4, "干部教育培训计划执行不到位", "一是修订培训计划。\n二是每季度开展业务培训。", "张明", "人事股", ("长期坚持", border), "长期坚持"),
    ]
    for i, (n, title, acts, leader, unit, (dl, dlstyle), status) in enumerate(rows):
        r = 3 + i
        ws.write(r, 0, n, border)
        if isinstance(title, list):
            ws.write_rich_text(r, 2, title, border)
        else:
            ws.write(r, 2, title, border)
        ws.write(r, 3, acts, border)
        ws.write(r, 4, leader, border)
        ws.write(r, 5, unit, border)
        ws.write(r, 6, dl, dlstyle)
        ws.write(r, 7, status, border)
    for c in range(8):  # a styled blank row under the table
        ws.write(7, c, None, border)
    ws.write(8, 0, "填表人：周敏")
    wb.save(path)


def three_lists(path):
    """The 三张清单 workbook: a 问题清单, a 任务清单 and a 责任清单, each
    listing the same issues by 序号 and 问题描述, each adding its own columns."""
    wb = openpyxl.Workbook()
    q = wb.active
    q.title = "问题清单"
    q.merge_cells("A1:D1")
    q["A1"] = "某某乡党委巡察反馈问题整改“三张清单”"
    q["A2"] = "填报单位：中共某某乡委员会"
    q.append(["序号", "问题类别", "问题描述", "问题来源"])
    issues = [("政治建设", "村级党组织“三会一课”制度落实不到位"),
              ("政治建设", "党员发展程序不规范"),
              ("作风建设", "乡村振兴项目推进缓慢")]
    for i, (cat, title) in enumerate(issues, 1):
        q.append([i, cat, title, "县委第二巡察组反馈"])
    t = wb.create_sheet("任务清单")
    t.merge_cells("A1:E1")
    t["A1"] = "任务清单"
    t.append(["序号", "问题描述", "整改措施", "整改时限", "完成情况"])
    for i, (acts, dl, st) in enumerate([("一是制定“三会一课”计划。二是每季度督查。", "2025年9月30日", "已完成"),
                                        ("重新审查近三年发展党员档案", "2025年12月", "正在整改"),
                                        ("建立项目推进周调度机制", "2026年3月", "未启动")], 1):
        t.append([i, issues[i - 1][1], acts, dl, st])
    r = wb.create_sheet("责任清单")
    r.merge_cells("A1:E1")
    r["A1"] = "责任清单"
    r.append(["序号", "问题描述", "责任领导", "责任单位", "责任人"])
    for i, (l, u, p) in enumerate([("李书记", "党建办", "陈明"), ("李书记", "党建办", "陈明"), ("王乡长", "农业农村办", "刘强")], 1):
        r.append([i, issues[i - 1][1], l, u, p])
    wb.save(path)


def xiaohao(path):
    """A 销号 ledger: 序号 as 一-1, 整改进度 as percentages written as text,
    是否销号 是/否 and a 销号时间 column, no category rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "销号台账"
    ws.merge_cells("A1:I1")
    ws["A1"] = "某某县住房和城乡建设局巡察反馈问题整改销号台账"
    ws.merge_cells("A2:E2")
    ws["A2"] = "填报单位：某某县住房和城乡建设局"
    ws.merge_cells("F2:I2")
    ws["F2"] = "填报时间：2025-12-05"
    ws.append(["序号", "问题清单", "整改措施", "责任单位", "整改时限", "整改进度", "是否销号", "销号时间", "备注"])
    for row in [
        ["一-1", "建筑工地扬尘治理监管不到位", "开展扬尘专项整治", "质量安全股", "2025年6月30日", "100%", "是", "2025年7月2日", None],
        ["一-2", "农民工工资保证金制度落实不严", "一是全面清查保证金缴存。\n二是建立欠薪预警机制。", "建筑市场股", "2025年10月", "80%", "否", None, "预警系统调试中"],
        ["二-1", "保障性住房分配审核把关不严", "开展保障房资格复核", "住房保障股", "2025年12月", "30%", "否", None, None],
        ["二-2", "物业服务企业监管缺位", "建立物业服务质量考评制度", "物业管理股", "2026年6月", "10%", "否", None, None],
    ]:
        ws.append(row)
        ws.cell(ws.max_row, 3).alignment = WRAP
    wb.save(path)


def colour_status(path):
    """Status given by fill colour only, with a legend row under the table:
    the colours cannot be read as words, the text around them must be."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.merge_cells("A1:F1")
    ws["A1"] = "某某镇人民政府巡察整改台账"
    ws.append(["序号", "存在问题", "整改措施", "责任人", "整改时限", "完成情况"])
    fills = {"g": "FF92D050", "y": "FFFFFF00", "r": "FFFF0000"}
    for i, (title, act, person, dl, colour) in enumerate([
        ("河长制巡河记录不全", "规范巡河记录", "孙伟", "2025年8月", "g"),
        ("农村人居环境整治不彻底", "开展村庄清洁行动", "钱丽", "2025年12月", "y"),
        ("村级财务公开不及时", "每季度公开村级财务", "郑军", "2026年1月", "r"),
    ], 1):
        ws.append([i, title, act, person, dl, None])
        ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor=fills[colour])
    ws.append([])
    ws.merge_cells(start_row=ws.max_row + 1, start_column=1, end_row=ws.max_row + 1, end_column=6)
    ws.cell(ws.max_row + 1, 1, "注：完成情况栏绿色表示已完成，黄色表示正在整改，红色表示未启动。")
    wb.save(path)


def unicode_text(path):
    """Excel's 另存为“Unicode 文本”: UTF-16LE with a BOM, tab-separated, CRLF,
    cells with line breaks quoted, dates as displayed (2025/6/30)."""
    rows = [
        ["某某县教育局巡察整改台账", "", "", "", "", "", ""],
        ["序号", "问题", "整改措施", "责任领导", "责任单位", "完成时限", "完成情况"],
        ["1", "校外培训机构监管不到位", "一是开展联合检查。\n二是公布白名单。", "吴副局长", "基础教育股", "2025/6/30", "已完成"],
        ["2", "学生营养改善计划资金管理不规范", "建立资金使用月报制度", "吴副局长", "计财股", "2025/12/31", "整改中"],
        ["3", "教师“县管校聘”改革推进缓慢", "制定改革实施方案", "郑局长", "人事股", "长期坚持", "长期坚持"],
    ]
    out = []
    for r in rows:
        out.append("\t".join('"' + c.replace('"', '""') + '"' if "\n" in c or '"' in c else c for c in r))
    with open(path, "wb") as f:
        f.write(codecs.BOM_UTF16_LE + ("\r\n".join(out) + "\r\n").encode("utf-16-le"))


def semicolon(path):
    """A CSV saved where the list separator is ';' (UTF-8 with BOM), quoted
    cells with line breaks, doubled quotes and a ';' inside."""
    text = ('﻿某某区商务局巡察整改台账;;;;;;\r\n'
            '序号;存在问题;整改措施;责任单位;责任人;整改时限;整改状态\r\n'
            '1;"招商引资项目""重签约、轻落地""";"一是建立项目跟踪台账。\r\n二是每月通报落地情况。";投资促进科;马林;2025-09-30;已完成\r\n'
            '2;"专项资金拨付审核不严;存在超范围使用";开展专项资金清理;财务科;朱红;2025-12;整改中\r\n'
            '3;外贸企业服务不够精准;"建立""一企一策""服务机制";外贸科;胡斌;长期坚持;长期整改\r\n')
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))


def bom_gbk_mix(path):
    """A UTF-8 BOM and header with rows appended in GBK by another tool:
    neither encoding reads the whole file, so it must be refused."""
    head = "﻿序号,存在问题,整改措施,责任单位,整改时限,完成情况\r\n".encode("utf-8")
    body = "1,会议纪要不规范,规范会议记录,办公室,2025年6月,已完成\r\n".encode("gbk")
    with open(path, "wb") as f:
        f.write(head + body)


def other_headers(path1, path2):
    """Header words other offices use (checked after the reader was read,
    from ledgers seen in the wild): 问题名称, 牵头责任领导, 整改责任人,
    计划完成时间, 目前整改进展, 是否整改到位; and 巡察反馈意见, 整改任务,
    责任主体, 时间节点, 完成状态, with 整改要求/整改目标/配合单位 kept as remarks."""
    with open(path1, "w", encoding="utf-8", newline="") as f:
        f.write("某某县水利局巡察反馈问题整改台账\r\n"
                "序号,问题名称,整改目标,整改措施,牵头责任领导,责任股室,配合单位,整改责任人,计划完成时间,目前整改进展,是否整改到位,备注\r\n"
                "1,水库安全管理不到位,消除隐患,开展水库安全大检查,李局长,工管股,各乡镇,张三,2025年6月30日,已全面排查,是,\r\n"
                "2,河道采砂监管薄弱,规范采砂,建立巡查机制,王副局长,水政大队,,李四,2025年12月,巡查机制已建立正在运行,否,\r\n")
    with open(path2, "w", encoding="utf-8", newline="") as f:
        f.write("填报单位：某某县机关事务服务中心,,,,,,\r\n"
                "序号,巡察反馈意见,整改要求,整改任务,责任主体,时间节点,完成状态\r\n"
                "1,“三重一大”决策制度执行不严格,严格执行议事规则,修订党组议事规则,办公室,2025年8月,已完成\r\n"
                "2,公务用车管理不规范,规范用车,建立车辆使用登记制度,车管科,2025年11月,整改中\r\n")


def writer_table_html(path):
    """The source of writer-table.docx: a ledger that is the whole body of a
    Word file (LibreOffice Writer turns the HTML into .docx)."""
    html = """<html><head><meta charset="utf-8"></head><body>
<p align="center"><b>某某县市场监督管理局巡察反馈问题整改台账</b></p>
<p>填报单位：某某县市场监督管理局　　　　填报日期：2025年9月28日</p>
<table border="1" cellspacing="0">
<tr><td>序号</td><td>问题类别</td><td>存在问题</td><td>整改措施</td><td>责任领导</td><td>责任科室</td><td>整改时限</td><td>整改情况</td></tr>
<tr><td>1</td><td rowspan="2">食品安全监管</td><td>校园食品安全检查覆盖不全</td><td>开展校园食品安全专项检查</td><td>林副局长</td><td>食品安全科</td><td>2025年6月</td><td>已完成</td></tr>
<tr><td>2</td><td>农贸市场快检室运行不规范</td><td>一是规范快检流程。二是公示检测结果。</td><td>林副局长</td><td>食品安全科</td><td>2025年12月</td><td>正在整改</td></tr>
<tr><td>3</td><td>特种设备监管</td><td>电梯维保质量监督抽查不足</td><td>加大电梯维保抽查频次</td><td>黄副局长</td><td>特种设备科</td><td>长期坚持</td><td>长期坚持</td></tr>
</table>
<p>填表人：何静　　审核人：许刚</p>
</body></html>"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    xlwt_1904("xlwt-1904.xls")
    three_lists("three-lists.xlsx")
    xiaohao("xiaohao.xlsx")
    colour_status("colour-status.xlsx")
    unicode_text("unicode-text.txt")
    semicolon("semicolon.csv")
    bom_gbk_mix("bom-gbk-mix.csv")
    other_headers("other-headers.csv", "feedback-headers.csv")
    writer_table_html("writer-table.html")
    import wps_xml
    wps_xml.make("wps-xml.xlsx")
