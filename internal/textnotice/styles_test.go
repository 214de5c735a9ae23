package textnotice

import (
	"testing"

	"github.com/rectify/rectify/internal/notice"
)

// styleCase is the hand-checked gold of one notice written in an office's
// own style: its issue table and the facts the narrative states.
type styleCase struct {
	file       string
	categories int
	issues     []issueWant
	issuer     string
	title      string
	acc        notice.Accountability
	stated     map[string]int
	contact    notice.Contact
}

const (
	cC  = notice.Completed
	cBC = notice.BasicallyCompleted
	cIP = notice.InProgress
	cOG = notice.Ongoing
)

var styleCases = []styleCase{
	{file: "hospital-circled.txt", categories: 3, issues: []issueWant{
		{1, "学习贯彻习近平总书记关于卫生健康工作的重要论述不够深入", cC, 3, ""},
		{2, "落实公立医院党委领导下的院长负责制不到位", cC, 2, ""},
		{3, "推进医保基金使用专项整治不彻底", cBC, 3, "2025-06"},
		{4, "公共卫生服务能力建设滞后", cC, 2, ""},
		{5, "党委落实主体责任压力传导不够", cOG, 2, ""},
		{6, "药品耗材采购监管存在漏洞", cC, 3, ""},
		{7, "医德医风建设抓得不实", cC, 2, ""},
		{8, "对科室负责人日常监督偏软", cC, 2, ""},
		{9, "党支部设置与科室发展不相适应", cC, 2, ""},
		{10, "发展党员工作重视不够", cC, 2, ""},
		{11, "人才引进培养机制不健全", cBC, 3, "2025-12"},
		{12, "上轮巡察反馈问题整改不到位", cC, 2, ""},
	}, issuer: "中共寿宁县医院委员会", title: "关于县委巡察反馈意见整改进展情况的通报",
		acc:     notice.Accountability{Total: 3, Measures: map[string]int{"提醒谈话": 2, "批评教育": 1}},
		stated:  map[string]int{"categories": 3, "issues": 12, cC: 9, cBC: 2, cOG: 1},
		contact: notice.Contact{Phone: "0593-5521234", Address: "寿宁县鳌阳镇茗溪路26号医院党委办公室"}},
	{file: "school-diyi.txt", categories: 1, issues: []issueWant{
		{1, "落实立德树人根本任务有差距", cC, 3, ""},
		{2, "课程思政建设推进缓慢", cIP, 2, "2025-08"},
		{3, "校园安全管理存在隐患", cC, 4, ""},
		{4, "食堂管理不够规范", cC, 2, ""},
		{5, "教师队伍结构性缺编", cIP, 2, "2025-09"},
		{6, "违规征订教辅资料", cC, 2, ""},
		{7, "党支部组织生活不规范", cC, 1, ""},
	}, issuer: "中共福安市第二中学委员会", title: "关于巡察整改情况的通报",
		acc:     notice.Accountability{Total: 6, Measures: map[string]int{"批评教育": 4, "提醒谈话": 2}},
		stated:  map[string]int{"issues": 7, cC: 5, cIP: 2},
		contact: notice.Contact{Phone: "0593-6301234"}},
	{file: "township-paren1.txt", categories: 3, issues: township(), issuer: "中共屏南县双溪镇委员会",
		title:   "关于巡察整改进展情况的通报",
		acc:     notice.Accountability{Total: 6, Measures: map[string]int{"党内警告": 1, "诫勉谈话": 2, "批评教育": 3}},
		stated:  map[string]int{"issues": 25, cC: 22, cIP: 3},
		contact: notice.Contact{Phone: "0593-3351008", Email: "psxsxzdzb@163.com"}},
	{file: "bureau-messy.txt", categories: 1, issues: []issueWant{
		{1, "执行国土空间规划不够严格", cC, 3, ""},
		{2, "违法用地查处不及时", cIP, 3, "2025-12"},
		{3, "耕地占补平衡项目管理不规范", cC, 2, ""},
		{4, "矿产资源监管存在薄弱环节", cC, 2, ""},
		{5, "不动产登记服务效率不高", cC, 2, ""},
		{6, "征地拆迁补偿资金管理不规范", cIP, 3, "2025-09"},
		{7, "干部廉洁风险防控不到位", cC, 2, ""},
		{8, "基层所站建设滞后", cIP, 2, "2025-10"},
	}, issuer: "中共宁德市蕉城区自然资源局党组", title: "关于巡察整改进展情况的通报",
		acc:     notice.Accountability{Total: 3, Measures: map[string]int{"诫勉谈话": 2, "政务警告": 1}},
		stated:  map[string]int{"issues": 8, cC: 5, cIP: 3},
		contact: notice.Contact{Phone: "0593-2887516", Address: "宁德市蕉城区蕉城南路68号区自然资源局办公室"}},
	{file: "soe-group.txt", categories: 4, issues: soe(), issuer: "中共闽东交通建设投资集团有限公司委员会",
		title: "关于巡察整改进展情况的通报",
		acc: notice.Accountability{Total: 14, Measures: map[string]int{"党纪政务处分": 3, "组织处理": 4, "诫勉谈话": 2, "批评教育": 5},
			Ranks: map[string]int{"中层干部": 6, "一般管理人员": 8}},
		stated:  map[string]int{"categories": 4, "issues": 20, cC: 16, cBC: 2, cIP: 2},
		contact: notice.Contact{Phone: "0593-2078866", Email: "mdjtdw@163.com", Address: "宁德市东侨经济技术开发区福宁北路8号集团党委办公室"}},
	{file: "college-inverted.txt", categories: 2, issues: []issueWant{
		{1, "党委理论学习中心组学习成效不明显", cC, 2, ""},
		{2, "专业设置与地方产业需求对接不够", cC, 3, ""},
		{3, "实训基地建设滞后", cIP, 2, "2025-12-31"},
		{4, "科研经费管理不规范", cC, 2, ""},
		{5, "“双师型”教师比例偏低", cIP, 2, "2025-08-31"},
		{6, "二级学院党组织作用发挥不充分", cC, 2, ""},
	}, issuer: "中共宁德职业技术学院委员会", title: "关于巡察整改进展情况的通报",
		acc:     notice.Accountability{Total: 5, Measures: map[string]int{"通报批评": 1, "诫勉谈话": 1, "批评教育": 3}},
		stated:  map[string]int{"categories": 2, "issues": 6, cC: 4, cIP: 2},
		contact: notice.Contact{Phone: "0593-2950118"}},
	{file: "street-halfwidth.txt", categories: 3, issues: []issueWant{
		{1, "社区党组织标准化建设不到位", cC, 2, ""},
		{2, "党员发展和教育管理不规范", cC, 2, ""},
		{3, "网格化党建覆盖不全", cIP, 2, "2025-12"},
		{4, "老旧小区改造推进缓慢", cC, 2, ""},
		{5, "矛盾纠纷排查化解不及时", cC, 2, ""},
		{6, "城市管理精细化水平不高", cIP, 2, "2025-10"},
		{7, "为民服务意识不强", cC, 2, ""},
		{8, "公务接待管理不严格", cC, 2, ""},
		{9, "财务报销审核不严", cC, 2, ""},
		{10, "专项资金拨付滞后", cC, 2, ""},
	}, issuer: "中共福鼎市桐山街道工作委员会", title: "关于巡察整改进展情况的通报",
		acc:     notice.Accountability{Total: 7, Measures: map[string]int{"谈话提醒": 5, "书面检查": 2}},
		stated:  map[string]int{"issues": 10, cC: 8, cIP: 2},
		contact: notice.Contact{Phone: "0593-7822316"}},
	{file: "archive-toplevel.txt", categories: 1, issues: []issueWant{
		{1, "档案安全管理存在隐患", cC, 3, ""},
		{2, "档案数字化进度缓慢", cIP, 2, "2025-12"},
		{3, "档案开放利用不充分", cC, 2, ""},
		{4, "党支部组织生活不规范", cC, 1, ""},
		{5, "固定资产管理不规范", cC, 2, ""},
	}, issuer: "霞浦县档案馆党支部", title: "关于巡察整改进展情况的通报",
		stated:  map[string]int{"issues": 5},
		contact: notice.Contact{Phone: "0593-8882713"}},
	// Parts 一、 are the categories, issues （一） carry their status at the
	// end of the heading, actions 1. one a line, the figures in a
	// narrative paragraph after the list.
	{file: "health-headstatus.txt", categories: 3, issues: []issueWant{
		{1, "医药领域腐败问题集中整治推进不力", cC, 2, ""},
		{2, "基层医疗卫生服务能力不足", cBC, 3, "2025-09"},
		{3, "公共卫生应急体系建设滞后", cC, 2, ""},
		{4, "党组主体责任落实不到位", cC, 2, ""},
		{5, "医疗机构药品耗材采购监管不严", cIP, 3, "2025-12"},
		{6, "违规收受红包问题时有发生", cC, 2, ""},
		{7, "公立医院党建工作责任制落实不到位", cC, 2, ""},
		{8, "党员教育管理不够严格", cC, 2, ""},
		{9, "干部队伍建设统筹谋划不够", cOG, 2, ""},
	}, issuer: "中共屏南县卫生健康局党组", title: "关于巡察整改情况的通报",
		acc:     notice.Accountability{Total: 5, Measures: map[string]int{"党内警告": 1, "政务记过": 1, "诫勉谈话": 3}},
		stated:  map[string]int{"categories": 3, "issues": 9},
		contact: notice.Contact{Phone: "0593-3322175", Address: "屏南县古峰镇环城路12号县卫生健康局办公室"}},
	// A copy out of a PDF viewer: hard wraps, the running head and page
	// number repeated mid-paragraph without page breaks, the status in the
	// label's brackets, 三个方面6个问题.
	{file: "finance-pageheads.txt", categories: 3, issues: []issueWant{
		{1, "预算编制不够精细，部分项目支出预算与实际执行偏差较大", cC, 2, ""},
		{2, "国库集中支付审核把关不严", cC, 2, ""},
		{3, "行政事业单位国有资产底数不清", cIP, 2, "2025-10"},
		{4, "出租出借国有资产未按规定审批", cC, 2, ""},
		{5, "干部轮岗交流不够经常", cC, 2, ""},
		{6, "财会监督专业人才缺乏", cOG, 2, ""},
	}, issuer: "中共宁德市东侨经济开发区财政局党组", title: "关于巡察整改进展情况的通报",
		acc:     notice.Accountability{Total: 3, Measures: map[string]int{"提醒谈话": 2, "书面检查": 1}},
		stated:  map[string]int{"categories": 3, "issues": 6},
		contact: notice.Contact{Phone: "0593-2861207"}},
	// Three levels above the issues' own: 二、 > （一） categories > 1.
	// subcategories > （1） issues with 【status】 at the heading's end,
	// 牵头领导/采取措施/完成时限 labels, ①② actions.
	{file: "township-nested.txt", categories: 2, issues: []issueWant{
		{1, "村集体经济薄弱村占比较高", cC, 2, ""},
		{2, "农村人居环境整治不彻底", cIP, 2, "2025-09"},
		{3, "危化品和燃气安全排查不到位", cC, 2, ""},
		{4, "镇党委履行主体责任压力传导层层递减", cC, 2, ""},
		{5, "村级小微权力监督不到位", cIP, 2, "2025-10"},
		{6, "落实中央八项规定精神不够严格", cC, 2, ""},
		{7, "基层干部服务意识不强", cC, 2, ""},
	}, issuer: "中共周宁县七步镇委员会", title: "关于县委巡察反馈问题整改进展情况的通报",
		acc:     notice.Accountability{Total: 7, Measures: map[string]int{"约谈提醒": 6, "诫勉谈话": 1}},
		stated:  map[string]int{"issues": 7, cC: 5, cIP: 2},
		contact: notice.Contact{Phone: "0593-5561023"}},
	{file: "bureau-problem-n.txt", categories: 1, issues: []issueWant{
		{1, "林权流转管理不规范", cC, 2, ""},
		{2, "森林防火基础设施薄弱", cIP, 2, "2025-10"},
		{3, "干部作风不实", cC, 1, ""},
		{4, "财务报销不规范", cC, 2, ""},
	}, issuer: "中共古田县林业局党组", title: "关于巡察整改进展情况的通报",
		stated: map[string]int{"issues": 4, cC: 3, cIP: 1}},
}

