package textnotice

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/notice"
)

var (
	accTotalRe  = regexp.MustCompile(`(?:对|共|累计|合计)?(?:问责|处理|追责|处分)?(\d+)\s*(?:名|人)(?:相关)?(?:责任)?(?:人员|干部|同志|党员|人)?(?:作出|进行|给予|予以)?(?:了)?(?:处理|问责|追责|处分)`)
	accTotal2Re = regexp.MustCompile(`(?:共|累计|合计)(?:问责|处理|追责|处分)(\d+)\s*(?:人|名)`)
	measureRe   = regexp.MustCompile(`(通报批评|批评教育|谈话提醒|提醒谈话|诫勉谈话|诫勉|书面检查|自我检讨|书面检讨|党内警告|党内严重警告|政务警告|政务记过|政务记大过|组织处理|纪律处分|约谈|责令检查|函询|撤销党内职务|留党察看|开除党籍|警示约谈|记过|记大过|降级|撤职|警告)(?:处理|处分)?\s*(\d+)\s*(?:人|名|人次)`)
	measure2Re  = regexp.MustCompile(`(\d+)\s*(?:人|名)(?:被)?(?:给予|予以)?(通报批评|批评教育|谈话提醒|提醒谈话|诫勉谈话|诫勉|书面检查|自我检讨|党内警告|党内严重警告|政务警告|政务记过|组织处理|约谈|记过|警告)`)
	rankRe      = regexp.MustCompile(`(县处级干部|处级干部|乡科级干部|科级干部|股级干部|一般干部|其他人员|村（社区）干部|村干部|党员干部|普通党员|中层干部|领导干部)\s*(\d+)\s*(?:人|名)`)

	teamRe     = regexp.MustCompile(`((?:中央|省委|市委|县委|区委|州委|旗委|盟委|党组|党委)?(?:第[一二三四五六七八九十\d]+|[一二三四五六七八九十\d]+)?(?:巡视|巡察)组)`)
	rangeRe    = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:至|到|—|－|-|~)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日`)
	feedbackRe = regexp.MustCompile(`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日[^。；，]{0,20}?反馈`)

	phoneRe   = regexp.MustCompile(`(?:0\d{2,3}-?\d{7,8}(?:-\d{1,4})?|1[3-9]\d{9}|\d{7,8})`)
	emailRe   = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	addressRe = regexp.MustCompile(`(?:通信地址|通讯地址|联系地址|地址)[：:]\s*([^，。；,;]+)`)

	statedIssuesRe  = regexp.MustCompile(`(?:反馈|指出|交办|发现|梳理)[^，。；]{0,8}?(?:问题)?(?:共|共计|合计)?(\d+)\s*(?:个|项|条)(?:具体)?(?:问题)?|(\d+)\s*(?:个|项|条)(?:具体)?问题`)
	statedStatusRe  = regexp.MustCompile(`(已完成整改|已整改到位|已完成|已整改|完成整改|基本完成|阶段性完成|正在整改|持续整改|整改中|正在推进|未完成|尚未完成|长期坚持)(?:整改)?\s*(\d+)\s*(?:个|项|条)`)
	statedStatus2Re = regexp.MustCompile(`(\d+)\s*(?:个|项|条)(?:问题)?(已完成整改|已整改到位|已完成|已整改|基本完成|阶段性完成|正在整改|持续整改|整改中|未完成|尚未完成|长期坚持)`)
	statedRateRe    = regexp.MustCompile(`(?:整改完成率|完成率|整改率)(?:为|达|达到)?\s*(\d+(?:\.\d+)?)\s*[%％]`)
)

func atoi(s string) int { v, _ := strconv.Atoi(s); return v }

// accountability reads the section on people held to account.
func (p *parser) accountability(ps []string) {
	text := strings.Join(ps, "")
	a := &notice.Accountability{}
	if m := accTotalRe.FindStringSubmatch(text); m != nil {
		a.Total = atoi(m[1])
	} else if m := accTotal2Re.FindStringSubmatch(text); m != nil {
		a.Total = atoi(m[1])
	}
	add := func(mm map[string]int, k string, v int) map[string]int {
		if mm == nil {
			mm = map[string]int{}
		}
		mm[k] += v
		return mm
	}
	for _, m := range measureRe.FindAllStringSubmatch(text, -1) {
		a.Measures = add(a.Measures, m[1], atoi(m[2]))
	}
	if a.Measures == nil {
		for _, m := range measure2Re.FindAllStringSubmatch(text, -1) {
			a.Measures = add(a.Measures, m[2], atoi(m[1]))
		}
	}
	for _, m := range rankRe.FindAllStringSubmatch(text, -1) {
		a.Ranks = add(a.Ranks, m[1], atoi(m[2]))
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
	p.contact(strings.Join(p.n.Closing, "\n"))
}

func (p *parser) inspection(pre, all string) {
	ins := &notice.Inspection{}
	for _, src := range []string{pre, all} {
		if ins.Team == "" {
			if m := teamRe.FindString(src); m != "" && m != "巡察组" && m != "巡视组" {
				ins.Team = m
			}
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
	if m := statedIssuesRe.FindStringSubmatch(all); m != nil {
		st["issues"] = atoi(m[1] + m[2])
	}
	for _, m := range statedStatusRe.FindAllStringSubmatch(all, -1) {
		if s, _ := notice.FindStatus(m[1]); s != "" {
			if _, dup := st[s]; !dup {
				st[s] = atoi(m[2])
			}
		}
	}
	for _, m := range statedStatus2Re.FindAllStringSubmatch(all, -1) {
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
