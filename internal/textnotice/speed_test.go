package textnotice

import (
	"testing"
	"unicode/utf8"
)

// TestHalfToWideASCII: NormalizeLine looks up only ASCII runes in
// halfToWide; a wider key would never be used.
func TestHalfToWideASCII(t *testing.T) {
	for r := range halfToWide {
		if r >= utf8.RuneSelf {
			t.Errorf("halfToWide maps %q, which is not ASCII: NormalizeLine skips it", r)
		}
	}
}
