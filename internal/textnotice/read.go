// Package textnotice reads a notice from its text (as copied out of a PDF or
// a Word file) and writes the model back as clean text. The grammar here is
// shared with the PDF reader, which hands it lines built from glyphs.
package textnotice

import (
	"errors"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textenc"
)

// MaxTextSize bounds the text a reader accepts; a notice is far smaller.
const MaxTextSize = 64 << 20

// Decode turns file bytes into text: UTF-8 (with or without BOM), UTF-16
// with BOM, or GB18030/GBK, which Windows tools still write.
func Decode(data []byte) (string, error) {
	if len(data) > MaxTextSize {
		return "", errors.New("文件过大，不像一份通报的文字")
	}
	text, _, err := textenc.Decode(data)
	return text, err
}

// Read parses a notice from text file bytes.
func Read(data []byte) (*notice.Notice, error) {
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return Parse(Paragraphs(text))
}
