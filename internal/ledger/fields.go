// Package ledger reads and writes 整改台账: the Excel (and CSV) ledgers that
// offices keep for supervisors, one row per issue.
package ledger

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Field is a ledger column's meaning.
type Field int

// Ledger fields, in the order the exported ledger lays them out.
const (
	FieldNone Field = iota
	FieldNumber
	FieldCategory
	FieldTitle
	FieldActions
	FieldLeader
	FieldUnit
	FieldPerson
	FieldDeadline
	FieldProgress
	FieldStatus
	FieldRemarks
	numFields // the number of fields, FieldNone included
)

// headerWords lists each field's header words from the JSON contract's
// synonyms table (and the words other offices' ledgers use for the same
// columns: 问题清单, 落实情况, 是否销号, 完成期限, 责任股室, 整改进度…), in the order of precedence used when a header names two
// fields equally well (see fieldOf). The first word of each field is the one
// the exported ledger uses. A slice, not a map: matching must never depend
// on map iteration order.
var headerWords = []struct {
	field Field
	words []string
}{
	{FieldNumber, []string{"序号", "编号", "问题序号"}},
	{FieldCategory, []string{"问题类别", "类别", "问题类型", "方面"}},
	{FieldTitle, []string{"存在问题", "反馈问题", "问题", "问题描述", "具体问题", "问题表现", "问题清单", "问题内容", "问题名称", "反馈意见"}},
	{FieldActions, []string{"整改措施", "整改举措", "具体措施", "整改任务"}},
	{FieldProgress, []string{"整改进展情况", "整改进展", "进展情况", "整改情况", "落实情况", "目前进展", "整改进度", "完成进度"}},
	{FieldStatus, []string{"完成情况", "整改状态", "是否完成", "状态", "是否销号", "销号情况", "是否整改到位", "是否整改完成", "是否办结"}},
	{FieldDeadline, []string{"整改时限", "完成时限", "时限", "完成期限", "整改期限", "完成时间", "整改时间", "时间节点"}},
	{FieldLeader, []string{"责任领导", "牵头领导", "分管领导"}},
	{FieldUnit, []string{"责任单位", "责任部门", "责任科室", "牵头单位", "责任股室", "责任处室", "牵头部门", "责任主体"}},
	{FieldPerson, []string{"责任人", "具体责任人"}},
	{FieldRemarks, []string{"备注"}},
}

// headerWord is the header the exported ledger writes for a field.
func headerWord(f Field) string {
	for _, h := range headerWords {
		if h.field == f {
			return h.words[0]
		}
	}
	return ""
}

// exportFields is the column order of the exported 整改台账.
var exportFields = []Field{FieldNumber, FieldCategory, FieldTitle, FieldActions, FieldLeader, FieldUnit,
	FieldPerson, FieldDeadline, FieldProgress, FieldStatus, FieldRemarks}

// cleanHeader folds a header cell for matching: no spaces, line breaks or
// trailing marks ("整改\n时限", "序 号", "责任人：").
func cleanHeader(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '：' || r == ':' || r == '*' || r == '＊' {
			return -1
		}
		return r
	}, s)
}

// fieldOf maps a header cell to a field. An exact synonym wins. Otherwise a
// header that contains synonyms ("整改时限（完成时间）", "整改措施及完成情况")
// maps by the longest contained word; between words of equal length the one
// written first in the header wins (the column is named for its main content
// first), and then the field listed first in headerWords.
func fieldOf(cell string) Field {
	c := cleanHeader(cell)
	if c == "" || utf8.RuneCountInString(c) > 16 {
		return FieldNone
	}
	for _, h := range headerWords {
		if slices.Contains(h.words, c) {
			return h.field
		}
	}
	best, bestLen, bestPos := FieldNone, 0, 0
	for _, h := range headerWords {
		for _, w := range h.words {
			// 问题 alone is inside many headers ("问题整改责任人"); it names
			// the issue column only as the header's last word ("存在的问题").
			// So does 反馈意见 ("巡察反馈意见", not "反馈意见整改情况").
			if (w == "问题" || w == "反馈意见") && !strings.HasSuffix(c, w) {
				continue
			}
			pos := strings.Index(c, w)
			if pos < 0 || utf8.RuneCountInString(w) < 2 {
				continue
			}
			if len(w) > bestLen || len(w) == bestLen && pos < bestPos {
				best, bestLen, bestPos = h.field, len(w), pos
			}
		}
	}
	return best
}
