package format

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
)

// roundTrip writes n in a format and reads it back.
func roundTrip(t *testing.T, n *notice.Notice, kind string) *notice.Notice {
	t.Helper()
	w, err := LookupWriter(kind)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w(context.Background(), n, &buf, Options{BundledFontsOnly: true}); err != nil {
		t.Fatalf("write %s: %v", kind, err)
	}
	got, err := Read(context.Background(), kind, buf.Bytes(), Options{})
	if err != nil {
		t.Fatalf("read %s back: %v", kind, err)
	}
	return got
}

func fullJSON(t *testing.T) *notice.Notice {
	data, err := os.ReadFile("../../testdata/full.json")
	if err != nil {
		t.Fatal(err)
	}
	n, err := notice.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// comparable drops where facts were read, which a new file changes.
func comparable(t *testing.T, n *notice.Notice) string {
	t.Helper()
	testutil.StripSources(n)
	b, err := notice.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWritersLoseNothing: testdata/full.json, which uses every field of the
// model, comes back equal from the text writer and from the PDF writer.
func TestWritersLoseNothing(t *testing.T) {
	for _, kind := range []string{"text", "pdf"} {
		t.Run(kind, func(t *testing.T) {
			orig := fullJSON(t)
			back := roundTrip(t, fullJSON(t), kind)
			if kind == "pdf" && orig.Style != nil {
				// The PDF sets the 发文字号 where GB/T 9704 puts it, above
				// the title, wherever the source had it.
				orig.Style.DocNumberBelow = false
			}
			// Items that had no layout get the writer's: that is no change.
			if a, b := orig.Issues(), back.Issues(); len(a) == len(b) {
				for i := range a {
					if a[i].Layout == "" {
						b[i].Layout = ""
					}
				}
			}
			if len(orig.Pending) == len(back.Pending) {
				for i := range orig.Pending {
					if orig.Pending[i].Layout == "" {
						back.Pending[i].Layout = ""
					}
				}
			}
			want, got := comparable(t, orig), comparable(t, back)
			if got != want {
				t.Errorf("JSON -> %s -> JSON changed the data:\n%s", kind, testutil.LineDiff(want, got, "want: ", " got: "))
			}
		})
	}
}

// TestFactsWithoutNarrative: data with no narrative of its own (as from a
// ledger) still gets its accountability, stated totals, contact,
// inspection and pending items (each with its own deadline) into the text
// and the PDF, and they read back the same.
func TestFactsWithoutNarrative(t *testing.T) {
	bare := func() *notice.Notice {
		n := fullJSON(t)
		n.Preamble, n.Sections, n.Closing, n.Style, n.Unplaced = "", nil, nil, nil, nil
		for i := range n.Categories {
			n.Categories[i].Section = 0
		}
		return n
	}
	for _, kind := range []string{"text", "pdf"} {
		t.Run(kind, func(t *testing.T) {
			want, got := bare(), roundTrip(t, bare(), kind)
			for _, n := range []*notice.Notice{want, got} {
				for i := range n.Pending {
					n.Pending[i].Layout = "" // how the writer laid it out
				}
			}
			for _, f := range []struct {
				name string
				a, b any
			}{
				{"accountability", want.Accountability, got.Accountability},
				{"stated", want.Stated, got.Stated},
				{"stated_rate", want.StatedRate, got.StatedRate},
				{"contact", want.Contact, got.Contact},
				{"inspection", want.Inspection, got.Inspection},
				{"pending", want.Pending, got.Pending},
			} {
				a, _ := jsonOf(f.a)
				b, _ := jsonOf(f.b)
				if a != b {
					t.Errorf("%s: wrote %s, read back %s", f.name, a, b)
				}
			}
			var wi, gi []string
			for _, is := range want.Issues() {
				wi = append(wi, is.Title+"|"+is.Status+"|"+is.Deadline)
			}
			for _, is := range got.Issues() {
				gi = append(gi, is.Title+"|"+is.Status+"|"+is.Deadline)
			}
			if strings.Join(wi, "\n") != strings.Join(gi, "\n") {
				t.Errorf("issues changed:\n%s", testutil.LineDiff(strings.Join(wi, "\n"), strings.Join(gi, "\n"), "want: ", " got: "))
			}
		})
	}
}

func jsonOf(v any) (string, error) {
	var b bytes.Buffer
	err := jsonEncoder(&b).Encode(v)
	return b.String(), err
}

func jsonEncoder(b *bytes.Buffer) interface{ Encode(any) error } {
	e := json.NewEncoder(b)
	e.SetEscapeHTML(false)
	return e
}
