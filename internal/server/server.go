// Package server is `rectify serve`: one web page (embedded, no network
// needed) where a clerk opens a notice or ledger, corrects the table, sees
// the proof-reader's findings and downloads the documents. The handlers call
// the same readers, writers and checker as the command line (internal/format,
// internal/check); the page is plain HTML, CSS and JavaScript modules.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rectify/rectify/internal/render"
)

//go:embed web
var webFiles embed.FS

// Defaults of the limits; `rectify serve` has flags for each.
const (
	DefaultMaxUpload = 64 << 20
	DefaultTimeout   = 2 * time.Minute
	DefaultQueueWait = 3 * time.Second
)

// Config says where the server listens and what it allows.
type Config struct {
	// Addr is the address the listener is bound to ("127.0.0.1:43117"), after
	// binding, so that a port chosen by the system is known.
	Addr string
	// Token, when set, is required on every request (the server is reachable
	// from other machines). See TokenCookie.
	Token string
	// MaxUpload bounds a request body in bytes.
	MaxUpload int64
	// Timeout bounds one conversion or check.
	Timeout time.Duration
	// MaxJobs bounds the conversions running at once; QueueWait is how long a
	// request waits for a free slot before it is refused with 429.
	MaxJobs   int
	QueueWait time.Duration
	// FontDir and BundledFontsOnly are as for `rectify convert`.
	FontDir          string
	BundledFontsOnly bool
	// Log receives one line per request: method, path, status, duration.
	// Never a query string (it may hold the token) and never a body.
	Log func(line string)
}

// TokenCookie carries the access token once the browser has opened the
// start address with ?token=…; API clients may send the X-Rectify-Token
// header instead.
const TokenCookie = "rectify_token"

// Server is the web page and its JSON API.
type Server struct {
	cfg    Config
	mux    *http.ServeMux
	slots  chan struct{}
	hosts  hostRule
	covers func() func(rune) bool
}

// New builds the server for a bound address.
func New(cfg Config) (*Server, error) {
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxJobs <= 0 {
		cfg.MaxJobs = 1
	}
	if cfg.QueueWait < 0 {
		cfg.QueueWait = 0
	}
	hosts, err := newHostRule(cfg.Addr)
	if err != nil {
		return nil, err
	}
	if !hosts.loopback && cfg.Token == "" {
		return nil, fmt.Errorf("监听 %s 时必须设置访问令牌", cfg.Addr)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), slots: make(chan struct{}, cfg.MaxJobs), hosts: hosts}
	s.covers = sync.OnceValue(func() func(rune) bool {
		set, _, err := render.LoadFonts(cfg.FontDir, !cfg.BundledFontsOnly)
		if err != nil {
			return nil
		}
		return set.Covers
	})
	web, _ := fs.Sub(webFiles, "web")
	static := http.FileServerFS(web)
	s.mux.Handle("GET /{$}", http.HandlerFunc(s.index))
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", static))
	s.mux.HandleFunc("GET /api/formats", s.formats)
	s.mux.HandleFunc("POST /api/import", s.importFile)
	s.mux.HandleFunc("POST /api/check", s.check)
	s.mux.HandleFunc("POST /api/export/{format}", s.export)
	return s, nil
}

// ServeHTTP checks the request's host, origin and token, then routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if s.cfg.Log != nil {
			s.cfg.Log(fmt.Sprintf("%s %s %d %s", r.Method, r.URL.Path, rec.status, time.Since(start).Round(time.Millisecond)))
		}
	}()
	h := rec.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; frame-src 'self' blob:; "+
		"object-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	if !s.hosts.allows(r.Host) {
		// A page on another name that resolves here (DNS rebinding).
		fail(rec, http.StatusForbidden, "host", fmt.Sprintf("拒绝访问：地址 %q 不是本服务的地址", r.Host))
		return
	}
	if stateChanging(r.Method) && !sameOrigin(r) {
		fail(rec, http.StatusForbidden, "origin", "拒绝访问：请求来自其他网站")
		return
	}
	if s.cfg.Token != "" && !s.authorised(rec, r) {
		return
	}
	s.mux.ServeHTTP(rec, r)
}

