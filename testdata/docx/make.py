#!/usr/bin/env python3
"""Builds the .docx fixtures the Word reader is tested on (run from anywhere):

  numbered-aspects.docx  scheme-aspects.txt with every label as Word automatic
                         numbering: 一、 from a heading style that carries the list
                         (pStyle), （一）/1./（1） as three levels of one list
  numbered-parts.docx    scheme-parts.txt: （一）…（六） one list running on across
                         the parts 一、二、三; the pending list restarts a shared
                         decimal list with lvlOverride/startOverride
  numbered-mixed.docx    scheme-mixed-status.txt: issues 1.…N at level 2 of the
                         categories' list with lvlRestart=0, so they run on across
                         （一）（二）; WPS-style direct w:numPr on every paragraph
  table.docx             a notice that lists its issues in a table (序号/问题/整改措施/
                         完成情况/时限/责任人), with merged cells
  tracked.docx           tracked changes (insertions, deletions, a move, a deleted
                         paragraph mark, an old numbering in pPrChange), a comment,
                         a header, a footer and a footnote
  numbered-latin.docx    tax-theme-ab.txt: the parts 一、 and the issues a）b） as two
                         levels of one list (lowerLetter), restarting under each part
  numbered-diyi.docx     court-diyi.txt: （一） and the issues 第一，第二， as two levels
                         of one list (chineseCounting "第%2，"), restarting under each
  numbered-decimal.docx  soe-decimal.txt: parts 1, groups 1.1 and items 1.1.1 as Word's
                         outline numbering (%1 / %1.%2 / %1.%2.%3)
  numbered-bracket.docx  school-bracket.txt: （一） and 【问题一】 as two levels of one
                         list, the issues running on through the categories
  libreoffice-text.docx  scheme-flat-labels.lines.txt opened and saved as .docx by
                         LibreOffice (labels as typed text)
  libreoffice-numbered.docx  numbered-parts.docx re-saved by LibreOffice, which
                         writes its own numbering.xml
Needs python3 and, for the last two, soffice (LibreOffice).
"""
import os, re, shutil, subprocess, sys, tempfile, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
NOTICES = os.path.join(HERE, "..", "notices")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

CN = "零一二三四五六七八九"


def cn_value(s):
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + CN.index(s[1])
    if "十" in s:
        a, b = s.split("十")
        return CN.index(a) * 10 + (CN.index(b) if b else 0)
    return CN.index(s)


MARKERS = [  # kind, pattern of the label at the start of a paragraph
    ("dec3", re.compile(r"^\d{1,2}\.\d{1,2}\.(\d{1,2}) ?")),
    ("dec2", re.compile(r"^\d{1,2}\.(\d{1,2})(?![.\d]) ?")),
    ("dec1", re.compile(r"^(\d{1,2}) ?(?=[\u4e00-\u9fff])")),
    ("bracket", re.compile(r"^【问题([一二三四五六七八九十]+)】")),
    ("cndun", re.compile(r"^([一二三四五六七八九十]+)、")),
    ("parencn", re.compile(r"^（([一二三四五六七八九十]+)）")),
    ("dot", re.compile(r"^(\d+)[.．]")),
    ("paren", re.compile(r"^（(\d+)）")),
    ("latin", re.compile(r"^([a-z])）")),
    ("diyi", re.compile(r"^第([一二三四五六七八九十]+)，")),
]


def run(text, extra=""):
    return f'<w:r>{extra}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, ppr="", runs=None):
    body = runs if runs is not None else run(text)
    return f"<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>"


def numpr(num_id, ilvl):
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def lvl(ilvl, fmt, text, start=1, restart=None, pstyle=None, suff=None):
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    extra += f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>')


