package notice

import (
	"cmp"
	"strings"
)

// AddTables puts the issues read from tables inside a notice (a Word table,
// a ruled table in a PDF, whose header is a ledger's) into the notice: as
// its issue list when the text has none, with each table's categories after
// the text's. headings[i] is the level-1 heading ("二、…") standing above
// table i, or ""; that part of the notice then holds the issue list.
func (n *Notice) AddTables(tables []*Notice, headings []string) {
	for i, t := range tables {
		// A ledger table's 填报单位 and date, where the text names none.
		n.Issuer = cmp.Or(n.Issuer, t.Issuer)
		n.Date = cmp.Or(n.Date, t.Date)
		for _, c := range t.Categories {
			// Numbered as the grammar numbers a notice's categories: an
			// untitled one (a table without a category column) has none.
			c.Number = len(n.Categories) + 1
			if c.Title == "" {
				c.Number = 0
			}
			n.Categories = append(n.Categories, c)
		}
		if headings[i] == "" {
			continue
		}
		for si := range n.Sections {
			s := &n.Sections[si]
			if s.Kind == SectionNarrative && headings[i] == CNNumeral(s.Number)+"、"+s.Title {
				s.Kind = SectionIssues
			}
		}
	}
}

// SectionNumber reads the Chinese number of a level-1 heading "一、…", or 0.
func SectionNumber(s string) int {
	i := strings.Index(s, "、")
	if i <= 0 || i > 3*6 {
		return 0
	}
	for k := 1; k <= 99; k++ {
		if CNNumeral(k) == s[:i] {
			return k
		}
	}
	return 0
}
