//go:build ignore

// make-mhtml saves a page as Chromium's "网页，单个文件" (MHTML): it opens
// the page in headless Chromium, lets its scripts run, and writes what
// Page.captureSnapshot gives. Usage: go run make-mhtml.go in.html out.mhtml
package main

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func main() {
	in, _ := filepath.Abs(os.Args[1])
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+in), chromedp.WaitVisible("#content p")); err != nil {
		log.Fatal(err)
	}
	snap, err := chromedp.Call(ctx, page.CaptureSnapshot, page.CaptureSnapshotParams{Format: page.CaptureSnapshotFormatMhtml})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(os.Args[2], []byte(snap.Data), 0o644); err != nil {
		log.Fatal(err)
	}
}
