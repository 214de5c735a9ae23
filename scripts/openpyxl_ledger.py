#!/usr/bin/python3
"""The reference for the Excel benchmark: openpyxl in write-only mode writes
the same cells rectify writes into 整改台账 (title, 填报 line, header, one row
per issue), from the same JSON. Usage: openpyxl_ledger.py big.json out.xlsx"""
import json, sys
from openpyxl import Workbook

n = json.load(open(sys.argv[1], encoding="utf-8"))
labels = {"completed": "已完成", "basically_completed": "基本完成", "in_progress": "正在整改", "not_started": "未完成", "ongoing": "长期坚持"}
ordinals = "一二三四五六七八九十"
wb = Workbook(write_only=True)
ws = wb.create_sheet("整改台账")
ws.append([n.get("issuer", "") + "巡察反馈问题整改台账"])
ws.append(["填报单位：" + n.get("issuer", "")])
ws.append(["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改进展情况", "完成情况", "备注"])
for c in n["categories"]:
    first = True
    for i in c["issues"]:
        acts = i.get("actions", [])
        text = acts[0]["text"] if len(acts) == 1 else "\n".join(ordinals[k] + "是" + a["text"] for k, a in enumerate(acts))
        r = i.get("responsible") or {}
        ws.append([i["number"], c["title"] if first else "", i["title"], text, r.get("leader", ""), r.get("unit", ""),
                   r.get("person", ""), i.get("deadline", ""), i.get("progress", ""), labels.get(i.get("status"), ""), ""])
        first = False
wb.save(sys.argv[2])
