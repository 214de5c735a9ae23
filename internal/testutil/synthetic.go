package testutil

import (
	"fmt"

	"github.com/rectify/rectify/internal/notice"
)

// Synthetic builds a notice of n issues in categories of 50, with texts of
// realistic length.
func Synthetic(n int) *notice.Notice {
	out := &notice.Notice{Format: 1, Issuer: "某某县某某局", Title: "关于巡察整改进展情况的通报", Date: "2025-06-24"}
	statuses := []string{notice.Completed, notice.Completed, notice.Completed, notice.BasicallyCompleted, notice.InProgress}
	for i := 0; i < n; i++ {
		if i%50 == 0 {
			out.Categories = append(out.Categories, notice.Category{Number: len(out.Categories) + 1, Title: fmt.Sprintf("第%d类问题：落实主体责任不够有力", len(out.Categories)+1)})
		}
		c := &out.Categories[len(out.Categories)-1]
		st := statuses[i%len(statuses)]
		c.Issues = append(c.Issues, notice.Issue{
			Number: i + 1, Title: fmt.Sprintf("第%d个问题：制度执行不严格，监督检查不到位", i+1),
			Status: st, StatusText: notice.StatusLabel[st], Deadline: "2025-12",
			Actions: []notice.Action{
				{Text: "2024年10月11日，召开全体干部大会传达学习有关文件精神，提高全体干部的思想认识。"},
				{Text: "建立工作台账，明确责任领导、责任单位、责任人和整改时限，定期跟踪督办。"},
			},
			Progress:    "已按整改方案推进",
			Responsible: &notice.Responsible{Leader: "张建华", Unit: "办公室", Person: "刘洋"},
		})
	}
	return out
}
