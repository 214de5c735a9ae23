package merge

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/notice"
)

// WriteCSV writes 汇总 as CSV: one row per unit and a total row, UTF-8 with
// a byte-order mark so that Excel and WPS open it as Chinese text.
func WriteCSV(r *Result, out io.Writer) error {
	if _, err := io.WriteString(out, "\ufeff"); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true
	if err := w.Write(summaryHeads); err != nil {
		return err
	}
	itoa := strconv.Itoa
	rate := func(done, total int) string {
		if total == 0 {
			return "0.0%"
		}
		return strconv.FormatFloat(float64(done)*100/float64(total), 'f', 1, 64) + "%"
	}
	opt := func(m map[string]int, k string) string {
		if v, ok := m[k]; ok {
			return itoa(v)
		}
		return ""
	}
	sums := make([]int, 10)
	errs := 0
	for i, u := range r.Units {
		vals := []int{u.Total}
		for _, s := range countKeys {
			vals = append(vals, u.Counts[s])
		}
		vals = append(vals, u.Overdue, u.AccountTotal)
		for j, v := range vals {
			sums[j] += v
		}
		errs += u.CheckErrors
		check := ""
		if u.Mismatch != "" {
			check = "不符：" + u.Mismatch
		} else if len(u.Stated) > 0 || u.StatedRate > 0 {
			check = "相符"
		}
		row := []string{itoa(i + 1), u.Name, u.Round}
		for _, v := range vals[:7] {
			row = append(row, itoa(v))
		}
		row = append(row, rate(u.Counts[notice.Completed], u.Total), itoa(u.Overdue), itoa(u.AccountTotal),
			opt(u.Stated, "issues"), opt(u.Stated, notice.Completed), check, itoa(u.CheckErrors), strings.Join(u.Files, "；"))
		if err := w.Write(row); err != nil {
			return err
		}
	}
	row := []string{"合计", "", ""}
	for _, v := range sums[:7] {
		row = append(row, itoa(v))
	}
	row = append(row, rate(sums[1], sums[0]), itoa(sums[7]), itoa(sums[8]), "", "", "", itoa(errs), "")
	if err := w.Write(row); err != nil {
		return err
	}
	w.Flush()
	return w.Error()
}

// WriteJSON writes the whole merge: units, every issue, findings and files.
func WriteJSON(r *Result, w io.Writer) error {
	var issues []*Issue
	for _, u := range r.Units {
		issues = append(issues, u.Issues...)
	}
	out := struct {
		Generator string `json:"generator"`
		*Result
		Issues []*Issue `json:"issues"`
	}{generator, r, issues}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// generator marks what merge writes, so that a summary left in a folder of
// inputs is never merged as if it were a unit's ledger.
const generator = "rectify merge"

// IsOwnOutput reports whether data is a workbook, JSON or CSV that merge
// wrote.
func IsOwnOutput(data []byte) bool {
	head := data[:min(len(data), 512)]
	switch {
	case bytes.HasPrefix(head, []byte("PK")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return false
		}
		for _, f := range zr.File {
			if f.Name != "docProps/core.xml" || f.UncompressedSize64 > 1<<16 {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return false
			}
			defer rc.Close()
			core, _ := io.ReadAll(io.LimitReader(rc, 1<<16))
			return bytes.Contains(core, []byte(generator))
		}
		return false
	case bytes.Contains(head, []byte(`"generator": "`+generator+`"`)):
		return true
	}
	return bytes.HasPrefix(head, []byte("\ufeff"+strings.Join(summaryHeads[:4], ",")))
}
