// Command genmerge writes the folder of units' files that merge is tested
// and benchmarked on.
//
//	go run ./scripts/genmerge testdata/merge        # the test folder and its truth.json
//	go run ./scripts/genmerge -bench 2000 DIR       # 2,000 units' ledgers, 50 issues each
//
// The test folder mixes every format a supervisor receives: PDF notices,
// Word notices, .xlsx and .xls ledgers (.xls made by LibreOffice from the
// .xlsx), GBK CSV, text and JSON; a unit sent twice (its PDF and its ledger, which disagree on
// one status; and an exact copy), a unit named only by its file name, a
// unit whose name contains another's, a notice whose stated total
// contradicts its list, and a broken PDF. truth.json records what was
// planted, for the test to count on its own.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
)

// Today is the day the test folder's overdue issues are counted on.
const Today = "2026-01-01"

// truthIssue is one planted issue with the status a merge must count.
type truthIssue struct {
	Number   int    `json:"number"`
	Title    string `json:"title"`
	Status   string `json:"status"`
	Deadline string `json:"deadline"`
}

// truthUnit is one unit as planted.
type truthUnit struct {
	Name           string         `json:"name"`
	Issues         []truthIssue   `json:"issues"`
	Accountability int            `json:"accountability"`
	Stated         map[string]int `json:"stated,omitempty"`
	Files          []string       `json:"files"`      // counted
	Duplicates     []string       `json:"duplicates"` // the same content again: not counted
	Conflicts      int            `json:"conflicts"`  // status disagreements between its files
}

type truth struct {
	Today  string      `json:"today"`
	Units  []truthUnit `json:"units"`
	Broken []string    `json:"broken"`
}

func main() {
	bench := flag.Int("bench", 0, "write this many units' .xlsx ledgers (50 issues each) instead of the test folder")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genmerge [-bench N] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if *bench > 0 {
		writeBench(dir, *bench)
		return
	}
	writeTest(dir)
}

var statuses = []string{notice.Completed, notice.Completed, notice.InProgress, notice.Completed, notice.NotStarted,
	notice.BasicallyCompleted, notice.Completed, notice.Ongoing, notice.InProgress}
var deadlines = []string{"2025-06-30", "2025-12", "2025-09-30", "2026-06", "2025", "2025-11-15", "立行立改", "长期坚持", "2026-03-31"}

// build makes a unit's notice of n issues in two categories; issue i takes
// the i-th status and deadline of the cycles above, shifted by seed.
func build(issuer string, n, seed int) *notice.Notice {
	no := &notice.Notice{Format: 1, Issuer: issuer, Title: "关于巡察整改进展情况的通报", Date: "2025-12-20",
		Inspection: &notice.Inspection{Team: "县委第二巡察组", Start: "2025-03-10", End: "2025-04-30", Feedback: "2025-06-10"}}
	cats := []string{"落实党的路线方针政策和决策部署不够到位", "全面从严治党主体责任落实不够有力"}
	for i := 0; i < n; i++ {
		ci := i * len(cats) / n
		if len(no.Categories) <= ci {
			no.Categories = append(no.Categories, notice.Category{Number: ci + 1, Title: cats[ci]})
		}
		st := statuses[(i+seed)%len(statuses)]
		no.Categories[ci].Issues = append(no.Categories[ci].Issues, notice.Issue{
			Number: i + 1, Title: fmt.Sprintf("%s第%d项工作落实不到位", strings.TrimSuffix(issuer, "党组"), i+1),
			Status: st, StatusText: notice.StatusLabel[st], Deadline: deadlines[(i+seed)%len(deadlines)],
			Actions:     []notice.Action{{Text: "召开专题会议研究部署整改工作，制定整改方案，明确责任分工。"}, {Text: "建立工作台账，定期跟踪督办，确保整改落实到位。"}},
			Responsible: &notice.Responsible{Leader: "张建华", Unit: "办公室", Person: "刘洋"},
		})
	}
	return no
}

