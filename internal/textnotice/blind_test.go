package textnotice

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
)

// The blind notices: each written in the style of an office no other
// fixture imitates, and its gold written by hand from reading the text
// before the reader was run on it. Where the reader and the gold
// differed, the text and docs/notice-data.md decided which was right.

// blindIssue is one issue's hand-made gold, the responsible people too.
type blindIssue struct {
	num      int
	title    string
	status   string
	actions  int
	deadline string
	leader   string
	unit     string
	person   string
}

type blindCase struct {
	file       string
	issuer     string
	title      string
	date       string
	docNumber  string
	addressee  string
	inspection notice.Inspection
	categories int
	issues     []blindIssue
	acc        notice.Accountability
	stated     map[string]int
	rate       float64
	contact    notice.Contact
	// unplaced is the text the model has no place for, kept to be written
	// back: the 版记 (抄送, 印发) after the date.
	unplaced []string
	// knownGaps names the checks (see blindChecks) this notice still
	// fails; the test fails when one of them passes, so the list cannot
	// go stale.
	knownGaps []string
}

var blindCases = []blindCase{
	// A court's Party group: 文号 above the issuer, a 主送 line, issues
	// 第一，/第二， restarting under each （一） category, the status on a
	// line of its own (整改情况：已完成), 整改时限 and 责任领导/责任部门 on
	// their own lines, the 版记 (抄送, 印发) after the signature.
	{file: "court-diyi.txt", issuer: "中共柘荣县人民法院党组", title: "关于县委巡察反馈意见整改情况的通报",
		date: "2025-06-12", docNumber: "柘法党〔2025〕12号", addressee: "院机关各部门、各人民法庭",
		inspection: notice.Inspection{Team: "县委第一巡察组", Start: "2024-09-02", End: "2024-10-31", Feedback: "2024-12-06"},
		categories: 3, issues: []blindIssue{
			{1, "执行“诉源治理”工作机制不够有力，诉前调解成功率偏低", cC, 3, "", "陈立新", "立案庭", ""},
			{2, "审判执行质效不高，长期未结案件较多", cIP, 2, "2025-09", "吴海燕", "审判管理办公室", ""},
			{3, "涉企案件执行力度不够，“执行难”问题仍较突出", cC, 2, "", "郑明辉", "执行局", ""},
			{1, "党组主体责任落实不够到位，压力传导层层递减", cOG, 3, "", "林国强", "政治部", ""},
			{2, "审判权力运行监督制约机制不健全", cC, 2, "", "吴海燕", "审判管理办公室", ""},
			{1, "基层党支部组织生活不够规范", cC, 2, "", "林国强", "机关党委", ""},
			{2, "年轻干警培养力度不够，审判业务骨干断层", cC, 2, "", "陈立新", "政治部", ""},
		},
		acc:      notice.Accountability{Total: 5, Measures: map[string]int{"约谈": 3, "诫勉谈话": 1, "党纪处分": 1}},
		stated:   map[string]int{"categories": 3, "issues": 7, cC: 5, cIP: 1, cOG: 1},
		rate:     71.4,
		contact:  notice.Contact{Phone: "0593-8352210", Email: "zrfyjjz@163.com"},
		unplaced: []string{"抄送：县委巡察办，县委第一巡察组。", "柘荣县人民法院办公室2025年6月12日印发"}},
	// An audit-rectification 公告 of a county bureau: no category level,
	// issues （1） with the status in brackets at the heading's end, one
	// unnumbered 整改情况 paragraph each, money figures, 特此公告.
	{file: "water-audit.txt", issuer: "周宁县水利局", title: "关于经济责任审计反馈问题整改情况的公告",
		date: "2025-07-08", categories: 1, issues: []blindIssue{
			{1, "水利工程建设项目竣工决算滞后", cC, 1, "", "", "", ""},
			{2, "水资源费征收不及时", cC, 1, "", "", "", ""},
			{3, "农田水利专项资金结余未及时盘活", cBC, 1, "2025-12", "", "", ""},
			{4, "政府采购程序不规范", cC, 1, "", "", "", ""},
			{5, "固定资产账实不符", cC, 1, "", "", "", ""},
			{6, "河道采砂监管存在薄弱环节", cOG, 1, "", "", "", ""},
		},
		stated:  map[string]int{"issues": 6, cC: 4, cBC: 1, cOG: 1},
		contact: notice.Contact{Phone: "0593-5612037"}},
	// A village Party branch's 公示: no numbers at all, each issue a run
	// of 问题：/措施：/整改情况：/整改时限：/责任人： labels, half-width
	// punctuation throughout.
	{file: "village-labels.txt", issuer: "中共霞浦县松港街道长沙村支部委员会", title: "关于巡察反馈意见整改情况的公示",
		date:       "2025-05-06",
		inspection: notice.Inspection{Team: "街道党工委第二巡察组", Start: "2024-11-04", End: "2024-11-29", Feedback: "2025-01-09"},
		categories: 1, issues: []blindIssue{
			{1, "村务公开不及时、不全面，部分财务收支未按月公开", cC, 3, "", "", "", "黄德明（村党支部书记）"},
			{2, "村集体“三资”管理不规范，部分集体资产出租合同到期未续签", cC, 2, "", "", "", "陈丽华（村委会主任）"},
			{3, "村级工程项目管理不规范，个别项目未按规定进行公开比选", cC, 2, "", "", "", "黄德明（村党支部书记）"},
			{4, "党员教育管理不够严格，流动党员管理存在薄弱环节", cIP, 2, "2025-10", "", "", "林秀英（村党支部副书记）"},
			{5, "人居环境整治长效机制不健全，部分自然村卫生保洁不到位", cOG, 3, "", "", "", "陈丽华（村委会主任）"},
		},
		stated:  map[string]int{"issues": 5, cC: 3, cIP: 1, cOG: 1},
		contact: notice.Contact{Phone: "0593-8123456"}},
	// A city Party committee on a provincial 巡视: 共性问题/个性问题 as the
	// two categories, issues ①–⑦ as 关于…的问题 headings, 牵头领导/牵头单位
	// on one line, 已阶段性完成, accountability figures in a section not
	// titled 问责.
	{file: "city-xunshi.txt", issuer: "中共福安市委", title: "关于省委巡视整改进展情况的通报",
		date:       "2025-07-15",
		inspection: notice.Inspection{Team: "省委第六巡视组", Start: "2024-03-18", End: "2024-05-20", Feedback: "2024-07-12"},
		categories: 2, issues: []blindIssue{
			{1, "学习贯彻习近平新时代中国特色社会主义思想不够深入系统", cC, 3, "", "市委书记", "市委办、市委宣传部", ""},
			{2, "落实意识形态工作责任制不够到位", cC, 2, "", "市委常委、宣传部部长", "市委宣传部", ""},
			{3, "防范化解政府债务风险压力较大", cBC, 2, "2026-12", "市长", "市财政局", ""},
			{4, "推动海洋经济高质量发展办法不多", cC, 2, "", "常务副市长", "市发改局、市海洋渔业局", ""},
			{5, "营商环境优化不够、企业诉求回应不及时", cC, 2, "", "常务副市长", "市营商办", ""},
			{6, "基层党组织建设存在薄弱环节", cBC, 3, "", "市委常委、组织部部长", "市委组织部", ""},
			{7, "落实中央八项规定精神不够严格", cOG, 2, "", "市委常委、市纪委书记、市监委主任", "市纪委监委", ""},
		},
		acc:    notice.Accountability{Total: 76, Measures: map[string]int{"党纪政务处分": 31, "组织处理": 45}},
		stated: map[string]int{"issues": 7, cC: 4, cBC: 2, cOG: 1},
		contact: notice.Contact{Phone: "0593-6306001", Address: "福安市阳头街道富阳路22号市委巡察办",
			Email: "fasxcb@163.com"}},
	// A tax bureau's 主题教育 检视问题 list: the parts 一、 are the
	// categories, issues a）b） restarting in each, the status bracketed at
	// the heading's end, actions 1.2.3. inline, 责任领导/责任股室/整改时限
	// one a line, 立行立改 as a deadline, a completion rate.
	{file: "tax-theme-ab.txt", issuer: "国家税务总局寿宁县税务局党委", title: "关于主题教育检视问题整改落实情况的通报",
		date: "2025-01-10", addressee: "局机关各股室、各税务分局",
		categories: 3, issues: []blindIssue{
			{1, "学用结合不够紧密，运用党的创新理论指导税收工作的能力有待提升", cC, 3, "2024-10", "局党委书记、局长", "办公室", ""},
			{2, "青年干部理论学习形式单一", cC, 2, "2024-11", "局党委委员、副局长", "人事股", ""},
			{1, "办税缴费“堵点”问题仍然存在，部分业务办理时间较长", cBC, 3, "2025-03", "局党委委员、副局长", "纳税服务股", ""},
			{2, "税费优惠政策宣传辅导精准度不高", cC, 2, "立行立改", "局党委委员、副局长", "纳税服务股、税政股", ""},
			{1, "执法检查存在“重检查、轻辅导”现象", cIP, 2, "2025-06", "局党委委员、纪检组长", "法制股", ""},
			{2, "落实中央八项规定精神存在薄弱环节", cC, 2, "2024-09", "局党委委员、纪检组长", "办公室", ""},
		},
		stated:  map[string]int{"categories": 3, "issues": 6, cC: 4, cBC: 1, cIP: 1},
		rate:    66.7,
		contact: notice.Contact{Phone: "0593-5528106"}},
	// A rural commercial bank's Party committee: 文号 under the title,
	// half-width commas in the narrative, the status, deadline and unit as
	// one table-like line (完成情况：…　　完成时限：…　　责任部门：…), actions
	// 其一，其二，, 人次 in the accountability figures.
	{file: "bank-tableline.txt", issuer: "中共福建柘荣农村商业银行股份有限公司委员会", title: "关于县委巡察反馈问题整改进展情况的通报",
		date: "2025-05-28", docNumber: "柘农商党发〔2025〕7号",
		inspection: notice.Inspection{Team: "县委第三巡察组", Start: "2024-10-08", End: "2024-11-29", Feedback: "2025-01-15"},
		categories: 2, issues: []blindIssue{
			{1, "党委前置研究讨论重大经营管理事项清单执行不严格", cC, 2, "立行立改", "", "党委办公室", ""},
			{2, "服务乡村振兴力度不够，涉农贷款增速放缓", cBC, 3, "2025-12", "", "普惠金融部", ""},
			{3, "信贷风险管控不到位，不良贷款率偏高", cIP, 2, "2025-12", "", "风险管理部", ""},
			{4, "员工行为管理存在盲区", cC, 2, "2025-03", "", "人力资源部", ""},
			{5, "违规发放津贴补贴", cC, 2, "立行立改", "", "财务会计部", ""},
		},
		acc:     notice.Accountability{Total: 9, Measures: map[string]int{"诫勉谈话": 2, "通报批评": 4, "经济处罚": 3}},
		stated:  map[string]int{"categories": 2, "issues": 5, cC: 3, cBC: 1, cIP: 1},
		contact: notice.Contact{Phone: "0593-8226613", Address: "柘荣县双城镇东门路3号农商银行党委办公室"}},
	// A supply-and-marketing cooperative's notice as copied out of a PDF:
	// hard wraps, blank lines between paragraphs, running head and page
	// number mid-text, the date after a page break; issues 1、关于…的问题,
	// actions （1）（2） inline, the status a sentence at the end,
	// 共性问题2个、个性问题4个 and a completion rate.
	{file: "coop-pagecopy.txt", issuer: "中共古田县供销合作社联合社党组", title: "关于巡察整改进展情况的通报",
		date:       "2025-07-02",
		inspection: notice.Inspection{Team: "县委第五巡察组", Start: "2024-08-26", End: "2024-10-18", Feedback: "2024-11-22"},
		categories: 1, issues: []blindIssue{
			{1, "党组理论学习中心组学习流于形式", cC, 3, "", "", "", ""},
			{2, "推进农村综合服务社建设成效不明显", cC, 2, "", "", "", ""},
			{3, "社有资产监管不到位，部分资产闲置", cIP, 3, "2025-12", "", "", ""},
			{4, "基层社改造不彻底", cC, 2, "", "", "", ""},
			{5, "落实中央八项规定精神不严格", cC, 2, "", "", "", ""},
			{6, "干部队伍年龄结构老化", cC, 2, "", "", "", ""},
		},
		acc:     notice.Accountability{Total: 4, Measures: map[string]int{"批评教育": 3, "诫勉谈话": 1}},
		stated:  map[string]int{"issues": 6, cC: 5, cIP: 1},
		rate:    83.3,
		contact: notice.Contact{Phone: "0593-3882019"}},
	// A county government's 审计整改 report to the People's Congress
	// standing committee: no signature, the date in the subtitle
	// "——…会议上" and the speaker under it, the deputies addressed, each
	// item "1.问题。已整改。说明" with the verdict as the heading's second
	// sentence, 追责问责3人 in the narrative.
	{file: "audit-npc-report.txt", title: "关于2024年度县本级预算执行和其他财政收支审计查出问题整改情况的报告",
		date: "2025-10-28", addressee: "主任、各位副主任、各位委员",
		categories: 2, issues: []blindIssue{
			{1, "部分项目预算编制不够精准", cC, 1, "", "", "", ""},
			{2, "非税收入未及时缴库2350万元", cC, 1, "", "", "", ""},
			{3, "部分专项资金结存闲置1860万元", cIP, 1, "2026-06", "", "", ""},
			{4, "个别部门超范围列支会议费、培训费", cC, 1, "", "", "", ""},
			{5, "政府采购未按规定执行", cC, 1, "", "", "", ""},
			{6, "国有资产出租收入未及时收缴", cIP, 1, "2025-12", "", "", ""},
		},
		acc:    notice.Accountability{Total: 3},
		stated: map[string]int{"categories": 2, "issues": 6, cC: 4, cIP: 2},
		rate:   66.7},
}

