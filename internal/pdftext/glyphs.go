package pdftext

import (
	"strconv"
	"strings"
)

// standardEncoding is ASCII where notices need it (StandardEncoding differs
// only in the quotes at 39 and 96).
var standardEncoding = func() [256]rune {
	var t [256]rune
	for c := 32; c < 127; c++ {
		t[c] = rune(c)
	}
	t[39], t[96] = '’', '‘'
	return t
}()

func winAnsi() [256]rune {
	var t [256]rune
	for c := 32; c < 127; c++ {
		t[c] = rune(c)
	}
	for c := 160; c < 256; c++ {
		t[c] = rune(c) // Latin-1
	}
	high := map[int]rune{0x80: '€', 0x82: '‚', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x89: '‰', 0x8B: '‹',
		0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x99: '™', 0x9B: '›'}
	for c, r := range high {
		t[c] = r
	}
	return t
}

// glyphNames maps the Adobe glyph names that appear in Differences arrays
// of simple fonts to their characters; uniXXXX and uXXXX[XX] are decoded.
var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "parenleft": '(', "parenright": ')', "asterisk": '*', "plus": '+',
	"comma": ',', "hyphen": '-', "period": '.', "slash": '/', "zero": '0', "one": '1', "two": '2', "three": '3',
	"four": '4', "five": '5', "six": '6', "seven": '7', "eight": '8', "nine": '9', "colon": ':', "semicolon": ';',
	"less": '<', "equal": '=', "greater": '>', "question": '?', "at": '@', "bracketleft": '[', "backslash": '\\',
	"bracketright": ']', "asciicircum": '^', "underscore": '_', "grave": '`', "braceleft": '{', "bar": '|',
	"braceright": '}', "asciitilde": '~', "quoteleft": '‘', "quoteright": '’', "quotedblleft": '“',
	"quotedblright": '”', "endash": '–', "emdash": '—', "ellipsis": '…', "bullet": '•', "periodcentered": '·',
	"perthousand": '‰', "degree": '°', "multiply": '×', "divide": '÷', "nbspace": ' ', "uni00A0": ' ',
}

func glyphRune(name string) rune {
	if r, ok := glyphNames[name]; ok {
		return r
	}
	if len(name) == 1 {
		return rune(name[0])
	}
	for _, p := range []string{"uni", "u"} {
		if strings.HasPrefix(name, p) && len(name) >= len(p)+4 {
			hex := name[len(p):]
			if i := strings.IndexByte(hex, '.'); i > 0 {
				hex = hex[:i]
			}
			if v, err := strconv.ParseUint(hex[:min(len(hex), 6)], 16, 32); err == nil && v > 0 && v < 0x110000 {
				return rune(v)
			}
		}
	}
	return 0
}
