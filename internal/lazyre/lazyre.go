// Package lazyre is regexp.MustCompile deferred to the first use, with a
// cheap test in front of the regexp engine.
//
// Every rectify command pays for the package initialisation of every
// package linked in, and compiling the grammar's regular expressions at
// init cost about a millisecond even for `rectify version`. A Regexp here
// is parsed when first used, and its syntax tree tells what every match
// must contain: for a pattern anchored at the start of the text, the set of
// runes a match can begin with; otherwise up to three sets of literal
// strings, every match holding one string of each ("个方面", a digit, one
// of 个项条 in `(\d+)个方面(\d+)(?:个|项|条)…`). A string that fails that
// test is answered "no match" without running the engine, and the regexp
// itself is compiled only when a string first passes; the grammar asks most
// of its patterns of paragraphs they do not match, so this is where its
// time went. The answers are the regexp package's own: only strings that
// cannot match are answered early (TestSameAnswers, FuzzSameAnswers).
//
// Deriving a filter parses the pattern, which compiling does again: the
// filters of the patterns made at package initialisation are therefore
// derived when the program is built, into filters_gen.go (go generate;
// TestGeneratedFilters fails when it is stale), and a pattern parses at
// run time only to compile. A pattern missing from the file is analysed
// when first used, as before.
//
//go:generate go test -run ^TestGeneratedFilters$ -update .
package lazyre

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Regexp is a regular expression compiled on first use; it is safe for
// concurrent use like *regexp.Regexp. Its filter comes first: the regexp
// itself is compiled only when a string passes the filter (a notice that
// never mentions 问责 never compiles the accountability patterns).
type Regexp struct {
	expr     string
	analysed sync.Once
	f        filter
	compiled sync.Once
	re       *regexp.Regexp
}

// New returns the pattern, not yet compiled; an invalid pattern panics at
// its first use (as regexp.MustCompile does at init), which every test that
// reaches it shows.
func New(expr string) *Regexp {
	if !registry.closed.Load() {
		registry.Lock()
		registry.exprs = append(registry.exprs, expr)
		registry.Unlock()
	}
	return &Regexp{expr: expr}
}

// registry lists the patterns made before any was used: those of package
// initialisation, for TestGeneratedFilters to write filters_gen.go. It
// closes at the first use, so that patterns made at run time (a fuzz
// target makes millions) are not kept.
var registry struct {
	sync.Mutex
	exprs  []string
	closed atomic.Bool
}

// analyse takes the filter derived at build time, or derives it from the
// pattern's syntax.
func (r *Regexp) analyse() {
	r.analysed.Do(func() {
		registry.closed.Store(true)
		if f, ok := generatedFilter(r.expr); ok {
			r.f = f
			return
		}
		r.f = analyseExpr(r.expr)
	})
}

// analyseExpr derives the filter of a pattern; an invalid one panics as
// regexp.MustCompile does.
func analyseExpr(expr string) filter {
	t, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		regexp.MustCompile(expr) // panics, saying why
	}
	return analyse(t.Simplify())
}

// generatedFilter looks expr up in filters_gen.go (sorted by expression).
func generatedFilter(expr string) (filter, bool) {
	i, ok := slices.BinarySearchFunc(generated, expr, func(g generatedEntry, expr string) int {
		return strings.Compare(g.expr, expr)
	})
	if !ok {
		return filter{}, false
	}
	return generated[i].f, true
}

// generatedEntry is a filter derived when the program was built.
type generatedEntry struct {
	expr string
	f    filter
}

func (r *Regexp) compile() {
	r.compiled.Do(func() { r.re = regexp.MustCompile(r.expr) })
}

// Regexp is the compiled expression.
func (r *Regexp) Regexp() *regexp.Regexp {
	r.analyse()
	r.compile()
	return r.re
}

func (r *Regexp) String() string { return r.expr }

// may reports whether s can hold a match at all; when it can, the
// expression is compiled.
func (r *Regexp) may(s string) bool {
	r.analyse()
	if !r.f.may(s) {
		return false
	}
	r.compile()
	return true
}

func (r *Regexp) MatchString(s string) bool {
	return r.may(s) && r.re.MatchString(s)
}

func (r *Regexp) FindString(s string) string {
	if !r.may(s) {
		return ""
	}
	return r.re.FindString(s)
}

func (r *Regexp) FindStringIndex(s string) []int {
	if !r.may(s) {
		return nil
	}
	return r.re.FindStringIndex(s)
}

