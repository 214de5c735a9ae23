package htmlnotice

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/rectify/rectify/internal/textenc"
)

// prescanBytes is how much of a page is searched for its <meta> charset.
// The HTML standard says 1024 bytes, but Chinese government CMSes put long
// keyword and description metas first; browsers look further too.
const prescanBytes = 64 << 10

// decode turns a page's bytes into text. The charset comes from a BOM, then
// from declared (an MHTML part's Content-Type), then from the page's own
// <meta charset> or <meta http-equiv="Content-Type">; a page declaring none
// is read as a text file is (UTF-8, or GBK/GB18030 when the bytes are
// plausibly Chinese). A label nobody knows is refused, naming it.
func decode(data []byte, declared string) (string, error) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return textDecode(data)
	}
	label := declared
	if label == "" {
		label = metaCharset(data)
	}
	if label == "" {
		return textDecode(data)
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return "", fmt.Errorf("网页声明的字符编码 %q 无法识别；请在浏览器中打开这个网页，另存为“网页，单个文件（.mhtml）”后再试", label)
	}
	switch name {
	case "utf-8":
		if utf8.Valid(data) {
			return string(data), nil
		}
		// A page that says UTF-8 but is not: CMS templates copied from
		// one site to another keep a declaration their text does not match.
		return textDecode(data)
	case "gbk", "gb18030":
		// GB2312 pages hold GBK characters (people's names, 镕, 堃): read
		// every Chinese label with the largest of the three.
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("网页按 %s 编码读取时出错：%v", label, err)
		}
		return string(out), nil
	case "windows-1252", "iso-8859-2", "utf-16le", "utf-16be":
		// Western and UTF-16 labels on a Chinese page are template
		// leftovers (a UTF-16 page would have a BOM): trust the bytes.
		if s, err := textDecode(data); err == nil {
			return s, nil
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("网页按 %s 编码读取时出错：%v", label, err)
	}
	return string(out), nil
}

func textDecode(data []byte) (string, error) {
	s, _, err := textenc.Decode(data)
	if err != nil {
		return "", fmt.Errorf("网页的字符编码无法识别（%v）", err)
	}
	return s, nil
}

// metaCharset finds the charset a page declares in its head, with the
// x/net/html tokenizer, stopping at <body> or after prescanBytes.
func metaCharset(data []byte) string {
	if len(data) > prescanBytes {
		data = data[:prescanBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var httpEquiv, content, cs string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						httpEquiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if cs = strings.TrimSpace(cs); cs != "" {
					return cs
				}
				if httpEquiv == "content-type" {
					if c := contentTypeCharset(content); c != "" {
						return c
					}
				}
			}
		}
	}
}

// contentTypeCharset is the charset parameter of a Content-Type value.
func contentTypeCharset(v string) string {
	if _, params, err := mime.ParseMediaType(v); err == nil {
		return strings.TrimSpace(params["charset"])
	}
	// "text/html; charset=gb2312;" and other forms mime refuses.
	i := strings.Index(strings.ToLower(v), "charset=")
	if i < 0 {
		return ""
	}
	c := strings.Trim(v[i+len("charset="):], "\"' ")
	if j := strings.IndexAny(c, "; \"'"); j >= 0 {
		c = c[:j]
	}
	return c
}
