package textnotice

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// Para is one paragraph of the notice after lines are joined, with where its
// first line stood in the source.
type Para struct {
	Text string
	Page int // from 1; form feeds (\f) start a new page
	Line int // line number in the source, from 1
}

// Line is one line of source as a reader sees it. The PDF reader builds
// these from glyph positions; the text reader from the file's lines.
type Line struct {
	Text       string
	Raw        string // the line as the source had it, before normalisation
	Page       int
	Line       int
	BreakAfter bool // the source put a blank line or a page break after this line
	PageEnd    bool // the last line of a page
	// Indented is set when a layout-aware reader saw a first-line indent;
	// HasIndent says whether the reader knows indents at all.
	Indented, HasIndent bool
	// Width is the line's width in character cells as the source set it,
	// before stray spaces were removed: how full the line was.
	Width float64
}

// isStarter reports whether a line can only begin a paragraph: a numbered
// heading, a labelled part, or a date alone.
func isStarter(s string) bool {
	return isHeading(s) || labelRe.MatchString(s) || bracketLabelRe.MatchString(s) || notice.ParseWholeDate(s) != ""
}

const terminals = "。！？；…”’）》!?;"

func endsTerminal(s string) bool {
	if s == "" {
		return true
	}
	last, n := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(terminals, last) {
		// "）" and "”" end a sentence only after a full stop or at a heading;
		// "（2024〕4号）" inside a sentence does not.
		if last == '）' || last == '”' || last == '’' || last == '》' {
			before, m := utf8.DecodeLastRuneInString(s[:len(s)-n])
			return m > 0 && strings.ContainsRune("。！？；", before)
		}
		return true
	}
	return false
}

// SplitLines turns raw text into source lines: form feeds count pages, blank
// lines and page breaks mark BreakAfter, page numbers and running heads go.
func SplitLines(text string) []Line {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	raw := strings.Split(text, "\n")
	var lines []Line
	page := 1
	if !strings.Contains(text, "\f") {
		page = 0 // no page breaks known: positions are lines only
	}
	for i, r := range raw {
		for strings.HasPrefix(r, "\f") {
			page++
			r = r[1:]
			if len(lines) > 0 {
				lines[len(lines)-1].BreakAfter = true
				lines[len(lines)-1].PageEnd = true
			}
		}
		if strings.Contains(r, "\f") { // a form feed mid-line: treat as a break
			r = strings.ReplaceAll(r, "\f", " ")
		}
		// Word and WPS users indent with two full-width spaces: remember it.
		indented := strings.HasPrefix(r, "\u3000") || strings.HasPrefix(r, "  ") || strings.HasPrefix(r, "\t")
		r = mdHeadingRe.ReplaceAllString(strings.TrimSpace(r), "")
		if IsPageNumber(r) {
			if len(lines) > 0 {
				lines[len(lines)-1].BreakAfter = true
				lines[len(lines)-1].PageEnd = true
			}
			continue
		}
		t := NormalizeLine(r)
		if t == "" {
			if len(lines) > 0 {
				lines[len(lines)-1].BreakAfter = true
			}
			continue
		}
		lines = append(lines, Line{Text: t, Raw: r, Page: page, Line: i + 1, Width: max(displayWidth(r), displayWidth(t)), Indented: indented})
	}
	// Indents mark paragraphs only where the text uses them throughout.
	n := 0
	for _, l := range lines {
		if l.Indented {
			n++
		}
	}
	useIndent := n >= 3 && n*5 >= len(lines)
	for i := range lines {
		lines[i].HasIndent = useIndent
		lines[i].Indented = lines[i].Indented && useIndent
	}
	return dropRunningHeads(lines)
}

// dropRunningHeads removes a short line that repeats at two or more page
// ends or starts: a running head or foot. Repeated lines elsewhere
// ("整改时限：2025年12月") stay.
func dropRunningHeads(lines []Line) []Line {
	count := map[string]int{}
	for i, l := range lines {
		atEdge := l.PageEnd || (i > 0 && lines[i-1].PageEnd)
		if atEdge && displayWidth(l.Text) <= 30 {
			count[l.Text]++
		}
	}
	var out []Line
	for i, l := range lines {
		atEdge := l.PageEnd || (i > 0 && lines[i-1].PageEnd)
		if atEdge && count[l.Text] >= 2 {
			if l.PageEnd && len(out) > 0 {
				out[len(out)-1].BreakAfter, out[len(out)-1].PageEnd = true, true
			}
			continue
		}
		out = append(out, l)
	}
	return out
}

