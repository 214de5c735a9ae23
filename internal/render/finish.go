package render

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/rectify/rectify/internal/parallel"
)

// finishPDF completes the file fpdf wrote with compression off. It
// compresses the page content streams as fpdf itself would have (zlib,
// best speed, /Filter /FlateDecode), the cores sharing the pages, and adds
// the fonts: their objects after fpdf's last, each named in the pages'
// resource dictionary (fpdf's object 2, whose /Font dictionary fpdf left
// empty, having no fonts of its own) and the trailer's /Size counting
// them. With no fonts to add, the result is the file fpdf writes with
// compression on but for how the pages' zlib streams are compressed
// (TestContentsCompressed keeps the two in step). ok is false if the file
// is not laid out as fpdf lays it out.
func finishPDF(pdf []byte, fonts []*embeddedFont) (out []byte, ok bool) {
	objs, xref, ok := objectsOf(pdf)
	if !ok {
		return nil, false
	}
	// The content streams: the objects a page names as /Contents.
	contents := map[int]bool{}
	for _, o := range objs {
		body := pdf[o.start:o.end]
		if !bytes.Contains(body[:min(len(body), 64)], []byte("<</Type /Page\n")) {
			continue
		}
		if i := bytes.Index(body, []byte("/Contents ")); i >= 0 {
			rest := body[i+len("/Contents "):]
			if j := bytes.IndexByte(rest, ' '); j > 0 {
				if n, err := strconv.Atoi(string(rest[:j])); err == nil {
					contents[n] = true
				}
			}
		}
	}
	type job struct {
		obj  int    // index in objs
		data []byte // the stream's bytes
		out  []byte // compressed
	}
	var jobs []*job
	for i, o := range objs {
		if !contents[o.num] {
			continue
		}
		if data, ok := bareStream(pdf[o.start:o.end], o.num); ok {
			jobs = append(jobs, &job{obj: i, data: data})
		}
	}
	parallel.Each(len(jobs), 0, func(i int) {
		jobs[i].out = fastZlib.deflate(jobs[i].data, len(jobs[i].data)/2)
	})

	// The fonts' objects: a shared ToUnicode CMap, then five per font.
	size := xref.size
	toUnicode := size
	fontDict := []byte("/Font <<\n")
	if len(fonts) > 0 {
		size++
		for _, f := range fonts {
			fontDict = append(fontDict, '/')
			fontDict = append(fontDict, f.resource...)
			fontDict = append(fontDict, ' ')
			fontDict = strconv.AppendInt(fontDict, int64(size), 10)
			fontDict = append(fontDict, " 0 R\n"...)
			size += 5
		}
	}
	fontDict = append(fontDict, ">>\n"...)

	capacity := len(pdf) + len(identityToUnicode) + 64
	for _, f := range fonts {
		capacity += len(f.program) + len(f.cidToGID) + len(f.widths) + 1024
	}
	out = make([]byte, 0, capacity)
	out = append(out, pdf[:objs[0].start]...)
	offsets := make(map[int]int, size)
	ji := 0
	for i, o := range objs {
		offsets[o.num] = len(out)
		switch {
		case ji < len(jobs) && jobs[ji].obj == i:
			out = strconv.AppendInt(out, int64(o.num), 10)
			out = append(out, " 0 obj\n"...)
			out = appendStream(out, jobs[ji].out, "")
			ji++
		case o.num == 2 && len(fonts) > 0: // the resource dictionary
			body := pdf[o.start:o.end]
			empty := []byte("\n/Font <<\n>>\n")
			at := bytes.Index(body, empty)
			if at < 0 {
				return nil, false
			}
			out = append(out, body[:at+1]...)
			out = append(out, fontDict...)
			out = append(out, body[at+len(empty):]...)
		default:
			out = append(out, pdf[o.start:o.end]...)
		}
	}
	if len(fonts) > 0 {
		offsets[toUnicode] = len(out)
		out = strconv.AppendInt(out, int64(toUnicode), 10)
		out = append(out, " 0 obj\n<</Length "...)
		out = strconv.AppendInt(out, int64(len(identityToUnicode)), 10)
		out = append(out, ">>\nstream\n"+identityToUnicode+"\nendstream\nendobj\n"...)
		n := toUnicode + 1
		for _, f := range fonts {
			out = f.appendObjects(out, n, toUnicode, offsets)
			n += 5
		}
	}
	start := len(out)
	out = append(out, "xref\n0 "...)
	out = strconv.AppendInt(out, int64(size), 10)
	out = append(out, "\n0000000000 65535 f \n"...)
	for n := 1; n < size; n++ {
		out = append(out, padded(offsets[n])...)
		out = append(out, " 00000 n \n"...)
	}
	trailer := pdf[xref.trailer:xref.startxref]
	if size != xref.size {
		oldSize := []byte("\n/Size " + strconv.Itoa(xref.size) + "\n")
		at := bytes.Index(trailer, oldSize)
		if at < 0 {
			return nil, false
		}
		out = append(out, trailer[:at]...)
		out = append(out, "\n/Size "...)
		out = strconv.AppendInt(out, int64(size), 10)
		out = append(out, trailer[at+len(oldSize)-1:]...)
	} else {
		out = append(out, trailer...)
	}
	out = append(out, "startxref\n"...)
	out = strconv.AppendInt(out, int64(start), 10)
	out = append(out, "\n%%EOF\n"...)
	return out, true
}

