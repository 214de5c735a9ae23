package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/check"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/notice"
	_ "github.com/rectify/rectify/internal/testutil/golden" // knows the shared -update flag
)

const (
	testAddr  = "127.0.0.1:27149"
	testHost  = "127.0.0.1:27149"
	corpusPDF = "../../testdata/corpus/notice-2025-libreoffice.pdf"
)

func readTestFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func newTestServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Addr == "" {
		cfg.Addr = testAddr
	}
	if cfg.MaxJobs == 0 {
		cfg.MaxJobs = 2
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// part is one field of a multipart request; a file when name is set.
type part struct {
	field, name string
	data        []byte
}

func multipartBody(t *testing.T, parts ...part) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, p := range parts {
		var fw io.Writer
		var err error
		if p.name != "" {
			fw, err = w.CreateFormFile(p.field, p.name)
		} else {
			fw, err = w.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(p.data)
	}
	w.Close()
	return &buf, w.FormDataContentType()
}

// do sends a request as the page would (same origin) and returns the response.
func do(t *testing.T, s http.Handler, method, path string, body io.Reader, contentType string, edit ...func(*http.Request)) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, path, body)
	r.Host = testHost
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if method == http.MethodPost {
		r.Header.Set("Origin", "http://"+testHost)
	}
	for _, e := range edit {
		e(r)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Result()
}

func importFile(t *testing.T, s http.Handler, name string, data []byte, fields ...part) *http.Response {
	t.Helper()
	body, ct := multipartBody(t, append([]part{{field: "file", name: name, data: data}}, fields...)...)
	return do(t, s, http.MethodPost, "/api/import", body, ct)
}

// refusal decodes an error reply and checks its status and code.
func refusal(t *testing.T, res *http.Response, status int, code string) string {
	t.Helper()
	defer res.Body.Close()
	var e apiError
	if err := json.NewDecoder(res.Body).Decode(&e); err != nil {
		t.Fatalf("status %d, body is not an error reply: %v", res.StatusCode, err)
	}
	if res.StatusCode != status || e.Code != code {
		t.Fatalf("got %d %q (%s); want %d %q", res.StatusCode, e.Code, e.Error, status, code)
	}
	if e.Error == "" {
		t.Fatal("refusal without a message")
	}
	return e.Error
}

func decodeNotice(t *testing.T, res *http.Response) *notice.Notice {
	t.Helper()
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, data)
	}
	n, err := notice.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPageAndAssets(t *testing.T) {
	s := newTestServer(t, Config{})
	res := do(t, s, http.MethodGet, "/", nil, "")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(body), "整改通报工作台") {
		t.Fatalf("page: %d", res.StatusCode)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	// Every asset the page names is embedded: no CDN, nothing from the network.
	for _, ref := range []string{"/static/style.css", "/static/app.js", "/static/api.js", "/static/store.js", "/static/editor.js"} {
		res := do(t, s, http.MethodGet, ref, nil, "")
		data, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || len(data) == 0 {
			t.Errorf("%s: %d", ref, res.StatusCode)
		}
		if strings.Contains(string(data), "http://") || strings.Contains(string(data), "https://") {
			t.Errorf("%s refers to the network", ref)
		}
	}
	if strings.Contains(string(body), "https://") {
		t.Error("the page refers to the network")
	}
	res = do(t, s, http.MethodGet, "/static/nothing.js", nil, "")
	if res.StatusCode != 404 {
		t.Errorf("missing asset: %d", res.StatusCode)
	}
}