// wrapWidth estimates the width at which the source wrapped its lines, or 0
// when the lines are not hard-wrapped (one paragraph a line).
func wrapWidth(lines []Line) float64 {
	var ws []float64
	for i := 0; i+1 < len(lines); i++ {
		if !lines[i].BreakAfter {
			ws = append(ws, lineWidth(lines[i]))
		}
	}
	if len(ws) < 4 {
		return 0
	}
	sort.Float64s(ws)
	if lines[0].HasIndent {
		// A layout-aware reader measured the lines against the type area:
		// full lines are the widest common ones.
		return ws[len(ws)*9/10]
	}
	// The wrap width is the common width of the longest lines: take the
	// 75th percentile and require that many lines sit close under it.
	w := ws[len(ws)*3/4]
	near := 0
	for _, x := range ws {
		if x >= w-2.5 && x <= w+1 {
			near++
		}
	}
	if float64(near) < 0.4*float64(len(ws)) || mostlyEndSentences(lines, w) {
		return midSentenceWidth(lines)
	}
	return w
}

// midSentenceWidth finds hard wraps in a notice of many short paragraphs
// (one-line actions and headings keep the longest lines from being the
// common ones): lines that stop mid-sentence at one width, the width a
// copy out of a PDF or a mail program wrapped at. It is 0 when they do
// not agree, or when the lines never stop mid-sentence.
func midSentenceWidth(lines []Line) float64 {
	var ws []float64
	for i := 0; i+1 < len(lines); i++ {
		t := lines[i].Text
		// Headings and short labelled lines ("牵头领导：镇党委书记") end
		// without a mark too: they say nothing about wraps.
		if lines[i].BreakAfter || endsTerminal(t) || strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") ||
			isHeading(t) || labelRe.MatchString(t) && displayWidth(t) < 20 {
			continue
		}
		ws = append(ws, lineWidth(lines[i]))
	}
	if len(ws) < 4 {
		return 0
	}
	sort.Float64s(ws)
	w := ws[len(ws)*3/4]
	near := 0
	for _, x := range ws {
		if x >= w-2.5 && x <= w+1 {
			near++
		}
	}
	// Below 20 cells a "width" shared by unpunctuated lines is short
	// headings, not a wrap.
	if w < 20 || near < 4 || float64(near) < 0.6*float64(len(ws)) {
		return 0
	}
	return w
}

// mostlyEndSentences reports whether most lines near width w end a
// sentence: then the lines are paragraphs of similar length, one a line,
// not hard wraps (a wrap falls at a sentence's end only now and then).
func mostlyEndSentences(lines []Line, w float64) bool {
	near, ends := 0, 0
	for _, l := range lines {
		if x := lineWidth(l); x >= w-2.5 && x <= w+1 {
			near++
			if endsParagraph(l.Text) {
				ends++
			}
		}
	}
	return ends*2 > near
}

var titleBreakRe = lazyre.New(`^(\p{Han}{2,40}) (关于\p{Han}.*)$`)

