package testutil

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
)

// ZipWithHugePart builds a zip package with the given small parts and one
// part of size zero bytes, deflated to about size/1000 bytes without ever
// holding it: one deflated megabyte of zeros is repeated (its blocks refer
// only to zeros before them). With honest false the part's header declares
// 1 KiB, as a hostile file would, so that only the inflated size tells.
func ZipWithHugePart(parts map[string]string, name string, size int64, honest bool) []byte {
	const chunk = 1 << 20
	zeros := make([]byte, chunk)
	var block bytes.Buffer
	fw, _ := flate.NewWriter(&block, flate.BestCompression)
	fw.Write(zeros)
	fw.Flush() // a non-final block ending on a byte boundary
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, data := range parts {
		w, _ := zw.Create(n)
		w.Write([]byte(data))
	}
	crc := uint32(0)
	for i := int64(0); i < size/chunk; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}
	declared := uint64(size)
	if !honest {
		declared = 1 << 10
	}
	raw, _ := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		UncompressedSize64: declared, CompressedSize64: uint64(block.Len())*uint64(size/chunk) + 2})
	for i := int64(0); i < size/chunk; i++ {
		raw.Write(block.Bytes())
	}
	raw.Write([]byte{0x03, 0x00}) // the final, empty block
	zw.Close()
	return buf.Bytes()
}
