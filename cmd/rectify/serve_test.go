package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is written by the server goroutine and read by the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe runs serve until the test ends and returns the address it
// printed and the address the browser was sent to.
func startServe(t *testing.T, o serveOptions) (printed, opened string, stdout *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout = &syncBuffer{}
	var stderr syncBuffer
	listening := make(chan string, 1)
	o.onListen = func(url string) { listening <- url }
	openedURL := make(chan string, 1)
	openInBrowser = func(url string) error { openedURL <- url; return nil }
	done := make(chan int, 1)
	go func() { done <- serve(ctx, o, stdout, &stderr) }()
	select {
	case printed = <-listening:
	case code := <-done:
		t.Fatalf("serve ended with %d: %s", code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve ended with %d: %s", code, stderr.String())
		}
	})
	select {
	case opened = <-openedURL:
	case <-time.After(100 * time.Millisecond): // --no-browser
	}
	return printed, opened, stdout
}

func TestServeLoopback(t *testing.T) {
	url, opened, stdout := startServe(t, serveOptions{addr: "127.0.0.1:0", maxUpload: 64, timeout: time.Minute, maxJobs: 1})
	if !strings.HasPrefix(url, "http://127.0.0.1:") || strings.Contains(url, "token") {
		t.Errorf("address %q", url)
	}
	if opened != url {
		t.Errorf("browser opened %q; want %q", opened, url)
	}
	if !strings.Contains(stdout.String(), "整改通报工作台已启动："+url) {
		t.Errorf("start message %q", stdout.String())
	}
	res, err := http.Get(url)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET %s: %v %v", url, res, err)
	}
}

func TestServeNoBrowser(t *testing.T) {
	_, opened, _ := startServe(t, serveOptions{addr: "127.0.0.1:0", noBrowser: true, maxUpload: 64, timeout: time.Minute, maxJobs: 1})
	if opened != "" {
		t.Errorf("--no-browser opened %q", opened)
	}
}

func TestServePublicNeedsFlagAndToken(t *testing.T) {
	var out, errb bytes.Buffer
	code := serve(context.Background(), serveOptions{addr: "0.0.0.0:0", noBrowser: true, maxUpload: 64, timeout: time.Minute, maxJobs: 1}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "--public") {
		t.Errorf("0.0.0.0 without --public: %d %q", code, errb.String())
	}
	url, _, _ := startServe(t, serveOptions{addr: "0.0.0.0:0", public: true, noBrowser: true, maxUpload: 64, timeout: time.Minute, maxJobs: 1})
	i := strings.Index(url, "?token=")
	if i < 0 || len(url)-i-len("?token=") < 20 {
		t.Fatalf("public address without a token: %q", url)
	}
	bare := strings.Replace(url[:i], "0.0.0.0", "127.0.0.1", 1)
	res, err := http.Get(bare + "api/formats")
	if err != nil || res.StatusCode != http.StatusUnauthorized {
		t.Errorf("without the token: %v %v", res, err)
	}
	res, err = http.Get(strings.Replace(url, "0.0.0.0", "127.0.0.1", 1)) // follows the redirect
	if err != nil {
		t.Fatal(err)
	}
	if res.Request.URL.Path != "/" || res.Request.URL.RawQuery != "" {
		t.Errorf("the start address did not redirect to the bare address: %s", res.Request.URL)
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"serve", "extra"}, {"serve", "--max-upload", "0"}, {"serve", "--timeout", "soon"}} {
		var out, errb bytes.Buffer
		if code := run(&env{ctx: context.Background(), stdout: &out, stderr: &errb}, args); code != 2 || !strings.Contains(errb.String(), "rectify serve") {
			t.Errorf("%v: %d %q", args, code, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := run(&env{ctx: context.Background(), stdout: &out, stderr: &errb}, []string{"help", "serve"}); code != 0 || !strings.Contains(out.String(), "--no-browser") {
		t.Errorf("help: %d %q", code, out.String())
	}
}

// A double-click on rectify.exe (no arguments, a console of its own)
// starts the page on loopback and opens the browser on it.
func TestDoubleClickOpensThePage(t *testing.T) {
	opened := make(chan string, 1)
	openInBrowser = func(url string) error { opened <- url; return nil }
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() { done <- doubleClick(&env{ctx: ctx, stdout: &out, stderr: &errb}) }()
	select {
	case url := <-opened:
		res, err := http.Get(url)
		if err != nil || res.StatusCode != 200 || !strings.HasPrefix(url, "http://127.0.0.1:") {
			t.Errorf("the page at %s: %v %v", url, res, err)
		}
	case code := <-done:
		t.Fatalf("ended with %d: %s", code, errb.String())
	case <-time.After(10 * time.Second):
		t.Fatal("no browser opened")
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}
