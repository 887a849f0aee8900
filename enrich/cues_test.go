package enrich

import (
	"fmt"
	"math/bits"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// cuePatterns pairs each cue with the pattern it stands before: a text
// without the cue must not match the pattern.
var cuePatterns = []struct {
	name string
	cue  func(string) bool
	re   func() *regexp.Regexp
}{
	{"ordinalCue", func(s string) bool { return strings.Contains(s, " the ") && ordinalCue(s) }, ordinalDayRe},
	{"sequelCue", sequelCue, sequelRe},
	{"daysLaterCue", daysLaterCue, daysLaterRe},
}

// talkNounIn reports whether toneClaims, as written before hasTalkNoun,
// finds a talk noun in s.
func talkNounIn(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if talkNouns()[strings.Trim(w, `.,;:"“”'’()`)] {
			return true
		}
	}
	return false
}

// checkCues fails t when a cue misses a text its pattern matches.
func checkCues(t *testing.T, s string) {
	t.Helper()
	if got, want := hasTalkNoun(s), talkNounIn(s); got != want {
		t.Errorf("hasTalkNoun(%q) = %v, want %v", s, got, want)
	}
	if !figureCue(s) && figure().MatchString(s) {
		t.Errorf("figureCue(%q) = false, but the figure pattern matches", s)
	}
	if !creditCue(s) && creditRe().MatchString(s) {
		t.Errorf("creditCue(%q) = false, but the credit pattern matches", s)
	}
	if !containsFold(s, "contributed") && contributedRe().MatchString(s) {
		t.Errorf("containsFold(%q, contributed) = false, but the pattern matches", s)
	}
	if got, want := figureMatches(s), figure().FindAllStringSubmatchIndex(s, -1); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("figureMatches(%q) = %v, want %v", s, got, want)
	}
	if got, want := periodMatches(s), periodRe().FindAllStringSubmatch(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("periodMatches(%q) = %q, want %q", s, got, want)
	}
	if got, want := yearMatches(s), yearRe().FindAllStringSubmatchIndex(s, -1); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("yearMatches(%q) = %v, want %v", s, got, want)
	}
	if got, want := monthMatches(s), monthRe().FindAllStringSubmatchIndex(s, -1); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("monthMatches(%q) = %v, want %v", s, got, want)
	}
	for _, c := range cuePatterns {
		if !c.cue(s) && c.re().MatchString(s) {
			t.Errorf("%s(%q) = false, but the pattern matches %q", c.name, s, c.re().FindString(s))
		}
	}
	checkFastPaths(t, s)
}

// containsAnyOf is what dateCues stands for, one list of words at a
// time: strings.Contains of each word.
func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// checkFastPaths fails t when a function written for speed gives other
// than the plain code it replaced.
func checkFastPaths(t *testing.T, s string) {
	t.Helper()
	cues := dateCues(s)
	for _, c := range []struct {
		name string
		bit  uint8
		want bool
	}{
		{"month", cueMonth, containsAnyOf(s, monthNames)},
		{"weekday", cueWeekday, containsAnyOf(s, weekdayNames)},
		{"relative", cueRelative, containsAnyOf(s, relativeWords)},
		{"digit", cueDigit, strings.ContainsAny(s, "0123456789")},
	} {
		if got := cues&c.bit != 0; got != c.want {
			t.Errorf("dateCues(%q) %s = %v, want %v", s, c.name, got, c.want)
		}
	}
	if got, want := daysLaterCue(s), daysLaterScan(s); got != want {
		t.Errorf("daysLaterCue(%q) = %v, want %v", s, got, want)
	}
	if got, want := sequelCue(s), sequelCueScan(s); got != want {
		t.Errorf("sequelCue(%q) = %v, want %v", s, got, want)
	}
	if got, want := joinFields(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
	}
	if got, want := quoteKey(s), quoteKeyRunes(s); got != want {
		t.Errorf("quoteKey(%q) = %q, want %q", s, got, want)
	}
	want := strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "“") || strings.Contains(s, "”")
	if got := strings.ContainsAny(s, "\"“”"); got != want {
		t.Errorf("ContainsAny(%q, quotation marks) = %v, but quotePieces' test gives %v", s, got, want)
	}
	lw, lowWant := newWordSet(0), map[string]bool{}
	addLowerWords(lw, s)
	for i, j := range wordsOf(s) {
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsLower(r) {
			lowWant[s[i:j]] = true
		}
	}
	for w := range lowWant {
		if !lw.has(w) { // has hashes w again: the hash addLowerWords made must agree
			t.Errorf("addLowerWords(%q) lacks %q", s, w)
		}
	}
	if lw.n != len(lowWant) {
		t.Errorf("addLowerWords(%q) holds %d words, lowWant %d", s, lw.n, len(lowWant))
	}
	one := &news.Article{Text: s, Sentences: []news.Sentence{{Start: 0, End: len(s)}}}
	if got, want := quotePieces(one), quotePiecesRunes(one); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quotePieces(%q) = %v, want %v", s, got, want)
	}
	ps := quotePieces(one)
	for _, c := range []struct {
		from, to int
		ps       []piece
	}{{0, len(s), nil}, {0, len(s), ps}, {len(s) / 3, len(s), ps}, {len(s) / 3, 2 * len(s) / 3, nil}} {
		if got, want := outsideWords(one, c.from, c.to, c.ps), outsideWordsRunes(one, c.from, c.to, c.ps); !slices.Equal(got, want) {
			t.Errorf("outsideWords(%q, %d, %d, %v) = %q, want %q", s, c.from, c.to, c.ps, got, want)
		}
	}
	if r, _ := utf8.DecodeRuneInString(s); capitalized(s) != unicode.IsUpper(r) {
		t.Errorf("capitalized(%q) = %v, want %v", s, capitalized(s), unicode.IsUpper(r))
	}
	if got, want := byline(s), bylineFields(s); got != want {
		t.Errorf("byline(%q) = %v, want %v", s, got, want)
	}
}

