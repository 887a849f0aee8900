package summarize

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"tidings/news"
	"tidings/segment"
)

func TestQuotesBalanced(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`The minister said "talks went well" on Monday.`, true},
		{`"Talks went well," the minister said.`, true},
		{`He called it "a good day."`, true},
		{`The minister said "talks went well.`, false},
		{`SPECIAL MESSAGE." It was a bulletin that said "MOST OF THE AREA IS FLOODED.`, false},
		{`It was fun as it seemed."It sucks," she says.`, true},
		{`The minister said “talks went well” on Monday.`, true},
		{`The minister said “talks went well on Monday.`, false},
		{`“We will not tolerate abuse of this nature," the vice president said.`, true},
		{`"We will not tolerate abuse of this nature,” the vice president said.`, true},
		{`The talks ended.” Then the minister left.`, false},
		{`He said “it is “over”.`, false},
		{`"Yes," he said, "and "no."`, false},
	}
	for _, tc := range tests {
		if got := quotesBalanced(tc.text); got != tc.want {
			t.Errorf("quotesBalanced(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestAuthorSpeaks(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`As my colleague Ana Ruiz reported, the ferry resumed on Monday.`, true},
		{`I spoke to the captain on Monday.`, true},
		{`"I spoke to the captain," the minister said.`, false},
		{`The minister said “my door is open” on Monday.`, false},
		{`The minister said “my door is open” and I agree.`, true},
		{`The US and Norland signed the treaty.`, false},
		{`We take your questions every week.`, false},
		{`The ferry's Iberian route reopened.`, false},
	}
	for _, tc := range tests {
		if got := authorSpeaks(tc.text); got != tc.want {
			t.Errorf("authorSpeaks(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestStandaloneRejectsFurniture(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The council approved the new harbour budget on Monday evening.", true},
		{"The mayor waved to the crowd at the harbour. | Getty Mayor opens the new harbour wall.", false},
		{"THE HARBOUR YEARS, by Ana Ruiz, a history of the port and its ferries.", false},
		{"HARBOUR LIGHTS RETURN: Volunteers rewired all 48 lamps on the old wall.", false},
		{"NEW AT 5:00, A HARBOUR TOWN MOTHER IS ACCUSED OF NEGLECTING HER NEWBORN.", true},
		{"NATO and the EU: both said the ferry talks would resume in May.", true},
	} {
		s := news.Sentence{Text: tc.text, Words: len(strings.Fields(tc.text)), Terms: segment.Terms(tc.text)}
		if got := Standalone(s); got != tc.want {
			t.Errorf("Standalone(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestQuotationCandidates checks that a quotation the splitter cut in
// parts is one candidate for the ILP, spanning its sentences in the
// article's text, and that nothing else is joined in a story of several
// articles (where passages are not made).
func TestQuotationCandidates(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the joined candidate's text, "" for none
		span       int
	}{
		{"two sentences", `The ferry resumed on Monday. "The boat is ready. The crew will sail every day," the captain said.`,
			`"The boat is ready. The crew will sail every day," the captain said.`, 2},
		{"three sentences", `"The crew is tired. The boat is old. But we sail," said Ana Ruiz, the captain.`,
			`"The crew is tired. The boat is old. But we sail," said Ana Ruiz, the captain.`, 3},
		{"curly marks", "“The boat is ready. The crew will sail every day,” the captain said on Monday.",
			"“The boat is ready. The crew will sail every day,” the captain said on Monday.", 2},
		{"never closed", `"The boat is ready. The crew will sail every day, the captain said on Monday.`, "", 0},
		{"closed in the next paragraph", "\"The boat is ready.\n\nThe crew will sail every day,\" the captain said on Monday.", "", 0},
		{"no quotation", `The ferry resumed on Monday. He said it would sail every day from now on.`, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := news.Article{ID: "a", Text: tc.text}
			segment.Article(&a)
			other := news.Article{ID: "b", Text: "The harbour council met on Tuesday to discuss the ferry timetable."}
			segment.Article(&other)
			got, span := "", 0
			for _, c := range candidates([]news.Article{a, other}, true) {
				if c.Span > 1 {
					if got != "" {
						t.Fatalf("two joined candidates: %q and %q", got, c.Sentence.Text)
					}
					got, span = c.Sentence.Text, c.Span
					if a.Text[c.Sentence.Start:c.Sentence.End] != got {
						t.Errorf("span [%d,%d) is %q, not the candidate's text", c.Sentence.Start, c.Sentence.End, a.Text[c.Sentence.Start:c.Sentence.End])
					}
				}
			}
			if got != tc.want || span != tc.span {
				t.Errorf("joined %q (%d sentences), want %q (%d)", got, span, tc.want, tc.span)
			}
			for _, c := range Candidates([]news.Article{a}) {
				if c.Span > 1 {
					t.Errorf("Candidates joined %q; only the ILP's candidates may", c.Sentence.Text)
				}
			}
		})
	}
}

// TestPassageCandidates checks that in a story of one article a sentence
// that needs the ones before it is a candidate joined with them, and only
// when the joined text can stand alone.
func TestPassageCandidates(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the joined candidates' texts
	}{
		{"pronoun", "The ferry resumed on Monday after a long winter. It will sail every day from now on.",
			[]string{"The ferry resumed on Monday after a long winter. It will sail every day from now on."}},
		{"two back", "The harbour council met on Monday evening. They voted to reopen the wall. Its repair will cost a million.",
			[]string{"The harbour council met on Monday evening. They voted to reopen the wall.",
				"The harbour council met on Monday evening. They voted to reopen the wall. Its repair will cost a million."}},
		{"across a paragraph", "The harbour council met on Monday evening.\n\nThose members voted to reopen the old wall.",
			[]string{"The harbour council met on Monday evening.\n\nThose members voted to reopen the old wall."}},
		{"quotation reopened", "The mayor spoke on Monday.\n\n\"The boat is ready for the season.\n\n\"We will sail every day,\" she said.",
			[]string{"\"The boat is ready for the season.\n\n\"We will sail every day,\" she said."}},
		{"quotation not reopened", "\"The boat is ready.\n\nThe crew will sail every day,\" the captain said on Monday.", nil},
		{"after a heading", "Harbour news today\n\nIt will sail every day from now on.", nil},
		{"writer's voice", "As my colleague reported, the ferry resumed on Monday. It will sail every day from now on.", nil},
		{"speakerless quotation", "The mayor spoke to reporters on Monday. \"We will sail every day from now on.\"", nil},
		{"the quotation's own", `The ferry resumed on Monday. "The boat is ready. The crew will sail every day," the captain said.`,
			[]string{`"The boat is ready. The crew will sail every day," the captain said.`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := news.Article{ID: "a", Text: tc.text}
			segment.Article(&a)
			var got []string
			for _, c := range candidates([]news.Article{a}, true) {
				if c.Span > 1 {
					got = append(got, c.Sentence.Text)
					if a.Text[c.Sentence.Start:c.Sentence.End] != c.Sentence.Text {
						t.Errorf("span [%d,%d) is %q, not the candidate's text", c.Sentence.Start, c.Sentence.End, a.Text[c.Sentence.Start:c.Sentence.End])
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("joined %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCandidatesSkipHeadings(t *testing.T) {
	const heading = "Ministers From Both Countries Will Meet Again In Geneva Next Month."
	const body = "The foreign ministers of Norland and Ostrava met in Geneva on Monday for talks."
	text := heading + "\n\n" + body
	tests := []struct {
		name     string
		headings [][2]int
		want     []string
	}{
		{"a standalone line that is not marked", nil, []string{heading, body}},
		{"the same line marked as a subheading", [][2]int{{0, len(heading)}}, []string{body}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := news.Article{ID: "a", Text: text, Headings: tc.headings}
			segment.Article(&a)
			var got []string
			for _, c := range candidates([]news.Article{a}, true) {
				got = append(got, c.Sentence.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("candidates = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWordSetsLookups checks the fast look-ups of the first word and of
// first-person words against the sets they read, for words in any case,
// with curly apostrophes, non-ASCII and too long to be in a set.
func TestWordSetsLookups(t *testing.T) {
	words := []string{"", "He", "HOWEVER", "Nevertheless", "nevertheless,", "Theirs", "İt", "ALSO", "Ｈe",
		"I", "I’ve", "I've", "I’m", "Me", "me", "my", "My", "MY", "mine", "Imagine", "internationalization"}
	for _, w := range words {
		t.Run(w, func(t *testing.T) {
			if got, want := isDanglingOpener(w), danglingOpeners[strings.ToLower(w)]; got != want {
				t.Errorf("isDanglingOpener(%q) = %v, want %v", w, got, want)
			}
			if got, want := isFirstPerson(w), firstPerson[strings.ReplaceAll(w, "’", "'")]; got != want {
				t.Errorf("isFirstPerson(%q) = %v, want %v", w, got, want)
			}
		})
	}
}

// authorSpeaksRef is authorSpeaks as first written, reading runes with
// range and unicode.IsLetter.
func authorSpeaksRef(t string) bool {
	quoted := false
	start := -1
	for i, r := range t {
		if unicode.IsLetter(r) || r == '\'' || r == '’' {
			if start < 0 && !quoted {
				start = i
			}
			continue
		}
		if start >= 0 && isFirstPerson(t[start:i]) {
			return true
		}
		start = -1
		if r == '"' || r == '“' || r == '”' {
			quoted = !quoted
		}
	}
	return start >= 0 && isFirstPerson(t[start:])
}

// FuzzAuthorSpeaks holds authorSpeaks's ASCII fast path to the rune-wise
// definition.
func FuzzAuthorSpeaks(f *testing.F) {
	f.Add(`As my colleague reported, the “I” in it is mine.`)
	f.Add("I’ve said \"my\" \xff Él me")
	f.Add("Some time ago, as a former colleague of mine put it, my \xe2m ’me Lavrov’s “Im” me")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := authorSpeaks(s), authorSpeaksRef(s); got != want {
			t.Errorf("authorSpeaks(%q) = %v, want %v", s, got, want)
		}
	})
}

// scanQuotesRef is scanQuotes as first written, reading every rune.
func scanQuotesRef(t string, open bool) (stillOpen, ok bool) {
	for i, r := range t {
		switch r {
		case '“':
			if open {
				return open, false
			}
			open = true
		case '”':
			if !open {
				return open, false
			}
			open = false
		case '"':
			if open {
				open = false
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(t[:i])
			after, _ := utf8.DecodeRuneInString(t[i+1:])
			closes := i > 0 && !unicode.IsSpace(before) && !strings.ContainsRune("([{—–-", before) &&
				(i+1 == len(t) || unicode.IsSpace(after) || unicode.IsPunct(after))
			if closes {
				return open, false
			}
			open = true
		}
	}
	return open, true
}

// FuzzScanQuotes holds scanQuotes's byte scan to the rune-wise reading,
// from either state, on cut and invalid UTF-8 too.
func FuzzScanQuotes(f *testing.F) {
	for _, s := range []string{`He said "yes."`, "“Yes,” he said.", "\xe2\xe2\x80\x9cx\xe2\x80", `MESSAGE." It said "no`, "—\"a\""} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, open bool) {
		gotOpen, gotOK := scanQuotes(s, open)
		wantOpen, wantOK := scanQuotesRef(s, open)
		if gotOpen != wantOpen || gotOK != wantOK {
			t.Errorf("scanQuotes(%q, %v) = %v, %v, want %v, %v", s, open, gotOpen, gotOK, wantOpen, wantOK)
		}
	})
}

// FuzzHasBar holds hasBar to strings.Contains.
func FuzzHasBar(f *testing.F) {
	for _, s := range []string{"", " | ", "a | b", "|", " |", "| ", "a |b | c", "||| |", "caption | Getty headline", "a|b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasBar(s), strings.Contains(s, " | "); got != want {
			t.Errorf("hasBar(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzEndsLikeSentence holds endsLikeSentence to its definition by
// strings.TrimRight.
func FuzzEndsLikeSentence(f *testing.F) {
	for _, s := range []string{"", "Done.", "Done.”", "Done?\")'", "No", "’", "Done.\xff", "(Done.)", "Wow!’”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\"'’”)"))
		if got, want := endsLikeSentence(s), r == '.' || r == '!' || r == '?'; got != want {
			t.Errorf("endsLikeSentence(%q) = %v, want %v", s, got, want)
		}
	})
}

// listEntryRef is listEntry as first written: the title found with
// strings.IndexAny over the whole sentence, then read as listTitle reads it.
func listEntryRef(t string) bool {
	i := strings.IndexAny(t, ":,")
	if i <= 0 {
		return false
	}
	return listTitle(t, i)
}

// FuzzListEntry holds listEntry's early stop at a lower-case letter to
// the reading of the whole title.
func FuzzListEntry(f *testing.F) {
	for _, s := range []string{"", "THE UNFINISHED PRESIDENCY, by Douglas Brinkley.", "STAR WARS: EPISODE I: Science fiction.",
		"ALL CAPS: NO CHANGE.", "The president said: yes.", "ÉTÉ FOU: un film.", "ÉtÉ FOU: un film.", ":a", "A B,", "A B, by x", "A\xffB: c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := listEntry(s), listEntryRef(s); got != want {
			t.Errorf("listEntry(%q) = %v, want %v", s, got, want)
		}
	})
}

// firstWordRef is firstWord as first written, with strings.TrimLeft and
// strings.IndexFunc.
func firstWordRef(s string) string {
	s = strings.TrimLeft(s, "\"“'‘(")
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// FuzzFirstWord holds firstWord's byte scan to the rune-wise first
// version, on invalid UTF-8 too.
func FuzzFirstWord(f *testing.F) {
	for _, s := range []string{"", "“Yes,” he said.", "(AP) — Text", "‘‘Quoted’ here", "\"'(\"Hi there", "Word\u00a0next", "A\u2003B", "\xe2\x80 x", "\xe2\x80\x9c", "One\ttwo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := firstWord(s), firstWordRef(s); got != want {
			t.Errorf("firstWord(%q) = %q, want %q", s, got, want)
		}
	})
}
