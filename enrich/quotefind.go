package enrich

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tidings/news"
)

// found is a quotation as one article writes it: the text between its
// marks, the speaker as written ("" when none is named) and the sentence that opens it. The
// pieces of a split quotation are joined by " … ".
type found struct {
	text, speaker string
	sent          news.Sentence
	cued          bool   // a verb of speech or "according to" attributes it
	introduced    bool   // the speaker is the subject of a sentence ending in a colon before it
	start, end    int    // byte span of the (last) piece in the article text
	before        string // the text of its sentence before it
}

// quoteSpans returns the byte spans, marks left out, of the quotations of
// text: “…”, or "…" paired in order within a paragraph. A quotation left
// open at the end of a paragraph runs to its end, as news writing leaves
// a quotation of several paragraphs open until its last.
func quoteSpans(text string) [][2]int {
	var out [][2]int
	open := -1
	emit := func(end int) {
		if end > open {
			out = append(out, [2]int{open, end})
		}
		open = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && strings.HasPrefix(text[i+1:], "\n"):
			if open >= 0 {
				emit(i)
			}
		case r == '“' && open < 0:
			open = i + n
		case r == '"' && open < 0:
			open = i + n
		case (r == '”' || r == '"') && open >= 0:
			emit(i)
		}
		i += n
	}
	if open >= 0 {
		emit(len(text))
	}
	return out
}

// The cues that attribute a quotation, read in the text of its sentence
// after it and before it.
var (
	// …," Kerry said / …," union leader Petra Holm told reporters
	cueSpeakerVerb = regexp.MustCompile(`^[,.?!—–-]?\s*(?:[a-z][\p{L}\-]* ){0,4}?` + speakerPat + `,? ` + verbPat + `\b`)
	// …," said Lavrov / said Democratic strategist Simon Rosenberg, …
	cueVerbSpeaker = regexp.MustCompile(`^[,.?!—–-]?\s*` + verbPat + ` ([^,.;:!?()"“”]{1,80})`)
	// …," a spokesman said / GOP strategist Keith Nahigian said
	cueSomeone = regexp.MustCompile(`^[,.?!—–-]?\s*((?:[\p{L}'’.\-]+ ){1,6})` + verbPat + `\b`)
	// …," according to Kerry
	cueAccording = regexp.MustCompile(`^[,.?!—–-]?\s*according to (?:[a-z][\p{L}\-]* ){0,4}?` + speakerPat)
	// Berg said: "…" / Berg told reporters that "…"
	cueBefore = regexp.MustCompile(speakerPat + `,? (?:\p{Ll}+ )?` + verbPat + `(?: [^"“”]{0,60})?[,:]?\s*$`)
	// Anna Berg answered the critics: (the subject of a sentence that
	// introduces a quotation with a colon)
	cueSubject = regexp.MustCompile(`^` + speakerPat + ` `)
	// Kerry called the talks "…" (a quoted phrase inside the words of a
	// named speaker)
	cuePartial = regexp.MustCompile(speakerPat + ` (?:(?:has|had|have|also|then|later|once|repeatedly) )?` + partialVerbPat + `\b[^"“”]*$`)
)

// partialVerbPat are the verbs that carry a quoted phrase inside
// paraphrase.
const partialVerbPat = `(?:said|says|told|added|called|calls|calling|described|describes|describing|termed|dubbed|urged|urges|vowed|vows|promised|promises|accused|accuses|warned|warns|argued|argues|insisted|insists|wrote|writes|declared|declares|denounced|praised|praises|pledged|pledges|criticized|criticised|slammed|labeled|labelled|referred|noted|notes|suggested|suggests|claimed|claims|tweeted|predicted|predicts|blamed|blames)`

