// Package docx reads a notice from a Word (.docx) file through the same
// grammar as text, and writes a notice as a GB/T 9704 .docx. WordprocessingML
// is read with archive/zip and encoding/xml: the parts involved are few.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits on what the reader accepts: a notice's parts are far smaller, a zip
// bomb or a hostile XML file is not.
const (
	MaxPartSize  = 64 << 20  // uncompressed bytes of one part
	MaxTotalSize = 256 << 20 // uncompressed bytes of all parts read
	MaxXMLDepth  = 256       // element nesting (Word nests tables a few levels)
	maxEntries   = 10000     // files in the package
)

// oleMagic opens an OLE compound file: an old binary Word file (.doc) is
// one, read by readDoc.

var oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// IsDocx reports whether data is a zip package with a Word document in it.
// It reads only the zip's directory.
func IsDocx(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return mainPartName(zr) != ""
}

// pkg is an opened .docx package.
type pkg struct {
	files map[string]*zip.File
	read  int64 // uncompressed bytes read so far
}

func openPackage(data []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("不是有效的 Word 文件：既不是 .docx（zip 压缩包），也不是老版 .doc，或文件不完整")
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("不是有效的 Word（.docx）文件：压缩包里有 %d 个文件，过多", len(zr.File))
	}
	p := &pkg{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return p, nil
}

// part reads one part, refusing one whose declared or actual size passes
// MaxPartSize, or that brings the total past MaxTotalSize. A missing part
// gives nil, nil.
func (p *pkg) part(name string) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > MaxPartSize {
		return nil, fmt.Errorf("%s 解压后过大（声明 %d MB，上限 %d MB），可能是压缩炸弹，拒绝读取", name, f.UncompressedSize64>>20, MaxPartSize>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s 无法解压：%v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxPartSize+1))
	if errors.Is(err, zip.ErrFormat) {
		// archive/zip stops a part at its declared size: a file that hides
		// its real size is a zip bomb or broken.
		return nil, fmt.Errorf("%s 解压后比声明的大小（%d 字节）更大，可能是压缩炸弹，拒绝读取", name, f.UncompressedSize64)
	}
	if err != nil {
		return nil, fmt.Errorf("%s 已损坏，无法解压：%v", name, err)
	}
	if len(data) > MaxPartSize {
		return nil, fmt.Errorf("%s 解压后过大（超过 %d MB），可能是压缩炸弹，拒绝读取", name, MaxPartSize>>20)
	}
	p.read += int64(len(data))
	if p.read > MaxTotalSize {
		return nil, fmt.Errorf("解压后的内容过大（超过 %d MB），可能是压缩炸弹，拒绝读取", MaxTotalSize>>20)
	}
	return data, nil
}

// relationships maps a part's relationship types (the last path element,
// e.g. "numbering") to part names.
func (p *pkg) relationships(owner string) (map[string]string, error) {
	relsName := path.Join(path.Dir(owner), "_rels", path.Base(owner)+".rels")
	if owner == "" {
		relsName = "_rels/.rels"
	}
	data, err := p.part(relsName)
	if err != nil || data == nil {
		return nil, err
	}
	var rels struct {
		Rel []struct {
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := decodeLimited(data, &rels); err != nil {
		return nil, fmt.Errorf("%s 不是有效的 XML：%v", relsName, err)
	}
	out := map[string]string{}
	for _, r := range rels.Rel {
		if r.TargetMode == "External" {
			continue
		}
		kind := path.Base(r.Type)
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(path.Dir(owner), target)
		}
		if _, seen := out[kind]; !seen {
			out[kind] = target
		}
	}
	return out, nil
}

// mainPartName finds the main document part through the package's
// relationships, for producers that do not call it word/document.xml.
func mainPartName(zr *zip.Reader) string {
	p := &pkg{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	rels, err := p.relationships("")
	if err != nil {
		return ""
	}
	name := rels["officeDocument"]
	if name == "" || p.files[name] == nil || !strings.HasSuffix(name, ".xml") {
		return ""
	}
	if strings.HasPrefix(name, "xl/") || strings.HasPrefix(name, "ppt/") {
		return ""
	}
	return name
}

// decodeLimited unmarshals small XML parts (relationships) after checking
// their nesting depth.
func decodeLimited(data []byte, v any) error {
	if err := checkDepth(data); err != nil {
		return err
	}
	return xml.Unmarshal(data, v)
}

// checkDepth refuses XML nested deeper than MaxXMLDepth.
func checkDepth(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxXMLDepth {
				return errTooDeep
			}
		case xml.EndElement:
			depth--
		}
	}
}

var errTooDeep = fmt.Errorf("XML 嵌套超过 %d 层，不像 Word 文档，拒绝读取", MaxXMLDepth)
