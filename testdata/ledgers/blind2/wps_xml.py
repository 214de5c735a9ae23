"""Write wps-xml.xlsx part by part, as WPS-like writers do and openpyxl does
not: inline strings, shared strings with rich-text and phonetic runs, date
styles (built-in 14 and a custom 年月日), formulas with only their cached
values, a table (ListObject) with an autofilter over the ledger, a frozen
header, a data-validation list for 整改状态, a comment (note) and a
hyperlink to 佐证材料, percentages as numbers styled 0%."""
import zipfile

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>
<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WB = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr/><bookViews><workbookView/></bookViews>
<sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets>
<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">整改台账!$A$3:$I$7</definedName></definedNames>
<calcPr calcId="144525"/>
</workbook>"""

WBRELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""

# xf 0 general, 1 date (built-in 14), 2 percent (9), 3 custom 年月日 (176)
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

# shared strings: 0 header 序号 ... the rich title with a phonetic run
SST = [
    "序号", "问题描述", "整改举措", "牵头领导", "责任股室", "整改时限", "整改进度", "整改状态", "佐证材料",
    '<r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>医保基金</t></r><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>监管不到位</t></r><rPh sb="0" eb="2"><t>イホ</t></rPh><phoneticPr fontId="0" type="noConversion"/>',
    "一是简化备案材料。二是推行线上备案。",
    "赵局长", "钱副局长",
]


def sst_xml():
    items = []
    for s in SST:
        items.append("<si>" + (s if s.startswith("<r>") else "<t>" + s + "</t>") + "</si>")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(SST)}" uniqueCount="{len(SST)}">'
            + "".join(items) + "</sst>")


def s(ref, i):
    return f'<c r="{ref}" t="s"><v>{i}</v></c>'


def inl(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def num(ref, v, style=0):
    return f'<c r="{ref}" s="{style}"><v>{v}</v></c>'


def fml(ref, f, v):
    return f'<c r="{ref}"><f>{f}</f><v>{v}</v></c>'


def sheet_xml():
    rows = [
        '<row r="1">' + inl("A1", "某某县医疗保障局巡察整改工作台账") + "</row>",
        '<row r="2">' + inl("A2", "填报单位：某某县医疗保障局　　　　填报日期：2025年11月20日") + "</row>",
        '<row r="3">' + "".join(s(f"{c}3", i) for i, c in enumerate("ABCDEFGHI")) + "</row>",
        '<row r="4">' + fml("A4", "ROW()-3", 1) + s("B4", 9) + inl("C4", "开展医保基金专项检查") + s("D4", 11)
        + inl("E4", "基金监管股") + num("F4", 45838, 1) + num("G4", 1, 2) + inl("H4", "已完成") + inl("I4", "检查通报.pdf") + "</row>",
        '<row r="5">' + fml("A5", "ROW()-3", 2) + inl("B5", "异地就医备案办理时限过长") + s("C5", 10) + s("D5", 11)
        + inl("E5", "医药服务股") + inl("F5", "2025年12月底前") + num("G5", 0.8, 2) + "</row>",
        '<row r="6">' + fml("A6", "ROW()-3", 3) + inl("B6", "定点医药机构协议管理不严") + inl("C6", "修订协议管理办法") + s("D6", 12)
        + inl("E6", "待遇保障股") + num("F6", 46022, 3) + num("G6", 0, 2) + "</row>",
        '<row r="7">' + fml("A7", "ROW()-3", 4) + inl("B7", "干部队伍作风建设有待加强") + inl("C7", "开展作风建设专项行动") + s("D7", 12)
        + inl("E7", "办公室") + inl("F7", "长期坚持") + num("G7", 0.5, 2) + inl("H7", "长期坚持") + "</row>",
    ]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheetPr filterMode="0"/><dimension ref="A1:I7"/>'
            '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="13.5"/>'
            '<cols><col min="2" max="3" width="40" customWidth="1"/></cols>'
            "<sheetData>" + "".join(rows) + "</sheetData>"
            '<mergeCells count="2"><mergeCell ref="A1:I1"/><mergeCell ref="A2:I2"/></mergeCells>'
            '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="H4:H7">'
            '<formula1>"已完成,正在整改,未启动,长期坚持"</formula1></dataValidation></dataValidations>'
            '<hyperlinks><hyperlink ref="I4" r:id="rId3" display="检查通报.pdf"/></hyperlinks>'
            '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
            '<legacyDrawing r:id="rId2"/>'
            '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'
            "</worksheet>")


SHEETRELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="佐证材料/检查通报.pdf" TargetMode="External"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>
</Relationships>"""

TABLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="台账表" displayName="台账表" ref="A3:I7" totalsRowShown="0">
<autoFilter ref="A3:I7"/>
<tableColumns count="9"><tableColumn id="1" name="序号"/><tableColumn id="2" name="问题描述"/><tableColumn id="3" name="整改举措"/><tableColumn id="4" name="牵头领导"/><tableColumn id="5" name="责任股室"/><tableColumn id="6" name="整改时限"/><tableColumn id="7" name="整改进度"/><tableColumn id="8" name="整改状态"/><tableColumn id="9" name="佐证材料"/></tableColumns>
<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>
</table>"""

COMMENTS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<authors><author>Administrator</author></authors>
<commentList><comment ref="H4" authorId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>Administrator:</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">
已于6月28日完成验收</t></r></text></comment></commentList>
</comments>"""

VML = """<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/>
<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>3</x:Row><x:Column>7</x:Column></x:ClientData></v:shape></xml>"""


def make(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", sst_xml())
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml())
        z.writestr("xl/worksheets/_rels/sheet1.xml.rels", SHEETRELS)
        z.writestr("xl/tables/table1.xml", TABLE)
        z.writestr("xl/comments1.xml", COMMENTS)
        z.writestr("xl/drawings/vmlDrawing1.vml", VML)
