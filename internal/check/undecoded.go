package check

import (
	"fmt"
	"strings"

	"github.com/rectify/rectify/internal/notice"
)

// undecodable is what the PDF reader keeps in place of a glyph whose font
// gives no text for it (pdftext.Undecodable; check does not import readers).
const undecodable = '\uFFFD'

// checkUndecoded finds the places where a PDF's text could not be recovered:
// the clerk must retype them from the printed page.
func checkUndecoded(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	eachText(n, func(s string, issue int) {
		k := strings.IndexRune(s, undecodable)
		if k < 0 {
			return
		}
		fs = append(fs, Finding{Level: Error, Code: "undecoded", Issue: issue,
			Message: fmt.Sprintf("有 %d 个字符无法从 PDF 还原（原文件的字体缺少 Unicode 对照表），以“�”标出，请对照原件补录：“%s”",
				strings.Count(s, string(undecodable)), excerpt(s, k, k+len(string(undecodable))))})
	})
	return fs
}
