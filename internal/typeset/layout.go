// Package typeset lays a notice out on the GB/T 9704-2012 page grid: CJK
// line breaking with 禁则, justification, pagination with keeps, page
// numbers. It knows nothing of PDF: it outputs pages of positioned glyphs
// that a test can print as text and the renderer draws with fpdf.
//
// Every glyph of a body line starts on the half-cell grid (the cell is
// 156/28 mm):
//
//   - Ideographs and full-width punctuation take one cell; quotes, dashes,
//     ellipses and the middle dot too (GB/T 15834). A font whose quote is
//     narrow has it placed in the cell at its side: an opening mark to the
//     right, a closing mark to the left.
//   - Digits take half a cell each (tabular figures), drawn from its left
//     edge; so do Latin letters in a font that draws them half-width.
//     Letters and signs of a proportional font keep their widths (half cells
//     would leave gaps text extraction takes for spaces), and each run of
//     narrow characters is padded to a whole number of half cells, so the
//     text after a word or number is back on the grid.
//
// Lines are broken at UAX #14 opportunities under the 禁则 (no closing or
// pausing mark starts a line, no opening mark ends one, —— …… stay whole),
// and never inside a run of ASCII letters, digits and signs (a word, a
// number, an e-mail address, a URL) unless the run is longer than a line:
// then it starts where it is (if a quarter of the line is left) and breaks
// after its last @ . / - _ that fits. Then, in this order,
// in the manner of CLREQ and JLREQ:
//
//  1. Adjacent marks: of two adjacent punctuation marks the blank between
//     them is halved: a closing mark before another mark is set in half a
//     cell (）：  》，  》（  。”), an opening mark after an opening mark
//     likewise (（“).
//  2. Line-end push-in: when the next unbreakable piece overflows the line
//     by at most one cell, marks on the line are compressed to half a cell,
//     the last first, to pull it in, rather than pushing a character out and
//     spreading the line. Never both marks of an adjacent pair, never an
//     opening mark at the line's start.
//  3. Spreading, last and only as far as needed, each step in half cells so
//     the grid holds: (a) marks compressed by rule 1 get their half back;
//     (b) half a cell goes on the blank side of marks, at most one per mark,
//     spread along the line; (c) likewise where Chinese meets Latin letters
//     or digits; (d) half cells go between ideographs, evenly placed; (e) a
//     remainder under half a cell (only with glyphs off the grid) is shared
//     by all gaps outside Latin words.
//
// The last line of a paragraph is set flush left and never spread.
//
// Titles break first between the issuer and "关于…", then each part into as
// few lines as it needs, balanced, at the boundaries of the genre's words.
// Page numbers follow §7.5: every page, the 版记 page included, except a
// blank page before the 版记 page and that page; the 版记 goes on the last,
// even page.
package typeset

// Face names the typeface of a role; the renderer maps faces to fonts.
type Face string

// Faces of GB/T 9704 §7.
const (
	FaceTitle    Face = "title"    // 小标宋
	FaceHei      Face = "hei"      // 黑体
	FaceKai      Face = "kai"      // 楷体
	FaceFang     Face = "fang"     // 仿宋
	FaceSong     Face = "song"     // 宋体 (page numbers)
	FaceFallback Face = "fallback" // full-coverage last resort
)

// Element is the face, size and colour of one kind of text.
type Element struct {
	Face  Face    `json:"face"`
	Size  float64 `json:"size"`            // pt
	Color string  `json:"color,omitempty"` // "#RRGGBB", default black
}

// Layout is the page and type specification. The default encodes GB/T 9704;
// templates/gbt9704.json holds the same figures for a user to copy and change.
type Layout struct {
	PageWidth  float64 `json:"page_width"`  // mm, A4 210
	PageHeight float64 `json:"page_height"` // mm, A4 297
	Top        float64 `json:"top"`         // 天头 37 mm (§5.2.1)
	Left       float64 `json:"left"`        // 订口 28 mm
	AreaWidth  float64 `json:"area_width"`  // 版心 156 mm
	AreaHeight float64 `json:"area_height"` // 版心 225 mm
	Lines      int     `json:"lines"`       // 22 lines a page (§5.2.2)
	Chars      int     `json:"chars"`       // 28 characters a line

	Title     Element `json:"title"`      // 二号小标宋 (§7.3.3)
	Body      Element `json:"body"`       // 三号仿宋 (§7.3.5)
	Heading1  Element `json:"heading1"`   // 三号黑体
	Heading2  Element `json:"heading2"`   // 三号楷体, lead sentence
	Folio     Element `json:"folio"`      // 四号宋体 page number (§7.5)
	Mark      Element `json:"mark"`       // 发文机关标志, red 小标宋 (§7.2.3)
	DocNumber Element `json:"doc_number"` // 发文字号, 三号仿宋 (§7.2.4)
	Colophon  Element `json:"colophon"`   // 版记, 四号仿宋 (§7.4)

	FolioOffset float64 `json:"folio_offset"` // 7 mm under the type area (§7.5)
	MarkTop     float64 `json:"mark_top"`     // 35 mm from the type area's top to the mark's top edge
	RuleGap     float64 `json:"rule_gap"`     // 4 mm from the document number to the red rule
	RuleColor   string  `json:"rule_color"`
}

// Default is GB/T 9704-2012 in figures.
func Default() Layout {
	return Layout{
		PageWidth: 210, PageHeight: 297, Top: 37, Left: 28, AreaWidth: 156, AreaHeight: 225, Lines: 22, Chars: 28,
		Title:       Element{Face: FaceTitle, Size: 22},
		Body:        Element{Face: FaceFang, Size: 16},
		Heading1:    Element{Face: FaceHei, Size: 16},
		Heading2:    Element{Face: FaceKai, Size: 16},
		Folio:       Element{Face: FaceSong, Size: 14},
		Mark:        Element{Face: FaceTitle, Size: 36, Color: "#E60012"},
		DocNumber:   Element{Face: FaceFang, Size: 16},
		Colophon:    Element{Face: FaceFang, Size: 14},
		FolioOffset: 7, MarkTop: 35, RuleGap: 4, RuleColor: "#E60012",
	}
}

// Pitch is the grid's line pitch in mm: 225/22 ≈ 10.23.
func (l Layout) Pitch() float64 { return l.AreaHeight / float64(l.Lines) }

// Cell is the grid's character pitch in mm: 156/28 ≈ 5.57.
func (l Layout) Cell() float64 { return l.AreaWidth / float64(l.Chars) }

const ptToMM = 25.4 / 72
