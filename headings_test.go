package tidings_test

import (
	"context"
	"strings"
	"testing"

	"tidings"
	"tidings/news"
)

// ferryPage is a page we wrote: a story whose subheading asks a question,
// and whose next paragraph opens with a pronoun, so that a passage
// joining the subheading to it would read as a sentence.
const ferryPage = `<!DOCTYPE html>
<html><head><title>Ferry service to Dunmore resumes after storm</title>
<meta property="og:site_name" content="Ellery Gazette"></head>
<body><article>
<h1>Ferry service to Dunmore resumes after storm</h1>
<p>The ferry between Port Ellery and the island of Dunmore sailed again on Tuesday after four days in harbour, when a winter storm closed the crossing.</p>
<p>The operator said the first sailing carried 212 passengers and nine lorries of supplies for the island's shops and its school.</p>
<h2>Why did the ferry operator keep the crossing to Dunmore closed for four days?</h2>
<p>They said waves of six metres at the harbour mouth made it unsafe to leave, and the ramp at Dunmore needed repairs before any boat could land.</p>
<h2>What did the islanders of Dunmore do without the ferry on Sunday?</h2>
<p>Islanders said the shops had run short of bread and fuel by the weekend, and the council sent a fishing boat with medicines on Sunday.</p>
</article></body></html>`

// TestSubheadingsNeverSummarized checks that no summarizer picks a
// subheading, alone or joined to the sentence after it, while the
// subheading stays in the article's text.
func TestSubheadingsNeverSummarized(t *testing.T) {
	for _, algo := range tidings.Algorithms {
		t.Run(algo, func(t *testing.T) {
			s, err := tidings.SummarizerByName(algo)
			if err != nil {
				t.Fatal(err)
			}
			p := &tidings.Pipeline{Summarizer: s}
			b, err := p.Brief(context.Background(), "", []news.Article{{ID: "ferry", Raw: ferryPage, IsHTML: true}}, tidings.Options{Words: 400})
			if err != nil {
				t.Fatal(err)
			}
			a := b.Articles[0]
			if len(a.Headings) != 2 {
				t.Fatalf("Headings = %v, want 2; text:\n%s", a.Headings, a.Text)
			}
			heads := 0
			for _, s := range a.Sentences {
				if s.Heading {
					heads++
				}
			}
			if heads != 2 {
				t.Errorf("%d sentences marked Heading, want 2", heads)
			}
			if len(b.Summary.Sentences) == 0 {
				t.Fatal("empty summary: the test checks nothing")
			}
			for _, ss := range b.Summary.Sentences {
				if strings.Contains(ss.Text, "?") {
					t.Errorf("summary sentence holds a subheading: %q", ss.Text)
				}
			}
		})
	}
}
