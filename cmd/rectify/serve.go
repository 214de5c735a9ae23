package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"time"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/server"
	"github.com/spf13/pflag"
)

const serveHelp = `在本机启动整改通报工作台（网页），并用默认浏览器打开：
打开通报或台账、核对修改问题清单、实时校对、预览和下载 PDF、Excel 台账等。
文件只在本机处理；修改保存在浏览器中，刷新页面或重启 rectify 后可以恢复。

默认只允许本机访问（127.0.0.1，端口 ` + defaultServePort + `，被占用时另选空闲端口）。
要让局域网内其他电脑访问，需同时使用 --addr 0.0.0.0:端口 和 --public，
这时会生成一个访问令牌，只有使用启动时显示的完整网址才能打开。

示例：
  rectify serve
  rectify serve --no-browser --addr 127.0.0.1:8080
  rectify serve --public --addr 0.0.0.0:8080
`

// defaultServePort is tried first so that the page keeps its address from
// one start to the next: the browser keeps drafts per address.
const defaultServePort = "27149"

type serveOptions struct {
	addr      string
	public    bool
	noBrowser bool
	maxUpload int64 // MiB
	timeout   time.Duration
	maxJobs   int
	fontDir   string
	bundled   bool
	log       bool
	onListen  func(url string) // tests: called with the address once listening
}

// serve runs the web page until ctx ends.
func serve(ctx context.Context, o serveOptions, stdout, stderr io.Writer) int {
	ln, err := listen(o.addr)
	if err != nil {
		fmt.Fprintf(stderr, "rectify serve：无法监听 %s：%v\n", o.addr, err)
		return diag.ExitInput
	}
	defer ln.Close()
	bound := ln.Addr().(*net.TCPAddr)
	if !bound.IP.IsLoopback() && !o.public {
		fmt.Fprintf(stderr, "rectify serve：%s 不是本机回环地址，其他电脑也能访问；确需如此请加 --public（将生成访问令牌）\n", o.addr)
		return diag.ExitInput
	}
	cfg := server.Config{
		Addr:             bound.String(),
		MaxUpload:        o.maxUpload << 20,
		Timeout:          o.timeout,
		MaxJobs:          o.maxJobs,
		QueueWait:        server.DefaultQueueWait,
		FontDir:          o.fontDir,
		BundledFontsOnly: o.bundled,
	}
	if o.log {
		cfg.Log = func(line string) { fmt.Fprintln(stderr, line) }
	}
	url := "http://" + bound.String() + "/"
	if bound.IP.IsLoopback() {
		url = fmt.Sprintf("http://127.0.0.1:%d/", bound.Port)
	}
	if !bound.IP.IsLoopback() {
		cfg.Token = rand.Text()
		url += "?token=" + cfg.Token
	}
	srv, err := server.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "rectify serve：%v\n", err)
		return diag.ExitInput
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "整改通报工作台已启动：%s\n", url)
	if bound.IP.IsUnspecified() {
		fmt.Fprintf(stdout, "其他电脑请用本机的 IP 地址代替 %s，并带上访问令牌 token=%s\n", bound.IP, cfg.Token)
	}
	fmt.Fprintln(stdout, "按 Ctrl+C 停止。")
	if o.onListen != nil {
		o.onListen(url)
	}
	if !o.noBrowser {
		if err := openInBrowser(url); err != nil {
			fmt.Fprintf(stderr, "rectify serve：无法打开浏览器（%v），请手动打开上面的网址\n", err)
		}
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "rectify serve：%v\n", err)
			return diag.ExitInput
		}
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(shut)
		fmt.Fprintln(stdout, "已停止。")
	}
	return diag.ExitOK
}

// listen binds addr; with no port given it tries the usual port first and
// falls back to any free port.
func listen(addr string) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = addr, ""
	}
	if host == "" {
		host = "127.0.0.1"
	}
	if port != "" {
		return net.Listen("tcp", net.JoinHostPort(host, port))
	}
	if ln, err := net.Listen("tcp", net.JoinHostPort(host, defaultServePort)); err == nil {
		return ln, nil
	}
	return net.Listen("tcp", net.JoinHostPort(host, "0"))
}

// openInBrowser opens url in the user's default browser (tests replace it).
var openInBrowser = func(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

func init() {
	register(&command{
		name:    "serve",
		args:    "[选项]",
		summary: "在浏览器中打开整改通报工作台（网页）",
		help:    serveHelp,
		setup: func(fs *pflag.FlagSet) func(*env, []string) int {
			o := defaultServeOptions()
			fs.StringVar(&o.addr, "addr", o.addr, "监听`地址`（主机:端口）；不写端口时用 "+defaultServePort+"，被占用时另选空闲端口")
			fs.BoolVar(&o.public, "public", false, "允许监听本机以外的地址（如 0.0.0.0），并要求访问令牌")
			fs.BoolVar(&o.noBrowser, "no-browser", false, "不自动打开浏览器")
			fs.Int64Var(&o.maxUpload, "max-upload", o.maxUpload, "上传文件的大小上限（`MiB`）")
			fs.DurationVar(&o.timeout, "timeout", o.timeout, "一次转换或校对的`时间`上限，如 2m、30s")
			fs.IntVar(&o.maxJobs, "max-jobs", o.maxJobs, "同时进行的转换`数`上限")
			fs.StringVar(&o.fontDir, "font-dir", "", "另外查找字体的`目录`")
			fs.BoolVar(&o.bundled, "bundled-fonts", false, "只用内置字体（和 --font-dir），不用本机安装的字体")
			fs.BoolVar(&o.log, "log", false, "在终端逐行显示请求（方法、路径、状态、用时；不含文件名和内容）")
			return func(e *env, args []string) int {
				if len(args) != 0 {
					return usageError(e, "serve", "不需要文件参数")
				}
				if o.maxUpload <= 0 || o.maxJobs <= 0 || o.timeout <= 0 {
					return usageError(e, "serve", "--max-upload、--max-jobs、--timeout 必须大于 0")
				}
				return serve(e.ctx, o, e.stdout, e.stderr)
			}
		},
	})
	// rectify.exe double-clicked in Explorer: open the page.
	openWebPage = func(e *env) int { return serve(e.ctx, defaultServeOptions(), e.stdout, e.stderr) }
}

func defaultServeOptions() serveOptions {
	return serveOptions{addr: "127.0.0.1", maxUpload: server.DefaultMaxUpload >> 20,
		timeout: server.DefaultTimeout, maxJobs: runtime.NumCPU()}
}