// findQuotes returns the quotations of article a in order, each with its
// speaker as written when a cue names one. A quotation that follows one
// attributed in the same or the sentence before, with no cue of its own
// ("A," he said. "B."), is a piece of it and joins it.
func findQuotes(a *news.Article) []found {
	var out []found
	for _, sp := range quoteSpans(a.Text) {
		text := strings.TrimSpace(a.Text[sp[0]:sp[1]])
		if text == "" {
			continue
		}
		si := sentenceAt(a.Sentences, sp[0])
		ei := sentenceAt(a.Sentences, max(sp[1]-1, sp[0]))
		if si < 0 || ei < 0 || a.Sentences[si].Heading || a.Sentences[ei].Heading {
			continue // (a quotation in a subheading is the desk's pull quote)
		}
		before := a.Text[a.Sentences[si].Start:max(sp[0]-1, a.Sentences[si].Start)]
		introduced := ""
		if strings.TrimSpace(before) == "" && si > 0 {
			// Cruz called them on it: (paragraph) "…"
			if prev := strings.TrimSpace(a.Sentences[si-1].Text); strings.HasSuffix(prev, ":") {
				before = prev
				if m := cueSubject.FindStringSubmatch(prev); m != nil {
					introduced = m[1]
				}
			}
		}
		after := ""
		if e := a.Sentences[ei].End; sp[1] < e {
			after = strings.TrimLeft(a.Text[sp[1]:e], "\"”")
		}
		speaker, cued := attribution(text, before, after)
		f := found{text: text, speaker: speaker, sent: a.Sentences[si], cued: cued, start: sp[0], end: sp[1], before: before}
		if !cued && introduced != "" {
			f.speaker, f.cued, f.introduced = introduced, true, true
		}
		if n := len(out); n > 0 && !cued && out[n-1].cued && continues(a, out[n-1], sp[0]) {
			out[n-1].text = strings.TrimRight(out[n-1].text, ",") + " … " + text
			out[n-1].end = sp[1]
			continue
		}
		out = append(out, f)
	}
	return out
}

// attribution reads the cue of a quotation (its text) in the text
// before it and after it within its sentences: the speaker as written, and whether a
// cue attributes it at all (a spokesman said).
func attribution(text, before, after string) (string, bool) {
	// A cue after a quotation follows its end: "…," Kerry said; "…"
	// Kerry said; not the "reforms" were shelved, officials said.
	last, _ := utf8.DecodeLastRuneInString(text)
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(after))
	if !strings.ContainsRune(",.?!—–-", last) && !strings.ContainsRune(",.?!—–-", first) {
		after = ""
	}
	if m := cueSpeakerVerb.FindStringSubmatch(after); m != nil {
		return m[1], true
	}
	if m := cueVerbSpeaker.FindStringSubmatch(after); m != nil {
		return lastCapitalRun(m[1]), true
	}
	if m := cueAccording.FindStringSubmatch(after); m != nil {
		return m[1], true
	}
	if m := cueSomeone.FindStringSubmatch(after); m != nil {
		return lastCapitalRun(m[1]), true
	}
	if m := cueBefore.FindStringSubmatch(before); m != nil {
		return m[1], true
	}
	if m := cuePartial.FindStringSubmatch(before); m != nil {
		return m[1], true
	}
	return "", false
}

// lastCapitalRun returns the last run of capitalized words of phrase, a
// speaker's description ("Democratic strategist Simon Rosenberg" gives
// "Simon Rosenberg"; the description ends at a preposition or
// conjunction), or a pronoun that opens it ("he"), or "" ("a
// spokesman").
func lastCapitalRun(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		if i > 0 && phraseStops[w] {
			words = words[:i] // "said Kerry in an interview with CNN"
			break
		}
	}
	if len(words) > 0 && pronouns[strings.ToLower(words[0])] {
		return words[0]
	}
	end := -1
	for i := len(words) - 1; i >= 0; i-- {
		if capitalized(words[i]) {
			end = i + 1
			break
		}
	}
	if end < 0 {
		return ""
	}
	start := end - 1
	for start > 0 && capitalized(words[start-1]) {
		start--
	}
	return strings.Join(words[start:end], " ")
}

// phraseStops end the description of a speaker.
var phraseStops = setOf("in", "on", "at", "during", "after", "before", "of", "to", "for", "from", "with", "when",
	"while", "who", "which", "that", "as", "about", "and", "but", "because", "since", "by")

// continues reports whether a quotation opening at start goes on from
// prev: it opens in prev's last sentence or the next one, with only a
// cue between.
func continues(a *news.Article, prev found, start int) bool {
	pe := sentenceAt(a.Sentences, max(prev.end-1, prev.start))
	si := sentenceAt(a.Sentences, start)
	return pe >= 0 && si >= 0 && si-pe <= 1 && start-prev.end < 200
}

// sentenceAt returns the index of the sentence of ss holding byte off,
// or of the first after it when off falls between sentences, or -1.
func sentenceAt(ss []news.Sentence, off int) int {
	for i, s := range ss {
		if off < s.End {
			if off >= s.Start || i == 0 || off >= ss[i-1].End {
				return i
			}
		}
	}
	return -1
}
