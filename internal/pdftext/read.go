// Package pdftext reads the text of a notice out of a PDF from any producer:
// it decodes every glyph through ToUnicode, the font's encoding, Identity-H
// or the GB CMaps, keeps its position, and rebuilds lines by baseline and
// paragraphs by first-line indent, in reading order. The content streams
// are lexed and interpreted here (lex.go, content.go), within named limits
// (limits.go), and reading stops when the context is done.
//
// The file's objects come from the mandated github.com/ledongthuc/pdf
// (lib.go). Our own object layer (xref.go, object.go, filter.go) reads only
// what the library cannot: files with object streams (it decodes an object
// stream again for every object in it: a million objects took 83 s), files
// whose cross-reference or trailer it rejects (ours rebuilds them by
// scanning), and files on which it fails while reading (damaged objects,
// filters it lacks), which are then read again with ours.
package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ledongthuc/pdf"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
)

// Errors a user can act on.
var (
	ErrNoText    = errors.New("PDF 中没有文字层（可能是扫描件，需要先做文字识别，rectify 不做 OCR）")
	ErrMalformed = errors.New("PDF 文件已损坏或不完整，无法读取")
	ErrNoUnicode = errors.New("PDF 中的文字无法还原：所用字体没有 Unicode 对照表（ToUnicode），也没有可反查的字体程序")
)

// Undecodable stands for a glyph whose font gives no text for it: it is
// kept in its place, so that the grammar keeps the paragraph whole and
// `check` can say where text was lost.
const Undecodable = "\uFFFD"

// Page is the text of one page.
type Page struct {
	Number int
	Width  float64
	Height float64
	Glyphs []Glyph
	Turned []TurnedGlyph // text at an angle to the page's (see upright)
	Rules  []Rule        // horizontal and vertical lines drawn: table borders
}

// Options for reading.
type Options struct {
	Password string
	Timeout  time.Duration // for the whole file; default 60 s + 5 s per MB
}

// ErrTimeout is a read that did not end in its time.
var ErrTimeout = errors.New("PDF 读取超时")

// Pages extracts the positioned glyphs of every page. It stops when ctx is
// done or the file's time is up, leaving nothing running.
func Pages(ctx context.Context, data []byte, opt Options) (pages []Page, err error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) {
		return nil, errors.New("不是 PDF 文件")
	}
	if opt.Timeout == 0 {
		// Enough for any honest file on a slow machine (a 20,000-page
		// notice is about 40 MB); only a hostile file comes near it.
		opt.Timeout = 60*time.Second + time.Duration(len(data)>>20)*5*time.Second
	}
	ctx, cancel := context.WithTimeoutCause(ctx, opt.Timeout, fmt.Errorf("%w（超过 %v 仍未读完）", ErrTimeout, opt.Timeout))
	defer cancel()
	defer func() { // runs after catch has turned an abort into err
		if err != nil && ctx.Err() != nil {
			err = context.Cause(ctx)
		}
	}()
	g := newGuard(ctx)
	if d, ok := libDoc(data, g); ok {
		if pages, err, ok := readWithLib(d); ok {
			return pages, err
		}
	}
	defer catch(&err)
	return readPages(newDoc(data, g, opt.Password)), nil
}

// readWithLib reads the pages with the library's objects; ok is false when
// the library failed (it panics on damaged objects and on filters it lacks:
// LZW, ASCIIHex, RunLength, predictors other than PNG Up), and our own
// layer, which repairs and decodes those, reads the file instead.
func readWithLib(d *doc) (pages []Page, err error, ok bool) {
	defer func() {
		switch p := recover().(type) {
		case nil:
		case abort:
			err, ok = p.err, true
		default:
			ok = false
		}
	}()
	return readPages(d), nil, true
}

