package clean

import (
	"encoding/binary"
	"math/bits"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// rule drops a block when drop returns true. Rules run in order; the first
// that drops a block names the drop. A rule may record metadata in st.
type rule struct {
	name string
	kind Kind
	drop func(st *state, b block) bool
	// textOnly skips the rule on go-trafilatura's content, where its
	// evidence is weak: the extractor has already cut the page's menus
	// and debris, and the rule drops more article than furniture there
	// (measured with tidings eval-pages).
	textOnly bool
}

// state is what the rules know while walking one article's blocks.
type state struct {
	index  int // index of the block in the input
	kept   int // blocks kept so far
	meta   Meta
	seen   map[string]bool
	inList bool // inside a "Read more:" list of other headlines
	// promoList says the list was opened by a "Read more"-style phrase,
	// not by a bare line ending in a colon ("Tour itinerary:").
	promoList bool
	html      bool   // the blocks are go-trafilatura's content, not copied text
	title     string // the headline the input gave, or ""

	// The last block's text in lower case and normalized (see lower and
	// norm), and the lists of rulePhrases its lower case holds (see
	// phrases): several rules read them, computed once per block.
	lowerOf, lowerText string
	normOf, normText   string
	phrasesOf          string
	phraseBits         uint8
	gramsOf            string // the lower case gramText summarizes
	gramText           grams
	spacedOf           string // the text singleSpaced read, and its answer
	spaced             bool
}

// phrases returns the bits of the lists of rulePhrases that lower, a
// block in lower case, holds a phrase of, computed once for the block the
// rules are reading (st may be nil).
func (st *state) phrases(lower string) uint8 {
	if st == nil {
		return rulePhrases().match(lower)
	}
	if lower != st.phrasesOf || st.phrasesOf == "" {
		st.phrasesOf, st.phraseBits = lower, rulePhrases().matchIn(lower, st.grams(lower))
	}
	return st.phraseBits
}

// grams returns the summary (see [grams]) of lower, a block in lower case,
// made once for the block the rules are reading (st may be nil).
//
// The rules also ask it about their block's own text, which it answers
// too: strings.ToLower keeps every ASCII byte but the capitals (which it
// lowers) and every rune that is its own lower case and no other rune's
// ("©", "»", "•"), and makes no ASCII byte but a letter, so a text holds
// a string of those (ASCII without capitals, "©", " » ") only when its
// lower case does, and the same ASCII bytes other than letters.
func (st *state) grams(lower string) *grams {
	if st == nil {
		g := new(grams)
		g.fill(lower)
		return g
	}
	if lower != st.gramsOf || st.gramsOf == "" {
		st.gramsOf = lower
		st.gramText.fill(lower)
	}
	return &st.gramText
}

// lower returns strings.ToLower(text), computed once for the block the
// rules are reading (st may be nil).
func (st *state) lower(text string) string {
	if st == nil {
		return strings.ToLower(text)
	}
	if text != st.lowerOf {
		st.lowerOf, st.lowerText = text, lowerText(text)
	}
	return st.lowerText
}

// lowerText returns strings.ToLower(s), reading an ASCII s eight bytes at
// a time (a capital is its letter with bit 0x20 set); other text goes to
// lowerRunes. Like strings.ToLower it returns s itself when s is ASCII
// without capitals.
func lowerText(s string) string {
	var seen, upper uint64 // the bytes of s or'ed, and its capitals
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i:])
		seen |= x
		upper |= inRange(x, 'A', 'Z') // meaningless unless x is ASCII
	}
	for ; i < len(s); i++ {
		c := s[i]
		seen |= uint64(c)
		if 'A' <= c && c <= 'Z' {
			upper = 1
		}
	}
	if seen&highBits != 0 {
		return lowerRunes(s)
	}
	if upper == 0 {
		return s
	}
	b := make([]byte, len(s))
	for i = 0; i+8 <= len(s); i += 8 {
		x := load64(s[i:])
		binary.LittleEndian.PutUint64(b[i:], x|inRange(x, 'A', 'Z')>>2)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	// b is new and never written again (as in normalize).
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// lowerRunes returns strings.ToLower(s) for s that is not all ASCII:
// strings.Map(unicode.ToLower, s), each rune lowered and each invalid
// byte made U+FFFD, with runs of eight ASCII bytes lowered at once.
func lowerRunes(s string) string {
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s[i:]); x&highBits == 0 {
				b = binary.LittleEndian.AppendUint64(b, x|inRange(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// norm returns normalize(text), computed once for the block the rules
// are reading (st may be nil).
func (st *state) norm(text string) string {
	if st == nil {
		return normalize(text)
	}
	if text != st.normOf {
		// A block whose words are single-spaced is its own
		// strings.Join(strings.Fields(text), " "): its normal form is its
		// lower case, which the rules have made already.
		if st.singleSpaced(text) {
			st.normOf, st.normText = text, st.lower(text)
		} else {
			st.normOf, st.normText = text, normalize(text)
		}
	}
	return st.normText
}

// singleSpaced returns singleSpaced(text), found once for the block the
// rules are reading (st may be nil).
func (st *state) singleSpaced(text string) bool {
	if st == nil {
		return singleSpaced(text)
	}
	if text != st.spacedOf || text == "" {
		st.spacedOf, st.spaced = text, singleSpaced(text)
	}
	return st.spaced
}

// apply runs the rules on b and returns the name of the rule that labelled
// it and the kind it gave, or "" and Body when no rule did.
func (st *state) apply(b block) (string, Kind) {
	name, kind := "", Body
	for _, r := range rules {
		if st.html && r.textOnly {
			continue
		}
		if r.drop(st, b) {
			name, kind = r.name, r.kind
			break
		}
	}
	if !kind.InArticle() {
		return name, kind
	}
	st.inList = false
	if kind == Body {
		st.kept++
	}
	if st.seen == nil {
		st.seen = make(map[string]bool)
	}
	st.seen[st.norm(b.text)] = true
	return name, kind
}

// rules is the ordered list of block rules for scraped news text. The
// patterns come from reading the pages of the Multi-News development set
// and of common news sites (AP, Reuters, BBC, US metro papers).
var rules = []rule{
	{"source-line", Dateline, dropSourceLine, false},
	{"dateline-line", Dateline, dropDatelineLine, false}, // before byline and symbols, which take its date
	{"byline", Byline, dropByline, false},                // before symbols: a date line is mostly digits
	{"symbols", Debris, dropSymbols, true},
	{"navigation", Navigation, dropNavigation, true},
	{"caption-credit", Caption, dropCaptionCredit, false},
	{"gallery-caption", Caption, dropGalleryCaption, false},
	{"site-notice", Legal, dropSiteNotice, false},
	{"repeated-caption", Caption, dropRepeatedCaption, false},
	{"comments-marker", Comments, dropCommentsMarker, false},
	{"legal-notice", Legal, dropLegalNotice, false},
	{"job-ad", Advertisement, dropJobAd, false},
	{"promotion", Promotion, dropPromotion, false},
	{"see-also", Promotion, dropSeeAlso, false},
	{"social", Social, dropSocial, true},
	{"read-more-list", Promotion, dropReadMoreList, false},
	{"first-line", Title, dropHeadline, true},
	{"repeated-block", Debris, dropRepeatedBlock, false},
	{"lone-word", Debris, dropLoneWord, true},
	{"section-heading", Heading, dropSectionHeading, false},
}

// dropSymbols drops separators and debris: "___", "***", "3:4 ,af- .9.-"
// (blocks where letters are under half of the visible characters); a
// row of a table in bare text comes back (see keepTableRows).
func dropSymbols(_ *state, b block) bool {
	letters, visible := 0, 0
	for i := 0; i < len(b.text); {
		if i+8 <= len(b.text) {
			// Eight ASCII bytes at once: those not white space are
			// visible, and the letters among them counted.
			if x := load64(b.text[i:]); x&highBits == 0 {
				visible += 8 - bits.OnesCount64(spaceBytes(x))
				letters += bits.OnesCount64(inRange(x|0x2020202020202020, 'a', 'z'))
				i += 8
				continue
			}
		}
		if c := b.text[i]; c < utf8.RuneSelf {
			i++
			k := symbolClass[c]
			visible += int(k & 1)
			letters += int(k >> 1)
			continue
		}
		r, size := utf8.DecodeRuneInString(b.text[i:])
		i += size
		if unicode.IsSpace(r) {
			continue
		}
		visible++
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters*2 < visible
}

// symbolClass is, for each ASCII byte, 1 when it is visible (not white
// space) plus 2 when it is a letter: what dropSymbols counts.
var symbolClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if !asciiSpace[c] {
			t[c] = 1
		}
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			t[c] |= 2
		}
	}
	return t
}()

// maySourceLine reports whether sourceLine can match t: t opens with the
// first letter of one of its words in either case ("ſ", the long s, folds
// to "s" too) and holds a colon.
func maySourceLine(t string) bool {
	if t == "" || strings.IndexByte(t, ':') < 0 {
		return false
	}
	switch t[0] {
	case 's', 'S', 'o', 'O', 'p', 'P':
		return true
	}
	return strings.HasPrefix(t, "ſ")
}

var sourceLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:source|outlet|publisher|publication)\s*:\s*(.{2,80})$`)
})

// dropSourceLine takes a "Source: BBC News" header line as the outlet.
func dropSourceLine(st *state, b block) bool {
	if !maySourceLine(b.text) {
		return false
	}
	m := sourceLine().FindStringSubmatch(b.text)
	if m == nil {
		return false
	}
	if st.meta.Outlet == "" {
		st.meta.Outlet = strings.TrimSpace(m[1])
	}
	return true
}

var (
	// "By Paul Richter", "BY JANE DOE, Associated Press", "Written by ...".
	bylineRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:(?:By|BY|Written by|Story by)\s+)([A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|and|de|van|von|del|la))*)(?:\s*(?:,|\||and)\s*(.*))?$`)
	})

	// "March 30, 2014|By Paul Richter" (Los Angeles Times pages).
	dateByline = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.{6,40}?)\s*\|\s*(?:By|BY)\s+(.+)$`) })

	// "Posted: ...", "Updated 5:07 PM ET", "Published 2014-03-30".
	stampLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?i:posted|published|updated|last updated|first published)\b[: ]`)
	})

	// Wire names that end a byline: "By Jane Doe, Associated Press".
	wireNames = []string{"Associated Press", "Reuters", "AFP", "Agence France-Presse", "Bloomberg"}
)