func township() []issueWant {
	titles := []string{"传达学习上级会议精神不及时", "贯彻落实乡村振兴战略措施不够有力", "推动古镇文旅产业发展成效不明显",
		"意识形态工作责任制落实不到位", "安全生产隐患排查不够深入", "信访积案化解进度缓慢", "河长制落实不到位",
		"耕地保护工作存在薄弱环节", "党委主体责任压得不实", "纪委监督责任履行不够有力", "村级财务管理不规范",
		"工程项目管理存在漏洞", "落实中央八项规定精神不够严格", "惠民资金发放监管不到位", "小微权力运行监督不到位",
		"“雪亮工程”资金使用效益不高", "村党组织书记队伍老化", "软弱涣散村党组织整顿不彻底", "“三会一课”制度落实不严格",
		"发展党员工作不规范", "干部教育管理偏松偏软", "年轻干部培养使用力度不够", "党员教育管理不够经常",
		"人才工作机制不健全", "上轮巡察整改不到位"}
	var out []issueWant
	for i, t := range titles {
		w := issueWant{i + 1, t, cC, 2, ""}
		switch i + 1 {
		case 2, 11:
			w.actions = 3
		case 3:
			w.status, w.deadline = cIP, "2025-10"
		case 15:
			w.status, w.deadline = cIP, "2025-06"
		case 23:
			w.status, w.deadline = cIP, "2025-09"
		}
		out = append(out, w)
	}
	return out
}