// readPages walks the page tree once, each node at most once: a node met
// again is a loop, an error as in qpdf. Then it reads the pages' content.
func readPages(d *doc) []Page {
	var root value
	if d.lib != nil {
		root = d.libValue(d.lib.Trailer().Key("Root"))
	} else {
		root = value{d, d.resolve(d.trailer["Root"])}
	}
	if root.Kind() != Dict {
		malformed("没有找到文档目录（Root）")
	}
	var pages []pageJob
	seen := map[int]bool{}
	visits := 0
	var walk func(ref any, res, box value, depth int)
	walk = func(ref any, res, box value, depth int) {
		d.g.step()
		if depth > maxPageTreeDepth {
			limit("页面树超过 %d 层", maxPageTreeDepth)
		}
		var node value
		if kid, ok := ref.(libKid); ok {
			if kid.num >= 0 {
				if seen[kid.num] {
					malformed("页面树有循环：对象 %d 被引用了不止一次", kid.num)
				}
				seen[kid.num] = true
			}
			// Kids whose numbers could not be read (direct
			// dictionaries): a walk that meets more nodes than the
			// file has objects met one twice (counted only for a
			// large tree).
			if visits++; visits > uncountedVisits && visits > d.libObjectBound() {
				malformed("页面树有循环：走过的节点比文件里的对象（不到 %d 个）还多", d.libObjectBound())
			}
			node = d.libValue(kid.get())
		} else {
			if r, ok := ref.(pdfRef); ok {
				if seen[r.num] {
					malformed("页面树有循环：对象 %d 被引用了不止一次", r.num)
				}
				seen[r.num] = true
			}
			node = value{d, d.resolve(ref)}
		}
		if node.Kind() != Dict {
			return
		}
		if r := node.Key("Resources"); r.Kind() == Dict {
			res = r
		}
		if b := node.Key("MediaBox"); b.Len() == 4 {
			box = b
		}
		if kids := d.kids(node); node.Key("Type").Name() == "Pages" || (kids != nil && node.Key("Contents").IsNull()) {
			for _, k := range kids {
				walk(k, res, box, depth+1)
			}
			return
		}
		if len(pages) >= maxPages {
			limit("页数超过 %d", maxPages)
		}
		pages = append(pages, pageJob{node, res, box})
	}
	if lv, ok := root.o.(pdf.Value); ok {
		walk(libKid{-1, func() pdf.Value { return lv.Key("Pages") }}, value{d, nil}, value{d, nil}, 0)
	} else {
		walk(root.o.(pdfDict)["Pages"], value{d, nil}, value{d, nil}, 0)
	}
	if len(pages) == 0 {
		malformed("没有页面")
	}
	return d.readContents(pages)
}

// uncountedVisits is how many page-tree nodes walk visits before it
// counts the file's objects to bound the walk.
const uncountedVisits = 4096

// pageJob is a page of the tree with what it inherits.
type pageJob struct{ node, res, box value }

// readContents interprets the pages' content streams. In a file the
// library reads, on up to GOMAXPROCS goroutines (its reader only reads,
// and each goroutine has its own interpreter, font cache and guard): pages
// are independent, and interpreting them is most of the work. The first
// failure, by page order, ends the read as it would have alone.
func (d *doc) readContents(jobs []pageJob) []Page {
	pages := make([]Page, len(jobs))
	total := &drawn{}
	workers := min(runtime.GOMAXPROCS(0), len(jobs), maxReaders)
	if d.lib == nil || workers < 2 {
		// Our own object layer caches objects as it reads: one goroutine.
		in := newInterp(d, total)
		for i, j := range jobs {
			pages[i] = in.page(j, i+1)
		}
		return pages
	}
	ctx, stop := context.WithCancel(d.g.ctx)
	defer stop()
	var next atomic.Int64
	var wg sync.WaitGroup
	failed := make([]struct {
		page int
		p    any
	}, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			i := -1
			defer func() {
				if p := recover(); p != nil {
					failed[w].page, failed[w].p = i, p
					stop() // the others stop at their next step
				}
			}()
			wd := *d
			wd.g = newGuard(ctx)
			in := newInterp(&wd, total)
			for {
				if i = int(next.Add(1)) - 1; i >= len(jobs) {
					return
				}
				pages[i] = in.page(jobs[i], i+1)
			}
		}()
	}
	wg.Wait()
	first := -1
	for w, f := range failed {
		if f.p == nil {
			continue
		}
		if a, ok := f.p.(abort); ok && errors.Is(a.err, context.Canceled) && d.g.ctx.Err() == nil {
			continue // stopped because another failed
		}
		if first < 0 || f.page < failed[first].page {
			first = w
		}
	}
	if first >= 0 {
		panic(failed[first].p)
	}
	return pages
}

// maxReaders bounds the goroutines reading one file's pages.
const maxReaders = 4

