package lazyre

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	_ "github.com/rectify/rectify/internal/testutil/golden" // the shared -update flag
)

// patterns are shapes the filters must get right: anchored and not,
// optional and repeated parts, alternations, classes, empty matches,
// assertions, invalid UTF-8, case folding; and patterns of the grammar.
var patterns = []string{
	`^([一二三四五六七八九十百千零〇]{1,8})[、．]\s*`,
	`^（(\d{1,6})）\s*`,
	`^(\d{1,6})\s*[.．、]\s*`,
	`^([①-⑳])\s*`,
	`^问题\s*(\d{1,3}|[一二三四五六七八九十]{1,4})\s*[：:、.．]\s*`,
	`^[（【\[]([^）】\]]{2,10})[）】\]][：:]?\s*`,
	`(\d+|[一二两三四五六七八九十]{1,3})\s*个方面(?:的|共)?(\d+|[一二两三四五六七八九十]{1,3})\s*(?:个|项|条)(?:具体)?问题`,
	`(?:反馈|指出|交办|发现|梳理)[^，。；]{0,8}?(?:问题)?(?:共|共计|合计)?(\d+)\s*(?:个|项|条)(?:具体)?(?:问题)?|(\d+)\s*(?:个|项|条)(?:具体)?问题`,
	`欢迎|监督|联系方式|联系电话|联系人|特此通报|意见建议|意见和建议|举报|电子邮箱|通信地址`,
	`^(?:[-—–－―~]+\s*\d{1,6}\s*[-—–－―~]+|第\s*\d{1,6}\s*页(?:\s*[/，,]?\s*共\s*\d{1,6}\s*页)?|\d{1,6}\s*/\s*\d{1,6}|\d{1,4})$`,
	`^#{1,6}\s+`,
	`^(\p{Han}{2,40}) (关于\p{Han}.*)$`,
	`(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?)?`,
	`(?:0\d{2,3}-?\d{7,8}(?:-\d{1,4})?|1[3-9]\d{9}|\d{7,8})`,
	`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`,
	`\p{Han}\s*[,;:?!()]|[,;:?!(]\s*\p{Han}`,
	`(学习|传达|贯彻|根据|按照|依据|对照)[^，。；]{0,20}$`,
	`需要.{0,6}整改的`,
	`\d+`, `a*`, `^$`, `^`, `$`, `x?`, `(?i)abc`, `^(?i)k`, `\bword\b`, `(?m)^a`, `^a|^b`, `^(a|)b`,
	`[^a]`, "\uFFFD", "a\uFFFDb", "^[\uFFFDx]", `.`, `^.a`, `(?s).`, `[\x00-\x{10FFFF}]`, `a{0}b`, `a{2,}`,
	`(ab|cd)+ef`, `(?:a|b)?c`, `[a-z]{3}`, `x*y*z`, `^x*y`, `(?:)`, `a|`, `^\d{1,3}[）)]\s*`,
}

// inputs are texts to try: pieces that the patterns match and miss,
// glued at random.
var pieces = []string{"", "一、", "（二）", "3.", "12）", "①", "问题1：", "【已完成】", "个方面", "8个问题", "反馈", "共", "3", "项",
	"欢迎", "监督", "— 3 —", "第3页", "共29页", "3/29", "# ", "关于", "某某局", " ", "\n", "年", "2025", "6月", "24日",
	"0593-1234567", "13912345678", "a.b@c.cn", "汉,", ",汉", "学习", "讲话", "需要", "整改的", "a", "b", "c", "ab", "cd", "ef",
	"x", "y", "z", "k", "K", "ABC", "word", "\xff", "\xe4\xb8", "\uFFFD", "。", "，", "：", "\t", "abc", "aaa", "）", ")"}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// same checks every method against the regexp package on s.
