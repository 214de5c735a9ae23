#!/bin/sh
# The supervisor's folder of unit ledgers (testdata/merge/ledgers): the
# second round of blind ledgers (../ledgers/blind2), one unit each, under
# the names offices give them, plus what a supervisor also receives:
# the same ledger saved again in another format, an updated ledger of a unit
# under the unit's other name, a ledger that names no unit (its file name
# does), one that names none but its folder does, and one that cannot be
# read. What TestLedgerFolder expects is written by hand in the test.
# Needs python3-openpyxl and soffice.
set -eu
cd "$(dirname "$0")"
B=../ledgers/blind2
M=ledgers
rm -rf "$M"
mkdir -p "$M/某某县统计局"
cp "$B/xlwt-1904.xls" "$M/审计局台账.xls"
cp "$B/wps-xml.xlsx" "$M/医保局整改台账.xlsx"
cp "$B/three-lists.xlsx" "$M/某某乡三张清单.xlsx"
cp "$B/xiaohao.xlsx" "$M/住建局销号台账.xlsx"
cp "$B/xiaohao.xls" "$M/住建局销号台账（另存为97-2003）.xls"
cp "$B/colour-status.xlsx" "$M/镇政府台账.xlsx"
cp "$B/unicode-text.txt" "$M/教育局台账.txt"
cp "$B/semicolon.csv" "$M/商务局台账.csv"
cp "$B/writer-table.docx" "$M/市场监管局整改台账.docx"
cp "$B/bom-gbk-mix.csv" "$M/卫健局台账.csv"
/usr/bin/python3 - "$M" <<'PY'
import sys, csv, openpyxl
m = sys.argv[1]
# The 审计局 a month later, under its name without 中共…党组: issue 2 done.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "整改台账"
ws.append(["某某县审计局巡察整改落实台账（12月更新）"])
ws.append(["填报单位：某某县审计局", None, None, None, "填报时间：2025年12月20日"])
ws.append(["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "整改时限", "完成情况"])
ws.append([1, "党的政治建设", "学习贯彻党的二十届三中全会精神不够深入", "一是制定专题学习计划。\n二是开展专题研讨3次。", "张明", "办公室", "2025年6月30日", "已完成"])
ws.append([2, "党的政治建设", "对审计发现问题整改跟踪督促不力", "建立审计整改跟踪台账，逐项对账销号", "李华", "法规审理股", "2025年12月", "已完成"])
ws.append([3, "全面从严治党", "公务接待审批单填写不规范", "规范接待审批流程", "王强", "财务股", "立行立改", "已整改"])
ws.append([4, "全面从严治党", "干部教育培训计划执行不到位", "一是修订培训计划。\n二是每季度开展业务培训。", "张明", "人事股", "长期坚持", "长期坚持"])
wb.save(f"{m}/审计局台账（12月更新）.xlsx")
# No unit anywhere in the file: its name says 某某县林业局.
with open(f"{m}/某某县林业局整改台账.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f)
    w.writerow(["序号", "存在问题", "整改措施", "责任人", "整改时限", "完成情况"])
    w.writerow([1, "林长制责任落实不到位", "压实各级林长责任", "郑林", "2025年9月", "已完成"])
    w.writerow([2, "森林防火巡查存在盲区", "增设防火监控点", "钱森", "2026年3月", "正在整改"])
# No unit in the file nor in its name: the folder is the unit.
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["序号", "存在问题", "整改措施", "责任人", "完成时限", "整改状态"])
ws.append([1, "统计数据质量核查不严", "开展数据质量专项核查", "冯静", "2025年10月", "已完成"])
wb.save(f"{m}/某某县统计局/台账.xlsx")
PY
