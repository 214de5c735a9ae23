package format

import (
	"context"
	"time"

	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
)

func init() {
	RegisterWriter("xlsx", bytesWriter(func(n *notice.Notice, opt Options) ([]byte, error) {
		if opt.Template != "" {
			return ledger.FillTemplate(n, opt.Template)
		}
		return ledger.Write(n, ledger.Options{Today: time.Now()})
	}))
}

func init() {
	for _, kind := range []string{"xlsx", "xls", "csv"} {
		RegisterReader(kind, func(_ context.Context, data []byte, opt Options) (*notice.Notice, error) {
			return ledger.Read(data, kind, ledger.ReadOptions{Sheet: opt.Sheet})
		})
	}
}