// bylineFields is byline without its test of the first word.
func bylineFields(text string) bool {
	w := strings.FieldsFunc(text, bylineSep)
	if len(w) < 2 || len(w) > 7 || w[0] != "By" && w[0] != "BY" {
		return false
	}
	for _, x := range w[1:] {
		if x != "and" && !capitalized(x) {
			return false
		}
	}
	return true
}

// TestCues checks the cues on sentences that name days told from
// another, on near misses, and on every line of the fixture piles.
func TestCues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want [3]bool // ordinal, sequel, days later: whether the cue is found
	}{
		{"ordinal", "The vote is set for the 5th, officials said.", [3]bool{true, false, false}},
		{"ordinal 22nd", "They met on the 22nd", [3]bool{true, false, false}},
		{"ordinal without the", "They met on 22nd", [3]bool{false, false, false}},
		{"sequel next day", "The next day the talks resumed.", [3]bool{false, true, false}},
		{"sequel that same night", "That same night it rained.", [3]bool{false, true, false}},
		{"sequel following morning", "On the following morning, rain.", [3]bool{false, true, false}},
		{"no sequel", "Every day the talks went on.", [3]bool{false, false, false}},
		{"two days later", "Two days later, the bridge reopened.", [3]bool{false, false, true}},
		{"a day before", "It was a day before the vote.", [3]bool{false, false, true}},
		{"days after", "the days after the storm", [3]bool{false, false, true}},
		{"today", "Today the talks resumed and later closed.", [3]bool{false, false, false}},
		{"talks in capitals", "THE TALKS, SAID TO BE \"CONSTRUCTIVE\", ENDED", [3]bool{false, false, false}},
		{"credit", "(Reporting by Giles Elgood; Editing by Mark Heinrich)", [3]bool{false, false, false}},
		{"credit in capitals", "PHOTOGRAPHS\tBY AP", [3]bool{false, false, false}},
		{"contributed", "Maria Lund CONTRIBUTED REPORTING.", [3]bool{false, false, false}},
		{"summit in quotes", "the \u201cSummit\u201d of İstanbul", [3]bool{false, false, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for i, c := range cuePatterns {
				if got := c.cue(tc.text); got != tc.want[i] {
					t.Errorf("%s(%q) = %v, want %v", c.name, tc.text, got, tc.want[i])
				}
			}
			checkCues(t, tc.text)
		})
	}
	for _, pile := range []string{"testdata/pile.txt", "testdata/pile2.txt"} {
		data, err := os.ReadFile(pile)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			checkCues(t, line)
		}
	}
}

