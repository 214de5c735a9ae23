package htmlnotice

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/rectify/rectify/internal/notice"
)

// TestRefusals: what is not a notice's page is refused with a message in
// Chinese saying what is wrong, quickly and without a panic.
func TestRefusals(t *testing.T) {
	deep := strings.Repeat("<div>", 5000) + "关于巡察整改情况的通报" + strings.Repeat("</div>", 5000)
	deepInline := "<p>" + strings.Repeat("<b><i><u><font>", 3000) + "关于巡察整改情况的通报"
	manyTags := strings.Repeat("<p>问题</p>", maxElements+1)
	for _, c := range []struct{ name, page, want string }{
		{"empty", "", "空的"},
		{"blank", "  \r\n\t ", "空的"},
		{"empty page", "<!DOCTYPE html><html><head><title></title></head><body></body></html>", "没有找到通报"},
		{"only chrome", `<html><body><div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>` +
			`<div>发布时间：2025-07-15 来源：县政府办</div><div>版权所有：某某县人民政府 闽ICP备05012345号</div></body></html>`, "没有找到通报"},
		{"no notice", `<html><head><meta charset="utf-8"><title>天气预报</title></head><body><h1>明日天气</h1>` +
			`<p>明天多云转晴，气温二十到二十八度，东南风三到四级。请市民朋友合理安排出行。</p></body></html>`, "没有找到通报"},
		{"binary", "\x00\x01\x02\x03PK\x03\x04\x00\x00\x08\x00<html>\x00\x00\x00\x00\x00\x07\x08", "二进制"},
		{"plain text", "关于巡察整改情况的通报\n一、整改情况\n已完成。\n", "没有网页标记"},
		{"unknown charset", `<html><head><meta charset="x-klingon-7"></head><body><p>关于巡察整改情况的通报</p></body></html>`, "x-klingon-7"},
		{"deep", deep, "嵌套"},
		{"deep inline", deepInline, "嵌套"},
		{"many tags", manyTags, "元素超过"},
		{"huge", "<html><body><p>" + strings.Repeat("问", MaxPageBytes/3+1) + "</p></body></html>", "过大"},
		{"mhtml without page", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n", "没有网页"},
		{"mhtml torn", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!\r\n--b--\r\n", "无法解码"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			n, err := Read(context.Background(), []byte(c.page))
			if err == nil {
				t.Fatalf("read %d issues, want an error saying %q", len(n.Issues()), c.want)
			}
			if !strings.Contains(err.Error(), c.want) || !hasHan(err.Error()) {
				t.Errorf("error %q, want one in Chinese saying %q", err, c.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func hasHan(s string) bool { return hanCount(s) > 0 }

// TestNoArticleIsErrNoArticle: callers can tell a page without a notice.
func TestNoArticleIsErrNoArticle(t *testing.T) {
	_, err := Read(context.Background(), []byte(`<html><body><p>明天多云转晴，气温二十到二十八度。</p></body></html>`))
	if !errors.Is(err, ErrNoArticle) {
		t.Errorf("err = %v, want ErrNoArticle", err)
	}
}

// TestCharsets: the charset comes from the BOM, the <meta>, or the bytes,
// and GB2312 pages may hold GBK-only characters.
func TestCharsets(t *testing.T) {
	const body = `<body><h1>中共某某县水利局党组关于巡察整改情况的通报</h1><p>一、关于项目管理不规范的问题</p><p>整改情况：已完成整改。负责人：林堃。</p></body></html>`
	gbk := func(s string) string {
		b, err := encodeGBK(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, c := range []struct{ name, page string }{
		{"utf-8 meta", `<html><head><meta charset="utf-8"></head>` + body},
		{"utf-8 bom", "\xef\xbb\xbf<html><head></head>" + body},
		{"utf-8 undeclared", `<html><head></head>` + body},
		{"gb2312 http-equiv", gbk(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>` + body)},
		{"gbk meta", gbk(`<html><head><meta charset="GBK"></head>` + body)},
		{"gbk undeclared", gbk(`<html><head></head>` + body)},
		{"gbk declared utf-8", gbk(`<html><head><meta charset="utf-8"></head>` + body)},
		{"gbk declared iso-8859-1", gbk(`<html><head><meta charset="iso-8859-1"></head>` + body)},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, err := Read(context.Background(), []byte(c.page))
			if err != nil {
				t.Fatal(err)
			}
			is := n.Issues()
			if len(is) != 1 || is[0].Title != "项目管理不规范" || !strings.Contains(is[0].Actions[0].Text, "林堃") {
				t.Errorf("read %+v", is)
			}
		})
	}
}

// TestPublicationDate: the site's date stands in only for a notice that
// states none.
func TestPublicationDate(t *testing.T) {
	page := func(sig string) string {
		return `<html><head><meta charset="utf-8"><meta name="PubDate" content="2025-08-02 10:00"></head><body>` +
			`<div class="info">发布时间：2025-08-01</div><div><h1>中共某某县水利局党组关于巡察整改情况的通报</h1>` +
			`<p>一、关于项目管理不规范的问题</p><p>整改情况：已完成整改。</p>` + sig + `</div></body></html>`
	}
	n, err := Read(context.Background(), []byte(page("")))
	if err != nil {
		t.Fatal(err)
	}
	if n.Date != "2025-08-02" {
		t.Errorf("date %q, want the page's PubDate 2025-08-02", n.Date)
	}
	n, err = Read(context.Background(), []byte(page(`<p>中共某某县水利局党组</p><p>2025年7月30日</p>`)))
	if err != nil {
		t.Fatal(err)
	}
	if n.Date != "2025-07-30" {
		t.Errorf("date %q, want the notice's own 2025-07-30", n.Date)
	}
}

// TestKeepsUnplacedText: text inside the article that the grammar cannot
// place is kept as unplaced, not dropped with the chrome; chrome inside the
// article (an info line, print buttons) is dropped.
func TestKeepsUnplacedText(t *testing.T) {
	page := `<html><head><meta charset="utf-8"></head><body><div class="nav"><a href="/">首页</a></div><div class="article">` +
		`<h1>中共某某县水利局党组关于巡察整改情况的通报</h1><p>发布时间：2025-08-01　来源：县水利局　浏览次数：12</p>` +
		`<p>一、关于项目管理不规范的问题</p><p>整改情况：已完成整改。</p><p>中共某某县水利局党组</p><p>2025年7月30日</p>` +
		`<p>（本文由县水利局办公室提供，图片由工程股拍摄）</p><p>【我要纠错】【打印本页】【关闭窗口】</p></div></body></html>`
	n, err := Read(context.Background(), []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := notice.Marshal(n)
	if !strings.Contains(string(data), "图片由工程股拍摄") {
		t.Errorf("the article's last line vanished:\n%s", data)
	}
	for _, w := range []string{"打印", "纠错", "浏览次数", "首页"} {
		if strings.Contains(string(data), w) {
			t.Errorf("chrome %q reached the data", w)
		}
	}
}

func encodeGBK(s string) (string, error) { return simplifiedchinese.GBK.NewEncoder().String(s) }

// TestLargePage: a deep page with megabytes of text is read in time; the
// reader looks at every element's text only as far as it needs.
func TestLargePage(t *testing.T) {
	para := "<p>" + strings.Repeat("整改情况：建立台账，逐项销号，已完成整改。", 200) + "</p>"
	page := "<html><body>" + strings.Repeat("<div>", maxDepth-10) + "<p>中共某某县委关于巡察整改情况的通报</p><p>一、关于项目管理不规范的问题</p>" +
		strings.Repeat(para, 1000) + strings.Repeat("</div>", maxDepth-10) + "</body></html>"
	start := time.Now()
	n, err := Read(context.Background(), []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Issues()) != 1 {
		t.Errorf("%d issues", len(n.Issues()))
	}
	t.Logf("%d MB in %v", len(page)>>20, time.Since(start))
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestChromeLines: lines of chrome, and notice lines that look a little
// like chrome but are not.
func TestChromeLines(t *testing.T) {
	for _, s := range []string{
		"发布时间：2025-07-15 10:20 来源：县政府办 浏览次数：128",
		"【字体：大 中 小】【打印正文】【关闭窗口】【我要纠错】",
		"字号：[ 大 中 小 ] 视力保护色：",
		"分享到：微信 微博 QQ空间",
		"索引号： 11350981MB0123456X/2025-00123 发布机构： 福安市民政局 生成日期： 2025-07-16",
		"当前位置：首页 > 政务公开 > 通知公告",
		"上一篇：关于开展专项检查的通知",
		"版权所有：某某县人民政府 闽ICP备05012345号",
	} {
		if !isChrome(s) {
			t.Errorf("%q is chrome", s)
		}
	}
	for _, s := range []string{
		"整改情况：网站ICP备案信息已更新，已完成整改。",
		"完成时间：2025年6月底",
		"问题来源：县委巡察反馈",
		"关于政府网站ICP备案信息未及时更新的问题",
		"联系电话：0593-1234567",
		"时间：全年",
		"大中小学校园安全隐患排查不彻底",
	} {
		if isChrome(s) {
			t.Errorf("%q is notice text, not chrome", s)
		}
	}
}
