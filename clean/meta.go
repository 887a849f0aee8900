package clean

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// findMeta fills the metadata the rules and the page's markup left empty,
// from the blocks around the start of the article and from the URL, and
// records where each was found.
func findMeta(res *Result, src string, opts Options) {
	m := &res.Meta
	if !m.Date.IsZero() && m.Sources["date"] == "" {
		m.setSource("date", "byline")
	}
	if m.Outlet != "" && m.Sources["outlet"] == "" {
		m.setSource("outlet", "dateline")
	}
	if m.Author != "" && m.Sources["author"] == "" {
		m.setSource("author", "byline")
	}
	u, _ := url.Parse(opts.URL)
	// A full date in the URL's path is the publication date more often
	// than a date stamp in the text, which may be an update's.
	if (m.Date.IsZero() || m.Sources["date"] == "byline") && u != nil {
		if d, ok := urlDate(u.Path); ok {
			m.Date = d
			m.setSource("date", "url")
		}
	}
	start := articleStart(res.Blocks)
	lo, hi := max(0, start-maxHeadlineGap-4), min(len(res.Blocks), start+4)
	if m.Date.IsZero() {
		for _, b := range res.Blocks {
			if b.words() <= 20 && mayStamp(b.Text) && stampWords().MatchString(b.Text) {
				if d, ok := FindDate(b.Text); ok {
					m.Date = d
					m.setSource("date", "date-stamp")
					break
				}
			}
		}
	}
	if m.Date.IsZero() {
		for _, b := range res.Blocks[lo:hi] {
			if b.words() > 40 {
				continue
			}
			if d, ok := FindDate(b.Text); ok {
				m.Date = d
				m.setSource("date", "date-line")
				break
			}
		}
	}
	if m.Date.IsZero() {
		for _, b := range res.Blocks[hi:] {
			if b.Kind == Comments {
				break
			}
			if b.words() > 12 {
				continue
			}
			if d, ok := FindDate(b.Text); ok {
				m.Date = d
				m.setSource("date", "first-date")
				break
			}
		}
	}
	if m.Author == "" {
		for _, b := range res.Blocks[lo:hi] {
			if a := bylineName(b.Text); a != "" {
				m.Author = a
				m.setSource("author", "byline")
				break
			}
		}
	}
	if m.Outlet == "" {
		findOutlet(res, u)
	}
}

// stampWords open a publication stamp: "Published", "Posted on",
// "Veröffentlicht am", "Erstellt am", "Publié le", "Publicado el",
// "Opublikowano", "发布时间".
var stampWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(?:first\s+)?published|posted|veröffentlicht|erstellt|publiziert|publié|mis en ligne|publicado|pubblicato|opublikowano|data publikacji|gepubliceerd|发布时间|發佈時間|发表于|date\b|datum\b)`)
})

// mayStamp reports whether stampWords can match t: t opens with the
// first letter of one of its words in either case (none of them has a
// case-folded form outside ASCII) or with "发" or "發".
func mayStamp(t string) bool {
	if t == "" {
		return false
	}
	switch t[0] {
	case 'f', 'F', 'p', 'P', 'v', 'V', 'e', 'E', 'm', 'M', 'o', 'O', 'd', 'D', 'g', 'G':
		return true
	}
	return strings.HasPrefix(t, "发") || strings.HasPrefix(t, "發")
}

// articleStart returns the index of the first body block, or 0.
func articleStart(blocks []Block) int {
	for i, b := range blocks {
		if b.Kind == Body {
			return i
		}
	}
	return 0
}

// bylineWords open a byline in the languages of the pages we read: "By",
// "Von", "Par", "Por", "Door", "Autor:", "Posted by", "Written by".
var bylineName1 = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(?:Posted|Written|Story|Words|Text|Published)\s+by|By|BY|Von|VON|Par|PAR|Por|POR|Door|Autor(?:in|ka)?:|Author:|Auteur\s?:|Text:|Texte\s?:)\s*([\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|und|et|y|i|de|van|von|der|del|la|le))*)`)
})

