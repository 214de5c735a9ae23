package format

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
)

func init() {
	RegisterWriter("xlsx", func(ctx context.Context, n *notice.Notice, w io.Writer, opt Options) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if opt.Template != "" {
			data, err := ledger.FillTemplate(n, opt.Template)
			if err != nil {
				return err
			}
			_, err = w.Write(data)
			return err
		}
		return ledger.WriteTo(w, n, ledger.Options{Today: time.Now()})
	})
	// JSON to the workbook without holding the whole notice (100,000 issues
	// are about 80 MB of JSON); a template is filled from the whole notice.
	RegisterStream("json", "xlsx", func(ctx context.Context, r io.ReadSeeker, w io.Writer, opt Options) error {
		if opt.Template != "" {
			data, err := io.ReadAll(io.LimitReader(r, 512<<20))
			if err != nil {
				return &InputError{err}
			}
			n, err := notice.Unmarshal(data)
			if err != nil {
				return &InputError{err}
			}
			out, err := ledger.FillTemplate(n, opt.Template)
			if err != nil {
				return err
			}
			_, err = w.Write(out)
			return err
		}
		err := ledger.WriteJSON(ctx, r, w, ledger.Options{Today: time.Now()})
		if ie := (*ledger.InputError)(nil); errors.As(err, &ie) {
			return &InputError{ie.Err}
		}
		return err
	})
}

func init() {
	// .xml is Excel 2003's XML workbook; an office system's "xls" download
	// often is one too, and Read goes by the bytes.
	inputOnly["xml"] = "xmlss"
	for _, kind := range []string{"xlsx", "xls", "csv", "xmlss"} {
		RegisterReader(kind, func(_ context.Context, data []byte, opt Options) (*notice.Notice, error) {
			return ledger.Read(data, kind, ledger.ReadOptions{Sheet: opt.Sheet})
		})
	}
}
