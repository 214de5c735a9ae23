// Package format is the registry of readers and writers, pandoc-style: each
// format is one package, every reader yields a *notice.Notice and every
// writer takes one. No reader knows a writer.
package format

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rectify/rectify/internal/docx"
	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/olefile"
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
	// inputOnly are extensions rectify reads but never writes: WPS's own
	// names (.wps is a Word binary or .docx inside, .et an .xls or .xlsx)
	// and the templates and macro variants of Word and Excel files. What the
	// bytes are decides the reader (Read).
	inputOnly = map[string]string{"rtf": "docx", "wps": "docx", "wpt": "docx", "dot": "docx", "dotx": "docx", "docm": "docx", "dotm": "docx",
		"et": "xls", "ett": "xls", "xlt": "xls", "xltx": "xlsx", "xltm": "xlsx"}
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

// FromPath names the format of an input file by its extension.
func FromPath(path string) string {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if name, ok := inputOnly[ext]; ok {
		return name
	}
	return Name(ext)
}

// OutputFromPath names the format to write by the output's extension; the
// input-only extensions (.wps, .et, templates) name none.
func OutputFromPath(path string) string { return Name(filepath.Ext(path)) }

// pdfHeaderWithin is how far into a file named .pdf its "%PDF-" header may
// start: mail gateways and web downloads put bytes before it, and readers
// (Acrobat, poppler) look this far.
const pdfHeaderWithin = 1024

// Sniff names the format the bytes look like, or "" when unsure.
func Sniff(data []byte) string { return sniff(data, compoundOf(data)) }

// sniff is Sniff given what compoundOf says of the bytes, so that Decide
// walks an OLE file's directory once.
func sniff(data []byte, compound string) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if docx.IsDocx(data) {
			return "docx"
		}
		return "xlsx"
	case docx.IsRTF(data): // the Word reader reads RTF too
		return "docx"
	case bytes.HasPrefix(data, oleMagic):
		if compound == "docx" {
			return "docx"
		}
		return "xls" // its reader says what else it is (damaged, encrypted)
	}
	if ledger.IsSpreadsheetML(data) {
		return "xmlss"
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) > 0 && t[0] == '{' {
		return "json"
	}
	if isHTML(data) {
		return "html"
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

// oleMagic starts every OLE compound file.
var oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// compoundOf is compoundKind for an OLE compound file, "" for other bytes.
func compoundOf(data []byte) string {
	if !bytes.HasPrefix(data, oleMagic) {
		return ""
	}
	return compoundKind(data)
}

// compoundKind tells the Word binary (.doc, WPS's .wps) from the Excel one
// (.xls, WPS's .et) by the streams an OLE compound file holds. An .xlsx or
// .docx with an open password is also a compound file (its package
// encrypted inside): "encrypted". A damaged file, or one with none of these,
// is "".
func compoundKind(data []byte) string {
	kind := ""
	_, err := olefile.Streams(data, nil, 0, func(name string) {
		switch name {
		case "WordDocument":
			kind = "docx"
		case "Workbook", "Book":
			kind = "xls"
		case "EncryptedPackage":
			kind = "encrypted"
		}
	})
	if err != nil {
		return ""
	}
	return kind
}

// isWorkbook reports whether a zip package is a spreadsheet (Excel, WPS,
// LibreOffice all name the workbook part in [Content_Types].xml).
func isWorkbook(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
		if f.Name == "[Content_Types].xml" && f.UncompressedSize64 < 1<<20 {
			rc, err := f.Open()
			if err != nil {
				return false
			}
			ct, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
			rc.Close()
			if bytes.Contains(ct, []byte("spreadsheetml")) || bytes.Contains(ct, []byte("ms-excel.sheet")) {
				return true
			}
		}
	}
	return false
}

// containers are the formats whose bytes say for certain what they are.
var containers = map[string]string{"pdf": "PDF", "docx": "Word", "xlsx": "XLSX", "xls": "XLS", "xmlss": "Excel 2003 XML", "html": "网页"}

// Decide names the reader for data whose extension or --from says name (""
// when neither says anything): where the bytes are certainly of another
// kind (an .xlsx saved as .xls, a Word file named .xls, a PDF named .txt or
// without an extension) they decide. It gives the bytes that reader takes (a
// PDF without what came before its header) and refuses a file that is not
// what a binary format's name says (a text file renamed .pdf).
func Decide(name string, data []byte, file string) (kind string, body []byte, err error) {
	compound := compoundOf(data)
	sniffed := sniff(data, compound)
	if sniffed == "xlsx" && !isWorkbook(data) {
		sniffed = "" // a zip that is neither: a zip reader says what it lacks
		if name == "xlsx" || name == "docx" {
			sniffed = name
		}
	}
	if bytes.HasPrefix(data, oleMagic) {
		switch compound {
		case "encrypted":
			return "", nil, errors.New("文件设有打开密码（已加密），无法读取：请在 Word、Excel 或 WPS 中取消密码后另存，再导入")
		case "":
			if name == "docx" || name == "xls" {
				sniffed = name // damaged or unknown: the named reader says how
			}
		}
	}
	if sniffed == "" && (name == "xls" || name == "xlsx" || name == "docx") && isTableExport(data) {
		sniffed = "html" // a web system's "Excel" download: an HTML table under an .xls name
	}
	if name == "pdf" && sniffed == "" {
		if at := bytes.Index(data[:min(len(data), pdfHeaderWithin)], []byte("%PDF-")); at > 0 {
			data, sniffed = data[at:], "pdf"
		}
	}
	ext := filepath.Ext(file)
	if ext == "" && name != "" {
		ext = "." + name
	}
	if _, ok := containers[sniffed]; ok {
		return sniffed, data, nil
	}
	if what, ok := containers[name]; ok {
		if name != "docx" { // the Word reader says what a non-Word file is
			return "", nil, fmt.Errorf("扩展名是 %s，但内容不是 %s 文件", ext, what)
		}
	}
	if name == "" && sniffed == "json" {
		return "json", data, nil
	}
	if name == "" {
		what := fmt.Sprintf("无法识别的扩展名 %q", ext)
		if ext == "" {
			what = "文件没有扩展名"
		}
		return "", nil, fmt.Errorf("%s，内容也不是 PDF、Word 或 Excel 文件（可读取 %s；文字通报请用 .txt 扩展名或 --from txt）", what, strings.Join(ReadExtensions(), " "))
	}
	return name, data, nil
}

// Read reads data as the named format, or as what Decide finds the bytes
// are; opt.Log says so when they are not what the extension says, unless
// the extension is one that may hold either (WPS's .et and .wps).
func Read(ctx context.Context, name string, data []byte, opt Options) (n *notice.Notice, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("文件为空")
	}
	kind, data, err := Decide(name, data, opt.File)
	if err != nil {
		return nil, err
	}
	if kind != name {
		if _, either := inputOnly[strings.ToLower(strings.TrimPrefix(filepath.Ext(opt.File), "."))]; !either {
			what := containers[kind]
			logf(opt, fmt.Sprintf("%s：内容其实是 %s 文件，按 %s 读取", opt.File, what, what))
		}
		name = kind
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
	for _, m := range []map[string]string{aliases, inputOnly} {
		for ext, name := range m {
			if _, ok := readers[name]; ok {
				out = append(out, "."+ext)
			}
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
