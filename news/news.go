package news

import (
	"fmt"
	"time"
)

// Article is one news article after ingestion and, once the clean stage has
// run, cleaning.
type Article struct {
	// ID identifies the article inside one run: the document id of a JSONL
	// cluster, or the path of a file as given (with "#n" appended when one
	// file holds several articles).
	ID string
	// Outlet is the publisher's name ("BBC News") when known, else "".
	Outlet string
	// Title is the headline when known, else "".
	Title string
	// Author is the byline's name(s) when known, else "".
	Author string
	// URL is the page address when known, else "".
	URL string
	// Path is the file the article was read from, or "" (standard input,
	// a JSONL record).
	Path string
	// Date is the publication date when known, else the zero time.
	Date time.Time
	// Dateline is the place named in a dateline ("PARIS, France"), kept as
	// metadata and removed from Text.
	Dateline string
	// Raw is the input as read: HTML or text. Stages after cleaning do not
	// read it.
	Raw string
	// IsHTML reports whether Raw is an HTML page.
	IsHTML bool
	// Text is the cleaned article body: paragraphs separated by "\n\n".
	// Every offset in Sentences and in citations points into it.
	Text string
	// Headings are the [start, end) byte offsets in Text of the article's
	// subheadings, in order: part of the text, never a summary sentence
	// (see Sentence.Heading). Nil when the article has none or its
	// cleaner does not say.
	Headings [][2]int
	// Asides are the texts of blocks that cleaning left out of Text but
	// that may belong to the article all the same (the rows of a results
	// table, a list, a line the cleaner placed by its shape alone), in
	// reading order: only the entity step reads them, for names (see
	// tidings.Prepare). Nil when there are none or the cleaner does not
	// say.
	Asides []string
	// Found names where the metadata fields above were found.
	Found Found
	// Sentences are the sentences of Text in order, filled by the segment
	// stage.
	Sentences []Sentence
	// Copies are the other printings of this article (wire copies,
	// syndicated reprints) that the dedupe stage folded into it, in input
	// order. A citation of the article stands for them too.
	Copies []Copy
}

// Found names where each metadata field of an article was found: by the
// clean stage in the page itself ("html-meta", "htmldate", "byline",
// "dateline", "date-line", "credit-line", "copyright", "site-name",
// "url", "url-host", "headline", ...; see the clean package), "input"
// when it came with the article (a JSONL record, a feed item, a posted
// field), "file-name" for an outlet named after its file as a last
// resort. A field not known, or whose origin is not known, is "".
type Found struct {
	Title, Outlet, Author, Date string
}

// IsZero reports whether f names no origin at all.
func (f Found) IsZero() bool { return f == Found{} }

// Copy is one outlet's printing of an article that was folded into
// another as a near-duplicate.
type Copy struct {
	// ID is the folded article's input id.
	ID string
	// Outlet, URL and Date are the folded article's, when known.
	Outlet string
	URL    string
	Date   time.Time
}

// Outlets returns the names of every outlet that carried a: its own, then
// its copies', without repeats and without unknown (empty) names.
func (a *Article) Outlets() []string {
	var out []string
	seen := map[string]bool{}
	add := func(o string) {
		if o != "" && !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	add(a.Outlet)
	for _, c := range a.Copies {
		add(c.Outlet)
	}
	return out
}

// Sentence is one sentence of an article's cleaned text.
type Sentence struct {
	// ArticleID is the ID of the article the sentence comes from.
	ArticleID string
	// Index is the sentence's position in its article, from 0.
	Index int
	// Paragraph is the index of the paragraph holding it, from 0.
	Paragraph int
	// Start and End are the byte offsets [Start, End) of the sentence in
	// the article's Text.
	Start, End int
	// Text equals Article.Text[Start:End].
	Text string
	// Words is the number of white-space separated words in Text.
	Words int
	// Terms are the sentence's scoring terms: lower-cased word stems with
	// stop words and punctuation removed, in text order.
	Terms []string
	// Stems are the stems of all the sentence's words, stop words
	// included, in text order: the units of word n-grams.
	Stems []string
	// Heading reports that the sentence lies in one of the article's
	// subheadings (Article.Headings): it is article text, and counts for
	// what the article is about, but a summary never picks it.
	Heading bool
}

// Citation points at the sentence of one article that supports a claim.
type Citation struct {
	// ArticleID names the cited article.
	ArticleID string
	// Start and End are the byte offsets [Start, End) of the supporting
	// sentence in that article's Text.
	Start, End int
}

// Span returns the text of a citation into a, and an error if the citation
// names another article or its offsets fall outside a.Text.
func (a *Article) Span(c Citation) (string, error) {
	if c.ArticleID != a.ID {
		return "", fmt.Errorf("news: citation names article %q, not %q", c.ArticleID, a.ID)
	}
	if c.Start < 0 || c.End < c.Start || c.End > len(a.Text) {
		return "", fmt.Errorf("news: citation [%d,%d) outside article %q of %d bytes", c.Start, c.End, a.ID, len(a.Text))
	}
	return a.Text[c.Start:c.End], nil
}

// SummarySentence is one sentence of a summary: a source sentence taken
// verbatim, and every source that supports it.
type SummarySentence struct {
	// Text is the sentence as it appears in its origin article. It may
	// be several sentences of that article that only stand together (a
	// quotation cut in parts, or, in a story of one article, a sentence
	// with the ones it refers back to); a paragraph break inside them is
	// written as one space.
	Text string
	// Origin is where Text was taken from.
	Origin Citation
	// Citations lists every supporting sentence, one per article at most,
	// Origin first, the others in article order.
	Citations []Citation
	// Score is the selection score the summarizer gave the sentence; higher
	// is better. Its scale depends on the summarizer.
	Score float64
}

// Summary is an extractive summary of one story.
type Summary struct {
	// Sentences are the summary's sentences in reading order.
	Sentences []SummarySentence
	// Words is the number of words in the summary, counted as
	// whitespace-separated pieces.
	Words int
	// Stopped reports that the summarizer reached its time limit and
	// kept the best selection found so far, not one proven best (only the
	// ILP has a limit).
	Stopped bool
}

// Brief is a story's articles and its cited summary: what tidings brief
// produces.
type Brief struct {
	// ID names the story: a cluster id, or "" for a pile of files.
	ID string
	// Articles are the story's articles, cleaned and segmented, in input
	// order.
	Articles []Article
	// Summary is the cited summary.
	Summary Summary
}

// Article returns the article of b with the given ID, or nil.
func (b *Brief) Article(id string) *Article {
	for i := range b.Articles {
		if b.Articles[i].ID == id {
			return &b.Articles[i]
		}
	}
	return nil
}

// CompareDates orders publication dates: known dates by time, and unknown
// (zero) dates after every known one. It returns -1, 0 or +1 like
// time.Time.Compare.
func CompareDates(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}
