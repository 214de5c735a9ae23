package ledger

import "testing"

// TestUnitFromTitle: a ledger without a 填报单位 line takes its unit from
// its title line; a 填报单位 line wins over the title; a title without a
// unit names none.
func TestUnitFromTitle(t *testing.T) {
	const body = "序号,存在问题,整改措施,完成情况\n1,学习制度执行不严,修订学习制度,已完成\n"
	for _, c := range []struct{ above, want string }{
		{"某某县卫生健康局巡察整改台账\n", "某某县卫生健康局"},
		{"2025年度县财政局关于巡察反馈意见整改落实情况台账（截至6月底）\n", "县财政局"},
		{"县委巡察办关于第三轮巡察反馈问题整改情况一览表\n", "县委巡察办"},
		{"寿宁县第一中学巡察整改清单\n,,,\n", "寿宁县第一中学"},
		{"某某镇人民政府落实巡察反馈意见整改台账\n", "某某镇人民政府"},
		{"巡察反馈问题整改台账\n", ""},
		{"某某县发展和改革局县委巡察反馈问题整改清单\n", "某某县发展和改革局"},
		{"某某县发改委巡察整改台账\n", "某某县发改委"},
		{"整改台账\n", ""},
		{"关于加强学习的通知\n", ""},
		{"某某县卫生健康局巡察整改台账\n填报单位：某某县卫生健康局办公室\n", "某某县卫生健康局办公室"},
		{"某某县卫生健康局巡察整改台账\n填报单位：某某县卫健局（盖章）    填报时间：2025年6月24日\n", "某某县卫健局"},
	} {
		n, err := Read([]byte(c.above+body), "csv", ReadOptions{})
		if err != nil {
			t.Errorf("%q: %v", c.above, err)
			continue
		}
		if n.Issuer != c.want {
			t.Errorf("%q: unit %q, want %q", c.above, n.Issuer, c.want)
		}
		if len(n.Issues()) != 1 {
			t.Errorf("%q: %d issues", c.above, len(n.Issues()))
		}
	}
}