// JoinLines joins source lines into paragraphs. A line continues the one
// before unless that one ended a sentence short of the wrap width, this one
// starts a numbered heading or label, or the one before was a short line
// (a heading). Across a blank line or page break, a paragraph continues only
// when it stopped mid-sentence: at full width, or inside open quotes or
// brackets.
func JoinLines(lines []Line) []Para {
	ww := wrapWidth(lines)
	// The source indents its paragraphs' first lines: a full line starts
	// indented (a centred title or a signature is indented but short).
	indents := sourceIndents(lines, ww)
	justified := isJustified(lines, ww)
	var hb *habits // read when first needed
	habitOf := func(s string) int {
		if hb == nil {
			hb = noticeHabits(lines, ww, justified)
		}
		return hb.of(s)
	}
	var paras []Para
	var cur strings.Builder
	var start Line
	inHeader := true // before the first sentence ends: the title zone
	flush := func() {
		if cur.Len() > 0 {
			// Lines were normalised one by one; a mark cut from its
			// context by a wrap ("联系电话" / ":0593…", "（" / "2)") is
			// normalised again in the joined paragraph.
			text := fixQuotes(NormalizeLine(cur.String()))
			// "××委员会 关于……的通报": a title copied out of a PDF keeps its
			// line break as a space before 关于; it was set on two lines.
			if m := titleBreakRe.FindStringSubmatch(text); inHeader && m != nil {
				paras = append(paras, Para{Text: m[1], Page: start.Page, Line: start.Line})
				text = m[2]
			}
			paras = append(paras, Para{Text: text, Page: start.Page, Line: start.Line})
			cur.Reset()
		}
	}
	var depth int          // open brackets and quotes in the paragraph so far
	var curW float64       // the paragraph's width so far
	var startsHeading bool // the paragraph starts with a numbered heading
	for i, l := range lines {
		if i == 0 {
			start = l
			cur.WriteString(l.Text)
			depth, curW, startsHeading = bracketDepth(l.Text), displayWidth(l.Text), isHeading(l.Text)
			continue
		}
		prev := lines[i-1]
		pw := lineWidth(prev)
		full := isFull(prev, &l, ww, justified)
		// Kept up to date line by line: recomputing them over the whole
		// paragraph would be quadratic in its length.
		open := depth > 0
		heading := startsHeading && curW < 40 && !open
		if indexAny(prev.Text, "。；") >= 0 {
			inHeader = false // a sentence has ended: the body has begun
		}
		var newPara bool
		switch {
		case i+1 < len(lines) && notice.ParseWholeDate(lines[i+1].Text) != "" && displayWidth(l.Text) <= 40:
			newPara = true // the signature above the date
		case notice.ParseWholeDate(prev.Text) != "" && cur.Len() == len(prev.Text):
			newPara = true // a date alone (the 成文日期, and the 版记 after it)
		case endsParagraph(prev.Text) && !open && contactLineRe.MatchString(l.Text) && beforeSignature(lines, i+1) &&
			!(indents && l.HasIndent && !l.Indented):
			// "联系电话：…" alone between the last sentence and the
			// signature: the contact line offices set on its own.
			newPara = true
		case endsTerminal(prev.Text) && !full:
			newPara = true
		case strings.HasPrefix(l.Text, "——") && strings.HasPrefix(cur.String(), "——") && endsClause(prev.Text) && !open:
			newPara = true // one dash item a paragraph: the next dash opens the next
		case endsParagraph(prev.Text) && !open && formulaRe.MatchString(l.Text):
			newPara = true // "特此报告。" is a paragraph of its own
		case webFurnitureRe.MatchString(l.Text) && !open:
			newPara = true // a web page's line (上一篇：…, 打印本页), never a wrap
		case justified && full && stretched(prev, ww) && !l.Indented && !inHeader:
			// Drawn out wider than its characters to reach the measure: a
			// justified line that wrapped, even before a label or a marker
			// ("…机制。" / "整改进度：…", "…；" / "（2）…"); a paragraph's
			// last line is set at its natural width.
			newPara = false
		case indents && l.HasIndent && prev.HasIndent && !l.Indented && full && (!prev.BreakAfter || prev.PageEnd) && !inHeader:
			// A layout-aware reader saw this line start at the margin under
			// a full one: a wrap, even before a marker ("…；" / "（2）…"),
			// and across a page end.
			// Only where paragraphs are indented: set flush left, every
			// line starts at the margin and that says nothing.
			newPara = false
		case endsParagraph(prev.Text) && !open && !inHeader && partHeadingLine(lines, i, ww, justified):
			// "…收回资金856万元。" filled the line and "三、巩固…" follows, a
			// short line without a stop: a part's heading, never the rest
			// of a sentence that had ended.
			newPara = true
		case !open && !inHeader && cur.Len() == len(prev.Text) && partHeadingLine(lines, i-1, ww, justified):
			newPara = true // under such a heading line, its part's text
		case full && l.HasIndent && !l.Indented && !heading && !inHeader && endsMidWord(prev.Text) && isHeading(l.Text):
			// A full line that stops mid-word ("…又坚持举一反") went on
			// where a line started with what reads as a marker ("三、建章立
			//制…"): a heading never follows an unfinished sentence.
			newPara = false
		case full && endsClause(prev.Text) && !open && continuesInlineList(cur.String(), l.Text):
			// "整改措施：（1）…；" filled the line and "（2）…" follows: a list
			// that began inside the paragraph goes on inside it.
			newPara = false
		case full && endsTerminal(prev.Text) && !open && !inHeader && habitOf(l.Text) != 0:
			// A full line that ends a sentence, then a label or a sentence
			// this notice writes the same way elsewhere: where it is plainly
			// written inline (after a full stop mid-line) or plainly as a
			// paragraph of its own (under a short line), it is so here.
			newPara = habitOf(l.Text) < 0
		case endsParagraph(prev.Text) && startsBracketStatus(l.Text) && !open:
			// "整改措施：…。" then "（已完成）…": a status in brackets opens the
			// progress part, as a marker opens an item.
			newPara = true
		case isStarter(l.Text) && !open:
			newPara = true
		case inHeader && startsTitleLine(l.Text) && !open:
			// A title is issuer + 关于 + matter + kind: a line that starts
			// at 关于 was set there, even under a line that fills the
			// measure (a long issuer's name).
			newPara = true
		case inHeader && l.HasIndent && ww > 0 && pw >= ww-1.5 && (!endsTitle(prev.Text) || strings.HasPrefix(l.Text, "的")):
			// A title line that filled the measure wrapped; even after
			// "…情况" when the next line goes on "的通报".
			newPara = false
		case inHeader && (endsTitle(prev.Text) || prev.BreakAfter):
			newPara = true
		case l.HasIndent && prev.HasIndent:
			// A layout-aware reader saw the first-line indent, or space
			// between paragraphs, or a short heading line. Without
			// first-line indents (a notice set flush left), a line that
			// stops well short of the measure is the last of its paragraph,
			// unless the next starts with a Latin word too long to fit.
			short := ww > 0 && pw < ww*0.75 && !open && !startsLatin(l.Text)
			newPara = l.Indented || (prev.BreakAfter && !prev.PageEnd) || (heading && !full) || short
		case prev.BreakAfter:
			switch {
			case endsParagraph(prev.Text):
				newPara = !prev.PageEnd
			case open:
				newPara = false
			case heading:
				newPara = true
			default:
				// Prose that stops mid-sentence at a break was cut by a page end.
				newPara = !full && curW < 20
			}
		case ww == 0:
			newPara = !open // one paragraph a line
		case endsTerminal(prev.Text):
			newPara = false // full line that happens to end a sentence
		default:
			newPara = pw < ww*0.75 && !open
		}
		if newPara {
			flush()
			start = l
			depth, curW, startsHeading = 0, 0, isHeading(l.Text)
		}
		joinText(&cur, l.Text)
		depth += bracketDepth(l.Text)
		curW += displayWidth(l.Text)
	}
	flush()
	return paras
}

