package textnotice

import (
	"strings"
	"testing"
)

// TestBracketStatusOpensParagraph: one paragraph a line, lines of similar
// length that end their sentences are paragraphs, not hard wraps; a line
// that ends a sentence and then "（已完成）…" ends its paragraph, also in a
// hard-wrapped copy where it fills the line.
func TestBracketStatusOpensParagraph(t *testing.T) {
	src := "中共某某镇委员会\n关于巡察整改进展情况的通报\n" +
		"根据县委统一部署，县委第三巡察组于2024年对镇党委开展了巡察。\n" +
		"现将整改进展情况通报如下。\n" +
		"一、巡察反馈问题整改情况\n" +
		"1.党员教育管理不严格，党员积分管理流于形式。\n" +
		"整改措施：建立党员积分管理制度，按月公示积分。\n" +
		"（已完成）全镇党员全部纳入积分管理，按月公示。\n" +
		"2.村级财务管理不规范，票据审核把关不严格。\n" +
		"整改措施：开展村级财务专项审计，规范票据审核。\n" +
		"（正在整改）已完成8个村的审计，剩余4个村年底前完成。\n" +
		"3.村务公开不及时，公开内容不全面不具体。\n" +
		"整改措施：建立村务公开月报制度，统一公开模板。\n" +
		"（已完成）全镇12个村按月公开，群众满意度提升。\n" +
		"中共某某镇委员会\n2025年6月30日\n"
	n, err := Read([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range n.Issues() {
		var acts []string
		for _, a := range is.Actions {
			acts = append(acts, a.Text)
		}
		got = append(got, is.Status+" "+strings.Join(acts, "/"))
	}
	want := []string{"completed 建立党员积分管理制度，按月公示积分。", "in_progress 开展村级财务专项审计，规范票据审核。", "completed 建立村务公开月报制度，统一公开模板。"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if out := string(Write(n)); out != src {
		t.Errorf("written back:\n%s", firstDiff(src, out))
	}

	// Hard-wrapped at 20 cells: the measures' sentence ends at the wrap.
	wrapped := "根据县委统一部署，县委第三巡察组于2024\n年对镇党委开展了巡察，现将整改进展情况通\n报如下。\n" +
		"1.党员教育管理不严格的问题。\n整改措施：建立党员积分管理制度，按月公示\n积分，全镇党员全部纳入积分管理并公示。\n" +
		"（已完成）全镇党员全部纳入积分管理，按月\n公示，党员参与率达到百分之百以上水平。\n"
	var paras []string
	for _, p := range Paragraphs(wrapped) {
		paras = append(paras, p.Text)
	}
	wantParas := []string{"根据县委统一部署，县委第三巡察组于2024年对镇党委开展了巡察，现将整改进展情况通报如下。",
		"1.党员教育管理不严格的问题。", "整改措施：建立党员积分管理制度，按月公示积分，全镇党员全部纳入积分管理并公示。",
		"（已完成）全镇党员全部纳入积分管理，按月公示，党员参与率达到百分之百以上水平。"}
	if strings.Join(paras, "\n") != strings.Join(wantParas, "\n") {
		t.Errorf("hard-wrapped paragraphs:\n%s", firstDiff(strings.Join(wantParas, "\n"), strings.Join(paras, "\n")))
	}
}
