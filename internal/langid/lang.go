package whatlanggo

// Lang is a language, named by its ISO 639-3 code. -1 is no known language.
type Lang int

// The languages DetectLang can return.
const (
	Eng Lang = iota // English
	Deu             // German
	Fra             // French
	Spa             // Spanish
	Por             // Portuguese
	Ita             // Italian
	Nld             // Dutch
	Pol             // Polish
	Swe             // Swedish
	Dan             // Danish
	Nob             // Norwegian Bokmål
	Fin             // Finnish
	Ces             // Czech
	Tur             // Turkish
	Ind             // Indonesian
	Ron             // Romanian
	Hun             // Hungarian
	Vie             // Vietnamese
	Hrv             // Croatian
	Tgl             // Tagalog
	Rus             // Russian
	Ukr             // Ukrainian
	Bel             // Belarusian
	Srp             // Serbian
	Bul             // Bulgarian
	Ell             // Greek
	Heb             // Hebrew
	Arb             // Arabic
	Pes             // Persian
	Urd             // Urdu
	Hin             // Hindi
	Ben             // Bengali
	Pan             // Punjabi
	Guj             // Gujarati
	Ori             // Oriya
	Tam             // Tamil
	Tel             // Telugu
	Kan             // Kannada
	Mal             // Malayalam
	Sin             // Sinhala
	Tha             // Thai
	Khm             // Khmer
	Mya             // Burmese
	Kat             // Georgian
	Hye             // Armenian
	Amh             // Amharic
	Kor             // Korean
	Jpn             // Japanese
	Cmn             // Mandarin Chinese
	numLangs
)

// iso6391 holds each language's two-letter code, in the order of the
// constants above.
var iso6391 = [numLangs]string{
	"en", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "da", "nb", "fi", "cs", "tr", "id", "ro", "hu", "vi", "hr", "tl",
	"ru", "uk", "be", "sr", "bg", "el", "he", "ar", "fa", "ur", "hi", "bn", "pa", "gu", "or", "ta", "te", "kn", "ml", "si",
	"th", "km", "my", "ka", "hy", "am", "ko", "ja", "zh",
}

// Iso6391 returns the language's ISO 639-1 code, or "" for -1 and any
// other value that is no language of this package.
func (l Lang) Iso6391() string {
	if l < 0 || l >= numLangs {
		return ""
	}
	return iso6391[l]
}