// object is one indirect object of the file: its number and where its
// bytes lie ("N 0 obj" up to the next object or the xref table).
type object struct {
	num        int
	start, end int
}

// xrefTable is where a file's cross-reference table, trailer and
// startxref are, and how many entries the table has.
type xrefTable struct {
	size               int
	start              int // "xref"
	trailer, startxref int // "trailer", "startxref"
}

// objectsOf reads the classic cross-reference table fpdf writes and returns
// the objects in file order; ok is false if the file is not laid out so.
func objectsOf(pdf []byte) ([]object, xrefTable, bool) {
	var x xrefTable
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		return nil, x, false
	}
	x.startxref = sx
	rest := pdf[sx+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, x, false
	}
	start, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || start < 0 || start >= sx || !bytes.HasPrefix(pdf[start:], []byte("xref\n0 ")) {
		return nil, x, false
	}
	x.start = start
	p := start + len("xref\n0 ")
	nl = bytes.IndexByte(pdf[p:], '\n')
	if nl < 0 {
		return nil, x, false
	}
	size, err := strconv.Atoi(string(pdf[p : p+nl]))
	p += nl + 1
	const entry = 20 // "0000000009 00000 n \n"
	if err != nil || size < 2 || p+size*entry > sx {
		return nil, x, false
	}
	x.size = size
	x.trailer = p + size*entry
	if !bytes.HasPrefix(pdf[x.trailer:], []byte("trailer\n")) {
		return nil, x, false
	}
	objs := make([]object, 0, size-1)
	for n := 1; n < size; n++ {
		e := pdf[p+n*entry : p+(n+1)*entry]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= start {
			return nil, x, false
		}
		objs = append(objs, object{num: n, start: off})
	}
	slices.SortFunc(objs, func(a, b object) int { return a.start - b.start })
	for i := range objs {
		objs[i].end = start
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		}
		head := strconv.Itoa(objs[i].num) + " 0 obj\n"
		if objs[i].start == objs[i].end || !bytes.HasPrefix(pdf[objs[i].start:objs[i].end], []byte(head)) {
			return nil, x, false
		}
	}
	return objs, x, true
}

// bareStream returns the data of object num if it is exactly a stream with
// only a /Length, as fpdf writes an uncompressed page.
func bareStream(obj []byte, num int) ([]byte, bool) {
	head := strconv.Itoa(num) + " 0 obj\n<</Length "
	if !bytes.HasPrefix(obj, []byte(head)) {
		return nil, false
	}
	rest := obj[len(head):]
	i := bytes.Index(rest, []byte(">>\nstream\n"))
	if i < 0 {
		return nil, false
	}
	n, err := strconv.Atoi(string(rest[:i]))
	rest = rest[i+len(">>\nstream\n"):]
	if err != nil || n < 0 || n > len(rest) || string(rest[n:]) != "\nendstream\nendobj\n" {
		return nil, false
	}
	return rest[:n], true
}

// padded is n in ten digits, as a cross-reference entry has it.
func padded(n int) []byte {
	b := []byte("0000000000")
	s := strconv.Itoa(n)
	copy(b[10-len(s):], s)
	return b
}
