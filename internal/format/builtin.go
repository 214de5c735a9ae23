package format

import (
	"context"
	"fmt"
	"io"

	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/templates"
)

func init() {
	// Tab-separated tables in the text (copied out of Word or a web page)
	// are read by the ledger's rules, as Word tables are.
	RegisterReader("text", func(_ context.Context, data []byte, _ Options) (*notice.Notice, error) {
		// A sheet saved as text (Excel's "Unicode text"): one table, no prose.
		if n, ok := ledger.FromText(data); ok {
			return n, nil
		}
		tables := 0
		return textnotice.ReadTables(data, func(rows [][]string) *notice.Notice {
			tables++
			n, err := ledger.FromGrid(&ledger.Grid{Sheet: fmt.Sprintf("表格%d", tables), Rows: rows, Dates: map[[2]int]string{}})
			if err != nil {
				return nil
			}
			return n
		})
	})
	// The text writer, like the PDF writer, says in words what the data
	// has but its narrative does not (templates.WithText).
	RegisterWriter("text", bytesWriter(func(n *notice.Notice, _ Options) ([]byte, error) {
		n, err := templates.WithText(n)
		if err != nil {
			return nil, err
		}
		return textnotice.Write(n), nil
	}))
	RegisterReader("json", func(_ context.Context, data []byte, _ Options) (*notice.Notice, error) { return notice.Unmarshal(data) })
	RegisterWriter("json", func(ctx context.Context, n *notice.Notice, w io.Writer, _ Options) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return notice.Encode(w, n) // category by category: large notices are not held twice
	})
}
