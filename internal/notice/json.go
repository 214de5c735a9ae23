package notice

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// MarshalJSON writes n as the contract's JSON, indented, ending in a newline.
func Marshal(n *Notice) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	c := *n
	c.Format = FormatVersion
	if err := enc.Encode(&c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Encode writes n to w exactly as Marshal does, one category at a time, so
// that a notice of 100,000 issues is not held twice (as the model and as its
// JSON) on the way out.
func Encode(w io.Writer, n *Notice) error {
	cats := n.Categories
	if len(cats) == 0 {
		data, err := Marshal(n)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	// The notice with one marker category in place of the list: its text
	// says where the categories go.
	marker := Category{Title: "\x00rectify: categories here\x00"}
	c := *n
	c.Categories = []Category{marker}
	top, err := Marshal(&c)
	if err != nil {
		return err
	}
	var elem bytes.Buffer
	enc := json.NewEncoder(&elem)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(&marker); err != nil {
		return err
	}
	ph := bytes.TrimSuffix(elem.Bytes(), []byte("\n"))
	at := bytes.Index(top, ph)
	if at < 0 || bytes.Count(top, ph) != 1 {
		return errors.New("internal: category marker not found once")
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(top[:at])
	for i := range cats {
		if i > 0 {
			bw.WriteString(",\n    ")
		}
		if err := encodeCategory(bw, &cats[i]); err != nil {
			return err
		}
	}
	bw.Write(top[at+len(ph):])
	return bw.Flush()
}

// encodeCategory writes one category as an element of the categories list,
// its issues one at a time (a ledger may put all its rows in one category).
func encodeCategory(w *bufio.Writer, c *Category) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	encode := func(v any, prefix string) ([]byte, error) {
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	if len(c.Issues) == 0 {
		b, err := encode(c, "    ")
		w.Write(b)
		return err
	}
	marker := Issue{Title: "\x00rectify: issues here\x00"}
	mc := *c
	mc.Issues = []Issue{marker}
	b, err := encode(&mc, "    ")
	if err != nil {
		return err
	}
	top := bytes.Clone(b)
	ph, err := encode(&marker, "        ")
	if err != nil {
		return err
	}
	at := bytes.Index(top, ph)
	if at < 0 || bytes.Count(top, ph) != 1 {
		return errors.New("internal: issue marker not found once")
	}
	w.Write(top[:at])
	for i := range c.Issues {
		if i > 0 {
			w.WriteString(",\n        ")
		}
		b, err := encode(&c.Issues[i], "        ")
		if err != nil {
			return err
		}
		w.Write(b)
	}
	w.Write(top[at+len(ph):])
	return nil
}

// Unmarshal reads the contract's JSON strictly: unknown keys at the top are
// tolerated (the contract lets producers add keys), but wrong types, a missing
// or unknown "format", trailing data and invalid statuses are errors with a
// Chinese message.
func Unmarshal(data []byte) (*Notice, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("文件为空")
	}
	var n Notice
	if err := json.Unmarshal(data, &n); err != nil {
		return nil, jsonError(err)
	}
	switch {
	case n.Format == 0:
		return nil, errors.New(`不是 rectify 的通报数据：缺少 "format" 字段`)
	case n.Format != FormatVersion:
		return nil, fmt.Errorf(`不支持的数据格式版本 "format": %d（本程序只支持 %d）`, n.Format, FormatVersion)
	}
	if err := n.Validate(); err != nil {
		return nil, err
	}
	return &n, nil
}

func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se) && strings.Contains(se.Error(), "unexpected end"):
		return errors.New("JSON 不完整（文件被截断？）")
	case errors.As(err, &se) && strings.Contains(se.Error(), "after top-level value"):
		return errors.New("JSON 之后还有多余内容")
	case errors.As(err, &se):
		return fmt.Errorf("JSON 语法错误（第 %d 字节附近）", se.Offset)
	case errors.As(err, &te):
		return fmt.Errorf("JSON 字段 %q 类型错误：应为%s，实为 %s", te.Field, kindName(te.Type.Kind()), te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("JSON 不完整（文件被截断？）")
	}
	return fmt.Errorf("JSON 无法读取：%v", err)
}

func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "数组"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "对象"
	case reflect.String:
		return "字符串"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "数字"
	case reflect.Bool:
		return "布尔值"
	}
	return k.String()
}

// Validate checks what the type system cannot: the status vocabulary.
func (n *Notice) Validate() error {
	for ci, c := range n.Categories {
		for ii, is := range c.Issues {
			if is.Status == "" {
				continue
			}
			if _, ok := StatusLabel[is.Status]; !ok {
				return fmt.Errorf("第 %d 类第 %d 个问题（序号 %d）的 status %q 不在词表内（应为 %s）",
					ci+1, ii+1, is.Number, is.Status, strings.Join(Statuses, "、"))
			}
		}
	}
	return nil
}