// blindChecks compares a notice read with its gold, one named check at a
// time, and returns the mismatches by name.
func blindChecks(n *notice.Notice, c blindCase) map[string]string {
	bad := map[string]string{}
	differ := func(name string, got, want any) {
		if fmt.Sprint(got) != fmt.Sprint(want) {
			bad[name] = fmt.Sprintf("%s = %v, want %v", name, got, want)
		}
	}
	differ("issuer", n.Issuer, c.issuer)
	differ("title", n.Title, c.title)
	differ("date", n.Date, c.date)
	differ("doc_number", n.DocNumber, c.docNumber)
	differ("addressee", n.Addressee, c.addressee)
	var in notice.Inspection
	if n.Inspection != nil {
		in = *n.Inspection
	}
	differ("inspection", in, c.inspection)
	differ("categories", len(n.Categories), c.categories)
	got := n.Issues()
	differ("issue count", len(got), len(c.issues))
	for i := range min(len(got), len(c.issues)) {
		g, w := got[i], c.issues[i]
		var r notice.Responsible
		if g.Responsible != nil {
			r = *g.Responsible
		}
		differ(fmt.Sprintf("issue %d", i+1),
			fmt.Sprintf("{%d %q %s %d actions %q %q %q %q}", g.Number, g.Title, g.Status, len(g.Actions), g.Deadline, r.Leader, r.Unit, r.Person),
			fmt.Sprintf("{%d %q %s %d actions %q %q %q %q}", w.num, w.title, w.status, w.actions, w.deadline, w.leader, w.unit, w.person))
		for _, a := range g.Actions {
			if st, _ := statusOnly(a.Text); st != "" {
				bad[fmt.Sprintf("issue %d status in action", i+1)] = fmt.Sprintf("a status sentence stayed in an action: %q", a.Text)
			}
		}
	}
	var acc notice.Accountability
	if n.Accountability != nil {
		acc = *n.Accountability
	}
	if acc.Total != c.acc.Total || !sameMap(acc.Measures, c.acc.Measures) || !sameMap(acc.Ranks, c.acc.Ranks) {
		bad["accountability"] = fmt.Sprintf("accountability = %+v, want %+v", acc, c.acc)
	}
	if !sameMap(n.Stated, c.stated) {
		bad["stated"] = fmt.Sprintf("stated = %v, want %v", n.Stated, c.stated)
	}
	differ("stated_rate", n.StatedRate, c.rate)
	var ct notice.Contact
	if n.Contact != nil {
		ct = *n.Contact
	}
	differ("contact", ct, c.contact)
	var unplaced []string
	for _, u := range n.Unplaced {
		unplaced = append(unplaced, u.Text)
	}
	differ("unplaced", unplaced, c.unplaced)
	return bad
}

