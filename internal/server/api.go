package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/rectify/rectify/internal/check"
	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/safeio"
)

// apiError is the body of every refusal: a Chinese message for the page and
// a code for programs.
type apiError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

func fail(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Error: msg, Code: code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		fmt.Fprintf(&buf, `{"error":"内部错误","code":"internal"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// failWork answers an error of s.work or of a reader or writer.
func (s *Server) failWork(w http.ResponseWriter, err error) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, errBusy):
		fail(w, http.StatusTooManyRequests, "busy", "服务器正忙（同时处理的文件已达上限），请稍后再试")
	case errors.Is(err, errTimeout):
		fail(w, http.StatusRequestTimeout, "timeout", fmt.Sprintf("处理超时（超过 %s），文件可能过大或已损坏", s.cfg.Timeout))
	case errors.As(err, &tooBig):
		fail(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("文件过大（超过 %s）", sizeText(s.cfg.MaxUpload)))
	case errors.Is(err, diag.ErrNeedPassword):
		fail(w, http.StatusUnprocessableEntity, "password", err.Error())
	case errors.Is(err, context.Canceled):
		fail(w, http.StatusServiceUnavailable, "canceled", "请求已取消")
	default:
		fail(w, http.StatusUnprocessableEntity, "input", err.Error())
	}
}

func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// formatsReply tells the page what it may open and what it may offer for
// download, and the status vocabulary, so the page never keeps its own copy.
type formatsReply struct {
	Read     []string      `json:"read"`
	Write    []writeFormat `json:"write"`
	Statuses []statusWord  `json:"statuses"`
}

type writeFormat struct {
	Format    string `json:"format"`
	Extension string `json:"extension"`
}

type statusWord struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

func (s *Server) formats(w http.ResponseWriter, r *http.Request) {
	reply := formatsReply{Read: format.ReadExtensions()}
	for _, name := range format.WriteFormats() {
		reply.Write = append(reply.Write, writeFormat{Format: name, Extension: format.Extension(name)})
	}
	for _, st := range notice.Statuses {
		reply.Statuses = append(reply.Statuses, statusWord{st, notice.StatusLabel[st]})
	}
	writeJSON(w, http.StatusOK, reply)
}

// form is a multipart request read into memory: the standard library's
// ParseMultipartForm would spill large parts to temporary files, and nothing
// a client sends is to touch the disk.
type form struct {
	values map[string]string
	files  map[string]upload
}

type upload struct {
	name string // the client's file name: for messages and the format only
	data []byte
}

func (s *Server) readForm(w http.ResponseWriter, r *http.Request) (*form, bool) {
	if r.ContentLength > s.cfg.MaxUpload {
		s.failWork(w, &http.MaxBytesError{Limit: s.cfg.MaxUpload})
		return nil, false
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		fail(w, http.StatusUnsupportedMediaType, "content_type", "请求需要是 multipart/form-data")
		return nil, false
	}
	mr, err := r.MultipartReader()
	if err != nil {
		fail(w, http.StatusBadRequest, "form", "请求格式不对："+err.Error())
		return nil, false
	}
	f := &form{values: map[string]string{}, files: map[string]upload{}}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return f, true
		}
		if err != nil {
			s.failForm(w, err)
			return nil, false
		}
		data, err := io.ReadAll(p)
		if err != nil {
			s.failForm(w, err)
			return nil, false
		}
		if p.FileName() != "" {
			f.files[p.FormName()] = upload{name: filepath.Base(p.FileName()), data: data}
		} else {
			f.values[p.FormName()] = string(data)
		}
	}
}

func (s *Server) failForm(w http.ResponseWriter, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.failWork(w, err)
		return
	}
	fail(w, http.StatusBadRequest, "form", "请求格式不对："+err.Error())
}

// importFile reads an uploaded file with the reader its name or its bytes
// call for and answers the notice JSON.
func (s *Server) importFile(w http.ResponseWriter, r *http.Request) {
	f, ok := s.readForm(w, r)
	if !ok {
		return
	}
	up, ok := f.files["file"]
	if !ok {
		fail(w, http.StatusBadRequest, "form", "请求中没有文件（字段 file）")
		return
	}
	name := format.FromPath(up.name)
	if name == "" {
		name = format.Sniff(up.data)
	}
	if name == "" {
		fail(w, http.StatusUnsupportedMediaType, "format",
			fmt.Sprintf("%s：无法识别的文件类型（支持 %s）", up.name, strings.Join(format.ReadExtensions(), " ")))
		return
	}
	opt := s.options(f)
	opt.File = up.name
	var n *notice.Notice
	err := s.work(r.Context(), func(ctx context.Context) error {
		var err error
		n, err = format.Read(ctx, name, up.data, opt)
		return err
	})
	if err != nil {
		s.failWork(w, diag.Wrap(up.name, err))
		return
	}
	out, err := notice.Marshal(n)
	if err != nil {
		s.failWork(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(out)
}

// options takes the reader's and writer's settings a page may give. Paths
// (templates, font folders, layouts) are never taken from a request.
func (s *Server) options(f *form) format.Options {
	return format.Options{
		Password:         f.values["password"],
		Sheet:            f.values["sheet"],
		Today:            f.values["today"],
		Mark:             f.values["mark"],
		CC:               f.values["cc"],
		Printer:          f.values["printer"],
		PrintDate:        f.values["print_date"],
		FontDir:          s.cfg.FontDir,
		BundledFontsOnly: s.cfg.BundledFontsOnly,
	}
}

// readNotice decodes the notice JSON a client sends, as `rectify convert`
// reads a .json file.
func readNotice(data []byte) (*notice.Notice, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("请求中没有通报数据")
	}
	n, err := notice.Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("通报数据有误：%w", err)
	}
	return n, nil
}

// check runs the proof-reader on the notice JSON in the body.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > s.cfg.MaxUpload {
		s.failWork(w, &http.MaxBytesError{Limit: s.cfg.MaxUpload})
		return
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		fail(w, http.StatusUnsupportedMediaType, "content_type", "请求需要是 application/json")
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload))
	if err != nil {
		s.failForm(w, err)
		return
	}
	n, err := readNotice(data)
	if err != nil {
		fail(w, http.StatusUnprocessableEntity, "input", err.Error())
		return
	}
	var findings []check.Finding
	err = s.work(r.Context(), func(ctx context.Context) error {
		findings = check.Check(n, check.Options{Today: r.URL.Query().Get("today"), Covers: s.covers()})
		return nil
	})
	if err != nil {
		s.failWork(w, err)
		return
	}
	if findings == nil {
		findings = []check.Finding{}
	}
	writeJSON(w, http.StatusOK, findings)
}

// export writes the notice in the form field "notice" in the format the
// path names; an .xlsx may be filled into the uploaded "template".
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	to := format.Name(r.PathValue("format"))
	write, err := format.LookupWriter(to)
	if to == "" || err != nil {
		fail(w, http.StatusNotFound, "format", fmt.Sprintf("不支持写出这种格式（%s）；可写出：%s",
			r.PathValue("format"), strings.Join(format.WriteFormats(), "、")))
		return
	}
	f, ok := s.readForm(w, r)
	if !ok {
		return
	}
	n, err := readNotice([]byte(f.values["notice"]))
	if err != nil {
		fail(w, http.StatusUnprocessableEntity, "input", err.Error())
		return
	}
	opt := s.options(f)
	out := fileName(n, to)
	opt.File = out
	if tpl, ok := f.files["template"]; ok {
		if to != "xlsx" {
			fail(w, http.StatusBadRequest, "form", "只有 .xlsx 台账可以填入模板")
			return
		}
		path, cleanup, err := tempCopy(tpl.data)
		if err != nil {
			fail(w, http.StatusInternalServerError, "internal", "无法保存模板："+err.Error())
			return
		}
		defer cleanup()
		opt.Template = path
	}
	var buf bytes.Buffer
	err = s.work(r.Context(), func(ctx context.Context) error { return write(ctx, n, &buf, opt) })
	if err != nil {
		if opt.Template != "" {
			// The ledger names the template by its path: show the
			// clerk's file name, never our temporary one.
			err = renamedError{err, strings.ReplaceAll(err.Error(), opt.Template, f.files["template"].name)}
		}
		s.failWork(w, diag.Wrap(out, err))
		return
	}
	w.Header().Set("Content-Type", contentType(to))
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": out}))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// renamedError keeps an error's identity with a rewritten message.
type renamedError struct {
	err error
	msg string
}

func (e renamedError) Error() string { return e.msg }
func (e renamedError) Unwrap() error { return e.err }

// tempCopy writes an uploaded template to a temporary file with a name of
// our choosing (the ledger writer fills a template by path); cleanup removes it.
func tempCopy(data []byte) (string, func(), error) {
	tf, err := os.CreateTemp(safeio.TempDir(), "rectify-template-*.xlsx")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.Remove(tf.Name()) }
	if _, err := tf.Write(data); err != nil {
		tf.Close()
		cleanup()
		return "", nil, err
	}
	if err := tf.Close(); err != nil {
		cleanup()
		return "", nil, err
	}
	return tf.Name(), cleanup, nil
}

func contentType(name string) string {
	switch name {
	case "pdf":
		return "application/pdf"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "json":
		return "application/json; charset=utf-8"
	case "text":
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// documentWords names what each format holds, for file names.
var documentWords = map[string]string{"pdf": "通报", "docx": "通报", "text": "通报", "json": "通报数据", "xlsx": "整改台账"}

// fileName builds a download's name from the issuer and the date:
// "寿宁工业园区管理委员会_2025-06-24_通报.pdf".
func fileName(n *notice.Notice, to string) string {
	var parts []string
	if n.Issuer != "" {
		parts = append(parts, n.Issuer)
	}
	if n.Date != "" {
		parts = append(parts, n.Date)
	}
	word := documentWords[to]
	if word == "" {
		word = "通报"
	}
	parts = append(parts, word)
	name := strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`\/:*?"<>|`, r) {
			return -1
		}
		return r
	}, strings.Join(parts, "_"))
	return name + format.Extension(to)
}
