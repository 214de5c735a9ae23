package textnotice

import (
	"testing"

	"github.com/rectify/rectify/internal/notice"
)

// The second round of blind notices: offices and habits no earlier fixture
// imitates, each gold table written by hand from the text before the
// reader was run on it (see blind_test.go for the first round).

const cNS = notice.NotStarted

var blindCases2 = []blindCase{
	// A notice copied out of a county website: the breadcrumb, 发布时间/
	// 来源/浏览次数, 【字体：大 中 小】 and 打印本页/关闭窗口/分享到/上一篇
	// around it, an attachment link after the date; issues "1、" with
	// half-width "(1)" actions, 整改结果：已整改到位 / 已销号.
	{file: "web-renshe.txt", issuer: "中共浦城县人力资源和社会保障局党组", title: "关于巡察整改进展情况的通报",
		date:       "2025-06-20",
		inspection: notice.Inspection{Team: "县委第二巡察组", Start: "2024-10-09", End: "2024-12-06", Feedback: "2025-01-17"},
		categories: 1, issues: []blindIssue{
			{1, "落实就业优先政策不够有力，重点群体就业帮扶精准度不高", cC, 3, "", "", "", ""},
			{2, "社保基金监管存在漏洞，个别人员违规领取养老保险待遇", cC, 3, "", "", "", ""},
			{3, "劳动保障监察执法不到位，欠薪案件办结率偏低", cC, 2, "", "", "", ""},
			{4, "职业技能培训质量不高，“重数量、轻质量”现象仍然存在", cIP, 2, "2025-09", "", "", ""},
			{5, "人事考试组织管理不够严密", cC, 2, "", "", "", ""},
			{6, "窗口服务效率不高，“一件事一次办”推进缓慢", cC, 2, "", "", "", ""},
			{7, "党组理论学习中心组学习质量不高", cC, 2, "", "", "", ""},
			{8, "基层党支部“三会一课”制度落实不规范", cC, 2, "", "", "", ""},
			{9, "干部队伍结构不合理，专业技术人才缺乏", cIP, 2, "2025-12", "", "", ""},
		},
		stated: map[string]int{"issues": 9, cC: 7, cIP: 2},
		contact: notice.Contact{Phone: "0599-2823516", Address: "浦城县南浦街道五一路88号县人社局办公室",
			Email: "pcxrsjbgs@163.com"},
		unplaced: []string{
			// as normalised: no spaces between Chinese and other characters
			"首页>政务公开>通知公告",
			"发布时间：2025-06-20 16:35来源：县人社局 作者：办公室 浏览次数：1286",
			"【字体：大 中 小】打印本页 关闭窗口",
			"附件：浦城县人社局巡察整改问题清单.xls",
			"【打印本页】【关闭窗口】",
			"分享到：",
			"上一篇：浦城县2025年第二季度公益性岗位拟聘用人员公示",
			"下一篇：关于开展2025年度职业技能等级认定工作的通知",
		}},
	// A state-owned group's decimal outline: parts "1 ", categories
	// "2.1 ", issues "2.1.1 " (numbered by their last figure), half-width
	// "(1)" actions, 完成情况/完成时限 lines, 基本完成 and 长期坚持.
	{file: "soe-decimal.txt", issuer: "中共顺昌县城市建设投资集团有限公司委员会", title: "关于县委巡察反馈问题整改进展情况的通报",
		date: "2025-07-04", docNumber: "顺城投党〔2025〕15号", addressee: "集团各部室、各子公司",
		inspection: notice.Inspection{Team: "县委第四巡察组", Start: "2024-09-02", End: "2024-10-31", Feedback: "2024-12-18"},
		categories: 4, issues: []blindIssue{
			{1, "党委前置研究讨论重大经营管理事项不规范", cC, 2, "", "", "", ""},
			{2, "落实意识形态工作责任制不到位", cC, 2, "", "", "", ""},
			{3, "服务全县重点项目建设担当不够", cBC, 2, "2025-09", "", "", ""},
			{4, "“三重一大”决策记录不完整", cC, 2, "", "", "", ""},
			{1, "应收账款清收不力，部分款项长期挂账", cBC, 3, "2025-12", "", "", ""},
			{2, "工程项目招投标管理不规范", cC, 3, "", "", "", ""},
			{3, "国有资产出租管理混乱", cC, 2, "", "", "", ""},
			{4, "融资成本偏高，债务结构不合理", cOG, 2, "长期坚持", "", "", ""},
			{1, "监督执纪“四种形态”运用不够", cC, 2, "", "", "", ""},
			{2, "落实中央八项规定精神不够严格，公务用车管理不规范", cC, 2, "", "", "", ""},
			{3, "子公司廉洁风险防控薄弱", cC, 2, "", "", "", ""},
			{4, "违规发放津贴补贴", cC, 2, "", "", "", ""},
			{1, "基层党组织建设薄弱", cC, 2, "", "", "", ""},
			{2, "干部选拔任用程序不规范", cC, 2, "", "", "", ""},
			{3, "专业人才储备不足", cC, 2, "", "", "", ""},
		},
		acc:     notice.Accountability{Total: 7, Measures: map[string]int{"诫勉谈话": 2, "批评教育": 5}},
		stated:  map[string]int{"categories": 4, "issues": 15, cC: 12, cBC: 2, cOG: 1},
		contact: notice.Contact{Phone: "0599-7822316"}},
	// A provincial department on a 巡视: long categories "（一）在…方面",
	// issues "1.…的问题。" restarting in each, "整改情况：" opening with
	// the verdict (已完成并建立长效机制, 序时推进, 取得阶段性成效, 持续整改);
	// 立行立改/限期整改/长期坚持 counts that classify the issues (no
	// status), 整改措施86条 and 制度15项 that are no issues.
	{file: "province-xunshi-fangmian.txt", issuer: "中共福建省商务厅党组", title: "关于省委巡视整改进展情况的通报",
		date:       "2025-04-18",
		inspection: notice.Inspection{Team: "省委第三巡视组", Start: "2024-04-08", End: "2024-06-07", Feedback: "2024-08-05"},
		categories: 4, issues: []blindIssue{
			{1, "学习贯彻习近平总书记关于商务工作重要论述不够深入", cC, 3, "", "", "", ""},
			{2, "推动外贸稳规模优结构办法不多", cIP, 2, "2025-12", "", "", ""},
			{3, "服务闽台经贸合作融合发展力度不够", cBC, 2, "", "", "", ""},
			{4, "促进消费扩容提质措施针对性不强", cC, 2, "", "", "", ""},
			{5, "统筹发展和安全存在短板", cC, 3, "", "", "", ""},
			{1, "党组落实全面从严治党主体责任不够到位", cC, 2, "", "", "", ""},
			{2, "落实中央八项规定精神不够严格", cC, 3, "", "", "", ""},
			{3, "权力运行监督制约不够有力", cIP, 2, "", "", "", ""},
			{4, "专项资金管理使用不够规范", cC, 2, "", "", "", ""},
			{5, "对巡视巡察、审计发现问题整改不到位", cC, 2, "", "", "", ""},
			{1, "领导班子建设有待加强", cC, 2, "", "", "", ""},
			{2, "干部队伍结构不够合理", cIP, 2, "", "", "", ""},
			{3, "基层党组织建设存在薄弱环节", cC, 2, "", "", "", ""},
			{4, "人才引进培养机制不够健全", cC, 2, "", "", "", ""},
			{1, "上轮巡视整改“回头看”不够深入", cC, 2, "", "", "", ""},
			{2, "审计发现问题整改不彻底", cC, 2, "", "", "", ""},
		},
		acc:    notice.Accountability{Total: 8, Measures: map[string]int{"党纪政务处分": 3, "组织处理": 5}},
		stated: map[string]int{"categories": 4, "issues": 16, cC: 12},
		rate:   75,
		contact: notice.Contact{Phone: "0591-87853316", Address: "福州市鼓楼区鼓屏路62号",
			Email: "swtxszg@163.com"}},
	// A bureau whose notice is a short letter: the issue list is the
	// attachment after the signature ("附件" and its own title), each
	// issue with 责任领导/责任部门/整改时限 on one line.
	{file: "attachment-list.txt", issuer: "光泽县文化体育和旅游局", title: "关于巡察整改进展情况的通报",
		date:       "2025-08-06",
		inspection: notice.Inspection{Team: "县委第一巡察组", Start: "2024-10-21", End: "2024-12-20", Feedback: "2025-02-12"},
		categories: 3, issues: []blindIssue{
			{1, "文旅融合发展思路不清，全域旅游推进缓慢", cC, 2, "2025-06", "副局长李明华", "旅游发展股", ""},
			{2, "文物保护利用不到位，部分文物保护单位年久失修", cIP, 2, "2025-12", "副局长陈建平", "文物保护中心", ""},
			{3, "公共文化服务供给不足，基层文化阵地利用率不高", cC, 2, "2025-05", "副局长陈建平", "公共服务股", ""},
			{1, "落实中央八项规定精神不够严格，存在超标准接待问题", cC, 2, "立行立改", "局党组成员、纪检组长王丽", "办公室", ""},
			{2, "体育场馆运营管理监督缺位", cC, 2, "2025-06", "副局长吴志勇", "体育股", ""},
			{3, "旅游市场执法检查流于形式", cIP, 2, "2025-09", "副局长李明华", "文化市场综合执法大队", ""},
			{1, "党组议事决策不规范", cC, 2, "2025-04", "局党组书记、局长张国荣", "办公室", ""},
			{2, "党支部组织生活质量不高", cC, 2, "2025-04", "局党组成员、副局长吴志勇", "机关党支部", ""},
		},
		acc:      notice.Accountability{Total: 3, Measures: map[string]int{"约谈": 3}},
		stated:   map[string]int{"categories": 3, "issues": 8, cC: 6, cIP: 2},
		rate:     75,
		contact:  notice.Contact{Phone: "0599-7936022", Email: "gzxwtlj@163.com"},
		unplaced: []string{"附件", "光泽县文化体育和旅游局巡察反馈问题整改情况清单"}},
	// A township after a 巡察“回头看”: issues numbered 1–16 straight
	// through the categories, one 整改情况 paragraph each closing with the
	// verdict (已整改到位。/部分完成。), 未完成（原因：…） with a plan;
	// 诫勉3人次、组织处理2人 beside money recovered (no people).
	{file: "township-huitoukan.txt", issuer: "中共将乐县万安镇委员会", title: "关于县委巡察“回头看”反馈问题整改情况的通报",
		date:       "2025-08-25",
		inspection: notice.Inspection{Team: "县委第三巡察组", Start: "2024-11-11", End: "2024-12-13", Feedback: "2025-02-26"},
		categories: 4, issues: []blindIssue{
			{1, "村级财务管理问题整改不彻底，部分村仍存在白条入账现象", cC, 1, "", "", "", ""},
			{2, "村集体经济薄弱村转化工作进展缓慢", cIP, 3, "", "", "", ""},
			{3, "上轮巡察指出的违规占用耕地问题未整改到位", cC, 2, "", "", "", ""},
			{4, "干部作风问题整改流于形式", cC, 2, "", "", "", ""},
			{5, "整改台账不完整，部分问题整改无佐证材料", cC, 1, "", "", "", ""},
			{6, "乡村振兴项目推进缓慢，部分项目未按期开工", cIP, 2, "", "", "", ""},
			{7, "农村人居环境整治不够彻底", cC, 3, "", "", "", ""},
			{8, "防汛防灾基础设施薄弱", cC, 2, "", "", "", ""},
			{9, "安置小区配套设施建设滞后", cNS, 0, "2025-12", "", "", ""},
			{10, "镇纪委监督执纪问责偏软偏弱", cC, 2, "", "", "", ""},
			{11, "落实中央八项规定精神不到位，存在违规发放补贴问题", cC, 2, "", "", "", ""},
			{12, "工程项目管理不规范，存在先施工后招标现象", cC, 2, "", "", "", ""},
			{13, "村级“小微权力”监督不到位", cC, 2, "", "", "", ""},
			{14, "软弱涣散村党组织整顿成效不明显", cIP, 2, "", "", "", ""},
			{15, "发展党员工作不够规范", cC, 2, "", "", "", ""},
			{16, "村后备干部队伍建设滞后", cC, 2, "", "", "", ""},
		},
		acc:     notice.Accountability{Total: 5, Measures: map[string]int{"诫勉": 3, "组织处理": 2}},
		stated:  map[string]int{"issues": 16, cC: 12, cIP: 3, cNS: 1},
		contact: notice.Contact{Phone: "0598-2265018"}},
	// A bureau's report on a 选人用人专项检查 to the organisation
	// department: no categories, issues （一）…（七） each followed by
	// 牵头领导/责任单位/配合单位/整改时限 lines, then 整改措施 and
	// 整改进度 (序时推进, 取得阶段性成效, 持续整改), 特此报告.
	{file: "traffic-xuanren.txt", issuer: "中共尤溪县交通运输局党组", title: "关于选人用人工作专项检查反馈问题整改情况的报告",
		date: "2025-07-10", addressee: "县委组织部",
		inspection: notice.Inspection{Team: "县委组织部选人用人专项检查组", Start: "2025-03-10", End: "2025-03-21", Feedback: "2025-04-15"},
		categories: 1, issues: []blindIssue{
			{1, "落实党组选人用人主体责任不够到位", cC, 2, "2025-06", "局党组书记、局长陈志强", "人事股", ""},
			{2, "干部选拔任用动议环节不规范", cIP, 2, "2025-12", "局党组成员、副局长林秀娟", "人事股", ""},
			{3, "干部档案管理不规范，部分档案材料缺失", cBC, 2, "2025-09", "局党组成员、副局长林秀娟", "人事股", ""},
			{4, "试用期满考核流于形式", cC, 2, "2025-05", "局党组成员、副局长林秀娟", "人事股", ""},
			{5, "年轻干部培养选拔力度不够", cIP, 2, "长期坚持", "局党组书记、局长陈志强", "人事股", ""},
			{6, "执行干部交流轮岗制度不到位", cC, 2, "2025-06", "局党组成员、副局长黄志伟", "人事股", ""},
			{7, "因私出国（境）证照管理不严格", cC, 2, "2025-04", "局党组成员、副局长黄志伟", "人事股", ""},
		},
		acc:    notice.Accountability{Total: 2, Measures: map[string]int{"提醒谈话": 2}},
		stated: map[string]int{"issues": 7}},
	// A community Party branch's report: each issue one line,
	// "1.问题：…措施：…结果：…责任人：…" with every label inside it, the
	// feedback date without its year.
	{file: "community-oneline.txt", issuer: "中共邵武市水北街道水南社区支部委员会", title: "关于巡察反馈问题整改落实情况的报告",
		date: "2025-05-12", addressee: "水北街道党工委",
		inspection: notice.Inspection{Team: "街道党工委第一巡察组", Start: "2024-10-14", End: "2024-10-25", Feedback: "2024-12-03"},
		categories: 1, issues: []blindIssue{
			{1, "党支部“三会一课”记录不规范，部分会议记录缺失", cC, 1, "", "", "", "张丽萍"},
			{2, "社区财务公开不及时", cC, 2, "", "", "", "张丽萍"},
			{3, "社区网格员队伍不稳定，网格管理存在空白", cC, 2, "", "", "", "刘建华"},
			{4, "老旧小区改造群众意见较大", cIP, 3, "2025-10", "", "", "刘建华"},
			{5, "流动党员管理不到位", cC, 1, "", "", "", "陈美玲"},
			{6, "社区养老服务站利用率不高", cC, 2, "", "", "", "陈美玲"},
		},
		stated: map[string]int{"issues": 6}},
	// A primary school's Party branch: issues 【问题一】… running on through
	// the categories, 【整改措施】 and 【整改进展】 in square brackets.
	{file: "school-bracket.txt", issuer: "中共建瓯市第二实验小学支部委员会", title: "关于巡察反馈问题整改情况的通报",
		date:       "2025-07-03",
		inspection: notice.Inspection{Team: "市委第四巡察组", Start: "2024-11-04", End: "2024-12-06", Feedback: "2025-01-10"},
		categories: 3, issues: []blindIssue{
			{1, "思政课教师队伍力量薄弱，专职思政课教师配备不足", cC, 2, "", "", "", ""},
			{2, "“双减”政策落实不够到位，课后服务内容单一", cC, 2, "", "", "", ""},
			{3, "学生心理健康教育重视不够", cC, 3, "", "", "", ""},
			{4, "校园食堂管理存在漏洞，食材采购验收不规范", cC, 2, "", "", "", ""},
			{5, "收费管理不规范，存在代收费项目未公示问题", cC, 2, "", "", "", ""},
			{6, "校舍维修工程管理不规范", cBC, 2, "2025-08", "", "", ""},
			{7, "党支部发挥战斗堡垒作用不够明显", cIP, 2, "", "", "", ""},
			{8, "党员教师发展工作滞后", cC, 2, "", "", "", ""},
		},
		stated:  map[string]int{"categories": 3, "issues": 8, cC: 6, cBC: 1, cIP: 1},
		contact: notice.Contact{Phone: "0599-3822618"}},
	// A hospital's report to the inspection office: issues （一） under
	// parts 一、 with 问题描述/整改措施 (1.2. inline)/销号情况 lines,
	// "已销号（2025年5月20日）" (a closing date, no deadline) and
	// "未销号，正在整改，计划于…前完成"; 已销号6个、未销号2个.
	{file: "hospital-xiaohao.txt", issuer: "南平市中医院党委", title: "关于市委巡察反馈问题整改情况的报告",
		date: "2025-09-05", addressee: "市委巡察办",
		inspection: notice.Inspection{Team: "市委第二巡察组", Start: "2024-12-02", End: "2025-01-24", Feedback: "2025-03-14"},
		categories: 3, issues: []blindIssue{
			{1, "党委领导下的院长负责制执行不到位", cC, 2, "", "", "", ""},
			{2, "基层党支部建设薄弱", cC, 2, "", "", "", ""},
			{3, "医德医风教育不够经常", cC, 2, "", "", "", ""},
			{1, "医保基金使用不规范", cC, 3, "", "", "", ""},
			{2, "药品耗材采购管理不严", cIP, 2, "2025-10", "", "", ""},
			{3, "预约诊疗服务推进缓慢", cC, 2, "", "", "", ""},
			{1, "收受“红包”“回扣”问题仍有发生", cC, 2, "", "", "", ""},
			{2, "行政后勤服务临床意识不强", cIP, 2, "2025-12", "", "", ""},
		},
		acc:    notice.Accountability{Total: 5, Measures: map[string]int{"党内警告": 1, "诫勉谈话": 2, "组织处理": 2}},
		stated: map[string]int{"issues": 8, cC: 6}},
	// A township: each issue heading carries its 责任人 and 整改时限 in
	// brackets after the title; 整改结果：完成。(a bare 完成 under the
	// label is the verdict), 未完成，正在推进。, 长期坚持。
	{file: "township-shiyuanlv.txt", issuer: "中共浦城县仙阳镇委员会", title: "关于巡察整改落实情况的通报",
		date: "2025-09-18", addressee: "各村党组织、镇直各单位",
		inspection: notice.Inspection{Team: "县委第一巡察组", Start: "2025-03-03", End: "2025-04-25", Feedback: "2025-06-09"},
		categories: 1, issues: []blindIssue{
			{1, "理论学习中心组学习不够深入系统", cC, 1, "2025-07", "", "", "镇党委书记刘文华"},
			{2, "村级集体经济发展不平衡", cIP, 2, "2025-12", "", "", "镇长周建明"},
			{3, "耕地保护责任落实不到位", cC, 2, "2025-08", "", "", "分管副镇长王立新"},
			{4, "防返贫动态监测不够精准", cC, 2, "2025-09", "", "", "分管副镇长陈丽"},
			{5, "财务报销审核不严", cC, 1, "立行立改", "", "", "镇党委副书记黄志强"},
			{6, "村级工程项目监管薄弱", cC, 2, "2025-10", "", "", "镇纪委书记林峰"},
			{7, "党员发展质量不高", cOG, 2, "长期坚持", "", "", "镇党委组织委员吴婷"},
		},
		stated:  map[string]int{"issues": 7},
		contact: notice.Contact{Phone: "0599-2671018"}},
	// A finance bureau: the parts 一、 are the categories, issues （一）…（五）
	// run on through them, "整改措施：" alone on its line and each action a
	// paragraph opened by a dash "——"; 持续推进 as a status.
	{file: "finance-dash.txt", issuer: "中共光泽县财政局党组", title: "关于县委巡察反馈意见整改落实情况的通报",
		date:       "2025-10-15",
		inspection: notice.Inspection{Team: "县委第二巡察组", Start: "2025-04-07", End: "2025-05-30", Feedback: "2025-07-04"},
		categories: 3, issues: []blindIssue{
			{1, "落实过紧日子要求不够到位", cC, 3, "", "", "", ""},
			{2, "政府债务风险防控压力较大", cIP, 2, "2025-12", "", "", ""},
			{3, "财政资金监管存在漏洞", cC, 2, "", "", "", ""},
			{4, "内部控制制度执行不严", cC, 3, "", "", "", ""},
			{5, "干部教育培训针对性不强", cC, 2, "", "", "", ""},
		},
		acc:     notice.Accountability{Total: 3, Measures: map[string]int{"约谈": 3}},
		contact: notice.Contact{Phone: "0599-7932216"}},
	// A college: each issue one paragraph "1.问题。整改措施：…" with no
	// status of its own; the statuses come after the list, by number:
	// "第1、2、4、5、7项问题已完成整改，第3、6项问题正在整改，计划于…".
	{file: "college-statuslist.txt", issuer: "中共南平职业技术学院委员会", title: "关于巡察反馈问题整改情况的通报",
		date:       "2025-10-10",
		inspection: notice.Inspection{Team: "市委第三巡察组", Start: "2025-03-10", End: "2025-05-09", Feedback: "2025-06-20"},
		categories: 3, issues: []blindIssue{
			{1, "党委理论学习中心组学习质量不高", cC, 1, "", "", "", ""},
			{2, "落实意识形态工作责任制不够有力", cC, 2, "", "", "", ""},
			{3, "服务地方产业发展能力不强", cIP, 2, "2025-12", "", "", ""},
			{4, "招生录取管理不规范", cC, 1, "", "", "", ""},
			{5, "科研经费管理使用不严格", cC, 2, "", "", "", ""},
			{6, "“双师型”教师比例偏低", cIP, 2, "2025-12", "", "", ""},
			{7, "二级学院党组织建设薄弱", cC, 2, "", "", "", ""},
		},
		stated:  map[string]int{"issues": 7},
		contact: notice.Contact{Phone: "0599-8508026"},
		// The statuses reach the issues; the plan in the same sentence
		// ("计划于2025年12月底前完成") does not: as a deadline the text
		// writer would add it under the issue, which the source did not.
		knownGaps: []string{"issue 3", "issue 6"}},
}

// TestBlindNotices2 reads the second round of blind notices and checks
// their hand-made gold, known gaps as in TestBlindNotices.
func TestBlindNotices2(t *testing.T) {
	for _, c := range blindCases2 {
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
