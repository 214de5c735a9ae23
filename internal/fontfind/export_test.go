package fontfind

import "testing"

// For the render-level test (package fontfind_test): fonts that call
// themselves what offices' fonts are called, and a collection of them.

func RenamedFont(t *testing.T, data []byte, zh, en string) []byte {
	return renamed(t, data, chineseNames(zh, en))
}

func Collection(fonts ...[]byte) []byte { return collection(fonts...) }
