// Package htmlnotice reads a notice from a web page as offices find it on a
// government site and save it from the browser: .html ("网页，仅 HTML", or
// "网页，完整" beside its _files folder) and .mhtml/.mht ("网页，单个文件").
// The page's article is found by where its reading text is (not by one
// site's class names), the site's chrome around it is left out, and its
// paragraphs and tables go the way a Word file's do: paragraphs through
// the text grammar, a table with a ledger's header through the ledger rules.
package htmlnotice

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
)

// Limits. A notice's page is well under a megabyte of HTML (a WeChat
// article with its inline styles, 2–3 MB); x/net/html sets no limit on
// nesting or size, so these are checked before and after parsing.
const (
	// MaxPageBytes bounds the page's HTML (an MHTML's page part).
	MaxPageBytes = 16 << 20
	// maxElements bounds the tags a page opens (memory for the tree).
	maxElements = 300_000
	// maxDepth bounds how deep elements nest (the reader walks the tree
	// recursively); real pages nest a few dozen deep.
	maxDepth = 400
)

var errTooLarge = fmt.Errorf("网页过大（超过 %d MB），不像一份通报", MaxPageBytes>>20)

// ErrNoArticle is a page in which no notice text was found.
var ErrNoArticle = errors.New("网页中没有找到通报的正文（标题、问题清单或整改情况）")

// noticeTitle is what a notice's title says (通报, 整改, 巡察…).
var noticeTitle = regexp.MustCompile(`通报|整改|巡察|巡视|审计|问题|情况|报告|方案`)

// Read reads a notice from a saved web page (.html, .htm, .mhtml, .mht).
// In a web archive the main page is read first, then its frames' pages
// (old CMSes show the article in an <iframe>) until one holds a notice.
func Read(ctx context.Context, data []byte) (*notice.Notice, error) {
	if !IsMHTML(data) {
		return readPage(ctx, data, "")
	}
	pages, err := mhtmlPages(data)
	if err != nil {
		return nil, err
	}
	var first error
	for _, p := range pages {
		n, err := readPage(ctx, p.body, p.charset)
		if err == nil {
			return n, nil
		}
		if first == nil {
			first = err
		}
		if !errors.Is(err, ErrNoArticle) {
			break
		}
	}
	return nil, first
}

// readPage reads a notice from one page's bytes; declared is the charset
// an archive's part declares for it.
func readPage(ctx context.Context, data []byte, declared string) (*notice.Notice, error) {
	p, err := parsePage(data, declared)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var w walker
	w.walk(p.root)
	w.endBlock()

	var paras []textnotice.Para
	var ledgers []*notice.Notice
	var ledgerHeading []string
	lastHeading := ""
	lineNo := 0
	addLines := func(ls []line) {
		var lines []textnotice.Line
		for _, l := range ls {
			lineNo++
			norm := strings.TrimSpace(textnotice.NormalizeLine(l.text))
			if norm == "" || textnotice.IsPageNumber(norm) || isChrome(norm) {
				continue
			}
			lines = append(lines, textnotice.Line{Text: norm, Raw: l.text, Line: lineNo, HasIndent: true, Indented: l.indented})
		}
		for _, q := range textnotice.JoinBlock(lines) {
			if textnotice.IsPartHeading(q.Text) {
				lastHeading = q.Text
			}
			paras = append(paras, q)
		}
	}
	if p.title != "" && !startsWithTitle(w.blocks, p.title) {
		addLines([]line{{text: p.title}})
	}
	tables := 0
	var above []string // the text since the last table: a ledger's title and 填报 lines
	for _, b := range w.blocks {
		if b.table == nil {
			addLines(b.lines)
			for _, l := range b.lines {
				above = append(above, l.text)
			}
			continue
		}
		tables++
		n := ledger.FromTable(tables, b.table.rows, b.table.merges, above)
		above = nil
		if n != nil {
			ledgers = append(ledgers, n)
			ledgerHeading = append(ledgerHeading, lastHeading)
			lineNo += len(b.table.rows)
			continue
		}
		// Any other table reads as text, cell by cell, so nothing vanishes.
		for _, tb := range tableText(b.node) {
			addLines(tb.lines)
		}
	}
	if len(paras) == 0 && len(ledgers) == 0 {
		return nil, ErrNoArticle
	}
	n, err := textnotice.WithTables(paras, ledgers, ledgerHeading)
	if errors.Is(err, textnotice.ErrNoNotice) {
		return nil, ErrNoArticle
	}
	if err != nil {
		return nil, err
	}
	if len(n.Issues()) == 0 && len(n.Sections) == 0 && !noticeTitle.MatchString(n.Title) {
		// Any titled text is a notice to the text grammar; a web page is
		// more often something else the user saved (a site's front page,
		// a news item), which says none of a notice's words.
		return nil, ErrNoArticle
	}
	if n.Date == "" && p.pubDate != "" {
		// The site's publication date stands in for a notice that states
		// none: a page is published on or after the day it was written.
		n.Date = p.pubDate
	}
	return n, nil
}

