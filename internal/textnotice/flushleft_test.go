package textnotice

import (
	"strings"
	"testing"
)

// flushLeft sets paragraphs as a layout-aware reader (the PDF reader) sees a
// notice typeset without first-line indents: every line at the margin,
// wrapped at measure cells, the last line of each paragraph short.
func flushLeft(paras []string, measure float64) []Line {
	var lines []Line
	add := func(s string) {
		lines = append(lines, Line{Text: s, Raw: s, Page: 1, Line: len(lines) + 1,
			HasIndent: true, Width: displayWidth(s)})
	}
	for _, p := range paras {
		var cur strings.Builder
		for _, r := range p {
			if displayWidth(cur.String()+string(r)) > measure {
				add(cur.String())
				cur.Reset()
			}
			cur.WriteRune(r)
		}
		add(cur.String())
	}
	return lines
}

// TestFlushLeftClosing: in a notice set flush left, a short line that ends
// without a full stop ("整改时限：2025年10月") is the end of its paragraph:
// the closing paragraph under it is read as the closing, its contact found,
// and the deadline keeps only its own words.
func TestFlushLeftClosing(t *testing.T) {
	paras := []string{
		"中共某某乡委员会",
		"关于巡察整改进展情况的通报",
		"根据县委巡察工作统一部署，县委第二巡察组对某某乡党委开展了巡察，并反馈了巡察意见。现将整改进展情况公布如下。",
		"一、巡察反馈问题的整改落实情况",
		"（一）村级集体经济发展缓慢的问题。",
		"整改情况：正在整改。一是引进食用菌种植项目，带动村集体增收。二是盘活闲置村部用房3处，对外出租。",
		"（二）村务公开不及时的问题。",
		"整改情况：已完成。建立村务公开月报制度，全乡12个村按月公开。",
		"二、尚未完成的整改事项",
		"1.关于“村级集体经济发展缓慢”的问题",
		"情况说明：部分村资源禀赋较弱，增收项目见效周期较长。",
		"下一步整改措施：继续跟踪食用菌项目建设进度。",
		"整改时限：2025年10月",
		"欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0593-8352016。",
		"中共某某乡委员会",
		"2025年1月15日",
	}
	got := JoinLines(flushLeft(paras, 28))
	var texts []string
	for _, p := range got {
		texts = append(texts, p.Text)
	}
	if strings.Join(texts, "\n") != strings.Join(paras, "\n") {
		t.Errorf("paragraphs joined differently:\n%s", firstDiff(strings.Join(paras, "\n"), strings.Join(texts, "\n")))
	}
	n, err := Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if n.Contact == nil || n.Contact.Phone != "0593-8352016" {
		t.Errorf("contact = %+v, want the phone of the closing paragraph", n.Contact)
	}
	if len(n.Pending) != 1 || n.Pending[0].Deadline != "2025-10" || strings.Contains(n.Pending[0].DeadlineText, "欢迎") {
		t.Errorf("pending = %+v", n.Pending)
	}
	if len(n.Closing) != 1 || !strings.HasPrefix(n.Closing[0], "欢迎") {
		t.Errorf("closing = %q", n.Closing)
	}
}

