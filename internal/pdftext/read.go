// Package pdftext reads the text of a notice out of a PDF from any producer:
// it decodes every glyph through ToUnicode, the font's encoding, Identity-H
// or the GB CMaps, keeps its position, and rebuilds lines by baseline and
// paragraphs by first-line indent, in reading order. It stands on the
// object model of github.com/ledongthuc/pdf; its own content-stream lexer
// keeps damaged files bounded.
package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
)

// Errors a user can act on.
var (
	ErrNoText    = errors.New("PDF 中没有文字层（可能是扫描件，需要先做文字识别，rectify 不做 OCR）")
	ErrMalformed = errors.New("PDF 文件已损坏或不完整，无法读取")
)

// Page is the text of one page.
type Page struct {
	Number int
	Width  float64
	Height float64
	Glyphs []Glyph
}

// Options for reading.
type Options struct {
	Password string
	Timeout  time.Duration // for the whole file; default 60 s + 5 s per MB
}

var sizeRe = regexp.MustCompile(`/Size\s+(\d+)`)

// Pages extracts the positioned glyphs of every page.
func Pages(data []byte, opt Options) ([]Page, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) {
		return nil, errors.New("不是 PDF 文件")
	}
	// A huge /Size makes the reader allocate for it: refuse what cannot be.
	for _, m := range sizeRe.FindAllSubmatch(data, -1) {
		if n, err := strconv.Atoi(string(m[1])); err != nil || n > len(data)+16 {
			return nil, ErrMalformed
		}
	}
	if bytes.Contains(data, []byte("/Encrypt")) {
		dec, err := decrypt(data, opt.Password)
		if err != nil {
			return nil, err
		}
		data = dec
	}
	if opt.Timeout == 0 {
		// Enough for any honest file on a slow machine (a 20,000-page
		// notice is about 40 MB); only a reader stuck in a loop hits it.
		opt.Timeout = 60*time.Second + time.Duration(len(data)>>20)*5*time.Second
	}
	type result struct {
		pages []Page
		err   error
	}
	done := make(chan result, 1)
	go func() {
		// The reader panics on some malformed input: contain it here.
		defer func() {
			if p := recover(); p != nil {
				done <- result{nil, fmt.Errorf("%w（%v）", ErrMalformed, p)}
			}
		}()
		pages, err := readPages(data)
		done <- result{pages, err}
	}()
	select {
	case r := <-done:
		return r.pages, r.err
	case <-time.After(opt.Timeout):
		// The reader's own lexer can loop forever on a damaged object; the
		// goroutine is abandoned and the user told.
		return nil, fmt.Errorf("%w（读取超时）", ErrMalformed)
	}
}

func readPages(data []byte) ([]Page, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.Contains([]byte(err.Error()), []byte("password")) || bytes.Contains([]byte(err.Error()), []byte("encrypt")) {
			return nil, fmt.Errorf("%w：%v", diag.ErrNeedPassword, err)
		}
		return nil, fmt.Errorf("%w（%v）", ErrMalformed, err)
	}
	root := r.Trailer().Key("Root").Key("Pages")
	var pages []Page
	nodes := 0
	in := &interp{fonts: map[string]*font{}}
	var walk func(node, res pdf.Value, box pdf.Value, depth int)
	walk = func(node, res, box pdf.Value, depth int) {
		nodes++
		if depth > 32 || nodes > 100000 {
			return
		}
		if r := node.Key("Resources"); r.Kind() == pdf.Dict {
			res = r
		}
		if b := node.Key("MediaBox"); b.Len() == 4 {
			box = b
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Pages" || (kids.Kind() == pdf.Array && node.Key("Contents").IsNull()) {
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), res, box, depth+1)
			}
			return
		}
		p := Page{Number: len(pages) + 1, Width: 595, Height: 842}
		if box.Len() == 4 {
			p.Width = box.Index(2).Float64() - box.Index(0).Float64()
			p.Height = box.Index(3).Float64() - box.Index(1).Float64()
		}
		in.glyphs = nil
		in.run(pageContent(node), res, strconv.Itoa(p.Number), gstate{ctm: identity, th: 1}, 0)
		p.Glyphs = in.glyphs
		pages = append(pages, p)
	}
	walk(root, pdf.Value{}, pdf.Value{}, 0)
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w（没有页面）", ErrMalformed)
	}
	return pages, nil
}

// Text returns the notice's lines, ready for the grammar.
func Text(data []byte, opt Options) ([]textnotice.Line, error) {
	pages, err := Pages(data, opt)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, p := range pages {
		n += len(p.Glyphs)
	}
	if n == 0 {
		return nil, ErrNoText
	}
	return Lines(pages), nil
}

// Read reads a notice from a PDF.
func Read(data []byte, opt Options) (*notice.Notice, error) {
	lines, err := Text(data, opt)
	if err != nil {
		return nil, err
	}
	return textnotice.Parse(textnotice.JoinLines(lines))
}
