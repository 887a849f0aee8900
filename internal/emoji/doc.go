// Package gomoji is tidings' own emoji remover, standing in for
// github.com/forPelevin/gomoji through a replace directive in tidings'
// go.mod (like internal/dateparse for go-dateparser).
//
// go-trafilatura uses gomoji for one call, RemoveEmojis, on the author
// names it reads from a page. The original package builds a map of some
// 5,000 emoji with their names at package initialisation: about 1.4 ms and
// 1 MB of every tidings command's start-up, HTML or not.
//
// This package implements exactly that API, [RemoveEmojis], and is written
// from scratch, with no code or data of the original. It removes emoji as
// Unicode defines them (the code points with the Emoji property other than
// the digits, '#' and '*'), with what joins or modifies them: variation
// selector 16 and 15, skin-tone modifiers, zero-width joiners between
// emoji, tag characters (flag subdivisions), and keycap sequences (a
// digit, '#' or '*', an optional variation selector and U+20E3). Then it
// trims from both ends what is not a graphic, printable rune, and
// variation selectors, as the original does.
//
// The original's list is not Unicode's: it also holds about 160 symbols
// without the Emoji property (☆, ♯, chess pieces, some dingbats), which
// this package keeps, and it keeps a skin-tone modifier standing alone,
// which this package removes. On tidings' 990 pages-dev HTML pages the
// output of `tidings clean --format json` is the same bytes with either.
//
// The emoji table is a sorted slice of ranges in the program's read-only
// data; nothing is built at package initialisation.
package gomoji