// partHeadingLine reports whether line i is a level-1 heading set on a line
// of its own: "一、" and a short line that ends without a stop.
func partHeadingLine(lines []Line, i int, ww float64, justified bool) bool {
	l := lines[i]
	if k, _, _, _ := marker(l.Text); k != kindCNDun || endsTerminal(l.Text) {
		return false
	}
	if i+1 < len(lines) {
		return !isFull(l, &lines[i+1], ww, justified)
	}
	return true
}

// formulaRe is the closing formula of a notice or report, set alone.
var formulaRe = lazyre.New(`^特此(?:通报|报告|公告|说明|函告)。?$`)

// contactLineRe is a line that gives a contact detail under its label.
var contactLineRe = lazyre.New(`^(?:联系电话|监督电话|举报电话|联系人|电子邮箱|通信地址|通讯地址|联系地址)[：:]`)

// beforeSignature reports whether lines from i on are only the signature
// and date (or nothing).
func beforeSignature(lines []Line, i int) bool {
	for j := i; j < len(lines) && j < i+2; j++ {
		if notice.ParseWholeDate(lines[j].Text) != "" {
			return true
		}
	}
	return i >= len(lines)
}

// sourceIndents reports whether the source indents its paragraphs' first
// lines: full body lines start indented. Title lines are centred, and a long
// one is nearly full too, so the title zone (up to the first sentence's
// end) does not count.
func sourceIndents(lines []Line, ww float64) bool {
	if ww == 0 {
		return false
	}
	body := false
	for i, l := range lines {
		if body && l.Indented && lineWidth(l) >= ww-3 {
			return true
		}
		body = body || (i > 0 && strings.ContainsAny(lines[i-1].Text, "。；"))
	}
	return false
}

