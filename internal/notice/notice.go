// Package notice is the one model every reader produces and every writer
// consumes: a rectification-progress notice (巡察整改进展情况的通报) as data.
// Its JSON form is the public interchange format described in docs/notice-data.md.
package notice

// FormatVersion is the value of the "format" key this code reads and writes.
const FormatVersion = 1

// Notice is a whole notice. Every field is optional except Format: a reader
// fills what its source states and leaves the rest empty.
type Notice struct {
	Format         int             `json:"format"`
	Issuer         string          `json:"issuer,omitempty"`
	Title          string          `json:"title,omitempty"`
	Date           string          `json:"date,omitempty"`
	DocNumber      string          `json:"doc_number,omitempty"`
	Addressee      string          `json:"addressee,omitempty"`
	Inspection     *Inspection     `json:"inspection,omitempty"`
	Preamble       string          `json:"preamble,omitempty"`
	Sections       []Section       `json:"sections,omitempty"`
	Categories     []Category      `json:"categories,omitempty"`
	Accountability *Accountability `json:"accountability,omitempty"`
	Pending        []Pending       `json:"pending,omitempty"`
	Stated         map[string]int  `json:"stated,omitempty"`
	StatedRate     float64         `json:"stated_rate,omitempty"` // completion rate in percent, when the text states one
	Closing        []string        `json:"closing,omitempty"`
	Contact        *Contact        `json:"contact,omitempty"`
	// Unplaced holds the source's text that the grammar could not place in
	// any part of the model, with where it stood, so that nothing is lost.
	Unplaced []Unplaced `json:"unplaced,omitempty"`
	Style    *Style     `json:"style,omitempty"`
}

// Unplaced is a paragraph the reader kept without knowing its role.
type Unplaced struct {
	Text   string  `json:"text"`
	Source *Source `json:"source,omitempty"`
}

// Inspection is the inspection (巡察) the notice reports on. Dates are ISO 8601
// at the precision the source gives.
type Inspection struct {
	Team     string `json:"team,omitempty"`
	Start    string `json:"start,omitempty"`
	End      string `json:"end,omitempty"`
	Feedback string `json:"feedback,omitempty"`
}

// Section kinds: what a level-1 part "一、" holds besides its paragraphs.
const (
	SectionNarrative = ""        // paragraphs only
	SectionIssues    = "issues"  // the issue list: Categories are written here
	SectionPending   = "pending" // the pending items: Pending is written here
)

// Section is a level-1 part "一、…". For the issues and pending kinds,
// Paragraphs holds only the lead paragraphs before the list; the list itself
// lives in Categories or Pending, so that it is stated once.
type Section struct {
	Number     int      `json:"number"`
	Title      string   `json:"title"`
	Kind       string   `json:"kind,omitempty"`
	Paragraphs []string `json:"paragraphs,omitempty"`
}

// Category is a group of issues ("1. 坚持创新理论武装不够有力"). A notice
// without a category level has one category with an empty title.
type Category struct {
	Number int     `json:"number"`
	Title  string  `json:"title"`
	Lead   string  `json:"lead,omitempty"` // paragraphs between the heading and its first issue
	Issues []Issue `json:"issues"`
	// Section is the number of the level-1 part "一、" that holds the
	// category, when a notice spreads its issues over several parts (then a
	// part that is itself the category gives it its number and title).
	Section int `json:"section,omitempty"`
}

// Issue is one problem the inspection found and what was done about it.
type Issue struct {
	Number      int    `json:"number"`
	Title       string `json:"title"`
	Subcategory string `json:"subcategory,omitempty"`
	// SubcategoryNumber is the subcategory's own number in the source, which
	// may restart under each category or run on through the list.
	SubcategoryNumber int      `json:"subcategory_number,omitempty"`
	Description       string   `json:"description,omitempty"` // the heading's text after the title, when it has more
	Status            string   `json:"status,omitempty"`
	StatusText        string   `json:"status_text,omitempty"`
	Lead              string   `json:"lead,omitempty"` // words before 一是, kept so nothing is dropped
	Actions           []Action `json:"actions"`
	Ordinals          bool     `json:"ordinals,omitempty"` // a single action the source still numbered 一是
	// Markers is how the source numbered the actions when not 一是/二是:
	// a pattern such as "{circled}" (①②), "（{n}）", "{n}）", "第{cn}，",
	// with a leading newline when each action was a paragraph of its own.
	Markers  string `json:"markers,omitempty"`
	Progress string `json:"progress,omitempty"` // a ledger's 整改进展 column, when it differs from the actions
	Deadline string `json:"deadline,omitempty"`
	// DeadlineText is the deadline as the source wrote it ("2025年12月底前"),
	// when that differs from what Deadline alone would be written as.
	DeadlineText string       `json:"deadline_text,omitempty"`
	Responsible  *Responsible `json:"responsible,omitempty"`
	Remarks      string       `json:"remarks,omitempty"`
	Source       *Source      `json:"source,omitempty"`
	// Layout is the issue's paragraphs as the source set them, one a line,
	// with placeholders where the values stand: {n} {cn} {circled} {latin}
	// {title} {description} {status} {actions} {progress} {deadline}
	// {leader} {unit} {person} {remarks}. The text writer fills it so that
	// the office's wording and order come back; without it writers use
	// the notice's style.
	Layout string `json:"layout,omitempty"`
}

