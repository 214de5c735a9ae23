package pdftext

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/testutil/golden"
	"github.com/rectify/rectify/internal/textnotice"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func mustRead(t testing.TB, p string) []byte {
	t.Helper()
	d, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// comparable drops what differs by nature between sources: where each issue
// stood, and the recorded numbering style.
func comparable(t testing.TB, n *notice.Notice) string {
	t.Helper()
	for _, is := range n.Issues() {
		is.Source = nil
	}
	for i := range n.Unplaced {
		n.Unplaced[i].Source = nil // a page and line of the PDF, a line of the text
	}
	n.Style = nil
	b, err := notice.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fixture is a PDF in testdata/pdf (or another folder of fixtures) and
// the notice text it was made from ("" for fixtures of no notice), as the
// folder's sources.txt lists them.
type fixture struct{ dir, pdf, text, password string }

// path is the fixture's file from this package.
func (f fixture) path() string { return "../../testdata/" + f.dir + "/" + f.pdf }

// fixtureDirs hold PDFs of our notices, each with the sources.txt its
// make.sh writes: testdata/pdf the main producers, testdata/pdf-producers
// re-writers and other exports (Ghostscript, MuPDF, qpdf, cairo,
// LibreOffice's PDF/A, tagged and hybrid, Chromium with other faces).
var fixtureDirs = []string{"pdf", "pdf-producers"}

// fixtures reads the sources.txt of every fixture folder, and checks that
// it lists every PDF there: no fixture escapes the tests.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	var out []fixture
	for _, dir := range fixtureDirs {
		listed := map[string]bool{}
		for _, l := range strings.Split(string(mustRead(t, "../../testdata/"+dir+"/sources.txt")), "\n") {
			f := strings.Fields(l)
			if len(f) == 0 || strings.HasPrefix(f[0], "#") {
				continue
			}
			fx := fixture{dir: dir, pdf: f[0]}
			for _, kv := range f[1:] {
				if p, ok := strings.CutPrefix(kv, "password="); ok {
					fx.password = p
				} else {
					fx.text = kv
				}
			}
			out = append(out, fx)
			listed[fx.pdf] = true
		}
		all, _ := filepath.Glob("../../testdata/" + dir + "/*.pdf")
		for _, p := range all {
			if !listed[filepath.Base(p)] {
				t.Errorf("%s is not listed in testdata/%s/sources.txt", filepath.Base(p), dir)
			}
		}
	}
	return out
}

// producerLosses are what a producer itself left out of a PDF, by fixture:
// the text the notice has, and what the PDF draws instead. Each was
// checked on a rendering of the page; poppler reads the same (see
// TestNothingLost), and each must still apply.
var producerLosses = map[string]map[string]string{
	// LibreOffice does not draw a full-width ，、；or 。 that would hang past
	// the right margin at a line end (the corpus PDF, made by LibreOffice
	// too, lacks the very same two).
	"libreoffice_notice-2025-extracted.pdf": {
		"厂房，并形成台账":   "厂房并形成台账",
		"有限公司、寿宁县春权": "有限公司寿宁县春权",
	},
	"libreoffice_street-halfwidth.pdf":  {"严肃处理，谈话提醒": "严肃处理谈话提醒"},
	"libreoffice_finance-pageheads.pdf": {"挂牌督办，确保": "挂牌督办确保"},
	"libreoffice_court-diyi.pdf":        courtDiyiLosses,
	// The same LibreOffice PDF, linearized by qpdf.
	"qpdf-linearized_court-diyi.pdf":      courtDiyiLosses,
	"libreoffice_village-labels.pdf":      {"时间节点；二是": "时间节点二是"},
	"libreoffice-flush_coop-pagecopy.pdf": {"网点9个。目前": "网点9个目前"},
	"libreoffice_township-nested.pdf":     {"确保整改到位。欢迎": "确保整改到位欢迎"},
	"libreoffice-flush_notice-2025-extracted.pdf": {
		"综合其他问题，2025年2月27日，对突出生态环境问题":     "综合其他问题2025年2月27日，对突出生态环境问题",
		"进一步修改完善内容，2024年7月":               "进一步修改完善内容2024年7月",
		"中共寿宁县纪律检查委员会 寿宁县监察委员会关于三起违反移风易俗": "中共寿宁县纪律检查委员会寿宁县监察委员会关于三起违反移风易俗",
	},
	"libreoffice-flush_community-oneline.pdf": {"联系台账，每月": "联系台账每月"},
	// A space between two joint issuers' names where Chromium broke the
	// line: nothing is drawn for it.
	"chromium_notice-2025-extracted.pdf": {
		"中共寿宁县纪律检查委员会 寿宁县监察委员会关于三起": "中共寿宁县纪律检查委员会寿宁县监察委员会关于三起",
	},
	"chromium-ragged_notice-2025-extracted.pdf": {
		"宁德市科学技术局 宁德市生态环境局": "宁德市科学技术局宁德市生态环境局",
	},
}

var courtDiyiLosses = map[string]string{"截至2025年5月31日，7个": "截至2025年5月31日7个",
	"主体责任清单，明确": "主体责任清单明确"}

// dataLosses are the losses of producerLosses as the data show them, where
// a lost mark ends an action: the ；before 二是 (the actions are still
// split there) and the 。 before 目前已完成整改 (still the verdict) are
// missing from the end of the action's text.
var dataLosses = map[string]map[string]string{
	"libreoffice_village-labels.pdf":      {`时间节点；"`: `时间节点"`},
	"libreoffice-flush_coop-pagecopy.pdf": {`网点9个。"`: `网点9个"`},
}

// setOnLines are titles that the source wrote on one line and the
// producer set on two, breaking after the issuer's name at 关于 as GB/T 9704
// asks (rectify's own writer does). On the page that cannot be told from a
// title the source wrote on those two lines (soe-group's), which the
// reader takes it for; the data are the same, the .txt keeps the lines.
var setOnLines = map[string]map[string]string{
	"rectify-aspects.pdf": {"中共柘荣县城郊乡委员会关于县委": "中共柘荣县城郊乡委员会\n关于县委"},
	// A title longer than a line, wrapped by the producer.
	"wordlike_audit-npc-report.pdf": {"其他财政收支审计查出问题整改情况的报告": "其他财政\n收支审计查出问题整改情况的报告"},
}

// cannotTell are the PDFs where a sentence ends at the full measure and a
// paragraph of the same kind follows: a wrap or a new paragraph, and the
// page does not say (as for the text in textnotice's TestHardWrapped).
// They must still read differently from the text, or come off the list.
var cannotTell = map[string]string{
	// A space between two labels on one line ("责任部门：办公室 整改时限：")
	// where the line broke: nothing is drawn for it (textnotice's
	// spaceAtWrap); set flush left, the second label then reads as a line
	// of its own.
	"libreoffice_attachment-list.pdf":       "“…办公室” ends a line, “整改时限：…” starts the next: no space drawn",
	"chromium_attachment-list.pdf":          "the same",
	"wordlike_attachment-list.pdf":          "the same",
	"libreoffice-flush_attachment-list.pdf": "the same, and one line or two",
	"chromium-ragged_attachment-list.pdf":   "the same, and one line or two",
	// "销号情况：…计划于2025年10月底前完成" ends without a stop and nearly
	// fills the line; "（三）…" follows (textnotice's TestHardWrapped too).
	"libreoffice-flush_hospital-xiaohao.pdf": "a line without a stop at the measure, a heading after it: wrap or not",
	"chromium-ragged_hospital-xiaohao.pdf":   "the same",
	// "联系电话：…" alone before the signature is set as its own paragraph
	// by many offices; here it follows a full line that ends a sentence.
	"libreoffice-flush_township-huitoukan.pdf": "“…进行监督。” fills the line, “联系电话：…” follows",
	"chromium-ragged_township-huitoukan.pdf":   "the same",
	"chromium-ragged_audit-npc-report.pdf":     "“…常态化、长效化。” fills the line, “主任、各位副主任…” follows",
}

// withLosses is s (the text notice's .txt or JSON) as the producer of pdf
// drew it; a loss that no longer applies is an error.
func withLosses(t *testing.T, pdf, s string) string {
	t.Helper()
	for from, to := range producerLosses[pdf] {
		if !strings.Contains(s, from) {
			t.Errorf("%s: the listed loss %q no longer applies", pdf, from)
		}
		s = strings.ReplaceAll(s, from, to)
	}
	return s
}

// TestProducers: PDFs of our notices made by real producers give the same
// data as the notices' text (structure, titles, statuses, every action's
// exact text), and the same text when written back as .txt.
func TestProducers(t *testing.T) {
	for _, c := range fixtures(t) {
		if c.text == "" {
			continue
		}
		t.Run(c.pdf, func(t *testing.T) {
			got, err := Read(context.Background(), mustRead(t, c.path()), Options{Password: c.password})
			if err != nil {
				t.Fatal(err)
			}
			want, err := textnotice.Read(mustRead(t, "../../testdata/"+c.text))
			if err != nil {
				t.Fatal(err)
			}
			goldenJSON(t, strings.TrimSuffix(c.path(), ".pdf")+".golden.json", got)
			wantText := withLosses(t, c.pdf, string(textnotice.Write(want)))
			for from, to := range setOnLines[c.pdf] {
				if !strings.Contains(wantText, from) {
					t.Errorf("%s: the listed title %q no longer applies", c.pdf, from)
				}
				wantText = strings.ReplaceAll(wantText, from, to)
			}
			var diffs []string
			if g, w := string(textnotice.Write(got)), wantText; g != w {
				diffs = append(diffs, "PDF -> .txt and text -> .txt differ:\n"+testutil.LineDiff(g, w, "pdf:  ", "text: "))
			}
			w := comparable(t, want)
			if d, ok := dataLosses[c.pdf]; ok {
				for from, to := range d {
					if !strings.Contains(w, from) {
						t.Errorf("%s: the listed data loss %q no longer applies", c.pdf, from)
					}
					w = strings.ReplaceAll(w, from, to)
				}
			} else {
				w = withLosses(t, c.pdf, w)
			}
			if g := comparable(t, got); g != w {
				diffs = append(diffs, "PDF and text differ:\n"+testutil.LineDiff(g, w, "pdf:  ", "text: "))
			}
			if _, ok := cannotTell[c.pdf]; ok {
				if len(diffs) == 0 {
					t.Errorf("%s: listed in cannotTell, but reads as the text now: take it off", c.pdf)
				}
				return
			}
			for _, d := range diffs {
				t.Error(d)
			}
		})
	}
}

// TestEveryNoticeHasPDFs: every notice in testdata/notices (a .lines.txt
// is another spelling of one) has PDF fixtures by LibreOffice (indented and
// flush left), Chromium (indented and justified, flush left and ragged) and
// Word-like output in sources.txt, so that
// TestProducers and TestNothingLost hold it to its text.
func TestEveryNoticeHasPDFs(t *testing.T) {
	has := map[string]bool{}
	for _, c := range fixtures(t) {
		has[c.pdf+" "+c.text] = true
	}
	notices, _ := filepath.Glob("../../testdata/notices/*.txt")
	if len(notices) < 10 {
		t.Fatalf("only %d notices", len(notices))
	}
	for _, n := range notices {
		if strings.HasSuffix(n, ".lines.txt") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(n), ".txt")
		for _, producer := range []string{"libreoffice_", "libreoffice-flush_", "chromium_", "chromium-ragged_", "wordlike_"} {
			if !has[producer+name+".pdf notices/"+name+".txt"] {
				t.Errorf("%s has no PDF %s%s.pdf in sources.txt (make.sh makes it)", name, producer, name)
			}
		}
	}
}