// dropByline lifts bylines and date stamps into metadata.
func dropByline(st *state, b block) bool {
	if b.words > 14 {
		return false
	}
	// Each pattern needs its mark: "|", or a "By"-like first word.
	if !strings.Contains(b.text, "|") {
	} else if m := dateByline().FindStringSubmatch(b.text); m != nil {
		if d, ok := parseDate(m[1]); ok && st.meta.Date.IsZero() {
			st.meta.Date = d
		}
		st.setAuthor(m[2])
		return true
	}
	if !hasBylineStart(b.text) {
	} else if m := bylineRe().FindStringSubmatch(b.text); m != nil {
		st.setAuthor(m[1])
		for _, w := range wireNames {
			if strings.Contains(m[2], w) && st.meta.Outlet == "" {
				st.meta.Outlet = w
			}
		}
		return true
	}
	if opensWith(b.text, stampLineFirst) && stampLine().MatchString(b.text) {
		if d, ok := findDate(b.text); ok && st.meta.Date.IsZero() {
			st.meta.Date = d
		}
		return true
	}
	if d, ok := parseDate(strings.TrimSpace(b.text)); ok {
		if st.meta.Date.IsZero() {
			st.meta.Date = d
		}
		return true
	}
	return false
}

func hasBylineStart(t string) bool {
	return strings.HasPrefix(t, "By") || strings.HasPrefix(t, "BY") || strings.HasPrefix(t, "Written") || strings.HasPrefix(t, "Story")
}

func (st *state) setAuthor(a string) {
	a = strings.TrimSpace(strings.TrimRight(a, ",;|"))
	if st.meta.Author == "" && a != "" {
		st.meta.Author = a
	}
}

// navigationStarts are the words navigation's match begins with.
var navigationStarts = []string{"you are here", "skip to", "jump to", "home", "back to top", "main menu", "toggle navigation",
	"news", "sport", "business", "politics", "world", "opinion", "video"}

