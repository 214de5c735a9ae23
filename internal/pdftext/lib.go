package pdftext

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/ledongthuc/pdf"
)

// The mandated reader, github.com/ledongthuc/pdf, provides the objects of
// the files it reads safely: its pdf.Reader resolves references and parses
// dictionaries, arrays and streams, and value (object.go) wraps its
// pdf.Value. What this package adds around it is what the library lacks:
// every read it makes of the file is a step of the guard (cancellation and
// the time limit reach inside the library); readPages walks the page tree
// itself with depth, page and loop checks instead of the library's Page(i);
// stream data is read through its Reader under maxStreamBytes. Its lexer
// loops at the end of data only where it lexes to the end (object streams,
// content streams): we never let it read either.

// guardedFile is the file as the library reads it. Pages are read on
// several goroutines (readPages), so it counts its reads itself.
type guardedFile struct {
	data   []byte
	ctx    context.Context
	reads  atomic.Int64
	budget int // bytes left to read, when > 0 (only while the library opens the file)
}

func (f *guardedFile) ReadAt(p []byte, off int64) (int, error) {
	if f.reads.Add(1)&255 == 0 {
		if err := f.ctx.Err(); err != nil {
			fail(err)
		}
	}
	if f.budget > 0 {
		if f.budget -= len(p); f.budget <= 0 {
			// pdf.NewReader turns this into an error.
			panic("交叉引用表读了不止一遍（/Prev 有循环）")
		}
	}
	return bytes.NewReader(f.data).ReadAt(p, off)
}

// libDoc opens data with the library, or says why the library must not
// read it (our own layer in xref.go and object.go reads it then).
func libDoc(data []byte, g *guard) (*doc, bool) {
	encrypt, objStm, sizesBounded := scanNames(data)
	if encrypt {
		// Decryption is in our layer alone (decrypt.go): the library
		// knows neither AES-256 nor owner passwords.
		return nil, false
	}
	if objStm {
		// The library decodes an object stream again for every object
		// in it (issue 17: a million objects took 83 s).
		return nil, false
	}
	if !sizesBounded || !xrefSectionsBounded(data) {
		// The library sizes its cross-reference table from the file's
		// own numbers before checking them: a forged one would exhaust
		// memory (fatal, not a panic we could recover). Ours bounds them.
		return nil, false
	}
	// The library follows /Prev without remembering where it has been: a
	// loop would read the file until the time is up. Reading the
	// cross-reference sections takes less than the file twice over.
	f := &guardedFile{data: data, ctx: g.ctx, budget: 2*len(data) + 1<<20}
	r, err := pdf.NewReader(f, int64(len(data)))
	f.budget = 0
	if err != nil || g.ctx.Err() != nil {
		// A damaged cross-reference or trailer, a header the library
		// rejects: our layer rebuilds the xref by scanning the file.
		return nil, false
	}
	if r.Trailer().Key("Encrypt").Kind() != pdf.Null {
		// /Encrypt spelled with # escapes, which the text check above
		// misses: decryption stays in our layer.
		return nil, false
	}
	if r.Trailer().Key("Type").Name() == "XRef" {
		// A cross-reference stream (its dictionary is the trailer; the
		// library accepts one only with a direct /Type /XRef). Its entries
		// may place objects in object streams even where no /ObjStm is
		// spelled out (a name written with # escapes, a forged entry), and
		// the library resolves such an entry's stream recursively with no
		// check: an entry that names itself overflows the stack, which no
		// recover can catch (found by FuzzRead). Our layer reads them.
		return nil, false
	}
	return &doc{data: data, g: g, lib: r}, true
}

// libObjectBound is an upper bound of the objects in a file the library
// reads: every top-level object ends with endobj (object streams are read
// by our own layer). Counted when first needed: a pass over the file.
func (d *doc) libObjectBound() int {
	if d.libObjects == 0 {
		d.libObjects = bytes.Count(d.data, []byte("endobj")) + 1
	}
	return d.libObjects
}

// libValue wraps a library value; its null is our nil.
func (d *doc) libValue(v pdf.Value) value {
	if v.IsNull() {
		return value{d, nil}
	}
	return value{d, v}
}

// libStream appends a library stream, read through its own filters, to
// dst, within maxStreamBytes (the library reads without a bound). A filter
// the library lacks panics inside it and Pages then reads the file with our
// own layer.
func (d *doc) libStream(v pdf.Value, dst []byte) []byte { return d.libStreamHead(v, dst, 0) }

// libStreamHead is libStream decoding only the stream's first n bytes
// (n > 0), or all of it.
func (d *doc) libStreamHead(v pdf.Value, dst []byte, n int) []byte {
	// The library allocates a row of /Columns bytes unchecked: a huge
	// one would exhaust memory. Ours reads such a stream.
	parms := v.Key("DecodeParms")
	for i := -1; i < parms.Len(); i++ {
		p := parms
		if i >= 0 {
			p = parms.Index(i)
		}
		if c := p.Key("Columns"); c.Kind() != pdf.Null && (c.Int64() < 0 || c.Int64() >= 1<<20) {
			panic("/Columns out of range") // not an abort: ours reads the file
		}
	}
	rc := v.Reader()
	defer rc.Close()
	if n > 0 {
		return d.readAll(io.LimitReader(rc, int64(n)), dst, n)
	}
	guess := 0
	if cap(dst)-len(dst) < 4<<10 {
		// Not a buffer that held the pages before: size it by /Length
		// (a reference costs the library another read of an object).
		guess = 4 * int(min(max(v.Key("Length").Int64(), 0), int64(len(d.data))))
	}
	return d.readAll(rc, dst, guess)
}

