package textnotice

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestCorpusNotice checks the facts issue 3 names for the corpus notice.
func TestCorpusNotice(t *testing.T) {
	n := readNotice(t, "../../testdata/corpus/notice-2025-extracted.txt")
	if got := len(n.Categories); got != 21 {
		t.Errorf("categories = %d, want 21", got)
	}
	issues := n.Issues()
	if len(issues) != 63 {
		t.Fatalf("issues = %d, want 63", len(issues))
	}
	for i, is := range issues {
		if is.Number != i+1 {
			t.Errorf("issue %d numbered %d", i+1, is.Number)
		}
		if len(is.Actions) == 0 {
			t.Errorf("issue %d has no actions", is.Number)
		}
	}
	counts := n.CountByStatus()
	if counts[notice.Completed] != 60 || counts[notice.BasicallyCompleted] != 3 {
		t.Errorf("status counts = %v, want 60 completed and 3 basically_completed", counts)
	}
	for num, title := range map[int]string{1: "聚焦‘国之大者’学习新思想不够", 31: "落实‘党政同责、一岗双责’不力",
		62: "县委巡察发现的突出问题和共性问题自查整改不到位", 55: "制定制度未经班子会议研究，缺乏刚性约束"} {
		if got := n.IssueByNumber(num).Title; got != title {
			t.Errorf("issue %d title = %q, want %q", num, got, title)
		}
	}
	if a := n.IssueByNumber(1).Actions; len(a) != 3 || a[0].Text != "已将习近平经济思想、生态文明思想和关于制造强国的重要论述和重要讲话精神纳入2024年会议学习的重要内容。" {
		t.Errorf("issue 1 actions = %+v", a)
	}
	if a := n.IssueByNumber(7).Actions; len(a) != 4 || !strings.HasSuffix(a[2].Text, "2024年12月19日，邀请上海湜清公司人员到园区为企业家展示酸洗产品。") {
		t.Errorf("issue 7 action 3 not joined across the page break: %+v", a)
	}
	if a := n.IssueByNumber(9).Actions; len(a) != 1 {
		t.Errorf("issue 9 has no ordinals: want one action, got %d", len(a))
	}
	// Every action's text stands in the normalised source exactly.
	data, _ := os.ReadFile("../../testdata/corpus/notice-2025-extracted.txt")
	var all strings.Builder
	for _, p := range Paragraphs(string(data)) {
		all.WriteString(p.Text)
	}
	for _, is := range issues {
		for _, a := range is.Actions {
			if !strings.Contains(all.String(), a.Text) {
				t.Errorf("issue %d action not in source: %q", is.Number, a.Text)
			}
			if strings.ContainsAny(a.Text, "\n*") || regexp.MustCompile(`\d |[^\p{Han}] \p{Han}| \d`).MatchString(a.Text) {
				t.Errorf("issue %d action has stray characters: %q", is.Number, a.Text)
			}
		}
	}
	if len(n.Pending) != 3 {
		t.Fatalf("pending = %+v", n.Pending)
	}
	for i, want := range []int{5, 35, 60} {
		if p := n.Pending[i]; p.Issue != want || p.Deadline != "2025-12" || p.NextSteps == "" || p.Explanation == "" {
			t.Errorf("pending %d = %+v, want issue %d deadline 2025-12", i, p, want)
		}
	}
	acc := n.Accountability
	wantM := map[string]int{"通报批评": 3, "批评教育": 9, "谈话提醒": 1, "自我检讨": 1}
	wantR := map[string]int{"科级干部": 7, "其他人员": 7}
	if acc == nil || acc.Total != 14 || !sameMap(acc.Measures, wantM) || !sameMap(acc.Ranks, wantR) {
		t.Errorf("accountability = %+v", acc)
	}
	ins := notice.Inspection{Team: "县委第二巡察组", Start: "2024-05-13", End: "2024-06-24", Feedback: "2024-08-29"}
	if n.Inspection == nil || *n.Inspection != ins {
		t.Errorf("inspection = %+v", n.Inspection)
	}
	c := notice.Contact{Phone: "0593-5530106", Address: "寿宁县南阳镇福兴路171号", Email: "sngyyqgwh@163.com"}
	if n.Contact == nil || *n.Contact != c {
		t.Errorf("contact = %+v", n.Contact)
	}
	if n.Date != "2025-06-24" || n.Issuer != "寿宁工业园区管理委员会" || n.Title != "关于巡察整改进展情况的通报" {
		t.Errorf("date/issuer/title = %q %q %q", n.Date, n.Issuer, n.Title)
	}
	if len(n.Sections) != 5 || len(n.Closing) != 1 {
		t.Errorf("sections = %d, closing = %d", len(n.Sections), len(n.Closing))
	}
}

func sameMap(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}