// mayStartNavigation reports whether navigation can match text: its first
// 24 bytes, in ASCII, begin with one of navigationStarts in any case (the
// longest is 17 bytes). When they hold another byte, the expression
// decides (its case folding reads "ſ" as "s" and the Kelvin sign as "k").
func mayStartNavigation(text string) bool {
	var buf [24]byte
	n := min(len(text), len(buf))
	for i := range n {
		c := text[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	for _, w := range navigationStarts {
		if len(w) <= n && string(buf[:len(w)]) == w {
			return true
		}
	}
	return false
}

var navigation = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(you are here|skip to|jump to|home\s*[>|»/]|back to top|main menu|toggle navigation)|(home|news|sport|sports|business|politics|world|opinion|video)(\s*[|>»•]\s*\w+){2,})`)
})

// dropNavigation drops breadcrumbs and menus: "YOU ARE HERE: LAT Home →
// Collections", "Home | News | World".
func dropNavigation(st *state, b block) bool {
	// The expression is anchored at the start; "homecollections" (a
	// site's menu run together) may be anywhere. (A text holding it in
	// any case holds it in lower case, so its grams pass it.)
	g := st.grams(st.lower(b.text))
	if mayStartNavigation(b.text) && navigation().MatchString(b.text) ||
		g.mayHold("homecollections") && containsFold(b.text, "homecollections") {
		return true
	}
	// A line of many short items joined by separators.
	seps := 0
	for _, sep := range []string{" | ", " » ", " • "} {
		if g.mayHold(sep) {
			seps += strings.Count(b.text, sep)
		}
	}
	return seps >= 3 && !endsSentence(b.text)
}

var (
	// Photo credits as printed by wires and papers: "REUTERS/Name",
	// "(AP Photo/Name)", "(David M Warren / Staff Photographer)", "Getty
	// Images", "(Associated Press)" at the end of a caption.
	creditRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(reuters|afp|ap|epa|getty images|xinhua|ap photo)\s*/\s*\p{L}|\p{L}\s*/\s*(reuters|afp|getty images|ap|epa|staff photographer|the [\p{L} ]+)\)?\s*$|\((ap photo|photo|photograph|image|credit)[^)]*\)|\(associated press\)\s*$|getty images|image copyright|photo credit|^(photo|photograph|image|pictured|above|top|file photo)\s*:`)
	})

	// A credit in parentheses closing a caption: "(Priya Nand / Northshore
	// Daily)", "(David M Warren / Staff Photographer)".
	trailingCredit = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\(\s*[\p{Lu}][^()/]{1,60}\s/\s[^()/]{2,60}\)\s*$`) })

	// A credit in the words of other languages, opening a short block
	// ("Foto: Christof Stache", "Bild: Jahr Media", "Titelbild: ...",
	// "Zdjęcie: ...") or closing it ("Roman Prymula, photo: Archives",
	// "... im Überblick. (Foto: Getty)", "(crédito: Name/Agency)").
	creditWords = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|[\s(,.|/–-])(?:foto|fotos|fotografie|bild|bilder|titelbild|beitragsbild|headerbild|symbolbild|photo|photos|crédito|créditos|crédit|crédit photo|credit|credits|zdjęcie|fot\.|foto de|imagen|immagine|bildquelle|fotoquelle)\s*(?::|©)\s*\S[^.!?]{0,80}$`)
	})

	// Stock agencies and picture services named in a credit.
	stockCredit = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)shutterstock|istockphoto|\bistock\b|picture[- ]alliance|imago images|adobe ?stock|unsplash|pixabay|\bdpa\s*/|/\s*dpa\b|\bbild via\b`)
	})

	// A lone credit: "Jonathan Ernst/Reuters".
	loneCredit = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[\p{Lu}][\p{L}.'-]*(\s+[\p{Lu}][\p{L}.'-]*){0,3}\s*/\s*[\p{Lu}][\p{L} ]{1,30}$`)
	})
)

// dropCaptionCredit drops photo captions, recognised by their credit line.
// Long blocks are spared: a credit inside real prose is rare, and cleaning
// must never drop real content.
func dropCaptionCredit(st *state, b block) bool {
	if b.words > 70 {
		return false
	}
	// Every credit pattern needs one of these; most prose has none, and
	// the patterns are slow to try.
	lower := st.lower(b.text)
	g := st.grams(lower)
	if !g.hasAnyByte("/(:") && !g.contains(lower, "getty images") &&
		!g.contains(lower, "image copyright") && !g.contains(lower, "photo credit") &&
		!g.contains(lower, "©") && !g.contains(lower, "shutterstock") && !g.contains(lower, "bild via") {
		return false
	}
	if mayBeCredit(b.text, lower, g) && (creditRe().MatchString(b.text) || trailingCredit().MatchString(b.text) || loneCredit().MatchString(b.text)) {
		return true
	}
	if b.words > 40 {
		return false
	}
	return mayNameCredit(lower, g) && creditWords().MatchString(b.text) || mayNameStock(lower, g) && stockCredit().MatchString(b.text)
}

// mayBeCredit reports whether creditRe, trailingCredit or loneCredit can
// match t (lower is t in lower case, g its summary): all but a few of their patterns
// need a slash, and those few need a parenthesis before a credit word, a
// credit phrase or a credit word before a colon opening t. (A long s,
// "ſ", matches "s" in the case-insensitive patterns and stays itself in
// lower case: t holding one is tried.)
func mayBeCredit(t, lower string, g *grams) bool {
	if g.hasByte('/') && creditSlash(t) || g.contains(lower, "ſ") {
		return true
	}
	for _, w := range []string{"(ap photo", "(photo", "(image", "(credit", "(associated press)", "getty images", "image copyright", "photo credit"} {
		if g.contains(lower, w) {
			return true
		}
	}
	if !g.hasByte(':') {
		return false
	}
	for _, w := range []string{"photo", "image", "pictured", "above", "top", "file photo"} {
		if strings.HasPrefix(lower, w) {
			return true
		}
	}
	return false
}