// fold maps the forms that poppler and rectify spell differently but mean
// the same: Kangxi radicals ("⼯" for "工": both unify them, in different
// places) and full-width ASCII (poppler reads the one-byte codes of
// GBK-EUC-H as full-width, rectify as ASCII). A lost or added character,
// punctuation included, still shows.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFF01 + '!'
	}
	return textnotice.UnifyHan(r)
}

var wordRe = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)

// TestNothingLost: on every PDF fixture, the characters we read (before
// the grammar, after dropping overprints) are, as a multiset, exactly
// those poppler's pdftotext reads, punctuation included.
func TestNothingLost(t *testing.T) {
	pdftotext := testutil.Need(t, "pdftotext")
	all := fixtures(t)
	all = append(all, fixture{dir: "corpus", pdf: "notice-2025-libreoffice.pdf"})
	for _, c := range all {
		t.Run(c.pdf, func(t *testing.T) {
			path := c.path()
			pages, err := Pages(context.Background(), mustRead(t, path), Options{Password: c.password})
			if err != nil {
				t.Fatal(err)
			}
			ours := map[rune]int{}
			for _, p := range pages {
				for _, l := range pageLines(p) {
					for _, r := range l.text {
						if !unicode.IsSpace(r) {
							ours[fold(r)]++
						}
					}
				}
			}
			// -bbox lists the words as drawn (the plain output joins a
			// hyphen at a line end to the next line and drops it).
			args := []string{"-enc", "UTF-8", "-bbox"}
			if c.password != "" {
				args = append(args, "-upw", c.password)
			}
			out, err := exec.Command(pdftotext, append(args, path, "-")...).Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			theirs := map[rune]int{}
			var words strings.Builder
			for _, m := range wordRe.FindAllStringSubmatch(string(out), -1) {
				words.WriteString(html.UnescapeString(m[1]))
			}
			for _, r := range words.String() {
				if !unicode.IsSpace(r) {
					theirs[fold(r)]++
				}
			}
			var diff []string
			for r, n := range ours {
				if theirs[r] != n {
					diff = append(diff, fmt.Sprintf("%q ours %d, poppler %d", r, n, theirs[r]))
				}
			}
			for r, n := range theirs {
				if _, ok := ours[r]; !ok {
					diff = append(diff, fmt.Sprintf("%q ours 0, poppler %d", r, n))
				}
			}
			sort.Strings(diff)
			if len(diff) > 0 {
				t.Errorf("%d characters differ from pdftotext's:\n%s", len(diff), strings.Join(diff[:min(len(diff), 30)], "\n"))
			}
		})
	}
}

