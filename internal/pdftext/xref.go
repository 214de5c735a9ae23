package pdftext

import (
	"bytes"
	"github.com/ledongthuc/pdf"
	"io"
	"strconv"
)

// xent is one cross-reference entry: an object at a file offset, or the
// idx-th object of object stream stm.
type xent struct {
	inStream bool
	off      int64 // file offset, or the object stream's number
	idx      int
	set      bool
}

// objStream is a decoded object stream: its data and each object's offset.
type objStream struct {
	data []byte
	nums []int
	offs []int
}

// doc is an open PDF: the file's bytes, its cross-reference, and the
// objects read so far.
type doc struct {
	data    []byte
	g       *guard
	xref    []xent
	trailer pdfDict
	objs    map[int]any
	loading map[int]bool // objects being parsed (a /Length that refers to its own object)
	streams map[int]*objStream
	scanned bool      // the xref was rebuilt by scanning the file
	zr      io.Reader // the zlib reader, reset for each stream

	sec *security // the file's decryption, when it is encrypted (decrypt.go)

	lib        *pdf.Reader // the mandated reader, when it reads this file (lib.go)
	libObjects int         // libObjectBound, once counted
}

// newDoc opens data with our own object layer; password opens an
// encrypted file.
func newDoc(data []byte, g *guard, password string) *doc {
	d := &doc{data: data, g: g, objs: map[int]any{}, loading: map[int]bool{}, streams: map[int]*objStream{}}
	if !d.readXref() {
		d.scan()
	}
	if _, ok := d.trailer["Root"]; !ok {
		malformed("没有找到文件尾（trailer），文件可能不完整")
	}
	if d.trailer["Encrypt"] != nil {
		// Objects read so far (the Encrypt dictionary, cross-reference
		// streams, their /Length) are never encrypted.
		d.sec = d.openSecurity(password)
	}
	return d
}

func (d *doc) setEntry(num int, e xent) {
	if num < 0 {
		return
	}
	if num >= maxObjects {
		limit("对象编号超过 %d", maxObjects)
	}
	if num >= len(d.xref) {
		n := max(num+1, 2*len(d.xref))
		n = min(n, maxObjects)
		grown := make([]xent, n)
		copy(grown, d.xref)
		d.xref = grown
	}
	if !d.xref[num].set { // the newest section is read first and wins
		e.set = true
		d.xref[num] = e
	}
}

// readXref follows startxref and the /Prev chain through classic tables
// and cross-reference streams. It reports false when the chain is broken,
// and the file is then scanned for its objects.
func (d *doc) readXref() bool {
	tail := d.data[max(0, len(d.data)-2048):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return false
	}
	l := &lexer{b: tail, pos: i + len("startxref")}
	t := l.next()
	if t.kind != tokNum || !t.integer {
		return false
	}
	off := int64(t.num)
	seen := map[int64]bool{}
	for {
		d.g.step()
		if seen[off] {
			return d.trailer != nil // a /Prev loop ends the chain
		}
		if off <= 0 || off >= int64(len(d.data)) {
			return false
		}
		seen[off] = true
		var tr pdfDict
		if bytes.HasPrefix(bytes.TrimLeft(d.data[off:min(int(off)+64, len(d.data))], " \t\r\n\f\x00"), []byte("xref")) {
			tr = d.readTable(off)
		} else {
			tr = d.readXrefStream(off)
		}
		if tr == nil {
			return false
		}
		if d.trailer == nil {
			d.trailer = tr
		} else {
			for k, v := range tr { // older trailers fill in what newer ones lack
				if _, ok := d.trailer[k]; !ok {
					d.trailer[k] = v
				}
			}
		}
		if x, ok := tr["XRefStm"].(int64); ok { // a hybrid file's stream part
			if d.readXrefStream(x) == nil {
				return false
			}
		}
		prev, ok := tr["Prev"].(int64)
		if !ok {
			return true
		}
		off = prev
	}
}

