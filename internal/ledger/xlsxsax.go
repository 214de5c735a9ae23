package ledger

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/orisano/gosax"
)

// The large parts of a workbook (its sheets and shared strings) are read with
// gosax, a tokenizer that finds markup with word-at-a-time byte search:
// encoding/xml's token reader took most of a 100,000-row import. gosax does
// not check well-formedness, so what this reader relies on is checked here:
// no single token may grow past maxXMLToken (a run of bytes without markup,
// such as a zip bomb of one byte, would otherwise be buffered whole), text
// must be UTF-8, and entities must be XML's.

// maxXMLToken bounds one tag or text run: Excel's longest cell, 32,767
// characters, written with an entity for each, is under 1 MiB.
const maxXMLToken = 4 << 20

var errXMLToken = errors.New("XML token too long")

// saxPart is one part being read.
type saxPart struct {
	name   string
	limit  int64
	rc     io.ReadCloser
	lr     *limitedReader
	budget tokenBudget
	r      *gosax.Reader
	names  []byte // the open elements' names, end to end
	ends   []int  // where each open element's name ends in names
}

// maxXMLDepth bounds element nesting: a sheet nests six deep.
const maxXMLDepth = 256

// tokenBudget fails a read once a single event has read more than its
// budget; next resets it before each event.
type tokenBudget struct {
	r    io.Reader
	left int
}

func (t *tokenBudget) Read(p []byte) (int, error) {
	if t.left <= 0 {
		return 0, errXMLToken
	}
	n, err := t.r.Read(p)
	t.left -= n
	return n, err
}

func (b *xlsxBook) openSAX(f *zip.File, limit int64) (*saxPart, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, errXLSXDamaged
	}
	x := &saxPart{name: f.Name, limit: limit, rc: rc, lr: &limitedReader{r: rc, left: limit}}
	x.budget.r = x.lr
	x.r = gosax.NewReaderSize(&x.budget, 256<<10)
	x.r.EmitSelfClosingTag = true
	return x, nil
}

func (x *saxPart) close() { x.rc.Close() }

// next returns the next event: its type, the element's local name (for a
// start or end tag) and the event itself, valid until the next call.
func (x *saxPart) next() (uint8, []byte, gosax.Event, error) {
	x.budget.left = maxXMLToken
	ev, err := x.r.Event()
	if err != nil {
		switch {
		case x.lr.over:
			return 0, nil, ev, fmt.Errorf("Excel（.xlsx）文件的 %s 解压后超过 %d MB（可能是压缩炸弹），拒绝读取", x.name, x.limit>>20)
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return 0, nil, ev, fmt.Errorf("Excel（.xlsx）文件已损坏：%s 不完整", x.name)
		}
		return 0, nil, ev, fmt.Errorf("Excel（.xlsx）文件已损坏：%s 不是有效的 XML", x.name)
	}
	typ := ev.Type()
	var local []byte
	switch typ {
	case gosax.EventStart, gosax.EventEnd:
		name, _ := gosax.Name(ev.Bytes)
		if err := x.balance(typ, name); err != nil {
			return 0, nil, ev, err
		}
		local = name
		if i := bytes.LastIndexByte(local, ':'); i >= 0 {
			local = local[i+1:]
		}
	case gosax.EventEOF:
		if len(x.ends) > 0 {
			return 0, nil, ev, fmt.Errorf("Excel（.xlsx）文件已损坏：%s 不完整", x.name)
		}
	}
	return typ, local, ev, nil
}

// balance checks that each end tag closes the element open last.
func (x *saxPart) balance(typ uint8, name []byte) error {
	if typ == gosax.EventStart {
		if len(x.ends) >= maxXMLDepth {
			return fmt.Errorf("Excel（.xlsx）文件已损坏：%s 的元素嵌套超过 %d 层", x.name, maxXMLDepth)
		}
		x.names = append(x.names, name...)
		x.ends = append(x.ends, len(x.names))
		return nil
	}
	n := len(x.ends)
	start := 0
	if n > 1 {
		start = x.ends[n-2]
	}
	if n == 0 || !bytes.Equal(x.names[start:], name) {
		return fmt.Errorf("Excel（.xlsx）文件已损坏：%s 不是有效的 XML", x.name)
	}
	x.names, x.ends = x.names[:start], x.ends[:n-1]
	return nil
}

// attrs calls fn with each attribute of a start tag, its value entities
// decoded; one pass, for elements whose several attributes are all wanted.
func (x *saxPart) attrs(ev gosax.Event, fn func(key, value []byte)) {
	_, rest := gosax.Name(ev.Bytes)
	for len(rest) > 0 {
		a, r, err := gosax.NextAttribute(rest)
		if err != nil || len(a.Key) == 0 {
			return
		}
		rest = r
		if len(a.Value) < 2 {
			continue
		}
		v := a.Value[1 : len(a.Value)-1]
		if bytes.IndexByte(v, '&') >= 0 {
			u, err := gosax.Unescape(bytes.Clone(v))
			if err != nil {
				continue
			}
			v = u
		}
		fn(a.Key, v)
	}
}

// attr is the value of a start tag's attribute (unprefixed, or any prefix
// when the name is only found with one), entities decoded; nil if absent.
func (x *saxPart) attr(ev gosax.Event, local string) []byte {
	_, rest := gosax.Name(ev.Bytes)
	for len(rest) > 0 {
		a, r, err := gosax.NextAttribute(rest)
		if err != nil || len(a.Key) == 0 {
			return nil
		}
		rest = r
		if string(a.Key) != local || len(a.Value) < 2 {
			continue
		}
		v := a.Value[1 : len(a.Value)-1]
		if bytes.IndexByte(v, '&') >= 0 {
			if u, err := gosax.Unescape(bytes.Clone(v)); err == nil {
				return u
			}
			return nil
		}
		return v
	}
	return nil
}

// appendText appends a text or CDATA event's characters to dst.
func (x *saxPart) appendText(dst []byte, typ uint8, ev gosax.Event) ([]byte, error) {
	t := ev.Bytes
	if typ == gosax.EventCData {
		t = bytes.TrimSuffix(bytes.TrimPrefix(t, []byte("<![CDATA[")), []byte("]]>"))
	} else if u, err := gosax.Unescape(t); err == nil {
		t = u
	} else {
		return dst, fmt.Errorf("Excel（.xlsx）文件已损坏：%s 不是有效的 XML", x.name)
	}
	if len(dst)+len(t) > maxCellChars*4 {
		return dst, fmt.Errorf("Excel（.xlsx）文件中有超过 %d 个字符的单元格（Excel 单元格的上限），文件已损坏", maxCellChars)
	}
	if !utf8.Valid(t) {
		return dst, fmt.Errorf("Excel（.xlsx）文件已损坏：%s 中有不是 UTF-8 的文字", x.name)
	}
	return append(dst, t...), nil
}