// bylineName returns the name of a short byline line, or "".
func bylineName(text string) string {
	if wordsUpTo(text, 17) > 16 {
		return ""
	}
	m := bylineName1().FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(m[1])
	for _, cut := range []string{" and ", " und ", " et ", " y ", " i "} {
		name = strings.TrimSuffix(name, strings.TrimSpace(cut))
	}
	if wordCount(name) < 2 && !strings.Contains(name, ".") {
		return ""
	}
	return strings.TrimSpace(name)
}

// urlDateRe finds a date in a URL's path: /2019/10/16/, /2019-10-16-,
// /20191016/.
var urlDateRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|/|_|-)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:$|/|_|-|\.|[a-z])`)
})

func urlDate(path string) (time.Time, bool) {
	m := urlDateRe().FindStringSubmatch(path)
	if m == nil {
		return time.Time{}, false
	}
	return makeDate(m[1], m[2], m[3])
}

func makeDate(y, mo, d string) (time.Time, bool) {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(d)
	if yi < 1990 || yi > 2100 || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return time.Time{}, false
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di {
		return time.Time{}, false
	}
	return t, true
}

// monthDates maps the month names and abbreviations of English, German,
// French, Spanish, Italian, Dutch, Portuguese and Polish (nominative and
// genitive) to their number. Built on first use.
var monthDates = sync.OnceValue(func() monthTables {
	months := map[string]int{}
	lists := [][]string{
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"jänner", "feber", "maerz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"},
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"},
		{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	}
	for _, l := range lists {
		for i, n := range l {
			if _, ok := months[n]; !ok {
				months[n] = i + 1
			}
		}
	}
	folded := make(map[string]bool, len(months))
	for n := range months {
		folded[foldKey(n)] = true
	}
	return monthTables{months: months, folded: folded}
})

// monthTables holds the month names of monthDates: months maps them (in
// lower case) to their number, folded holds their foldKey (see
// dayMonthYear).
type monthTables struct {
	months map[string]int
	folded map[string]bool
}

var (
	isoDate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b((?:19|20)\d\d)[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])\b`)
	})

	dottedDate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(0?[1-9]|[12]\d|3[01])\.\s?(0?[1-9]|1[0-2])\.\s?((?:19|20)\d\d)\b`)
	})

	slashDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b`) })

	hanDate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	})
)

// FindDate returns the first calendar date written in s in a common
// format: 2014-03-05, 05.03.2014, 3/5/2014 (month first unless the first
// number is over 12), March 5, 2014, 5 March 2014, 5. März 2014, 5 mars
// 2014, 5 marca 2014, 2014年3月5日. Dates before 1990 are ignored.
func FindDate(s string) (time.Time, bool) {
	best, bestAt := time.Time{}, len(s)+1
	try := func(at int, t time.Time, ok bool) {
		if ok && at < bestAt {
			best, bestAt = t, at
		}
	}
	// Every pattern below holds a year, 19xx or 20xx, in ASCII digits
	// (\d is ASCII in Go's regexp): most blocks have none, and the month
	// patterns are slow to try.
	if !hasYear(s) {
		return best, false
	}
	// The numeric patterns are tried only on text holding their
	// separator; the month patterns are matched by hand (see
	// dayMonthYear), an order of magnitude faster than as regexps.
	dot, slash := strings.IndexByte(s, '.') >= 0, strings.IndexByte(s, '/') >= 0
	if dot || slash || strings.IndexByte(s, '-') >= 0 {
		if m := isoDate().FindStringSubmatchIndex(s); m != nil {
			t, ok := makeDate(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]])
			try(m[0], t, ok)
		}
	}
	if dot {
		if m := dottedDate().FindStringSubmatchIndex(s); m != nil {
			t, ok := makeDate(s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]])
			try(m[0], t, ok)
		}
	}
	if slash {
		if m := slashDate().FindStringSubmatchIndex(s); m != nil {
			a, b := s[m[2]:m[3]], s[m[4]:m[5]]
			if ai, _ := strconv.Atoi(a); ai > 12 {
				a, b = b, a
			}
			t, ok := makeDate(s[m[6]:m[7]], a, b)
			try(m[0], t, ok)
		}
	}
	if strings.Contains(s, "年") {
		if m := hanDate().FindStringSubmatchIndex(s); m != nil {
			t, ok := makeDate(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]])
			try(m[0], t, ok)
		}
	}
	md := monthDates()
	if m := dayMonthYear(s); m != nil {
		mo := md.months[strings.ToLower(s[m[4]:m[5]])]
		t, ok := makeDate(s[m[6]:m[7]], strconv.Itoa(mo), s[m[2]:m[3]])
		try(m[0], t, ok)
	}
	if m := monthDayYear(s); m != nil {
		mo := md.months[strings.ToLower(s[m[2]:m[3]])]
		t, ok := makeDate(s[m[6]:m[7]], strconv.Itoa(mo), s[m[4]:m[5]])
		try(m[0], t, ok)
	}
	return best, bestAt <= len(s)
}

