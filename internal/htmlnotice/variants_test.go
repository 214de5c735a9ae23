package htmlnotice

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/rectify/rectify/internal/notice"
)

// wordPage is a notice as Word's "另存为网页" writes it (and as CMS editors
// keep it when the text is pasted from Word): GB2312, source lines wrapped
// inside Chinese sentences, the title broken by <br>, list labels in
// conditional comments' content with &nbsp; after them, <o:p> elements.
const wordPage = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15">
<title>关于巡察整改进展情况的通报</title>
<style><!-- p.MsoNormal {margin:0cm; text-align:justify; font-size:10.5pt;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt;font-family:方正小标宋简体'>中共某某县财政局党组<br>
关于巡察整改进展情况的通报<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>根据县委巡察工作安排，县委第二巡察组于2024年9月2日至10月31日对县财政局党组开展了巡察，并于12月5日反馈了巡察意见。现将整改进展情况通报如
下。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoListParagraph style='text-indent:32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:黑体'><span style='mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:黑体'>关于预算执行进度偏慢的
问题<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>整改情况：建立预算执行月通报制度，对执行进度低于序时进度的单位
约谈提醒。目前已完成整改。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoListParagraph style='text-indent:32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:黑体'><span style='mso-list:Ignore'>二、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:黑体'>关于政府采购管理不规范的问题</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>整改情况：修订政府采购内控制度，开展专项检查。该问题正在整改中，计划2025年10月底前完成。</span></p>
<p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312'>中共某某县财政局党组<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US style='font-family:仿宋_GB2312'>2025</span><span style='font-family:仿宋_GB2312'>年<span lang=EN-US>6</span>月<span lang=EN-US>30</span>日</span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</body>
</html>`

// TestWordHTML: a page saved by Word reads as its text: no space where the
// source wrapped a Chinese sentence, list labels kept, the title whole.
func TestWordHTML(t *testing.T) {
	data, err := encodeGBK(wordPage)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Read(context.Background(), []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if n.Issuer != "中共某某县财政局党组" || n.Title != "关于巡察整改进展情况的通报" || n.Date != "2025-06-30" {
		t.Errorf("issuer %q title %q date %q", n.Issuer, n.Title, n.Date)
	}
	if !strings.HasSuffix(n.Preamble, "现将整改进展情况通报如下。") {
		t.Errorf("preamble %q: the wrapped source line left a space", n.Preamble)
	}
	is := n.Issues()
	if len(is) != 2 || is[0].Title != "预算执行进度偏慢" || is[0].Status != "completed" ||
		is[1].Title != "政府采购管理不规范" || is[1].Status != "in_progress" || is[1].Deadline != "2025-10" {
		for _, i := range is {
			t.Logf("%d %q %q %q", i.Number, i.Title, i.Status, i.Deadline)
		}
		t.Fatalf("issues read wrong")
	}
	if a := is[0].Actions[0].Text; strings.Contains(a, " ") {
		t.Errorf("measure %q has a space from the source's wrapping", a)
	}
	if len(n.Unplaced) != 0 {
		t.Errorf("unplaced %+v", n.Unplaced)
	}
}

// TestDisclosurePage: a 政府信息公开 page sets a metadata table above the
// article (索引号, 发布机构, 生成日期…, labels and values in cells of their
// own); it is chrome, not the notice's text.
func TestDisclosurePage(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于巡察整改进展情况的通报</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a></div>
<div class="xxgk-detail">
<table class="xxgk-meta"><tr><td>索引号：</td><td>11350981MB0123456X/2025-00123</td><td>发布机构：</td><td>福安市民政局</td></tr>
<tr><td>生成日期：</td><td>2025-07-16</td><td>主题分类：</td><td>综合政务</td></tr>
<tr><td>文号：</td><td></td><td>有效性：</td><td>有效</td></tr>
<tr><td>名称：</td><td colspan="3">中共福安市民政局党组关于巡察整改进展情况的通报</td></tr></table>
<h2>中共福安市民政局党组关于巡察整改进展情况的通报</h2>
<div class="article">
<p>根据市委巡察工作安排，2024年10月8日至11月29日，市委第三巡察组对市民政局党组开展了巡察。现将整改进展情况通报如下。</p>
<p>一、关于养老服务设施运营监管不到位的问题</p>
<p>整改情况：对全市养老机构开展安全检查，整改隐患21处。已完成整改。</p>
<p>二、关于社会救助资金审核不严的问题</p>
<p>整改情况：追回不符合条件人员救助资金1.2万元。已完成整改。</p>
</div></div>
<div class="foot">版权所有：福安市人民政府 网站标识码：3509810001</div></body></html>`
	n, err := Read(context.Background(), []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if n.Issuer != "中共福安市民政局党组" || len(n.Issues()) != 2 || n.Date != "2025-07-16" {
		t.Errorf("issuer %q, %d issues, date %q", n.Issuer, len(n.Issues()), n.Date)
	}
	data, _ := notice.Marshal(n)
	for _, w := range []string{"索引号", "11350981", "发布机构", "综合政务", "有效性", "名称"} {
		if strings.Contains(string(data), w) {
			t.Errorf("the metadata's %q reached the data", w)
		}
	}
}

// TestArchiveFrame: an archive whose main page shows the article in an
// <iframe> is read from the frame's page.
func TestArchiveFrame(t *testing.T) {
	frame := `<html><body><p>中共某某县水利局党组关于巡察整改情况的通报</p><p>一、关于项目管理不规范的问题</p><p>整改情况：已完成整改。</p></body></html>`
	archive := "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n" +
		"--B\r\nContent-Type: text/html\r\nContent-Location: http://x/a.html\r\n\r\n" +
		`<html><body><div><a href="/">首页</a></div><iframe src="cid:frame-1@mhtml.blink"></iframe></body></html>` + "\r\n" +
		"--B\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte(frame)) + "\r\n--B--\r\n"
	n, err := Read(context.Background(), []byte(archive))
	if err != nil {
		t.Fatal(err)
	}
	if is := n.Issues(); len(is) != 1 || is[0].Title != "项目管理不规范" {
		t.Errorf("issues %+v", is)
	}
}

// TestLayouts: pages laid out as small sites lay them out, each read as its
// author meant: a column of the site's own prose before the article (only
// text after the title counts), and an article of <br> lines in a layout
// table's cell with its information line in the same cell.
func TestLayouts(t *testing.T) {
	for _, c := range []struct {
		name, page, issuer, title, date, preamble string
		issues                                    []string
		statuses                                  []string
	}{
		{"sidebar before the article", sidePage, "中共某某县审计局党组", "关于巡察整改进展情况的通报", "2025-05-06",
			"根据县委巡察工作安排，县委第四巡察组于2024年9月对县审计局党组开展了巡察。现将整改进展情况通报如下。",
			[]string{"审计发现问题整改跟踪不到位", "审计项目质量控制不严"}, []string{"completed", "in_progress"}},
		{"br lines in a layout cell", brCellPage, "中共某某镇委员会", "关于巡察整改情况的通报", "2025-03-08",
			"根据县委巡察工作安排，县委第一巡察组于2024年10月对镇党委开展了巡察。现将整改情况通报如下。",
			[]string{"村级财务管理不规范", "人居环境整治不彻底"}, []string{"completed", "in_progress"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, err := Read(context.Background(), []byte(c.page))
			if err != nil {
				t.Fatal(err)
			}
			if n.Issuer != c.issuer || n.Title != c.title || n.Date != c.date || n.Preamble != c.preamble {
				t.Errorf("issuer %q title %q date %q preamble %q", n.Issuer, n.Title, n.Date, n.Preamble)
			}
			is := n.Issues()
			if len(is) != len(c.issues) {
				t.Fatalf("%d issues, want %d", len(is), len(c.issues))
			}
			for i := range is {
				if is[i].Title != c.issues[i] || is[i].Status != c.statuses[i] {
					t.Errorf("issue %d: %q %q", i+1, is[i].Title, is[i].Status)
				}
			}
			if len(n.Unplaced) != 0 {
				t.Errorf("unplaced %+v", n.Unplaced)
			}
			data, _ := notice.Marshal(n)
			for _, w := range []string{"机构职能", "领导信息", "局长", "点击数", "作者", "打印", "Copyright", "首页"} {
				if strings.Contains(string(data), w) {
					t.Errorf("the site's %q reached the data", w)
				}
			}
		})
	}
}

const sidePage = `<html><head><meta charset="utf-8"><title>中共某某县审计局党组关于巡察整改进展情况的通报-某某县审计局</title></head><body>
<div class="head">某某县审计局 欢迎您</div>
<div class="left">
<div class="box"><h3>机构职能</h3><p>县审计局是县人民政府组成部门，主管全县审计工作。主要职责是：贯彻执行国家审计工作的方针政策和法律法规，拟订全县审计工作规划和年度审计项目计划，并组织实施；对县级预算执行情况、决算草案以及其他财政收支情况进行审计监督，向县人民政府提出审计结果报告。</p></div>
<div class="box"><h3>领导信息</h3><p>局长：张某某，主持全面工作。副局长：李某某，分管财政审计、经济责任审计工作。</p></div>
</div>
<div class="right">
<div class="pos">当前位置：<a>首页</a> &gt; <a>通知公告</a></div>
<h1>中共某某县审计局党组关于巡察整改进展情况的通报</h1>
<div class="con">
<p>根据县委巡察工作安排，县委第四巡察组于2024年9月对县审计局党组开展了巡察。现将整改进展情况通报如下。</p>
<p>一、关于审计发现问题整改跟踪不到位的问题</p>
<p>整改情况：建立审计整改台账，实行销号管理。已完成整改。</p>
<p>二、关于审计项目质量控制不严的问题</p>
<p>整改情况：修订审计质量控制办法。正在整改。</p>
<p>中共某某县审计局党组</p><p>2025年5月6日</p>
</div></div>
<div class="foot">地址：某某县城关镇人民路1号 电话：0593-1234567 版权所有 某某县审计局</div>
</body></html>
`

const brCellPage = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>关于巡察整改情况的通报</title></head><body>
<table width="900"><tr><td><a href="/">首页</a> <a href="/a">机构概况</a> <a href="/b">政务公开</a></td></tr>
<tr><td style="font-size:20px" align="center"><b>中共某某镇委员会关于巡察整改情况的通报</b><br>
<span style="font-size:12px">作者：党政办 来源：某某镇 点击数：233 更新时间：2025-3-9</span><br><br>
&nbsp;&nbsp;&nbsp;&nbsp;根据县委巡察工作安排，县委第一巡察组于2024年10月对镇党委开展了巡察。现将整改情况通报如下。<br>
&nbsp;&nbsp;&nbsp;&nbsp;一、关于村级财务管理不规范的问题<br>
&nbsp;&nbsp;&nbsp;&nbsp;整改情况：清理村级账目，规范报账流程。已完成整改。<br>
&nbsp;&nbsp;&nbsp;&nbsp;二、关于人居环境整治不彻底的问题<br>
&nbsp;&nbsp;&nbsp;&nbsp;整改情况：开展环境整治专项行动，目前正在整改。<br><br>
<div align="right">中共某某镇委员会<br>2025年3月8日</div>
</td></tr>
<tr><td align="center">【<a href="#">打印此文</a>】 【<a href="#">关闭窗口</a>】</td></tr></table>
<p align="center">Copyright 2025 某某镇人民政府 All Rights Reserved</p></body></html>
`

// TestTwoColumnLayoutTable: a layout table of two columns (an empty
// margin cell beside the article) is no ledger; its cells are read as a
// browser shows them, paragraph by paragraph.
func TestTwoColumnLayoutTable(t *testing.T) {
	page := `<html><head><meta charset="utf-8"></head><body><table>
<tr><td colspan="2" align="center"><b>中共某某县委关于巡察整改情况的通报</b></td></tr>
<tr><td width="40">&nbsp;</td><td><p>一、关于项目管理不规范的问题</p><p>整改情况：建立项目台账。已完成整改。</p>
<p>二、关于资金拨付滞后的问题</p><p>整改情况：加快拨付进度。正在整改。</p></td></tr></table></body></html>`
	n, err := Read(context.Background(), []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	is := n.Issues()
	if len(is) != 2 || is[0].Title != "项目管理不规范" || is[0].Status != "completed" || is[1].Status != "in_progress" {
		t.Errorf("issues %+v", is)
	}
}

// TestUTF16Page: a page saved as "Unicode" (UTF-16 with a BOM) reads.
func TestUTF16Page(t *testing.T) {
	page := `<html><body><h1>中共某某县委关于巡察整改情况的通报</h1><p>一、关于项目管理不规范的问题</p><p>整改情况：已完成整改。</p></body></html>`
	u := utf16.Encode([]rune(page))
	data := []byte{0xff, 0xfe}
	for _, c := range u {
		data = append(data, byte(c), byte(c>>8))
	}
	n, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Issues()) != 1 || n.Issuer != "中共某某县委" {
		t.Errorf("issuer %q, %d issues", n.Issuer, len(n.Issues()))
	}
}

// TestBigIssueTable: an issue table holding most of the page's text is
// read with the paragraphs around it, which are not lost.
func TestBigIssueTable(t *testing.T) {
	var rows strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&rows, "<tr><td>%d</td><td>第%d项问题整改工作推进不够有力有效</td><td>建立工作台账，明确责任分工，逐项推进落实，定期调度整改进展情况</td><td>已完成</td><td>2025年6月</td></tr>", i, i)
	}
	page := `<html><head><meta charset="utf-8"><title>中共某某县委关于巡察整改情况的通报</title></head><body><h1>中共某某县委关于巡察整改情况的通报</h1><div class="content">` +
		`<p>根据县委巡察工作安排，县委第一巡察组对某某单位开展了巡察。现将整改情况通报如下。</p>` +
		`<table border="1"><tr><th>序号</th><th>存在问题</th><th>整改措施</th><th>完成情况</th><th>完成时限</th></tr>` + rows.String() + `</table>` +
		`<p>欢迎广大干部群众监督。联系电话：0593-1234567。</p><p>中共某某县委</p><p>2025年7月1日</p></div></body></html>`
	n, err := Read(context.Background(), []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Issues()) != 30 || n.Date != "2025-07-01" || !strings.HasPrefix(n.Preamble, "根据县委巡察工作安排") ||
		n.Contact == nil || n.Contact.Phone != "0593-1234567" {
		t.Errorf("%d issues, date %q, preamble %q, contact %+v", len(n.Issues()), n.Date, n.Preamble, n.Contact)
	}
}

// TestLedgerPage: a page that is a ledger table under its title and a
// 填报 line takes the unit and the date from those lines, as a Word ledger
// and a sheet's rows above the header do; the 填报 line is kept.
func TestLedgerPage(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>整改台账</title></head><body>
<h2>某某县统计局巡察反馈问题整改台账</h2>
<p>填报单位：某某县统计局　　填报日期：2025年8月15日</p>
<table border="1">
<tr><th>序号</th><th>存在问题</th><th>整改措施</th><th>责任股室</th><th>完成情况</th></tr>
<tr><td>1</td><td>统计数据质量把关不严</td><td>建立数据审核三级复核制度</td><td>综合股</td><td>已完成</td></tr>
<tr><td>2</td><td>统计执法检查覆盖面不足</td><td>制定年度执法检查计划</td><td>执法股</td><td>正在整改</td></tr>
</table></body></html>`
	n, err := Read(context.Background(), []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if n.Issuer != "某某县统计局" || n.Date != "2025-08-15" || n.Title != "某某县统计局巡察反馈问题整改台账" || len(n.Issues()) != 2 {
		t.Errorf("issuer %q date %q title %q issues %d", n.Issuer, n.Date, n.Title, len(n.Issues()))
	}
	if len(n.Unplaced) != 1 || !strings.HasPrefix(n.Unplaced[0].Text, "填报单位：") {
		t.Errorf("unplaced %+v, want the 填报 line", n.Unplaced)
	}
}
