package enrich

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// Quotes returns the quotations of arts with their speakers, merged
// across articles: the quotations carried by most outlets first, then in
// order of first appearance.
//
// Every phrase between quotation marks is a quotation, whole sentences
// and partial ones (a quoted phrase inside paraphrase) alike. The pieces
// of one quotation are joined into one, with " … " between them: pieces
// in one sentence, pieces split by a cue (`"A," he said. "B."`), and a
// quotation that runs over several paragraphs (each reopening its
// marks). The speaker comes from the speech cue next to the quotation,
// before or after it (`"…," said X`, `X said: "…"`, `according to X`), or
// in the sentence before that ends in a colon, or, for a quotation
// standing alone, from the quotation just before it. A description (`a
// senior official`) is kept as written; "he" and "she" are resolved to
// the nearest person named before, of those in ents; a speaker name that
// is the end of one person's name in ents ("Berg") becomes the full name.
func Quotes(arts []news.Article, ents []news.Entity) []news.Quote {
	return newQuoteSet(arts, ents).quotes()
}

// quotes is Quotes on the quotations of qs.
func (qs *quoteSet) quotes() []news.Quote {
	arts := qs.arts
	byKey := map[string]*quoteAcc{}
	var order []string
	n := 0
	for ai := range arts {
		a := &arts[ai]
		for _, u := range qs.of(ai) {
			key := quoteKey(u.text)
			if key == "" {
				continue
			}
			e := byKey[key]
			if e == nil {
				e = &quoteAcc{q: news.Quote{Text: u.text, Speaker: u.speaker}, first: n}
				byKey[key] = e
				order = append(order, key)
				n++
			}
			if e.q.Speaker == "" {
				e.q.Speaker = u.speaker
			}
			if !slices.ContainsFunc(e.q.Citations, func(c news.Citation) bool { return c.ArticleID == a.ID }) {
				e.q.Citations = append(e.q.Citations, u.cite)
				e.q.Outlets = addUnique(e.q.Outlets, outlets(a)...)
			}
		}
	}
	mergeParts(byKey, order)
	out := make([]news.Quote, 0, len(order))
	firsts := map[string]int{}
	for _, k := range order {
		if byKey[k] == nil {
			continue // merged into a longer quotation
		}
		out = append(out, byKey[k].q)
		firsts[byKey[k].q.Text] = byKey[k].first
	}
	slices.SortStableFunc(out, func(a, b news.Quote) int {
		if c := cmp.Compare(len(b.Outlets), len(a.Outlets)); c != 0 {
			return c
		}
		return cmp.Compare(firsts[a.Text], firsts[b.Text])
	})
	return out
}

// quoteAcc gathers one quotation's citations as Quotes reads.
type quoteAcc struct {
	q     news.Quote
	first int
}

// minPartKey is the fewest letters a quotation must have to count as
// part of a longer one: a few words ("very constructive") may be two
// speakers' own.
const minPartKey = 30

// mergeParts folds a quotation that is part of a longer one by the same
// speaker (or by one not named) into the longer: an outlet that quotes
// "nothing is settled until our troops can go home" carries "These were
// tough talks, and nothing is settled until our troops can go home". The
// merged ones are set to nil in byKey.
func mergeParts(byKey map[string]*quoteAcc, order []string) {
	accs := make([]*quoteAcc, len(order)) // byKey of each key of order (unique), nil once merged
	for i, k := range order {
		accs[i] = byKey[k]
	}
	for si, short := range order {
		p := accs[si]
		if len(short) < minPartKey {
			continue
		}
		var into *quoteAcc
		intoKey := ""
		for li, long := range order {
			l := accs[li]
			if l == nil || len(long) <= len(short) || !strings.Contains(long, short) {
				continue
			}
			if p.q.Speaker != "" && l.q.Speaker != "" && p.q.Speaker != l.q.Speaker {
				continue
			}
			if into == nil || len(long) > len(intoKey) {
				into, intoKey = l, long
			}
		}
		if into == nil {
			continue
		}
		for _, c := range p.q.Citations {
			if !slices.ContainsFunc(into.q.Citations, func(d news.Citation) bool { return d.ArticleID == c.ArticleID }) {
				into.q.Citations = append(into.q.Citations, c)
			}
		}
		into.q.Outlets = addUnique(into.q.Outlets, p.q.Outlets...)
		if into.q.Speaker == "" {
			into.q.Speaker = p.q.Speaker
		}
		into.first = min(into.first, p.first)
		byKey[short], accs[si] = nil, nil
	}
}