// creditSlash reports whether t holds a slash that the credit patterns
// which need one can match at: with white space (\s) on both sides, as
// in trailingCredit's " / ", or with a letter, a full stop, an
// apostrophe or a hyphen as the last byte before it past white space
// (the end of the name or wire before a credit's slash in creditRe and
// loneCredit; any byte that is not ASCII may be a letter's). A slash in
// a link ("http : //www.example.org") is none.
func creditSlash(t string) bool {
	for i := strings.IndexByte(t, '/'); i >= 0; {
		j := i
		for j > 0 && reSpace(t[j-1]) {
			j--
		}
		if j < i && i+1 < len(t) && reSpace(t[i+1]) {
			return true
		}
		if j > 0 {
			if c := t[j-1]; c >= utf8.RuneSelf || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '.' || c == '\'' || c == '-' {
				return true
			}
		}
		k := strings.IndexByte(t[i+1:], '/')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// reSpace reports whether c is white space to a regular expression's \s.
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// mayNameStock reports whether stockCredit can match lower (g is its
// summary).
func mayNameStock(lower string, g *grams) bool {
	for _, w := range []string{"stock", "alliance", "imago", "unsplash", "pixabay", "dpa", "bild via"} {
		if g.contains(lower, w) {
			return true
		}
	}
	return false
}

// mayNameCredit reports whether creditWords can match lower, a block in
// lower case (g its summary), so that most blocks skip it.
func mayNameCredit(lower string, g *grams) bool {
	for _, w := range []string{"foto", "bild", "photo", "crédit", "credit", "zdjęcie", "fot.", "imagen", "immagine"} {
		if g.contains(lower, w) {
			return true
		}
	}
	return false
}

// galleryCaption is the text of a photo-gallery widget: "Hide Caption 5
// of 23 Photos: ...", as scraped from CNN-style galleries, or "1 of 26
// Full Screen Autoplay Close Skip Ad × TITLE View Photos ... Caption ...
// Buy Photo Wait 1 second to continue." as one block from a newspaper's
// gallery; a gallery's opening block ("Photos: ... Click through the
// gallery ...") goes too.
var galleryCaption = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(hide|show|expand) caption \d+ of \d+\b|\d+ of \d+ full screen autoplay\b)`)
})

// dropGalleryCaption drops the captions of a photo-gallery widget: its
// numbered captions, its opening block ("Photos: TITLE Photos: TITLE
// ...", the label twice, or "Click through the gallery") and a caption
// block that ends in the gallery's controls ("Image 1 of / 47 Caption
// Close ... Back to Gallery").
func dropGalleryCaption(_ *state, b block) bool {
	if opensWith(b.text, galleryCaptionFirst) && galleryCaption().MatchString(b.text) {
		return true
	}
	if strings.HasPrefix(b.text, "Photos:") {
		head := b.text[:min(len(b.text), 400)]
		if strings.Contains(b.text, "Click through the gallery") || strings.Count(head, "Photos:") >= 2 {
			return true
		}
	}
	return strings.HasSuffix(strings.TrimRight(b.text, " ."), "Back to Gallery")
}

// siteNotices are phrases of the notices that web platforms put on a page
// about themselves rather than about the story, found on pages scraped
// with the article: the Internet Archive's crawl notice ("Starting in
// 1996, Alexa Internet has been donating their crawl data to the Internet
// Archive", "These crawls are part of an effort to archive pages", "Crawls
// of supported "No More 404" sites"), Twitter's location notice on a page
// of embedded tweets ("When you tweet with a location, Twitter stores that
// location"), a video player's fallback text ("The interactive transcript
// could not be loaded"), a reprint notice ("This copy is for your
// personal, non-commercial use only") and a news service's notice of how
// to buy the article ("(To publish this article, it must be purchased _
// the rate is not prohibitive _ from New York Times Syndicate sales
// representative ...)", "NONSUBSCRIBERS: ... Please contact one of these
// sales representatives:", "--Latin America: NAME in New York, 212-...;
// fax, ...").
var siteNotices = []string{
	"donating their crawl data to the internet archive",
	"these crawls are part of an effort to archive pages",
	"no more 404", "added to the wayback machine",
	"internet archive hopes that references",
	"when you tweet with a location", "add location information to your tweets",
	"option to delete your location history", "option to delete your tweet location history",
	"the interactive transcript could not be loaded",
	"rating is available when the video has been rented",
	"this feature is not available right now",
	"this copy is for your personal, non-commercial use only",
	"it must be purchased", "contact one of these sales representatives",
	"verify you're not a robot", "invalid email address", "thank you for subscribing",
	"you must select a newsletter",
}

// salesContact is a line of a news service's sales notice: a region, a
// representative and a fax number.
var salesContact = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^--[\p{L} .,]+:.*\bfax\b`) })

// dropSiteNotice drops a block of at most 150 words (the longest notice
// is about 110) holding one of siteNotices.
func dropSiteNotice(st *state, b block) bool {
	if b.words > 150 {
		return false
	}
	if st.phrases(st.lower(b.text))&siteNoticeBit != 0 {
		return true
	}
	return strings.HasPrefix(b.text, "--") && salesContact().MatchString(b.text)
}

// dropRepeatedCaption drops a block made of the same text twice, the way
// scraped photo captions appear ("X is greeted by Y at Z. X is greeted by Y
// at Z.").
func dropRepeatedCaption(st *state, b block) bool {
	t := b.text
	if !st.singleSpaced(t) {
		t = strings.Join(strings.Fields(t), " ")
	}
	n := len(t)
	if n < 20 {
		return false
	}
	for _, cut := range []int{n / 2, n/2 + 1, n/2 - 1} {
		if cut <= 0 || cut >= n {
			continue
		}
		a, c := strings.TrimSpace(t[:cut]), strings.TrimSpace(t[cut:])
		if a == c {
			return true
		}
	}
	return false
}

// singleSpaced reports whether s is strings.Join(strings.Fields(s), " "):
// words joined by single ASCII spaces, none at either end.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) {
			// Eight ASCII bytes at once: no white space but single
			// spaces, none followed by a space (the last one's next byte
			// exists, since s does not end in a space).
			if x := load64(s[i:]); x&highBits == 0 {
				sp := inRange(x, ' ', ' ')
				if inRange(x, '\t', '\r') != 0 || sp&(sp>>8) != 0 || sp>>63 != 0 && s[i+8] == ' ' {
					return false
				}
				i += 7 // and the loop's 1
				continue
			}
		}
		switch c := s[i]; {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c >= utf8.RuneSelf:
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
		case asciiSpace[c]:
			return false
		}
	}
	return true
}