// FuzzCues checks that no text matches a pattern without its cue.
func FuzzCues(f *testing.F) {
	for _, s := range []string{"Additional  reporting\nby X", "photoſ by", "éditing by", "ContributeD to this story", "(Talks)", "MEETİNG", "dİscussions", "TAL\u212aS", "(sUmMiT)", "on the 21st,", "That same evening", "the previous afternoon", "three days earlier", "the 3rd day", "next  day", "a days after",
		"In May, 1998 and mid-Sept. 2001", "within March", "x_May", "since-June 20011", "Jan. 5 and Jan.x",
		"by Sep. 1999,2000", "LAST December", "in_Mayo", "from May in June", "in Octobers", "ſince March",
		"talks\u00a0meeting", "x\u2003“Talks.”", "\xfftalks", "next  morning",
		"3,000 troops and 4.5 million people, 12,34 men", "A320 planes 7 x-rays", "1,000,000 votes1 2 men",
		"Sep", "Mon", "yesterday a", " ag", "By", "\u00a0By Anna Berg", ";By  Kerry and", "Anna  Berg", "Anna\tBerg ", "É Berg", "\xffBy",
		"“It’s OK,” she said. \"Über\"", "in 1999 and since-2001, the year 1850", "within 1999", "in  1999", "mid-19999", "xin 2005", "by 2005_", "In 2005",
		"since 1999, so far this year", "ſince the ſummer, this  \tweek", "xsince 2001 20011 1999_ 2000", "To Date, LAST SEASON; next\nmonth", "since\u00a0then", "this wee\u212a", "1899 2099 2100 1799", "5 million  people, 3 thousand x-rays; 7 billion a-b-c d", "1995, when 3.5.6 men 7,x 12 Men 4 million.", "Monday later, two dayss later, a day  after, days before, today earlier, day after", "Mr. J. Doe -- the U.S. envoy, said: \"No--never.\" (Yes!) — ‘x’ e.g.", "Ⱥb İ ǅ \xff ² ½ \u212a Σας", "abcé déf x’y a-b. ab\xffc étéA zZ 9a", "a “b” c \"d\" “e“ f,“ g\xe2\x80 “h\xe2\x80\x9d — ’i"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCues(t, s)
	})
}

// TestFigureCue checks that no sentence matches the figure pattern
// without figureCue, on crafted cases and the fixture piles.
func TestFigureCue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want bool
	}{
		{"about 3,000 troops", true},
		{"1.2 million people", true},
		{"in 1995, when", false},
		{"Room 101 Annex", false},
		{"no figure here", false},
	}
	for _, tc := range tests {
		if got := figureCue(tc.text); got != tc.want {
			t.Errorf("figureCue(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	for _, pile := range []string{"testdata/pile.txt", "testdata/pile2.txt"} {
		data, err := os.ReadFile(pile)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if !figureCue(line) && figure().MatchString(line) {
				t.Errorf("figureCue(%q) = false, but the figure pattern matches", line)
			}
		}
	}
}

