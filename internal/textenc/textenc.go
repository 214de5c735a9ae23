// Package textenc decodes the bytes of a text or CSV file as offices save
// them: UTF-8 (with or without a BOM), UTF-16 with a BOM (Windows Notepad's
// "Unicode"), or GBK/GB18030 (older Windows tools). Anything else is refused
// with a Chinese message instead of being read as garbage.
package textenc

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names, as messages and tests show them.
const (
	UTF8    = "UTF-8"
	UTF16LE = "UTF-16LE"
	UTF16BE = "UTF-16BE"
	GB18030 = "GB18030"
)

var (
	// ErrBinary is a file with NUL or other control bytes: not text.
	ErrBinary = errors.New("文件含有二进制内容，不是文本文件")
	// ErrUnknown is a text in an encoding we do not read (Big5, Shift-JIS, …).
	ErrUnknown = errors.New("无法识别文件的编码：只支持 UTF-8、UTF-16（带 BOM）和 GBK/GB18030；请用记事本或 WPS 另存为 UTF-8 后再试")
)

// minGBKPlausible is the share of two-byte characters that must be common
// simplified Chinese (GB 2312 hanzi and punctuation) for bytes that are not
// UTF-8 to be taken as GBK. Real GBK notices score near 1; Big5 text, which
// GBK also decodes without error, scores far lower because its trail bytes
// 0x40–0x7E and its lead rows 0xA4–0xAF fall outside GB 2312's hanzi.
const minGBKPlausible = 0.8

// Decode returns the text of data and the encoding it was read in.
func Decode(data []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", ErrUnknown
		}
		return checkText(string(data), UTF8)
	case bytes.HasPrefix(data, []byte("\xff\xfe")) && !bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")):
		return utf16(data, unicode.LittleEndian, UTF16LE)
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return utf16(data, unicode.BigEndian, UTF16BE)
	case utf8.Valid(data):
		return checkText(string(data), UTF8)
	}
	if hasControl(data) {
		return "", "", ErrBinary
	}
	if gbkPlausibility(data) < minGBKPlausible {
		return "", "", ErrUnknown
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
		return "", "", ErrUnknown
	}
	return checkText(string(dec), GB18030)
}

func utf16(data []byte, order unicode.Endianness, name string) (string, string, error) {
	if len(data)%2 != 0 {
		return "", "", errors.New("文件按 " + name + " 编码读取时字节数为奇数：文件不完整或不是文本")
	}
	dec, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
		return "", "", errors.New("文件按 " + name + " 编码读取时有无效字符：文件已损坏或不是文本")
	}
	return checkText(string(dec), name)
}

// checkText refuses decoded text with control characters other than the
// whitespace and form feeds text files carry.
func checkText(s, enc string) (string, string, error) {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7f {
			return "", "", ErrBinary
		}
	}
	return s, enc, nil
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f {
			return true
		}
	}
	return false
}

// gbkPlausibility is the share of two-byte sequences that are GB 2312
// punctuation (rows 1–3) or hanzi (rows 16–87), read as GBK. Text without
// any two-byte sequence scores 0: it would have been valid UTF-8.
func gbkPlausibility(b []byte) float64 {
	good, all := 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		if i+1 >= len(b) {
			all++
			break
		}
		t := b[i+1]
		if t >= 0x30 && t <= 0x39 { // a GB18030 four-byte sequence
			all++
			i += 4
			continue
		}
		all++
		if t >= 0xA1 && t <= 0xFE && (c >= 0xA1 && c <= 0xA3 || c >= 0xB0 && c <= 0xF7) {
			good++
		}
		i += 2
	}
	if all == 0 {
		return 0
	}
	return float64(good) / float64(all)
}