func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.may(s) {
		return nil
	}
	return r.re.FindStringSubmatch(s)
}

func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if !r.may(s) {
		return nil
	}
	return r.re.FindStringSubmatchIndex(s)
}

func (r *Regexp) FindAllString(s string, n int) []string {
	if !r.may(s) {
		return nil
	}
	return r.re.FindAllString(s, n)
}

func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.re.FindAllStringIndex(s, n)
}

func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.may(s) {
		return nil
	}
	return r.re.FindAllStringSubmatch(s, n)
}

func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.re.FindAllStringSubmatchIndex(s, n)
}

func (r *Regexp) FindSubmatch(b []byte) [][]byte {
	r.analyse()
	if !r.f.mayBytes(b) {
		return nil
	}
	r.compile()
	return r.re.FindSubmatch(b)
}

func (r *Regexp) ReplaceAllString(s, repl string) string {
	if !r.may(s) {
		return s
	}
	return r.re.ReplaceAllString(s, repl)
}

func (r *Regexp) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if !r.may(s) {
		return s
	}
	return r.re.ReplaceAllStringFunc(s, repl)
}

// filter is what every match must have. The zero filter lets everything
// through.
type filter struct {
	// first: when set, every match starts at the start of the text with a
	// rune in these ranges (lo, hi pairs).
	first []rune
	// need: every match contains, for each of these sets, one of its
	// strings (a digit and one of 个项条 in `(\d+)\s*(?:个|项|条)`).
	need [][]string
}

func (f *filter) may(s string) bool {
	if f.first != nil {
		c, _ := utf8.DecodeRuneInString(s)
		if s == "" || !inRanges(f.first, c) {
			return false
		}
	}
	for _, set := range f.need {
		if !containsOne(s, set) {
			return false
		}
	}
	return true
}

