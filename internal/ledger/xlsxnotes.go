package ledger

// What a sheet says beside its cells' text: hyperlinks (a 佐证材料 cell
// linked to the file) and comments (批注). Both go into the remarks of the
// issue on their row, so that nothing an office wrote vanishes.

import (
	"encoding/xml"
	"path"
	"strings"
)

// linkRef is a <hyperlink> of a sheet: its cell and its relationship.
type linkRef struct{ ref, rid string }

// readNotes reads the hyperlink targets and comments of the sheet stored in
// part into g.Links and g.Comments.
func (b *xlsxBook) readNotes(part string, g *Grid) error {
	if len(b.links) == 0 && !b.comments {
		return nil
	}
	relsPath := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	if _, ok := b.files[relsPath]; !ok {
		return nil
	}
	targets := map[string]string{}
	var comments []string
	err := b.part(relsPath, maxPartXML, false, func(_ *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "Relationship" {
			return nil
		}
		t := attr(se, "Target")
		switch typ := attr(se, "Type"); {
		case strings.HasSuffix(typ, "/hyperlink"):
			targets[attr(se, "Id")] = t
		case strings.HasSuffix(typ, "/comments"):
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join(path.Dir(part), t)
			}
			comments = append(comments, t)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, l := range b.links {
		c, r, ok := cellRef(strings.SplitN(l.ref, ":", 2)[0])
		if t := targets[l.rid]; ok && t != "" {
			if g.Links == nil {
				g.Links = map[[2]int]string{}
			}
			g.Links[[2]int{r, c}] = t
		}
	}
	for _, name := range comments {
		if err := b.readComments(name, g); err != nil {
			return err
		}
	}
	return nil
}

// readComments reads a comments part: each comment's text without the
// "author:" line Excel and WPS put first.
func (b *xlsxBook) readComments(name string, g *Grid) error {
	var authors []string
	return b.part(name, maxPartXML, false, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "author":
			a, err := elementText(d, false)
			if err != nil {
				return err
			}
			authors = append(authors, a)
		case "comment":
			all, err := elementText(d, true)
			if err != nil {
				return err
			}
			col, row, ok := cellRef(attr(se, "ref"))
			if !ok {
				return nil
			}
			text := commentText(all, authors)
			if text == "" {
				return nil
			}
			if g.Comments == nil {
				g.Comments = map[[2]int]string{}
			}
			g.Comments[[2]int{row, col}] = text
		}
		return nil
	})
}

// elementText reads the text up to the end of the element just opened: of
// its <t> elements only when inT (a comment's runs; the white space between
// elements is no text), phonetic runs left out. The part is read with
// RawToken, so the element is walked by hand.
func elementText(d *xml.Decoder, inT bool) (string, error) {
	var b strings.Builder
	depth, phonetic, t := 1, 0, 0
	for depth > 0 {
		tok, err := d.RawToken()
		if err != nil {
			return "", errXLSXDamaged
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "rPh":
				phonetic++
			case "t":
				t++
			}
		case xml.EndElement:
			depth--
			switch e.Name.Local {
			case "rPh":
				phonetic--
			case "t":
				t--
			}
		case xml.CharData:
			if phonetic == 0 && (t > 0 || !inT) && b.Len() < maxCellChars*4 {
				b.Write(e)
			}
		}
	}
	return b.String(), nil
}
