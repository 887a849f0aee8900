package eval

// porterStem returns the stem of the lower-case ASCII word w by the
// original Porter (1980) algorithm as Martin Porter's reference
// implementation has it (step 2 maps "bli" to "ble" and "logi" to "log"),
// with the step 4 of ROUGE-1.5.5's stemmer (see step4). Words of one or two
// letters are returned unchanged.
func porterStem(w string) string {
	if len(w) <= 2 {
		return w
	}
	s := &stemmer{b: []byte(w), k: len(w) - 1}
	s.step1ab()
	if s.k > 0 {
		s.step1c()
		s.step2()
		s.step3()
		s.step4()
		s.step5()
	}
	return string(s.b[:s.k+1])
}

// stemmer holds a word being stemmed: b[0..k] is the current word, and j
// marks the end of the stem after a successful ends().
type stemmer struct {
	b    []byte
	k, j int
}

// cons reports whether b[i] is a consonant.
func (s *stemmer) cons(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		if i == 0 {
			return true
		}
		return !s.cons(i - 1)
	}
	return true
}

// m measures the number of consonant sequences between 0 and j: for
// [C](VC){m}[V], it returns m.
func (s *stemmer) m() int {
	n, i := 0, 0
	for {
		if i > s.j {
			return n
		}
		if !s.cons(i) {
			break
		}
		i++
	}
	i++
	for {
		for {
			if i > s.j {
				return n
			}
			if s.cons(i) {
				break
			}
			i++
		}
		i++
		n++
		for {
			if i > s.j {
				return n
			}
			if !s.cons(i) {
				break
			}
			i++
		}
		i++
	}
}

// vowelInStem reports whether b[0..j] holds a vowel.
func (s *stemmer) vowelInStem() bool {
	for i := 0; i <= s.j; i++ {
		if !s.cons(i) {
			return true
		}
	}
	return false
}

// doubleC reports whether b[j-1..j] is a double consonant.
func (s *stemmer) doubleC(j int) bool {
	return j >= 1 && s.b[j] == s.b[j-1] && s.cons(j)
}

// cvc reports whether b[i-2..i] is consonant-vowel-consonant and the last
// consonant is not w, x or y ("hop", not "snow").
func (s *stemmer) cvc(i int) bool {
	if i < 2 || !s.cons(i) || s.cons(i-1) || !s.cons(i-2) {
		return false
	}
	switch s.b[i] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

// ends reports whether b[0..k] ends with suf, and sets j to the end of the
// stem before it.
func (s *stemmer) ends(suf string) bool {
	l := len(suf)
	if l > s.k+1 || string(s.b[s.k-l+1:s.k+1]) != suf {
		return false
	}
	s.j = s.k - l
	return true
}

// setTo replaces b[j+1..k] with r.
func (s *stemmer) setTo(r string) {
	s.b = append(s.b[:s.j+1], r...)
	s.k = s.j + len(r)
}

// r replaces the suffix with rep when the stem's measure is positive.
func (s *stemmer) r(rep string) {
	if s.m() > 0 {
		s.setTo(rep)
	}
}

// step1ab removes plurals and -ed or -ing.
func (s *stemmer) step1ab() {
	if s.b[s.k] == 's' {
		switch {
		case s.ends("sses"):
			s.k -= 2
		case s.ends("ies"):
			s.setTo("i")
		case s.b[s.k-1] != 's':
			s.k--
		}
	}
	if s.ends("eed") {
		if s.m() > 0 {
			s.k--
		}
		return
	}
	if (s.ends("ed") || s.ends("ing")) && s.vowelInStem() {
		s.k = s.j
		switch {
		case s.ends("at"):
			s.setTo("ate")
		case s.ends("bl"):
			s.setTo("ble")
		case s.ends("iz"):
			s.setTo("ize")
		case s.doubleC(s.k):
			s.k--
			switch s.b[s.k] {
			case 'l', 's', 'z':
				s.k++
			}
		default:
			s.j = s.k
			if s.m() == 1 && s.cvc(s.k) {
				s.setTo("e")
			}
		}
	}
}

// step1c turns a final y into i when the stem holds a vowel.
func (s *stemmer) step1c() {
	if s.ends("y") && s.vowelInStem() {
		s.b[s.k] = 'i'
	}
}

// replace tries the (suffix, replacement) pairs in order; the first suffix
// that matches is replaced when the stem's measure is positive.
func (s *stemmer) replace(pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if s.ends(pairs[i]) {
			s.r(pairs[i+1])
			return
		}
	}
}

// step2 maps double suffixes to single ones (-ization to -ize).
func (s *stemmer) step2() {
	if s.k < 1 {
		return
	}
	switch s.b[s.k-1] {
	case 'a':
		s.replace("ational", "ate", "tional", "tion")
	case 'c':
		s.replace("enci", "ence", "anci", "ance")
	case 'e':
		s.replace("izer", "ize")
	case 'l':
		s.replace("bli", "ble", "alli", "al", "entli", "ent", "eli", "e", "ousli", "ous")
	case 'o':
		s.replace("ization", "ize", "ation", "ate", "ator", "ate")
	case 's':
		s.replace("alism", "al", "iveness", "ive", "fulness", "ful", "ousness", "ous")
	case 't':
		s.replace("aliti", "al", "iviti", "ive", "biliti", "ble")
	case 'g':
		s.replace("logi", "log")
	}
}

// step3 handles -ic-, -full, -ness.
func (s *stemmer) step3() {
	switch s.b[s.k] {
	case 'e':
		s.replace("icate", "ic", "ative", "", "alize", "al")
	case 'i':
		s.replace("iciti", "ic")
	case 'l':
		s.replace("ical", "ic", "ful", "")
	case 's':
		s.replace("ness", "")
	}
}

// step4Suffixes is the step 4 list without -ment, -ent and -ion, which
// ROUGE-1.5.5 handles in later passes.
var step4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
	"ou", "ism", "ate", "iti", "ous", "ive", "ize",
}

// step4 removes -ant, -ence and the like in a context <c>vcvc<v>, the way
// ROUGE-1.5.5's stemmer does it, in three passes: the longest suffix of
// step4Suffixes; then -ment; then -ent, or, for a word not ending in -ent,
// -ion after s or t. Each removal needs a stem measure above 1.
func (s *stemmer) step4() {
	best := ""
	for _, suf := range step4Suffixes {
		// The stem before the suffix must be non-empty.
		if len(suf) > len(best) && len(suf) <= s.k && s.ends(suf) {
			best = suf
		}
	}
	if best != "" {
		s.ends(best)
		if s.m() > 1 {
			s.k = s.j
		}
	}
	if len("ment") <= s.k && s.ends("ment") && s.m() > 1 {
		s.k = s.j
	}
	if len("ent") <= s.k && s.ends("ent") {
		if s.m() > 1 {
			s.k = s.j
		}
	} else if len("ion") <= s.k-1 && s.ends("ion") && (s.b[s.j] == 's' || s.b[s.j] == 't') {
		if s.m() > 1 {
			s.k = s.j
		}
	}
}

// step5 removes a final -e and turns -ll into -l when the measure allows.
func (s *stemmer) step5() {
	s.j = s.k
	if s.b[s.k] == 'e' {
		a := s.m()
		if a > 1 || a == 1 && !s.cvc(s.k-1) {
			s.k--
		}
	}
	// As in the reference implementation, the measure here is still that
	// of the word before a final e was removed.
	if s.b[s.k] == 'l' && s.doubleC(s.k) && s.m() > 1 {
		s.k--
	}
}