// endsMidWord: s ends with a character, not a mark that could close a
// heading or a sentence.
func endsMidWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.Is(unicode.Han, r) || isLatin(r) || (r >= '0' && r <= '9')
}

func endsClause(s string) bool {
	return strings.HasSuffix(s, "；") || strings.HasSuffix(s, ";")
}

// continuesInlineList reports whether line s opens with the next marker of
// a list that paragraph par runs inline: par has the marker before it
// ("（1）" for "（2）", "①" for "②"), and not at its start.
func continuesInlineList(par, s string) bool {
	k, num, _, mark := marker(s)
	if k == kindNone || num < 2 {
		return false
	}
	prev := previousMark(strings.TrimSpace(mark), k, num)
	if prev == "" {
		return false
	}
	// The item before is a line or two back: look at the paragraph's tail
	// only, so that a long paragraph is not searched once per line.
	from := max(0, len(par)-2048)
	i := strings.LastIndex(par[from:], prev)
	return i >= 0 && from+i > 0
}

// previousMark is the marker numbered one before mark (of kind k and number
// num) in the same family.
func previousMark(mark string, k, num int) string {
	switch k {
	case kindCircled:
		r, _ := firstRune(mark)
		return string(r - 1)
	case kindLatin:
		i := strings.IndexAny(mark, "abcdefghijklmnopqrstuvwxyz")
		return mark[:i] + string(rune(mark[i]-1)) + mark[i+1:]
	case kindCNDun, kindParenCN, kindOrdinal:
		cn := notice.CNNumeral(num)
		if !strings.Contains(mark, cn) {
			return ""
		}
		return strings.Replace(mark, cn, notice.CNNumeral(num-1), 1)
	default:
		d := digitsRe.FindStringIndex(mark)
		if d == nil {
			return ""
		}
		return mark[:d[0]] + strconv.Itoa(num-1) + mark[d[1]:]
	}
}

// isFull reports whether a line reached the wrap width: within three cells
// of it, or, set justified, at the measure itself (only a paragraph's last
// line stops short).
//
// A layout-aware reader knows more in ragged text too: a line is full only
// if the next line's first unbreakable piece would not have fitted after
// it; a sentence that ends with room for that piece ended its paragraph.
func isFull(l Line, next *Line, ww float64, justified bool) bool {
	if ww == 0 {
		return false
	}
	if justified {
		return lineWidth(l) >= ww-justifySlack
	}
	w := lineWidth(l)
	if w < ww-3 {
		return false
	}
	// (A first line's indent is counted in a PDF's widths and not in a
	// text file's: an indented line is left to the rules above.)
	if l.HasIndent && !l.Indented && next != nil && next.Text != "" {
		return ww-w < firstPieceWidth(next.Text)+0.25
	}
	return true
}

// noLineStart are the marks a line may not begin with, and noLineEnd those
// it may not end with: a line break never falls next to them.
const (
	noLineStart = "，。、；：？！）》」』”’…%,.;:?!)"
	noLineEnd   = "（《「『“‘("
)

