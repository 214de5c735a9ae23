#!/usr/bin/python3
"""Write system-export.doc: a notice as an office system's "导出Word" writes
it, RTF under a .doc name. Chinese as GBK bytes (\\ansicpg936, a
\\fcharset134 font), some characters as \\uN with \\uc2 GBK fallbacks, a
header and a footnote (no body text), a hyperlink field (its result is
text), and the issue list as a table whose category cell is merged down
(\\clvmgf, \\clvmrg)."""

def gbk(s):
    out = []
    for ch in s:
        if ord(ch) < 128:
            out.append({'\\': '\\\\', '{': '\\{', '}': '\\}'}.get(ch, ch))
        else:
            out.append(''.join("\\'%02x" % b for b in ch.encode('gbk')))
    return ''.join(out)


def uni(s):
    """\\uN with a two-byte GBK fallback, as Word writes under \\uc2."""
    out = ['\\uc2 ']
    for ch in s:
        fb = ''.join("\\'%02x" % b for b in ch.encode('gbk'))
        out.append('\\u%d%s' % (ord(ch) if ord(ch) < 32768 else ord(ch) - 65536, fb))
    return ''.join(out) + '\\uc1 '


def para(text, extra=''):
    return '\\pard\\plain\\qj\\fi640\\f1\\fs32%s %s\\par\n' % (extra, text)


EDGES = [700, 2200, 4600, 7600, 8800, 9800]
HEAD = ['序号', '问题类别', '存在问题', '整改措施', '责任单位', '完成情况']
ROWS = [
    (['1', '政治建设方面', '党组理论学习中心组学习不深入', '修订学习制度，每月集中学习1次', '办公室', '已完成'], ['', 'clvmgf']),
    (['2', '', '意识形态工作责任制落实不到位', '制定意识形态工作责任清单', '机关党委', '正在整改'], ['', 'clvmrg']),
    (['3', '廉政建设方面', '林业项目资金审核把关不严', '建立项目资金联审机制', '计划财务股', '已完成'], ['', '']),
]


def row(cells, merges=None):
    merges = merges or [''] * len(cells)
    out = ['\\trowd\\trgaph108\\trleft0']
    for i, x in enumerate(EDGES):
        m = merges[i] if i < len(merges) else ''
        out.append(('\\' + m if m else '') + '\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx%d' % x)
    out.append('\n')
    for c in cells:
        out.append('\\pard\\intbl\\plain\\f1\\fs24 %s\\cell\n' % gbk(c))
    out.append('\\row\n')
    return ''.join(out)


doc = ['{\\rtf1\\ansi\\ansicpg936\\deff0\\uc1\n',
       '{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fnil\\fcharset134 %s;}}\n' % gbk('仿宋_GB2312'),
       '{\\colortbl;\\red0\\green0\\blue0;}\n',
       '{\\info{\\title %s}{\\author admin}}\n' % gbk('导出文档'),
       '\\paperw11906\\paperh16838\\margl1587\\margr1474\\margt2098\\margb1984\n',
       '{\\header\\pard\\plain\\f1 %s\\par}\n' % gbk('页眉：内部资料'),
       para(gbk('中共某某县林业局党组关于巡察整改进展情况的通报'), '\\qc'),
       para(gbk('根据县委统一部署，2025年3月3日至4月30日，县委第四巡察组对县林业局党组开展了常规巡察，并于2025年6月10日反馈了巡察意见。现将整改进展情况通报如下。')),
       para(gbk('一、整改工作总体情况')),
       para(gbk('局党组成立整改工作领导小组') + '{\\super\\chftn{\\footnote\\pard\\plain\\f1 ' + gbk('脚注：领导小组名单另行印发。') + '\\par}}'
            + gbk('，对反馈的3个问题逐项制定措施。详细情况') + '{\\field{\\*\\fldinst HYPERLINK "http://ly.example.gov.cn/"}{\\fldrslt ' + gbk('见林业局网站') + '}}' + gbk('。')),
       para(gbk('二、问题整改情况')),
       row(HEAD)] + [row(c, m) for c, m in ROWS] + [
       para(uni('欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：') + '0593-1234567' + gbk('。')),
       para(gbk('中共某某县林业局党组'), '\\qr'),
       para(gbk('2025年10月20日'), '\\qr'),
       '}\n']
open('system-export.doc', 'w', encoding='ascii').write(''.join(doc))