// readTable reads a classic "xref" table and its trailer.
func (d *doc) readTable(off int64) pdfDict {
	p := &parser{l: &lexer{b: d.data, pos: int(off), intern: d.g.intern}, g: d.g}
	p.l.next() // xref
	for {
		d.g.step()
		t := p.l.next()
		if t.kind == tokOp && t.s == "trailer" {
			tr, _ := p.value(0).(pdfDict)
			return tr
		}
		c := p.l.next()
		if t.kind != tokNum || c.kind != tokNum || t.num < 0 || c.num < 0 {
			return nil
		}
		first, count := int(t.num), int(c.num)
		if first+count > maxObjects {
			limit("对象编号超过 %d", maxObjects)
		}
		for k := 0; k < count; k++ {
			d.g.step()
			o, _, typ := p.l.next(), p.l.next(), p.l.next()
			if o.kind != tokNum || typ.kind != tokOp {
				return nil
			}
			if typ.s == "n" {
				d.setEntry(first+k, xent{off: int64(o.num)})
			} else {
				d.setEntry(first+k, xent{off: -1}) // free
			}
		}
	}
}

// readXrefStream reads a cross-reference stream (PDF 1.5) at off.
func (d *doc) readXrefStream(off int64) pdfDict {
	v, _ := d.objectAt(off, -1)
	s, ok := v.(*pdfStream)
	if !ok || s.dict["Type"] != pdfName("XRef") {
		return nil
	}
	data := d.decode(s)
	w, _ := s.dict["W"].(pdfArray)
	if len(w) != 3 {
		return nil
	}
	var ws [3]int
	row := 0
	for i := range ws {
		n, _ := w[i].(int64)
		if n < 0 || n > 8 {
			return nil
		}
		ws[i] = int(n)
		row += ws[i]
	}
	if row == 0 {
		return nil
	}
	index, _ := s.dict["Index"].(pdfArray)
	if index == nil {
		size, _ := s.dict["Size"].(int64)
		index = pdfArray{int64(0), size}
	}
	field := func(b []byte, def int64) int64 {
		if len(b) == 0 {
			return def
		}
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		first, _ := index[i].(int64)
		count, _ := index[i+1].(int64)
		if first < 0 || count < 0 || first+count > maxObjects {
			limit("对象编号超过 %d", maxObjects)
		}
		for k := int64(0); k < count && pos+row <= len(data); k++ {
			d.g.step()
			b := data[pos : pos+row]
			pos += row
			typ := field(b[:ws[0]], 1)
			f2 := field(b[ws[0]:ws[0]+ws[1]], 0)
			f3 := field(b[ws[0]+ws[1]:], 0)
			switch typ {
			case 1:
				d.setEntry(int(first+k), xent{off: f2})
			case 2:
				d.setEntry(int(first+k), xent{inStream: true, off: f2, idx: int(f3)})
			default:
				d.setEntry(int(first+k), xent{off: -1})
			}
		}
	}
	return s.dict
}

// scan rebuilds the cross-reference of a file whose own is missing or
// broken, as viewers do: every "num gen obj" in the file, the last one of
// a number winning, and the last trailer (or cross-reference stream).
func (d *doc) scan() {
	d.scanned = true
	d.xref = nil
	d.trailer = nil
	data := d.data
	for i := 0; ; {
		d.g.step()
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 3
		if at+3 < len(data) && !isWhite(data[at+3]) && !isDelim(data[at+3]) {
			continue // "objects", "endobj" are caught below
		}
		// Back over "num gen ".
		k := at - 1
		num, gen := -1, -1
		for field := 0; field < 2; field++ {
			for k >= 0 && isWhite(data[k]) {
				k--
			}
			e := k
			for k >= 0 && data[k] >= '0' && data[k] <= '9' {
				k--
			}
			if e == k || e-k > 10 {
				break
			}
			v, _ := strconv.Atoi(string(data[k+1 : e+1]))
			if field == 0 {
				gen = v
			} else {
				num = v
			}
		}
		if num < 0 || gen < 0 || (k >= 0 && !isWhite(data[k]) && !isDelim(data[k])) {
			continue
		}
		if num < maxObjects {
			if num < len(d.xref) {
				d.xref[num].set = false // a later copy of the object wins
			}
			d.setEntry(num, xent{off: int64(k + 1)})
		}
	}
	if t := bytes.LastIndex(data, []byte("trailer")); t >= 0 {
		p := &parser{l: &lexer{b: data, pos: t + len("trailer"), intern: d.g.intern}, g: d.g}
		if tr, ok := p.value(0).(pdfDict); ok {
			d.trailer = tr
		}
	}
	if d.trailer == nil { // cross-reference streams carry the trailer's keys
		for num := len(d.xref) - 1; num >= 0; num-- {
			if s, ok := d.get(num).(*pdfStream); ok && s.dict["Type"] == pdfName("XRef") {
				d.trailer = s.dict
				break
			}
		}
	}
}