var libKinds = [...]Kind{pdf.Null: Null, pdf.Bool: Bool, pdf.Integer: Integer, pdf.Real: Real,
	pdf.String: String, pdf.Name: Name, pdf.Dict: Dict, pdf.Array: Array, pdf.Stream: Stream}

// libRefs reads the object numbers in a library dictionary from its text,
// where references stay unresolved ("<</F1 5 0 R /F2 7 0 R>>"): the
// library resolves references itself and hides their numbers. Keys whose
// values are not references are left out.
func libRefs(dict pdf.Value, refs map[string]string) {
	if dict.Kind() != pdf.Dict {
		return
	}
	s := dict.String()
	if !strings.HasPrefix(s, "<<") {
		return
	}
	f := strings.Fields(strings.TrimSuffix(s[2:], ">>"))
	for i := 0; i+3 < len(f); i++ {
		if !strings.HasPrefix(f[i], "/") || f[i+3] != "R" {
			continue
		}
		if _, err := strconv.Atoi(f[i+1]); err != nil {
			continue
		}
		if _, err := strconv.Atoi(f[i+2]); err != nil {
			continue
		}
		refs[f[i][1:]] = "obj " + f[i+1]
		i += 3
	}
}

// maxXrefSections bounds the xref sections libSizesBounded looks at; a file
// with more is read by our own layer.
const maxXrefSections = 64

// libSizesBounded says whether every number the library makes a table from
// (/Size, /W and /Index of an xref stream, the subsection headers of an xref
// table) is within what a file of this size can hold.
func libSizesBounded(data []byte) bool {
	_, _, bounded := scanNames(data)
	return bounded && xrefSectionsBounded(data)
}

// sizeLimit is the largest number a table the library makes may be sized
// by in a file of len(data) bytes.
func sizeLimit(data []byte) uint64 {
	return uint64(max(len(data), 1<<16) + 16) // a generation number may be 65535
}

// scanNames looks at every name in the file once (a pass per name took
// most of the time on a PDF of 10 MB, nearly all of it an embedded font):
// whether /Encrypt or /ObjStm occur, and whether every number after /Size,
// and in an array after /W or /Index, is within sizeLimit. A name counts
// wherever it is, in stream data too: that can only send a file to our
// own layer.
func scanNames(data []byte) (encrypt, objStm, sizesBounded bool) {
	limit := sizeLimit(data)
	sizesBounded = true
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '/')
		if j < 0 {
			return encrypt, objStm, sizesBounded
		}
		i += j + 1
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("Encrypt")):
			encrypt = true
		case bytes.HasPrefix(rest, []byte("ObjStm")):
			objStm = true
		case bytes.HasPrefix(rest, []byte("Size")):
			sizesBounded = sizesBounded && valueBounded(rest[len("Size"):], false, limit)
		case bytes.HasPrefix(rest, []byte("W")):
			sizesBounded = sizesBounded && valueBounded(rest[len("W"):], true, limit)
		case bytes.HasPrefix(rest, []byte("Index")):
			sizesBounded = sizesBounded && valueBounded(rest[len("Index"):], true, limit)
		}
	}
}

// valueBounded checks the value after a key: an array's numbers (array
// true: /W, /Index), or a number (/Size); anything else passes.
func valueBounded(rest []byte, array bool, limit uint64) bool {
	j := 0
	for j < len(rest) && isWhite(rest[j]) {
		j++
	}
	switch {
	case array && j < len(rest) && rest[j] == '[':
		end := bytes.IndexByte(rest[j:], ']')
		if end < 0 {
			end = len(rest) - j
		}
		return numbersBounded(rest[j:j+end], limit)
	case !array && j < len(rest) && rest[j] >= '0' && rest[j] <= '9':
		k := j
		for k < len(rest) && k-j < 24 && rest[k] >= '0' && rest[k] <= '9' {
			k++
		}
		return numbersBounded(rest[j:k], limit)
	}
	return true
}

// xrefSectionsBounded says whether the numbers of every xref table section
// are within sizeLimit, and there are at most maxXrefSections of them.
func xrefSectionsBounded(data []byte) bool {
	limit := sizeLimit(data)
	sections := 0
	for rest := data; ; {
		i := bytes.Index(rest, []byte("xref"))
		if i < 0 {
			return true
		}
		inWord := i > 0 && (rest[i-1] >= 'a' && rest[i-1] <= 'z') // startxref
		rest = rest[i+4:]
		if inWord {
			continue
		}
		if sections++; sections > maxXrefSections {
			return false
		}
		end := bytes.Index(rest, []byte("trailer"))
		if end < 0 {
			end = len(rest)
		}
		if !numbersBounded(rest[:end], limit) {
			return false
		}
	}
}

// numbersBounded says whether every run of digits in b is at most limit.
func numbersBounded(b []byte, limit uint64) bool {
	var n uint64
	digits := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			if digits++; digits > 19 {
				return false
			}
			n = n*10 + uint64(c-'0')
			if n > limit {
				return false
			}
			continue
		}
		n, digits = 0, 0
	}
	return true
}