// issueWant is the gold structure of one issue in a held-out notice.
type issueWant struct {
	num      int
	title    string
	status   string
	actions  int
	deadline string
}

// checkIssues compares a notice read with its hand-made gold: the number of
// categories, and every issue's number, title, status, number of actions
// and deadline.
func checkIssues(t *testing.T, n *notice.Notice, categories int, want []issueWant) {
	t.Helper()
	if len(n.Categories) != categories {
		t.Errorf("categories = %d, want %d", len(n.Categories), categories)
	}
	got := n.Issues()
	if len(got) != len(want) {
		t.Errorf("issues = %d, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if g.Number != w.num || g.Title != w.title || g.Status != w.status || len(g.Actions) != w.actions || g.Deadline != w.deadline {
			t.Errorf("issue %d = {%d %q %s %d actions %q}, want %+v", i+1, g.Number, g.Title, g.Status, len(g.Actions), g.Deadline, w)
		}
	}
}

// TestOtherSchemes checks notices numbered unlike the corpus notice.
func TestOtherSchemes(t *testing.T) {
	flat := []issueWant{
		{1, "食品安全监管存在薄弱环节", notice.Completed, 3, ""},
		{2, "特种设备安全隐患排查不彻底", notice.InProgress, 3, "2025-09"},
		{3, "行政执法不够规范", notice.Completed, 2, ""},
		{4, "落实“双随机、一公开”监管不到位", notice.InProgress, 1, "2025-12"},
		{5, "干部队伍作风建设有待加强", notice.Completed, 2, ""},
		{6, "财务管理制度执行不严", notice.Ongoing, 2, ""},
	}
	cases := []struct {
		file       string
		categories int
		issues     []issueWant
		pending    []int
	}{
		{"scheme-aspects.txt", 2, []issueWant{
			{1, "党委理论学习中心组学习流于形式", notice.Completed, 3, ""},
			{2, "青年理论学习小组活动开展不经常", notice.Completed, 2, ""},
			{3, "村级集体经济发展缓慢", notice.InProgress, 3, "2025-12"},
			{4, "农村人居环境整治成效不明显", notice.Completed, 2, ""},
			{5, "党委书记第一责任人职责履行不到位", notice.Completed, 1, ""},
			{6, "对村级小微权力监督不力", notice.InProgress, 2, "2025-10"},
			{7, "部分村党组织“三会一课”制度落实不严格", notice.Completed, 2, ""},
			{8, "发展党员工作不规范", notice.Completed, 2, ""},
			{9, "软弱涣散村党组织整顿效果不佳", notice.Completed, 2, ""},
		}, []int{3, 6}},
		{"scheme-flat-labels.txt", 1, flat, nil},
		{"scheme-parts.txt", 3, []issueWant{
			{1, "落实积极财政政策不够精准", notice.Completed, 1, ""},
			{2, "推动预算绩效管理不够有力", notice.Completed, 2, ""},
			{3, "廉政风险防控存在薄弱环节", notice.Completed, 2, ""},
			{4, "对下属单位监督管理不到位", notice.InProgress, 2, "2025-06"},
			{5, "历次审计发现问题整改不彻底", notice.Completed, 1, ""},
			{6, "整改台账管理不规范", notice.Completed, 1, ""},
		}, []int{4}},
		{"scheme-flat-labels.lines.txt", 1, flat, nil},
		{"scheme-mixed-status.txt", 3, []issueWant{
			{1, "思政课教师队伍建设滞后", notice.Completed, 2, ""},
			{2, "课后服务质量不高", notice.Completed, 1, ""},
			{3, "学生心理健康教育薄弱", notice.InProgress, 3, "2025-12"},
			{4, "农村学校办学条件改善缓慢", notice.Completed, 2, ""},
			{5, "城区学校大班额问题突出", notice.Completed, 2, ""},
			{6, "廉政风险防控机制不健全", notice.Ongoing, 2, ""},
			{7, "违规收取资料费问题屡禁不止", notice.Completed, 2, ""},
			{8, "巡察整改日常监督不够", notice.Completed, 1, ""},
		}, []int{3}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			n := readNotice(t, "../../testdata/notices/"+c.file)
			checkIssues(t, n, c.categories, c.issues)
			var pend []int
			for _, p := range n.Pending {
				pend = append(pend, p.Issue)
			}
			if len(pend) != len(c.pending) {
				t.Errorf("pending issues = %v, want %v", pend, c.pending)
			}
			for i := range min(len(pend), len(c.pending)) {
				if pend[i] != c.pending[i] {
					t.Errorf("pending issues = %v, want %v", pend, c.pending)
				}
			}
			if n.Date == "" || n.Issuer == "" || n.Inspection == nil || n.Inspection.Feedback == "" {
				t.Errorf("header facts missing: %q %q %+v", n.Date, n.Issuer, n.Inspection)
			}
		})
	}
}

