package htmlnotice

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/testutil/golden"
)

// fixtures are our saved pages (testdata/html/make.py) and, where the page
// was made from a text notice, that notice: the page must read exactly as
// its text does.
var fixtures = []struct{ page, text string }{
	{"cms-gbk.html", "city-xunshi.txt"},
	{"modern-utf8.html", "health-headstatus.txt"},
	{"wechat.html", "hospital-circled.txt"},
	{"chromium.mhtml", "school-diyi.txt"},
	{"complete.html", "street-halfwidth.txt"},
	{"ie.mht", "court-diyi.txt"},
	{"table-blind.html", ""},
	{"br-blind.html", ""},
}

func readFixture(t *testing.T, name string) *notice.Notice {
	t.Helper()
	data, err := os.ReadFile(testutil.Testdata("html", name))
	if err != nil {
		t.Fatal(err)
	}
	n, err := Read(context.Background(), data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}

func TestGolden(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.page, func(t *testing.T) {
			got, err := notice.Marshal(readFixture(t, f.page))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, testutil.Testdata("html", f.page+".golden.json"), got)
		})
	}
}

// TestReadsAsText: a page made from a text notice reads as that notice,
// whatever the site put around it.
func TestReadsAsText(t *testing.T) {
	for _, f := range fixtures {
		if f.text == "" {
			continue
		}
		t.Run(f.page, func(t *testing.T) {
			got := readFixture(t, f.page)
			want := testutil.ReadNotice(t, testutil.Testdata("notices", f.text))
			testutil.StripSources(got)
			testutil.StripSources(want)
			// A page sets its title on one line where the text may set it
			// on two: how the title is broken is layout, not data.
			for _, n := range []*notice.Notice{got, want} {
				if n.Style != nil {
					n.Style.Title = nil
				}
			}
			a, _ := notice.Marshal(got)
			b, _ := notice.Marshal(want)
			if !bytes.Equal(a, b) {
				t.Errorf("%s reads differently from %s:\n%s", f.page, f.text, testutil.LineDiff(string(a), string(b), "page", "text"))
			}
		})
	}
}

// siteWords are what the fixtures' sites put around the article; none may
// reach the data.
var siteWords = []string{"版权所有", "ICP备", "主办", "技术支持", "网站标识码", "网站地图", "当前位置", "您现在的位置",
	"发布时间", "发布日期", "浏览次数", "阅读量", "点击数", "字体", "字号", "打印", "关闭", "分享", "微信", "微博",
	"上一篇", "下一篇", "相关阅读", "重点工作任务清单", "扫一扫", "预览时标签不可点", "阅读原文", "继续滑动", "编辑草稿",
	"政务公开", "通知公告", "首页", "原创", "document.", "function(", "附件下载"}

func TestNoChrome(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.page, func(t *testing.T) {
			got, _ := notice.Marshal(readFixture(t, f.page))
			for _, w := range siteWords {
				if strings.Contains(string(got), w) {
					t.Errorf("%s: the site's %q reached the data", f.page, w)
				}
			}
		})
	}
}