var (
	// Promotions, widgets and calls to action seen on news pages, in
	// three parts so that a block is not scanned by one large
	// case-insensitive pattern (cleaning spent most of its time there):
	// phrases found anywhere (compared in lower case), patterns that open
	// a block, and a few patterns found anywhere, tried only when a cheap
	// check says they can match.
	promoPhrases = []string{
		"sign up for", "sign up to", "subscribe to", "subscribe now", "subscribe for",
		"newsletter", "click here", "like us on facebook", "share this", "share on",
		"read or share this story", "story continues below", "for more on this story",
		"download our app", "download the app",
		"your browser", "javascript", "contributed to this report",
		"contributed to the report", "contributed this report", "contributed the report",
		"can be reached at", "full screen autoplay", "just watched", "replay more videos",
		"photo and graphics information", "syndicate web site", "submit your questions", "comment box is open",
		"leave a comment", "comments are closed", "have more to say about this",
		"video unavailable", "tap to play",
	}
	promoStart = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:email this|play (?:facebook|twitter|video)|watch(?: the)? video|(?:video|watch|listen|photos?|gallery|slideshow)\s*:|jobs\b|\[?related|(?:read|see) (?:more|also)|more (?:from|on|about|:)|also (?:read|see)|recommended|trending|most (?:read|popular)|\(soundbite|\[.*\]$|[A-Z ]+, (?:HOST|BYLINE):|view (?:images|photos)\b|editors?:)`)
	})

	promoAnywhere = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)follow (?:us|him|her|them|@\w+)\b|©\s*\d{4}|\bskip ad\b|wait \d+ seconds? to continue|\bbuy photo\b`)
	})

	// Intros of a list of other stories' headlines in the languages of
	// the pages we read, as a line of their own ("Lesen Sie auch", "À
	// lire aussi", "Czytaj także", "Noticias relacionadas") or before a
	// headline on the same line ("À lire aussi » Headline").
	listIntroWords = `(?:lesen sie auch|lies auch|auch interessant|das könnte (?:dich|sie|euch) auch interessieren|verwandte (?:artikel|beiträge|themen)|ähnliche (?:artikel|beiträge)|weitere (?:artikel|beiträge|nachrichten|meldungen|themen)|mehr zum thema|neueste (?:beiträge|artikel)|aktuelle beiträge|aktuellste beiträge|beliebte (?:beiträge|artikel|tags)|meistgelesen|meistgelesene artikel|à lire aussi|a lire aussi|lire aussi|voir aussi|sur le même sujet|articles similaires|articles récents|derniers articles|lea también|lee también|lea más|le puede interesar|te puede interesar|también te puede interesar|noticias relacionadas|artículos relacionados|leia também|veja também|notícias relacionadas|leggi anche|articoli correlati|czytaj (?:też|także|również)|zobacz (?:też|także|również)|polecamy|najnowsze wpisy|podobne (?:artykuły|wpisy)|related posts|recent posts|popular posts|latest news|latest posts|you might also like|more stories|more news|top stories)`

	listIntroIntl = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^` + listIntroWords + `\s*[:.…»>]*$`)
	})

	listIntroBefore = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^` + listIntroWords + `\s*[:»>|–-]\s*\S`)
	})

	// Intros of a list of other stories' headlines.
	listIntro = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(\[?related( stories| coverage| articles)?|read more|see also|more (from|on|about)\b.*|also read|recommended|more stories|most read|trending|you may also like|more)\s*:?\]?$`)
	})
)

// commentsMarker opens a page's comments section: "13 Comments", "Leave
// a Reply", "Kommentare (4)", "Laisser un commentaire", "Komentarze",
// "评论" — the words of the comment forms of the common blog and news
// platforms in the languages of the pages we read.
var commentsMarker = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|komentarz[ey]?|comentarios?|reacties|responses?|antworten|replies|reactions?|评论|評論|留言)\s*(?:\(\d+\))?:?$|^(?i:leave a (?:reply|comment)|post a comment|add a comment|write a comment|schreibe einen kommentar|kommentar (?:schreiben|verfassen|hinterlassen)|einen kommentar hinterlassen|laisser un commentaire|ajouter un commentaire|dodaj komentarz|napisz komentarz|comments are closed|kommentare sind geschlossen|\d+ thoughts on\b.*|\d+ (?:gedanken|kommentare|antworten) zu\b.*)`)
})

// dropCommentsMarker labels the line that opens a comments section; the
// blocks after it are readers' comments (see mainRegion).
func dropCommentsMarker(_ *state, b block) bool {
	return b.words <= 8 && mayMarkComments(b.text) && commentsMarker().MatchString(b.text)
}

// commentsMarkerWords are the first words of commentsMarker's
// alternatives that open with a word of ASCII letters (see
// opensWithWord).
var commentsMarkerWords = map[string]bool{
	"comment": true, "comments": true, "kommentar": true, "kommentare": true, "commentaire": true, "commentaires": true,
	"komentarz": true, "komentarze": true, "komentarzy": true, "comentario": true, "comentarios": true, "reacties": true,
	"response": true, "responses": true, "antworten": true, "replies": true, "reaction": true, "reactions": true,
	"leave": true, "post": true, "add": true, "write": true, "schreibe": true, "einen": true, "laisser": true,
	"ajouter": true, "dodaj": true, "napisz": true,
}

// mayMarkComments reports whether commentsMarker can match s: s opens
// with a digit (a count) or with one of commentsMarkerWords in any case,
// or may (see opensWithWord; its other alternatives open with Han
// characters).
func mayMarkComments(s string) bool {
	return s != "" && ('0' <= s[0] && s[0] <= '9' || opensWithWord(s, commentsMarkerWords))
}

// opensWith reports whether s opens with one of the ASCII bytes of first
// or with a byte that is not ASCII: the first bytes an anchored
// case-insensitive pattern can match, when first lists the first letters
// of its words in both cases (with "ſ" and the Kelvin sign, which fold to
// "s" and "k", left to the pattern as every other rune that is not ASCII).
func opensWith(s, first string) bool {
	return s != "" && (s[0] >= utf8.RuneSelf || strings.IndexByte(first, s[0]) >= 0)
}

// opensWithWord reports whether s, after one optional "[", opens with a
// word of words (ASCII, in lower case) in any case, or may: a word of
// ASCII letters can match one of an ASCII case-insensitive pattern only
// when it is that word in some case, but a letter that is not ASCII may
// fold to one ("ſee" matches "see"), so a word with one is let through.
// A case-insensitive pattern anchored at the start whose every
// alternative opens with one of words and then a byte that is no letter
// can match only where opensWithWord reports true.
func opensWithWord(s string, words map[string]bool) bool {
	s = strings.TrimPrefix(s, "[")
	var buf [16]byte
	n := 0
	for ; n < len(s); n++ {
		c := s[n]
		if c >= utf8.RuneSelf {
			return true
		}
		if c|0x20 < 'a' || c|0x20 > 'z' {
			break
		}
		if n == len(buf) {
			return false // longer than any word of such a pattern
		}
		buf[n] = c | 0x20
	}
	return words[string(buf[:n])]
}

// listIntroFirstWords are the first words of listIntro's alternatives
// (see opensWithWord).
var listIntroFirstWords = map[string]bool{
	"related": true, "read": true, "see": true, "more": true, "also": true,
	"recommended": true, "most": true, "trending": true, "you": true,
}

// The first bytes stampLine and galleryCaption can match (see opensWith).
const (
	stampLineFirst      = "pPuUlLfF"
	galleryCaptionFirst = "0123456789hHsSeE"
)

// legalPhrases are the phrases of copyright, privacy and cookie notices,
// in English, German, French, Polish and Chinese.
var legalPhrases = []string{
	"all rights reserved", "copyright ©", "this material may not be published", "privacy policy", "terms of use",
	"terms of service", "alle rechte vorbehalten", "datenschutzerklärung", "nutzungsbedingungen",
	"tous droits réservés", "politique de confidentialité", "mentions légales",
	"wszelkie prawa zastrzeżone", "polityka prywatności", "版权所有", "版權所有",
}

