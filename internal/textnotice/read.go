// Package textnotice reads a notice from its text (as copied out of a PDF or
// a Word file) and writes the model back as clean text. The grammar here is
// shared with the PDF reader, which hands it lines built from glyphs.
package textnotice

import (
	"bytes"
	"errors"

	"github.com/rectify/rectify/internal/notice"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// MaxTextSize bounds the text a reader accepts; a notice is far smaller.
const MaxTextSize = 64 << 20

// Decode turns file bytes into text: UTF-8 (with or without BOM), UTF-16
// with BOM, or GB18030/GBK, which Windows tools still write.
func Decode(data []byte) (string, error) {
	if len(data) > MaxTextSize {
		return "", errors.New("文件过大，不像一份通报的文字")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if validUTF8(data) {
		if bytes.IndexByte(data, 0) >= 0 {
			return "", errors.New("文件含有二进制内容，不是文本")
		}
		return string(data), nil
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.IndexByte(dec, 0) >= 0 || bytes.Contains(dec, []byte("\ufffd")) {
		return "", errors.New("文件不是 UTF-8 或 GBK 编码的文本")
	}
	return string(dec), nil
}

// Read parses a notice from text file bytes.
func Read(data []byte) (*notice.Notice, error) {
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return Parse(Paragraphs(text))
}
