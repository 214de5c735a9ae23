package htmlnotice

import (
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
)

// blindIssue is one issue of a page written before the reader was tried on
// it, as its author meant it.
type blindIssue struct {
	title, status, deadline, leader string
}

// TestBlindPages: the two pages written blind read as their author meant,
// field by field. A known gap (the grammar's, the same on the page's text
// as a .txt) is listed with what is read instead, and fails once it reads
// right, so that the list is kept true.
func TestBlindPages(t *testing.T) {
	t.Run("table-blind.html", func(t *testing.T) {
		n := readFixture(t, "table-blind.html")
		head(t, n, "中共寿宁县南阳镇委员会", "关于县委巡察反馈问题整改进展情况的通报", "2025-07-08",
			notice.Inspection{Team: "县委第二巡察组", Start: "2024-10-14", End: "2024-12-06", Feedback: "2025-01-10"})
		want := []blindIssue{
			{"学习贯彻党的二十大精神不够深入", "completed", "2025-03", "镇党委书记"},
			{"乡村振兴产业项目带动作用不强", "in_progress", "2025-12", "镇长"},
			{"耕地保护责任落实不到位", "completed", "2025-06", "分管副镇长"},
			{"村级财务管理不规范", "completed", "2025-04", "镇纪委书记"},
			{"违规发放补贴问题整改不彻底", "completed", "2025-02", "镇纪委书记"},
			{"监督执纪“四种形态”运用不够精准", "ongoing", "长期坚持", "镇纪委书记"},
			{"村党组织书记队伍老化", "completed", "2025-05", "镇组织委员"},
			{"党员教育管理不够严格", "in_progress", "2025-09", "镇组织委员"},
		}
		issues(t, n, want)
		cats := []string{"落实党的路线方针政策和党中央决策部署方面", "落实全面从严治党战略部署方面", "落实新时代党的组织路线方面"}
		if len(n.Categories) != len(cats) {
			t.Fatalf("%d categories, want %d", len(n.Categories), len(cats))
		}
		for i, c := range n.Categories {
			// The ledger reader keeps the cell's "一、" in the title (its
			// rule, not this reader's); the words must be the cell's.
			if strings.TrimPrefix(c.Title, notice.CNNumeral(i+1)+"、") != cats[i] {
				t.Errorf("category %d: %q, want %q", i+1, c.Title, cats[i])
			}
			if len(c.Issues) != []int{3, 3, 2}[i] {
				t.Errorf("category %d has %d issues", i+1, len(c.Issues))
			}
		}
		if n.Stated["issues"] != 8 || n.Stated["completed"] != 5 || n.Stated["in_progress"] != 2 {
			t.Errorf("stated %v, want 8 issues, 5 completed, 2 in progress", n.Stated)
		}
		if n.Contact == nil || n.Contact.Phone != "0593-5561234" || len(n.Closing) != 1 {
			t.Errorf("closing %q, contact %+v", n.Closing, n.Contact)
		}
		if len(n.Sections) != 3 || n.Sections[1].Kind != "issues" {
			t.Errorf("sections %+v, want three with the second holding the issues", n.Sections)
		}
	})
	t.Run("br-blind.html", func(t *testing.T) {
		n := readFixture(t, "br-blind.html")
		// The notice has no date of its own: the page's 发布日期 stands in.
		// The signature names the issuer, as it does above a date.
		head(t, n, "中共霞浦县水利局党组", "关于巡察整改进展情况的通报", "2025-04-03",
			notice.Inspection{Team: "县委第三巡察组", Start: "2024-11-04", End: "2024-12-20", Feedback: "2025-01-15"})
		want := []blindIssue{
			{"落实全面从严治党主体责任不到位", "completed", "", ""},
			{"水利工程项目管理不规范", "in_progress", "2025-09", ""},
			{"干部队伍建设有短板", "ongoing", "", ""},
		}
		// A known gap of the grammar, the same when this text is a .txt:
		// "审计整改仍在推进" in a sentence is not read as the status.
		got := n.Issues()
		if len(got) == 3 && got[1].Status == "" {
			want[1].status = ""
		} else {
			t.Error("known gap closed: issue 2's status reads now; update the test")
		}
		issues(t, n, want)
		if len(n.Closing) != 1 || !strings.Contains(n.Closing[0], "林堃") {
			t.Errorf("closing %q, want the 欢迎…监督 paragraph with 林堃 (a GBK-only character)", n.Closing)
		}
		data, _ := notice.Marshal(n)
		if !strings.Contains(string(data), "林堃") {
			t.Error("the GBK-only 堃 of a page declared gb2312 was lost")
		}
	})
}

func head(t *testing.T, n *notice.Notice, issuer, title, date string, in notice.Inspection) {
	t.Helper()
	if n.Issuer != issuer || n.Title != title || n.Date != date {
		t.Errorf("issuer %q title %q date %q, want %q %q %q", n.Issuer, n.Title, n.Date, issuer, title, date)
	}
	if n.Inspection == nil || *n.Inspection != in {
		t.Errorf("inspection %+v, want %+v", n.Inspection, in)
	}
}

func issues(t *testing.T, n *notice.Notice, want []blindIssue) {
	t.Helper()
	got := n.Issues()
	if len(got) != len(want) {
		t.Fatalf("%d issues, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		leader := ""
		if g.Responsible != nil {
			leader = g.Responsible.Leader
		}
		if g.Number != i+1 || g.Title != w.title || g.Status != w.status || g.Deadline != w.deadline || leader != w.leader {
			t.Errorf("issue %d: %d %q %q %q %q, want %q %q %q %q", i+1, g.Number, g.Title, g.Status, g.Deadline, leader,
				w.title, w.status, w.deadline, w.leader)
		}
	}
}