// cookieWords are the words a cookie notice says with "cookie".
var cookieWords = []string{"use", "accept", "consent", "agree", "settings", "verwende", "akzept", "zustimm",
	"einverstanden", "einstellungen", "utilis", "accepte", "używa", "zgod", "使用"}

// dropLegalNotice labels copyright lines and privacy and cookie notices of
// at most 80 words.
func dropLegalNotice(st *state, b block) bool {
	if b.words > 80 {
		return false
	}
	lower := st.lower(b.text)
	if st.phrases(lower)&legalPhraseBit != 0 {
		return true
	}
	g := st.grams(lower)
	if g.contains(lower, "cookie") {
		for _, w := range cookieWords {
			if g.contains(lower, w) {
				return true
			}
		}
	}
	if !g.contains(b.text, "©") && !g.contains(lower, "(c)") && !g.contains(lower, "copyright") {
		return false
	}
	return copyrightLine().MatchString(b.text)
}

// copyrightLine is a short line that names a copyright: "© 2023 The
// Independent", "Copyright 2014 Los Angeles Times".
var copyrightLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright\b)|^.{0,60}(?:©|\bcopyright\s*(?:©\s*)?(?:19|20)\d\d)`)
})

// jobPhrases mark a job listing or a block of job ads.
var jobPhrases = []string{"apply now", "job openings", "job listings", "job alert", "stellenangebote", "offres d'emploi", "we are hiring", "jetzt bewerben"}

// dropJobAd labels job listings and advertisement labels.
func dropJobAd(st *state, b block) bool {
	if b.words > 40 {
		return false
	}
	lower := st.lower(b.text)
	if st.phrases(lower)&jobPhraseBit != 0 {
		return true
	}
	switch strings.Trim(lower, " -–—:[]()") {
	case "advertisement", "anzeige", "werbung", "publicité", "reklama", "广告", "sponsored", "ad":
		return true
	}
	return false
}

// seeAlso is a link to another story in the body: a word or three and a
// colon, then a headline ("Lea más: ...", "Mire: ...", "READ: ...",
// "Lesen Sie auch: ...").
var seeAlso = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\p{L}+(?:\s\p{L}+){0,3}\s?:\s+\S`) })

// dropSeeAlso labels a short "Word: Headline" link inside the body: at
// most 20 words with no final punctuation after the colon.
func dropSeeAlso(_ *state, b block) bool {
	if b.words > 20 || endsSentence(b.text) || strings.IndexByte(b.text, ':') < 0 || !seeAlso().MatchString(b.text) {
		return false
	}
	rest := b.text[strings.IndexByte(b.text, ':')+1:]
	return wordCount(rest) >= 3 && !strings.ContainsAny(rest, ":")
}

// dropPromotion drops calls to action, widgets, legal lines and "Read more:"
// lines. A "Read more:" line also opens a list of headlines (see
// dropReadMoreList).
func dropPromotion(st *state, b block) bool {
	if b.words > 40 {
		return false
	}
	intl := introFirstWords[firstWordLower(b.text)]
	if promo := opensWithWord(b.text, listIntroFirstWords) && listIntro().MatchString(b.text) || intl && b.words <= 6 && listIntroIntl().MatchString(b.text); promo || strings.HasSuffix(b.text, ":") && b.words <= 8 {
		st.inList, st.promoList = true, promo
		return true
	}
	lower := st.lower(b.text)
	return isPromotion(b.text, lower, st.grams(lower), st.phrases(lower)&promoPhraseBit != 0) || intl && b.words <= 30 && listIntroBefore().MatchString(b.text)
}

// introFirstWords are the first words of listIntroWords, so that most
// blocks skip its patterns.
var introFirstWords = map[string]bool{
	"lesen": true, "lies": true, "auch": true, "das": true, "verwandte": true, "ähnliche": true, "weitere": true,
	"mehr": true, "neueste": true, "aktuelle": true, "aktuellste": true, "beliebte": true, "meistgelesen": true,
	"meistgelesene": true, "à": true, "a": true, "lire": true, "voir": true, "sur": true, "articles": true,
	"derniers": true, "lea": true, "lee": true, "le": true, "te": true, "también": true, "noticias": true,
	"artículos": true, "leia": true, "veja": true, "notícias": true, "leggi": true, "articoli": true, "czytaj": true,
	"zobacz": true, "polecamy": true, "najnowsze": true, "podobne": true, "related": true, "recent": true,
	"popular": true, "latest": true, "you": true, "more": true, "top": true,
}

