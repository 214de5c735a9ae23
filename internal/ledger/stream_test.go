package ledger

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
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

// sameAsWhole checks that WriteJSON does with in what reading it whole and
// writing it does: the same workbook, or the same message.
func sameAsWhole(t *testing.T, name string, in []byte) {
	t.Helper()
	n, wantErr := notice.Unmarshal(in)
	var got bytes.Buffer
	err := WriteJSON(context.Background(), bytes.NewReader(in), &got, Options{})
	if wantErr != nil {
		if err == nil || err.Error() != wantErr.Error() {
			t.Errorf("%s: %v, want %v", name, err, wantErr)
		}
		return
	}
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	want, err := Write(n, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := sheetsText(t, want), sheetsText(t, got.Bytes()); a != b {
		t.Errorf("%s: streamed workbook differs:\n%s\n---\n%s", name, a, b)
	}
}

// streamEdges are notices whose JSON is spelled in ways the streaming
// passes must read as encoding/json does (or leave to it).
var streamEdges = map[string]string{
	"plain":              `{"format":1,"issuer":"某局","categories":[{"title":"甲","issues":[{"number":1,"title":"问题一","status":"completed","actions":[{"text":"一"},{"text":"二"}]},{"number":2,"title":"问题二"}]},{"title":"乙","issues":[{"number":3,"title":"问题三","deadline":"2025-12"}]}]}`,
	"names in any case":  `{"Format":1,"ISSUER":"某局","Categories":[{"Title":"甲","Issues":[{"Number":1,"TITLE":"问题","Status":"in_progress","Responsible":{"Leader":"张"}}]}]}`,
	"escaped names":      `{"format":1,"\u0063ategories":[{"title":"甲","i\u0073sues":[{"number":1,"t\u0069tle":"问题"}]}]}`,
	"title after issues": `{"categories":[{"issues":[{"number":1,"title":"a"},{"number":2,"title":"b"}],"title":"甲"},{"issues":[{"number":3}],"title":"甲"}],"format":1}`,
	"issues null":        `{"format":1,"categories":[{"title":"甲","issues":null},{"title":"乙","issues":[{"number":1}]}]}`,
	"categories null":    `{"format":1,"issuer":"某局","categories":null}`,
	"no issues":          `{"format":1,"categories":[{"title":"甲","issues":[]}]}`,
	"two lists":          `{"format":1,"categories":[{"title":"甲","issues":[{"number":1}]}],"Categories":[{"title":"乙","issues":[{"number":2},{"number":3}]}]}`,
	"two issue lists":    `{"format":1,"categories":[{"title":"甲","issues":[{"number":1}],"Issues":[{"number":2}]}]}`,
	"a key twice":        `{"format":1,"categories":[{"title":"甲","issues":[{"number":1,"title":"a","Title":"b"}]}]}`,
	"same key twice":     `{"format":1,"categories":[{"title":"甲","issues":[{"number":1,"title":"a","title":"b"}]}]}`,
	"invalid UTF-8":      "{\"format\":1,\"categories\":[{\"title\":\"甲\",\"issues\":[{\"number\":1,\"title\":\"a\xff\"}]}]}",
	"a number as text":   `{"format":1,"categories":[{"title":"甲","issues":[{"number":"1"}]}]}`,
	"a category a list":  `{"format":1,"categories":[[]]}`,
	"unknown status":     `{"format":1,"categories":[{"title":"甲","issues":[{"number":1,"status":"done"}]}]}`,
	"null fields":        `{"format":1,"issuer":null,"categories":[{"title":null,"issues":[{"number":null,"title":null,"actions":null,"responsible":null}]}]}`,
	"unknown fields":     `{"format":1,"x":{"categories":[1]},"categories":[{"title":"甲","y":[{"issues":2}],"issues":[{"number":1,"z":{"title":"no"}}]}]}`,
	"not JSON":           `{"format":1,"categories":[{"title":"甲","issues":[{"number":1,}]}]}`,
	"trailing comma":     `{"format":1,"categories":[]},`,
}

// TestWriteJSONEdges: each spelling streams to what the whole-file path
// writes, or fails with its message.
func TestWriteJSONEdges(t *testing.T) {
	for name, in := range streamEdges {
		sameAsWhole(t, name, []byte(in))
	}
}

// FuzzWriteJSON: whatever the JSON, the streaming path writes what the
// whole-file path writes, or gives its message, and never panics or hangs.
func FuzzWriteJSON(f *testing.F) {
	for _, in := range streamEdges {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		sameAsWhole(t, "input", in)
	})
}

// seekCounter counts how often the input is rewound.
type seekCounter struct {
	*bytes.Reader
	seeks int
}

func (s *seekCounter) Seek(off int64, whence int) (int64, error) {
	s.seeks++
	return s.Reader.Seek(off, whence)
}

// TestWriteJSONStreams: a notice JSON is read in two passes (one rewind),
// not whole by the fallback (a second rewind), also when its keys come in
// another order or case.
func TestWriteJSONStreams(t *testing.T) {
	big, err := notice.Marshal(testutil.Synthetic(2000))
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string][]byte{"synthetic": big, "plain": []byte(streamEdges["plain"]),
		"names in any case": []byte(streamEdges["names in any case"]), "title after issues": []byte(streamEdges["title after issues"])} {
		r := &seekCounter{Reader: bytes.NewReader(in)}
		if err := WriteJSON(context.Background(), r, io.Discard, Options{}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.seeks != 1 {
			t.Errorf("%s: input rewound %d times, want 1 (streamed)", name, r.seeks)
		}
	}
}

// cancelAfter cancels a context once n bytes have been read.
type cancelAfter struct {
	*bytes.Reader
	n      int
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	k, err := c.Reader.Read(p)
	if c.n -= k; c.n <= 0 {
		c.cancel()
	}
	return k, err
}

// TestWriteJSONCancelled: an interrupt in the middle of the rows stops the
// conversion with the context's error, writes nothing, and leaves no
// decoding goroutine behind.
func TestWriteJSONCancelled(t *testing.T) {
	in, err := notice.Marshal(testutil.Synthetic(5000))
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for range 5 {
		ctx, cancel := context.WithCancel(context.Background())
		// Past the first pass (the whole input) and a third into the second.
		r := &cancelAfter{Reader: bytes.NewReader(in), n: len(in) + len(in)/3, cancel: cancel}
		var out bytes.Buffer
		if err := WriteJSON(ctx, r, &out, Options{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("WriteJSON after an interrupt: %v, want context.Canceled", err)
		}
		if out.Len() > 0 {
			t.Errorf("%d bytes written after an interrupt", out.Len())
		}
	}
	for wait := 0; runtime.NumGoroutine() > before && wait < 100; wait++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after 5 interrupted conversions, %d before", n, before)
	}
}
