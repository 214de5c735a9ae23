package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/testutil"
)

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 12, "12"},
		{"chineseCounting", 1, "一"}, {"chineseCounting", 10, "十"}, {"chineseCounting", 11, "十一"}, {"chineseCounting", 20, "二十"},
		{"chineseCountingThousand", 23, "二十三"}, {"chineseCountingThousand", 105, "一百零五"},
		{"chineseLegalSimplified", 3, "叁"}, {"chineseLegalSimplified", 12, "拾贰"},
		{"ideographDigital", 2024, "二〇二四"},
		{"ideographTraditional", 1, "甲"}, {"ideographTraditional", 10, "癸"},
		{"ideographZodiac", 12, "亥"},
		{"decimalEnclosedCircle", 1, "①"}, {"decimalEnclosedCircle", 20, "⑳"}, {"decimalEnclosedCircle", 21, "21"},
		{"decimalEnclosedCircleChinese", 3, "③"},
		{"ideographEnclosedCircle", 2, "㈡"},
		{"decimalEnclosedParen", 4, "⑷"},
		{"decimalEnclosedFullstop", 5, "⒌"},
		{"decimalFullWidth", 17, "１７"},
		{"decimalZero", 7, "07"},
		{"upperLetter", 28, "BB"}, {"lowerLetter", 3, "c"},
		{"upperRoman", 14, "XIV"}, {"lowerRoman", 4, "iv"},
		{"none", 3, ""},
		{"somethingNew", 5, "5"},
	} {
		if got := formatNumber(c.format, c.n); got != c.want {
			t.Errorf("%s %d = %q, want %q", c.format, c.n, got, c.want)
		}
	}
}

