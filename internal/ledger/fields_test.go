package ledger

import "testing"

// TestFieldOfDeterministic: headers that name two fields map the same way on
// every run (ties were once broken by map iteration order), by the rule in
// fieldOf: longest word, then the word written first, then field precedence.
func TestFieldOfDeterministic(t *testing.T) {
	cases := map[string]Field{
		"整改措施及完成情况":   FieldActions,
		"完成情况及整改措施":   FieldStatus,
		"整改进展及完成情况":   FieldProgress,
		"整改时限（完成时间）":  FieldDeadline,
		"整改\n时限":      FieldDeadline,
		"序 号":         FieldNumber,
		"责任人：":        FieldPerson,
		"具体责任人":       FieldPerson,
		"责任单位（部门）":    FieldUnit,
		"责任领导/责任人":    FieldLeader,
		"问题类别":        FieldCategory,
		"存在的问题":       FieldTitle,
		"巡察反馈的问题":     FieldTitle,
		"问题整改责任人":     FieldPerson,
		"问题":          FieldTitle,
		"整改措施（一是、二是）": FieldActions,
		"备注说明":        FieldRemarks,
	}
	for _, h := range headerWords {
		for _, w := range h.words {
			cases[w] = h.field
		}
	}
	for run := 0; run < 500; run++ {
		for header, want := range cases {
			if got := fieldOf(header); got != want {
				t.Fatalf("run %d: fieldOf(%q) = %v, want %v", run, header, got, want)
			}
		}
	}
}

// TestCleansToNothing: the shortcut agrees with clean on what empties.
func TestCleansToNothing(t *testing.T) {
	for _, s := range []string{"", " ", "\u3000\t\n", "\u00a0", "**", "____", "*", "\u200b", "\ufeff ", "**问题**", "a", " 学习 ", "\u2002"} {
		if got, want := cleansToNothing(s), clean(s) == ""; got != want {
			t.Errorf("cleansToNothing(%q) = %v, clean gives %q", s, got, clean(s))
		}
	}
}

// TestHeaderWordsOtherOffices: headers of ledgers from other offices name
// the columns the synonyms table means; 反馈意见 names the issue only as the
// header's last word.
func TestHeaderWordsOtherOffices(t *testing.T) {
	for in, want := range map[string]Field{
		"问题名称": FieldTitle, "巡察反馈意见": FieldTitle, "反馈意见": FieldTitle, "对反馈意见的整改措施": FieldActions,
		"反馈意见整改情况": FieldProgress, "整改任务": FieldActions, "时间节点": FieldDeadline, "计划完成时间": FieldDeadline,
		"责任主体": FieldUnit, "是否整改到位": FieldStatus, "整改进度": FieldProgress, "牵头责任领导": FieldLeader,
		"整改责任人": FieldPerson, "目前整改进展": FieldProgress,
	} {
		if got := fieldOf(in); got != want {
			t.Errorf("fieldOf(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestCommentText: a comment's author line goes, the clerk's own words stay.
func TestCommentText(t *testing.T) {
	for in, want := range map[string]string{
		"Administrator:\n已于6月28日完成验收": "已于6月28日完成验收",
		"张三:\r\n需补充会议纪要":              "需补充会议纪要",
		"注意：\n需补充会议纪要":                "注意：\n需补充会议纪要",
		"需补充会议纪要":                     "需补充会议纪要",
		"备注: 见附件\n第二行":                "备注: 见附件\n第二行",
	} {
		if got := commentText(in, nil); got != want {
			t.Errorf("commentText(%q) = %q, want %q", in, got, want)
		}
	}
}
