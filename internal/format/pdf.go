package format

import (
	"context"
	"time"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/pdftext"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/internal/typeset"
	"github.com/rectify/rectify/templates"
)

func init() {
	RegisterWriter("pdf", bytesWriter(writePDF))
}

func writePDF(n *notice.Notice, opt Options) ([]byte, error) {
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
	var blocks []typeset.Block
	for _, b := range textnotice.Blocks(n) {
		blocks = append(blocks, typeset.Block{Role: b.Role, Text: b.Text})
	}
	hdr := typeset.Header{Mark: opt.Mark, DocNumber: n.DocNumber}
	col := typeset.Colophon{CC: opt.CC, Printer: opt.Printer, PrintDate: opt.PrintDate}
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", n.Date); err == nil {
		date = t
	}
	title := n.Title
	if n.Issuer != "" {
		title = n.Issuer + n.Title
	}
	// The fonts are cut and handed to fpdf while the text is typeset.
	w := render.NewWriter(typeset.Characters(blocks, hdr, col, lay, set), set, lay, render.Meta{Title: title, Author: n.Issuer, Date: date})
	doc, err := typeset.Typeset(blocks, hdr, col, lay, set)
	if err != nil {
		return nil, err
	}
	for _, line := range render.FontReport(doc, set) {
		logf(opt, "字体 "+line)
	}
	return w.Write(doc)
}

func logf(opt Options, msg string) {
	if opt.Log != nil {
		opt.Log(msg)
	}
}

func init() {
	RegisterReader("pdf", func(ctx context.Context, data []byte, opt Options) (*notice.Notice, error) {
		return pdftext.Read(ctx, data, pdftext.Options{Password: opt.Password})
	})
}