// firstPieceWidth is the width of what a line break cannot split at the
// start of s: a Latin word or number, or a character with the opening marks
// before it and the closing marks after it.
func firstPieceWidth(s string) float64 {
	rs := []rune(s)
	i := 0
	for i < len(rs)-1 && strings.ContainsRune(noLineEnd, rs[i]) {
		i++
	}
	if isLatin(rs[i]) || (rs[i] >= '0' && rs[i] <= '9') {
		for i+1 < len(rs) && (isLatin(rs[i+1]) || (rs[i+1] >= '0' && rs[i+1] <= '9') || strings.ContainsRune("@._-/:", rs[i+1])) {
			i++
		}
	}
	for i+1 < len(rs) && strings.ContainsRune(noLineStart, rs[i+1]) {
		i++
	}
	return displayWidth(string(rs[:i+1]))
}

// openingKey is how a line opens, for comparing the notice's habits: a
// label with its colon ("整改进度："), or its first clause up to the first
// mark ("目前，", "目前已完成整改。"); "" for a numbered line or one too long
// to tell.
func openingKey(s string) string {
	if m := labelRe.FindString(s); m != "" {
		return strings.TrimSpace(m)
	}
	if isHeading(s) {
		return ""
	}
	i := strings.IndexAny(s, "，。：；")
	if i <= 0 || displayWidth(s[:i]) > 10 {
		return ""
	}
	_, n := firstRune(s[i:])
	return s[:i+n]
}

// habits counts how the notice writes each opening (openingKey): inline,
// after a full stop or semicolon mid-line, or as a paragraph of its own,
// under a line that ends a sentence short of the measure.
type habits struct{ inline, own map[string]int }

// noticeHabits reads the habits of the whole notice in one pass.
func noticeHabits(lines []Line, ww float64, justified bool) *habits {
	h := &habits{inline: map[string]int{}, own: map[string]int{}}
	for i, l := range lines {
		t := l.Text
		for {
			j := indexAny(t, "。；")
			if j < 0 {
				break
			}
			_, n := firstRune(t[j:])
			t = t[j+n:]
			if k := openingKey(t); k != "" {
				h.inline[k]++
			}
		}
		if i > 0 && endsTerminal(lines[i-1].Text) && !isFull(lines[i-1], &lines[i], ww, justified) {
			if k := openingKey(l.Text); k != "" {
				h.own[k]++
			}
		}
	}
	return h
}

// of tells how the notice writes the opening of line s elsewhere: 1 only
// inline, -1 only as its own paragraph, 0 when it does not say.
func (h *habits) of(s string) int {
	k := openingKey(s)
	switch {
	case k == "":
		return 0
	case h.inline[k] > 0 && h.own[k] == 0:
		return 1
	case h.own[k] > 0 && h.inline[k] == 0:
		return -1
	}
	return 0
}

// justifySlack is how far short of the measure a justified line may end
// (rounding, a last glyph's side bearing), in character cells.
const justifySlack = 0.6

// isJustified reports whether a layout-aware reader saw the text set
// justified: the lines that plainly wrapped (mid-sentence, the next line
// no heading or label) all end at the measure, where ragged text ends them
// a fraction of a cell or more short whenever a word or a mark did not fit.
func isJustified(lines []Line, ww float64) bool {
	if ww == 0 || len(lines) == 0 || !lines[0].HasIndent {
		return false
	}
	wraps, atMeasure := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		l := lines[i]
		if l.BreakAfter || endsTerminal(l.Text) || isStarter(lines[i+1].Text) || lines[i+1].Indented || lineWidth(l) < ww-3 {
			continue
		}
		wraps++
		// A closing mark may hang past the measure by its cell.
		if w := lineWidth(l); w >= ww-justifySlack/2 && (w <= ww+justifySlack/2 || w <= ww+1+justifySlack/2 && strings.ContainsAny(lastRune(l.Text), "，、：；。")) {
			atMeasure++
		}
	}
	return wraps >= 5 && atMeasure*10 >= wraps*9
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// stretched reports whether a line was drawn out to the measure, wider
// than its characters (beyond a first-line indent) by more than our
// estimate of them can be off: digits and Latin letters are proportional,
// and some producers put space around each run of them.
func stretched(l Line, ww float64) bool {
	if l.Width > ww+justifySlack {
		return false // past the measure: a mark hangs, nothing was drawn out
	}
	natural, runs, narrow := displayWidth(l.Text), 0, 0
	wasNarrow := false
	for _, r := range l.Text {
		n := displayWidth(string(r)) < 1
		if n {
			narrow++
			if !wasNarrow {
				runs++
			}
		}
		wasNarrow = n
	}
	if l.Indented {
		natural += 2
	}
	return l.Width-natural >= 1+0.5*float64(runs)+0.1*float64(narrow)
}

