// Package textnotice reads a notice from its text (as copied out of a PDF or
// a Word file) and writes the model back as clean text. The grammar here is
// shared with the PDF reader, which hands it lines built from glyphs.
package textnotice

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textenc"
)

// MaxTextSize bounds the text a reader accepts; a notice is far smaller.
const MaxTextSize = 64 << 20

// MaxLineBytes bounds one line of text. A real notice's longest paragraph
// is a few thousand characters, and a whole notice run into one line (its
// line breaks lost) is under 100 KB; a longer line is not a notice, and
// reading it would cost memory (normalisation works on runes) for nothing.
const MaxLineBytes = 1 << 20

// Decode turns file bytes into text: UTF-8 (with or without BOM), UTF-16
// with BOM, or GB18030/GBK, which Windows tools still write.
func Decode(data []byte) (string, error) {
	if len(data) > MaxTextSize {
		return "", errors.New("文件过大，不像一份通报的文字")
	}
	text, _, err := textenc.Decode(data)
	if err != nil {
		return "", err
	}
	return text, checkLines(text)
}

// checkLines refuses text with a line longer than MaxLineBytes.
func checkLines(text string) error {
	line := 1
	for len(text) > 0 {
		i := strings.IndexAny(text, "\n\r")
		n := i
		if i < 0 {
			n = len(text)
		}
		if n > MaxLineBytes {
			return fmt.Errorf("第%d行过长（%d 字节，上限 %d 字节）：不像一份通报的文字，请检查文件是否丢失了换行", line, n, MaxLineBytes)
		}
		if i < 0 {
			break
		}
		if text[i] == '\n' || i+1 >= len(text) || text[i+1] != '\n' {
			line++
		}
		text = text[i+1:]
	}
	return nil
}

// Read parses a notice from text file bytes.
func Read(data []byte) (*notice.Notice, error) {
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return Parse(Paragraphs(text))
}
