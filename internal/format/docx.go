package format

import (
	"context"
	"time"

	"github.com/rectify/rectify/internal/docx"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/templates"
)

func init() {
	// .doc goes to the Word reader too, which refuses old binary files with
	// a message saying to save them as .docx.
	aliases["docx"], aliases["doc"] = "docx", "docx"
	RegisterReader("docx", func(ctx context.Context, data []byte, _ Options) (*notice.Notice, error) {
		return docx.Read(ctx, data)
	})
	RegisterWriter("docx", bytesWriter(writeDocx))
}

// writeDocx lays the notice out with the same text layer as the PDF writer
// (templates.WithText, textnotice.Blocks), the same layout template and the
// same fonts (which measure titles and pages as the PDF sets them).
func writeDocx(n *notice.Notice, opt Options) ([]byte, error) {
	lay, err := templates.Layout(opt.Layout)
	if err != nil {
		return nil, err
	}
	set, notes, err := render.LoadFonts(opt.FontDir, !opt.BundledFontsOnly)
	if err != nil {
		return nil, err
	}
	for _, note := range notes {
		logf(opt, note)
	}
	n, err = templates.WithText(n)
	if err != nil {
		return nil, err
	}
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", n.Date); err == nil {
		date = t
	}
	title := n.Title
	if n.Issuer != "" {
		title = n.Issuer + n.Title
	}
	return docx.Write(textnotice.Blocks(n), lay, docx.Page{
		Mark: opt.Mark, DocNumber: n.DocNumber, CC: opt.CC, Printer: opt.Printer, PrintDate: opt.PrintDate,
		Title: title, Author: n.Issuer, Date: date,
	}, set)
}