func soe() []issueWant {
	titles := []string{"党委把方向、管大局、保落实作用发挥不充分", "董事会规范运作水平不高", "服务全市重大交通项目建设主动性不够",
		"国有资本投向不够聚焦主业", "子公司法人治理不完善", "党委主体责任落实不到位", "工程招投标管理存在廉洁风险",
		"违规发放津贴补贴", "对子公司监督存在“宽松软”现象", "公务用车管理不规范", "落实中央八项规定精神存在薄弱环节",
		"选人用人程序不够规范", "年轻干部储备不足", "专业技术人才短缺", "绩效考核激励作用不明显", "应收账款清收不力",
		"债务风险防控不到位", "安全生产责任落实不到位", "审计发现问题整改不到位", "上轮巡察整改成果巩固不够"}
	var out []issueWant
	for i, t := range titles {
		w := issueWant{i + 1, t, cC, 2, ""}
		switch i + 1 {
		case 3:
			w.status, w.actions, w.deadline = cIP, 3, "2025-12"
		case 9:
			w.status, w.deadline = cBC, "2025-09"
		case 15:
			w.status, w.deadline = cIP, "2025-10"
		case 16:
			w.status = cBC
		}
		out = append(out, w)
	}
	return out
}

// TestOfficeStyles reads notices written the way other offices write them
// and checks the hand-made gold: every issue's number, title, status, number
// of actions and deadline, and the figures the narrative states.
func TestOfficeStyles(t *testing.T) {
	for _, c := range styleCases {
		t.Run(c.file, func(t *testing.T) {
			n := readNotice(t, "../../testdata/notices/"+c.file)
			checkIssues(t, n, c.categories, c.issues)
			for _, g := range n.Issues() {
				for _, a := range g.Actions {
					if st, _ := statusOnly(a.Text); st != "" {
						t.Errorf("issue %d: a status sentence stayed in an action: %q", g.Number, a.Text)
					}
				}
			}
			if n.Issuer != c.issuer || n.Title != c.title {
				t.Errorf("issuer, title = %q, %q; want %q, %q", n.Issuer, n.Title, c.issuer, c.title)
			}
			var acc notice.Accountability
			if n.Accountability != nil {
				acc = *n.Accountability
			}
			if acc.Total != c.acc.Total || !sameMap(acc.Measures, c.acc.Measures) || !sameMap(acc.Ranks, c.acc.Ranks) {
				t.Errorf("accountability = %+v, want %+v", acc, c.acc)
			}
			if !sameMap(n.Stated, c.stated) {
				t.Errorf("stated = %v, want %v", n.Stated, c.stated)
			}
			var ct notice.Contact
			if n.Contact != nil {
				ct = *n.Contact
			}
			if ct != c.contact {
				t.Errorf("contact = %+v, want %+v", ct, c.contact)
			}
			if len(n.Unplaced) > 0 {
				t.Errorf("unplaced text in a clean notice: %+v", n.Unplaced)
			}
		})
	}
}

