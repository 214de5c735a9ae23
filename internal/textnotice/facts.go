package textnotice

import (
	"sort"
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// num is a count as offices write it: 3, 三, 两, 十二.
const num = `(\d+|[一二两三四五六七八九十]{1,3})`

// measureWords are the ways of holding people to account, longest first
// so that 党内严重警告 wins over 党内警告 and 诫勉谈话 over 诫勉.
const measureWords = `(党纪政务处分|党纪处分|政务处分|党内严重警告|党内警告|政务记大过|政务记过|政务警告|政务撤职|撤销党内职务|` +
	`留党察看|开除党籍|开除公职|组织处理|诫勉谈话|提醒谈话|谈话提醒|警示谈话|警示约谈|约谈提醒|提醒约谈|批评教育|通报批评|责令书面检查|书面检查|` +
	`书面检讨|自我检讨|责令检查|调离岗位|调整岗位|停职检查|经济处罚|诫勉|约谈|函询|免职|降级|撤职|记大过|记过|警告)`

var (
	accTotalRe = lazyre.New(`(?:对|共|累计|合计)?(?:问责|处理|追责|处分)?` + num + `\s*(?:名|人)(?:相关)?(?:责任)?(?:人员|干部|同志|党员|人)?(?:作出|进行|给予|予以)?(?:了)?(?:处理|问责|追责|处分)`)
	// 追责问责3人, 问责干部5人 in a sentence of the narrative
	accTotal3Re = lazyre.New(`(?:追责问责|问责追责|问责|追责)(?:干部|人员)?\s*` + num + `\s*(?:人次|人|名)`)
	accTotal2Re = lazyre.New(`(?:共|累计|合计|共计)(?:问责|处理|追责|处分|问责处理|追责问责)?[^，。；：\d一二两三四五六七八九十]{0,8}?` + num + `\s*(?:人次|人|名)`)
	// 诫勉谈话2人, 党内警告处分一人, 谈话提醒5人次
	measureRe = lazyre.New(measureWords + `(?:处理|处分)?(?:的)?\s*` + num + `\s*(?:人次|人|名)`)
	// 约谈相关股室负责人3人: whom, then how many
	measure4Re = lazyre.New(measureWords + `(?:相关|有关)[^，。；、\d]{1,10}?` + num + `\s*(?:人次|人|名)`)
	// 2人被给予通报批评
	measure2Re = lazyre.New(num + `\s*(?:人次|人|名)(?:干部|同志|党员|人员|责任人)?(?:被)?(?:给予|予以|进行|作出)?(?:了)?` + measureWords)
	// 对2名干部进行提醒谈话
	measure3Re = lazyre.New(`对(?:负有责任的|相关责任的|有关责任的|相关|有关)?` + num + `\s*名[^，。；、\d]{0,12}?(?:进行|给予|予以|作出)(?:了)?` + measureWords)
	rankRe     = lazyre.New(`(县处级干部|处级干部|乡科级干部|科级干部|股级干部|一般干部|其他人员|村（社区）干部|村干部|普通党员|中层干部|` +
		`中层管理人员|一般管理人员|一般工作人员|领导干部|班子成员)\s*` + num + `\s*(?:人次|人|名)`)

	teamRe = lazyre.New(`((?:中央|省委|市委|县委|区委|州委|旗委|盟委|区党工委|(?:街道|园区|开发区)?党工委|工委|党组|(?:乡|镇|街道)?党委)?(?:第[一二三四五六七八九十\d]+|[一二三四五六七八九十\d]+)?(?:巡视|巡察)组)`)
	// Not an inspection but a check, a 选人用人专项检查 of the organisation department.
	checkTeamRe = lazyre.New(`((?:中央|省委|市委|县委|区委|州委)[^，。；、\d]{0,16}?(?:专项检查组|检查组|督查组|督导组))`)
	rangeRe     = lazyre.New(`(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:至|到|—|－|-|~)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日`)
	feedbackRe  = lazyre.New(`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日，?[^。；，]{0,30}?反馈`)

	phoneRe   = lazyre.New(`(?:0\d{2,3}-?\d{7,8}(?:-\d{1,4})?|1[3-9]\d{9}|\d{7,8})`)
	emailRe   = lazyre.New(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	addressRe = lazyre.New(`(?:通信地址|通讯地址|联系地址|来信地址|邮寄地址|来信请寄至|来信请寄|邮政信箱|地址)[：:]\s*([^，。；,;]+)`)

	statedPartsRe = lazyre.New(num + `\s*个方面(?:的|共)?` + num + `\s*(?:个|项|条)(?:具体)?问题`)
	// 检视问题3个方面6个: the word 问题 before the figures.
	statedParts2Re = lazyre.New(`问题(?:共|共计)?` + num + `\s*个方面(?:的|共)?` + num + `\s*(?:个|项|条)`)
	// 共性问题3个、个性问题4个: the issues are the two together.
	statedSplitRe = lazyre.New(`共性问题(?:共)?(\d+)\s*(?:个|项|条)[，、,和及]{0,2}个性问题(?:共)?(\d+)\s*(?:个|项|条)|` +
		`个性问题(?:共)?(\d+)\s*(?:个|项|条)[，、,和及]{0,2}共性问题(?:共)?(\d+)\s*(?:个|项|条)`)
	statedIssuesRe  = lazyre.New(`(?:反馈|指出|交办|发现|梳理)[^，。；]{0,8}?(?:问题)?(?:共|共计|合计)?(\d+)\s*(?:个|项|条)(?:具体)?(?:问题)?|(\d+)\s*(?:个|项|条)(?:具体)?问题`)
	statedStatusRe  = lazyre.New(`(` + statedWords + `)(?:整改)?\s*(\d+)\s*(?:个|项|条)`)
	statedStatus2Re = lazyre.New(`(\d+)\s*(?:个|项|条)(?:问题)?(?:需|需要|仍需|还需|仍|仍在)?(` + statedWords + `)`)
	// 立行立改6个、限期整改7个、长期坚持3个: how the issues were to be
	// handled, not how far they are; 长期坚持 there is no status.
	handlingRe   = lazyre.New(`立行立改|限期整改|分类施策|分类推进`)
	statedRateRe = lazyre.New(`(?:整改完成率|完成率|整改率)(?:为|达|达到)?\s*(\d+(?:\.\d+)?)\s*[%％]`)
)

// statedWords are the status words offices count issues by.
const statedWords = `已完成整改|已整改到位|已完成|已整改|完成整改|基本完成|阶段性完成|正在整改|持续整改|整改中|正在推进|` +
	`部分完成|序时推进|已销号|整改到位|未完成|尚未完成|长期坚持`

func atoi(s string) int { v, _ := strconv.Atoi(s); return v }

// count reads a count in Arabic or Chinese numerals.
func count(s string) int {
	if s == "" {
		return 0
	}
	if s[0] >= '0' && s[0] <= '9' {
		return atoi(s)
	}
	return max(0, notice.CNNumber(strings.ReplaceAll(s, "两", "二")))
}

// accountability reads the figures on people held to account from the
// paragraphs that state them. A total not stated is the sum of the measures.
func (p *parser) accountability(ps []string) {
	text := strings.Join(ps, "")
	a := &notice.Accountability{}
	if m := accTotalRe.FindStringSubmatch(text); m != nil {
		a.Total = count(m[1])
	} else if m := accTotal2Re.FindStringSubmatch(text); m != nil {
		a.Total = count(m[1])
	} else if m := accTotal3Re.FindStringSubmatch(text); m != nil {
		a.Total = count(m[1])
	}
	// Each phrasing, left to right; a stretch of text counts once.
	type hit struct {
		start, end int
		measure    string
		n          int
	}
	var hits []hit
	for _, f := range []struct {
		re     *lazyre.Regexp
		mi, ni int
	}{{measureRe, 1, 2}, {measure2Re, 2, 1}, {measure3Re, 2, 1}, {measure4Re, 1, 2}} {
		for _, m := range f.re.FindAllStringSubmatchIndex(text, -1) {
			hits = append(hits, hit{m[0], m[1], text[m[2*f.mi]:m[2*f.mi+1]], count(text[m[2*f.ni]:m[2*f.ni+1]])})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	end := 0
	for _, h := range hits {
		if h.start < end || h.n == 0 {
			continue
		}
		end = h.end
		if a.Measures == nil {
			a.Measures = map[string]int{}
		}
		a.Measures[h.measure] += h.n
	}
	for _, m := range rankRe.FindAllStringSubmatch(text, -1) {
		if a.Ranks == nil {
			a.Ranks = map[string]int{}
		}
		a.Ranks[m[1]] += count(m[2])
	}
	if a.Total == 0 {
		for _, v := range a.Measures {
			a.Total += v
		}
	}
	if a.Total != 0 || a.Measures != nil || a.Ranks != nil {
		p.n.Accountability = a
	}
}

// facts reads what the narrative states: the inspection, totals, contact.
func (p *parser) facts() {
	var narrative []string
	if p.n.Preamble != "" {
		narrative = append(narrative, p.n.Preamble)
	}
	for _, s := range p.n.Sections {
		narrative = append(narrative, s.Paragraphs...)
	}
	all := strings.Join(narrative, "\n")
	p.inspection(p.n.Preamble, all)
	p.stated(all)
	p.statusByNumber(all)
	if p.n.Accountability == nil {
		// No part is titled for it: the figures may stand in any paragraph.
		var acc []string
		for _, para := range append(narrative, p.n.Closing...) {
			for _, line := range strings.Split(para, "\n") {
				if measureRe.MatchString(line) || measure2Re.MatchString(line) || measure3Re.MatchString(line) || measure4Re.MatchString(line) || accTotal3Re.MatchString(line) {
					acc = append(acc, line)
				}
			}
		}
		if len(acc) == 0 {
			// The narrative states none: the issues' own measures may
			// ("二是对负有责任的2名干部进行提醒谈话").
			for _, is := range p.n.Issues() {
				for _, a := range is.Actions {
					if measureRe.MatchString(a.Text) || measure2Re.MatchString(a.Text) || measure3Re.MatchString(a.Text) || measure4Re.MatchString(a.Text) {
						acc = append(acc, a.Text)
					}
				}
			}
		}
		p.accountability(acc)
	}
	p.contact(strings.Join(p.n.Closing, "\n"))
	if p.n.Contact == nil {
		// Contact details in the last narrative parts rather than after them.
		for i := len(p.n.Sections) - 1; i >= 0 && p.n.Contact == nil; i-- {
			p.contact(strings.Join(p.n.Sections[i].Paragraphs, "\n"))
		}
	}
}

func (p *parser) inspection(pre, all string) {
	ins := &notice.Inspection{}
	for _, src := range []string{pre, all} {
		if ins.Team == "" {
			if m := teamRe.FindString(src); m != "" && m != "巡察组" && m != "巡视组" {
				ins.Team = m
			}
		}
		if ins.Team == "" && !teamRe.MatchString(all) {
			ins.Team = checkTeamRe.FindString(src)
		}
		if ins.Start == "" {
			if m := rangeRe.FindStringSubmatch(src); m != nil {
				y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
				ins.Start = notice.ISODate(y, mo, d)
				y2, mo2 := y, mo
				if m[4] != "" {
					y2 = atoi(m[4])
				}
				if m[5] != "" {
					mo2 = atoi(m[5])
				}
				ins.End = notice.ISODate(y2, mo2, atoi(m[6]))
			}
		}
		if ins.Feedback == "" {
			if m := feedbackRe.FindStringSubmatch(src); m != nil {
				y := atoi(m[1])
				if y == 0 {
					// The year is carried from the inspection's end (or start).
					ref := ins.End
					if ref == "" {
						ref = ins.Start
					}
					if len(ref) >= 4 {
						y = atoi(ref[:4])
						if len(ref) >= 7 && atoi(m[2]) < atoi(ref[5:7]) {
							y++ // feedback in a later month number than the end: next year
						}
					}
				}
				if y > 0 {
					ins.Feedback = notice.ISODate(y, atoi(m[2]), atoi(m[3]))
				}
			}
		}
	}
	if *ins != (notice.Inspection{}) {
		p.n.Inspection = ins
	}
}

func (p *parser) stated(all string) {
	st := map[string]int{}
	if m := statedPartsRe.FindStringSubmatch(all); m != nil {
		st["categories"], st["issues"] = count(m[1]), count(m[2])
	} else if m := statedParts2Re.FindStringSubmatch(all); m != nil {
		st["categories"], st["issues"] = count(m[1]), count(m[2])
	} else if m := statedSplitRe.FindStringSubmatch(all); m != nil {
		st["issues"] = atoi(m[1]) + atoi(m[2]) + atoi(m[3]) + atoi(m[4])
	}
	for _, m := range statedIssuesRe.FindAllStringSubmatchIndex(all, -1) {
		if _, ok := st["issues"]; ok || strings.HasPrefix(all[m[1]:], "方面") {
			continue // "反馈的3个方面8个问题": 3 is the parts
		}
		st["issues"] = atoi(all[max(m[2], m[4]):max(m[3], m[5])])
	}
	for _, mi := range statedStatusRe.FindAllStringSubmatchIndex(all, -1) {
		m := []string{all[mi[0]:mi[1]], all[mi[2]:mi[3]], all[mi[4]:mi[5]]}
		if m[1] == "长期坚持" && handlingRe.MatchString(sentenceAround(all, mi[0])) {
			continue
		}
		if s, _ := notice.FindStatus(m[1]); s != "" {
			if _, dup := st[s]; !dup {
				st[s] = atoi(m[2])
			}
		}
	}
	for _, mi := range statedStatus2Re.FindAllStringSubmatchIndex(all, -1) {
		m := []string{all[mi[0]:mi[1]], all[mi[2]:mi[3]], all[mi[4]:mi[5]]}
		if byNumberTailRe.MatchString(all[:mi[0]]) {
			continue // "第1、2、4项问题已完成": which issues, not how many
		}
		if s, _ := notice.FindStatus(m[2]); s != "" {
			if _, dup := st[s]; !dup {
				st[s] = atoi(m[1])
			}
		}
	}
	if len(st) > 0 {
		p.n.Stated = st
	}
	if m := statedRateRe.FindStringSubmatch(all); m != nil {
		p.n.StatedRate, _ = strconv.ParseFloat(m[1], 64)
	}
}

// byNumberRe names issues by their numbers: 第1、2、4项问题.
var (
	byNumberRe     = lazyre.New(`第(\d{1,3}(?:[、，,和及]\d{1,3})*)(?:项|个|条)(?:问题)?`)
	byNumberTailRe = lazyre.New(`第(?:\d{1,3}[、，,和及])*$`)
)

// statusByNumber gives issues without a status of their own the status a
// sentence after the list gives them by number: "第1、2、4项问题已完成整改，
// 第3、6项问题正在整改". Only where the numbers name one issue each.
func (p *parser) statusByNumber(text string) {
	byNum := map[int]*notice.Issue{}
	for _, is := range p.n.Issues() {
		if _, dup := byNum[is.Number]; dup {
			return
		}
		byNum[is.Number] = is
	}
	for _, sent := range sentences(text) {
		locs := byNumberRe.FindAllStringSubmatchIndex(sent, -1)
		for k, m := range locs {
			stop := len(sent)
			if k+1 < len(locs) {
				stop = locs[k+1][0]
			}
			st, w := notice.FindStatus(sent[m[1]:stop])
			if st == "" || w == "完成" {
				continue
			}
			for _, n := range digitsRe.FindAllString(sent[m[2]:m[3]], -1) {
				if is := byNum[atoi(n)]; is != nil && is.Status == "" {
					is.Status, is.StatusText = st, w
				}
			}
		}
	}
}

// sentenceAround is the sentence of all holding the byte offset at.
func sentenceAround(all string, at int) string {
	start := strings.LastIndexAny(all[:at], "。；\n") + 1
	end := strings.IndexAny(all[at:], "。；\n")
	if end < 0 {
		return all[start:]
	}
	return all[start : at+end]
}

func (p *parser) contact(text string) {
	c := &notice.Contact{}
	if m := emailRe.FindString(text); m != "" {
		c.Email = m
	}
	noEmail := emailRe.ReplaceAllString(text, "")
	if i := strings.Index(noEmail, "电话"); i >= 0 {
		if m := phoneRe.FindString(noEmail[i:]); m != "" {
			c.Phone = m
		}
	} else if m := phoneRe.FindString(noEmail); m != "" {
		c.Phone = m
	}
	if m := addressRe.FindStringSubmatch(text); m != nil {
		c.Address = strings.TrimSpace(m[1])
	}
	if *c != (notice.Contact{}) {
		p.n.Contact = c
	}
}

// NarrativeFacts reads the facts a notice's narrative states (its preamble,
// level-1 parts and closing, and the issues' actions where those state no
// accountability), the way the text reader would: the
// inspection, accountability, stated totals and contact. Writers compare it
// with the data to add in words what the narrative does not say.
func NarrativeFacts(n *notice.Notice) *notice.Notice {
	// The categories too: where the narrative states no accountability,
	// the reader takes it from the issues' actions.
	p := &parser{n: &notice.Notice{Format: notice.FormatVersion, Preamble: n.Preamble, Sections: n.Sections, Closing: n.Closing,
		Categories: n.Categories}}
	for _, s := range n.Sections {
		if s.Kind != notice.SectionPending && accountabilityTitleRe.MatchString(s.Title) {
			p.accountability(s.Paragraphs)
		}
	}
	p.facts()
	return p.n
}
