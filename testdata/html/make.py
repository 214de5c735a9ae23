#!/usr/bin/env python3
"""Builds the web-page fixtures the HTML reader is tested on (run from anywhere).

Pages made from a text notice (testdata/notices/*.txt) must read exactly as
that text does; the others were written blind, with their expected data
hand-checked in internal/htmlnotice/read_test.go.

  cms-gbk.html          city-xunshi.txt on a 政务公开 CMS page: GB2312 declared by
                        http-equiv, GBK bytes, layout tables, breadcrumb, info line,
                        【字体：大 中 小】, 【打印本页】【关闭窗口】 inside the content cell,
                        footer (版权所有, ICP备, 主办单位, 技术支持, 网站标识码)
  modern-utf8.html      health-headstatus.txt on an HTML5 site: <meta charset>, div
                        soup, share widget, hidden div, aside of related links,
                        &nbsp; indents, the title repeated in the body
  wechat.html           hospital-circled.txt as a WeChat article: #js_content with
                        visibility:hidden (as served), <section>/<span> with inline
                        styles everywhere, text cut mid-sentence across spans
  chromium.mhtml        school-diyi.txt saved by Chromium as one file (CDP
                        Page.captureSnapshot through make-mhtml.go); its page fills
                        the body by script, as sites that load articles by Ajax do
  complete.html         street-halfwidth.txt saved as "网页，完整": the saved-from
                        comment, links into complete_files/ (css, js, image)
  ie.mht                court-diyi.txt as Internet Explorer's "Web 档案，单个文件":
                        quoted-printable, gb2312 in the part's Content-Type
  table-blind.html      blind: a 镇 notice whose issues are a <table> with rowspan
                        categories and a colspan note row
  br-blind.html         blind: an old page, <meta charset="gb2312">, GBK-only
                        character (堃), one <td> of <br>-separated lines indented
                        with full-width spaces, no date in the notice (the page's
                        发布日期 stands in)
Needs python3; chromium.mhtml also needs Go and chromium (make-mhtml.go).
"""
import html, os, quopri, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOTICES = os.path.join(HERE, "..", "notices")