// TestIssuesWithoutLabels: a list whose issues carry neither labels nor
// statuses is still found, from numbered actions under each heading, or
// from the count the notice states.
func TestIssuesWithoutLabels(t *testing.T) {
	for name, text := range map[string]string{
		"numbered actions": "××局关于巡察整改情况的通报\n现将整改情况通报如下。\n一、反馈问题整改情况\n（一）学习不深入的问题\n一是建立学习制度；二是开展专题学习。\n（二）财务管理不规范的问题\n一是修订财务制度；二是开展专项检查。\n××局\n2025年3月1日\n",
		"stated count":     "××局关于巡察整改情况的通报\n巡察共反馈问题2个，现将整改情况通报如下。\n一、反馈问题整改情况\n（一）学习不深入的问题\n修订党组理论学习中心组学习制度，明确每月集中学习不少于1次，2024年8月以来已开展集中学习11次，并邀请党校教师作专题辅导。\n（二）财务管理不规范的问题\n修订局机关财务管理办法，严格执行公务接待审批制度，对2022年以来公务接待费用进行全面清理，退回不合规费用0.86万元。\n××局\n2025年3月1日\n",
	} {
		n, err := Read([]byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := n.Issues()
		if len(got) != 2 || got[0].Title != "学习不深入" || got[1].Title != "财务管理不规范" {
			for _, is := range got {
				t.Errorf("%s: issue %d %q", name, is.Number, is.Title)
			}
		}
	}
}

// TestStatusSentence: which sentences are a verdict and nothing else.
func TestStatusSentence(t *testing.T) {
	for s, want := range map[string]string{
		"目前已完成整改。":     cC,
		"目前，该问题已整改完成。": cC,
		"该问题已基本完成整改，剩余工作计划于2025年6月底前完成。": cBC,
		"此项工作长期坚持。":    cOG,
		"目前，该问题正在整改中。": cIP,
		"（已完成）":        cC,
		"已完成评估报告。":     "",
		"完成了2024年度考核。": "",
		"对整改不彻底的4个问题重新制定措施并全部整改到位。": "",
	} {
		if got, _ := statusSentence(s); got != want {
			t.Errorf("statusSentence(%q) = %q, want %q", s, got, want)
		}
	}
}