// authorised checks the access token. Opening the start address with
// ?token=… sets a cookie and redirects to the bare address, so the token
// leaves the address bar and the history.
func (s *Server) authorised(w http.ResponseWriter, r *http.Request) bool {
	if q := r.URL.Query().Get("token"); q != "" && r.Method == http.MethodGet && r.URL.Path == "/" {
		if s.tokenOK(q) {
			http.SetCookie(w, &http.Cookie{Name: TokenCookie, Value: q, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return false
		}
	}
	if s.tokenOK(r.Header.Get("X-Rectify-Token")) {
		return true
	}
	if c, err := r.Cookie(TokenCookie); err == nil && s.tokenOK(c.Value) {
		return true
	}
	fail(w, http.StatusUnauthorized, "token", "需要访问令牌：请用 rectify serve 启动时显示的完整网址打开本页")
	return false
}

func (s *Server) tokenOK(t string) bool {
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.Token)) == 1
}

func stateChanging(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// sameOrigin rejects a request another site's page makes (CSRF): browsers
// send Origin on every cross-origin POST, and Sec-Fetch-Site where Origin is
// missing. Clients that are not browsers send neither.
func sameOrigin(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host == r.Host
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return false
}

// hostRule says which Host headers name this server.
type hostRule struct {
	port        string
	loopback    bool   // bound to 127.0.0.1 or ::1
	any         bool   // bound to 0.0.0.0 or ::
	ip          net.IP // bound to one address
	machineName string
}

func newHostRule(addr string) (hostRule, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return hostRule{}, fmt.Errorf("地址 %q 无效：%v", addr, err)
	}
	if _, err := strconv.Atoi(port); err != nil {
		return hostRule{}, fmt.Errorf("地址 %q 的端口无效", addr)
	}
	rule := hostRule{port: port}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return hostRule{}, fmt.Errorf("地址 %q 需要是 IP 地址", addr)
	}
	rule.ip = ip
	rule.loopback = ip.IsLoopback()
	rule.any = ip.IsUnspecified()
	if name, err := os.Hostname(); err == nil {
		rule.machineName = strings.ToLower(name)
	}
	return rule, nil
}

// allows reports whether a Host header names this server: a loopback
// server answers to loopback addresses and "localhost" only; a server bound
// to every interface answers to IP addresses and the machine's name, never
// to another DNS name (which is how DNS rebinding gets in).
func (h hostRule) allows(hostHeader string) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = hostHeader, "80"
	}
	if port != h.port {
		return false
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	ip := net.ParseIP(host)
	switch {
	case h.loopback:
		return host == "localhost" || (ip != nil && ip.IsLoopback())
	case h.any:
		return ip != nil || host == "localhost" || (h.machineName != "" && host == h.machineName)
	default:
		return ip != nil && ip.Equal(h.ip)
	}
}

// index serves the page itself.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	data, err := webFiles.ReadFile("web/index.html")
	if err != nil {
		fail(w, http.StatusInternalServerError, "internal", "页面缺失")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}

// Errors of the work limiter.
var (
	errBusy    = errors.New("busy")
	errTimeout = errors.New("timeout")
)

// work runs fn in one of the MaxJobs slots with the conversion timeout. A
// conversion that overruns is answered at once; it keeps its slot until it
// actually stops, so runaway work can never pile up beyond MaxJobs.
func (s *Server) work(ctx context.Context, fn func(ctx context.Context) error) error {
	wait := time.NewTimer(s.cfg.QueueWait)
	defer wait.Stop()
	select {
	case s.slots <- struct{}{}:
	default:
		select {
		case s.slots <- struct{}{}:
		case <-wait.C:
			return errBusy
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	done := make(chan error, 1)
	go func() {
		var err error
		// The slot is free before the answer goes out, so that the
		// client's next request finds it free.
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("内部错误：%v", p)
			}
			<-s.slots
			done <- err
		}()
		err = fn(ctx)
	}()
	select {
	case err := <-done:
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			return errTimeout
		}
		return err
	case <-ctx.Done():
		cancel()
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return errTimeout
		}
		return ctx.Err()
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}
