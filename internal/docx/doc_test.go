package docx

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/textnotice"
)

// comparable is a notice's data without where each fact was read and how
// the source was set (a .doc and a .docx differ in both).
func comparable(t *testing.T, n *notice.Notice) map[string]any {
	t.Helper()
	testutil.StripSources(n)
	n.Style = nil
	for _, is := range n.Issues() {
		is.Layout = ""
	}
	for i := range n.Pending {
		n.Pending[i].Layout = ""
	}
	data, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestOldWord: .doc files saved by LibreOffice from the .docx fixtures
// (testdata/doc/make.sh) give the data of the .docx: text, tables with a
// vertically merged cell, tracked changes (deleted text and a deleted
// paragraph mark), fields, and Word's automatic numbering. Where
// LibreOffice's .doc export itself renumbered a list (numbers that ran on
// across categories start again), the .doc must read as LibreOffice reads
// it back (the issues of its plain-text export, .lo.txt), and must differ
// from the .docx.
func TestOldWord(t *testing.T) {
	renumbered := map[string]bool{"numbered-aspects": true, "numbered-mixed": true}
	for _, name := range []string{"libreoffice-text", "libreoffice-numbered", "numbered-aspects", "numbered-mixed", "numbered-parts", "table", "tracked"} {
		t.Run(name, func(t *testing.T) {
			got, err := Read(context.Background(), readFile(t, "../../testdata/doc/"+name+".doc"))
			if err != nil {
				t.Fatal(err)
			}
			docx, err := Read(context.Background(), readFile(t, "../../testdata/docx/"+name+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			same := reflect.DeepEqual(comparable(t, got), comparable(t, docx))
			if !renumbered[name] {
				if !same {
					t.Errorf("the .doc reads differently from the .docx")
				}
				return
			}
			if same {
				t.Errorf("listed as renumbered by LibreOffice's export, but reads as the .docx: take it off the list")
			}
			lo, err := textnotice.Read(readFile(t, "../../testdata/doc/"+name+".lo.txt"))
			if err != nil {
				t.Fatal(err)
			}
			// The issues are compared: LibreOffice's text export puts
			// paragraphs on lines without blank lines between them, and how
			// the text reader joins the last ones is no part of the .doc.
			if !reflect.DeepEqual(comparable(t, got)["categories"], comparable(t, lo)["categories"]) {
				t.Errorf("the .doc's issues differ from those of LibreOffice's text of it")
			}
		})
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestOldWordRefusals: what is not a readable .doc says why.
func TestOldWordRefusals(t *testing.T) {
	if _, err := Read(context.Background(), readFile(t, "../../testdata/ledgers/two-row-header.xls")); err == nil || !strings.Contains(err.Error(), "没有 WordDocument") {
		t.Errorf("an .xls given as Word: %v", err)
	}
	doc := readFile(t, "../../testdata/doc/libreoffice-text.doc")
	if _, err := Read(context.Background(), doc[:len(doc)/3]); err == nil {
		t.Error("a truncated .doc was read")
	}
}