// startsWithTitle reports whether the article's first lines already say
// the title (the page repeats it in the body, or sets the issuer above it).
func startsWithTitle(blocks []block, title string) bool {
	t := squeeze(title)
	seen := 0
	for _, b := range blocks {
		for _, l := range b.lines {
			s := squeeze(l.text)
			if strings.Contains(s, t) || (hanCount(s) >= 2 && strings.Contains(t, s)) {
				return true
			}
			if seen++; seen >= 3 {
				return false
			}
		}
		if b.table != nil {
			return false
		}
	}
	return false
}

// parsePage decodes and parses a page within the limits, and finds its
// article.
func parsePage(data []byte, declared string) (*page, error) {
	if len(data) > MaxPageBytes {
		return nil, errTooLarge
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("网页是空的")
	}
	if looksBinary(data) {
		return nil, errors.New("文件含有二进制内容，不是网页")
	}
	text, err := decode(data, declared)
	if err != nil {
		return nil, err
	}
	if err := checkTags(text); err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("网页无法解析：%v", err)
	}
	if depth(doc, 0) > maxDepth {
		return nil, fmt.Errorf("网页的元素嵌套超过 %d 层，不像一份通报", maxDepth)
	}
	p := analyse(doc)
	if p.root == nil {
		return nil, ErrNoArticle
	}
	return p, nil
}

// looksBinary reports NUL and other control bytes a text never has, in the
// page's first 8 KB (UTF-16 pages start with a BOM and are decoded first).
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return false
	}
	head := data[:min(len(data), 8192)]
	bad := 0
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b {
			bad++
		}
	}
	return bad > 0 && bad*100 >= len(head)
}

// checkTags counts the tags a page opens and how deep they could nest,
// before the parser builds a tree of them. Depth is counted without the
// elements whose end tags HTML lets pages leave out (p, li, td, …), so it
// is an upper bound only for pages that close what they must.
func checkTags(text string) error {
	z := html.NewTokenizer(strings.NewReader(text))
	z.SetMaxBuf(MaxPageBytes)
	elements, sawTag := 0, false
	var open []atom.Atom
	for {
		switch z.Next() {
		case html.ErrorToken:
			if !sawTag {
				return errors.New("文件中没有网页标记（<html>、<p> 等），不是网页；如果是通报文字，请把扩展名改为 .txt")
			}
			return nil
		case html.StartTagToken:
			sawTag = true
			if elements++; elements > maxElements {
				return fmt.Errorf("网页的元素超过 %d 个，不像一份通报", maxElements)
			}
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidElements[a] || optionalEnd[a] {
				continue
			}
			if open = append(open, a); len(open) > 4*maxDepth {
				return fmt.Errorf("网页的元素嵌套超过 %d 层，不像一份通报", maxDepth)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == a {
					open = open[:i]
					break
				}
			}
		case html.SelfClosingTagToken, html.DoctypeToken:
			sawTag = true
		}
	}
}

var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

var optionalEnd = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Option: true, atom.Optgroup: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Colgroup: true, atom.Rb: true, atom.Rt: true, atom.Rp: true, atom.Rtc: true,
	atom.Html: true, atom.Head: true, atom.Body: true,
}

// depth is how deep the tree under n nests, stopping once past maxDepth.
func depth(n *html.Node, d int) int {
	if d > maxDepth {
		return d
	}
	deepest := d
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		deepest = max(deepest, depth(c, d+1))
		if deepest > maxDepth {
			break
		}
	}
	return deepest
}
