package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/safeio"
	"github.com/xuri/excelize/v2"
)

// FillTemplate fills an office's own ledger template: it finds the header
// row by the contract's header words, writes one row per issue under it in
// the template's own columns and cell styles, and leaves everything else of
// the template (title, 填报 line, footer, print settings) as it is.
func FillTemplate(n *notice.Notice, path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, diag.Errorf(path, "无法读取模板")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxXMLPart, TmpDir: safeio.TempDir()})
	if err != nil {
		return nil, diag.Errorf(path, "模板不是有效的 Excel（.xlsx）文件（已损坏，或不是 Excel 保存的）")
	}
	defer f.Close()
	grids, err := gridsXLSX(data)
	if err != nil {
		return nil, diag.Wrap(path, fmt.Errorf("模板：%w", err))
	}
	best, bestScore := -1, 0
	var cols map[int]Field
	var start int
	for i := range grids {
		if h := findHeader(&grids[i]); h.score > bestScore {
			best, bestScore, cols, start = i, h.score, h.cols, h.start
		}
	}
	if best < 0 {
		return nil, diag.Wrap(path, fmt.Errorf("模板：%w", ErrNoHeader))
	}
	g := &grids[best]
	sheet := g.Sheet
	issues := n.Issues()
	// The template's own rows for data end at its footer (填表人…), if any.
	footer := -1
	for r := start; r < len(g.Rows); r++ {
		for _, v := range g.Rows[r] {
			if footerRe.MatchString(strings.TrimSpace(v)) {
				footer = r
				break
			}
		}
		if footer >= 0 {
			break
		}
	}
	if footer >= 0 && footer-start < len(issues) {
		if err := f.InsertRows(sheet, footer+1, len(issues)-(footer-start)); err != nil {
			return nil, err
		}
	}
	// Each column keeps the style of the template's first data row.
	styleOf := map[int]int{}
	for c := range cols {
		cell, _ := excelize.CoordinatesToCellName(c+1, start+1)
		if id, err := f.GetCellStyle(sheet, cell); err == nil {
			styleOf[c] = id
		}
	}
	cats := map[*notice.Issue]string{}
	for _, c := range n.Categories {
		for i := range c.Issues {
			cats[&c.Issues[i]] = c.Title
		}
	}
	catCol, catStart, lastCat := -1, 0, "\x00"
	for c, fl := range cols {
		if fl == FieldCategory {
			catCol = c
		}
	}
	mergeCat := func(endRow int) error {
		if catCol >= 0 && endRow > catStart {
			a, _ := excelize.CoordinatesToCellName(catCol+1, catStart+1)
			b, _ := excelize.CoordinatesToCellName(catCol+1, endRow+1)
			return f.MergeCell(sheet, a, b)
		}
		return nil
	}
	for i, is := range issues {
		r := start + i
		for c, fl := range cols {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var v any
			switch fl {
			case FieldNumber:
				v = is.Number
			case FieldCategory:
				if cats[is] != lastCat {
					v = cats[is]
				}
			case FieldTitle:
				v = is.Title
			case FieldActions:
				v = actionsCell(is)
			case FieldLeader, FieldUnit, FieldPerson:
				if is.Responsible != nil {
					v = map[Field]string{FieldLeader: is.Responsible.Leader, FieldUnit: is.Responsible.Unit, FieldPerson: is.Responsible.Person}[fl]
				}
			case FieldDeadline:
				v = templateDeadline(is.Deadline)
			case FieldProgress:
				v = is.Progress
			case FieldStatus:
				v = notice.StatusLabel[is.Status]
			case FieldRemarks:
				v = is.Remarks
			}
			if v == nil {
				v = ""
			}
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				return nil, err
			}
			if id, ok := styleOf[c]; ok {
				f.SetCellStyle(sheet, cell, cell, id)
			}
		}
		if cats[is] != lastCat {
			if i > 0 {
				if err := mergeCat(r - 1); err != nil {
					return nil, err
				}
			}
			catStart, lastCat = r, cats[is]
		}
	}
	if len(issues) > 0 {
		if err := mergeCat(start + len(issues) - 1); err != nil {
			return nil, err
		}
	}
	fillHeaderLines(f, g, start, n)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	if len(issues) == 0 {
		return nil, errors.New("通报中没有问题，模板无需填写")
	}
	return buf.Bytes(), nil
}

// templateDeadline writes a deadline as text at its precision: a template's
// own date formats are unknown, and text reads the same everywhere.
func templateDeadline(d string) string {
	if d != "" && d[0] >= '0' && d[0] <= '9' {
		return notice.ChineseDate(d)
	}
	return d
}

var emptyFillRe = lazyre.New(`(填报单位[:：])[\s　]*((?:填报时间|填报日期)[:：])?[\s　]*$`)

// fillHeaderLines completes an empty "填报单位：…填报时间：" line above the header.
func fillHeaderLines(f *excelize.File, g *Grid, start int, n *notice.Notice) {
	for r := 0; r < start && r < len(g.Rows); r++ {
		for c, v := range g.Rows[r] {
			m := emptyFillRe.FindStringSubmatchIndex(v)
			if m == nil {
				continue
			}
			text := v[:m[3]] + n.Issuer
			if m[4] >= 0 {
				text += "        " + v[m[4]:m[5]] + notice.ChineseDate(n.Date)
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellValue(g.Sheet, cell, text)
		}
	}
}
