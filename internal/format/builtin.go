package format

import (
	"context"
	"io"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/templates"
)

func init() {
	RegisterReader("text", func(_ context.Context, data []byte, _ Options) (*notice.Notice, error) { return textnotice.Read(data) })
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
