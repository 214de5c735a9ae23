// Package format is the registry of readers and writers, pandoc-style: each
// format is one package, every reader yields a *notice.Notice and every
// writer takes one. No reader knows a writer.
package format

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rectify/rectify/internal/docx"
	"github.com/rectify/rectify/internal/notice"
)

// Options carries what a user may set for a reader or a writer.
type Options struct {
	File     string // the input's name, for messages and sources
	Password string // PDF password
	Sheet    string // ledger sheet to read
	Template string // ledger or layout template to fill
	FontDir  string // extra folder with the office's fonts
	Today    string // ISO date used as "today" (tests, check)

	// The notice PDF's optional header and colophon (GB/T 9704 §7.2, §7.4).
	Mark, CC, Printer, PrintDate string
	// Layout is a layout template (JSON) replacing templates/gbt9704.json.
	Layout string
	// BundledFontsOnly ignores the office's installed fonts (reproducible output).
	BundledFontsOnly bool
	// Log receives what a user should know (which fonts were used); may be nil.
	Log func(msg string)
}

// Reader turns file bytes into a notice. It stops early with ctx.Err() when
// ctx is done (a timeout or an interrupt), never leaving work running.
type Reader func(ctx context.Context, data []byte, opt Options) (*notice.Notice, error)

// Writer writes a notice to w in its format.
type Writer func(ctx context.Context, n *notice.Notice, w io.Writer, opt Options) error

// bytesWriter adapts a writer that builds its output whole.
func bytesWriter(f func(n *notice.Notice, opt Options) ([]byte, error)) Writer {
	return func(ctx context.Context, n *notice.Notice, w io.Writer, opt Options) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := f(n, opt)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
}

// StreamConverter converts an input read as a stream (it may seek back and
// read it twice) straight to an output, for inputs too large to hold with
// their model at once. An error of the input is an *InputError.
type StreamConverter func(ctx context.Context, r io.ReadSeeker, w io.Writer, opt Options) error

// InputError marks an error of a conversion's input, so that the message
// names the input file rather than the output.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

var streams = map[[2]string]StreamConverter{}

// RegisterStream adds a streaming path from one format to another.
func RegisterStream(from, to string, c StreamConverter) { streams[[2]string{from, to}] = c }

// LookupStream finds the streaming path between two formats, or nil. Like
// Read, it contains a panic deep in a library as an unreadable input.
func LookupStream(from, to string) StreamConverter {
	c := streams[[2]string{from, to}]
	if c == nil {
		return nil
	}
	return func(ctx context.Context, r io.ReadSeeker, w io.Writer, opt Options) (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = &InputError{fmt.Errorf("文件已损坏，无法读取（%v）", p)}
			}
		}()
		return c(ctx, r, w, opt)
	}
}

var (
	readers = map[string]Reader{}
	writers = map[string]Writer{}
	aliases = map[string]string{"txt": "text", "text": "text", "md": "text", "markdown": "text",
		"json": "json", "pdf": "pdf", "xlsx": "xlsx", "xlsm": "xlsx", "xls": "xls", "csv": "csv"}
)

// RegisterReader adds a reader for a format name.
func RegisterReader(name string, r Reader) { readers[name] = r }

// RegisterWriter adds a writer for a format name.
func RegisterWriter(name string, w Writer) { writers[name] = w }

// Name maps an extension or a user's --from/--to word to a format name.
func Name(s string) string {
	s = strings.ToLower(strings.TrimPrefix(s, "."))
	return aliases[s]
}

// FromPath names the format of a file by its extension.
func FromPath(path string) string { return Name(filepath.Ext(path)) }

// Sniff names the format the bytes look like, or "" when unsure.
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if docx.IsDocx(data) {
			return "docx"
		}
		return "xlsx"
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return "xls"
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) > 0 && t[0] == '{' {
		return "json"
	}
	return ""
}

// LookupReader finds the reader for a format name.
func LookupReader(name string) (Reader, error) {
	if r, ok := readers[name]; ok {
		return r, nil
	}
	return nil, fmt.Errorf("不支持读取这种格式（%s）；可读取：%s", name, strings.Join(keys(readers), "、"))
}

// LookupWriter finds the writer for a format name.
func LookupWriter(name string) (Writer, error) {
	if w, ok := writers[name]; ok {
		return w, nil
	}
	return nil, fmt.Errorf("不支持写出这种格式（%s）；可写出：%s", name, strings.Join(keys(writers), "、"))
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Read reads data as the named format, checking that the bytes are of the
// kind the name says (a text file renamed .pdf is refused clearly).
func Read(ctx context.Context, name string, data []byte, opt Options) (n *notice.Notice, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("文件为空")
	}
	sniffed := Sniff(data)
	switch name {
	case "pdf", "xlsx", "xls":
		if sniffed != name {
			return nil, fmt.Errorf("扩展名是 .%s，但内容不是 %s 文件", name, strings.ToUpper(name))
		}
	}
	r, err := LookupReader(name)
	if err != nil {
		return nil, err
	}
	// Deep parser code in libraries may panic on corrupt input: contain it
	// here and report it as unreadable input.
	defer func() {
		if p := recover(); p != nil {
			n, err = nil, fmt.Errorf("文件已损坏，无法读取（%v）", p)
		}
	}()
	return r(ctx, data, opt)
}

// ReadExtensions lists the file extensions (".pdf", ".xlsx", …) that have a
// reader, sorted, so that file pickers offer every format as it arrives.
func ReadExtensions() []string {
	var out []string
	for ext, name := range aliases {
		if _, ok := readers[name]; ok {
			out = append(out, "."+ext)
		}
	}
	sort.Strings(out)
	return out
}

// WriteFormats lists the format names that have a writer, sorted.
func WriteFormats() []string { return keys(writers) }

// Extension is the usual file extension of a format name, with the dot.
func Extension(name string) string {
	if name == "text" {
		return ".txt"
	}
	return "." + name
}
