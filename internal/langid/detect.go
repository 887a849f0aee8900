package whatlanggo

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SampleRunes is how many runes of a text DetectLang reads at most.
const SampleRunes = 2000

// script is a writing system DetectLang counts letters of.
type script uint8

const (
	noScript script = iota
	latin
	cyrillic
	greek
	hebrew
	arabic
	devanagari
	bengali
	gurmukhi
	gujarati
	oriya
	tamil
	telugu
	kannada
	malayalam
	sinhala
	thai
	khmer
	myanmar
	georgian
	armenian
	ethiopic
	hangul
	kana
	han
	numScripts
)

// scriptTables gives the Unicode table of each script but Latin (tested
// first, with a fast path for ASCII) and Han.
var scriptTables = [...]struct {
	s     script
	table *unicode.RangeTable
}{
	{cyrillic, unicode.Cyrillic}, {greek, unicode.Greek}, {hebrew, unicode.Hebrew}, {arabic, unicode.Arabic},
	{devanagari, unicode.Devanagari}, {bengali, unicode.Bengali}, {gurmukhi, unicode.Gurmukhi},
	{gujarati, unicode.Gujarati}, {oriya, unicode.Oriya}, {tamil, unicode.Tamil}, {telugu, unicode.Telugu},
	{kannada, unicode.Kannada}, {malayalam, unicode.Malayalam}, {sinhala, unicode.Sinhala}, {thai, unicode.Thai},
	{khmer, unicode.Khmer}, {myanmar, unicode.Myanmar}, {georgian, unicode.Georgian}, {armenian, unicode.Armenian},
	{ethiopic, unicode.Ethiopic}, {hangul, unicode.Hangul}, {kana, unicode.Hiragana}, {kana, unicode.Katakana},
	{han, unicode.Han},
}

// scriptOf returns the script of a letter r, or noScript.
func scriptOf(r rune) script {
	if r < utf8.RuneSelf {
		if 'a' <= r|0x20 && r|0x20 <= 'z' {
			return latin
		}
		return noScript
	}
	if !unicode.IsLetter(r) {
		return noScript
	}
	if unicode.Is(unicode.Latin, r) {
		return latin
	}
	for _, t := range scriptTables {
		if unicode.Is(t.table, r) {
			return t.s
		}
	}
	return noScript
}

// scriptLang is the language of a text written in a script of one
// language (or of one language as far as this package tells).
var scriptLang = [numScripts]Lang{
	noScript: -1, latin: -1, cyrillic: Rus, greek: Ell, hebrew: Heb, arabic: Arb,
	devanagari: Hin, bengali: Ben, gurmukhi: Pan, gujarati: Guj, oriya: Ori, tamil: Tam, telugu: Tel,
	kannada: Kan, malayalam: Mal, sinhala: Sin, thai: Tha, khmer: Khm, myanmar: Mya, georgian: Kat,
	armenian: Hye, ethiopic: Amh, hangul: Kor, kana: Jpn, han: Cmn,
}

// DetectLang returns the language of text, judged from its first
// SampleRunes runes, or -1 when it finds none.
func DetectLang(text string) Lang {
	var counts [numScripts]int
	// Letters that tell apart languages sharing a script.
	var ukr, bel, srp, bulHard, rusOnly, pes, urd bool
	n := 0
	end := len(text)
	for i, r := range text {
		if n == SampleRunes {
			end = i
			break
		}
		n++
		s := scriptOf(r)
		counts[s]++
		switch s {
		case cyrillic:
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				ukr = true
			case 'ў', 'Ў':
				bel = true
			case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'Ђ', 'Ћ', 'Џ', 'Љ', 'Њ':
				srp = true
			case 'ъ':
				bulHard = true
			case 'ы', 'э', 'Ы', 'Э':
				rusOnly = true
			}
		case arabic:
			switch r {
			case 'پ', 'چ', 'ژ', 'گ':
				pes = true
			case 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں':
				urd = true
			}
		}
	}
	best, most := noScript, 0
	for s := latin; s < numScripts; s++ {
		if counts[s] > most {
			best, most = s, counts[s]
		}
	}
	switch best {
	case noScript:
		return -1
	case latin:
		return latinLang(text[:end])
	case cyrillic:
		switch {
		case bel:
			return Bel
		case ukr:
			return Ukr
		case srp:
			return Srp
		case bulHard && !rusOnly:
			return Bul
		}
	case arabic:
		switch {
		case urd:
			return Urd
		case pes:
			return Pes
		}
	case han:
		// Japanese mixes kana among its Han characters; Chinese has none.
		if counts[kana]*10 >= counts[han] {
			return Jpn
		}
	case kana:
		return Jpn
	}
	return scriptLang[best]
}