// containsOne reports whether s contains one of set: one search a string,
// as strings.Contains is vectorised, where ContainsAny decodes the text
// rune by rune.
func containsOne(s string, set []string) bool {
	for _, n := range set {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

func (f *filter) mayBytes(b []byte) bool {
	if f.first != nil {
		c, _ := utf8.DecodeRune(b)
		if len(b) == 0 || !inRanges(f.first, c) {
			return false
		}
	}
	for _, set := range f.need {
		found := false
		for _, n := range set {
			if bytes.Contains(b, []byte(n)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func inRanges(rs []rune, c rune) bool {
	for i := 0; i+1 < len(rs); i += 2 {
		if c >= rs[i] && c <= rs[i+1] {
			return true
		}
	}
	return false
}

// Limits on what a filter holds: beyond them it would cost about as much
// as the engine.
const (
	maxNeed       = 24 // strings in a need set
	maxNeedSets   = 3  // need sets a filter checks
	maxClassRunes = 24 // runes of a character class taken as strings
	maxRanges     = 64 // rune ranges of a first set
)

func analyse(t *syntax.Regexp) filter {
	var f filter
	if rest, ok := anchoredRest(t); ok {
		if set, nullable, ok := firstRunes(rest); ok && !nullable && len(set) <= 2*maxRanges {
			f.first = append([]rune{}, set...)
			if f.first == nil {
				f.first = []rune{} // matches nothing: an empty set rejects all
			}
		}
	}
	if f.first != nil {
		// The engine stops early at the start of the text too; a scan
		// of the whole text for needed strings would cost more.
		return f
	}
	f.need = needs(t)
	return f
}

// anchoredRest returns what follows a leading \A (^ without (?m)): the
// pattern then matches only at the start of the text.
func anchoredRest(t *syntax.Regexp) (*syntax.Regexp, bool) {
	switch t.Op {
	case syntax.OpBeginText:
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}, true
	case syntax.OpCapture:
		return anchoredRest(t.Sub[0])
	case syntax.OpConcat:
		if len(t.Sub) > 0 && t.Sub[0].Op == syntax.OpBeginText {
			return &syntax.Regexp{Op: syntax.OpConcat, Sub: t.Sub[1:]}, true
		}
	}
	return nil, false
}

// firstRunes is the set of runes a match of t can begin with, and whether
// t can match the empty string; ok is false when it cannot be told (any
// rune, case folding). Empty-width assertions are taken as matching empty:
// that only lets more through.
func firstRunes(t *syntax.Regexp) (set []rune, nullable, ok bool) {
	switch t.Op {
	case syntax.OpNoMatch:
		return nil, false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return nil, true, true
		}
		if t.Flags&syntax.FoldCase != 0 || t.Rune[0] == utf8.RuneError {
			return nil, false, false
		}
		return []rune{t.Rune[0], t.Rune[0]}, false, true
	case syntax.OpCharClass:
		if inRanges(t.Rune, utf8.RuneError) {
			return nil, false, false // also matches invalid UTF-8
		}
		return t.Rune, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(t.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _, ok := firstRunes(t.Sub[0])
		return set, true, ok
	case syntax.OpRepeat:
		set, nullable, ok := firstRunes(t.Sub[0])
		return set, nullable || t.Min == 0, ok
	case syntax.OpConcat:
		for _, s := range t.Sub {
			sub, subNullable, ok := firstRunes(s)
			if !ok {
				return nil, false, false
			}
			set = append(set[:len(set):len(set)], sub...)
			if !subNullable {
				return set, false, true
			}
		}
		return set, true, true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			sub, subNullable, ok := firstRunes(s)
			if !ok {
				return nil, false, false
			}
			set = append(set[:len(set):len(set)], sub...)
			nullable = nullable || subNullable
		}
		return set, nullable, true
	}
	return nil, false, false // any character
}

// needs lists sets of strings a match of t must contain, one of each set
// (nil: none known). The best maxNeedSets sets are kept (see better),
// none a superset of another.
func needs(t *syntax.Regexp) [][]string {
	switch t.Op {
	case syntax.OpLiteral:
		if len(t.Rune) == 0 || t.Flags&syntax.FoldCase != 0 {
			return nil
		}
		for _, r := range t.Rune {
			if r == utf8.RuneError {
				return nil // also matches invalid UTF-8
			}
		}
		return [][]string{{string(t.Rune)}}
	case syntax.OpCharClass:
		if inRanges(t.Rune, utf8.RuneError) {
			return nil
		}
		var out []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if int(t.Rune[i+1]-t.Rune[i])+1+len(out) > maxClassRunes {
				return nil
			}
			for c := t.Rune[i]; c <= t.Rune[i+1]; c++ {
				out = append(out, string(c))
			}
		}
		if len(out) == 0 {
			return nil
		}
		return [][]string{out}
	case syntax.OpCapture, syntax.OpPlus:
		return needs(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return needs(t.Sub[0])
		}
	case syntax.OpConcat:
		// Every part must match: each part's sets are needed.
		var all [][]string
		for _, s := range t.Sub {
			all = append(all, needs(s)...)
		}
		return bestSets(all)
	case syntax.OpAlternate:
		// A match matches one alternative: for any choice of one set
		// from each, it contains one string of their union.
		unions := [][]string{nil}
		for _, s := range t.Sub {
			n := needs(s)
			if n == nil {
				return nil
			}
			var next [][]string
			for _, u := range unions {
				for _, set := range n {
					if len(u)+len(set) <= maxNeed {
						next = append(next, append(slices.Clip(u), set...))
					}
				}
			}
			if unions = bestSets(next); unions == nil {
				return nil
			}
		}
		return unions
	}
	return nil
}

// bestSets sorts and dedupes each set, drops any set that holds another
// (it says less), and keeps the best maxNeedSets.
func bestSets(sets [][]string) [][]string {
	for i, set := range sets {
		set = slices.Clone(set)
		slices.Sort(set)
		sets[i] = slices.Compact(set)
	}
	var kept [][]string
	for i, a := range sets {
		redundant := false
		for j, b := range sets {
			if j != i && holds(a, b) && (len(a) > len(b) || j < i) {
				redundant = true // a holds b (or equals an earlier one)
				break
			}
		}
		if !redundant {
			kept = append(kept, a)
		}
	}
	slices.SortStableFunc(kept, func(a, b []string) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
	if len(kept) > maxNeedSets {
		kept = kept[:maxNeedSets]
	}
	return kept
}

// holds reports whether every string of b is in a (both sorted).
func holds(a, b []string) bool {
	for _, s := range b {
		if _, ok := slices.BinarySearch(a, s); !ok {
			return false
		}
	}
	return true
}

func better(a, b []string) bool {
	if b == nil {
		return true
	}
	if la, lb := shortest(a), shortest(b); la != lb {
		return la > lb
	}
	return len(a) < len(b)
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

func (r *Regexp) Split(s string, n int) []string { return r.Regexp().Split(s, n) }
