#!/usr/bin/python3
"""Write ledgers as Excel 2003 XML (SpreadsheetML), as Excel 2003 and the
office systems that export "xls" downloads write them.

  make_xml.py excel2003 in.xlsx out.xls   every sheet of a workbook, the way
      Excel 2003 saves it: Styles with NumberFormat, DateTime cells, merges
      as ss:MergeAcross/ss:MergeDown with ss:Index after them, hidden
      columns, WorksheetOptions.
  make_xml.py system out.xls               a system's export written by hand
      (prefixed ss: elements, strings only, a hidden sheet, a comment, rich
      text), see expected/system-export.json.
"""
import datetime, sys
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.utils import get_column_letter

HEAD = '''<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>rectify fixture</Author>
 </DocumentProperties>
'''


def excel2003(src, dst):
    wb = openpyxl.load_workbook(src)
    out = [HEAD, ' <Styles>\n  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/><Font ss:FontName="宋体" x:CharSet="134" ss:Size="11"/></Style>\n']
    formats = {}
    cells_out = []
    for ws in wb.worksheets:
        merged = {}
        covered = set()
        for rng in ws.merged_cells.ranges:
            merged[(rng.min_row, rng.min_col)] = (rng.max_col - rng.min_col, rng.max_row - rng.min_row)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        sheet = [' <Worksheet ss:Name="%s">\n  <Table>\n' % escape(ws.title, {'"': '&quot;'})]
        for c in range(1, ws.max_column + 1):
            dim = ws.column_dimensions.get(get_column_letter(c))
            if dim is not None and dim.hidden:
                sheet.append('   <Column ss:Index="%d" ss:Hidden="1" ss:AutoFitWidth="0"/>\n' % c)
        last_row = 0
        for r in range(1, ws.max_row + 1):
            row = []
            last_col = 0
            for c in range(1, ws.max_column + 1):
                if (r, c) in covered:
                    continue
                cell = ws.cell(r, c)
                v = cell.value
                across, down = merged.get((r, c), (0, 0))
                if v is None and not across and not down:
                    continue
                attrs = ''
                if c != last_col + 1:
                    attrs += ' ss:Index="%d"' % c
                if across:
                    attrs += ' ss:MergeAcross="%d"' % across
                if down:
                    attrs += ' ss:MergeDown="%d"' % down
                data = ''
                if isinstance(v, (datetime.datetime, datetime.date)):
                    fmt = cell.number_format
                    sid = formats.setdefault(fmt, 's%d' % (62 + len(formats)))
                    attrs += ' ss:StyleID="%s"' % sid
                    if not isinstance(v, datetime.datetime):
                        v = datetime.datetime(v.year, v.month, v.day)
                    data = '<Data ss:Type="DateTime">%s.000</Data>' % v.strftime('%Y-%m-%dT%H:%M:%S')
                elif isinstance(v, bool):
                    data = '<Data ss:Type="Boolean">%d</Data>' % v
                elif isinstance(v, (int, float)):
                    data = '<Data ss:Type="Number">%s</Data>' % repr(v)
                elif v is not None:
                    data = '<Data ss:Type="String">%s</Data>' % escape(str(v)).replace('\n', '&#10;')
                row.append('    <Cell%s>%s</Cell>\n' % (attrs, data))
                last_col = c + across
            if not row:
                continue
            ra = '' if r == last_row + 1 else ' ss:Index="%d"' % r
            sheet.append('   <Row%s ss:AutoFitHeight="0">\n%s   </Row>\n' % (ra, ''.join(row)))
            last_row = r
        sheet.append('  </Table>\n  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">\n')
        if ws.sheet_state != 'visible':
            sheet.append('   <Visible>SheetHidden</Visible>\n')
        sheet.append('   <ProtectObjects>False</ProtectObjects>\n  </WorksheetOptions>\n </Worksheet>\n')
        cells_out.append(''.join(sheet))
    for fmt, sid in formats.items():
        out.append('  <Style ss:ID="%s"><NumberFormat ss:Format="%s"/></Style>\n' % (sid, escape(fmt, {'"': '&quot;'})))
    out.append(' </Styles>\n')
    out.extend(cells_out)
    out.append('</Workbook>\n')
    open(dst, 'w', encoding='utf-8').write(''.join(out))