func goldenJSON(t *testing.T, path string, n *notice.Notice) {
	t.Helper()
	b, err := notice.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, path, b)
}

// TestCorpusPDF: the corpus PDF gives the corpus text's data. The PDF was
// made from a slightly different version of the text: where they differ,
// the PDF itself lacks the characters (its content stream draws no ，after
// "厂房" and no 、after "有限公司"; poppler and MuPDF read it the same way, a
// rendering shows none, and TestNothingLost holds us to poppler's count),
// and three joint issuers have no space between them. Everything else is
// identical.
func TestCorpusPDF(t *testing.T) {
	got, err := Read(context.Background(), mustRead(t, "../../testdata/corpus/notice-2025-libreoffice.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	goldenJSON(t, "../../testdata/corpus/notice-2025-libreoffice.golden.json", got)
	want, err := textnotice.Read(mustRead(t, "../../testdata/corpus/notice-2025-extracted.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Categories) != 21 || len(got.Issues()) != 63 {
		t.Fatalf("%d categories, %d issues", len(got.Categories), len(got.Issues()))
	}
	// What the PDF itself says where it differs from the text file.
	inPDF := map[string]string{
		"全面摸排园区闲置土地、厂房，并形成台账。":     "全面摸排园区闲置土地、厂房并形成台账。",
		"宁德市商务局 宁德市科学技术局 宁德市生态环境局": "宁德市商务局宁德市科学技术局宁德市生态环境局",
		"中共寿宁县委办公室 寿宁县人民政府办公室":     "中共寿宁县委办公室寿宁县人民政府办公室",
		"中共寿宁县纪律检查委员会 寿宁县监察委员会":    "中共寿宁县纪律检查委员会寿宁县监察委员会",
		"寿宁县金朝模具材料有限公司、寿宁县春权":      "寿宁县金朝模具材料有限公司寿宁县春权",
	}
	// …which the PDF's own text layer confirms, character for character.
	raw := ""
	lines, err := Text(context.Background(), mustRead(t, "../../testdata/corpus/notice-2025-libreoffice.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		raw += l.Text
	}
	for from, to := range inPDF {
		if strings.Contains(raw, from) || !strings.Contains(raw, to) {
			t.Errorf("the PDF's text has %q, not %q", from, to)
		}
	}
	adjusted := 0
	for _, is := range want.Issues() {
		for ai := range is.Actions {
			for from, to := range inPDF {
				if strings.Contains(is.Actions[ai].Text, from) {
					is.Actions[ai].Text = strings.Replace(is.Actions[ai].Text, from, to, 1)
					adjusted++
				}
			}
		}
	}
	if adjusted != len(inPDF) {
		t.Fatalf("adjusted %d actions, want %d", adjusted, len(inPDF))
	}
	for _, n := range []*notice.Notice{got, want} {
		for _, is := range n.Issues() {
			for ai := range is.Actions {
				is.Actions[ai].Dates = nil
			}
		}
	}
	if g, w := comparable(t, got), comparable(t, want); g != w {
		t.Errorf("corpus PDF and text differ beyond the PDF's own differences:\n%s", testutil.LineDiff(g, w, "pdf:  ", "text: "))
	}
}

// TestEncrypted: every Standard security handler qpdf writes (RC4 40 and
// 128 bit, AES-128, AES-256 R5 and R6), owner-only and with a user
// password, reads exactly as the unencrypted file it was made from; the
// owner password opens a file too, and a missing or wrong password is
// refused in the user's words.
func TestEncrypted(t *testing.T) {
	plain, err := Pages(context.Background(), mustRead(t, "../../testdata/pdf/libreoffice-flat-labels.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range fixtures(t) {
		if !strings.HasPrefix(c.pdf, "rc4-") && !strings.HasPrefix(c.pdf, "aes") {
			continue
		}
		n++
		t.Run(c.pdf, func(t *testing.T) {
			data := mustRead(t, c.path())
			for _, pw := range []string{c.password, "owner-secret"} {
				got, err := Pages(context.Background(), data, Options{Password: pw})
				if err != nil {
					t.Fatalf("password %q: %v", pw, err)
				}
				if !samePages(got, plain) {
					t.Errorf("password %q: the pages differ from the unencrypted file's", pw)
				}
			}
			if c.password == "" {
				return
			}
			for pw, want := range map[string]string{"": "--password", "wrong": "密码不正确"} {
				_, err := Pages(context.Background(), data, Options{Password: pw})
				if !errors.Is(err, diag.ErrNeedPassword) || !strings.Contains(err.Error(), want) {
					t.Errorf("password %q: %v, want %q", pw, err, want)
				}
			}
		})
	}
	if n < 11 {
		t.Errorf("%d encrypted fixtures, want 11", n)
	}
	// A handler other than the password one (certificates), an unknown
	// algorithm or revision: refused in words that say so.
	rc4 := mustRead(t, "../../testdata/pdf/rc4-40-owner-only.pdf")
	for from, to := range map[string]string{"/Filter /Standard": "/Filter /Adobe.PubSec", "/V 1": "/V 3", "/R 2": "/R 7"} {
		_, err := Pages(context.Background(), bytes.Replace(rc4, []byte(from), []byte(to), 1), Options{})
		if !errors.Is(err, ErrEncryption) || !strings.Contains(err.Error(), strings.TrimPrefix(strings.Fields(to)[1], "/")) {
			t.Errorf("%s: %v", to, err)
		}
	}
	// /Encrypt spelled with a # escape: the library, which would decrypt
	// this RC4 file itself, leaves it to our layer all the same.
	escaped := bytes.Replace(mustRead(t, "../../testdata/pdf/rc4-40-owner-only.pdf"), []byte("/Encrypt"), []byte("/Encr#79pt"), 1)
	if _, ok := libDoc(escaped, newGuard(context.Background())); ok {
		t.Error("the library reads an encrypted file")
	}
	if got, err := Pages(context.Background(), escaped, Options{}); err != nil || !samePages(got, plain) {
		t.Errorf("/Encr#79pt: %v", err)
	}
}

// samePages: the same glyphs on pages of the same size. (Our lexer and the
// library's, which read the unencrypted file, can round a page size's last
// digit differently.)
func samePages(a, b []Page) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Number != b[i].Number || math.Abs(a[i].Width-b[i].Width) > 1e-9 || math.Abs(a[i].Height-b[i].Height) > 1e-9 ||
			!reflect.DeepEqual(a[i].Glyphs, b[i].Glyphs) {
			return false
		}
	}
	return true
}

func TestBadPDFs(t *testing.T) {
	_, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/aes256-user-password.pdf"), Options{})
	if !errors.Is(err, diag.ErrNeedPassword) || !strings.Contains(err.Error(), "--password") {
		t.Errorf("user password: %v", err)
	}
	if _, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/aes256-user-password.pdf"), Options{Password: "user-secret"}); err != nil {
		t.Errorf("with the password: %v", err)
	}
	if _, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/aes256-user-password.pdf"), Options{Password: "wrong"}); !errors.Is(err, diag.ErrNeedPassword) {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/scanned.pdf"), Options{}); !errors.Is(err, ErrNoText) {
		t.Errorf("scanned: %v", err)
	}
	full := mustRead(t, "../../testdata/pdf/rectify-aspects.pdf")
	for _, cut := range []int{100, len(full) / 3, len(full) - 200} {
		if _, err := Read(context.Background(), full[:cut], Options{}); err == nil {
			t.Errorf("truncated at %d: no error", cut)
		}
	}
	// A /Size far beyond the objects is harmless: nothing is allocated by it.
	huge := bytes.Replace(mustRead(t, "../../testdata/pdf/gbk-euc-h-aspects.pdf"), []byte("/Size "), []byte("/Size 999999999"), 1)
	if n, err := Read(context.Background(), huge, Options{}); err != nil || len(n.Issues()) == 0 {
		t.Errorf("huge /Size: %v", err)
	}
}