func TestFormats(t *testing.T) {
	s := newTestServer(t, Config{})
	res := do(t, s, http.MethodGet, "/api/formats", nil, "")
	var f formatsReply
	if err := json.NewDecoder(res.Body).Decode(&f); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".pdf", ".txt", ".md", ".json", ".xlsx", ".xls", ".csv", ".docx", ".html", ".htm", ".mhtml", ".mht"} {
		if !contains(f.Read, ext) {
			t.Errorf("readable formats %v lack %s", f.Read, ext)
		}
	}
	var writers []string
	for _, w := range f.Write {
		writers = append(writers, w.Format)
	}
	for _, name := range []string{"pdf", "docx", "xlsx", "json", "text"} {
		if !contains(writers, name) {
			t.Errorf("writers %v lack %s", writers, name)
		}
	}
	if len(f.Statuses) != 5 || f.Statuses[0].Label != "已完成" {
		t.Errorf("statuses %+v", f.Statuses)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestImport(t *testing.T) {
	s := newTestServer(t, Config{})
	n := decodeNotice(t, importFile(t, s, "通报.pdf", readTestFile(t, corpusPDF)))
	if got := len(n.Issues()); got != 63 {
		t.Errorf("corpus PDF: %d issues; want 63", got)
	}
	// The same as the CLI's reader gives.
	want, err := format.Read(context.Background(), "pdf", readTestFile(t, corpusPDF), format.Options{File: "通报.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := notice.Marshal(n)
	b, _ := notice.Marshal(want)
	if !bytes.Equal(a, b) {
		t.Error("the server's import differs from the reader's")
	}
	n = decodeNotice(t, importFile(t, s, "notice.txt", readTestFile(t, "../../testdata/corpus/notice-2025-extracted.txt")))
	if got := len(n.Issues()); got != 63 {
		t.Errorf("corpus text: %d issues", got)
	}
	n = decodeNotice(t, importFile(t, s, "台账.xlsx", readTestFile(t, "../../testdata/corpus/ledger-2025.xlsx")))
	if len(n.Issues()) == 0 {
		t.Error("ledger: no issues")
	}
	n = decodeNotice(t, importFile(t, s, "台账.csv", readTestFile(t, "../../testdata/ledgers/gbk.csv")))
	if len(n.Issues()) == 0 {
		t.Error("GBK CSV: no issues")
	}
	n = decodeNotice(t, importFile(t, s, "通报.docx", readTestFile(t, "../../testdata/docx/libreoffice-text.docx")))
	if len(n.Issues()) == 0 {
		t.Error("Word notice: no issues")
	}
	// A file without an extension is read by what its bytes are.
	n = decodeNotice(t, importFile(t, s, "download", readTestFile(t, corpusPDF)))
	if len(n.Issues()) != 63 {
		t.Error("sniffed PDF")
	}
	n = decodeNotice(t, importFile(t, s, "通报.mhtml", readTestFile(t, "../../testdata/html/chromium.mhtml")))
	if len(n.Issues()) == 0 {
		t.Error("web page saved by Chromium: no issues")
	}
	// A saved page without its extension is sniffed as a page.
	n = decodeNotice(t, importFile(t, s, "download", readTestFile(t, "../../testdata/html/cms-gbk.html")))
	if len(n.Issues()) != 7 {
		t.Errorf("sniffed GBK web page: %d issues, want 7", len(n.Issues()))
	}
}

func TestImportRefusals(t *testing.T) {
	s := newTestServer(t, Config{})
	// The same words as the CLI, naming the file.
	msg := refusal(t, importFile(t, s, "去年的通报.pdf", []byte("这不是 PDF")), 422, "input")
	if msg != "去年的通报.pdf：扩展名是 .pdf，但内容不是 PDF 文件" {
		t.Errorf("false PDF: %q", msg)
	}
	if msg := refusal(t, importFile(t, s, "空.txt", nil), 422, "input"); msg != "空.txt：文件为空" {
		t.Errorf("empty file: %q", msg)
	}
	refusal(t, importFile(t, s, "照片.jpg", []byte("\xff\xd8\xff\xe0 JFIF")), 415, "format")
	body, ct := multipartBody(t, part{field: "password", data: []byte("x")})
	refusal(t, do(t, s, http.MethodPost, "/api/import", body, ct), 400, "form")
	refusal(t, do(t, s, http.MethodPost, "/api/import", strings.NewReader("{}"), "application/json"), 415, "content_type")
	refusal(t, do(t, s, http.MethodPost, "/api/import", strings.NewReader("--x\r\nbroken"), "multipart/form-data; boundary=x"), 400, "form")
	res := do(t, s, http.MethodGet, "/api/import", nil, "")
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/import: %d", res.StatusCode)
	}
}

func TestImportPassword(t *testing.T) {
	s := newTestServer(t, Config{})
	locked := readTestFile(t, "../../testdata/pdf/aes256-user-password.pdf")
	msg := refusal(t, importFile(t, s, "加密.pdf", locked), 422, "password")
	if !strings.HasPrefix(msg, "加密.pdf：需要打开密码") {
		t.Errorf("no password: %q", msg)
	}
	msg = refusal(t, importFile(t, s, "加密.pdf", locked, part{field: "password", data: []byte("wrong")}), 422, "password")
	if !strings.Contains(msg, "密码不正确") {
		t.Errorf("wrong password: %q", msg)
	}
	n := decodeNotice(t, importFile(t, s, "加密.pdf", locked, part{field: "password", data: []byte("user-secret")}))
	if len(n.Issues()) == 0 {
		t.Error("decrypted PDF has no issues")
	}
}

func TestUploadLimit(t *testing.T) {
	s := newTestServer(t, Config{MaxUpload: 64 << 10})
	pdf := readTestFile(t, corpusPDF)
	if len(pdf) <= 64<<10 {
		t.Fatal("the corpus PDF is no larger than the test's limit")
	}
	msg := refusal(t, importFile(t, s, "通报.pdf", pdf), 413, "too_large")
	if !strings.HasSuffix(msg, "文件过大（超过 64 KiB）") {
		t.Errorf("413 message %q", msg)
	}
	// A streamed body without Content-Length is cut at the limit too.
	body, ct := multipartBody(t, part{field: "file", name: "通报.pdf", data: pdf})
	refusal(t, do(t, s, http.MethodPost, "/api/import", io.MultiReader(body), ct, func(r *http.Request) { r.ContentLength = -1 }), 413, "too_large")
	big := bytes.Repeat([]byte(" "), 70<<10)
	refusal(t, do(t, s, http.MethodPost, "/api/check", bytes.NewReader(big), "application/json"), 413, "too_large")
	refusal(t, do(t, s, http.MethodPost, "/api/check", io.MultiReader(bytes.NewReader(big)), "application/json",
		func(r *http.Request) { r.ContentLength = -1 }), 413, "too_large")
}

func TestTimeout(t *testing.T) {
	s := newTestServer(t, Config{Timeout: time.Millisecond})
	msg := refusal(t, importFile(t, s, "通报.pdf", readTestFile(t, corpusPDF)), 408, "timeout")
	if !strings.Contains(msg, "处理超时") {
		t.Errorf("408 message %q", msg)
	}
	// The overrunning reader keeps its slot until it really stops; then
	// the slot is free again.
	deadline := time.Now().Add(10 * time.Second)
	for len(s.slots) > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if len(s.slots) != 0 {
		t.Error("the slot of the timed-out work was never freed")
	}
}

func TestBusy(t *testing.T) {
	s := newTestServer(t, Config{MaxJobs: 1, QueueWait: 50 * time.Millisecond})
	s.slots <- struct{}{} // one conversion is running
	msg := refusal(t, importFile(t, s, "通报.pdf", readTestFile(t, corpusPDF)), 429, "busy")
	if !strings.Contains(msg, "服务器正忙") {
		t.Errorf("429 message %q", msg)
	}
	<-s.slots
	decodeNotice(t, importFile(t, s, "通报.pdf", readTestFile(t, corpusPDF)))

	// Many at once: each is either served or refused with 429, none crashes.
	s = newTestServer(t, Config{MaxJobs: 1, QueueWait: 0})
	pdf := readTestFile(t, corpusPDF)
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	for range 6 {
		wg.Go(func() {
			res := importFile(t, s, "通报.pdf", pdf)
			mu.Lock()
			codes[res.StatusCode]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if codes[200]+codes[429] != 6 || codes[200] == 0 {
		t.Errorf("statuses %v", codes)
	}
}

func TestHostAndOrigin(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, host := range []string{"evil.example:27149", "evil.example", "127.0.0.1:8080", "192.168.1.5:27149"} {
		refusal(t, do(t, s, http.MethodGet, "/", nil, "", func(r *http.Request) { r.Host = host }), 403, "host")
	}
	for _, host := range []string{"localhost:27149", "127.0.0.1:27149", "[::1]:27149"} {
		if res := do(t, s, http.MethodGet, "/api/formats", nil, "", func(r *http.Request) { r.Host = host }); res.StatusCode != 200 {
			t.Errorf("Host %s: %d", host, res.StatusCode)
		}
	}
	notice := readTestFile(t, "../../testdata/corpus/notice-2025-extracted.golden.json")
	post := func(edit func(*http.Request)) *http.Response {
		return do(t, s, http.MethodPost, "/api/check", bytes.NewReader(notice), "application/json", edit)
	}
	for _, origin := range []string{"http://evil.example", "null", "http://127.0.0.1:9999", "file://"} {
		refusal(t, post(func(r *http.Request) { r.Header.Set("Origin", origin) }), 403, "origin")
	}
	refusal(t, post(func(r *http.Request) { r.Header.Del("Origin"); r.Header.Set("Sec-Fetch-Site", "cross-site") }), 403, "origin")
	if res := post(func(r *http.Request) { r.Header.Del("Origin") }); res.StatusCode != 200 {
		t.Errorf("a client without Origin (curl): %d", res.StatusCode)
	}
	if res := post(func(*http.Request) {}); res.StatusCode != 200 {
		t.Errorf("same origin: %d", res.StatusCode)
	}
}

func TestToken(t *testing.T) {
	if _, err := New(Config{Addr: "0.0.0.0:8080"}); err == nil {
		t.Error("a server on every interface without a token")
	}
	const token = "s3cret-token"
	s := newTestServer(t, Config{Addr: "0.0.0.0:8080", Token: token})
	lan := func(r *http.Request) { r.Host = "192.168.1.20:8080" }
	refusal(t, do(t, s, http.MethodGet, "/", nil, "", lan), 401, "token")
	refusal(t, do(t, s, http.MethodGet, "/api/formats", nil, "", lan), 401, "token")
	refusal(t, do(t, s, http.MethodGet, "/?token=wrong", nil, "", lan), 401, "token")
	refusal(t, do(t, s, http.MethodGet, "/", nil, "", lan, func(r *http.Request) { r.Header.Set("X-Rectify-Token", "wrong") }), 401, "token")
	// The start address sets the cookie and drops the token from the address bar.
	res := do(t, s, http.MethodGet, "/?token="+token, nil, "", lan)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("start address: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == TokenCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie %+v", cookie)
	}
	if res := do(t, s, http.MethodGet, "/", nil, "", lan, func(r *http.Request) { r.AddCookie(cookie) }); res.StatusCode != 200 {
		t.Errorf("with the cookie: %d", res.StatusCode)
	}
	if res := do(t, s, http.MethodGet, "/api/formats", nil, "", lan, func(r *http.Request) { r.Header.Set("X-Rectify-Token", token) }); res.StatusCode != 200 {
		t.Errorf("with the header: %d", res.StatusCode)
	}
	// The token does not make a foreign name acceptable.
	refusal(t, do(t, s, http.MethodGet, "/", nil, "", func(r *http.Request) { r.Host = "rebind.example:8080"; r.AddCookie(cookie) }), 403, "host")
}

func TestCheck(t *testing.T) {
	s := newTestServer(t, Config{})
	n, err := notice.Unmarshal(readTestFile(t, "../../testdata/corpus/notice-2025-extracted.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	n.Stated = map[string]int{"issues": 63, notice.Completed: 60}
	n.Categories[0].Issues[0].Status = notice.InProgress
	data, _ := notice.Marshal(n)
	res := do(t, s, http.MethodPost, "/api/check", bytes.NewReader(data), "application/json")
	var got []check.Finding
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil || res.StatusCode != 200 {
		t.Fatalf("%d %v", res.StatusCode, err)
	}
	want := check.Check(n, check.Options{Covers: s.covers()})
	if len(got) != len(want) {
		t.Fatalf("%d findings; the checker gives %d", len(got), len(want))
	}
	found := false
	for _, f := range got {
		found = found || (f.Code == "stated-status" && strings.Contains(f.Message, "文中称已完成60个，但问题清单中已完成的有59个"))
	}
	if !found {
		t.Errorf("no finding about the stated total in %+v", got)
	}
	refusal(t, do(t, s, http.MethodPost, "/api/check", strings.NewReader("{"), "application/json"), 422, "input")
	refusal(t, do(t, s, http.MethodPost, "/api/check", strings.NewReader(""), "application/json"), 422, "input")
	refusal(t, do(t, s, http.MethodPost, "/api/check", strings.NewReader("{}"), "text/plain"), 415, "content_type")
}

func exportNotice(t *testing.T, s http.Handler, to string, parts ...part) *http.Response {
	t.Helper()
	n := readTestFile(t, "../../testdata/corpus/notice-2025-extracted.golden.json")
	body, ct := multipartBody(t, append([]part{{field: "notice", data: n}}, parts...)...)
	return do(t, s, http.MethodPost, "/api/export/"+to, body, ct)
}

func TestExport(t *testing.T) {
	s := newTestServer(t, Config{BundledFontsOnly: true})
	for _, to := range []string{"pdf", "docx", "xlsx", "json", "text", "txt"} {
		res := exportNotice(t, s, to, part{field: "mark", data: []byte("寿宁工业园区管理委员会文件")})
		data, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", to, res.StatusCode, data)
		}
		_, params, _ := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
		name := format.Name(to)
		if want := "寿宁工业园区管理委员会_2025-06-24_" + documentWords[name] + format.Extension(name); params["filename"] != want {
			t.Errorf("%s named %q; want %q", to, params["filename"], want)
		}
		n, err := format.Read(context.Background(), name, data, format.Options{})
		if err != nil {
			t.Fatalf("reading the %s back: %v", to, err)
		}
		if len(n.Issues()) != 63 {
			t.Errorf("%s read back: %d issues", to, len(n.Issues()))
		}
	}
}

func TestExportTemplate(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s := newTestServer(t, Config{})
	tpl := readTestFile(t, "../../testdata/ledgers/office-template.xlsx")
	res := exportNotice(t, s, "xlsx", part{field: "template", name: "我们的模板.xlsx", data: tpl})
	data, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, data)
	}
	n, err := format.Read(context.Background(), "xlsx", data, format.Options{})
	if err != nil || len(n.Issues()) != 63 {
		t.Fatalf("filled template read back: %v", err)
	}
	msg := refusal(t, exportNotice(t, s, "xlsx", part{field: "template", name: "坏模板.xlsx", data: []byte("PK\x03\x04 no zip")}), 422, "input")
	if !strings.Contains(msg, "坏模板.xlsx") || strings.Contains(msg, tmp) || strings.Contains(msg, "rectify-template") {
		t.Errorf("template error names our temporary file: %q", msg)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	refusal(t, exportNotice(t, s, "pdf", part{field: "template", name: "t.xlsx", data: tpl}), 400, "form")
}

func TestExportRefusals(t *testing.T) {
	s := newTestServer(t, Config{})
	refusal(t, exportNotice(t, s, "exe"), 404, "format")
	body, ct := multipartBody(t, part{field: "mark", data: []byte("x")})
	refusal(t, do(t, s, http.MethodPost, "/api/export/pdf", body, ct), 422, "input")
	body, ct = multipartBody(t, part{field: "notice", data: []byte(`{"format": 99}`)})
	refusal(t, do(t, s, http.MethodPost, "/api/export/json", body, ct), 422, "input")
	s = newTestServer(t, Config{Timeout: time.Millisecond})
	refusal(t, exportNotice(t, s, "pdf"), 408, "timeout")
}

// TestLogHasNoContents: the request log names requests, never what is in
// them, nor the access token.
func TestLogHasNoContents(t *testing.T) {
	var lines []string
	var mu sync.Mutex
	const token = "tok-123456"
	s := newTestServer(t, Config{Addr: "0.0.0.0:8080", Token: token, Log: func(l string) { mu.Lock(); lines = append(lines, l); mu.Unlock() }})
	lan := func(r *http.Request) { r.Host = "10.0.0.2:8080"; r.Header.Set("Origin", "http://10.0.0.2:8080") }
	do(t, s, http.MethodGet, "/?token="+token, nil, "", lan)
	body, ct := multipartBody(t, part{field: "file", name: "寿宁通报.pdf", data: readTestFile(t, corpusPDF)}, part{field: "password", data: []byte("pw-secret")})
	res := do(t, s, http.MethodPost, "/api/import", body, ct, lan, func(r *http.Request) { r.Header.Set("X-Rectify-Token", token) })
	if res.StatusCode != 200 {
		t.Fatalf("import: %d", res.StatusCode)
	}
	log := strings.Join(lines, "\n")
	if len(lines) != 2 || !strings.Contains(log, "POST /api/import 200") {
		t.Errorf("log:\n%s", log)
	}
	for _, secret := range []string{token, "pw-secret", "寿宁", "巡察", "通报"} {
		if strings.Contains(log, secret) {
			t.Errorf("the log holds %q:\n%s", secret, log)
		}
	}
}

func TestFileName(t *testing.T) {
	n := &notice.Notice{Issuer: `a/b\c:机关*?`, Date: "2025-06-24"}
	if got := fileName(n, "pdf"); got != "abc机关_2025-06-24_通报.pdf" {
		t.Errorf("%q", got)
	}
	if got := fileName(&notice.Notice{}, "xlsx"); got != "整改台账.xlsx" {
		t.Errorf("%q", got)
	}
	if got := filepath.Base(fileName(&notice.Notice{Issuer: "../../etc"}, "text")); strings.Contains(got, "/") {
		t.Errorf("%q", got)
	}
}