// TestBlindNotices reads the blind notices and checks their hand-made gold.
func TestBlindNotices(t *testing.T) {
	for _, c := range blindCases {
		t.Run(c.file, func(t *testing.T) {
			bad := blindChecks(readNotice(t, "../../testdata/notices/"+c.file), c)
			for _, gap := range c.knownGaps {
				if _, ok := bad[gap]; !ok {
					t.Errorf("known gap %q now passes: take it off the list", gap)
				}
				delete(bad, gap)
			}
			for _, msg := range bad {
				t.Error(msg)
			}
		})
	}
}

// TestLostLineEndMarks: a mark LibreOffice did not draw at a line end (a
// ；before 二是, a 。 before 目前已完成整改) still leaves the actions split
// and the verdict apart; 十二是 is no marker, and a verdict after a comma
// stays a clause of its sentence. (Prose that glues a numeral to 是 after
// 一是, "发现问题二是其中之一", would be split: a cost of the rule.)
func TestLostLineEndMarks(t *testing.T) {
	for s, want := range map[string]int{
		"一是制定公开目录，明确时间节点二是每月公开财务收支；三是设立意见箱。": 3,
		"一是制定公开目录；二是每月公开财务收支。":               2,
		"一是学习第十二是条款；二是开展检查。":                 2, // 十二是 is no 二是
	} {
		if _, acts, _ := splitActions(s); len(acts) != want {
			t.Errorf("splitActions(%q) = %d actions, want %d", s, len(acts), want)
		}
	}
	for s, want := range map[string]string{
		"开展星级评定，关停网点9个目前已完成整改。":   "开展星级评定，关停网点9个",
		"开展星级评定。截至目前已整改到位。":       "开展星级评定。",
		"开展星级评定，目前已完成整改。":         "开展星级评定，目前已完成整改。", // a clause of the sentence, as before
		"修订制度，目前正在征求意见。":          "修订制度，目前正在征求意见。",
		"对档案开展清查，截至目前已清查档案1200卷。": "对档案开展清查，截至目前已清查档案1200卷。",
	} {
		if rest, _, _, _ := trailingStatus(s); rest != want {
			t.Errorf("trailingStatus(%q) keeps %q, want %q", s, rest, want)
		}
	}
}