func TestNormalizeLine(t *testing.T) {
	for in, want := range map[string]string{
		"召开 2024 年 10 月 24 日, 召开专题": "召开2024年10月24日，召开专题",
		"(3) 关于“围绕”的问题":             "（3）关于“围绕”的问题",
		"整改情况(已完成): 一是":             "整改情况（已完成）：一是",
		"**四是**综合其他问题":              "四是综合其他问题",
		"《宁德市商务局 宁德市科学技术局》":         "《宁德市商务局 宁德市科学技术局》",
		"得分为 82.5 分,时间 10:30":       "得分为82.5分，时间10:30",
		"ＰＰＰ项目２０２４年":                "PPP项目2024年",
		"Type 3 fonts":              "Type 3 fonts",
		"email: a@b.com":            "email: a@b.com",
	} {
		if got := NormalizeLine(in); got != want {
			t.Errorf("NormalizeLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageNumbers(t *testing.T) {
	for _, s := range []string{"— 3 —", "-3-", "- 12 -", "第3页", "第 3 页 共 29 页", "3/29", "7", "— 10082 —"} {
		if !IsPageNumber(s) {
			t.Errorf("%q should be a page number", s)
		}
	}
	for _, s := range []string{"2024年", "（3）", "3.", "一、"} {
		if IsPageNumber(s) {
			t.Errorf("%q is not a page number", s)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":  nil,
		"binary": {0x00, 0x01, 0x02, 'a'},
		"prose":  []byte("今天天气很好。"),
	} {
		if _, err := Read(in); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

// TestEncodings: a notice saved by Windows tools in GBK, or as UTF-8 with a
// BOM and CRLF line ends, reads the same as UTF-8.
func TestEncodings(t *testing.T) {
	data, _ := os.ReadFile("../../testdata/notices/scheme-aspects.txt")
	want, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	bom := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	for name, in := range map[string][]byte{"gbk": gbk, "bom+crlf": bom} {
		got, err := Read(in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		a, _ := notice.Marshal(got)
		b, _ := notice.Marshal(want)
		if !bytes.Equal(a, b) {
			t.Errorf("%s reads differently", name)
		}
	}
}

// TestWordIndents: text copied from Word keeps the full-width spaces that
// indent each paragraph and has no blank lines; hard-wrapped like that, the
// indents alone tell where paragraphs start.
func TestWordIndents(t *testing.T) {
	for _, in := range inputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) { wordIndents(t, in) })
	}
}

func wordIndents(t *testing.T, in string) {
	data, _ := os.ReadFile(in)
	d := readsDifferently(t, data, hardWrap(data, true))
	if _, listed := spaceAtWrap[filepath.Base(in)]; listed {
		if d == "" {
			t.Errorf("listed in spaceAtWrap, but reads right now: take it off the list")
		}
		return
	}
	if d != "" {
		t.Errorf("indented, hard-wrapped text reads differently:\n%s", d)
	}
}

// spaceAtWrap lists notices that set two labels on one line with a space
// between them ("责任部门：体育股 整改时限：…"): where a line wraps at that
// space the space is gone, and set flush left the second label then reads
// as a line of its own. A PDF loses the space the same way.
var spaceAtWrap = map[string]string{
	"attachment-list.txt": "责任部门：{unit} 整改时限：{deadline}",
}

// hardWrap sets a notice's paragraphs on lines of 28 cells, as a copy out
// of a PDF or a mail program has them, with Word's two full-width spaces
// before each paragraph when indent is set, and no blank lines.
func hardWrap(data []byte, indent bool) string {
	var b strings.Builder
	for _, p := range Paragraphs(string(data)) {
		rs := []rune(p.Text)
		w := 0.0
		if indent {
			b.WriteString("\u3000\u3000")
			w = 2
		}
		for i, r := range rs {
			cw := 1.0
			if r < 0x80 {
				cw = 0.5
			}
			if w+cw > 28 && !strings.ContainsRune("，。、；：）”", r) && !(r >= '0' && r <= '9' && i > 0 && rs[i-1] >= '0' && rs[i-1] <= '9') {
				b.WriteString("\n")
				w = 0
			}
			b.WriteRune(r)
			w += cw
		}
		b.WriteString("\n")
	}
	return b.String()
}

// readsDifferently compares the data of a notice and of a copy of it,
// positions and recorded style aside: "" when they are the same.
func readsDifferently(t *testing.T, data []byte, cp string) string {
	t.Helper()
	want, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read([]byte(cp))
	if err != nil {
		t.Fatal(err)
	}
	stripSources(got)
	stripSources(want)
	got.Style, want.Style = nil, nil
	a, _ := notice.Marshal(got)
	c, _ := notice.Marshal(want)
	if bytes.Equal(a, c) {
		return ""
	}
	return firstDiff(string(a), string(c))
}

// TestHardWrapped: the same, without indents: only how lines end tells
// where paragraphs end (one-line actions and headings among the wraps).
// Listed: where the plain text alone cannot tell.
func TestHardWrapped(t *testing.T) {
	cannot := map[string]string{
		// Two wrapped lines in the whole notice: no wrap width to find
		// among one-line paragraphs.
		"bureau-problem-n.txt": "",
		// "整改时限：2025年12月。" fills the line and "欢迎…" follows: a
		// wrap or a new paragraph, and the notice says nowhere else.
		"scheme-mixed-status.txt": "",
		// "…常态化、长效化。" ends two cells short of the measure and
		// "主任、各位副主任、各位委员，我们将…" follows: the same.
		"audit-npc-report.txt": "",
		// "销号情况：未销号，正在整改，计划于…前完成" ends without a stop and
		// nearly fills the line; "针对…" follows: a wrap or a new paragraph.
		"hospital-xiaohao.txt": "",
		// 16 of 41 lines sit at the wrap width, the rest are short label
		// lines and headings: too few to tell the width from (the reader
		// wants 40%), so each line is read as a paragraph.
		"township-shiyuanlv.txt": "",
		// The same: 6 of 40 lines at the width, the rest short dash lines.
		"finance-dash.txt": "",
	}
	for f := range spaceAtWrap {
		cannot[f] = ""
	}
	for _, in := range inputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, _ := os.ReadFile(in)
			d := readsDifferently(t, data, hardWrap(data, false))
			_, listed := cannot[filepath.Base(in)]
			switch {
			case listed && d == "":
				t.Errorf("listed as unreadable hard-wrapped, but reads right now: take it off the list")
			case !listed && d != "":
				t.Errorf("hard-wrapped text reads differently:\n%s", d)
			}
		})
	}
}

// TestUTF16: Windows Notepad's "Unicode" (UTF-16 with a BOM) reads like UTF-8.
func TestUTF16(t *testing.T) {
	data, _ := os.ReadFile("../../testdata/notices/scheme-parts.txt")
	want, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		in, _ := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes(data)
		got, err := Read(in)
		if err != nil {
			t.Fatalf("%v: %v", order, err)
		}
		a, _ := notice.Marshal(got)
		b, _ := notice.Marshal(want)
		if !bytes.Equal(a, b) {
			t.Errorf("UTF-16 (%v) reads differently", order)
		}
	}
}

