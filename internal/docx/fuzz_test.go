package docx

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/rectify/rectify/internal/testutil"

	"github.com/richardlehane/mscfb"
)

// FuzzRead: no input may panic, hang or eat unbounded memory.
func FuzzRead(f *testing.F) {
	f.Add(docxOf(f, `<w:p><w:r><w:t>关于巡察整改进展情况的通报</w:t></w:r></w:p>`, "", ""))
	f.Add(docxOf(f, p("1", "0", "甲")+p("1", "1", "乙"), `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>`+
		`<w:lvl w:ilvl="1"><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, ""))
	f.Add(docxOf(f, `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>问题</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, "", ""))
	if data, err := os.ReadFile(testutil.Testdata("docx", "tracked.docx")); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(context.Background(), data)
	})
}

// FuzzBody fuzzes the XML of the body, numbering and styles inside a valid
// package, where mutations of a zip would mostly break its checksums.
func FuzzBody(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>问题</w:t></w:r></w:p>`,
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlRestart w:val="0"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
		`<w:style w:type="paragraph" w:styleId="a"><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:ins><w:r><w:t>甲</w:t></w:r></w:ins></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`, "", "")
	f.Fuzz(func(t *testing.T, body, numbering, styles string) {
		Read(context.Background(), docxOf(t, body, numbering, styles))
	})
}

// FuzzOldWord: the .doc reader's own parts (the FIB, the piece table, the
// property pages, the lists and the text walk) end on any WordDocument and
// table streams, in time bounded by their size. The seeds are the streams
// of two fixtures; the compound file around them is mscfb's.
func FuzzOldWord(f *testing.F) {
	for _, name := range []string{"tracked", "table"} {
		data, err := os.ReadFile("../../testdata/doc/" + name + ".doc")
		if err != nil {
			f.Fatal(err)
		}
		cf, err := mscfb.New(bytes.NewReader(data))
		if err != nil {
			f.Fatal(err)
		}
		streams := map[string][]byte{}
		for e, err := cf.Next(); err == nil; e, err = cf.Next() {
			b, _ := io.ReadAll(e)
			streams[e.Name] = b
		}
		f.Add(streams["WordDocument"], streams["1Table"])
	}
	f.Fuzz(func(t *testing.T, wd, table []byte) {
		fb, err := parseFIB(wd)
		if err != nil {
			return
		}
		pieces, err := readPieces(table, fb)
		if err != nil {
			return
		}
		docBlocks(wd, pieces, fb.ccpText, readFKPs(wd, table, fb.fcPapx, fb.lcbPapx, true),
			readFKPs(wd, table, fb.fcChpx, fb.lcbChpx, false), docLists(table, fb))
	})
}