// TestReadTables: a tab-separated table that the caller's reader takes
// leaves the text and its issues join the notice; one it refuses stays in
// the text, cell for cell, so that nothing vanishes.
func TestReadTables(t *testing.T) {
	text := "××局关于巡察整改情况的通报\n现将整改情况通报如下。\n一、整改情况\n序号\t问题\t完成情况\n1\t学习不深入\t已完成\n2\t制度不健全\t正在整改\n××局\n2025年3月1日\n"
	take := func(rows [][]string) *notice.Notice {
		n := &notice.Notice{Categories: []notice.Category{{Issues: []notice.Issue{}}}}
		for _, r := range rows[1:] {
			n.Categories[0].Issues = append(n.Categories[0].Issues, notice.Issue{Title: r[1]})
		}
		return n
	}
	n, err := ReadTables([]byte(text), take)
	if err != nil {
		t.Fatal(err)
	}
	if got := n.Issues(); len(got) != 2 || got[1].Title != "制度不健全" || n.Sections[0].Kind != notice.SectionIssues || len(n.Sections[0].Paragraphs) != 0 {
		t.Errorf("taken: issues %+v, sections %+v", got, n.Sections)
	}
	n, err = ReadTables([]byte(text), func([][]string) *notice.Notice { return nil })
	if err != nil {
		t.Fatal(err)
	}
	kept := ""
	if len(n.Sections) == 1 {
		kept = strings.Join(n.Sections[0].Paragraphs, "")
	}
	for _, cell := range []string{"序号", "学习不深入", "已完成", "制度不健全", "正在整改"} {
		if !strings.Contains(kept, cell) {
			t.Errorf("refused: %q should stay in the text: %+v", cell, n.Sections)
		}
	}
}

