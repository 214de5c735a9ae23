package ledger

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/xuri/excelize/v2"
)

// sheetsText is every cell of every sheet as text, for comparing workbooks.
func sheetsText(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		rows, _ := f.GetRows(s)
		dim, _ := f.GetSheetDimension(s)
		merges, _ := f.GetMergeCells(s)
		fmt.Fprintf(&b, "== %s %s %d merges\n%q\n", s, dim, len(merges), rows)
	}
	return b.String()
}

// TestWriteJSONMatchesWrite: the streaming path writes the same workbook as
// the whole-notice path, whatever the order of the JSON's keys.
func TestWriteJSONMatchesWrite(t *testing.T) {
	for _, src := range []string{"../../testdata/full.json", "corpus"} {
		var n *notice.Notice
		if src == "corpus" {
			n = corpusNotice(t)
		} else {
			var err error
			if n, err = notice.Unmarshal(readFile(t, src)); err != nil {
				t.Fatal(err)
			}
		}
		js, err := notice.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		// The same notice with categories first and the issuer last.
		var m map[string]json.RawMessage
		json.Unmarshal(js, &m)
		var reordered bytes.Buffer
		reordered.WriteString(`{"categories":` + string(m["categories"]))
		for k, v := range m {
			if k != "categories" {
				fmt.Fprintf(&reordered, ",%q:%s", k, v)
			}
		}
		reordered.WriteString("}")
		want, err := Write(n, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for name, in := range map[string][]byte{"as written": js, "categories first": reordered.Bytes()} {
			var got bytes.Buffer
			if err := WriteJSON(context.Background(), bytes.NewReader(in), &got, Options{}); err != nil {
				t.Fatalf("%s %s: %v", src, name, err)
			}
			if a, b := sheetsText(t, want), sheetsText(t, got.Bytes()); a != b {
				t.Errorf("%s %s: streamed workbook differs:\n%s\n---\n%s", src, name, a, b)
			}
		}
	}
}

// TestWriteJSONErrors: bad JSON gets the message the whole-file reader
// gives, also for a mistake only the second pass decodes.
func TestWriteJSONErrors(t *testing.T) {
	good := string(readFile(t, "../../testdata/full.json"))
	for name, in := range map[string]string{
		"bad status":     strings.Replace(good, `"status": "completed"`, `"status": "finished"`, 1),
		"title a number": strings.Replace(good, `"lead": "`, `"lead": 5, "x": "`, 1),
		"truncated":      good[:len(good)/2],
		"no format":      strings.Replace(good, `"format": 1`, `"formats": 1`, 1),
		"trailing data":  good + "{}",
	} {
		if in == good {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		_, want := notice.Unmarshal([]byte(in))
		err := WriteJSON(context.Background(), bytes.NewReader([]byte(in)), &bytes.Buffer{}, Options{})
		if want == nil || err == nil || err.Error() != want.Error() {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
}
