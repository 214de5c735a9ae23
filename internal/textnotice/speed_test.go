package textnotice

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestHalfToWideASCII: NormalizeLine looks up only ASCII runes in
// halfToWide; a wider key would never be used.
func TestHalfToWideASCII(t *testing.T) {
	for r := range halfToWide {
		if r >= utf8.RuneSelf {
			t.Errorf("halfToWide maps %q, which is not ASCII: NormalizeLine skips it", r)
		}
	}
}

// TestMarkersByClause: findMarkers, which searches clause by clause, finds
// what a search of the whole text for every match of the family, keeping
// those at a clause start, finds — on random texts of markers, numbers,
// clause ends and other characters, and on every action text of the
// notices in testdata.
func TestMarkersByClause(t *testing.T) {
	whole := func(s string, f actionFamily) [][2]int {
		var out [][2]int
		want := 1
		for _, m := range regexp.MustCompile(strings.TrimPrefix(f.re.String(), "^")).FindAllStringSubmatchIndex(s, -1) {
			if want > 50 {
				break
			}
			st, en := m[0], m[1]
			r, _ := utf8.DecodeLastRuneInString(s[:st])
			if f.num != nil && f.num(s[m[2]:m[3]]) != want || (st > 0 && !strings.ContainsRune(clauseEnds, r)) {
				continue
			}
			if en < len(s) && f.pattern == "{n}." && s[en] < 0x80 {
				continue
			}
			if f.pattern == "{n}）" && st > 0 && strings.HasSuffix(s[:st], "（") {
				continue
			}
			out = append(out, [2]int{st, en})
			want++
		}
		return out
	}
	check := func(s string) {
		t.Helper()
		for _, f := range actionFamilies {
			if got, want := findMarkers(s, clauseStarts(s), f), whole(s, f); !slices.Equal(got, want) {
				t.Fatalf("%s in %q: %v, want %v", f.pattern, s, got, want)
			}
		}
	}
	pieces := []string{"一", "二", "三", "十", "是", "①", "②", "③", "（", "）", "1", "2", "3", "12", ".", "．", "、",
		"，", ",", "。", "；", "：", ":", "\n", "第", "万", "元", "x", " ", "是\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
	files, _ := filepath.Glob("../../testdata/notices/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n\n") {
			check(p)
		}
		check(string(data))
	}
}

// TestNormalizedUnchanged: NormalizeLine's fast path answers "unchanged"
// only where the full normalisation changes nothing: every rune of the
// BMP and beyond, alone and between Han characters, ASCII letters and
// digits; every pair of the runes the rules are about; every line of the
// notices in testdata. A rule added to normalizeLine that changes a rune
// the fast path lets through fails here.
func TestNormalizedUnchanged(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if normalized(s) {
			if got := normalizeLine(s); got != s {
				t.Fatalf("%q: taken as normalised, but normalizeLine gives %q", s, got)
			}
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		check(c)
		check("汉" + c + "汉")
		check("a" + c + "1")
	}
	var marks []rune
	for r := rune(0); r < 0x80; r++ {
		marks = append(marks, r)
	}
	marks = append(marks, []rune("，。：；！？（）【】《》“”‘’、…—·　０９ＡＺａｚ汉字⼯⻓\u00a0\u200b\ufeff\uFFFD")...)
	for _, a := range marks {
		for _, b := range marks {
			check(string([]rune{a, b}))
			check(string([]rune{'汉', a, b, '汉'}))
		}
	}
	check("\xff汉")
	files, _ := filepath.Glob("../../testdata/notices/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			check(l)
		}
	}
}

// TestIndexAny: indexAny answers as strings.IndexAny on random texts of
// the characters searched for, others, and broken UTF-8.
func TestIndexAny(t *testing.T) {
	pieces := []string{"。", "；", "：", ":", "，", "a", "汉", "\xe3", "\x80", "\x82", "\xe3\x80", "\xef\xbc", "\x9a", " "}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200_000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, chars := range []string{"。；", "：:", "，。：；", "。"} {
			if got, want := indexAny(s, chars), strings.IndexAny(s, chars); got != want {
				t.Fatalf("indexAny(%q, %q) = %d, strings.IndexAny %d", s, chars, got, want)
			}
		}
	}
}

// TestDisplayWidthBytes: displayWidth, which counts ASCII and common
// ideographs from their bytes, gives what decoding every rune gives: on
// every rune, and on random texts with broken UTF-8.
func TestDisplayWidthBytes(t *testing.T) {
	byRunes := func(s string) float64 {
		w := 0.0
		for _, r := range s {
			w += runeWidth(r)
		}
		return w
	}
	check := func(s string) {
		t.Helper()
		if got, want := displayWidth(s), byRunes(s); got != want {
			t.Fatalf("displayWidth(%q) = %v, by runes %v", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check(string(r))
	}
	pieces := []string{"a", "汉", "…", "“", "\xe4", "\xe4\xb8", "\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\xe9\xbf\xbf", "\xef\xbc\x9a", " "}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 200_000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}
