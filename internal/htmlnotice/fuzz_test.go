package htmlnotice

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/textnotice"
)

// FuzzRead: no page or web archive may panic, hang or eat unbounded memory.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`<html><head><meta charset="gb2312"><title>关于巡察整改情况的通报_某县</title></head><body><h1>关于巡察整改情况的通报</h1>` +
		`<div>发布时间：2025-07-15</div><div><p style="text-indent:2em">一、关于问题的问题</p><p>整改情况：已完成。<br>&nbsp;&nbsp;二、关于<b>其他</b>问题</p></div></body></html>`))
	f.Add([]byte(`<table><tr><td rowspan="0">一、类别</td><td colspan="3">序号</td><td>存在问题</td></tr><tr><td>1</td><td rowspan="2">问题</td><td>已完成</td></tr></table>`))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=B9=D8=D3=DA</p>\r\n--b--\r\n"))
	f.Add([]byte("<ol start=\"3\"><li>问题<li>整改<pre>一、\n二、</pre></ol>"))
	// What compiles or builds tables on first use (the grammar's patterns,
	// the decoders) is done here, before fuzzing: coverage that only a
	// worker's first input shows cannot be minimised, and the fuzzer would
	// spend its minimising time on each such input.
	textnotice.Prepare()
	pages, _ := filepath.Glob(testutil.Testdata("html", "*.htm*"))
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			Read(context.Background(), data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(context.Background(), data)
	})
}
