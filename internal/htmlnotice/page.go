package htmlnotice

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rectify/rectify/internal/notice"
)

// A page is a parsed web page cut into what a reader of the notice reads
// (its article) and what the site wraps around every article (chrome).
type page struct {
	root  *html.Node // the article: the element holding the notice's text
	title string     // the article's title, as the page shows it
	// titleNode is the element showing the title, when the page has one.
	titleNode *html.Node
	pubDate   string // ISO date the site says it published the article
}

// unread are elements whose content is never text a reader sees.
var unread = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Frame: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Map: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Datalist: true,
	atom.Nav: true, atom.Dialog: true, atom.Link: true, atom.Meta: true, atom.Title: true,
}

// hidden reports an element the page does not show: the hidden attribute
// or an inline display:none (class-based CSS lives in files a saved page
// may not have, and is not read). visibility:hidden is not: WeChat serves
// its articles' text so and shows it by script.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") {
				return true
			}
		case "type":
			if strings.EqualFold(a.Val, "hidden") {
				return true
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// analyse finds the title, the publication date and the article. It
// changes doc: what is never read, and chrome blocks, are taken out.
func analyse(doc *html.Node) *page {
	p := &page{}
	metaTitle, titleTag := p.readHead(doc)
	body := findFirst(doc, atom.Body)
	if body == nil {
		body = doc
	}
	strip(body)
	p.dropChrome(body)
	p.findTitle(body, metaTitle, titleTag)
	p.root = articleRoot(body, p.titleNode)
	if p.pubDate == "" {
		p.pubDate = p.dateNearTitle(body)
	}
	return p
}

// readHead reads the <title> and the metas Chinese government sites carry
// by the national site standard (ArticleTitle, PubDate) or Open Graph.
func (p *page) readHead(doc *html.Node) (metaTitle, titleTag string) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if titleTag == "" {
					titleTag = collapse(textOf(n))
				}
			case atom.Meta:
				name := strings.ToLower(attr(n, "name") + attr(n, "property"))
				content := strings.TrimSpace(attr(n, "content"))
				switch name {
				case "articletitle", "og:title":
					if metaTitle == "" {
						metaTitle = collapse(content)
					}
				case "pubdate", "publishdate", "article:published_time", "og:article:published_time", "firstpublishedtime":
					if p.pubDate == "" {
						p.pubDate = findDate(content)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return metaTitle, titleTag
}

// strip takes out what is never read: scripts, styles, forms' controls,
// navigation, hidden elements and comments.
func strip(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || c.Type == html.DoctypeNode,
			c.Type == html.ElementNode && (unread[c.DataAtom] || hidden(c)):
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			strip(c)
		}
		c = next
	}
}

// chromeBlocks are the elements that may hold one piece of chrome as a
// whole: a meta line, a share bar, a footer.
var chromeBlocks = map[atom.Atom]bool{
	atom.Div: true, atom.P: true, atom.Span: true, atom.Td: true, atom.Tr: true, atom.Table: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Section: true, atom.Footer: true, atom.Header: true,
	atom.Font: true, atom.Center: true, atom.Em: true, atom.Strong: true, atom.B: true, atom.Small: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Dl: true, atom.Dd: true, atom.Dt: true,
}

// dropChrome takes out, from the top down, every element whose whole text
// is chrome (isChrome), keeping the first publication date such a block
// states ("发布时间：2025-07-15").
func (p *page) dropChrome(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			t := collapse(text(c, true, 4*maxChromeRunes*3))
			if chromeBlocks[c.DataAtom] && t != "" && isChrome(t) {
				if p.pubDate == "" {
					p.pubDate = labelledDate(t)
				}
				n.RemoveChild(c)
			} else {
				p.dropChrome(c)
			}
		}
		c = next
	}
}

// articleRoot is the deepest element holding at least articleShare of the
// page's reading text: Han characters outside links (navigation, lists of
// other articles and share buttons are links). Chrome is already gone. When
// the page shows the article's title, only text after it counts: an
// article starts at its title, and a column of the site's own prose beside
// it (机构职能, 领导信息) comes before it.
func articleRoot(body, title *html.Node) *html.Node {
	weights := map[*html.Node]int{}
	counting := title == nil
	var weigh func(n *html.Node, inLink bool) int
	weigh = func(n *html.Node, inLink bool) int {
		if n.Type == html.TextNode {
			if inLink || !counting {
				return 0
			}
			return hanCount(n.Data)
		}
		inLink = inLink || n.DataAtom == atom.A
		w := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w += weigh(c, inLink)
		}
		if n == title {
			counting = true
		}
		weights[n] = w
		return w
	}
	total := weigh(body, false)
	cur := body
	for {
		var best *html.Node
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (best == nil || weights[c] > weights[best]) {
				best = c
			}
		}
		if best == nil || float64(weights[best]) < articleShare*float64(total) {
			break
		}
		if best.DataAtom == atom.Table && dataTable(best) != nil {
			// An issue table holding most of the text is part of the
			// article, with the paragraphs around it, not all of it.
			break
		}
		cur = best
	}
	// A table's body or row is read as part of its table (a page that
	// is one table: a ledger exported from a web system as .xls).
	for cur.Parent != nil && (cur.DataAtom == atom.Tbody || cur.DataAtom == atom.Thead || cur.DataAtom == atom.Tfoot || cur.DataAtom == atom.Tr) {
		cur = cur.Parent
	}
	return cur
}