// numLatin is how many languages have a function-word profile: the first
// ones of the Lang constants, Eng to Tgl.
const numLatin = int(Tgl) + 1

// functionWords lists, for each Latin-script language (in the order of the
// Lang constants), some of its commonest short words, in lower case. A
// word may stand in several lists; it then counts for each.
var functionWords = [numLatin]string{
	Eng: "the and of to is in that it was for with are this on be have not by from they he she which were has would but at",
	Deu: "der die das und ist nicht ein eine mit den von zu auf sich dem des auch es im wird sind für dass wir ich nach bei noch wurde aus",
	Fra: "le la les et des est une un du que qui dans pour pas sur au avec ce il elle sont ont mais nous vous aux été cette plus",
	Spa: "el la los las y de que en es por con una un del para se al como más pero sus fue está también muy lo ha según",
	Por: "o a os as e de que em um uma do da dos das não para com no na por é mais foi também como ao seu sua são pelo",
	Ita: "il lo la gli le e di che è un una per non con del della dei nel alla sono anche si ha più questo come nella degli",
	Nld: "de het een en van is dat niet op te zijn met voor die ook aan er maar om bij nog wordt naar hij we werd",
	Pol: "i w nie się na z że do to jest jak o ale po co tak od za przez jego już są czy dla był została",
	Swe: "och att det är en som på för med inte av till den har jag om ett de var men så från kan också efter",
	Dan: "og at det er en til som på for med ikke af den har jeg de om et var men så fra kan også efter hvad nu",
	Nob: "og at det er en til som på for med ikke av den har jeg de om et var men så fra kan også etter hva nå ble",
	Fin: "ja on ei että se hän oli ovat kun myös mutta tai joka sen niin kuin ole vain jo nyt mitä ollut hänen",
	Ces: "a je se na v že to s z o jsou ale jako pro by jeho také který která bylo byl aby už před při",
	Tur: "ve bir bu da de için ile çok olarak daha gibi ama olan en kadar sonra ne değil her ilk olduğu",
	Ind: "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada adalah mereka oleh telah bisa",
	Ron: "și şi în de la cu un o este pe care nu din mai să se pentru sunt au fost ce ca fi acest",
	Hun: "a az és hogy nem is egy ez meg van de csak már még volt mint ki el azt vagy lesz után",
	Vie: "của và là có không được trong cho những người này với các một đã từ khi đến cũng",
	Hrv: "i je u na da se su za od s što kao ali iz koji koja bio bila nije će sve biti",
	Tgl: "ang ng mga sa na at ay si hindi para kay ni niya ito siya kung mula rin din",
}

// wordLangs maps each function word to the set of languages (bit i for
// Lang i) whose profile holds it. Built on first use.
var wordLangs = sync.OnceValue(func() map[string]uint32 {
	m := make(map[string]uint32, 600)
	for l, words := range functionWords {
		for _, w := range strings.Fields(words) {
			m[w] |= 1 << l
		}
	}
	return m
})

// maxWordBytes bounds the words latinLang looks up: every function word
// is shorter.
const maxWordBytes = 16

// latinLang returns the Latin-script language of sample whose function
// words it holds most, or -1 when it holds none.
func latinLang(sample string) Lang {
	words := wordLangs()
	var hits [numLatin]int
	var buf [maxWordBytes + utf8.UTFMax]byte
	n, long := 0, false
	flush := func() {
		if n > 0 && !long {
			if set := words[string(buf[:n])]; set != 0 {
				for l := range numLatin {
					if set&(1<<l) != 0 {
						hits[l]++
					}
				}
			}
		}
		n, long = 0, false
	}
	for _, r := range sample {
		if r < utf8.RuneSelf {
			if c := byte(r) | 0x20; 'a' <= c && c <= 'z' {
				if !long {
					buf[n] = c
					n++
					long = n > maxWordBytes
				}
			} else {
				flush()
			}
			continue
		}
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			flush()
			continue
		}
		if !long {
			n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			long = n > maxWordBytes
		}
	}
	flush()
	best, most := Lang(-1), 0
	for l, h := range hits {
		if h > most {
			best, most = Lang(l), h
		}
	}
	return best
}
