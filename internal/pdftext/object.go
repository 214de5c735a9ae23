package pdftext

import (
	"bytes"
	"strconv"
	"sync"

	"github.com/ledongthuc/pdf"
)

// The PDF object model, read lazily from the file's bytes: objects are
// parsed when first resolved and kept, object streams decoded once. (The
// reader this package stood on re-read an object stream for every object in
// it, could not be cancelled, and followed page-tree loops.)

type (
	pdfName   string
	pdfString string
	pdfArray  []any
	pdfDict   map[string]any
	pdfRef    struct{ num, gen int }
	pdfStream struct {
		dict pdfDict
		raw  []byte // encoded data, a slice of the file
	}
)

// smallInts are the integers fonts are full of (glyph widths), boxed once,
// when our own object layer first reads a file (not at every start-up).
var smallInts = sync.OnceValue(func() []any {
	a := make([]any, 2048)
	for i := range a {
		a[i] = int64(i)
	}
	return a
})

// keyword is a bare word met where a value was expected (endobj, stream).
type keyword string

// parser reads objects with the content lexer.
type parser struct {
	l *lexer
	g *guard
}

// value parses one object; keywords come back as keyword.
func (p *parser) value(depth int) any {
	p.g.step()
	t := p.l.next()
	return p.valueFrom(t, depth)
}

func (p *parser) valueFrom(t token, depth int) any {
	switch t.kind {
	case tokNum:
		if t.integer && t.num >= 0 {
			// "num gen R" is a reference: look two tokens ahead.
			save := p.l.pos
			if t2 := p.l.next(); t2.kind == tokNum && t2.integer && t2.num >= 0 {
				if t3 := p.l.next(); t3.kind == tokOp && t3.s == "R" {
					return pdfRef{int(t.num), int(t2.num)}
				}
			}
			p.l.pos = save
		}
		if t.integer {
			if small := smallInts(); t.num >= 0 && t.num < float64(len(small)) {
				return small[int(t.num)] // no allocation for widths and counts
			}
			return int64(t.num)
		}
		return t.num
	case tokStr:
		return pdfString(t.s)
	case tokName:
		if p.g == nil {
			return pdfName(t.s)
		}
		// A name in an interface costs an allocation: box each once
		// (Type 3 fonts list thousands of glyph names).
		v, ok := p.g.names[t.s]
		if !ok {
			v = pdfName(t.s)
			if len(p.g.names) < 1<<16 {
				p.g.names[t.s] = v
			}
		}
		return v
	case tokArrOpen:
		if depth >= maxNesting {
			limit("对象中数组、字典嵌套超过 %d 层", maxNesting)
		}
		var a pdfArray
		for {
			p.g.step()
			t := p.l.next()
			if t.kind == tokArrClose || t.kind == tokEOF {
				return a
			}
			v := p.valueFrom(t, depth+1)
			if _, ok := v.(keyword); ok {
				if v == keyword("endobj") || v == keyword("stream") {
					return a // a damaged array: end it here
				}
				continue
			}
			if len(a) >= maxArrayLen {
				limit("对象中一个数组超过 %d 个元素", maxArrayLen)
			}
			a = append(a, v)
		}
	case tokDictOpen:
		if depth >= maxNesting {
			limit("对象中数组、字典嵌套超过 %d 层", maxNesting)
		}
		d := pdfDict{}
		for {
			p.g.step()
			t := p.l.next()
			if t.kind == tokDictClose || t.kind == tokEOF {
				return d
			}
			if t.kind != tokName {
				if t.kind == tokOp && (t.s == "endobj" || t.s == "stream") {
					return d
				}
				continue // a damaged key: skip it
			}
			save := p.l.pos
			v := p.value(depth + 1)
			if kw, ok := v.(keyword); ok {
				if kw == "endobj" || kw == "stream" {
					p.l.pos = save
					return d
				}
				v = nil
			}
			if len(d) >= maxArrayLen {
				limit("对象中一个字典超过 %d 项", maxArrayLen)
			}
			d[t.s] = v
		}
	case tokOp:
		switch t.s {
		case "true":
			return true
		case "false":
			return false
		case "null":
			return nil
		}
		return keyword(t.s)
	}
	return nil // EOF, stray delimiters
}

// objectAt parses "num gen obj … endobj" at off, with its stream data.
// want is the object number the cross-reference promised (-1: any).
func (d *doc) objectAt(off int64, want int) (any, bool) {
	if off < 0 || off >= int64(len(d.data)) {
		return nil, false
	}
	p := &parser{l: &lexer{b: d.data, pos: int(off), intern: d.g.intern}, g: d.g}
	n, g, o := p.l.next(), p.l.next(), p.l.next()
	if n.kind != tokNum || !n.integer || g.kind != tokNum || o.kind != tokOp || o.s != "obj" || (want >= 0 && int(n.num) != want) {
		return nil, false
	}
	v := p.value(0)
	if kw, ok := v.(keyword); ok {
		if kw != "endobj" {
			return nil, true
		}
		v = nil
	}
	if dict, isDict := v.(pdfDict); isDict {
		save := p.l.pos
		if t := p.l.next(); t.kind == tokOp && t.s == "stream" {
			start := p.l.pos
			if start < len(d.data) && d.data[start] == '\r' {
				start++
			}
			if start < len(d.data) && d.data[start] == '\n' {
				start++
			}
			v = &pdfStream{dict: dict, raw: d.streamData(dict, start)}
		} else {
			p.l.pos = save
		}
	}
	if d.sec != nil {
		v = d.sec.decryptObject(v, int(n.num), int(g.num))
	}
	return v, true
}

