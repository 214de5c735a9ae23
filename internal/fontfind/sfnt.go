package fontfind

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// This file reads just enough of an sfnt font (TrueType, OpenType, and
// their collections) to know it by its names without loading it whole, and
// cuts one face out of a collection as a standalone TrueType font, because
// the PDF writer embeds TrueType files only. Layout: the OpenType spec's
// "Font file" and "name" chapters.

// Limits on what a font file may claim, so that a damaged file costs little.
const (
	maxTables      = 200     // real fonts have 10–40 tables
	maxFaces       = 64      // real collections have 2–20 faces
	maxNameTable   = 1 << 20 // name tables are a few KiB
	maxFontTable   = 1 << 28 // the largest CJK glyf tables are ~30 MiB
	collectionSign = "ttcf"
)

type tableRecord struct {
	tag            string
	checksum       uint32
	offset, length uint32
}

// faceInfo is what one face says about itself.
type faceInfo struct {
	offset     uint32 // of its table directory in the file
	tables     []tableRecord
	families   []string // name IDs 1, 4 and 16, every language, as written
	subfamily  string   // name ID 2 in English or the first given
	trueType   bool     // glyf outlines (embeddable by fpdf); else CFF
	restricted bool     // OS/2 fsType: restricted-license embedding
}

// readFaces reads the faces of a font file: one, or each of a collection.
func readFaces(r io.ReaderAt, size int64) ([]faceInfo, error) {
	head := make([]byte, 12)
	if _, err := r.ReadAt(head, 0); err != nil {
		return nil, errors.New("文件太短，不是字体")
	}
	offsets := []uint32{0}
	if string(head[:4]) == collectionSign {
		n := binary.BigEndian.Uint32(head[8:])
		if n == 0 || n > maxFaces {
			return nil, fmt.Errorf("字体集声称有 %d 个字体", n)
		}
		buf := make([]byte, 4*n)
		if _, err := r.ReadAt(buf, 12); err != nil {
			return nil, errors.New("字体集的目录不完整")
		}
		offsets = offsets[:0]
		for i := range n {
			offsets = append(offsets, binary.BigEndian.Uint32(buf[4*i:]))
		}
	}
	var faces []faceInfo
	for _, off := range offsets {
		f, err := readFace(r, size, off)
		if err != nil {
			return nil, err
		}
		faces = append(faces, f)
	}
	return faces, nil
}

func readFace(r io.ReaderAt, size int64, off uint32) (faceInfo, error) {
	f := faceInfo{offset: off}
	head := make([]byte, 12)
	if _, err := r.ReadAt(head, int64(off)); err != nil {
		return f, errors.New("字体目录不完整")
	}
	switch string(head[:4]) {
	case "\x00\x01\x00\x00", "true", "OTTO":
	default:
		return f, errors.New("不是 TrueType 或 OpenType 字体")
	}
	n := int(binary.BigEndian.Uint16(head[4:]))
	if n == 0 || n > maxTables {
		return f, fmt.Errorf("字体声称有 %d 个表", n)
	}
	dir := make([]byte, 16*n)
	if _, err := r.ReadAt(dir, int64(off)+12); err != nil {
		return f, errors.New("字体的表目录不完整")
	}
	var total int64
	for i := range n {
		d := dir[16*i:]
		t := tableRecord{tag: string(d[:4]), checksum: binary.BigEndian.Uint32(d[4:]),
			offset: binary.BigEndian.Uint32(d[8:]), length: binary.BigEndian.Uint32(d[12:])}
		if int64(t.offset)+int64(t.length) > size || t.length > maxFontTable {
			return f, fmt.Errorf("字体的 %q 表超出文件", t.tag)
		}
		// standalone copies every table: tables that overlap (a forged
		// directory naming the whole file 200 times) would multiply it.
		if total += int64(t.length); total > 2*size {
			return f, errors.New("字体的表目录重复引用同一段数据，文件已损坏")
		}
		f.tables = append(f.tables, t)
		if t.tag == "glyf" {
			f.trueType = true
		}
	}
	if t, ok := f.table("OS/2"); ok && t.length >= 10 {
		b := make([]byte, 2)
		if _, err := r.ReadAt(b, int64(t.offset)+8); err == nil {
			// fsType bits 0–3 == 2: nothing may be embedded without a licence.
			f.restricted = binary.BigEndian.Uint16(b)&0x000f == 0x0002
		}
	}
	t, ok := f.table("name")
	if !ok || t.length > maxNameTable {
		return f, errors.New("字体没有可读的名称表")
	}
	data := make([]byte, t.length)
	if _, err := r.ReadAt(data, int64(t.offset)); err != nil {
		return f, errors.New("字体的名称表不完整")
	}
	f.families, f.subfamily = readNames(data)
	if len(f.families) == 0 {
		return f, errors.New("字体的名称表里没有字体名")
	}
	return f, nil
}

func (f *faceInfo) table(tag string) (tableRecord, bool) {
	for _, t := range f.tables {
		if t.tag == tag {
			return t, true
		}
	}
	return tableRecord{}, false
}

