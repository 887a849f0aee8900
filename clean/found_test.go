package clean_test

import (
	"testing"

	"tidings/clean"
	"tidings/news"
)

// subheadedPage is a page we wrote: a byline with a date, a copyright
// line, and a subheading that asks a question.
// subheadedText is a story copied out of a browser: a title, a byline
// with its date, a subheading that asks a question, a copyright line.
const subheadedText = `Ferry service to Dunmore resumes after storm

By Ines Calloway | March 4, 2026

The ferry between Port Ellery and the island of Dunmore sailed again on Tuesday after four days in harbour, when a winter storm closed the crossing.

The operator said the first sailing carried 212 passengers and nine lorries of supplies for the island's shops and its school.

Why did the crossing stay closed so long?

They said waves of six metres at the harbour mouth made it unsafe to leave, and the ramp at Dunmore needed repairs before any boat could land.

Islanders said the shops had run short of bread and fuel by the weekend, and the council sent a fishing boat with medicines on Sunday.

© 2026 Ellery Gazette. All rights reserved.
`

const subheadedPage = `<!DOCTYPE html>
<html><head><title>Ferry service to Dunmore resumes after storm</title>
<meta name="author" content="Ines Calloway">
<meta property="og:site_name" content="Ellery Gazette">
<meta property="article:published_time" content="2026-03-04">
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Ferry service to Dunmore resumes after storm</h1>
<p>The ferry between Port Ellery and the island of Dunmore sailed again on Tuesday after four days in harbour, when a winter storm closed the crossing.</p>
<p>The operator said the first sailing carried 212 passengers and nine lorries of supplies for the island's shops and its school.</p>
<h2>Why did the crossing stay closed so long?</h2>
<p>They said waves of six metres at the harbour mouth made it unsafe to leave, and the ramp at Dunmore needed repairs before any boat could land.</p>
<p>Islanders said the shops had run short of bread and fuel by the weekend, and the council sent a fishing boat with medicines on Sunday.</p>
</article>
<footer><p>© 2026 Ellery Gazette. All rights reserved.</p></footer>
</body></html>`

func TestArticleFoundAndHeadings(t *testing.T) {
	tests := []struct {
		name      string
		art       news.Article
		wantFound news.Found
		// headings: the markup names a subheading; in copied text a
		// short question on its own line before prose is one too.
		headings int
	}{
		{"html meta tags", news.Article{ID: "p", Raw: subheadedPage, IsHTML: true},
			news.Found{Title: "html-meta", Author: "html-meta", Date: "htmldate", Outlet: "html-meta"}, 1},
		{"copied text", news.Article{ID: "t", Raw: subheadedText},
			news.Found{Title: "headline", Author: "byline", Date: "byline", Outlet: "copyright"}, 1},
		{"given fields win", news.Article{ID: "g", Raw: subheadedText, Outlet: "Island Radio", Title: "Ferries back"},
			news.Found{Title: "input", Author: "byline", Date: "byline", Outlet: "input"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.art
			if _, err := clean.Article(&a); err != nil {
				t.Fatal(err)
			}
			if a.Found != tc.wantFound {
				t.Errorf("Found = %+v, want %+v (outlet %q, author %q, date %v)", a.Found, tc.wantFound, a.Outlet, a.Author, a.Date)
			}
			if len(a.Headings) != tc.headings {
				t.Fatalf("Headings = %v, want %d; text:\n%s", a.Headings, tc.headings, a.Text)
			}
			for _, h := range a.Headings {
				if a.Text[h[0]:h[1]] != "Why did the crossing stay closed so long?" {
					t.Errorf("heading text %q", a.Text[h[0]:h[1]])
				}
			}
		})
	}
}
