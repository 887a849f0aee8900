package clean

import (
	"strings"
	"unicode"
)

// Bare text and its tables. A wire's copy or a JSONL record's text often
// carries a results table, an itinerary or a casualty count as short
// lines with figures ("Samsung 10 Haitai 3", "May 13 Arrive in London",
// "Total dead: 192"): the article itself, as go-trafilatura keeps an HTML
// table. The same short lines with figures on a copied web page are
// mostly furniture (dates, addresses, counters, deals), and such a page
// shows its furniture elsewhere too: a menu, a credit, a cookie or
// copyright notice, a job ad, a "Read more" list. So only in bare text,
// text in which no rule found furniture by its words, are the rows of
// tables kept (keepTableRows) and carried into the main region (see
// mainRegion). Measured with tidings eval-enrich (CoNLL testa, AQUAINT)
// and tidings eval-pages --form text: of the 990 copied pages, 45 are
// bare; of the 216 CoNLL and 73 AQUAINT documents, all.

// evidenceRules are the rules that recognise furniture by its words or
// marks, not by its shape alone.
var evidenceRules = map[string]bool{
	"navigation": true, "caption-credit": true, "gallery-caption": true, "site-notice": true,
	"repeated-caption": true, "comments-marker": true, "legal-notice": true, "job-ad": true, "social": true,
}

// bareText reports whether no block of blocks is furniture by the
// evidence of its words: none labelled by an evidence rule, and no call
// to action or "Read more"-style line (a bare line ending in a colon,
// "Scorers:", is no such evidence).
func bareText(blocks []Block) bool {
	for _, b := range blocks {
		if evidenceRules[b.Rule] {
			return false
		}
		if b.Rule == "promotion" && (!strings.HasSuffix(b.Text, ":") || listIntro().MatchString(b.Text)) {
			return false
		}
	}
	return true
}

// keepTableRows puts back into the article the rows of tables that the
// rules dropped from bare text: the lines that read as a row (see
// tableRow) among those dropped as symbols and the items of the lists at
// colonList, which bare colon lines opened.
func keepTableRows(blocks []Block, colonList []int) {
	for i := range blocks {
		if b := &blocks[i]; b.Rule == "symbols" && tableRow(b.Text) {
			b.Kind, b.Rule = Body, "table-row"
		}
	}
	for _, i := range colonList {
		if b := &blocks[i]; tableRow(b.Text) {
			b.Kind, b.Rule = Body, "table-row"
		}
	}
}

// tableRow reports whether s reads as a row of a table: figures and a
// name of three letters or more in capitals or capitalised ("NEW YORK 74
// 59 .556 -", "Samsung 10 Haitai 3"), and no dated or counted link (see
// datedLink, countedLink).
func tableRow(s string) bool {
	if !hasFigure(s) || datedLink(s) || countedLink(s) {
		return false
	}
	for _, w := range strings.Fields(s) {
		if r := []rune(w); len(r) >= 3 && unicode.IsUpper(r[0]) && unicode.IsLetter(r[1]) && unicode.IsLetter(r[2]) {
			return true
		}
	}
	return false
}

// datedLink reports whether s reads as a dated link to another story
// rather than a row: five words or more and a year ("Jan 22, 2020 The
// Bombshell and The Bad Boy of Ballet", an archive's list).
func datedLink(s string) bool {
	if wordCount(s) < 5 {
		return false
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) {
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
			return true
		}
	}
	return false
}

// countedLink reports whether s ends in a count in brackets, as the
// items of a list of categories or archives do ("Bücher (15)", "April
// (31)").
func countedLink(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return false
	}
	open := strings.LastIndexByte(s, '(')
	if open < 0 {
		return false
	}
	inside := s[open+1 : len(s)-1]
	return inside != "" && strings.Trim(inside, "0123456789") == ""
}

// hasFigure reports whether s holds a digit: a score, a date, a count.
func hasFigure(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// TableRow reports whether s reads as a row of a table: figures and a
// capitalised name, and no dated or counted link (the test by which
// cleaning keeps the rows of tables in bare text). Later stages use it
// on the blocks cleaning dropped.
func TableRow(s string) bool { return tableRow(s) }