// streamData finds a stream's bytes from its /Length, or from the
// endstream keyword when the length is missing or wrong.
func (d *doc) streamData(dict pdfDict, start int) []byte {
	rest := d.data[start:]
	if n, ok := d.resolve(dict["Length"]).(int64); ok && n >= 0 && n <= int64(len(rest)) {
		after := bytes.TrimLeft(rest[n:min(int(n)+32, len(rest))], " \t\r\n\f\x00")
		if bytes.HasPrefix(after, []byte("endstream")) {
			return rest[:n:n]
		}
	}
	end := bytes.Index(rest, []byte("endstream"))
	if end < 0 {
		malformed("数据流没有结束标记")
	}
	data := rest[:end]
	if bytes.HasSuffix(data, []byte("\r\n")) {
		data = data[:len(data)-2]
	} else if bytes.HasSuffix(data, []byte("\n")) || bytes.HasSuffix(data, []byte("\r")) {
		data = data[:len(data)-1]
	}
	return data[:len(data):len(data)]
}

// Kind of a value, for readers of the object model.
type Kind int

const (
	Null Kind = iota
	Bool
	Integer
	Real
	String
	Name
	Dict
	Array
	Stream
)

// value is an object with the document it resolves in: references are
// followed on access, so callers never see one. o is one of our own
// objects, or a pdf.Value when the library reads the file (lib.go).
type value struct {
	d *doc
	o any
}

func (v value) resolved() any { return v.d.resolve(v.o) }

func (v value) Kind() Kind {
	switch o := v.o.(type) {
	case pdf.Value:
		if k := o.Kind(); int(k) < len(libKinds) {
			return libKinds[k]
		}
	case bool:
		return Bool
	case int64:
		return Integer
	case float64:
		return Real
	case pdfString:
		return String
	case pdfName:
		return Name
	case pdfDict:
		return Dict
	case pdfArray:
		return Array
	case *pdfStream:
		return Stream
	}
	return Null
}

func (v value) IsNull() bool { return v.Kind() == Null }

// Key looks a key up in a dictionary or a stream's dictionary.
func (v value) Key(k string) value {
	switch o := v.o.(type) {
	case pdf.Value:
		return v.d.libValue(o.Key(k))
	case pdfDict:
		return value{v.d, v.d.resolve(o[k])}
	case *pdfStream:
		return value{v.d, v.d.resolve(o.dict[k])}
	}
	return value{v.d, nil}
}

func (v value) Index(i int) value {
	if o, ok := v.o.(pdf.Value); ok && o.Kind() == pdf.Array && i >= 0 && i < o.Len() {
		return v.d.libValue(o.Index(i))
	}
	if a, ok := v.o.(pdfArray); ok && i >= 0 && i < len(a) {
		return value{v.d, v.d.resolve(a[i])}
	}
	return value{v.d, nil}
}

// at is element i of an array, read without boxing a library value in a
// value (an allocation each: a font's width and glyph-name arrays have
// hundreds of elements, and Chromium's PDFs a hundred fonts a page). fn
// gets the library's element, or ours.
func at[T any](v value, i int, lib func(pdf.Value) T, own func(value) T) T {
	if o, ok := v.o.(pdf.Value); ok {
		if o.Kind() == pdf.Array && i >= 0 && i < o.Len() {
			return lib(o.Index(i))
		}
		return lib(pdf.Value{})
	}
	return own(v.Index(i))
}

func (v value) floatAt(i int) float64 {
	return at(v, i, pdf.Value.Float64, value.Float64)
}

func (v value) intAt(i int) int64 {
	return at(v, i, func(o pdf.Value) int64 { return v.d.libValue(o).Int64() }, value.Int64)
}

func (v value) nameAt(i int) string {
	return at(v, i, pdf.Value.Name, value.Name)
}

func (v value) kindAt(i int) Kind {
	return at(v, i, func(o pdf.Value) Kind {
		if k := o.Kind(); int(k) < len(libKinds) {
			return libKinds[k]
		}
		return Null
	}, value.Kind)
}

func (v value) Len() int {
	if o, ok := v.o.(pdf.Value); ok {
		return o.Len()
	}
	if a, ok := v.o.(pdfArray); ok {
		return len(a)
	}
	return 0
}

func (v value) Name() string {
	if o, ok := v.o.(pdf.Value); ok {
		return o.Name()
	}
	if n, ok := v.o.(pdfName); ok {
		return string(n)
	}
	return ""
}

func (v value) Int64() int64 {
	switch n := v.o.(type) {
	case pdf.Value:
		if n.Kind() == pdf.Real {
			return value{v.d, n.Float64()}.Int64()
		}
		return n.Int64()
	case int64:
		return n
	case float64:
		if n > -1e15 && n < 1e15 {
			return int64(n)
		}
	}
	return 0
}

func (v value) Float64() float64 {
	switch n := v.o.(type) {
	case pdf.Value:
		return n.Float64()
	case int64:
		return float64(n)
	case float64:
		return n
	}
	return 0
}

// Refs maps the keys of a dictionary that hold references to the objects'
// numbers ("obj 12"), read without reading the objects (pages share fonts;
// each is loaded once). Never nil.
func (v value) Refs() map[string]string {
	refs := map[string]string{}
	switch o := v.o.(type) {
	case pdf.Value:
		libRefs(o, refs)
	case pdfDict:
		for k, r := range o {
			if ref, ok := r.(pdfRef); ok {
				refs[k] = "obj " + strconv.Itoa(ref.num)
			}
		}
	}
	return refs
}