// quoteKey normalizes a quotation for matching across articles: letters
// and digits only, lower case.
func quoteKey(s string) string {
	key := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// What quoteKeyRunes does to the rune: strings.ToLower maps
			// each rune by unicode.ToLower (an invalid byte gives
			// utf8.RuneError, no letter).
			r, n := utf8.DecodeRuneInString(s[i:])
			if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsDigit(r) {
				key = utf8.AppendRune(key, r)
			}
			i += n
			continue
		}
		if asciiWord(c) == wordStart {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			key = append(key, c)
		}
		i++
	}
	return string(key)
}

// piece is the text between one pair of quotation marks: byte offsets
// [start, end) into Article.Text, the marks outside. open reports a mark
// left open at the end of its paragraph (the quotation goes on in the
// next one); atStart that the opening mark begins its paragraph.
type piece struct {
	start, end    int
	open, atStart bool
	para          int
}

// quoteUnit is one quotation of an article: its pieces, its text, its
// speaker and the sentences that carry it.
type quoteUnit struct {
	pieces  []piece
	text    string
	speaker string
	cite    news.Citation
	// cued reports that the speaker came from a cue of its own (not from
	// the quotation before).
	cued bool
	// forced is the speaker as written that otherCue found for a
	// quotation split from another in its sentence, "" for none.
	forced string
}

// quotePieces returns the quoted pieces of a's paragraphs in text order.
// Curly marks open and close; a straight mark closes an open quotation,
// else opens one. A mark left open runs to the paragraph's end.
func quotePieces(a *news.Article) []piece {
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
		if strings.IndexByte(text, '"') < 0 && !strings.Contains(text, "“") && !strings.Contains(text, "”") { // strings.ContainsAny, slow for a set outside ASCII
			continue
		}
		lead := len(text) - len(strings.TrimLeft(text, " \t\n"))
		in, from, opened := false, 0, 0
		// The marks: at a '"' byte, or at a 0xE2 byte, the first of “ and
		// ” (a byte no rune continues with, so each is where a rune of
		// text starts), each found by strings.IndexByte once k passes the
		// last found (reading every rune was most of this function's time).
		nq, ne := -1, -1
		for k := 0; ; {
			if nq < k {
				nq = indexByteFrom(text, k, '"')
			}
			if ne < k {
				ne = indexByteFrom(text, k, 0xe2)
			}
			if k = min(nq, ne); k == len(text) {
				break
			}
			r, size := rune('"'), 1
			if k == ne {
				r, size = utf8.DecodeRuneInString(text[k:])
			}
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
			k += size
		}
		if in {
			out = appendPiece(out, a.Text, piece{start: start + from, end: end, open: true, atStart: opened == lead, para: p})
		}
	}
	return out
}

// indexByteFrom returns the index of the first byte c of s at k or
// after, len(s) when there is none.
func indexByteFrom(s string, k int, c byte) int {
	if i := strings.IndexByte(s[k:], c); i >= 0 {
		return k + i
	}
	return len(s)
}

// closesLikeEnd reports whether the mark of size bytes at text[k:] stands
// where a quotation ends: after a letter or punctuation and before a space
// or the end ("her here,“ said Jim Clyburn": an opening mark typed for a
// closing one).
func closesLikeEnd(text string, k, size int) bool {
	if k == 0 || text[k-1] == ' ' || text[k-1] == '\n' {
		return false
	}
	return k+size >= len(text) || text[k+size] == ' ' || text[k+size] == '\n'
}