// TestReadTablesLedgerOnly: a text that is only a ledger copied out of
// Excel (a title, the tab-separated table, a 填表说明 under it) gives the
// table's issues under the ledger's title, and the note is kept as it
// stands, not joined into the title.
func TestReadTablesLedgerOnly(t *testing.T) {
	text := "某某局巡察整改台账\n序号\t问题\t完成情况\n1\t学习不深入\t已完成\n2\t制度不健全\t正在整改\n填表说明：完成情况填已完成、正在整改\n"
	take := func(rows [][]string) *notice.Notice {
		n := &notice.Notice{Categories: []notice.Category{{}}}
		for _, r := range rows[1:] {
			n.Categories[0].Issues = append(n.Categories[0].Issues, notice.Issue{Title: r[1]})
		}
		return n
	}
	n, err := ReadTables([]byte(text), take)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, u := range n.Unplaced {
		kept = append(kept, u.Text)
	}
	if len(n.Issues()) != 2 || n.Title != "某某局巡察整改台账" || strings.Join(kept, "|") != "填表说明：完成情况填已完成、正在整改" {
		t.Errorf("issues %d, kept %q, title %q", len(n.Issues()), kept, n.Title)
	}
}

// TestResponsibleLabels: the ledger header words for who answers for an
// issue and by when (docs/notice-data.md) are labels in a text too, and
// their values never run into the actions.
func TestResponsibleLabels(t *testing.T) {
	text := "××县医疗保障局党组关于巡察整改情况的通报\n现将整改情况通报如下。\n一、问题整改情况\n" +
		"1.医保基金监管不到位\n分管领导：副局长王某\n整改责任人：基金监管股股长李某\n完成期限：2025年10月底前\n整改进度：已完成\n整改措施：开展定点医药机构专项检查，追回违规基金12.6万元。\n" +
		"2.经办服务效率不高\n分管领导：副局长陈某\n具体责任人：经办中心主任周某\n责任主体：医保经办中心\n整改时间：2025年12月\n整改进度：正在整改\n整改措施：推行医保业务“一窗通办”。\n" +
		"××县医疗保障局党组\n2025年6月1日\n"
	n, err := Read([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1 医保基金监管不到位 completed 2025-10 {副局长王某  基金监管股股长李某} [开展定点医药机构专项检查，追回违规基金12.6万元。]",
		"2 经办服务效率不高 in_progress 2025-12 {副局长陈某 医保经办中心 经办中心主任周某} [推行医保业务“一窗通办”。]",
	}
	got := n.Issues()
	if len(got) != len(want) {
		t.Fatalf("issues = %d", len(got))
	}
	for i, is := range got {
		var acts []string
		for _, a := range is.Actions {
			acts = append(acts, a.Text)
		}
		if g := fmt.Sprintf("%d %s %s %s %v %v", is.Number, is.Title, is.Status, is.Deadline, *is.Responsible, acts); g != want[i] {
			t.Errorf("issue %d = %s\nwant %s", i+1, g, want[i])
		}
	}
	if w := string(Write(n)); w != text {
		t.Errorf("written back differently:\n%s", firstDiff(text, w))
	}
}
