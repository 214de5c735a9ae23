package format

import (
	"bytes"
	"context"

	"github.com/rectify/rectify/internal/htmlnotice"
	"github.com/rectify/rectify/internal/notice"
)

func init() {
	// Web pages saved from the browser: "网页，仅 HTML" / "网页，完整" (.html,
	// .htm) and "网页，单个文件" (.mhtml, .mht).
	for _, ext := range []string{"html", "htm", "mhtml", "mht"} {
		aliases[ext] = "html"
	}
	RegisterReader("html", func(ctx context.Context, data []byte, _ Options) (*notice.Notice, error) {
		return htmlnotice.Read(ctx, data)
	})
}

// isHTML reports a web page or a web archive by its first bytes: a
// doctype, an <html> tag (after a BOM, white space, or the "saved from url"
// comment browsers write), or MIME headers of an .mhtml.
func isHTML(data []byte) bool {
	if htmlnotice.IsMHTML(data) {
		return true
	}
	t := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for range 4 {
		t = bytes.TrimLeft(t, " \t\r\n")
		if !bytes.HasPrefix(t, []byte("<!--")) {
			break
		}
		end := bytes.Index(t, []byte("-->"))
		if end < 0 {
			return false
		}
		t = t[end+3:]
	}
	head := bytes.ToLower(t[:min(len(t), 15)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// isTableExport reports an HTML fragment that starts with markup and holds
// a table (within its first 64 KiB): what web systems send as an "Excel"
// or "Word" download without <html> around it.
func isTableExport(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if !bytes.HasPrefix(t, []byte("<")) {
		return false
	}
	return bytes.Contains(bytes.ToLower(t[:min(len(t), 64<<10)]), []byte("<table"))
}