// hasYear reports whether s holds four ASCII digits that begin with 19 or
// 20: a year FindDate's patterns can match.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		i0 := strings.IndexAny(s[i:], "12")
		if i0 < 0 {
			return false
		}
		i += i0
		if i+4 > len(s) {
			return false
		}
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// wireCredit finds a wire named in a photo credit ("REUTERS/Anna Berg",
// "(AP Photo/...)", "AFP via Getty Images").
var wireCredit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(REUTERS|Reuters|AFP|AP Photo|EPA|Xinhua|dpa|ANSA|EFE)\b\s*/`)
})

// copyrightName is the holder named in a copyright line: "© 2023 The
// Independent", "Copyright 2014 Los Angeles Times. All rights reserved".
var copyrightName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?,?\s*([\p{L}][\p{L}\d&.' -]{1,50}?)\s*(?:[.,|]|$|all rights|alle rechte|tous droits|todos los derechos|(?:19|20)\d\d)`)
})

// mayNameCopyright reports whether copyrightName can match s: it needs
// "©", "(c)" or "copyright" in any case.
func mayNameCopyright(s string) bool {
	return strings.Contains(s, "©") || containsFold(s, "(c)") || containsFold(s, "copyright")
}

// findOutlet names the outlet from the page itself: a copyright line, a
// block naming the site by its host's name, the URL's host, or a wire's
// photo credit, in that order.
func findOutlet(res *Result, u *url.URL) {
	m := &res.Meta
	for i := len(res.Blocks) - 1; i >= 0; i-- {
		b := res.Blocks[i]
		if b.words() > 30 || !mayNameCopyright(b.Text) {
			continue
		}
		if c := copyrightName().FindStringSubmatch(b.Text); c != nil {
			name := strings.TrimSpace(strings.Trim(c[1], " -"))
			if wordCount(name) <= 6 && len(name) >= 2 {
				m.Outlet = name
				m.setSource("outlet", "copyright")
				return
			}
		}
	}
	if u != nil && u.Hostname() != "" {
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		label := host
		if i := strings.IndexByte(label, '.'); i > 0 {
			label = label[:i]
		}
		if name := selfName(res.Blocks, label); name != "" {
			m.Outlet = name
			m.setSource("outlet", "site-name")
			return
		}
		m.Outlet = host
		m.setSource("outlet", "url-host")
		return
	}
	for _, b := range res.Blocks {
		// Every credit wireCredit finds ends in a slash after a wire's
		// name, past white space: a slash creditSlash lets through.
		if !creditSlash(b.Text) {
			continue
		}
		if c := wireCredit().FindStringSubmatch(b.Text); c != nil {
			name := c[1]
			switch name {
			case "REUTERS":
				name = "Reuters"
			case "AP Photo":
				name = "Associated Press"
			}
			m.Outlet = name
			m.setSource("outlet", "credit-line")
			return
		}
	}
}

// selfName returns the words of a short block that spell the site's host
// label ("abc13" in "ABC13 News Team", "spiegel" in "DER SPIEGEL"), as the
// page writes them, or "".
func selfName(blocks []Block, label string) string {
	if len(label) < 3 {
		return ""
	}
	for _, b := range blocks {
		if b.words() > 6 {
			continue
		}
		words := strings.Fields(b.Text)
		for i := range words {
			var sq strings.Builder
			for j := i; j < len(words) && j < i+4; j++ {
				for _, r := range strings.ToLower(words[j]) {
					if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
						sq.WriteRune(r)
					}
				}
				if sq.String() == label {
					return strings.Trim(strings.Join(words[i:j+1], " "), " .,:|-–")
				}
				if !strings.HasPrefix(label, sq.String()) {
					break
				}
			}
		}
	}
	return ""
}