// appendPiece appends p, trimmed of spaces, when it holds a letter or a
// digit.
func appendPiece(out []piece, text string, p piece) []piece {
	for p.start < p.end && (text[p.start] == ' ' || text[p.start] == '\n') {
		p.start++
	}
	for p.end > p.start && (text[p.end-1] == ' ' || text[p.end-1] == '\n') {
		p.end--
	}
	if strings.IndexFunc(text[p.start:p.end], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return out
	}
	if before := strings.ToLower(strings.TrimRight(text[max(0, p.start-14):p.start], " “\"")); strings.HasSuffix(before, "so-called") ||
		strings.HasSuffix(before, "so called") {
		return out // scare quotes: the so-called "reforms" are no one's words
	}
	return append(out, p)
}

// maxCredit is the most bytes dashCredit reads after a quotation.
const maxCredit = 80

// dashCredit returns the name credited with a dash after the quotation
// that ends at byte end of text (its closing mark there): `"…pay zero
// taxes."` then a paragraph `- Sanders.`, or `"…" ― Ana Ruiz / "…"`. The
// name is a run of one to five capitalized words ending the paragraph,
// or before a full stop, comma, semicolon, slash or quotation mark; ""
// when there is none.
func dashCredit(text string, end int) string {
	i := end
	if r, size := utf8.DecodeRuneInString(text[min(i, len(text)):]); i < len(text) && strings.ContainsRune("\"”“", r) {
		i += size
	} else {
		return ""
	}
	breaks := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break // spaces of any kind: "”\u00a0― Jacklyn Ashley"
		}
		if r == '\n' {
			breaks++
		}
		i += size
	}
	if breaks > 2 {
		return ""
	}
	dash := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '-' && r != '—' && r != '―' && r != '–' {
			break
		}
		dash = true
		i += size
	}
	if !dash {
		return ""
	}
	j := i
	for j < len(text) && j-i < maxCredit {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == '.' && j > i && abbrevBefore(lastWord(text[i:j])) {
			j++ // "John F. Kerry", "Rep. Tom Cole"
			continue
		}
		if strings.ContainsRune(".,;/\n\"“”", r) {
			break
		}
		j += size
	}
	if j-i >= maxCredit {
		return ""
	}
	name := strings.Fields(text[i:j])
	if !isName(name) || inLower(orgWords(), name[len(name)-1]) {
		return ""
	}
	return strings.Join(name, " ")
}

// maxLine is the most bytes lineCredit reads after a quotation for the
// end of its line.
const maxLine = 300

// lineCredit returns the dash credit that ends the line of the quotation
// ending at byte end of text, after another quoted piece of that line
// (`“… all they have is money.” And that's all he has “the root of all
// evil.” ― Ana Ruiz`): a line of quotations credited once; "" when the
// line ends otherwise.
func lineCredit(text string, end int) string {
	stop := min(len(text), end+maxLine)
	if nl := strings.IndexByte(text[end:stop], '\n'); nl >= 0 {
		stop = end + nl
	} else if stop < len(text) {
		return ""
	}
	line := text[end:stop]
	for k := len(line) - 1; k > 0; k-- {
		if r, _ := utf8.DecodeRuneInString(line[k:]); r == '”' || r == '"' {
			if c := dashCredit(text, end+k); c != "" {
				return c
			}
			return ""
		}
	}
	return ""
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexAny(s, " \n")+1:]
}

// lineStart reports whether the opening mark before byte i of text
// begins a line.
func lineStart(text string, i int) bool {
	_, size := utf8.DecodeLastRuneInString(text[:i])
	j := i - size
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	return j <= 0 || text[j-1] == '\n'
}

// sentenceAt returns the index of the sentence of a that holds byte i
// (the last one starting at or before it).
func sentenceAt(a *news.Article, i int) int {
	k, _ := slices.BinarySearchFunc(a.Sentences, i, func(s news.Sentence, i int) int {
		if s.Start > i {
			return 1
		}
		return -1
	})
	return max(0, k-1)
}

