package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/textnotice"
)

// pdfOf builds a one-page PDF from object bodies; object 1 is the catalog,
// 2 the pages, 3 the page (its content is object 4), 5 a font.
func pdfOf(objs []string) []byte { return testutil.AssemblePDF(objs, 1) }

func stream(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

const winAnsiFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" +
	"278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584] >>"

// TestFormXObjectAndFakeBold: text inside a form XObject is read, in its
// place; a word drawn twice, a little offset, for bold counts once.
func TestFormXObjectAndFakeBold(t *testing.T) {
	form := "<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Matrix [1 0 0 1 0 -100] /Resources << /Font << /F1 5 0 R >> >> /Length 35 >>\nstream\nBT /F1 12 Tf 72 600 Td (Second) Tj ET\nendstream"
	content := "BT /F1 12 Tf 72 720 Td (First) Tj ET\nBT /F1 12 Tf 72.3 720 Td (First) Tj ET\n/X1 Do"
	data := pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>",
		stream(content),
		winAnsiFont,
		form,
	})
	pages, err := Pages(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range pages[0].Glyphs {
		if g.Text == "S" && (g.Y < 499 || g.Y > 501) {
			t.Errorf("form text at y=%.1f, want 500 (its Matrix moves it down 100)", g.Y)
		}
	}
	lines := Lines(pages)
	var got []string
	for _, l := range lines {
		got = append(got, l.Text)
	}
	if strings.Join(got, "|") != "First|Second" {
		t.Errorf("lines = %q, want First|Second", got)
	}
}

// TestUnterminatedHexInObject: the mandated reader's lexer loops forever on
// an unterminated hex string in an object; the read is abandoned in time.
func TestUnterminatedHexInObject(t *testing.T) {
	data := pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		stream("BT /F1 12 Tf 72 720 Td <4142 Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Foo <41424",
	})
	start := time.Now()
	_, err := Read(context.Background(), data, Options{Timeout: 2 * time.Second})
	if time.Since(start) > 5*time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
	if err == nil {
		return // read what could be read: fine too
	}
	if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNoText) {
		t.Errorf("err = %v", err)
	}
}

// slowPDF is an honest one-page PDF that takes a while to read: 400,000
// shows of one glyph.
func slowPDF() []byte {
	content := "BT /F1 12 Tf 72 720 Td " + strings.Repeat("(a) Tj ", 400_000) + "ET"
	return pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream(content),
		winAnsiFont,
	})
}

// TestTimeoutStopsWork: a read past its time returns ErrTimeout promptly,
// and a batch of such reads leaves no goroutine behind (the work stops; it
// is not abandoned to run on).
func TestTimeoutStopsWork(t *testing.T) {
	data := slowPDF()
	start := time.Now()
	if _, err := Pages(context.Background(), data, Options{}); err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)
	before := runtime.NumGoroutine()
	for i := 0; i < 20; i++ {
		start := time.Now()
		_, err := Read(context.Background(), data, Options{Timeout: time.Millisecond})
		if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "读取超时") {
			t.Fatalf("err = %v, want the timeout (a full read takes %v)", err, full)
		}
		if el := time.Since(start); el > full/2+50*time.Millisecond {
			t.Errorf("timed-out read took %v; a full read takes %v", el, full)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, data, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled read: %v", err)
	}
	time.Sleep(20 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before the timed-out reads, %d after", before, after)
	}
}

