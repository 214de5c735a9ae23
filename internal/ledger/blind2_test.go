package ledger_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/ledger"
)

// TestBlindLedgers2: the second round of blind ledgers (testdata/ledgers/blind2,
// made by make_blind2.py), each read through the format registry as
// `rectify convert` reads it — a Word file whose body is a ledger table and
// Excel's "Unicode text" .txt included — and compared with the expectations
// written by hand in expected/<name>.json.
func TestBlindLedgers2(t *testing.T) {
	dir := "../../testdata/ledgers/blind2"
	for _, file := range []string{"xlwt-1904.xls", "wps-xml.xlsx", "three-lists.xlsx", "xiaohao.xlsx",
		"xiaohao.xls", "colour-status.xlsx", "unicode-text.txt", "semicolon.csv", "bom-gbk-mix.csv",
		"writer-table.docx", "other-headers.csv", "feedback-headers.csv", "wps-xml.xls"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			n, err := format.Read(context.Background(), format.FromPath(file), data, format.Options{})
			ledger.CheckBlind(t, dir, file, n, err)
		})
	}
}