// maxCueGap is the most bytes of cue between two pieces of one quotation
// in two sentences (`"A," said X, a senator from Ohio. "B."`).
const maxCueGap = 250

// quoteUnits returns the quotations of article a, pieces joined, with
// their speakers.
func quoteUnits(a *news.Article, people []string) []quoteUnit {
	ps := quotePieces(a)
	// A subheading quotes no one: its pieces are left out.
	ps = slices.DeleteFunc(ps, func(p piece) bool {
		si := sentenceAt(a, p.start)
		return si >= 0 && si < len(a.Sentences) && a.Sentences[si].Heading
	})
	if len(ps) == 0 {
		return nil
	}
	var units []quoteUnit
	cur := quoteUnit{pieces: ps[:1]}
	for _, p := range ps[1:] {
		if sameSentence(a, cur.pieces[len(cur.pieces)-1], p) {
			if one, two := otherCue(a, cur.pieces, p); two != "" {
				// Two quotations in one sentence, each with its cue.
				cur.forced = cmp.Or(cur.forced, one)
				units = append(units, cur)
				cur = quoteUnit{pieces: []piece{p}, forced: two}
				continue
			}
		}
		if joins(a, cur.pieces[len(cur.pieces)-1], p) {
			cur.pieces = append(cur.pieces, p)
			continue
		}
		units = append(units, cur)
		cur = quoteUnit{pieces: []piece{p}}
	}
	units = append(units, cur)
	prevSpeaker, prevEnd, prevCredit := "", -1, false
	for i := range units {
		u := &units[i]
		first, last := u.pieces[0], u.pieces[len(u.pieces)-1]
		s0, s1 := sentenceAt(a, first.start), sentenceAt(a, max(last.start, last.end-1))
		u.cite = news.Citation{ArticleID: a.ID, Start: a.Sentences[s0].Start, End: a.Sentences[s1].End}
		texts := make([]string, len(u.pieces))
		for k, p := range u.pieces {
			texts[k] = strings.TrimRight(a.Text[p.start:p.end], ",")
		}
		u.text = strings.Join(texts, " … ")
		credit := ""
		if first.atStart || lineStart(a.Text, first.start) || prevCredit && first.start-prevEnd <= maxCredit+8 {
			credit = dashCredit(a.Text, last.end)
			if credit == "" {
				credit = lineCredit(a.Text, last.end)
			}
		}
		prevCredit = credit != ""
		who, ok := credit, credit != ""
		if !ok && u.forced != "" {
			who, ok = u.forced, true
		}
		if !ok {
			who, ok = findSpeaker(a, u, s0, s1, people)
		}
		if ok {
			u.cued = true
		}
		switch {
		case ok && inLower(pronouns(), who):
			who = nearestSpeaker(a, pronounAt(a, a.Sentences[s0].Start, first.start, who), prevSpeaker, prevEnd, people)
		case ok:
			who = speakerName(who, people)
		case lone(a, s0, prevEnd) && personSubject(outsideWords(a, a.Sentences[s0-1].Start, a.Sentences[s0-1].End, nil), people) != "":
			// A quotation standing alone after a sentence about someone:
			// "Iowa State University's Dianne Bystrom agreed." then the quotation.
			who = speakerName(personSubject(outsideWords(a, a.Sentences[s0-1].Start, a.Sentences[s0-1].End, nil), people), people)
			if inLower(pronouns(), who) {
				who = nearestSpeaker(a, a.Sentences[s0-1].Start, prevSpeaker, prevEnd, people)
			}
		case lone(a, s0, prevEnd) && first.start-a.Sentences[s0].Start <= 3 && reportedSpeaker(a, s0-1) != "":
			// A sentence that opens with a quotation after one that
			// reports someone's words: "…, Schiff said." then the
			// quotation.
			who = reportedSpeaker(a, s0-1)
			if inLower(pronouns(), who) {
				who = nearestSpeaker(a, pronounAt(a, a.Sentences[s0-1].Start, a.Sentences[s0-1].End, who), prevSpeaker, prevEnd, people)
			} else {
				who = speakerName(who, people)
			}
		case prevEnd >= 0 && sentenceAt(a, prevEnd) >= s0-2:
			who = prevSpeaker // a quotation standing alone: the speaker before goes on
		case first.atStart:
			// A paragraph of quotation after a paragraph about someone:
			// "Berg also spoke about the case. (…)" then the quotation.
			if p := paragraphSubject(a, s0, people); p != "" {
				who = speakerName(p, people)
			}
		}
		u.speaker = who
		prevSpeaker, prevEnd = who, last.end
	}
	return units
}