// resolve follows references to the object they name.
func (d *doc) resolve(o any) any {
	for i := 0; ; i++ {
		r, ok := o.(pdfRef)
		if !ok {
			return o
		}
		if i >= maxRefChain {
			return nil
		}
		o = d.get(r.num)
	}
}

// get returns object num, parsing it (and its object stream) on first use.
func (d *doc) get(num int) any {
	if v, ok := d.objs[num]; ok {
		return v
	}
	if num < 0 || num >= len(d.xref) || !d.xref[num].set || d.loading[num] {
		return nil
	}
	d.g.step()
	d.loading[num] = true
	defer delete(d.loading, num)
	e := d.xref[num]
	var v any
	if e.inStream {
		v = d.fromStream(int(e.off), e.idx, num)
	} else {
		var ok bool
		v, ok = d.objectAt(e.off, num)
		if !ok && !d.scanned {
			// A wrong offset: find the object where it really is.
			if off := d.find(num); off >= 0 {
				v, _ = d.objectAt(off, num)
			}
		}
	}
	d.objs[num] = v
	return v
}

// find looks for "num 0 obj" in the file (a file whose table is off).
func (d *doc) find(num int) int64 {
	pat := []byte(" " + strconv.Itoa(num) + " 0 obj")
	for from := 0; ; {
		i := bytes.Index(d.data[from:], pat[1:])
		if i < 0 {
			return -1
		}
		at := from + i
		if at == 0 || isWhite(d.data[at-1]) || isDelim(d.data[at-1]) {
			return int64(at)
		}
		from = at + 1
	}
}

// fromStream parses the idx-th object of object stream stm.
func (d *doc) fromStream(stm, idx, num int) any {
	os, ok := d.streams[stm]
	if !ok {
		os = d.openObjStream(stm)
		d.streams[stm] = os
	}
	if os == nil || idx < 0 || idx >= len(os.offs) || os.nums[idx] != num {
		if os == nil {
			return nil
		}
		found := false
		for i, n := range os.nums { // a damaged index: look the number up
			if n == num {
				idx, found = i, true
				break
			}
		}
		if !found {
			return nil
		}
	}
	p := &parser{l: &lexer{b: os.data, pos: os.offs[idx], intern: d.g.intern}, g: d.g}
	v := p.value(0)
	if _, ok := v.(keyword); ok {
		return nil
	}
	return v
}

// openObjStream decodes object stream stm once and indexes its objects.
func (d *doc) openObjStream(stm int) *objStream {
	s, ok := d.get(stm).(*pdfStream)
	if !ok {
		return nil
	}
	n, _ := d.resolve(s.dict["N"]).(int64)
	first, _ := d.resolve(s.dict["First"]).(int64)
	data := d.decode(s)
	if n <= 0 || first < 0 || first > int64(len(data)) || n > int64(len(data)) {
		return nil
	}
	os := &objStream{data: data, nums: make([]int, 0, n), offs: make([]int, 0, n)}
	l := &lexer{b: data[:first]}
	for k := int64(0); k < n; k++ {
		d.g.step()
		a, b := l.next(), l.next()
		if a.kind != tokNum || b.kind != tokNum {
			break
		}
		os.nums = append(os.nums, int(a.num))
		os.offs = append(os.offs, int(first)+max(0, min(int(b.num), len(data)-int(first))))
	}
	return os
}