func TestLexerEnds(t *testing.T) {
	// Unterminated strings and arrays, stray delimiters: every call ends.
	for _, s := range []string{"<48656c", "(abc", "[1 2 (x", "<< /A", ">>>>", "BI /W 1 ID xxxx", "%comment", "\\"} {
		n := 0
		ops(nil, []byte(s+" Tj"), func(op string, a []operand) { n++ })
		_ = n
	}
}

// FuzzRead: no input may panic, hang or grow without bound. The seeds are
// small files of each structure (classic table, cross-reference and object
// streams, Identity-H with ToUnicode and ActualText, GBK-EUC-H, Type 3).
func FuzzRead(f *testing.F) {
	for _, seed := range fuzzSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		Read(context.Background(), data, Options{Timeout: 5e9})
		if el := time.Since(start); el > 2*time.Second {
			t.Fatalf("took %v", el)
		}
	})
}

func fuzzSeeds() [][]byte {
	page := func(content string, font string) []byte {
		return pdfOf([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
			stream(content),
			font,
			stream("1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <6574> <0002> <6539> endbfchar 1 beginbfrange <0003> <0004> <0031> endbfrange"),
		})
	}
	return [][]byte{
		page("BT /F1 12 Tf 72 720 Td (Hello) Tj ET", winAnsiFont),
		page("BT /F1 16 Tf 72 720 Td <00010002> Tj /Span << /ActualText <feff80f6> >> BDC <0003> Tj EMC [<0004> -120 <0001>] TJ ET",
			"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 6 0 R /DescendantFonts [<< /Subtype /CIDFontType2 /W [1 [1000 1000]] >>] >>"),
		page("BT /F1 16 Tf 72 720 Td <c4e3bac3> Tj ET",
			"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /GBK-EUC-H /DescendantFonts [<< /Subtype /CIDFontType0 /DW 1000 >>] >>"),
		page("BT /F1 16 Tf 72 720 Td (ab) Tj ET",
			"<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 97 /LastChar 98 /Widths [500 500] /Encoding << /Differences [97 /uni6574 /g2] >> /ToUnicode 6 0 R /CharProcs << >> >>"),
		objStmPDF(),
	}
}

