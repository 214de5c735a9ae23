package htmlnotice

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chrome is what a site puts around every article: the information line
// (发布时间、来源、浏览次数), font-size and print buttons, share bars,
// breadcrumbs, links to the previous and next article, and the footer. It is
// recognised by what it says, not by one site's class names: a line is
// chrome when it is short and nothing but these fields and buttons, or
// carries a footer's marks (版权所有, ICP备…). Chrome is never notice text;
// any other line of the article is (the grammar places it or keeps it as
// unplaced).
const maxChromeRunes = 200

var (
	// fieldLabel finds the labels of an information line or of a
	// disclosure page's metadata table, at the start or after a space or
	// bracket. The metadata's own labels may stand without a colon (in a
	// cell of their own); the others need one.
	fieldLabel = regexp.MustCompile(`(?:^|[\s【】\[\]|｜/·(（])(` +
		`(?:发布时间|发布日期|发表时间|更新时间|发文时间|发文日期|印发日期|时间|日期|` +
		`浏览次数|阅读次数|访问次数|点击次数|点击数|点击量|浏览量|阅读量|访问量|浏览|阅读|字体|字号|` +
		`信息来源|文章来源|稿件来源|来源|作者|编辑|责任编辑|审核|审稿|校对|供稿|发布者|发布人|文号|名称|标题)\s*[:：]` +
		`|(?:索引号|发布机构|发文机关|发文机构|主题分类|组配分类|体裁分类|服务对象|主题词|关键词|有效性|公开方式|公开范围|公开时限|所属机构|生成日期|成文日期|发文字号)\s*[:：]?)`)
	timeLabel   = regexp.MustCompile(`时间|日期`)
	timeValue   = regexp.MustCompile(`^[\d\s\-/:年月日.]*$`)
	countLabel  = regexp.MustCompile(`次数|数|量|浏览|阅读`)
	countValue  = regexp.MustCompile(`^\d*\s*次?$`)
	chromeWords = regexp.MustCompile(`打印本页|打印本文|打印此页|打印文章|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回列表|返回首页|返回|` +
		`分享到|分享|收藏本页|加入收藏|收藏|扫一扫在手机打开当前页|扫一扫在手机上打开|扫一扫|在手机上打开|手机扫码|手机阅读|` +
		`微信好友|朋友圈|微信|新浪微博|微博|QQ空间|QQ好友|QQ|复制链接|我要纠错|纠错|推荐给好友|推荐|保存本页|视力保护色|护眼模式|繁体版|繁体|简体|语音播报|朗读|默认|[大中小](?:\s*[大中小]){1,2}`)
	// chromeLeft is what may remain of a chrome line once its fields and
	// buttons are gone: brackets, separators, punctuation, white space.
	chromeLeft  = regexp.MustCompile(`^[\s【】\[\]()（）|｜/·:：,，.。>＞»\-—_]*$`)
	footerMarks = regexp.MustCompile(`版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|网站地图|网站识别码|政府网站找错|建议使用.{0,20}浏览器`)
	breadcrumb  = regexp.MustCompile(`^(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|当前页面)\s*[:：]`)
	prevNext    = regexp.MustCompile(`^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]`)
)

// isChrome reports whether s, a line or one element's whole text with its
// white space collapsed, is page chrome.
func isChrome(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxChromeRunes {
		return false
	}
	if breadcrumb.MatchString(s) || prevNext.MatchString(s) {
		return true
	}
	// A footer says two of its marks, or one and no sentence: a notice's
	// issue may be about a website's ICP备案 in a sentence of its own.
	if marks := len(footerMarks.FindAllString(s, 3)); marks >= 2 || marks == 1 && !strings.ContainsAny(s, "，。；？！") && !strings.HasPrefix(s, "关于") {
		return true
	}
	if fieldLine(s) {
		return true
	}
	rest := chromeWords.ReplaceAllString(s, "")
	return rest != s && chromeLeft.MatchString(rest) && hasLetter(s)
}

// maxFieldValue bounds a field's value (a 名称 is a title).
const maxFieldValue = 100

// fieldLine reports a line that is nothing but labelled fields ("发布时间：
// 2025-07-15 来源：县政府办 浏览次数：12 【打印】"), each value what its label
// takes: a date for a time, a number for a count, a short text otherwise.
func fieldLine(s string) bool {
	locs := fieldLabel.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 || !chromeLeft.MatchString(s[:locs[0][2]]) {
		return false
	}
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][2]
		}
		label := s[loc[2]:loc[3]]
		value := strings.TrimSpace(chromeWords.ReplaceAllString(s[loc[3]:end], ""))
		value = strings.Trim(value, "【】[]()（）|｜/· ")
		switch {
		case utf8.RuneCountInString(value) > maxFieldValue:
			return false
		case strings.HasPrefix(label, "字体") || strings.HasPrefix(label, "字号"):
			if !chromeLeft.MatchString(value) {
				return false
			}
		case timeLabel.MatchString(label):
			if !timeValue.MatchString(value) {
				return false
			}
		case countLabel.MatchString(label) && !strings.HasPrefix(label, "发文字号"):
			if !countValue.MatchString(value) {
				return false
			}
		}
	}
	return true
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) }) >= 0
}