SYSTEM = '''<?xml version="1.0" encoding="UTF-8"?>
<ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:html="http://www.w3.org/TR/REC-html40">
<ss:Styles><ss:Style ss:ID="head"><ss:Font ss:Bold="1"/></ss:Style><ss:Style ss:ID="ym"><ss:NumberFormat ss:Format="yyyy&quot;年&quot;m&quot;月&quot;"/></ss:Style></ss:Styles>
<ss:Worksheet ss:Name="下拉选项">
<ss:Table><ss:Row><ss:Cell><ss:Data ss:Type="String">已完成</ss:Data></ss:Cell></ss:Row><ss:Row><ss:Cell><ss:Data ss:Type="String">正在整改</ss:Data></ss:Cell></ss:Row></ss:Table>
<x:WorksheetOptions><x:Visible>SheetVeryHidden</x:Visible></x:WorksheetOptions>
</ss:Worksheet>
<ss:Worksheet ss:Name="整改台账">
<ss:Table>
<ss:Column ss:Width="40"/><ss:Column ss:Width="200"/><ss:Column ss:Width="200"/><ss:Column ss:Hidden="1" ss:Span="1"/><ss:Column ss:Width="80"/>
<ss:Row><ss:Cell ss:MergeAcross="7"><ss:Data ss:Type="String">某某县市场监督管理局巡察反馈问题整改台账</ss:Data></ss:Cell></ss:Row>
<ss:Row><ss:Cell ss:MergeAcross="7"><ss:Data ss:Type="String">填报单位：某某县市场监督管理局（盖章）　　填报时间：2025年9月30日</ss:Data></ss:Cell></ss:Row>
<ss:Row>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">序号</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">反馈问题</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">整改措施</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">系统编号</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">系统状态码</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">责任股室</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">整改时限</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="head"><ss:Data ss:Type="String">整改进展</ss:Data></ss:Cell>
</ss:Row>
<ss:Row><ss:Cell ss:MergeAcross="7"><ss:Data ss:Type="String">一、政治建设方面</ss:Data></ss:Cell></ss:Row>
<ss:Row>
<ss:Cell ss:MergeDown="1"><ss:Data ss:Type="Number">1</ss:Data></ss:Cell>
<ss:Cell ss:MergeDown="1"><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">学习贯彻<html:B>党的二十届三中全会精神</html:B>不够深入</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">修订党组理论学习中心组学习计划</ss:Data><ss:Comment ss:Author="管理员"><ss:Data>系统备注：第一条措施</ss:Data></ss:Comment></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">XC-2025-001</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="Number">3</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">办公室</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="ym"><ss:Data ss:Type="DateTime">2025-06-30T00:00:00.000</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">已完成</ss:Data></ss:Cell>
</ss:Row>
<ss:Row>
<ss:Cell ss:Index="3"><ss:Data ss:Type="String">开展专题研讨2次</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">XC-2025-001</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="Number">3</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">机关党委</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="ym"><ss:Data ss:Type="DateTime">2025-09-30T00:00:00.000</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">已完成</ss:Data></ss:Cell>
</ss:Row>
<ss:Row>
<ss:Cell><ss:Data ss:Type="Number">2</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">食品安全抽检覆盖面不足</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">扩大抽检范围至全部乡镇农贸市场</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">XC-2025-002</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="Number">1</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">食品安全股</ss:Data></ss:Cell>
<ss:Cell ss:StyleID="ym"><ss:Data ss:Type="DateTime">2025-12-31T00:00:00.000</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">正在整改</ss:Data></ss:Cell>
</ss:Row>
<ss:Row><ss:Cell ss:MergeAcross="7"><ss:Data ss:Type="String">二、作风建设方面</ss:Data></ss:Cell></ss:Row>
<ss:Row>
<ss:Cell><ss:Data ss:Type="Number">1</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">行政审批“体外循环”问题仍有发生</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">全面清理线下受理事项&#10;建立“好差评”回访制度</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">XC-2025-003</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="Number">2</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">行政审批股</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">长期坚持</ss:Data></ss:Cell>
<ss:Cell><ss:Data ss:Type="String">长期坚持</ss:Data></ss:Cell>
</ss:Row>
</ss:Table>
</ss:Worksheet>
</ss:Workbook>
'''

if __name__ == '__main__':
    if sys.argv[1] == 'excel2003':
        excel2003(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == 'system':
        open(sys.argv[2], 'w', encoding='utf-8').write(SYSTEM)
    else:
        sys.exit('usage: make_xml.py excel2003 in.xlsx out.xls | system out.xls')
