package pdftext

import (
	"context"
	"errors"
	"fmt"
)

// Limits that keep a damaged or hostile file bounded in memory and time.
// Each is far above what a real notice needs (a 20,000-page notice is about
// 40 MB with some 200,000 objects); hitting one is an error that says which.
const (
	// One decoded stream (content, font, CMap): the largest honest streams
	// are embedded fonts of a few MB.
	maxStreamBytes = 64 << 20
	// Object numbers: ten times the objects of a 20,000-page notice.
	maxObjects = 1 << 22
	// Elements of one array or dictionary in an object: a CID font's /W
	// array holds at most a few times 65,536 numbers.
	maxArrayLen = 1 << 20
	// Operands of one operator in a content stream or CMap, counting those
	// inside arrays and dictionaries: a TJ array holds one line, a CMap
	// block at most 100 entries by the CMap specification.
	maxOperands = 1 << 16
	// Arrays and dictionaries inside each other.
	maxNesting = 64
	// Entries of one CMap: a two-byte code space has 65,536 codes; twice
	// that leaves room for CMaps mixing code lengths.
	maxCMapEntries = 1 << 17
	// Levels of the page tree: a balanced tree of 20,000 pages is 5 deep.
	maxPageTreeDepth = 64
	// Pages in one file.
	maxPages = 100_000
	// Form XObjects drawn inside each other.
	maxFormDepth = 8
	// Form XObjects drawn in the whole file: a form that draws itself ten
	// times eight levels deep would otherwise run 10⁸ times. A notice
	// draws a few per page (logos, stamps, headers).
	maxFormRuns = 100_000
	// Glyphs drawn in the whole file: 6,000 full pages of 22 lines of 28
	// characters, each drawn up to five times (fake bold, shadows).
	maxGlyphs = 4_000_000
	// References that lead to references.
	maxRefChain = 32
	// Content decoded for the whole file (pages, the forms they draw, each
	// time it is drawn): a 20,000-page notice's text draws about 40 MB. A
	// few hundred pages can share one stream that decodes to maxStreamBytes,
	// which would otherwise be lexed again for every page.
	maxContentBytes = 512 << 20
)

// ErrLimit marks input that went past one of the limits above.
var ErrLimit = errors.New("PDF 超出了处理上限，可能已损坏或是恶意构造的文件")

// abort carries an error out of deep recursion (the object parser, the
// content interpreter) to the entry point, which turns it back into an
// error; see catch.
type abort struct{ err error }

func fail(err error) { panic(abort{err}) }

func limit(format string, args ...any) {
	fail(fmt.Errorf("%w（%s）", ErrLimit, fmt.Sprintf(format, args...)))
}

func malformed(format string, args ...any) {
	fail(fmt.Errorf("%w（%s）", ErrMalformed, fmt.Sprintf(format, args...)))
}

// catch ends the unwinding started by fail, and contains the panics a
// parser bug could raise on damaged input.
func catch(err *error) {
	switch p := recover().(type) {
	case nil:
	case abort:
		*err = p.err
	default:
		*err = fmt.Errorf("%w（%v）", ErrMalformed, p)
	}
}

// guard stops the work when its context is done: every loop whose length
// depends on the input calls step.
type guard struct {
	ctx    context.Context
	steps  int
	intern map[string]string // see lexer.str
	names  map[string]any    // names boxed as values, see parser.valueFrom
}

func newGuard(ctx context.Context) *guard {
	return &guard{ctx: ctx, intern: map[string]string{}, names: map[string]any{}}
}

func (g *guard) step() {
	if g == nil {
		return
	}
	g.steps++
	if g.steps&1023 == 0 {
		if err := g.ctx.Err(); err != nil {
			fail(err)
		}
	}
}