func same(t *testing.T, l *Regexp, re *regexp.Regexp, s string) {
	t.Helper()
	check := func(method string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %q on %q: got %#v, regexp says %#v", method, l.expr, s, got, want)
		}
	}
	check("MatchString", l.MatchString(s), re.MatchString(s))
	check("FindString", l.FindString(s), re.FindString(s))
	check("FindStringIndex", l.FindStringIndex(s), re.FindStringIndex(s))
	check("FindStringSubmatch", l.FindStringSubmatch(s), re.FindStringSubmatch(s))
	check("FindStringSubmatchIndex", l.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s))
	check("FindAllString", l.FindAllString(s, -1), re.FindAllString(s, -1))
	check("FindAllStringIndex", l.FindAllStringIndex(s, -1), re.FindAllStringIndex(s, -1))
	check("FindAllStringSubmatch", l.FindAllStringSubmatch(s, 2), re.FindAllStringSubmatch(s, 2))
	check("FindAllStringSubmatchIndex", l.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1))
	check("FindSubmatch", l.FindSubmatch([]byte(s)), re.FindSubmatch([]byte(s)))
	check("ReplaceAllString", l.ReplaceAllString(s, "<$1>"), re.ReplaceAllString(s, "<$1>"))
	check("ReplaceAllStringFunc", l.ReplaceAllStringFunc(s, strings.ToUpper), re.ReplaceAllStringFunc(s, strings.ToUpper))
}

// TestSameAnswers: on random texts and on every line of the notices in
// testdata, each pattern answers exactly as the regexp package does.
func TestSameAnswers(t *testing.T) {
	var lines []string
	files, _ := filepath.Glob("../../testdata/notices/*.txt")
	files = append(files, "../../testdata/corpus/notice-2025-extracted.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	if len(lines) < 100 {
		t.Fatalf("only %d lines of notices found", len(lines))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, p := range patterns {
		l, re := New(p), regexp.MustCompile(p)
		for range 1000 {
			same(t, l, re, randomText(r))
		}
		for _, s := range lines {
			same(t, l, re, s)
		}
	}
}

// TestFiltersReject: the filters do reject (else the package would only
// add a cost): the grammar's patterns refuse texts without their words
// before the engine runs.
func TestFiltersReject(t *testing.T) {
	for _, c := range []struct {
		expr string
		s    string
	}{
		{`^（(\d{1,6})）\s*`, "整改情况：已完成。"},
		{`(\d+)\s*个方面(\d+)\s*(?:个|项|条)问题`, "反馈问题8个，已全部完成整改。"},
		{`欢迎|监督|联系电话`, "一是加强学习。"},
		{`^(?:第\s*\d{1,6}\s*页|\d{1,4})$`, "通报"},
		// Every match needs a digit and one of 个项条 too, besides one
		// of the words: a paragraph with 问题 and 个 but no figure.
		{`(?:反馈|指出|交办|发现|梳理)[^，。；]{0,8}?(?:问题)?(?:共|共计|合计)?(\d+)\s*(?:个|项|条)(?:具体)?(?:问题)?|(\d+)\s*(?:个|项|条)(?:具体)?问题`, "反馈的问题个个都已整改。"},
	} {
		l := New(c.expr)
		if l.may(c.s) {
			t.Errorf("%q: no filter rejects %q (filter %+v)", c.expr, c.s, l.f)
		}
		if regexp.MustCompile(c.expr).MatchString(c.s) {
			t.Fatalf("bad case: %q matches %q", c.expr, c.s)
		}
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	l := New(`(\d+)个`)
	done := make(chan bool)
	for range 8 {
		go func() { done <- l.MatchString("共3个") }()
	}
	for range 8 {
		if !<-done {
			t.Fatal("no match")
		}
	}
}

// FuzzSameAnswers: any text, any pattern of the list, the regexp
// package's answer.
func FuzzSameAnswers(f *testing.F) {
	f.Add(uint8(0), "一、总体情况")
	f.Add(uint8(7), "共反馈问题8个")
	f.Add(uint8(9), "— 3 —")
	f.Fuzz(func(t *testing.T, i uint8, s string) {
		p := patterns[int(i)%len(patterns)]
		same(t, New(p), regexp.MustCompile(p), s)
	})
}