// page interprets one page's content: its glyphs, placed from the media
// box's lower left corner.
func (in *interp) page(j pageJob, number int) Page {
	p := Page{Number: number, Width: 595, Height: 842}
	ctm := identity
	if box := j.box; box.Len() == 4 {
		x0, y0 := min(box.Index(0).Float64(), box.Index(2).Float64()), min(box.Index(1).Float64(), box.Index(3).Float64())
		p.Width = max(box.Index(0).Float64(), box.Index(2).Float64()) - x0
		p.Height = max(box.Index(1).Float64(), box.Index(3).Float64()) - y0
		ctm = matrix{1, 0, 0, 1, -x0, -y0}
	}
	// Room for as many glyphs as the page before: pages of a notice hold
	// about the same, and growing the slice glyph by glyph cost more than
	// reading them.
	in.glyphs = make([]Glyph, 0, in.lastPage+in.lastPage/8)
	in.rules, in.path, in.turned = nil, in.path[:0], nil
	data := in.pageContent(j.node)
	in.run(in.content(data), j.res, strconv.Itoa(number), gstate{ctm: ctm, th: 1}, 0)
	if data != nil {
		in.pageBuf = data[:0]
	}
	in.lastPage = len(in.glyphs)
	in.countGlyphs()
	p.Glyphs, p.Turned, p.Rules = in.glyphs, in.turned, in.rules
	upright(&p)
	return p
}

// libKid is a page-tree node in a file the library reads: its object
// number (-1: unknown) and how to resolve it, which walk does only after
// checking the visit.
type libKid struct {
	num int
	get func() pdf.Value
}

// kids lists a page-tree node's children unresolved, for walk to check
// before it reads them: references, or libKids.
func (d *doc) kids(node value) []any {
	if lv, ok := node.o.(pdf.Value); ok {
		k := lv.Key("Kids")
		if k.Kind() != pdf.Array {
			return nil
		}
		// The library resolves references itself and hides their
		// numbers, but its text of the array shows them ("[3 0 R 7 0 R]").
		refs := strings.Fields(strings.Trim(k.String(), "[]"))
		if len(refs) != 3*k.Len() {
			refs = nil
		}
		kids := make([]any, k.Len())
		for i := range kids {
			num := -1
			if refs != nil && refs[3*i+2] == "R" {
				if n, err := strconv.Atoi(refs[3*i]); err == nil {
					num = n
				}
			}
			kids[i] = libKid{num, func() pdf.Value { return k.Index(i) }}
		}
		return kids
	}
	kids, _ := d.resolve(node.o.(pdfDict)["Kids"]).(pdfArray)
	return kids
}

// Text returns the notice's lines, ready for the grammar.
func Text(ctx context.Context, data []byte, opt Options) ([]textnotice.Line, error) {
	pages, err := readable(ctx, data, opt)
	if err != nil {
		return nil, err
	}
	return Lines(pages), nil
}

// readable is the file's pages, or why its text cannot be read.
func readable(ctx context.Context, data []byte, opt Options) ([]Page, error) {
	pages, err := Pages(ctx, data, opt)
	if err != nil {
		return nil, err
	}
	n, lost := 0, 0
	for _, p := range pages {
		n += len(p.Glyphs) + len(p.Turned)
		for _, g := range p.Glyphs {
			if g.Text == Undecodable {
				lost++
			}
		}
		for _, g := range p.Turned {
			if g.Text == Undecodable {
				lost++
			}
		}
	}
	switch {
	case n == 0:
		return nil, ErrNoText
	case 2*lost > n:
		// Mostly unreadable: what decodes is then usually a wrong guess
		// (a subset's own encoding read as the standard one).
		return nil, fmt.Errorf("%w（%d 个字符中有 %d 个无法还原）；请用原文件（Word/WPS）重新导出 PDF，或直接导入 .docx/.txt", ErrNoUnicode, n, lost)
	}
	return pages, nil
}

// Read reads a notice from a PDF. The grammar's patterns compile on the
// other core while the pages are read. A ruled table
// whose header is a ledger's (an issue table in the notice, or a ledger
// printed to PDF) is read as a ledger, as a Word table is; its text then
// leaves the lines.
func Read(ctx context.Context, data []byte, opt Options) (*notice.Notice, error) {
	prepared := make(chan struct{})
	go func() {
		defer close(prepared)
		defer func() { _ = recover() }() // a bad pattern fails again where it is used
		textnotice.Prepare()
	}()
	defer func() { <-prepared }()
	pages, err := readable(ctx, data, opt)
	if err != nil {
		return nil, err
	}
	tables := takeLedgerTables(pages)
	if len(tables) == 1 {
		if n, ok := asLedger(pages, tables[0]); ok {
			return n, nil
		}
	}
	ledgers, headings := make([]*notice.Notice, len(tables)), make([]string, len(tables))
	for i, t := range tables {
		ledgers[i], headings[i] = t.n, t.heading
	}
	return textnotice.WithTables(textnotice.JoinLines(Lines(pages)), ledgers, headings)
}
