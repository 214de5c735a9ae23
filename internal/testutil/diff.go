package testutil

import "strings"

// LineDiff lists the first lines where a and b differ, each pair labelled,
// for a test failure that must say where two texts part.
func LineDiff(a, b, labelA, labelB string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			out = append(out, labelA+x, labelB+y)
			if len(out) >= 12 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}