// startsBracketStatus: s opens with a status in brackets ("（已完成）",
// "【正在整改】"), not any bracket ("（南阳）…").
func startsBracketStatus(s string) bool {
	m := bracketStatusRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	st, _ := notice.FindStatus(m[1])
	return st != ""
}

// startsTitleLine: s starts the matter of a title, where a title set on
// several lines breaks after the issuer's name.
func startsTitleLine(s string) bool {
	return strings.HasPrefix(s, "关于")
}

func lineWidth(l Line) float64 {
	if l.Width > 0 {
		return l.Width
	}
	return displayWidth(l.Text)
}

func endsTitle(s string) bool {
	for _, suf := range []string{"通报", "报告", "通知", "情况", "公告", "公示", "清单", "：", "号"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// isHeading reports whether s starts with a numbered heading (not a label).
func isHeading(s string) bool {
	k, _, _, _ := marker(s)
	return k != kindNone
}

// endsParagraph is endsTerminal without the marks that end a clause but
// never a paragraph (；).
func endsParagraph(s string) bool {
	return endsTerminal(s) && !strings.HasSuffix(s, "；") && !strings.HasSuffix(s, ";")
}

// bracketDepth counts opening minus closing quotes and brackets in s: a
// paragraph with more open than closed was cut by a line or page break.
func bracketDepth(s string) int {
	depth := 0
	for _, r := range s {
		switch r {
		case '“', '（', '《', '〔', '【':
			depth++
		case '”', '）', '》', '〕', '】':
			depth--
		}
	}
	return depth
}

// joinText appends t to b, keeping one space only between Latin words
// that a line wrap separated.
func joinText(b *strings.Builder, t string) {
	if b.Len() > 0 {
		s := b.String()
		last, _ := utf8.DecodeLastRuneInString(s)
		first, _ := utf8.DecodeRuneInString(t)
		// Latin words wrapped at a line end were separated by a space,
		// unless they are one address or URL cut in two.
		if isLatin(last) && isLatin(first) && !strings.ContainsAny(lastWord(s)+firstWord(t), "@./:") {
			b.WriteByte(' ')
		}
	}
	b.WriteString(t)
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return r > 0x7f || r == ' ' })
	return s[i+1:]
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return r > 0x7f || r == ' ' }); i >= 0 {
		return s[:i]
	}
	return s
}

// startsLatin: s starts with a Latin word or a number, which a line break
// never splits (an e-mail address, a telephone number).
func startsLatin(s string) bool {
	r, _ := firstRune(s)
	return isLatin(r) || (r >= '0' && r <= '9')
}

func isLatin(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// Paragraphs is SplitLines followed by JoinLines.
func Paragraphs(text string) []Para { return JoinLines(SplitLines(text)) }

// WrapWidthForDebug exposes the estimate to tests.
func WrapWidthForDebug(text string) float64 { return wrapWidth(SplitLines(text)) }

// JoinBlock joins the lines of one block of a structured source (a Word
// paragraph with line breaks, a web page's block): one line is a paragraph,
// more are joined or kept apart by JoinLines's rules, as lines of text are.
func JoinBlock(lines []Line) []Para {
	switch len(lines) {
	case 0:
		return nil
	case 1:
		return []Para{{Text: lines[0].Text, Line: lines[0].Line}}
	}
	return JoinLines(lines)
}

// IsPartHeading reports a level-1 part heading ("二、巡察反馈问题的整改落实情况"):
// a structured source names the part a ledger table stands in by it.
func IsPartHeading(s string) bool {
	return strings.HasPrefix(s, notice.CNNumeral(notice.SectionNumber(s))+"、")
}
