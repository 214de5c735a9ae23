// Package ledger reads and writes 整改台账: the Excel (and CSV) ledgers that
// offices keep for supervisors, one row per issue.
package ledger

import (
	"strings"
	"unicode"
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
)

// Header words per field, from the JSON contract's synonyms table. The first
// word is the one the exported ledger uses.
var headerWords = map[Field][]string{
	FieldNumber:   {"序号", "编号", "问题序号"},
	FieldCategory: {"问题类别", "类别", "问题类型", "方面"},
	FieldTitle:    {"存在问题", "反馈问题", "问题", "问题描述", "具体问题", "问题表现"},
	FieldActions:  {"整改措施", "整改举措", "具体措施"},
	FieldLeader:   {"责任领导", "牵头领导", "分管领导"},
	FieldUnit:     {"责任单位", "责任部门", "责任科室", "牵头单位"},
	FieldPerson:   {"责任人", "具体责任人"},
	FieldDeadline: {"整改时限", "完成时限", "时限"},
	FieldProgress: {"整改进展情况", "整改进展", "进展情况", "整改情况"},
	FieldStatus:   {"完成情况", "整改状态", "是否完成", "状态"},
	FieldRemarks:  {"备注"},
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

// fieldOf maps a header cell to a field. Exact synonyms win; otherwise a
// header that contains a synonym (e.g. "整改时限（完成时间）") maps by the
// longest contained word.
func fieldOf(cell string) Field {
	c := cleanHeader(cell)
	if c == "" || len([]rune(c)) > 16 {
		return FieldNone
	}
	for f, ws := range headerWords {
		for _, w := range ws {
			if c == w {
				return f
			}
		}
	}
	best, bestLen := FieldNone, 0
	for f, ws := range headerWords {
		for _, w := range ws {
			if len([]rune(w)) >= 2 && strings.Contains(c, w) && len(w) > bestLen && w != "问题" {
				best, bestLen = f, len(w)
			}
		}
	}
	return best
}
