// Package xlsxzip is the zip writer for excelize workbooks
// (excelize.File.SetZipWriter): it deflates each part in blocks on every
// core at once, where archive/zip deflates on one. For a large ledger the
// compression of its sheet is a fifth of the whole conversion, and by then
// nothing else is left to run beside it.
//
// Blocks are compressed independently and joined the way pigz joins them: a
// block ends with a sync flush (an empty stored block, byte-aligned), the
// last one with the final block, so the parts form one valid deflate stream.
// A part is written to the archive once it is complete (archive/zip's
// CreateRaw, with its CRC and sizes known), so only its compressed bytes are
// held, never its text.
package xlsxzip

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"sync"
)

// Level is the deflate level: fast, as a workbook is written once and read
// rarely; most of a ledger's XML is markup that compresses well at any
// level.
const Level = 3

// blockSize is the text compressed as one piece: large enough that starting
// each block without the previous one's history costs little.
const blockSize = 1 << 20

// Writer writes a zip archive whose parts are deflated in parallel. It
// satisfies excelize.ZipWriter.
type Writer struct {
	zw   *zip.Writer
	part *part // the part being written, nil before the first
	sem  chan struct{}
}

// New returns a Writer on w.
func New(w io.Writer) *Writer {
	return &Writer{zw: zip.NewWriter(w), sem: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// part is one file of the archive being written.
type part struct {
	w      *Writer
	name   string
	crc    uint32
	size   int64
	block  []byte
	blocks []*block // in order
}

// block is one piece of a part, compressed on a goroutine of its own.
type block struct {
	done chan struct{}
	out  bytes.Buffer
	err  error
}

// Create starts a part; its contents are written to the returned writer
// before the next Create or Close.
func (w *Writer) Create(name string) (io.Writer, error) {
	if err := w.finish(); err != nil {
		return nil, err
	}
	w.part = &part{w: w, name: name}
	return w.part, nil
}

// AddFS adds the files of fsys (archive/zip's AddFS).
func (w *Writer) AddFS(fsys fs.FS) error {
	if err := w.finish(); err != nil {
		return err
	}
	return w.zw.AddFS(fsys)
}

// Close writes the last part and the archive's directory.
func (w *Writer) Close() error {
	if err := w.finish(); err != nil {
		w.zw.Close()
		return err
	}
	return w.zw.Close()
}

func (p *part) Write(b []byte) (int, error) {
	n := len(b)
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += int64(n)
	for len(b) > 0 {
		if p.block == nil {
			p.block = getBuf()
		}
		k := copy(p.block[len(p.block):cap(p.block)], b)
		p.block = p.block[:len(p.block)+k]
		b = b[k:]
		if len(p.block) == cap(p.block) {
			p.compress(false)
		}
	}
	return n, nil
}

// ReadFrom reads a part's contents straight into its blocks (io.Copy from
// excelize's temporary file of a streamed sheet: a read per block, not per
// 32 KB).
func (p *part) ReadFrom(r io.Reader) (int64, error) {
	var total int64
	for {
		if p.block == nil {
			p.block = getBuf()
		}
		n, err := r.Read(p.block[len(p.block):cap(p.block)])
		read := p.block[len(p.block) : len(p.block)+n]
		p.crc = crc32.Update(p.crc, crc32.IEEETable, read)
		p.size += int64(n)
		total += int64(n)
		p.block = p.block[:len(p.block)+n]
		if len(p.block) == cap(p.block) {
			p.compress(false)
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// compress hands the block filled so far to a goroutine, waiting while
// every core already has one.
func (p *part) compress(last bool) {
	data := p.block
	p.block = nil
	bl := &block{done: make(chan struct{})}
	p.blocks = append(p.blocks, bl)
	p.w.sem <- struct{}{}
	go func() {
		defer func() { <-p.w.sem; close(bl.done) }()
		fw := getFlate(&bl.out)
		defer flatePool.Put(fw)
		if data != nil {
			defer putBuf(data)
		}
		if _, bl.err = fw.Write(data); bl.err != nil {
			return
		}
		if last {
			bl.err = fw.Close()
		} else {
			bl.err = fw.Flush()
		}
	}()
}

// finish compresses the rest of the current part and writes it whole.
func (w *Writer) finish() error {
	p := w.part
	if p == nil {
		return nil
	}
	w.part = nil
	p.compress(true)
	var compressed int64
	var err error
	for _, bl := range p.blocks {
		<-bl.done
		if err == nil {
			err = bl.err
		}
		compressed += int64(bl.out.Len())
	}
	if err != nil {
		return err
	}
	fh := &zip.FileHeader{
		Name: p.name, Method: zip.Deflate, CRC32: p.crc,
		CompressedSize64: uint64(compressed), UncompressedSize64: uint64(p.size),
		CreatorVersion: 20, ReaderVersion: 20,
	}
	if fh.UncompressedSize64 >= 1<<32-1 || fh.CompressedSize64 >= 1<<32-1 {
		fh.ReaderVersion = 45 // ZIP64
	}
	for i := 0; i < len(p.name); i++ {
		if p.name[i] >= 0x80 {
			fh.Flags |= 0x800 // the name is UTF-8
			break
		}
	}
	out, err := w.zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	for _, bl := range p.blocks {
		if _, err := bl.out.WriteTo(out); err != nil {
			return err
		}
	}
	return nil
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, blockSize); return &b }}

func getBuf() []byte  { return (*bufPool.Get().(*[]byte))[:0] }
func putBuf(b []byte) { bufPool.Put(&b) }

var flatePool sync.Pool

func getFlate(w io.Writer) *flate.Writer {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, Level) // only fails on a bad level
	return fw
}