// objStmPDF is a small PDF 1.5 file: its catalog, page tree and page in an
// object stream (FlateDecode), found through a cross-reference stream.
func objStmPDF() []byte {
	objs := []string{"<< /Type /Catalog /Pages 3 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 5 0 R >>"}
	var head, body bytes.Buffer
	for i, o := range objs {
		fmt.Fprintf(&head, "%d %d ", i+2, body.Len())
		body.WriteString(o + " ")
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(append(head.Bytes(), body.Bytes()...))
	zw.Close()
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off1 := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<< /Type /ObjStm /N 3 /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n", head.Len(), z.Len(), z.Bytes())
	off5 := b.Len()
	b.WriteString("5 0 obj\n" + stream("BT /F1 12 Tf 72 720 Td (Hi) Tj ET") + "\nendobj\n")
	off6 := b.Len()
	rows := []byte{ // W [1 2 1]: type, offset or object stream, generation or index
		0, 0, 0, 0,
		1, byte(off1 >> 8), byte(off1), 0,
		2, 0, 1, 0,
		2, 0, 1, 1,
		2, 0, 1, 2,
		1, byte(off5 >> 8), byte(off5), 0,
		1, byte(off6 >> 8), byte(off6), 0,
	}
	fmt.Fprintf(&b, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 1] /Root 2 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", len(rows), rows, off6)
	return b.Bytes()
}

// FuzzContent: the content and CMap lexer ends, within its limits, on
// anything.
func FuzzContent(f *testing.F) {
	f.Add([]byte("BT /F1 16 Tf 10 10 Td <c4e3bac3> Tj ET"))
	f.Add([]byte("q 1 0 0 1 0 0 cm BT [(a) -20 (b)] TJ /P << /MCID 0 >> BDC ET Q"))
	f.Add([]byte("1 begincodespacerange <00> <ff> endcodespacerange 1 beginbfrange <20> <7e> [<0041> <0042>] endbfrange"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var err error
		func() {
			defer catch(&err)
			ops(nil, data, func(op string, a []operand) {})
		}()
		func() {
			defer catch(&err)
			m := parseCMap(nil, data)
			var memo map[string]string
			m.lookup("\x00\x20", &memo)
		}()
		if err != nil && !errors.Is(err, ErrLimit) {
			t.Fatalf("not a limit: %v", err)
		}
	})
}

// BenchmarkRead times Read (the text layer, lines, paragraphs, the notice
// grammar) from bytes in memory, on the files scripts/bench.sh times as
// whole commands: the 29-page corpus notice as each producer made it, and
// a 3-page notice of each.
func BenchmarkRead(b *testing.B) {
	for _, f := range []string{"pdf/libreoffice_notice-2025-extracted.pdf", "pdf/chromium_notice-2025-extracted.pdf", "pdf/chromium-truetype_notice-2025-extracted.pdf",
		"pdf/wordlike_notice-2025-extracted.pdf", "pdf/gbk-euc-h_notice-2025-extracted.pdf", "pdf/rectify_notice-2025-extracted.pdf",
		"corpus/notice-2025-libreoffice.pdf", "pdf/libreoffice_scheme-aspects.pdf", "pdf/chromium_scheme-aspects.pdf",
		"pdf/chromium-aspects-truetype.pdf", "pdf/gbk-euc-h-aspects.pdf", "pdf/rectify-aspects.pdf"} {
		data := mustRead(b, "../../testdata/"+f)
		b.Run(filepath.Base(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := Read(context.Background(), data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestGBKAsDecoderString: fontUse.gbk decodes every one- and two-byte code,
// and four-byte GB 18030 codes, as the GB 18030 decoder's String does
// (nothing where it fails), the first time and from its memo.
func TestGBKAsDecoderString(t *testing.T) {
	var codes []string
	for a := range 256 {
		codes = append(codes, string([]byte{byte(a)}))
		for b := range 256 {
			codes = append(codes, string([]byte{byte(a), byte(b)}))
		}
	}
	for _, c := range []string{"\x81\x30\x81\x30", "\x84\x31\xa4\x39", "\x90\x30\x81\x30", "\xe3\x32\x9a\x35", "\xff\xff\xff\xff", "\x81\x30\x81", "\x81\x30"} {
		codes = append(codes, c)
	}
	f := &fontUse{}
	for pass := range 2 {
		for _, c := range codes {
			want, err := simplifiedchinese.GB18030.NewDecoder().String(c)
			if err != nil {
				want = ""
			}
			if got := f.gbk(c); got != want {
				t.Fatalf("pass %d: % x gives %q, the decoder %q", pass, c, got, want)
			}
		}
	}
}