def numbering_xml(abstracts, nums):
    """abstracts: {id: [lvl xml]}; nums: {numId: (abstractId, overrides xml)}"""
    out = [HDR, f"<w:numbering {W}>"]
    for aid, lvls in abstracts.items():
        out.append(f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
    for nid, (aid, ov) in nums.items():
        out.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>')
    out.append("</w:numbering>")
    return "".join(out)


def styles_xml(heading_num=None):
    h1num = numpr(heading_num, 0) if heading_num else ""
    return (HDR + f'<w:styles {W}>'
            '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
            f'<w:pPr>{h1num}<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="10"><w:name w:val="公文一级标题"/><w:basedOn w:val="1"/></w:style>'
            '</w:styles>')


def content_types(extra=()):
    parts = "".join(f'<Override PartName="/word/{p}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{ct}+xml"/>'
                     for p, ct in [("document", "document.main"), ("styles", "styles"), ("numbering", "numbering")] + list(extra))
    return (HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + parts + '</Types>')


def write_docx(name, body, numbering, styles, extra_parts=None, extra_rels=()):
    rels = [("styles", "styles.xml"), ("numbering", "numbering.xml")] + list(extra_rels)
    doc_rels = HDR + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(
        f'<Relationship Id="rId{i+1}" Type="{RELS}{k}" Target="{t}"/>' for i, (k, t) in enumerate(rels)) + "</Relationships>"
    document = (HDR + f'<w:document {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                f'<w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    extra_ct = [(k, ct) for k, ct in (extra_parts or {}).get("_ct", [])]
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def put(n, data):
            zi = zipfile.ZipInfo(n, date_time=(2025, 1, 1, 0, 0, 0))  # reproducible bytes
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
        put("[Content_Types].xml", content_types(extra_ct))
        put("_rels/.rels", HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{RELS}officeDocument" Target="word/document.xml"/></Relationships>')
        put("word/_rels/document.xml.rels", doc_rels)
        put("word/document.xml", document)
        put("word/styles.xml", styles)
        put("word/numbering.xml", numbering)
        for n, data in (extra_parts or {}).items():
            if n != "_ct":
                put("word/" + n, data)
    print("wrote", name)


def paragraphs(txt):
    with open(os.path.join(NOTICES, txt), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def from_text(txt, name, placement, abstracts, nums, heading_num=None):
    """Writes a text notice with its labels turned into list paragraphs.
    placement maps a marker kind to (pPr maker) or None to keep the label."""
    body = []
    lines = paragraphs(txt)
    part = 0  # the level-1 part a paragraph is in
    for i, text in enumerate(lines):
        ppr = ""
        for kind, rx in MARKERS:
            m = rx.match(text)
            if m and kind == "cndun":
                part = cn_value(m.group(1))
            if m and placement.get(kind):
                ppr = placement[kind](part)
                text = text[m.end():]
                break
        if i >= len(lines) - 2 and (re.match(r"^\d{4}年", text) or i == len(lines) - 2):
            ppr += '<w:jc w:val="right"/>'  # signature and date
        body.append(para(text, ppr))
    write_docx(name, "".join(body), numbering_xml(abstracts, nums), styles_xml(heading_num))


def numbered_aspects():
    abstracts = {
        "0": [lvl(0, "chineseCounting", "%1、", pstyle="1")],
        "1": [lvl(0, "chineseCounting", "（%1）"), lvl(1, "decimal", "%2.", suff="nothing"), lvl(2, "decimal", "（%3）", restart=0)],  # issues run on across 1. and （一）
    }
    nums = {"1": ("0", ""), "2": ("1", ""),
            "3": ("1", '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>')}
    from_text("scheme-aspects.txt", "numbered-aspects.docx", {
        "cndun": lambda part: '<w:pStyle w:val="10"/>',  # style → heading 1 → numId 1, level by pStyle
        "parencn": lambda part: numpr(2, 0),
        # part 四 lists pending items 1., 2.: a new instance restarting level 2
        "dot": lambda part: numpr(3 if part == 4 else 2, 1),
        "paren": lambda part: numpr(2, 2),
    }, abstracts, nums, heading_num=1)


def numbered_parts():
    abstracts = {
        "0": [lvl(0, "chineseCounting", "%1、")],
        "1": [lvl(0, "chineseCountingThousand", "（%1）", suff="space")],
        "2": [lvl(0, "decimal", "%1.")],
    }
    # numId 4 and 5 share abstract 2: 5 restarts it at 1 for the pending list
    # after 4 counted on elsewhere (here 4 is never used in the body, 5 is).
    nums = {"1": ("0", ""), "2": ("1", ""), "4": ("2", ""),
            "5": ("2", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')}
    from_text("scheme-parts.txt", "numbered-parts.docx", {
        "cndun": lambda part: numpr(1, 0),
        "parencn": lambda part: numpr(2, 0),  # one list, not restarted by the parts
        "dot": lambda part: numpr(5, 0),
    }, abstracts, nums)


def numbered_mixed():
    abstracts = {
        "7": [lvl(0, "chineseCounting", "%1、")],
        "8": [lvl(0, "chineseCounting", "（%1）"), lvl(1, "decimal", "%2.", restart=0)],
    }
    nums = {"3": ("7", ""), "6": ("8", ""),
            "9": ("8", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')}
    from_text("scheme-mixed-status.txt", "numbered-mixed.docx", {
        "cndun": lambda part: numpr(3, 0),
        # part 四 lists its pending item as （一）: an instance restarting level 1
        "parencn": lambda part: numpr(9 if part == 4 else 6, 0),
        "dot": lambda part: numpr(6, 1),  # runs on across the categories
    }, abstracts, nums)


def cell(text, props=""):
    ps = "".join(para(t, "") for t in text.split("\n"))
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{ps}</w:tc>"


def table_notice():
    rows = [
        ["序号", "问题", "整改措施", "完成情况", "时限", "责任人"],
        ["1", "理论学习中心组学习不够深入", "一是制定年度学习计划，2024年9月以来集中学习8次。\n二是开展专题研讨2次。", "已完成", "2024年12月", "王海"],
        ["2", "基层党组织“三会一课”不规范", "一是开展支部规范化建设。二是每季度督查一次。", "正在整改", "2025年6月", "林芳"],
        ["3", "财务报销审核不严", "修订《财务报销管理办法》，逐笔复核2023年以来报销凭证。", "已完成", "立行立改", "陈建"],
        ["4", "公务用车管理不规范", "建立用车登记台账，安装北斗定位设备。", "基本完成", "2025年3月", "陈建"],
    ]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (600, 2000, 3200, 1000, 1100, 900))
    trs = []
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            props = ""
            if c == 5 and r == 3:
                props, v = '<w:vMerge w:val="restart"/>', v
            if c == 5 and r == 4:
                props, v = "<w:vMerge/>", ""
            cells.append(cell(v, props))
        trs.append("<w:tr>" + "".join(cells) + "</w:tr>")
    # A title row spanning every column above the header, as offices do.
    title_row = '<w:tr>' + cell("巡察反馈问题整改情况表", '<w:gridSpan w:val="6"/>') + '</w:tr>'
    table = f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{title_row}{"".join(trs)}</w:tbl>'
    body = "".join([
        para("中共霞浦县海洋与渔业局党组", '<w:jc w:val="center"/>'),
        para("关于巡察整改进展情况的通报", '<w:jc w:val="center"/>'),
        para("根据县委统一部署，2024年5月6日至7月5日，县委第二巡察组对局党组开展了常规巡察，并于2024年8月20日反馈了巡察意见。现将整改进展情况通报如下。"),
        para("一、整改工作总体情况"),
        para("局党组召开专题会议6次研究整改工作。巡察反馈的4个问题中，已完成整改2个，基本完成1个，正在整改1个。"),
        para("二、巡察反馈问题整改情况"),
        table,
        para("三、下一步工作打算"),
        para("局党组将持续抓好未完成事项的整改，确保按期完成。"),
        para("中共霞浦县海洋与渔业局党组", '<w:jc w:val="right"/>'),
        para("2025年1月15日", '<w:jc w:val="right"/>'),
    ])
    write_docx("table.docx", body, numbering_xml({}, {}), styles_xml())


def tracked():
    ins = lambda t, i: f'<w:ins w:id="{i}" w:author="张三" w:date="2025-01-02T10:00:00Z">{run(t)}</w:ins>'
    dele = lambda t, i: f'<w:del w:id="{i}" w:author="张三" w:date="2025-01-02T10:00:00Z"><w:r><w:delText xml:space="preserve">{escape(t)}</w:delText></w:r></w:del>'
    body = "".join([
        para("古田县农业农村局党组"),
        para("关于巡察整改进展情况的通报", runs=run("关于巡察整改") + dele("工作", 1) + run("进展情况的通报")),
        para("", runs=run("根据县委统一部署，县委第三巡察组于2024年") + dele("3", 2) + ins("4", 3) + run("月至6月对局党组开展了巡察。")
             + '<w:commentRangeStart w:id="0"/>' + run("现将整改进展情况通报如下。") + '<w:commentRangeEnd w:id="0"/>'
             + '<w:r><w:commentReference w:id="0"/></w:r>'),
        para("一、巡察反馈问题整改情况"),
        # A paragraph whose mark was deleted: it joins the next paragraph.
        '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="张三" w:date="2025-01-02T10:00:00Z"/></w:rPr></w:pPr>' + run("（一）农业项目资金监管不严") + '</w:p>',
        para("", runs=run("的问题") + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        para("", runs=run("整改情况：已完成。一是对2022年以来") + ins("全部", 5) + run("农业项目资金开展自查") + dele("，发现问题12个", 6) + run("。二是建立资金拨付联审制度。")),
        # The old properties of a revised paragraph carry a numbering that is gone.
        para("（二）高标准农田建设质量不高的问题", '<w:pPrChange w:id="7" w:author="张三" w:date="2025-01-02T10:00:00Z"><w:pPr>' + numpr(9, 0) + '</w:pPr></w:pPrChange>'),
        '<w:moveFromRangeStart w:id="8" w:name="move1" w:author="张三" w:date="2025-01-02T10:00:00Z"/>'
        '<w:p><w:moveFrom w:id="9" w:author="张三" w:date="2025-01-02T10:00:00Z">' + run("整改情况：正在整改。已完成验收的项目逐一复核。") + '</w:moveFrom></w:p>'
        '<w:moveFromRangeEnd w:id="8"/>',
        para("", runs=run("整改措施：对2021年以来建成的高标准农田逐块复核，2025年6月底前完成问题地块整改。")),
        '<w:moveToRangeStart w:id="10" w:name="move1" w:author="张三" w:date="2025-01-02T10:00:00Z"/>'
        '<w:p><w:moveTo w:id="11" w:author="张三" w:date="2025-01-02T10:00:00Z">' + run("整改情况：正在整改。已完成验收的项目逐一复核。") + '</w:moveTo></w:p>'
        '<w:moveToRangeEnd w:id="10"/>',
        '<w:p><w:pPr/><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的批注文字</w:t></w:r></w:p>',
        '<w:p><w:pPr/><w:ins w:id="12" w:author="张三" w:date="2025-01-02T10:00:00Z">' + run("二、下一步工作") + '</w:ins></w:p>',
        para("局党组将持续抓好整改落实。"),
        para("古田县农业农村局党组", '<w:jc w:val="right"/>'),
        para("2025年2月10日", '<w:jc w:val="right"/>'),
    ]) + '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/></w:sectPr>'
    body = body.replace("<w:sectPr>", "<w:p><w:pPr><w:sectPr>", 1).replace("</w:sectPr>", "</w:sectPr></w:pPr></w:p>", 1)
    extra = {
        "header1.xml": HDR + f'<w:hdr {W}>' + para("内部资料 注意保存") + '</w:hdr>',
        "footer1.xml": HDR + f'<w:ftr {W}>' + para("— 1 —") + '</w:ftr>',
        "footnotes.xml": HDR + f'<w:footnotes {W}><w:footnote w:id="1">' + para("脚注：资金数据来源于县财政局。") + '</w:footnote></w:footnotes>',
        "comments.xml": HDR + f'<w:comments {W}><w:comment w:id="0" w:author="李四">' + para("批注：此句是否保留？") + '</w:comment></w:comments>',
        "_ct": [("header1", "header"), ("footer1", "footer"), ("footnotes", "footnotes"), ("comments", "comments")],
    }
    write_docx("tracked.docx", body, numbering_xml({}, {}), styles_xml(), extra,
               [("header", "header1.xml"), ("footer", "footer1.xml"), ("footnotes", "footnotes.xml"), ("comments", "comments.xml")])


def libreoffice():
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("soffice (LibreOffice) is needed for the LibreOffice fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "libreoffice-text.txt")
        shutil.copy(os.path.join(NOTICES, "scheme-flat-labels.lines.txt"), src)
        shutil.copy(os.path.join(HERE, "numbered-parts.docx"), os.path.join(tmp, "libreoffice-numbered.docx"))
        out = os.path.join(tmp, "out")
        prof = "-env:UserInstallation=file://" + os.path.join(tmp, "profile")
        for f in ("libreoffice-text.txt", "libreoffice-numbered.docx"):
            subprocess.run([soffice, prof, "--headless", "--infilter=Text (encoded):UTF8,LF,,," if f.endswith(".txt") else "--norestore",
                            "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, os.path.join(tmp, f)],
                           check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, HOME=tmp))
        for f in ("libreoffice-text.docx", "libreoffice-numbered.docx"):
            shutil.copy(os.path.join(out, f), os.path.join(HERE, f))
            print("wrote", f)


def numbered_latin():
    abstracts = {"3": [lvl(0, "chineseCounting", "%1、"), lvl(1, "lowerLetter", "%2）")]}
    nums = {"1": ("3", "")}
    from_text("tax-theme-ab.txt", "numbered-latin.docx", {
        "cndun": lambda part: numpr(1, 0),
        "latin": lambda part: numpr(1, 1),
    }, abstracts, nums)


def numbered_diyi():
    abstracts = {"4": [lvl(0, "chineseCounting", "（%1）"), lvl(1, "chineseCounting", "第%2，", suff="nothing")]}
    nums = {"1": ("4", "")}
    from_text("court-diyi.txt", "numbered-diyi.docx", {
        "parencn": lambda part: numpr(1, 0),
        "diyi": lambda part: numpr(1, 1),
    }, abstracts, nums)


def numbered_decimal():
    # Word's outline numbering 1 / 1.1 / 1.1.1 as a company sets it, with
    # no space after the number (suff nothing).
    abstracts = {"5": [lvl(0, "decimal", "%1", suff="nothing"), lvl(1, "decimal", "%1.%2", suff="nothing"),
                       lvl(2, "decimal", "%1.%2.%3", suff="nothing")]}
    nums = {"1": ("5", "")}
    from_text("soe-decimal.txt", "numbered-decimal.docx", {
        "dec1": lambda part: numpr(1, 0),
        "dec2": lambda part: numpr(1, 1),
        "dec3": lambda part: numpr(1, 2),
    }, abstracts, nums)


def numbered_bracket():
    # 【问题一】… running on through the categories （一）（二）（三）.
    abstracts = {"6": [lvl(0, "chineseCounting", "（%1）"),
                       lvl(1, "chineseCounting", "【问题%2】", restart=0, suff="nothing")]}
    nums = {"1": ("6", "")}
    from_text("school-bracket.txt", "numbered-bracket.docx", {
        "parencn": lambda part: numpr(1, 0),
        "bracket": lambda part: numpr(1, 1),
    }, abstracts, nums)


if __name__ == "__main__":
    numbered_aspects()
    numbered_parts()
    numbered_mixed()
    numbered_latin()
    numbered_diyi()
    numbered_decimal()
    numbered_bracket()
    table_notice()
    tracked()
    if "--no-soffice" not in sys.argv:
        libreoffice()