// narrate gives a notice the parts a published notice has around its list:
// the preamble naming the round, the stated totals, and the accountability
// paragraph, as offices write them.
func narrate(no *notice.Notice, statedIssues, statedDone int, acc string) {
	no.Preamble = fmt.Sprintf("根据十四届县委第三轮巡察工作的统一部署，2025年3月10日至4月30日，县委第二巡察组对%s开展了巡察，并于6月10日反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以通报。", no.Issuer)
	no.Sections = []notice.Section{
		{Number: 1, Title: "巡察整改工作开展情况", Paragraphs: []string{fmt.Sprintf("县委第二巡察组反馈问题共%d个，截至目前，已完成%d个，其余问题正在按照整改方案推进。", statedIssues, statedDone)}},
		{Number: 2, Title: "巡察反馈问题的整改情况", Kind: notice.SectionIssues},
		{Number: 3, Title: "巡察反馈问题的处理情况", Paragraphs: []string{acc}},
	}
}

func truthOf(name string, n *notice.Notice) truthUnit {
	u := truthUnit{Name: name}
	for _, is := range n.Issues() {
		u.Issues = append(u.Issues, truthIssue{is.Number, is.Title, is.Status, is.Deadline})
	}
	return u
}

func writeTest(dir string) {
	in := filepath.Join(dir, "in")
	must(os.RemoveAll(in))
	must(os.MkdirAll(filepath.Join(in, "重复报送"), 0o755))
	var t truth
	t.Today = Today
	ctx := context.Background()
	write := func(name string, data []byte) { must(os.WriteFile(filepath.Join(in, name), data, 0o644)) }

	// 1. 财政局: a PDF notice issued by its party group, and the bureau's own
	// ledger, which says issue 3 is done while the notice says in progress.
	fin := build("中共寿宁县财政局党组", 9, 0)
	narrate(fin, 9, 4, "针对巡察反馈的问题，严肃追责问责，对3名相关责任人员作出处理，其中，批评教育2人，通报批评1人。")
	var pdf bytes.Buffer
	w, _ := format.LookupWriter("pdf")
	must(w(ctx, fin, &pdf, format.Options{BundledFontsOnly: true}))
	write("寿宁县财政局巡察整改进展情况的通报.pdf", pdf.Bytes())
	led := clone(fin)
	led.Issuer = "寿宁县财政局"
	led.Categories[0].Issues[2].Status, led.Categories[0].Issues[2].StatusText = notice.Completed, "已完成"
	write("财政局整改台账.xlsx", mustB(ledger.Write(led, ledger.Options{Today: time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC)})))
	u := truthOf("寿宁县财政局", fin) // the notice's in_progress is the less advanced: it counts
	u.Accountability, u.Stated = 3, map[string]int{"issues": 9, notice.Completed: 4}
	u.Files = []string{"寿宁县财政局巡察整改进展情况的通报.pdf", "财政局整改台账.xlsx"}
	u.Conflicts = 1
	t.Units = append(t.Units, u)

	// 2. 财政局国库支付中心: a name that contains the bureau's, a unit of its own.
	tre := build("寿宁县财政局国库支付中心", 5, 4)
	write("国库支付中心.json", mustB(notice.Marshal(tre)))
	u = truthOf("寿宁县财政局国库支付中心", tre)
	u.Files = []string{"国库支付中心.json"}
	t.Units = append(t.Units, u)

	// 3. 教育局: an old .xls ledger (LibreOffice converts our .xlsx).
	edu := build("寿宁县教育局", 12, 2)
	xlsx := filepath.Join(os.TempDir(), "寿宁县教育局整改台账.xlsx")
	must(os.WriteFile(xlsx, mustB(ledger.Write(edu, ledger.Options{})), 0o644))
	out, err := exec.Command("soffice", "--headless", "--convert-to", "xls", "--outdir", in, xlsx).CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "soffice: %v\n%s", err, out)
		os.Exit(1)
	}
	os.Remove(xlsx)
	u = truthOf("寿宁县教育局", edu)
	u.Files = []string{"寿宁县教育局整改台账.xls"}
	t.Units = append(t.Units, u)

	// 4. 卫生健康局: a GBK CSV ledger without a 填报单位 line: the unit is
	// in the file name only.
	hea := build("寿宁县卫生健康局", 7, 5)
	var csv strings.Builder
	csv.WriteString("序号,问题类别,存在问题,整改措施,责任单位,责任人,整改时限,完成情况\r\n")
	for _, c := range hea.Categories {
		for _, is := range c.Issues {
			fmt.Fprintf(&csv, "%d,%s,%s,%s,%s,%s,%s,%s\r\n", is.Number, c.Title, is.Title, is.Actions[0].Text,
				is.Responsible.Unit, is.Responsible.Person, notice.ChineseDate(is.Deadline), is.StatusText)
		}
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(csv.String())
	must(err)
	write("寿宁县卫生健康局_整改台账_2025.csv", []byte(gbk))
	u = truthOf("寿宁县卫生健康局", hea)
	u.Files = []string{"寿宁县卫生健康局_整改台账_2025.csv"}
	t.Units = append(t.Units, u)

	// 5. 住建局: a text notice that claims 10 issues, 8 completed, and lists 9.
	hou := build("寿宁县住房和城乡建设局", 9, 1)
	narrate(hou, 10, 8, "对2名相关责任人员作出处理，其中，谈话提醒2人。")
	write("住建局通报.txt", textnotice.Write(hou))
	u = truthOf("寿宁县住房和城乡建设局", hou)
	u.Accountability, u.Stated = 2, map[string]int{"issues": 10, notice.Completed: 8}
	u.Files = []string{"住建局通报.txt"}
	t.Units = append(t.Units, u)

	// 6. 交通运输局: JSON, and the very same file again in a subfolder.
	tra := build("寿宁县交通运输局", 6, 3)
	data := mustB(notice.Marshal(tra))
	write("交通运输局.json", data)
	write(filepath.Join("重复报送", "交通运输局（1）.json"), data)
	u = truthOf("寿宁县交通运输局", tra)
	u.Files = []string{"交通运输局.json"}
	u.Duplicates = []string{filepath.Join("重复报送", "交通运输局（1）.json")}
	t.Units = append(t.Units, u)

	// 7. 民政局: a Word notice (.docx, as rectify writes it for an office).
	civ := build("寿宁县民政局", 8, 6)
	narrate(civ, 8, 4, "对1名相关责任人员作出处理，其中，批评教育1人。")
	var doc bytes.Buffer
	dw, _ := format.LookupWriter("docx")
	must(dw(ctx, civ, &doc, format.Options{BundledFontsOnly: true}))
	write("寿宁县民政局关于巡察整改进展情况的通报.docx", doc.Bytes())
	u = truthOf("寿宁县民政局", civ)
	u.Accountability, u.Stated = 1, map[string]int{"issues": 8, notice.Completed: 4}
	u.Files = []string{"寿宁县民政局关于巡察整改进展情况的通报.docx"}
	t.Units = append(t.Units, u)

	// 8. A PDF cut short in the mail.
	write("寿宁县林业局通报.pdf", pdf.Bytes()[:2000])
	t.Broken = []string{"寿宁县林业局通报.pdf"}

	js, err := json.MarshalIndent(t, "", "  ")
	must(err)
	must(os.WriteFile(filepath.Join(dir, "truth.json"), append(js, '\n'), 0o644))
}

// writeBench writes n units' ledgers of 50 issues each, as offices send them.
func writeBench(dir string, n int) {
	must(os.MkdirAll(dir, 0o755))
	for i := 0; i < n; i++ {
		no := build(fmt.Sprintf("寿宁县第%d单位", i+1), 50, i)
		data := mustB(ledger.Write(no, ledger.Options{}))
		must(os.WriteFile(filepath.Join(dir, fmt.Sprintf("unit%04d.xlsx", i+1)), data, 0o644))
	}
}

func clone(n *notice.Notice) *notice.Notice {
	c, err := notice.Unmarshal(mustB(notice.Marshal(n)))
	must(err)
	return c
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func mustB(b []byte, err error) []byte {
	must(err)
	return b
}