// TestLongLine: a line past MaxLineBytes is refused with its line number
// instead of being read (a notice whose line breaks were lost entirely).
func TestLongLine(t *testing.T) {
	long := strings.Repeat("（1）关于“学习不深入”的问题整改情况（已完成）：一是建立制度。", MaxLineBytes/80+1)
	_, err := Read([]byte("标题\r\n第二行\n" + long + "\n"))
	if err == nil || !strings.Contains(err.Error(), "第3行过长") {
		t.Errorf("err = %v, want 第3行过长", err)
	}
	if _, err := Read([]byte(long[:MaxLineBytes/2])); err != nil && strings.Contains(err.Error(), "过长") {
		t.Errorf("a line under the limit was refused: %v", err)
	}
}

// TestInspectionPhrasings: the inspection's dates as offices write them; the
// feedback date may stand before a comma that opens its clause.
func TestInspectionPhrasings(t *testing.T) {
	for _, c := range []struct {
		text string
		want notice.Inspection
	}{
		{"根据区委统一部署，2025年3月10日至2025年4月30日，区委第二巡察组对区卫健委党组开展了常规巡察。2025年6月12日，巡察组向区卫健委党组反馈了巡察意见。",
			notice.Inspection{Team: "区委第二巡察组", Start: "2025-03-10", End: "2025-04-30", Feedback: "2025-06-12"}},
		{"2024年5月13日至6月24日，县委第二巡察组对园区开展了巡察，并于8月29日反馈了巡察意见。",
			notice.Inspection{Team: "县委第二巡察组", Start: "2024-05-13", End: "2024-06-24", Feedback: "2024-08-29"}},
		// A comma after the end date does not make it the feedback date.
		{"2025年3月10日至4月30日，市委第一巡察组对市局党组进行了巡察，9月5日向市局党组反馈了意见。",
			notice.Inspection{Team: "市委第一巡察组", Start: "2025-03-10", End: "2025-04-30", Feedback: "2025-09-05"}},
	} {
		n, err := Read([]byte(c.text + "\n一、整改情况\n（一）问题一\n整改情况：已完成。建立制度。\n"))
		if err != nil {
			t.Fatal(err)
		}
		if n.Inspection == nil || *n.Inspection != c.want {
			t.Errorf("%s\n got %+v\nwant %+v", c.text, n.Inspection, c.want)
		}
	}
}
