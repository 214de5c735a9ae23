package textnotice

import "github.com/rectify/rectify/internal/lazyre"

// Prepare compiles the grammar's regular expressions, which otherwise
// compile on first use (internal/lazyre). A reader calls it on another
// goroutine while it does its own work (pdftext while it reads pages), so
// that the compiling, a millisecond or two, is off the path to the result.
// A pattern missing from this list is still compiled when first used.
func Prepare() {
	for _, res := range [][]*lazyre.Regexp{markerRes, {
		labelRe, statedPartsRe, statedParts2Re, statedSplitRe, statedIssuesRe, closingRe, ordinalRe, bracketStatusRe, docNumberRe, colophonRe, digitsRe,
		pendingTitleRe, accountabilityTitleRe, quotedTitleRe, groupQuoteRe, monthOnlyRe, timePrefixRe, titleBreakRe,
		pageNumberRe, mdHeadingRe, accTotalRe, accTotal2Re, accTotal3Re, measureRe, measure2Re, measure3Re, rankRe, teamRe,
		rangeRe, feedbackRe, phoneRe, emailRe, addressRe, statedStatusRe, statedStatus2Re, statedRateRe,
	}} {
		for _, re := range res {
			re.Regexp()
		}
	}
	for _, f := range actionFamilies {
		f.re.Regexp()
	}
}