// TestPendingDeadlineKept: an unlabelled paragraph after a pending item's
// deadline (here one the grammar cannot place) neither replaces the
// deadline nor vanishes: it is kept in unplaced with its line, and written
// back (the text writer puts unplaced body text after the date).
func TestPendingDeadlineKept(t *testing.T) {
	src := "中共某某乡委员会\n关于巡察整改进展情况的通报\n" +
		"现将整改进展情况公布如下。\n一、巡察反馈问题的整改落实情况\n" +
		"（一）村务公开不及时的问题。\n整改情况：已完成。建立村务公开月报制度。\n" +
		"二、尚未完成的整改事项\n1.关于“村级集体经济发展缓慢”的问题\n" +
		"情况说明：增收项目见效周期较长。\n整改时限：2025年10月\n" +
		"另附项目清单一份\n" +
		"中共某某乡委员会\n2025年1月15日\n"
	n, err := Read([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Pending) != 1 || n.Pending[0].Deadline != "2025-10" || n.Pending[0].DeadlineText != "" {
		t.Errorf("pending = %+v", n.Pending)
	}
	if len(n.Unplaced) != 1 || n.Unplaced[0].Text != "另附项目清单一份" || n.Unplaced[0].Source == nil || n.Unplaced[0].Source.Line != 11 {
		t.Errorf("unplaced = %+v", n.Unplaced)
	}
	got := string(Write(n))
	for _, want := range []string{"整改时限：2025年10月\n", "另附项目清单一份\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("written back without %q:\n%s", want, got)
		}
	}
}

// TestTitleWrapBeforeDe: a title line that fills the measure and ends in
// "情况" (which can end a title) still wrapped when the next line goes on
// "的通报": no title line starts with 的.
func TestTitleWrapBeforeDe(t *testing.T) {
	lines := []Line{
		{Text: "中共古田县林业局党组关于巡察整改进展情况", Width: 27.5},
		{Text: "的通报", Width: 4.1, Indented: true},
		{Text: "根据县委统一部署，县委第四巡察组于2024年4月至6月对县", Width: 27.6, Indented: true},
		{Text: "林业局党组开展了巡察，并于2024年8月12日反馈了巡察意见。", Width: 27.6},
		{Text: "现将整改进展情况通报如下。", Width: 13},
		{Text: "一、整改工作总体情况", Width: 10, Indented: true},
	}
	for i := range lines {
		lines[i].HasIndent, lines[i].Page, lines[i].Line = true, 1, i+1
	}
	got := JoinLines(lines)
	if len(got) < 1 || got[0].Text != "中共古田县林业局党组关于巡察整改进展情况的通报" {
		t.Errorf("title = %+v", got)
	}
}

// TestTitleLineAtGuanyu: a long issuer's name that fills the measure is
// still a title line of its own when the next line starts at 关于 (titles
// are issuer + 关于 + matter + kind, and break there).
func TestTitleLineAtGuanyu(t *testing.T) {
	lines := []Line{
		{Text: "中共闽东交通建设投资集团有限公司委员会", Width: 26.85},
		{Text: "关于巡察整改进展情况的通报", Width: 22.7, Indented: true},
		{Text: "各党支部，集团各部门、各子公司：", Width: 16},
		{Text: "2024年8月19日至10月18日，市委第六巡察组对集团", Width: 27.6, Indented: true},
		{Text: "公司党委开展了常规巡察，并于2024年12月5日反馈了巡察", Width: 27.6},
		{Text: "意见。现将整改进展情况通报如下。", Width: 16},
	}
	for i := range lines {
		lines[i].HasIndent, lines[i].Page, lines[i].Line = true, 1, i+1
	}
	got := JoinLines(lines)
	if len(got) != 4 || got[0].Text != "中共闽东交通建设投资集团有限公司委员会" || got[1].Text != "关于巡察整改进展情况的通报" {
		t.Errorf("paragraphs = %+v", got)
	}
}

// measured is lines as a layout-aware reader sees a notice set flush left:
// each with the width the page gave it ("|" ends a paragraph in want).
func measured(ls ...any) []Line {
	var out []Line
	for i := 0; i < len(ls); i += 2 {
		out = append(out, Line{Text: ls[i].(string), Width: ls[i+1].(float64), HasIndent: true, Page: 1, Line: len(out) + 1})
	}
	return out
}

func joined(ps []Para) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Text)
	}
	return strings.Join(s, "|")
}