// docxOf packs a body (and numbering and styles parts) as a minimal .docx.
func docxOf(t testing.TB, body, numbering, styles string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, data string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	put("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	put("word/document.xml", `<w:document `+wNS+`><w:body>`+body+`</w:body></w:document>`)
	if numbering != "" {
		put("word/numbering.xml", `<w:numbering `+wNS+`>`+numbering+`</w:numbering>`)
	}
	if styles != "" {
		put("word/styles.xml", `<w:styles `+wNS+`>`+styles+`</w:styles>`)
	}
	zw.Close()
	return b.Bytes()
}

func bodyTexts(t *testing.T, data []byte) []string {
	t.Helper()
	blocks, err := readBlocks(data)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range blocks {
		out = append(out, b.text)
	}
	return out
}

func p(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// TestNumberingRules: restarts after a higher level, lvlRestart="0" running
// on, w:start, an instance restarting the shared list with startOverride,
// a lvlOverride replacing a level, %1 of a level not used yet, isLgl, a
// style that carries the list (pStyle, level found by the level's pStyle),
// and numId 0 switching numbering off.
func TestNumberingRules(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="H2"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="0"/></w:lvl>` +
		`<w:lvl w:ilvl="3"><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>` +
		`</w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%2、"/></w:lvl></w:lvlOverride></w:num>`
	styles := `<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="H2b"><w:basedOn w:val="H2"/></w:style>`
	body := p("1", "2", "前") + // level 2 before its parents: w:start 3
		p("1", "0", "甲部分") + p("1", "1", "类别") + p("1", "2", "问题") + p("1", "2", "问题") +
		`<w:p><w:pPr><w:pStyle w:val="H2b"/></w:pPr><w:r><w:t>样式里的编号</w:t></w:r></w:p>` +
		p("1", "2", "接续") + // lvlRestart 0: runs on past the level-1 paragraph
		p("1", "0", "乙部分") + p("1", "2", "仍接续") +
		p("2", "2", "重新开始") + p("2", "2", "再一个") +
		p("1", "3", "法定") +
		p("3", "1", "替换的级别") +
		p("0", "0", "不编号")
	got := bodyTexts(t, docxOf(t, body, numbering, styles))
	want := []string{"3.前", "一、甲部分", "（一）类别", "4.问题", "5.问题", "（二）样式里的编号", "6.接续",
		"二、乙部分", "7.仍接续", "1.重新开始", "2.再一个", "2.1法定", "甲、替换的级别", "不编号"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("labels:\n got %q\nwant %q", got, want)
	}
}

// TestTrackedAndHidden: insertions in, deletions and moved-away text out,
// deleted paragraph marks join paragraphs, old properties ignored, hidden
// text out, a text box's paragraphs kept, mc:Fallback not read twice, a
// content control's placeholder out and its filled-in text in.
func TestTrackedAndHidden(t *testing.T) {
	body := `<w:p><w:r><w:t>甲</w:t></w:r><w:ins><w:r><w:t>乙</w:t></w:r></w:ins><w:del><w:r><w:delText>丙</w:delText></w:r></w:del></w:p>` +
		`<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p><w:p><w:r><w:t>后半</w:t></w:r></w:p>` +
		`<w:p><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>留下</w:t></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>外面</w:t></w:r></w:p>` +
		`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		`<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件里的字</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		`<w:p><w:r><w:t>域结果</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	got := bodyTexts(t, docxOf(t, body, "", ""))
	want := []string{"甲乙", "前半后半", "留下", "文本框", "外面", "控件里的字", "域结果7"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("text:\n got %q\nwant %q", got, want)
	}
}

// TestHostilePackages: each is refused with a message in Chinese, quickly.
func TestHostilePackages(t *testing.T) {
	parts := map[string]string{"[Content_Types].xml": "<Types/>"}
	deep := strings.Repeat("<w:p>", 5000)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("hello"), "既不是 .docx（zip 压缩包），也不是老版 .doc"},
		{"damaged old Word", append(append([]byte{}, oleMagic...), make([]byte, 600)...), "不是有效的老版 Word（.doc）文件"},
		{"no body", testutil.ZipWithHugePart(parts, "other.bin", 1<<20, true), "找不到正文"},
		{"1 GiB body declared", testutil.ZipWithHugePart(parts, "word/document.xml", 1<<30, true), "压缩炸弹"},
		{"1 GiB body hidden", testutil.ZipWithHugePart(parts, "word/document.xml", 1<<30, false), "压缩炸弹"},
		{"100 MiB body", testutil.ZipWithHugePart(parts, "word/document.xml", 100<<20, true), "压缩炸弹"},
		{"deep body", docxOf(t, deep, "", ""), "嵌套"},
		{"deep numbering", docxOf(t, "", deep, ""), "嵌套"},
		{"deep styles", docxOf(t, "", "", deep), "嵌套"},
		{"broken XML", docxOf(t, "<w:p><w:r>", "", ""), "不是有效的 XML"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(context.Background(), c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}

// TestLineBreaks: pieces of a paragraph split by w:br are joined or kept
// apart as the grammar joins lines of text.
func TestLineBreaks(t *testing.T) {
	br := func(pieces ...string) string {
		var b strings.Builder
		b.WriteString("<w:p>")
		for i, s := range pieces {
			if i > 0 {
				b.WriteString("<w:r><w:br/></w:r>")
			}
			b.WriteString("<w:r><w:t>" + s + "</w:t></w:r>")
		}
		return b.String() + "</w:p>"
	}
	body := br("测试县财政局党组", "关于巡察整改进展情况的通报") +
		br("根据县委统一部署，县委第一巡察组对局党组开展了巡察，", "现将整改进展情况通报如下。") +
		br("一、巡察反馈问题整改情况") +
		br("（一）预算管理不规范的问题", "整改情况：已完成。修订了预算管理办法。") +
		br("测试县财政局党组", "2025年3月10日")
	n, err := Read(context.Background(), docxOf(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if n.Title != "关于巡察整改进展情况的通报" || n.Issuer != "测试县财政局党组" || n.Date != "2025-03-10" {
		t.Errorf("title %q, issuer %q, date %q", n.Title, n.Issuer, n.Date)
	}
	if !strings.HasSuffix(n.Preamble, "开展了巡察，现将整改进展情况通报如下。") {
		t.Errorf("preamble cut at the line break: %q", n.Preamble)
	}
	if is := n.Issues(); len(is) != 1 || is[0].Title != "预算管理不规范" || is[0].Status != "completed" {
		t.Errorf("issues: %+v", is)
	}
}

// TestListStyle: a definition that only links to a list style
// (w:numStyleLink) numbers with the levels of the definition the style
// carries, and shares its counters.
func TestListStyle(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="GWList"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="GWList"/></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`
	styles := `<w:style w:type="numbering" w:styleId="GWList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`
	got := bodyTexts(t, docxOf(t, p("2", "0", "甲")+p("1", "0", "乙")+p("2", "0", "丙"), numbering, styles))
	if want := "一、甲|二、乙|三、丙"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %s", got, want)
	}
}

// TestSymbols: marks placed with Word's Insert Symbol (w:sym) are text:
// the common ones of the symbol fonts as their Unicode characters, an
// unknown one as its own code point, never dropped.
func TestSymbols(t *testing.T) {
	sym := func(font, char string) string {
		return `<w:r><w:sym w:font="` + font + `" w:char="` + char + `"/></w:r>`
	}
	body := `<w:p><w:r><w:t>已完成</w:t></w:r>` + sym("Wingdings 2", "F052") + `</w:p>` +
		`<w:p>` + sym("Wingdings", "F0FC") + `<w:r><w:t>整改到位</w:t></w:r>` + sym("Symbol", "F0D6") + `</w:p>` +
		`<w:p>` + sym("SimSun", "221A") + sym("Webdings", "F061") + `<w:r><w:t>完</w:t></w:r></w:p>` +
		`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:t>无</w:t></w:r>` + sym("Wingdings", "zz") + `</w:p>`
	got := bodyTexts(t, docxOf(t, body, "", ""))
	want := []string{"已完成☑", "✓整改到位√", "√\uF061完", "无"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("text:\n got %q\nwant %q", got, want)
	}
}

// TestTextBesideLedgerKept: a document that is a ledger table with lines
// around it that make no notice (a 填表说明) keeps those lines as unplaced
// text beside the table's issues.
func TestTextBesideLedgerKept(t *testing.T) {
	cell := func(s string) string { return `<w:tc><w:p><w:r><w:t>` + s + `</w:t></w:r></w:p></w:tc>` }
	row := func(cells ...string) string {
		r := "<w:tr>"
		for _, c := range cells {
			r += cell(c)
		}
		return r + "</w:tr>"
	}
	body := `<w:p><w:r><w:t>填表说明：整改进展按月更新，完成的注明完成日期。</w:t></w:r></w:p>` +
		`<w:tbl>` + row("序号", "存在问题", "整改措施", "完成时限", "完成情况") +
		row("1", "制度执行不严", "修订制度。", "2025年6月30日", "已完成") +
		row("2", "台账管理混乱", "重建台账。", "2025年12月31日", "正在整改") + `</w:tbl>` +
		`<w:p><w:r><w:t>审核人：王五　　联系电话：12345678</w:t></w:r></w:p>`
	n, err := Read(context.Background(), docxOf(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Issues()) != 2 {
		t.Errorf("issues = %d, want 2", len(n.Issues()))
	}
	var kept []string
	for _, u := range n.Unplaced {
		kept = append(kept, u.Text)
	}
	want := []string{"填表说明：整改进展按月更新，完成的注明完成日期。", "审核人：王五　联系电话：12345678"}
	if len(kept) != 2 || !strings.HasPrefix(kept[0], "填表说明") || !strings.HasPrefix(kept[1], "审核人") {
		t.Errorf("unplaced = %q, want %q", kept, want)
	}
}
