package ledger

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// The first pass of WriteJSON only needs each category's title and number
// of issues, and the notice's other top-level values: a byte scanner finds
// them without decoding the issues (encoding/json took a quarter of the
// whole conversion doing so). Anything it does not like makes WriteJSON
// read the file whole instead, so its strictness does not matter for
// messages; the second pass decodes and checks every issue.

// maxJSONDepth: nesting beyond this is not a notice (encoding/json's limit).
const maxJSONDepth = 10000

var errScan = errors.New("json scan")

// scanCategory is what the first pass keeps of a category.
type scanCategory struct {
	number, section int
	title           string
	issues          int
}

type jsonScanner struct {
	r       *bufio.Reader
	capture *bytes.Buffer // when set, consumed bytes are copied here
}

func (s *jsonScanner) byte() (byte, error) {
	c, err := s.r.ReadByte()
	if err != nil {
		return 0, errScan
	}
	if s.capture != nil {
		s.capture.WriteByte(c)
	}
	return c, nil
}

// nonSpace returns the next byte that is not white space.
func (s *jsonScanner) nonSpace() (byte, error) {
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return 0, errScan
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		if s.capture != nil {
			s.capture.WriteByte(c)
		}
		return c, nil
	}
}

// str reads a string's remaining bytes after its opening quote.
func (s *jsonScanner) str() error {
	for {
		c, err := s.byte()
		if err != nil {
			return err
		}
		switch c {
		case '\\':
			if _, err := s.byte(); err != nil {
				return err
			}
		case '"':
			return nil
		}
	}
}

// skip reads one value whose first byte is c, iteratively (no recursion on
// hostile nesting).
func (s *jsonScanner) skip(c byte) error {
	depth := 0
	for {
		switch c {
		case '"':
			if err := s.str(); err != nil {
				return err
			}
		case '{', '[':
			depth++
			if depth > maxJSONDepth {
				return errScan
			}
		case '}', ']':
			depth--
		case ',', ':':
		default:
			// A literal: up to a delimiter, which the caller reads.
			for {
				b, err := s.r.Peek(1)
				if err != nil || bytes.IndexByte([]byte(",}] \t\r\n:"), b[0]) >= 0 {
					break
				}
				if _, err := s.byte(); err != nil {
					return err
				}
			}
		}
		if depth <= 0 {
			if depth < 0 {
				return errScan
			}
			return nil
		}
		var err error
		if c, err = s.nonSpace(); err != nil {
			return err
		}
	}
}

// key reads an object key (after its opening quote has been read) and the
// colon after it.
func (s *jsonScanner) key() (string, error) {
	var raw bytes.Buffer
	raw.WriteByte('"')
	old := s.capture
	s.capture = &raw
	err := s.str()
	s.capture = old
	if err != nil {
		return "", err
	}
	var k string
	if json.Unmarshal(raw.Bytes(), &k) != nil {
		return "", errScan
	}
	if c, err := s.nonSpace(); err != nil || c != ':' {
		return "", errScan
	}
	return k, nil
}

// raw reads one value and returns its bytes.
func (s *jsonScanner) raw() ([]byte, error) {
	c, err := s.nonSpace()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteByte(c)
	s.capture = &buf
	err = s.skip(c)
	s.capture = nil
	return buf.Bytes(), err
}

// object calls fn for each key of an object whose '{' comes next; fn must
// read the key's value.
func (s *jsonScanner) object(fn func(key string) error) error {
	if c, err := s.nonSpace(); err != nil || c != '{' {
		return errScan
	}
	for first := true; ; first = false {
		c, err := s.nonSpace()
		if err != nil {
			return err
		}
		if c == '}' && first {
			return nil
		}
		if !first {
			if c == '}' {
				return nil
			}
			if c != ',' {
				return errScan
			}
			if c, err = s.nonSpace(); err != nil {
				return err
			}
		}
		if c != '"' {
			return errScan
		}
		k, err := s.key()
		if err != nil {
			return err
		}
		if err := fn(k); err != nil {
			return err
		}
	}
}

// array calls fn for each element of an array whose '[' comes next; fn gets
// the element's first byte and must read the rest of it.
func (s *jsonScanner) array(fn func(c byte) error) error {
	c, err := s.nonSpace()
	if err != nil || c != '[' {
		return errScan
	}
	for first := true; ; first = false {
		c, err := s.nonSpace()
		if err != nil {
			return err
		}
		if c == ']' {
			return nil
		}
		if !first {
			if c != ',' {
				return errScan
			}
			if c, err = s.nonSpace(); err != nil {
				return err
			}
		}
		if err := fn(c); err != nil {
			return err
		}
	}
}

// scanNotice reads a notice JSON's top-level values other than the
// categories raw, and of each category its number, title, section and
// number of issues.
func scanNotice(r io.Reader) (map[string]json.RawMessage, []scanCategory, error) {
	s := &jsonScanner{r: bufio.NewReaderSize(r, 1<<16)}
	top := map[string]json.RawMessage{}
	var cats []scanCategory
	err := s.object(func(key string) error {
		if key != "categories" {
			v, err := s.raw()
			top[key] = v
			return err
		}
		return s.array(func(c byte) error {
			if c != '{' {
				return errScan
			}
			s.r.UnreadByte()
			var sc scanCategory
			err := s.object(func(key string) error {
				switch key {
				case "issues":
					return s.array(func(c byte) error {
						sc.issues++
						return s.skip(c)
					})
				case "title", "number", "section":
					v, err := s.raw()
					if err != nil {
						return err
					}
					var dst any = &sc.title
					if key == "number" {
						dst = &sc.number
					} else if key == "section" {
						dst = &sc.section
					}
					if json.Unmarshal(v, dst) != nil {
						return errScan
					}
					return nil
				}
				_, err := s.raw()
				return err
			})
			cats = append(cats, sc)
			return err
		})
	})
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.nonSpace(); err == nil {
		return nil, nil, errScan // something after the object
	}
	return top, cats, nil
}
