package docx

import (
	"strconv"
	"strings"
)

// symbolRune is the character of a w:sym, a symbol Word's "Insert Symbol"
// places by font and code (☑ is "R" in Wingdings 2). Symbol fonts' codes
// sit at U+F000 + the font's byte; the marks clerks use are mapped to
// their Unicode characters, and any other symbol is kept as its code point
// (U+F0xx) rather than dropped, so `check` can point at it.
func symbolRune(font, char string) (rune, bool) {
	c, err := strconv.ParseUint(char, 16, 32)
	if err != nil || c == 0 || c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF {
		return 0, false
	}
	if c < 0xF000 || c > 0xF0FF {
		return rune(c), true // an ordinary code point
	}
	if r, ok := symbolFonts[strings.ToLower(font)][byte(c)]; ok {
		return r, true
	}
	return rune(c), true
}

// symbolFonts maps the common marks of Windows' symbol fonts by their byte.
var symbolFonts = map[string]map[byte]rune{
	"wingdings": {
		0x6C: '●', 0x6E: '■', 0x6F: '□', 0x71: '❑', 0x75: '◆', 0x76: '❖', 0xA1: '○',
		0xA7: '▪', 0xA8: '◻', 0xD8: '➢', 0xE8: '➔', 0xFB: '✗', 0xFC: '✓', 0xFD: '☒', 0xFE: '☑',
	},
	"wingdings 2": {0x4F: '✗', 0x50: '✓', 0x52: '☑', 0x53: '☒', 0xA3: '□'},
	"symbol": {
		0xAE: '→', 0xB1: '±', 0xB3: '≥', 0xA3: '≤', 0xB4: '×', 0xB7: '•', 0xB8: '÷', 0xD6: '√', 0xDE: '⇒',
	},
}