var pronouns = lazySet("he", "she")

// joins reports whether piece p goes on the quotation whose last piece
// is last: a piece of the same sentence, of the next sentence after a
// cue (`"A," he said. "B."`), or of the next paragraph when last was
// left open and p reopens its paragraph.
func joins(a *news.Article, last, p piece) bool {
	if dashCredit(a.Text, last.end) != "" {
		return false // `"A." ― Ana Ruiz / "B." ― Tomas Berg`: two speakers
	}
	if p.para != last.para {
		return last.open && p.atStart && p.para == last.para+1
	}
	sl, sp := sentenceAt(a, max(last.start, last.end-1)), sentenceAt(a, p.start)
	if sl == sp {
		return true
	}
	if sp != sl+1 || p.start-last.end > maxCueGap || p.start-a.Sentences[sp].Start > 3 {
		return false
	}
	gap := outsideWords(a, last.end, p.start, nil)
	for _, w := range gap {
		if cueVerbs()[w] || w == "according" {
			return !ownSpeaker(a, p, sp, gap)
		}
	}
	return false
}

// ownSpeaker reports whether piece p, in sentence sp of a, has a cue of
// its own after it that names another person than the cue gap before it
// (`"A," said Sen. Susan Collins. "B," added Rep. Cathy Rodgers.`: two
// quotations).
func ownSpeaker(a *news.Article, p piece, sp int, gap []string) bool {
	after := append([]string{qmark}, outsideWords(a, p.end, a.Sentences[sp].End, nil)...)
	own, ok := cueSpeaker(after, 0)
	if !ok || inLower(pronouns(), own) || !capitalized(own[strings.LastIndex(own, " ")+1:]) {
		return false
	}
	before, ok := cueSpeaker(append([]string{qmark}, gap...), 0)
	if !ok || inLower(pronouns(), before) {
		return false
	}
	return own[strings.LastIndex(own, " ")+1:] != before[strings.LastIndex(before, " ")+1:]
}

// pronounAt returns the byte offset of the last pronoun p ("he", "she",
// any case, as a whole word) in a.Text[from:at], else at: "he" or "she"
// stands for a person named before the pronoun itself, not one named
// between it and the quotation ("Though she called Wells Fargo's
// behavior “outrageous”").
func pronounAt(a *news.Article, from, at int, p string) int {
	text := strings.ToLower(a.Text[from:at])
	p = strings.ToLower(p)
	for end := len(text); end > 0; {
		i := strings.LastIndex(text[:end], p)
		if i < 0 {
			break
		}
		j := i + len(p)
		if (i == 0 || !isWordByte(text[i-1])) && (j == len(text) || !isWordByte(text[j])) {
			return from + i
		}
		end = i
	}
	return at
}

// lone reports whether the quotation opening in sentence s0 of a follows
// a sentence without quotation marks, with no quotation (the one before
// ended at prevEnd, -1: none) in it or in the sentence just before it.
func lone(a *news.Article, s0, prevEnd int) bool {
	return s0 > 0 && (prevEnd < 0 || sentenceAt(a, prevEnd) < s0-1) && !strings.ContainsAny(a.Sentences[s0-1].Text, "\"“”")
}