// articleShare: the article holds this much of a page's reading text. What
// chrome is left after dropChrome (a site's name, a column's title, an
// address in the footer) is a small part of any notice's page.
const articleShare = 0.8

// findTitle finds the article's title: the element the page's metadata or
// <title> agrees with best (the first of equals), else the first <h1>,
// else the metadata itself. Only text outside links counts.
func (p *page) findTitle(body *html.Node, metaTitle, titleTag string) {
	// Only what reads like an article's title is looked for: a <title>
	// that is the site's name alone would find the site's banner.
	var want []string
	if metaTitle != "" && titleLike.MatchString(metaTitle) {
		want = append(want, squeeze(metaTitle))
	}
	for _, seg := range titleSplit.Split(titleTag, -1) {
		if s := squeeze(seg); hanCount(s) >= 4 && titleLike.MatchString(s) {
			want = append(want, s)
		}
	}
	// agreement is how much of the metadata's title an element's text is:
	// all of it, more of it (a <title> cut short, or without the issuer),
	// or at least half.
	agreement := func(t string) int {
		t = squeeze(t)
		best := 0
		for _, w := range want {
			n, m := utf8.RuneCountInString(t), utf8.RuneCountInString(w)
			switch {
			case strings.Contains(t, w) && n <= 2*m+10:
				best = max(best, m)
			case strings.Contains(w, t) && 2*n >= m:
				best = max(best, n)
			}
		}
		return best
	}
	var agreed, h1 *html.Node
	agreedBy := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom == atom.A {
				continue
			}
			t := collapse(text(c, false, 600))
			if t == "" || hanCount(t) < 4 {
				continue
			}
			if len(t) < 600 {
				if c.DataAtom == atom.H1 && h1 == nil && titleLike.MatchString(t) {
					h1 = c
				}
				if a := agreement(t); a > agreedBy {
					agreed, agreedBy = c, a
					continue // the element itself, not a child of it
				}
			}
			walk(c)
		}
	}
	walk(body)
	switch {
	case agreed != nil:
		p.titleNode, p.title = agreed, collapse(textOf(agreed))
	case h1 != nil:
		p.titleNode, p.title = h1, collapse(textOf(h1))
	case metaTitle != "" && titleLike.MatchString(metaTitle):
		p.title = metaTitle
	default:
		for _, seg := range titleSplit.Split(titleTag, -1) {
			if hanCount(seg) >= 4 && titleLike.MatchString(seg) {
				p.title = strings.TrimSpace(seg)
				break
			}
		}
	}
}

// titleLike is what an article's title says and a site's name does not.
var titleLike = regexp.MustCompile(`关于|通报|整改|巡察|巡视|审计|问题|情况|报告|方案|通知|公告|意见|决定`)

// titleSplit cuts a <title> into the article's title and the site's and
// column's names ("关于…的通报_通知公告_福安市人民政府").
var titleSplit = regexp.MustCompile(`\s*(?:[_|｜—–]+|\s-\s|--)\s*`)

// dateNearTitle is the first date written between the title and the
// article (WeChat's "原创 福安纪检 2025年07月15日 10:20", a CMS's info line
// that dropChrome did not recognise).
func (p *page) dateNearTitle(body *html.Node) string {
	if p.titleNode == nil {
		return ""
	}
	found, between := "", false
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n == p.root {
			return true
		}
		if n == p.titleNode {
			between = true
			return false
		}
		if n.Type == html.TextNode && between {
			if d := findDate(n.Data); d != "" {
				found = d
				return true
			}
		}
		if n.DataAtom == atom.A {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(body)
	return found
}

var (
	dateRe     = regexp.MustCompile(`(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)
	labelledRe = regexp.MustCompile(`(?:发布时间|发布日期|发表时间|发文日期|日期|时间)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})`)
)

// findDate is the first valid date in s, ISO.
func findDate(s string) string {
	for _, m := range dateRe.FindAllStringSubmatch(s, 4) {
		if d := isoDate(m[1], m[2], m[3]); d != "" {
			return d
		}
	}
	return ""
}

func labelledDate(s string) string {
	if m := labelledRe.FindStringSubmatch(s); m != nil {
		return findDate(m[1])
	}
	return ""
}

func isoDate(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if yi < 1949 || yi > 2100 || mi < 1 || mi > 12 || di < 1 || di > notice.DaysIn(yi, mi) {
		return ""
	}
	return notice.ISODate(yi, mi, di)
}

func inLink(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.DataAtom == atom.A {
			return true
		}
	}
	return false
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

// textOf is the text under n, block boundaries as spaces.
func textOf(n *html.Node) string { return text(n, true, -1) }

// text is the text under n, with or without links' text, block boundaries
// as spaces; past limit bytes (when limit >= 0) it stops and returns what
// it has, so that looking at every element of a deep page for a short
// text costs no more than the short text.
func text(n *html.Node, links bool, limit int) string {
	var b strings.Builder
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.DataAtom == atom.A && !links:
			return true
		case n.DataAtom == atom.Br || blockElements[n.DataAtom]:
			b.WriteByte(' ')
		}
		if limit >= 0 && b.Len() > limit {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
	return b.String()
}

// collapse folds HTML white space runs (not no-break or ideographic spaces)
// into one space and trims the ends.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u3000'
	}), " ")
}

// squeeze is s without any space, for comparing titles.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

func hanCount(s string) int {
	k := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			k++
		}
	}
	return k
}