// Wrapped lines of a justified notice: lines drawn out to the measure
// (27.6 cells), last lines at their natural width.
var justifiedBody = []any{
	"根据区委巡察工作统一部署，区委第二巡察组对区自然资源局党组开展了", 27.6,
	"巡察，并于2024年6月28日反馈了巡察意见。现将整改进展情况通报如下。", 27.6,
	"一、整改工作组织情况", 10.0,
	"局党组把巡察整改作为重要政治任务，成立整改工作领导小组，召开专题", 27.6,
	"会议研究部署，逐条制定整改措施，明确责任领导、责任单位和完成时", 27.6,
	"限，做到问题不解决不松劲、整改不到位不销号，建立整改台账，实行", 27.6,
	"销号管理，对照问题清单逐项推进，定期调度整改进展，确保各项整改", 27.6,
	"任务落到实处。巡察反馈的8个问题，已完成整改5个，正在整改3个。", 27.6,
	"二、巡察反馈问题整改情况", 12.0,
	"1.执行国土空间规划不够严格的问题。", 16.8,
	"整改措施：对2021年以来规划调整事项进行全面梳理，建立规划调整台账，", 27.6,
	"严格执行规划委员会审议制度，未经审议的一律不得调整。", 26.0,
}

// TestJustifiedWrapBeforeLabel: set justified and flush left, a line drawn
// out to the measure (wider than its characters) wrapped, even before a
// label; a line that ends a sentence short of the measure ends its
// paragraph, even two cells short.
func TestJustifiedWrapBeforeLabel(t *testing.T) {
	ls := append([]any{}, justifiedBody...)
	ls = append(ls,
		"2.违法用地查处不及时的问题。", 13.9,
		"整改措施：建立卫片执法常态化巡查机制，逐宗核查图斑。", 27.6, // natural 25
		"整改进度：已完成。", 9.0,
		"3.矿产资源监管存在薄弱环节的问题。", 16.9,
		"整改措施：开展非法采矿专项整治行动，查处非法采矿案件4起。", 25.3,
		"目前已完成整改。", 8.0)
	got := joined(JoinLines(measured(ls...)))
	for _, want := range []string{"|整改措施：建立卫片执法常态化巡查机制，逐宗核查图斑。整改进度：已完成。|",
		"|整改措施：开展非法采矿专项整治行动，查处非法采矿案件4起。|目前已完成整改。"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

// TestInlineListAcrossFullLine: "整改措施：（1）…；" fills the line and "（2）…"
// follows (here across a page end): the list that began inside the
// paragraph goes on inside it; a list whose items open paragraphs does not.
func TestInlineListAcrossFullLine(t *testing.T) {
	ls := append([]any{}, justifiedBody...)
	ls = append(ls,
		"2.违法用地查处不及时的问题。", 13.9,
		"整改措施：（1）对已验收的占补平衡项目开展“回头看”；", 27.6, // natural 25.5, hangs nothing
		"（2）建立项目后期管护责任制。整改进度：已完成。", 23.5,
		"3.矿产资源监管存在薄弱环节的问题。", 16.9,
		"（1）对已验收的占补平衡项目开展“回头看”，逐宗核查整改；", 27.6,
		"（2）建立项目后期管护责任制。", 14.5)
	lines := measured(ls...)
	lines[len(justifiedBody)/2+1].PageEnd, lines[len(justifiedBody)/2+1].BreakAfter = true, true
	got := joined(JoinLines(lines))
	for _, want := range []string{"|整改措施：（1）对已验收的占补平衡项目开展“回头看”；（2）建立项目后期管护责任制。整改进度：已完成。|",
		"|（1）对已验收的占补平衡项目开展“回头看”，逐宗核查整改；|（2）建立项目后期管护责任制。"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

// TestHabitDecidesAmbiguousBreak: a line that ends a sentence at the
// measure by its natural width, then a label: the notice's own plain cases
// decide. Here 整改进展： always stands alone, 整改进度： always follows inline.
func TestHabitDecidesAmbiguousBreak(t *testing.T) {
	for _, c := range []struct {
		plain, want string
	}{
		{"整改措施：完善镇、村两级河长巡河制度。|整改进展：已完成。", "|整改措施：制定《双溪镇乡村振兴三年行动方案》，确保村村有主导产业。|整改进展：已完成。|"},
		{"整改措施：完善镇、村两级河长巡河制度。整改进展：已完成。", "|整改措施：制定《双溪镇乡村振兴三年行动方案》，确保村村有主导产业。整改进展：已完成。|"},
	} {
		ls := append([]any{}, justifiedBody...)
		ls = append(ls, "2.耕地保护工作存在薄弱环节。", 14.0)
		for _, p := range strings.Split(c.plain, "|") {
			ls = append(ls, p, displayWidth(p))
		}
		ls = append(ls,
			"3.贯彻落实乡村振兴战略措施不够有力。", 17.9,
			"整改措施：制定《双溪镇乡村振兴三年行动方案》，确保村村有主导产业。", 27.5, // natural
			"整改进展：已完成。", 9.0,
			"4.河长制落实不到位。", 10.0)
		got := joined(JoinLines(measured(ls...)))
		if !strings.Contains(got, c.want) {
			t.Errorf("with %q: no %q in\n%s", c.plain, c.want, got)
		}
	}
}

// TestRaggedSentenceEnd: set flush left and ragged right, a line that ends
// a sentence with room left for the next line's first piece ended its
// paragraph; one that had no room for it (a number, a word with its
// closing mark) wrapped.
func TestRaggedSentenceEnd(t *testing.T) {
	ls := []any{
		"根据县委巡察工作统一部署，县委第二巡察组对县教育局党组进行", 27.0,
		"了巡察，并于2025年3月6日反馈了巡察意见。现将整改进展情况", 27.0,
		"通报如下。", 5.0,
		"一、整改工作总体情况", 10.0,
		"局党组召开专题会议研究部署整改工作，逐条制定整改措施，明确", 27.0,
		"责任领导和完成时限，做到问题不解决不松劲，整改不到位不销", 26.0,
		"号。截至目前，反馈问题已完成6个，正在整改1个。", 24.5,
		"局党组将持续巩固整改成果，对已完成的整改事项开展“回头", 26.0,
		"看”，对持续整改事项紧盯时间节点，确保按期全部完成。", 25.5,
		"欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：", 27.0,
		"0593-6399887。", 6.5,
		"局党组还将建立整改长效机制，巩固提升整改成效，力争于年底前", 26.5,
		"2025年12月底前全面完成。", 12.5,
	}
	got := joined(JoinLines(measured(ls...)))
	for _, want := range []string{"|局党组将持续巩固整改成果，对已完成的整改事项开展“回头看”，对持续整改事项紧盯时间节点，确保按期全部完成。|欢迎",
		"|局党组还将建立整改长效机制，巩固提升整改成效，力争于年底前2025年12月底前全面完成。"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

// TestMarkerAfterMidWordWrap: set flush left, a full line that stops
// mid-word ("…又坚持举一反") went on, even where the next line starts with
// what reads as a marker ("三、建章立制…"); a heading never follows an
// unfinished sentence.
func TestMarkerAfterMidWordWrap(t *testing.T) {
	ls := append([]any{}, justifiedBody[:len(justifiedBody)-4]...)
	ls = append(ls,
		"园区管委会既立足当下、即知即改，对能够立即整改的问题马上整改，又坚持举一反", 27.6,
		"三、建章立制，形成“长久立”的机制。", 18.0,
		"二、巡察反馈问题的整改情况", 13.0)
	got := joined(JoinLines(measured(ls...)))
	if want := "|园区管委会既立足当下、即知即改，对能够立即整改的问题马上整改，又坚持举一反三、建章立制，形成“长久立”的机制。|二、"; !strings.Contains(got, want) {
		t.Errorf("no %q in\n%s", want, got)
	}
}
