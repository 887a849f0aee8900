// Package whatlanggo is tidings' own small language detector, standing in
// for github.com/RadhiFadlillah/whatlanggo through a replace directive in
// tidings' go.mod (like internal/dateparse for go-dateparser).
//
// go-trafilatura calls whatlanggo.DetectLang(text).Iso6391() on every
// extraction, to fill a metadata field tidings never reads and to honour a
// target-language option tidings never sets. The original detector scores
// trigram profiles of many languages over the whole text (about 1.9 ms of a
// 1,000-word page) and builds its tables at package initialisation (about
// 0.7 ms and 0.35 MB of every command's start-up).
//
// This package implements exactly the API go-trafilatura v1.12.2 uses —
// [DetectLang], the [Lang] type and [Lang.Iso6391] — and is written from
// scratch, with no code or data of the original. It is a real detector,
// cheap by design:
//
//   - it reads at most the first [SampleRunes] runes of the text;
//   - it counts the letters of each writing system there and takes the
//     commonest; most scripts name one language (Greek, Hebrew, Thai,
//     Hangul, Georgian, the Indic scripts), and a few letters tell apart
//     the languages sharing Cyrillic (Ukrainian і ї є ґ, Belarusian ў,
//     Serbian ђ ћ џ љ њ, Bulgarian ъ without ы э) or Arabic script (Persian
//     پ چ ژ گ, Urdu ے ٹ ڈ ڑ ں), and kana among Han characters mean Japanese;
//   - for Latin script it counts the words of the sample found among the
//     most common function words of twenty European and Asian languages
//     written in Latin letters, and takes the language with most hits,
//     ties going to the earlier language in the table.
//
// A text with no letters, or Latin letters and no function word of any
// profile, is of no known language: DetectLang returns -1, whose Iso6391
// is "" (as the original's).
//
// Nothing is built at package initialisation: the word table is made on
// the first call (sync.OnceValue).
package whatlanggo