// Action is one measure taken, split at 一是/二是/….
type Action struct {
	Text  string   `json:"text"`
	Dates []string `json:"dates,omitempty"`
}

// Responsible names who answers for an issue (from ledgers).
type Responsible struct {
	Leader string `json:"leader,omitempty"`
	Unit   string `json:"unit,omitempty"`
	Person string `json:"person,omitempty"`
}

// Accountability is the section on people held to account (问责).
type Accountability struct {
	Total    int            `json:"total,omitempty"`
	Measures map[string]int `json:"measures,omitempty"`
	Ranks    map[string]int `json:"ranks,omitempty"`
}

// Pending is an item still to be finished (需要进一步整改的事项).
type Pending struct {
	Number      int    `json:"number,omitempty"` // the item's own number in the source
	Issue       int    `json:"issue,omitempty"`
	Title       string `json:"title"`
	Explanation string `json:"explanation,omitempty"`
	NextSteps   string `json:"next_steps,omitempty"`
	Deadline    string `json:"deadline,omitempty"`
	// DeadlineText: as for Issue.
	DeadlineText string `json:"deadline_text,omitempty"`
	// Layout: as for Issue, with {n} {cn} {circled} {title} {explanation}
	// {next_steps} {deadline}.
	Layout string `json:"layout,omitempty"`
}

// Contact is how the public reaches the issuer.
type Contact struct {
	Phone   string `json:"phone,omitempty"`
	Address string `json:"address,omitempty"`
	Email   string `json:"email,omitempty"`
}

// Source says where a fact was read: page and line of a text or PDF, or
// sheet and row of a ledger, or page and row of a table in a PDF. Lines and
// rows count from 1.
type Source struct {
	File  string `json:"file,omitempty"`
	Page  int    `json:"page,omitempty"`
	Line  int    `json:"line,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row,omitempty"`
}

// Style records the notice's own numbering and wording, so that writers can
// give the text back the way the office wrote it. Patterns use {n} (Arabic
// number), {cn} (Chinese number), {title}, {status} and {actions}.
type Style struct {
	Category    string `json:"category,omitempty"`    // e.g. "{n}. {title}"
	Subcategory string `json:"subcategory,omitempty"` // e.g. "{n}.{title}"
	Issue       string `json:"issue,omitempty"`       // e.g. "（{n}）关于“{title}”的问题"
	Progress    string `json:"progress,omitempty"`    // e.g. "整改情况（{status}）：{actions}"
	Pending     string `json:"pending,omitempty"`     // e.g. "{n}. 关于“{title}”的问题"
	// Title is the title as set, one entry per line, with the issuer's
	// name as the title wrote it ("××医院党委关于…" under a signature
	// "中共××医院委员会").
	Title []string `json:"title,omitempty"`
	// DocNumberBelow: the 发文字号 stood under the title, as notices
	// published on web pages often set it, rather than above it.
	DocNumberBelow bool `json:"doc_number_below,omitempty"`
}

// Issues returns every issue in document order.
func (n *Notice) Issues() []*Issue {
	var out []*Issue
	for ci := range n.Categories {
		for ii := range n.Categories[ci].Issues {
			out = append(out, &n.Categories[ci].Issues[ii])
		}
	}
	return out
}

// IssueByNumber finds an issue by its own number, or nil.
func (n *Notice) IssueByNumber(num int) *Issue {
	for _, is := range n.Issues() {
		if is.Number == num {
			return is
		}
	}
	return nil
}

// CountByStatus counts issues per status value.
func (n *Notice) CountByStatus() map[string]int {
	m := map[string]int{}
	for _, is := range n.Issues() {
		m[is.Status]++
	}
	return m
}

// IsZero reports whether the style records nothing.
func (s *Style) IsZero() bool {
	return s.Category == "" && s.Subcategory == "" && s.Issue == "" && s.Progress == "" && s.Pending == "" && len(s.Title) == 0 && !s.DocNumberBelow
}