// TestObjectStreams: objects in object streams, found through a
// cross-reference stream, read as from a classic table: our own small file,
// and a producer's fixture that qpdf rewrote with object streams.
func TestObjectStreams(t *testing.T) {
	pages, err := Pages(context.Background(), objStmPDF(), Options{})
	if err != nil || len(pages) != 1 || len(pages[0].Glyphs) != 2 {
		t.Fatalf("object-stream PDF: %v, %+v", err, pages)
	}
	qpdf := testutil.Need(t, "qpdf")
	dir := t.TempDir()
	in, out := "../../testdata/pdf/libreoffice_scheme-parts.pdf", filepath.Join(dir, "objstm.pdf")
	if b, err := exec.Command(qpdf, "--object-streams=generate", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	if data := mustRead(t, out); !bytes.Contains(data, []byte("/ObjStm")) {
		t.Fatal("qpdf wrote no object stream")
	}
	want, err := Read(context.Background(), mustRead(t, in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(context.Background(), mustRead(t, out), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := comparable(t, got), comparable(t, want); g != w {
		t.Errorf("with object streams:\n%s", testutil.LineDiff(g, w, "pdf:  ", "text: "))
	}
}

// TestTextAtAnAngle: text drawn at an angle to the body (a diagonal
// watermark, a stamp) is read in its own direction as a paragraph after
// the page's body, not mixed into the body's lines; drawn on more than
// one page it is a watermark and dropped. A page whose text is all turned
// a quarter (a landscape page shown with /Rotate) reads upright.
func TestTextAtAnAngle(t *testing.T) {
	body := func(n int, text string) Page {
		p := Page{Number: n, Width: 595, Height: 842}
		for i, r := range []rune(text) {
			p.Glyphs = append(p.Glyphs, Glyph{Text: string(r), X: 100 + 16*float64(i), Y: 700, W: 16, Size: 16})
		}
		return p
	}
	// "内部资料" at 35°, its glyphs drawn across the body's baseline.
	stamp := func(p Page) Page {
		sin, cos := math.Sincos(35 * math.Pi / 180)
		for i, r := range []rune("内部资料") {
			d := 48 * float64(i)
			p.Turned = append(p.Turned, TurnedGlyph{Glyph{Text: string(r), X: 150 + d*cos, Y: 680 + d*sin, W: 48, Size: 48}, 35 * math.Pi / 180})
		}
		return p
	}
	texts := func(ls []textnotice.Line) (out []string) {
		for _, l := range ls {
			out = append(out, l.Text)
		}
		return out
	}
	one := Lines([]Page{stamp(body(1, "巡察反馈问题整改情况"))})
	if got, want := texts(one), []string{"巡察反馈问题整改情况", "内部资料"}; !reflect.DeepEqual(got, want) {
		t.Errorf("one page: lines %q, want %q", got, want)
	} else if !one[0].BreakAfter {
		t.Error("the stamp should be a paragraph of its own")
	}
	two := Lines([]Page{stamp(body(1, "第一页的正文")), stamp(body(2, "第二页的正文"))})
	if got, want := texts(two), []string{"第一页的正文", "第二页的正文"}; !reflect.DeepEqual(got, want) {
		t.Errorf("two pages with a watermark: lines %q, want %q", got, want)
	}

	// The body turned a quarter counter-clockwise (text running up the
	// page), as upright() finds it after reading.
	p := body(1, "整改台账")
	for _, g := range p.Glyphs {
		g.X, g.Y = 842-g.Y, g.X
		p.Turned = append(p.Turned, TurnedGlyph{g, math.Pi / 2})
	}
	p.Glyphs = nil
	p.Width, p.Height = 842, 595
	p.Rules = []Rule{{X0: 100, Y0: 90, X1: 100, Y1: 400}}
	upright(&p)
	if got := texts(Lines([]Page{p})); !reflect.DeepEqual(got, []string{"整改台账"}) {
		t.Errorf("turned page: lines %q", got)
	}
	if r := p.Rules[0]; !r.horizontal() {
		t.Errorf("a vertical rule on the turned page should be horizontal upright: %+v", r)
	}
}

// TestTextStateOperators: text set as WPS and Word set it — horizontal
// scaling (Tz), character and word spacing (Tc, Tw, and through "), the
// leading (TL) with T*, ' and ", and TJ arrays whose numbers kern within a
// word or open a word space — reads as drawn, line by line.
func TestTextStateOperators(t *testing.T) {
	content := "BT /F1 12 Tf 20 TL 72 720 Td 80 Tz 1 Tc (Condensed) Tj T* 100 Tz 0 Tc 5 Tw (Word spaced) Tj (Third) ' 2 1 (Fourth) \" T* [(Ke) -20 (rn) 30 (ed) -600 (Gap)] TJ ET"
	data := pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream(content),
		winAnsiFont,
	})
	pages, err := Pages(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ys []float64
	for _, l := range pageLines(pages[0]) {
		ys = append(ys, l.y)
	}
	pages, _ = Pages(context.Background(), data, Options{})
	var got []string
	for _, l := range Lines(pages) {
		got = append(got, l.Raw)
	}
	if want := []string{"Condensed", "Word spaced", "Third", "Fourth", "Kerned Gap"}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
	for i := 1; i < len(ys); i++ {
		if d := ys[i-1] - ys[i]; math.Abs(d-20) > 0.01 {
			t.Errorf("line %d is %.2f below the one before, want 20 (TL)", i+1, d)
		}
	}
}