// quoteKeyRunes is quoteKey as first written (the whole text
// lower-cased, then its letters and digits): what quoteKey must give.
func quoteKeyRunes(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quotePiecesRunes is quotePieces as first written, reading every rune of
// a paragraph with quotation marks: what quotePieces must give.
func quotePiecesRunes(a *news.Article) []piece {
	var out []piece
	for i := 0; i < len(a.Sentences); {
		p := a.Sentences[i].Paragraph
		start := a.Sentences[i].Start
		j := i
		for j < len(a.Sentences) && a.Sentences[j].Paragraph == p {
			j++
		}
		end := a.Sentences[j-1].End
		i = j
		text := a.Text[start:end]
		if !strings.ContainsAny(text, "\"“”") {
			continue
		}
		lead := len(text) - len(strings.TrimLeft(text, " \t\n"))
		in, from, opened := false, 0, 0
		for k, r := range text {
			switch r {
			case '“', '"':
				if in && (r == '"' || closesLikeEnd(text, k, len("“"))) {
					out = appendPiece(out, a.Text, piece{start: start + from, end: start + k, atStart: opened == lead, para: p})
					in = false
				} else if !in {
					in, from, opened = true, k+utf8.RuneLen(r), k
				}
			case '”':
				if in {
					out = appendPiece(out, a.Text, piece{start: start + from, end: start + k, atStart: opened == lead, para: p})
					in = false
				}
			}
		}
		if in {
			out = appendPiece(out, a.Text, piece{start: start + from, end: end, open: true, atStart: opened == lead, para: p})
		}
	}
	return out
}

// sequelCueScan is sequelCue as first written, a pass of its own over s:
// what dateCues' cueSequel must give.
//
// It reports whether a part of a day (" day", " morning" ...)
// follows "next", "following", "previous", "same" or "that" in s, as
// sequelRe needs: a space and the first two letters of a part matched
// all at once (shift-and: bit 3k+p of the state is set where the last
// p+1 bytes are the first p+1 of the k-th part's), a few operations per
// byte, then the part and the word before.
func sequelCueScan(s string) bool {
	t := sequelHeads()
	var state uint64
	for i := 0; i < len(s); i++ {
		state = (state<<1 | t.first) & t.at[s[i]]
		m := state & t.last
		if m == 0 {
			continue
		}
		p := i - 2 // the space
		part := sequelParts[bits.TrailingZeros64(m)/3]
		if !strings.HasPrefix(s[p+1:], part) {
			continue
		}
		before := s[:p]
		for _, w := range sequelWords {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
	}
	return false
}

// sequelHeads is what sequelCue matches a space and the first two
// letters of each of sequelParts with, as headTable holds them for the talk
// nouns: bits 3k to 3k+2 for the k-th part.
var sequelHeads = sync.OnceValue(func() *headTable {
	var t headTable
	for k, part := range sequelParts {
		head := " " + part[:2]
		for p := range 3 {
			t.at[head[p]] |= 1 << (3*k + p)
		}
		t.first |= 1 << (3 * k)
		t.last |= 1 << (3*k + 2)
	}
	return &t
})

// outsideWordsRunes is outsideWords as first written, testing the pieces
// at every byte: what outsideWords must give.
func outsideWordsRunes(a *news.Article, start, end int, ps []piece) []string {
	out := make([]string, 0, max(0, end-start)/4)
	w := -1 // start of the word being read
	flush := func(i int) {
		if w >= 0 {
			out = append(out, a.Text[w:i])
			w = -1
		}
	}
	k := 0
	for i := start; i < end; {
		for k < len(ps) && ps[k].end <= i {
			k++
		}
		if k < len(ps) && ps[k].start <= i {
			flush(i)
			out = append(out, qmark)
			i = ps[k].end
			k++
			continue
		}
		if c := a.Text[i]; c < utf8.RuneSelf {
			// The cases below for one ASCII byte, which most are.
			switch {
			case c == '-' && i+1 < end && a.Text[i+1] == '-':
				flush(i)
				out = append(out, "—")
				i += 2
				continue
			case asciiWord(c) == wordStart || c == '\'' || c == '-':
				if w < 0 {
					w = i
				}
			case c == '.' && w >= 0 && i+1 < end && a.Text[i+1] != ' ' && a.Text[i+1] != '\n':
			case c == '.' && w >= 0 && abbrevBefore(a.Text[w:i]):
			default:
				flush(i)
				if strings.IndexByte(",.:;()!?", c) >= 0 {
					out = append(out, a.Text[i:i+1])
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(a.Text[i:])
		switch {
		case r == '-' && i+1 < end && a.Text[i+1] == '-':
			flush(i)
			out = append(out, "—") // "--" is a dash
			i += 2
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-':
			if w < 0 {
				w = i
			}
		case r == '.' && w >= 0 && i+1 < end && a.Text[i+1] != ' ' && a.Text[i+1] != '\n':
			// "U.S." goes on
		case r == '.' && w >= 0 && abbrevBefore(a.Text[w:i]):
			// "Mr." goes on
		default:
			flush(i)
			if strings.ContainsRune(",.:;()—–!?", r) {
				out = append(out, a.Text[i:i+size])
			}
		}
		i += size
	}
	flush(end)
	return out
}

// daysLaterScan is daysLaterCue as first written, a search of its own
// through s: what dateCues' cueDaysLater must give. It reports whether
// "day" or "days" and a space come before "later", "earlier", "before"
// or "after" in s, as daysLaterRe needs.
func daysLaterScan(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "day")
		if j < 0 {
			return false
		}
		i += j + len("day")
		rest := strings.TrimPrefix(s[i:], "s")
		if rest, ok := strings.CutPrefix(rest, " "); ok {
			for _, w := range []string{"later", "earlier", "before", "after"} {
				if strings.HasPrefix(rest, w) {
					return true
				}
			}
		}
	}
}