def lines(name):
    with open(os.path.join(NOTICES, name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


def esc(s):
    return html.escape(s, quote=False)


def write(name, text, encoding="utf-8"):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.encode(encoding))


NAV = "".join(f'<li><a href="/{k}/">{t}</a></li>' for k, t in [
    ("", "首页"), ("zwgk", "政务公开"), ("zwdt", "政务动态"), ("hdjl", "互动交流"), ("bsfw", "办事服务"), ("ztzl", "专题专栏")])
RELATED = "".join(f'<li><a href="/zwgk/{i}.html">关于印发2025年第{i}批重点工作任务清单的通知</a><span>2025-0{i}-1{i}</span></li>' for i in range(1, 7))


def cms_gbk():
    ls = lines("city-xunshi.txt")
    body = "\n".join(f'<p style="text-indent:2em;line-height:180%"><font face="仿宋_GB2312" size="4">{esc(l)}</font></p>' for l in ls[1:])
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta name="SiteName" content="福安市人民政府" />
<meta name="ColumnName" content="通知公告" />
<meta name="ArticleTitle" content="{esc(ls[0])}" />
<meta name="PubDate" content="2025-07-16 09:30" />
<title>{esc(ls[0])}_通知公告_福安市人民政府</title>
<link href="/images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">function doZoom(size){{document.getElementById('zoom').style.fontSize=size+'px';}}</script>
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="120" background="/images/top_bg.jpg"><img src="/images/logo.png" alt="福安市人民政府" /></td></tr>
  <tr><td class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zwdt/">政务动态</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="230" valign="top" class="left">
      <table width="100%"><tr><td class="lm">通知公告</td></tr>
      <tr><td><ul class="list">{RELATED}</ul></td></tr></table>
    </td>
    <td width="770" valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></td></tr>
        <tr><td align="center" class="title" style="font-size:22px;font-weight:bold;padding:20px 0 10px">{esc(ls[0])}</td></tr>
        <tr><td align="center" class="info">发布时间：2025-07-16 09:30&nbsp;&nbsp;来源：中共福安市委办公室&nbsp;&nbsp;浏览次数：<span id="hits"><script>document.write("1024")</script></span>&nbsp;&nbsp;【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</td></tr>
        <tr><td id="zoom" class="content" style="padding:10px 30px">
<!--ContentStart-->
{body}
<!--ContentEnd-->
<br /><div align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
        </td></tr>
        <tr><td class="sx">上一篇：<a href="/zwgk/tzgg/1.html">关于开展2025年度机关作风建设专项检查的通知</a><br />下一篇：<a href="/zwgk/tzgg/3.html">福安市2025年上半年重点项目建设情况</a></td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="foot">
  <tr><td align="center"><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></td></tr>
  <tr><td align="center">主办单位：福安市人民政府办公室&nbsp;&nbsp;承办单位：福安市大数据中心<br />
  版权所有：福安市人民政府&nbsp;&nbsp;闽ICP备05012345号&nbsp;&nbsp;<img src="/images/gaba.png" />闽公网安备 35098102000123号<br />
  网站标识码：3509810001&nbsp;&nbsp;技术支持：福建某某信息技术有限公司&nbsp;&nbsp;建议使用1366×768分辨率浏览</td></tr>
</table>
</body>
</html>
"""
    write("cms-gbk.html", page, "gbk")


def modern():
    ls = lines("health-headstatus.txt")
    title = ls[0] + ls[1]
    paras = []
    for l in ls:
        if l[:2] in ("一、", "二、", "三、", "四、") or l.startswith("（"):
            paras.append(f'<div class="para"><strong><span style="font-family:黑体">{esc(l)}</span></strong></div>')
        else:
            paras.append(f'<div class="para"><span>&nbsp;&nbsp;&nbsp;&nbsp;{esc(l)}</span></div>')
    paras.insert(5, '<div style="display: none" class="hidden-draft">此段为编辑草稿，不应出现在通报中。</div>')
    body = "\n".join(paras)
    page = f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{esc(title)}">
<title>{esc(title)} - 屏南县人民政府</title>
<link rel="stylesheet" href="/static/css/app.3f9c2.css">
<style>.share a{{margin:0 4px}} .hidden-draft{{color:red}}</style>
</head>
<body>
<div id="app">
  <div class="top-bar"><div class="container"><span>欢迎访问屏南县人民政府网站</span><a href="/wza">无障碍</a><a href="/en">English</a></div></div>
  <header class="site-header"><div class="container"><div class="logo"><a href="/"><img src="/static/logo.png" alt="屏南县人民政府"></a></div>
    <nav class="main-nav"><ul>{NAV}</ul></nav>
    <div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form></div></div></header>
  <div class="container main">
    <div class="breadcrumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <span>通知公告</span></div>
    <div class="row">
      <div class="col-main">
        <article class="detail">
          <div class="detail-head">
            <h1 class="detail-title">{esc(title)}</h1>
            <div class="detail-meta"><span class="date">发布日期：2025-07-16</span><span class="source">信息来源：县卫健局</span><span class="views">阅读量：<em>356</em></span>
              <span class="font">字号：<a>大</a><a>中</a><a>小</a></span></div>
            <div class="share-bar">分享到：<a class="wx" title="微信">微信</a><a class="wb" title="微博">微博</a><a class="qq">QQ空间</a></div>
          </div>
          <div class="detail-body">
            <div class="TRS_Editor"><div class="Custom_UnionStyle">
{body}
            </div></div>
          </div>
          <div class="detail-foot"><a href="javascript:window.print()">打印</a><a href="javascript:window.close()">关闭</a></div>
        </article>
        <div class="prev-next"><p>上一篇：<a href="/a/1">屏南县2025年第二季度医疗机构监督检查情况通报</a></p><p>下一篇：<a href="/a/3">关于开展2025年卫生健康宣传月活动的通知</a></p></div>
      </div>
      <aside class="col-side"><h3>相关阅读</h3><ul>{RELATED}</ul>
        <div class="qr"><img src="/static/qr.png"><p>扫一扫在手机打开当前页</p></div></aside>
    </div>
  </div>
  <footer class="site-footer"><div class="container">
    <p><a href="/about">关于我们</a> | <a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p>
    <p>主办：屏南县人民政府办公室 承办：屏南县融媒体中心</p>
    <p>版权所有 © 屏南县人民政府 闽ICP备12003456号-1 网站标识码：3509260001</p>
  </div></footer>
</div>
<script src="/static/js/app.8a1b2.js"></script>
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");}})();</script>
</body>
</html>
"""
    write("modern-utf8.html", page)


def wechat():
    ls = lines("hospital-circled.txt")
    title = ls[0] + ls[1]
    out = []
    styles = ['font-size: 16px;font-family: 仿宋;', 'letter-spacing: 1px;font-size: 16px;', 'color: rgb(62, 62, 62);font-size: 16px;']
    for i, l in enumerate(ls[2:]):
        # cut the line into spans of 7 characters, some bold, as WeChat's editor does
        spans = []
        for k in range(0, len(l), 7):
            piece = esc(l[k:k + 7])
            st = styles[(i + k) % 3]
            if k == 7 and i % 4 == 0:
                piece = f'<strong>{piece}</strong>'
            spans.append(f'<span style="{st}">{piece}</span>')
        out.append(f'<section style="margin-bottom: 12px;line-height: 1.75em;text-indent: 2em;"><span leaf=""><span textstyle="" style="{styles[i % 3]}">{"".join(spans)}</span></span></section>')
    body = "".join(out)
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta property="og:title" content="{esc(title)}" />
<meta property="og:type" content="article" />
<title>{esc(title)}</title>
<style>.rich_media_content{{overflow:hidden}}</style>
</head>
<body id="activity-detail" class="zh_CN wx_wap_page">
<div id="js_article" class="rich_media">
  <div class="rich_media_inner">
    <div id="page-content" class="rich_media_area_primary">
      <div class="rich_media_area_primary_inner">
        <div id="img-content" class="rich_media_wrp">
          <h1 class="rich_media_title" id="activity-name">
            {esc(title)}
          </h1>
          <div id="meta_content" class="rich_media_meta_list">
            <span class="rich_media_meta rich_media_meta_text">原创</span>
            <span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">寿宁县医院</a></span>
            <em id="publish_time" class="rich_media_meta rich_media_meta_text">2025年04月11日 18:05</em>
            <em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text"><span id="js_ip_wording">福建</span></em>
          </div>
          <div class="rich_media_content js_underline_content autoTypeSetting24psection" id="js_content" style="visibility: hidden;"><section style="font-size: 16px;">{body}</section><p style="display: none;"><mp-style-type data-value="3"></mp-style-type></p></div>
          <div class="rich_media_tool" id="js_toobar3"><a id="js_view_source" href="##">阅读原文</a><div class="weui-flex"><span>分享</span><span>收藏</span><span>点赞</span><span>在看</span></div></div>
        </div>
        <div class="qr_code_pc_inner"><div class="qr_code_pc"><img id="js_pc_qr_code_img" class="qr_code_pc_img"><p>微信扫一扫<br>关注该公众号</p></div></div>
      </div>
    </div>
    <div id="js_pc_weapp_code" class="weapp_code">预览时标签不可点</div>
    <div class="wx_stream_article_slide_tip">继续滑动看下一个</div>
    <div class="wx_profile_card"><strong>寿宁县医院</strong><p>向上滑动看下一个</p></div>
  </div>
</div>
<script type="text/javascript">var msg_title = '{esc(title)}'.html(false);var ct = "1744365900";</script>
<script nonce="123">document.getElementById('js_content').style.visibility = 'visible';</script>
</body>
</html>
"""
    write("wechat.html", page)


def ajax_source():
    # The page chromium.mhtml is captured from: its body is filled by script.
    ls = lines("school-diyi.txt")
    data = "".join(f"<p>{esc(l)}</p>" for l in ls)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>中共福安市第二中学委员会关于巡察整改情况的通报-福安市第二中学</title>
<style>body{{font-family:serif}} .nav a{{margin-right:1em}}</style></head>
<body>
<div class="nav"><a href="/">学校首页</a><a href="/xxgk/">学校概况</a><a href="/djgz/">党建工作</a><a href="/tzgg/">通知公告</a></div>
<div class="pos">当前位置：首页 &gt; 党建工作</div>
<div class="article"><div id="content"></div></div>
<div class="footer">版权所有 © 福安市第二中学 闽ICP备09001234号</div>
<script>document.getElementById('content').innerHTML = {data!r};</script>
</body></html>
"""
    write("chromium-source.html", page)


def complete():
    ls = lines("street-halfwidth.txt")
    body = "\n".join(f'<p class="MsoNormal" style="text-indent:32.0pt;mso-char-indent-count:2.0"><span style="font-size:16.0pt;font-family:仿宋_GB2312">{esc(l)}<span lang="EN-US"><o:p></o:p></span></span></p>' for l in ls)
    page = f"""<!DOCTYPE html>
<!-- saved from url=(0068)http://www.fuding.gov.cn/zwgk/tzgg/202503/t20250318_2093841.htm -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{esc(ls[0])}</title>
<link rel="stylesheet" type="text/css" href="./complete_files/style.css">
<script type="text/javascript" src="./complete_files/jquery.min.js.下载"></script>
</head>
<body>
<div class="head"><img src="./complete_files/logo.png"><ul class="menu">{NAV}</ul></div>
<div class="wrap">
<div class="location">您当前的位置：<a href="http://www.fuding.gov.cn/">首页</a> &gt; <a href="http://www.fuding.gov.cn/zwgk/">政务公开</a></div>
<div class="xl_title">{esc(ls[0])}</div>
<div class="xl_info"><span>发布时间：2025-03-19 10:12</span> <span>字体：[<a>大</a> <a>中</a> <a>小</a>]</span> <span><a>打印本页</a></span></div>
<div class="TRS_Editor"><style>.TRS_Editor P{{margin-top:0;margin-bottom:0}}</style>
{body}
</div>
<div class="fujian">附件下载：<a href="./complete_files/a.docx">无</a></div>
</div>
<div class="foot">主办单位：福鼎市人民政府办公室 版权所有：福鼎市人民政府 闽ICP备05001234号</div>
</body></html>
"""
    write("complete.html", page)
    d = os.path.join(HERE, "complete_files")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "style.css"), "w") as f:
        f.write(".xl_title{font-size:22px;text-align:center}\n.xl_info{color:#999}\n")
    with open(os.path.join(d, "jquery.min.js.下载"), "w") as f:
        f.write("/* a stand-in for the saved script */\nwindow.jQuery=function(){};\n")
    with open(os.path.join(d, "logo.png"), "wb") as f:
        f.write(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                              "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))


def ie_mht():
    ls = lines("court-diyi.txt")
    body = "".join(f'<P class=MsoNormal style="TEXT-INDENT: 2em"><FONT face=仿宋_GB2312 size=4>{esc(l)}</FONT></P>\r\n' for l in ls)
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\r
<HTML><HEAD><TITLE>关于县委巡察反馈意见整改情况的通报</TITLE>\r
<META http-equiv=Content-Type content="text/html; charset=gb2312">\r
<META content="MSHTML 6.00.2900.6550" name=GENERATOR></HEAD>\r
<BODY>\r
<TABLE width=980 align=center><TBODY><TR><TD><A href="http://www.zrx.gov.cn/">首页</A> | <A href="http://www.zrx.gov.cn/fy/">法院工作</A></TD></TR></TBODY></TABLE>\r
<TABLE width=980 align=center><TBODY>\r
<TR><TD class=bt align=middle><FONT size=5><B>关于县委巡察反馈意见整改情况的通报</B></FONT></TD></TR>\r
<TR><TD align=middle>发布日期：2025-06-13&nbsp; 【<A href="javascript:window.print()">打印</A>】【<A href="javascript:window.close()">关闭</A>】</TD></TR>\r
<TR><TD>\r
{body}</TD></TR></TBODY></TABLE>\r
<TABLE width=980 align=center><TBODY><TR><TD align=middle>版权所有：柘荣县人民法院 技术支持：某某网络</TD></TR></TBODY></TABLE>\r
</BODY></HTML>\r
"""
    page = page.replace("\r\n", "\n")
    qp = quopri.encodestring(page.encode("gbk")).decode("ascii").replace("\n", "\r\n")
    mht = ("From: <由 Windows Internet Explorer 8 保存>\r\n"
           "Subject: =?gb2312?B?udjT2s/Yzu+1xM2o?=\r\n"
           "Date: Fri, 13 Jun 2025 10:20:31 +0800\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/related;\r\n"
           "\ttype=\"text/html\";\r\n"
           "\tboundary=\"----=_NextPart_000_0000_01DBDC2A.2B3C4D50\"\r\n"
           "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.6157\r\n"
           "\r\n"
           "This is a multi-part message in MIME format.\r\n"
           "\r\n"
           "------=_NextPart_000_0000_01DBDC2A.2B3C4D50\r\n"
           "Content-Type: text/html;\r\n"
           "\tcharset=\"gb2312\"\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n"
           "Content-Location: http://www.zrx.gov.cn/fy/tzgg/201.htm\r\n"
           "\r\n" + qp + "\r\n"
           "------=_NextPart_000_0000_01DBDC2A.2B3C4D50\r\n"
           "Content-Type: image/gif\r\n"
           "Content-Transfer-Encoding: base64\r\n"
           "Content-Location: http://www.zrx.gov.cn/images/logo.gif\r\n"
           "\r\n"
           "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\r\n"
           "\r\n"
           "------=_NextPart_000_0000_01DBDC2A.2B3C4D50--\r\n")
    with open(os.path.join(HERE, "ie.mht"), "wb") as f:
        f.write(mht.encode("gbk"))  # IE writes its From line in the system code page


TABLE_ROWS = [
    ("一、落实党的路线方针政策和党中央决策部署方面", [
        ("1", "学习贯彻党的二十大精神不够深入", "健全“第一议题”制度，开展专题学习研讨6次", "镇党委书记", "2025年3月", "已完成"),
        ("2", "乡村振兴产业项目带动作用不强", "引进茶叶精深加工企业1家，建设标准化茶园800亩", "镇长", "2025年12月", "正在推进"),
        ("3", "耕地保护责任落实不到位", "开展耕地“非农化”排查，整改问题图斑14处", "分管副镇长", "2025年6月", "已完成"),
    ]),
    ("二、落实全面从严治党战略部署方面", [
        ("4", "村级财务管理不规范", "修订村级财务管理办法，完成13个村账务清理", "镇纪委书记", "2025年4月", "已完成"),
        ("5", "违规发放补贴问题整改不彻底", "追回违规发放补贴2.3万元，对3名责任人进行提醒谈话", "镇纪委书记", "2025年2月", "已完成"),
        ("6", "监督执纪“四种形态”运用不够精准", "建立“四种形态”运用台账，开展案例剖析2次", "镇纪委书记", "长期坚持", "长期坚持"),
    ]),
    ("三、落实新时代党的组织路线方面", [
        ("7", "村党组织书记队伍老化", "储备村级后备力量26名，选派年轻干部驻村", "镇组织委员", "2025年5月", "已完成"),
        ("8", "党员教育管理不够严格", "推行党员积分管理，整顿软弱涣散村党组织1个", "镇组织委员", "2025年9月", "正在推进"),
    ]),
]


def table_blind():
    rows = []
    for cat, items in TABLE_ROWS:
        for i, (n, prob, meas, lead, due, st) in enumerate(items):
            catcell = f'<td rowspan="{len(items)}" style="vertical-align:middle">{esc(cat)}</td>' if i == 0 else ""
            rows.append(f"<tr><td>{n}</td>{catcell}<td>{esc(prob)}</td><td>{esc(meas)}</td><td>{lead}</td><td>{due}</td><td>{st}</td></tr>")
    table = ('<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">\n'
             '<thead><tr><th>序号</th><th>问题类别</th><th>存在问题</th><th>整改措施</th><th>责任领导</th><th>完成时限</th><th>完成情况</th></tr></thead>\n<tbody>\n'
             + "\n".join(rows) + "\n</tbody></table>")
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>中共寿宁县南阳镇委员会关于县委巡察反馈问题整改进展情况的通报_南阳镇人民政府</title></head>
<body>
<div class="header"><a href="/">南阳镇人民政府</a> <a href="/zwgk">政务公开</a> <a href="/xxgk">信息公开</a></div>
<div class="main">
<h2 class="title">中共寿宁县南阳镇委员会关于县委巡察反馈问题整改进展情况的通报</h2>
<p class="info">发布时间：2025-07-09　来源：南阳镇党政办</p>
<div class="content">
<p>　　根据县委巡察工作统一部署，2024年10月14日至12月6日，县委第二巡察组对南阳镇党委开展了常规巡察，2025年1月10日反馈了巡察意见。现将整改进展情况公布如下。</p>
<p><strong>一、整改工作总体情况</strong></p>
<p>　　镇党委成立整改工作领导小组，对照反馈的3个方面8个问题，逐项制定整改措施。截至2025年6月30日，已完成整改5个，正在推进2个，长期坚持1个。</p>
<p><strong>二、反馈问题整改情况</strong></p>
{table}
<p><strong>三、下一步工作</strong></p>
<p>　　镇党委将持续跟踪未完成事项，确保按期整改到位。欢迎广大干部群众对整改落实情况进行监督。联系电话：0593-5561234。</p>
<p style="text-align:right">中共寿宁县南阳镇委员会</p>
<p style="text-align:right">2025年7月8日</p>
</div>
</div>
<div class="footer">版权所有：寿宁县南阳镇人民政府 闽ICP备05011111号</div>
</body></html>
"""
    write("table-blind.html", page)


def br_blind():
    text = [
        "根据县委巡察工作安排，2024年11月4日至12月20日，县委第三巡察组对县水利局党组开展了巡察。2025年1月15日，巡察组反馈了巡察意见。现将整改进展情况通报如下。",
        "一、关于落实全面从严治党主体责任不到位的问题",
        "整改情况：修订党组议事规则，建立党风廉政建设责任清单。目前已整改到位。",
        "二、关于水利工程项目管理不规范的问题",
        "整改情况：开展在建项目专项检查，整改问题12个；2个项目的审计整改仍在推进，计划2025年9月底前完成。",
        "三、关于干部队伍建设有短板的问题",
        "整改情况：制定年轻干部培养计划，选派干部跟班学习。此项工作长期坚持。",
        "欢迎广大干部群众对整改落实情况进行监督。联系电话：0593-8881234（联系人：林堃）。",
        "中共霞浦县水利局党组",
    ]
    content = "<br>\n".join("　　" + esc(t) for t in text)
    page = f"""<html>
<head>
<meta charset="gb2312">
<title>霞浦县水利局党组关于巡察整改进展情况的通报</title>
</head>
<body bgcolor="#ffffff">
<table width="778" border="0" align="center"><tr><td><img src="/img/banner.jpg" width="778" height="100"></td></tr>
<tr><td bgcolor="#0066cc"><a href="/"><font color="#ffffff">首页</font></a> <a href="/slxw/"><font color="#ffffff">水利新闻</font></a> <a href="/tzgg/"><font color="#ffffff">通知公告</font></a></td></tr></table>
<table width="778" border="0" align="center" cellpadding="8">
<tr><td align="center"><font size="5"><b>霞浦县水利局党组关于巡察整改进展情况的通报</b></font></td></tr>
<tr><td align="center"><font color="#666666" size="2">发布日期：2025-04-03&nbsp;&nbsp;&nbsp;点击数：<font color="red">87</font></font></td></tr>
<tr><td><font size="3">
{content}
</font></td></tr>
<tr><td align="right">【<a href="#" onclick="window.close()">关闭窗口</a>】</td></tr>
</table>
<table width="778" border="0" align="center"><tr><td align="center"><font size="2">霞浦县水利局 版权所有&nbsp;&nbsp;闽ICP备08001234号<br>地址：霞浦县松城街道福宁大道10号</font></td></tr></table>
</body>
</html>
"""
    write("br-blind.html", page, "gbk")


if __name__ == "__main__":
    cms_gbk()
    modern()
    wechat()
    ajax_source()
    complete()
    ie_mht()
    table_blind()
    br_blind()
    if "--no-mhtml" not in sys.argv:
        subprocess.run(["go", "run", os.path.join(HERE, "make-mhtml.go"),
                        os.path.join(HERE, "chromium-source.html"), os.path.join(HERE, "chromium.mhtml")], check=True, cwd=HERE)
