package htmlnotice

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// IsMHTML reports whether data looks like a web archive (.mhtml/.mht):
// MIME headers with MIME-Version and a multipart/related or text/html body.
func IsMHTML(data []byte) bool {
	head := data[:min(len(data), 4096)]
	end := bytes.Index(head, []byte("\n\r\n"))
	if e := bytes.Index(head, []byte("\n\n")); e >= 0 && (end < 0 || e < end) {
		end = e
	}
	if end < 0 {
		return false
	}
	h := bytes.ToLower(head[:end])
	return bytes.Contains(h, []byte("mime-version:")) &&
		(bytes.Contains(h, []byte("multipart/related")) || bytes.Contains(h, []byte("content-type: text/html")))
}

// An htmlPart is one page of a web archive with the charset its part's
// Content-Type declares.
type htmlPart struct {
	body    []byte
	charset string
}

// maxFrames bounds the frames' pages read from one archive.
const maxFrames = 16

// mhtmlPages takes the pages out of a web archive as Chromium, Edge and
// Internet Explorer save it ("网页，单个文件"): the main page (the part
// "start" names, else the first text/html part), then the pages of its
// frames, decoded from quoted-printable or base64.
func mhtmlPages(data []byte) ([]htmlPart, error) {
	r := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	h, err := r.ReadMIMEHeader()
	if err != nil && len(h) == 0 {
		return nil, fmt.Errorf("网页存档（MHTML）的头部无法读取：%v", err)
	}
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("网页存档（MHTML）的内容类型无法识别：%v", err)
	}
	if mediaType == "text/html" {
		body, err := partBody(r.R, h.Get("Content-Transfer-Encoding"))
		return []htmlPart{{body, params["charset"]}}, err
	}
	if !strings.HasPrefix(mediaType, "multipart/") || params["boundary"] == "" {
		return nil, fmt.Errorf("网页存档（MHTML）的内容类型是 %s，其中没有网页", mediaType)
	}
	start := strings.Trim(params["start"], "<>")
	mr := multipart.NewReader(r.R, params["boundary"])
	var pages []htmlPart
	total := 0
	for len(pages) < maxFrames {
		p, err := mr.NextRawPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(pages) > 0 {
				break // a torn archive: its pages came before the tear
			}
			return nil, fmt.Errorf("网页存档（MHTML）已损坏：%v", err)
		}
		t, ps, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if t != "text/html" {
			continue
		}
		body, err := partBody(p, p.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			return nil, err
		}
		if total += len(body); total > MaxPageBytes {
			return nil, errTooLarge
		}
		part := htmlPart{body, ps["charset"]}
		if start != "" && strings.Trim(p.Header.Get("Content-ID"), "<>") == start {
			pages = append([]htmlPart{part}, pages...)
		} else {
			pages = append(pages, part)
		}
	}
	if len(pages) == 0 {
		return nil, errors.New("网页存档（MHTML）中没有网页（text/html）部分")
	}
	return pages, nil
}

// partBody reads one part, undoing its transfer encoding, at most maxPage
// bytes of it.
func partBody(r io.Reader, transfer string) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(transfer)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, newlineStripper{r})
	}
	body, err := io.ReadAll(io.LimitReader(r, MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("网页存档（MHTML）中的网页无法解码：%v", err)
	}
	if len(body) > MaxPageBytes {
		return nil, errTooLarge
	}
	return body, nil
}

// newlineStripper drops the spaces some writers leave in base64 lines
// (base64's decoder already skips CR and LF).
type newlineStripper struct{ r io.Reader }

func (s newlineStripper) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	k := 0
	for _, b := range p[:n] {
		if b != ' ' && b != '\t' {
			p[k] = b
			k++
		}
	}
	return k, err
}