// reportedSpeaker returns the speaker of the speech cue of sentence si
// of a, the last cue first (`The talks may wait, Schiff said.`), "" when
// it has none.
func reportedSpeaker(a *news.Article, si int) string {
	who, _ := cueSpeaker(outsideWords(a, a.Sentences[si].Start, a.Sentences[si].End, nil), -1)
	return who
}

// sameSentence reports whether pieces last and p are in one sentence.
func sameSentence(a *news.Article, last, p piece) bool {
	return last.para == p.para && sentenceAt(a, max(last.start, last.end-1)) == sentenceAt(a, p.start)
}

// otherCue returns the speakers as written when piece p, in the
// sentence of pieces, has a cue of its own just before it that names
// another speaker (two) than the cue of pieces (one): `Cruz said he'd
// make sand "glow in the dark," and Trump vowed to "bomb the hell" out
// of them`, `"You winning?" she said, but as Trump went on about "how
// the system is rigged"` are two quotations each. Both are "" otherwise.
func otherCue(a *news.Article, pieces []piece, p piece) (one, two string) {
	last := pieces[len(pieces)-1]
	si := sentenceAt(a, max(last.start, last.end-1))
	gap := outsideWords(a, last.end, p.start, nil)
	j := -1
	for k := len(gap) - 1; k >= 0 && len(gap)-k <= 3; k-- {
		if lw := strings.ToLower(gap[k]); gap[k] == lw && cueVerbs()[lw] && lw != "according" {
			j = k
			break
		}
	}
	if j < 1 {
		return "", ""
	}
	two = speakerAt(append(slices.Clone(gap), qmark), j)
	if two == "" || !capitalized(two[strings.LastIndex(two, " ")+1:]) {
		return "", ""
	}
	cut := j - len(strings.Fields(two))
	for cut > 0 && (inLower(conjunctions(), gap[cut-1]) || inLower(subordinators(), gap[cut-1]) || gap[cut-1] == ",") {
		cut--
	}
	if cut < 0 || !strings.HasSuffix(strings.Join(gap[:j], " "), two) {
		return "", "" // the speaker is not the words just before the verb
	}
	// The cue of pieces is near the last one: words from at most
	// maxCueGap bytes before it, so that a sentence of many pieces stays
	// linear.
	from := max(a.Sentences[si].Start, last.start-maxCueGap)
	k := len(pieces) - 1
	for k > 0 && pieces[k-1].end > from {
		k--
	}
	if pieces[k].start < from {
		from = pieces[k].end
		k++
	}
	words := outsideWords(a, from, last.end, pieces[k:])
	q := len(words) - 1 // the last piece
	words = append(words, gap[:cut]...)
	one, ok := cueSpeaker(words, q)
	if !ok || one == "" || strings.EqualFold(one[strings.LastIndex(one, " ")+1:], two[strings.LastIndex(two, " ")+1:]) {
		return "", ""
	}
	return one, two
}

// maxParagraphLook is the most sentences of the paragraph before that
// paragraphSubject reads.
const maxParagraphLook = 4

// paragraphSubject returns the person that the first sentence of the
// paragraph before sentence s0 of a is about (its subject, one of
// people), when that paragraph holds no quotation mark and at most
// maxParagraphLook sentences; "" otherwise.
func paragraphSubject(a *news.Article, s0 int, people []string) string {
	if s0 == 0 {
		return ""
	}
	p := a.Sentences[s0-1].Paragraph
	if p == a.Sentences[s0].Paragraph {
		return ""
	}
	k := s0 - 1
	for k > 0 && a.Sentences[k-1].Paragraph == p {
		k--
	}
	if s0-k > maxParagraphLook {
		return ""
	}
	for i := k; i < s0; i++ {
		if strings.ContainsAny(a.Sentences[i].Text, "\"“”") {
			return ""
		}
	}
	who := personSubject(outsideWords(a, a.Sentences[k].Start, a.Sentences[k].End, nil), people)
	if who == "" || inLower(pronouns(), who) || !capitalized(who) {
		return ""
	}
	return who
}