// Name IDs of the name table.
const (
	nameFamily          = 1
	nameSubfamily       = 2
	nameFull            = 4
	nameTypoFamily      = 16
	platformUnicode     = 0
	platformMac         = 1
	platformWindows     = 3
	macEncodingChinese  = 25 // Simplified Chinese (GB 2312)
	winEncodingPRC      = 3  // GBK bytes in 16-bit units (old Chinese fonts)
	winLanguageEnglishU = 0x0409
)

// readNames returns the family names (IDs 1, 16 and the full name 4) in
// every language the table has, and the subfamily (style) name.
func readNames(data []byte) (families []string, subfamily string) {
	if len(data) < 6 {
		return nil, ""
	}
	count := int(binary.BigEndian.Uint16(data[2:]))
	strOff := int(binary.BigEndian.Uint16(data[4:]))
	seen := map[string]bool{}
	for i := range count {
		rec := 6 + 12*i
		if rec+12 > len(data) {
			break
		}
		platform := binary.BigEndian.Uint16(data[rec:])
		encoding := binary.BigEndian.Uint16(data[rec+2:])
		lang := binary.BigEndian.Uint16(data[rec+4:])
		id := binary.BigEndian.Uint16(data[rec+6:])
		length := int(binary.BigEndian.Uint16(data[rec+8:]))
		off := strOff + int(binary.BigEndian.Uint16(data[rec+10:]))
		if off+length > len(data) {
			continue
		}
		if id != nameFamily && id != nameFull && id != nameTypoFamily && id != nameSubfamily {
			continue
		}
		s := strings.TrimSpace(decodeName(platform, encoding, data[off:off+length]))
		if s == "" {
			continue
		}
		if id == nameSubfamily {
			if subfamily == "" || (platform == platformWindows && lang == winLanguageEnglishU) {
				subfamily = s
			}
			continue
		}
		if !seen[s] {
			seen[s] = true
			families = append(families, s)
		}
	}
	return families, subfamily
}

func decodeName(platform, encoding uint16, b []byte) string {
	switch {
	case platform == platformWindows && encoding == winEncodingPRC:
		// GBK bytes stored one per 16-bit unit when single, two when double.
		var packed []byte
		for i := 0; i+1 < len(b); i += 2 {
			if b[i] != 0 {
				packed = append(packed, b[i])
			}
			packed = append(packed, b[i+1])
		}
		s, err := simplifiedchinese.GBK.NewDecoder().Bytes(packed)
		if err != nil {
			return ""
		}
		return string(s)
	case platform == platformWindows || platform == platformUnicode:
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u))
	case platform == platformMac && encoding == macEncodingChinese:
		s, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
		if err != nil {
			return ""
		}
		return string(s)
	case platform == platformMac && encoding == 0:
		for _, c := range b {
			if c >= 0x80 { // Mac Roman beyond ASCII: not a name we look for
				return ""
			}
		}
		return string(b)
	}
	return ""
}

// standalone writes the face whose table directory is at off as a font file
// of its own: the same tables, a new directory, the whole-font checksum in
// 'head' made anew. For a plain font file it returns a file equal in content.
func standalone(r io.ReaderAt, f faceInfo) ([]byte, error) {
	tables := append([]tableRecord(nil), f.tables...)
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	var out bytes.Buffer
	version := uint32(0x00010000)
	if !f.trueType {
		version = 0x4f54544f // 'OTTO'
	}
	entry := 1
	for entry*2 <= n {
		entry *= 2
	}
	shift := 0
	for 1<<shift < entry {
		shift++
	}
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr, version)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	binary.BigEndian.PutUint16(hdr[6:], uint16(entry*16))
	binary.BigEndian.PutUint16(hdr[8:], uint16(shift))
	binary.BigEndian.PutUint16(hdr[10:], uint16(n*16-entry*16))
	out.Write(hdr)
	headAt := -1
	for i, t := range tables {
		data := make([]byte, t.length)
		if _, err := r.ReadAt(data, int64(t.offset)); err != nil {
			return nil, fmt.Errorf("读取字体的 %q 表失败", t.tag)
		}
		at := out.Len()
		rec := hdr[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], t.checksum)
		binary.BigEndian.PutUint32(rec[8:], uint32(at))
		binary.BigEndian.PutUint32(rec[12:], t.length)
		if t.tag == "head" && len(data) >= 12 {
			headAt = at
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		out.Write(data)
		for out.Len()%4 != 0 {
			out.WriteByte(0)
		}
	}
	b := out.Bytes()
	copy(b, hdr)
	if headAt >= 0 {
		binary.BigEndian.PutUint32(b[headAt+8:], 0xb1b0afba-checksum(b))
	}
	return b, nil
}

// checksum is the sfnt checksum: the sum of the data as big-endian words.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if rest := len(b) % 4; rest != 0 {
		var last [4]byte
		copy(last[:], b[len(b)-rest:])
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
