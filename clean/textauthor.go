package clean

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// authorMark finds the word that introduces an author's name in a byline
// of copied text, in the languages of the pages we read: "Posted by",
// "Geschrieben von", "Veröffentlicht am 3. Mai 2020 von", "Publié par",
// "Von:", "Text:", "by" ending a date stamp. The name is what follows.
var authorMark = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[\s|(])(?:posted by|written by|story by|words by|geschrieben von|veröffentlicht von|erstellt von|eingestellt von|eingetragen von|publié par|écrit par|publicado por|escrito por|scritto da|pubblicato da|napisane przez|opublikowane przez|autor(?:in)?:|author:|von:|by:|text:|texte\s?:|par|by|von|vom|por|door)\s*`)
})

// nameStops end a name: words that follow it in a byline ("by Ana on
// May 3", "von Heiko am 10. Februar").
var nameStops = map[string]bool{"am": true, "on": true, "um": true, "at": true, "à": true, "le": true, "el": true, "il": true,
	"in": true, "im": true, "the": true, "mit": true, "with": true, "for": true, "für": true, "de": false, "|": true, "-": true,
	"–": true, "—": true, "•": true, "·": true, "posted": true, "veröffentlicht": true, "schreibe": true, "leave": true}

// textAuthor sets res.Meta.Author from a byline near the start of copied
// text (12 blocks before the article's headline or first paragraph to 4
// after): the one to four words after an author mark, up to a date, a
// separator or a word that ends a name. A name of one word is kept (blogs
// sign with a user name).
func textAuthor(res *Result) {
	blocks := res.Blocks
	anchor := headlineAnchor(blocks)
	for i := max(0, anchor-dateBefore); i < min(len(blocks), anchor+dateAfter); i++ {
		b := blocks[i]
		if b.Kind == Comments || b.words() > 16 {
			continue
		}
		if !mayMarkAuthor(b.Text) {
			continue
		}
		m := authorMark().FindStringIndex(b.Text)
		if m == nil {
			continue
		}
		if name := leadingName(b.Text[m[1]:]); name != "" {
			res.Meta.Author = name
			res.Meta.setSource("author", "byline")
			return
		}
	}
}

// leadingName returns the name that opens s: up to four words, each
// starting with a letter, the first a capital or the only one; "" when
// none.
func leadingName(s string) string {
	var words []string
	for _, f := range strings.Fields(s) {
		if nameStops[strings.ToLower(f)] || len(words) == 4 {
			break
		}
		end := strings.TrimRight(f, ",;:.")
		r := []rune(end)
		if len(r) == 0 || !unicode.IsLetter(r[0]) || strings.ContainsAny(end, "0123456789@/") {
			break
		}
		words = append(words, end)
		if end != f && !strings.HasSuffix(f, ".") {
			break // a comma or colon ends the name
		}
	}
	if len(words) == 0 {
		return ""
	}
	if first := []rune(words[0]); !unicode.IsUpper(first[0]) && len(words) > 1 {
		return ""
	}
	return strings.Join(words, " ")
}

// authorKeys are words of which every match of authorMark holds one in
// ASCII, in any case: none of their letters is the case fold of a rune
// that is not ASCII (as "ſ" is of "s" and the Kelvin sign of "k").
var authorKeys = []string{"by", "von", "vom", "par", "por", "door", "da", "przez", "autor", "author", "text"}

// mayMarkAuthor reports whether authorMark can match s: s holds one of
// authorKeys in any case at the start of a word, at its start or after
// white space (\s), "|" or "(": in each of authorMark's alternatives a
// key opens the mark, after one of those, or follows a space ("posted
// by"). ("today" holds "da" and "nearby" "by", in no word's start.)
func mayMarkAuthor(s string) bool {
	for i := 0; i < len(s); i++ {
		if i > 0 {
			switch s[i-1] {
			case ' ', '\t', '\n', '\f', '\r', '|', '(':
			default:
				continue
			}
		}
		switch s[i] | 0x20 {
		case 'a', 'b', 'd', 'p', 't', 'v': // the keys' first letters
		default:
			continue
		}
		for _, k := range authorKeys {
			if len(s)-i >= len(k) && asciiEqualFold(s[i:i+len(k)], k) {
				return true
			}
		}
	}
	return false
}