// firstWordLower returns the first run of letters of s in lower case.
func firstWordLower(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// promoFirstWords are the first words promoStart can match, so that most
// blocks skip it.
var promoFirstWords = map[string]bool{
	"email": true, "play": true, "watch": true, "video": true, "listen": true, "photo": true, "photos": true,
	"gallery": true, "slideshow": true, "jobs": true, "related": true, "read": true, "see": true, "more": true,
	"also": true, "recommended": true, "trending": true, "most": true, "view": true, "editor": true, "editors": true,
}

// mayStartPromo reports whether promoStart can match t (lower is t in
// lower case).
func mayStartPromo(t, lower string) bool {
	// Of the alternatives opening with "(" only "(soundbite" is left.
	// Two runes outside ASCII fold to ASCII letters under (?i): the long
	// s and the Kelvin sign; text holding either is let through.
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(") && len(t) > 1 && (t[1]|0x20 == 's' || t[1] >= utf8.RuneSelf) ||
		strings.Contains(lower, ", host:") || strings.Contains(lower, ", byline:") ||
		strings.Contains(t, "ſ") || strings.Contains(t, "\u212a") {
		return true
	}
	end := strings.IndexFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(lower)
	}
	if !promoFirstWords[lower[:end]] {
		return false
	}
	next, ok := promoNextWords[lower[:end]]
	// A word with its next words listed goes on with one of them; with no
	// rune that folds to an ASCII letter in the line, lower case is case
	// folding here. ("NAME, HOST:" was let through above.)
	if !ok {
		return true
	}
	for _, n := range next {
		if strings.HasPrefix(lower[end:], n) {
			return true
		}
	}
	return false
}

// promoNextWords are, for the first words of promoStart whose
// alternatives all go on with a space and a word, what follows them.
var promoNextWords = map[string][]string{
	"also": {" read", " see"}, "most": {" read", " popular"}, "more": {" from", " on", " about", " :"},
	"read": {" more", " also"}, "see": {" more", " also"}, "play": {" facebook", " twitter", " video"},
	"view": {" images", " photos"}, "email": {" this"},
}

// isPromotion reports whether t is a call to action, a widget or a legal
// line; lower is t in lower case, g its summary, and phrase says whether
// lower holds one of promoPhrases.
func isPromotion(t, lower string, g *grams, phrase bool) bool {
	if phrase {
		return true
	}
	if mayStartPromo(t, lower) && promoStart().MatchString(t) {
		return true
	}
	maybe := g.contains(lower, "follow ") || g.contains(lower, "©") || g.contains(lower, "skip ad") ||
		g.contains(lower, " second") && g.contains(lower, "wait ") || g.contains(lower, "buy photo")
	return maybe && promoAnywhere().MatchString(t)
}

var handle = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(^|\s)[@#]\w+`) })

// dropSocial drops embedded posts and handle lists: blocks where @handles
// and #tags are a quarter of the words, "pic.twitter.com" links, and "—
// Name (@handle) March 1, 2018" attributions.
func dropSocial(st *state, b block) bool {
	g := st.grams(st.lower(b.text))
	if g.contains(b.text, "pic.twitter.com") || b.words < 60 && g.contains(b.text, "(@") {
		return true
	}
	if !g.hasAnyByte("@#") {
		return false
	}
	n := len(handle().FindAllString(b.text, -1))
	return n > 0 && n*4 >= b.words
}

// dropReadMoreList drops the headlines that follow a "Read more:" line:
// short lines without final punctuation.
// In bare text, the rows of a table a bare colon line opens ("Tour
// itinerary:") come back (see keepTableRows).
func dropReadMoreList(st *state, b block) bool {
	return st.inList && isHeadlineLike(b.text, 25)
}

// dropHeadline takes the first block of the text (after header lines such
// as a byline) as the title when it is short and has no final punctuation.
func dropHeadline(st *state, b block) bool {
	if st.kept != 0 || st.meta.Title != "" || !isHeadlineLike(b.text, 25) || !sameTitle(b.text, st.title) {
		return false
	}
	st.meta.Title = b.text
	return true
}

// dropSectionHeading drops short lines without final punctuation inside
// the body: section headings, other stories' headlines, "MEDIA", speaker
// labels.
//
// A line of five words or more that ends in a colon introduces what
// follows ("The New York Times said in an editorial on Monday, Oct.
// 26:"): a sentence of the body.
func dropSectionHeading(_ *state, b block) bool {
	return isHeadlineLike(b.text, 12) && !(b.words >= 5 && strings.HasSuffix(b.text, ":"))
}

// dropLoneWord labels a one-word line without final punctuation ("AP",
// "Reddit", "Advertisement"): a label or a button, not a subheading.
func dropLoneWord(_ *state, b block) bool {
	return b.words == 1 && !endsSentence(b.text)
}

// dropRepeatedBlock drops a block already kept in this article (a page
// that carries its body twice, a pull quote).
func dropRepeatedBlock(st *state, b block) bool {
	return st.seen[st.norm(b.text)]
}

// isHeadlineLike reports whether s has at most maxWords words, does not end
// a sentence and is not a quotation or a clause cut at a comma.
func isHeadlineLike(s string, maxWords int) bool {
	// (endsSentence first: it is the cheapest test, and most blocks fail it.)
	if s == "" || endsSentence(s) && !(maxWords == 12 && isQuestionLine(s)) || wordsUpTo(s, maxWords+1) > maxWords {
		return false // an empty block is no headline (it panicked here)
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(",;\"“”'’", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(first)
}

// maxQuestionWords is the longest line ending in a question mark that may
// be a heading ("Why did the crossing stay closed?", "Schon gelesen?"):
// a question on a line of its own, short, heads what follows it or is a
// call to the reader; a longer one is a sentence of the text.
const maxQuestionWords = 10

// isQuestionLine reports whether s is a short question: at most
// maxQuestionWords words, ending in "?" and holding no other sentence end.
func isQuestionLine(s string) bool {
	t := strings.TrimRight(s, "\"'’”)] ")
	if !strings.HasSuffix(t, "?") || wordsUpTo(t, maxQuestionWords+1) > maxQuestionWords {
		return false
	}
	body := strings.TrimRight(t, "?")
	return !strings.ContainsAny(body, ".!?")
}

// normalize returns s with its runs of white space (unicode.IsSpace) made
// one space, none at either end, in lower case: what
// strings.ToLower(strings.Join(strings.Fields(s), " ")) returns, in one
// pass (an invalid byte becomes U+FFFD, as strings.ToLower makes it when
// s is not all ASCII).
func normalize(s string) string {
	b := appendNormalize(make([]byte, 0, len(s)), s)
	// b is new and never written again: its bytes can be the string's, as
	// strings.Builder does.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendNormalize appends normalize(s) to dst (the same bytes, written
// without a string of their own).
func appendNormalize(dst []byte, s string) []byte {
	space, started := false, false
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// Eight ASCII bytes at once when their only white space is
			// single spaces between other bytes: they are written as
			// they are, in lower case, after the space pending before
			// them.
			if x := load64(s[i:]); x&highBits == 0 {
				sp := inRange(x, ' ', ' ')
				if inRange(x, '\t', '\r') == 0 && sp&(sp>>8) == 0 && sp&(0x80|1<<63) == 0 {
					if space && started {
						dst = append(dst, ' ')
					}
					space, started = false, true
					dst = binary.LittleEndian.AppendUint64(dst, x|inRange(x, 'A', 'Z')>>2)
					i += 8
					continue
				}
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				space = true
				continue
			}
			if space && started {
				dst = append(dst, ' ')
			}
			space, started = false, true
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && started {
			dst = append(dst, ' ')
		}
		space, started = false, true
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

var (
	// A dateline that opens a story: "PARIS, France --", "WASHINGTON
	// (Reuters) -", "LONDON (AP) —", "LIMA, Dec 1 (Reuters) -", and the
	// older wire style "PHOENIX _" and "NEAH BAY, Wash. _".
	datelineRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([\p{Lu}][\p{Lu}.' -]{1,30}(?:,\s*[\p{L}\d.,' ]{2,30}?)?)\s*(?:\(([\p{L}\d. ]{2,30})\))?\s*(?:(?:--|—|–|-|_)\s+|(?:--|—))`)
	})

	// CNN's dateline, with no dash: "Sycamore, Illinois (CNN) The man ...".
	cnnDatelineRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([\p{Lu}][\p{L}.' -]{1,30}(?:,\s*[\p{L}.' ]{2,30})?)\s*\((CNN[\p{L} ]{0,12})\)\s+`)
	})
)

// datelineLine is a wire's dateline on a line of its own: the place in
// capitals (a region may follow) and the day or the wire's mark,
// "LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29", "NAIROBI,
// Kenya (AP) _" (Reuters and AP copy as the CoNLL and AQUAINT corpora
// print it).
var datelineLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([\p{Lu}][\p{Lu}.' -]{1,30}(?:,\s*[\p{L}.' ]{2,30}?)?)\s+(?:\d{4}-\d\d-\d\d|\(([\p{L}\d. ]{2,30})\)\s*(?:--|—|–|-|_)?)$`)
})

// dropDatelineLine takes a dateline standing alone before the text as
// the dateline (and the wire named in it as the outlet).
func dropDatelineLine(st *state, b block) bool {
	if st.kept != 0 || b.words > 8 {
		return false
	}
	m := datelineLine().FindStringSubmatchIndex(b.text)
	if m == nil {
		return false
	}
	place := strings.TrimSpace(b.text[m[2]:m[3]])
	if head, _, _ := strings.Cut(place, ","); strings.ToUpper(head) != head {
		return false
	}
	if st.meta.Dateline == "" {
		st.meta.Dateline = place
	}
	if m[4] >= 0 && st.meta.Outlet == "" {
		st.meta.Outlet = b.text[m[4]:m[5]]
	}
	return true
}

// trimDateline removes a leading dateline from b and keeps it (and the
// wire named in it) as metadata. A block that is all dateline ("AB --")
// is given back whole with whole set: it is labelled a dateline rather
// than left as an empty block.
func (st *state) trimDateline(b block) (_ block, whole bool) {
	// A dateline needs a dash or an underscore after its place, or CNN's
	// mark, within its first 100 bytes.
	head := b.text[:min(len(b.text), 100)]
	var m []int
	if capitalsStart(b.text) && hasDash(head) { // (the cheaper test first)
		m = datelineRe().FindStringSubmatchIndex(b.text)
	}
	if m == nil && strings.Contains(head, "(CNN") {
		m = cnnDatelineRe().FindStringSubmatchIndex(b.text)
	}
	if m == nil {
		return b, false
	}
	place := strings.TrimRight(b.text[m[2]:m[3]], " -")
	if strings.ToUpper(place) != place && !strings.Contains(place, ",") {
		return b, false
	}
	if st.kept > 3 {
		// Deep in the text only a wire digest's next item is cut, its
		// dateline in capitals before the wire's underscore ("MIAMI _ As
		// both sides ..."); the article's own dateline came first.
		if strings.ToUpper(place) != place || !strings.HasSuffix(strings.TrimSpace(b.text[:m[1]]), "_") {
			return b, false
		}
		if strings.TrimSpace(b.text[m[1]:]) == "" {
			return b, true
		}
		return newBlock(b.start+m[1], b.end, b.text[m[1]:]), false
	}
	if st.meta.Dateline == "" {
		st.meta.Dateline = place
	}
	if m[4] >= 0 && st.meta.Outlet == "" {
		st.meta.Outlet = b.text[m[4]:m[5]]
	}
	cut := m[1]
	if strings.TrimSpace(b.text[cut:]) == "" {
		return b, true
	}
	return newBlock(b.start+cut, b.end, b.text[cut:]), false
}

// hasDash reports whether s holds "-", "_", "—" or "–": what
// strings.ContainsAny(s, "-—–_") reports, in one pass over the bytes (the
// UTF-8 of a dash is found wherever decoding s would meet it, since no
// other sequence takes its lead byte).
func hasDash(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-', '_':
			return true
		case 0xE2: // "—" is E2 80 94, "–" E2 80 93
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x94 || s[i+2] == 0x93) {
				return true
			}
		}
	}
	return false
}

// capitalsStart reports whether s opens as datelineRe's place must: a
// capital letter, then a capital, a full stop, an apostrophe, a space or
// a hyphen.
func capitalsStart(s string) bool {
	r0, n := utf8.DecodeRuneInString(s)
	r1, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r0) && (unicode.IsUpper(r1) || strings.ContainsRune(".' -", r1))
}

var dateLayouts = []string{
	"January 2, 2006", "Jan. 2, 2006", "Jan 2, 2006", "2 January 2006", "2006-01-02",
	"January 2, 2006 3:04 PM", "Monday, January 2, 2006", "Mon, 02 Jan 2006 15:04:05 MST",
	time.RFC3339, "2006-01-02 15:04", "2006/01/02", "01/02/2006",
}

func parseDate(s string) (time.Time, bool) {
	// Every layout has a year in digits.
	if !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, false
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var dateInText = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}`)
})

