package pdftext

import (
	"bytes"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"io"
	"slices"
)

// decode returns a stream's data with its filters undone. Image filters
// (DCT, JBIG2, JPX, CCITT) are never needed for text and end the chain.
// A stream that decodes past maxStreamBytes is an error.
func (d *doc) decode(s *pdfStream) []byte {
	data := s.raw
	filters := d.resolve(s.dict["Filter"])
	params := d.resolve(s.dict["DecodeParms"])
	var names []string
	var parms []pdfDict
	switch f := filters.(type) {
	case pdfName:
		names = []string{string(f)}
		p, _ := params.(pdfDict)
		parms = []pdfDict{p}
	case pdfArray:
		pa, _ := params.(pdfArray)
		for i, x := range f {
			n, _ := d.resolve(x).(pdfName)
			names = append(names, string(n))
			var p pdfDict
			if i < len(pa) {
				p, _ = d.resolve(pa[i]).(pdfDict)
			}
			parms = append(parms, p)
		}
	}
	for i, name := range names {
		d.g.step()
		var r io.Reader
		switch name {
		case "FlateDecode", "Fl":
			data = d.inflate(data)
			data = unpredict(data, parms[i])
			continue
		case "LZWDecode", "LZW":
			r = lzw.NewReader(bytes.NewReader(data), lzw.MSB, 8)
		case "ASCII85Decode", "A85":
			data = bytes.TrimSuffix(bytes.TrimSpace(data), []byte("~>"))
			r = ascii85.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("<~"))))
		case "ASCIIHexDecode", "AHx":
			l := &lexer{b: append([]byte("<"), data...)}
			data = []byte(l.hex())
			continue
		case "Crypt": // undone when the object was read (decrypt.go)
			continue
		case "RunLengthDecode", "RL":
			data = runLength(data)
			continue
		default:
			return data
		}
		data = d.readAll(r, nil, 4*len(data))
		data = unpredict(data, parms[i])
	}
	return data
}

// inflate undoes FlateDecode with a reader kept for the next stream (a
// new one costs its 32 KB window; Chromium's PDFs have hundreds of small
// streams).
func (d *doc) inflate(data []byte) []byte {
	src := bytes.NewReader(data)
	var r io.Reader
	if d.zr == nil {
		if zr, err := zlib.NewReader(src); err == nil {
			d.zr = zr
			r = zr
		}
	} else if d.zr.(zlib.Resetter).Reset(src, nil) == nil {
		r = d.zr
	}
	if r == nil { // some producers write raw deflate data
		src.Reset(data)
		r = flate.NewReader(src)
	}
	return d.readAll(r, nil, 4*len(data))
}

// readAll appends a decoder's output to dst, up to maxStreamBytes of it,
// keeping what a damaged stream yields before its fault (as viewers do).
// guess is the expected size, when known.
func (d *doc) readAll(r io.Reader, dst []byte, guess int) []byte {
	buf, start := dst, len(dst)
	if spare := cap(buf) - len(buf); spare < 512 || spare < guess {
		buf = slices.Grow(buf, min(max(guess, 512), maxStreamBytes))
	}
	for {
		d.g.step()
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf)-start > maxStreamBytes {
			limit("一个数据流解压后超过 %d MB", maxStreamBytes>>20)
		}
		if err != nil {
			return buf
		}
	}
}

func runLength(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		case n > 128:
			if i < len(data) {
				out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
			}
			i++
		default:
			return out
		}
		if len(out) > maxStreamBytes {
			limit("一个数据流解压后超过 %d MB", maxStreamBytes>>20)
		}
	}
	return out
}

// unpredict undoes a PNG or TIFF predictor (cross-reference and object
// streams use PNG Up).
func unpredict(data []byte, p pdfDict) []byte {
	pred, _ := p["Predictor"].(int64)
	if pred < 2 {
		return data
	}
	colors, bpc, cols := int64(1), int64(8), int64(1)
	if v, ok := p["Colors"].(int64); ok && v > 0 && v < 64 {
		colors = v
	}
	if v, ok := p["BitsPerComponent"].(int64); ok && v > 0 && v <= 16 {
		bpc = v
	}
	if v, ok := p["Columns"].(int64); ok && v > 0 && v < 1<<20 {
		cols = v
	}
	bpp := int(max(1, (colors*bpc+7)/8))
	rowLen := min(int((colors*bpc*cols+7)/8), len(data)) // no row longer than the data
	if pred == 2 {                                       // TIFF: each byte after the first pixel adds the one bpp before
		if bpc != 8 {
			return data
		}
		for r := 0; r+rowLen <= len(data); r += rowLen {
			for i := r + bpp; i < r+rowLen; i++ {
				data[i] += data[i-bpp]
			}
		}
		return data
	}
	out := make([]byte, 0, len(data))
	prev := make([]byte, rowLen)
	for r := 0; r+1 <= len(data); r += rowLen + 1 {
		typ := data[r]
		row := make([]byte, rowLen)
		copy(row, data[r+1:min(r+1+rowLen, len(data))])
		for i := range row {
			var left, up, ul byte
			if i >= bpp {
				left, ul = row[i-bpp], prev[i-bpp]
			}
			up = prev[i]
			switch typ {
			case 1:
				row[i] += left
			case 2:
				row[i] += up
			case 3:
				row[i] += byte((int(left) + int(up)) / 2)
			case 4:
				row[i] += paeth(left, up, ul)
			}
		}
		out = append(out, row...)
		prev = row
	}
	return out
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