func findDate(s string) (time.Time, bool) {
	if m := dateInText().FindString(s); m != "" {
		return parseDate(m)
	}
	return time.Time{}, false
}

// containsFold reports whether s holds sub, an ASCII lower-case word, in
// any case: whether some s[i:i+len(sub)] whose first byte is sub[0] with
// bit 0x20 set or not is strings.EqualFold with sub.
func containsFold(s, sub string) bool {
	if sub == "" {
		return false
	}
	ascii := isASCII(sub)
	// The positions i where s[i]|0x20 == sub[0] are those of the bytes
	// sub[0] and sub[0]&^0x20, none when sub[0] lacks the bit 0x20;
	// strings.IndexByte finds each byte's next one.
	c0 := sub[0]
	if c0&0x20 == 0 {
		return false
	}
	c1 := c0 &^ 0x20
	last := len(s) - len(sub) // the last position sub can start at
	next0, next1 := -1, -1
	for i := 0; i <= last; {
		if next0 < i {
			next0 = indexByteFrom(s[:last+1], c0, i)
		}
		if next1 < i {
			next1 = indexByteFrom(s[:last+1], c1, i)
		}
		i = min(next0, next1)
		if i > last {
			return false
		}
		if ascii {
			// An ASCII sub of n bytes is EqualFold only with n bytes that
			// are each the same byte or, for a letter, the letter in the
			// other case: a longer UTF-8 sequence folding to one of its
			// letters ("K", the Kelvin sign) would leave fewer runes than
			// sub has.
			j := 0
			for j < len(sub) && asciiFoldEq(s[i+j], sub[j]) {
				j++
			}
			if j == len(sub) {
				return true
			}
		} else if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
		i++
	}
	return false
}

// indexByteFrom returns the index of the first c in s at or after from,
// or len(s) when there is none.
func indexByteFrom(s string, c byte, from int) int {
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return len(s)
}

// asciiFoldEq reports whether byte a equals b, an ASCII byte, or is the
// same letter in the other case.
func asciiFoldEq(a, b byte) bool {
	if a == b {
		return true
	}
	l := b | 0x20
	return a|0x20 == l && 'a' <= l && l <= 'z'
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
