// Package dateparser is tidings' own small stand-in for
// github.com/markusmobius/go-dateparser, wired in by a replace directive in
// tidings' go.mod. go-htmldate, which go-trafilatura uses to find a page's
// publication date, imports go-dateparser for its "extensive search"
// fallback only, yet go-dateparser's package initialisation builds its
// locale tables for every language at start-up: about 78 MB of allocation
// and 120-300 ms of CPU in every tidings command, HTML or not.
//
// This package implements exactly the API that go-htmldate v1.9.1 uses
// (Parser with ParserTypes, Configuration, Parser.Parse returning a Date
// with its Time) and nothing else. It is written from scratch: no code or
// data of go-dateparser. It reads absolute dates only:
//
//   - ISO and other numeric dates: 2021-03-04, 2021/03/04, 20210304,
//     04.03.2021, 4/3/2021, 04-03-21, read day-month or month-day per
//     [Configuration.DateOrder];
//   - dates with a month name or abbreviation in English, German, French,
//     Spanish, Italian, Polish, Dutch or Portuguese: "4 March 2021",
//     "March 4th, 2021", "Donnerstag, 4. März 2021", "4 de marzo de 2021",
//     "4 marca 2021", "jeudi 4 mars 2021";
//   - Chinese, Japanese and Korean dates written with year, month and day
//     markers: 2021年3月4日, 2021년 3월 4일;
//
// each optionally followed by a time of day (10:30, 10:30:15.5, 10h30,
// 10.30 Uhr, 10:30 pm) and a UTC offset (Z, +01:00, -0500) or a common
// zone abbreviation (read as UTC). Weekday names, ordinal suffixes and the
// little words of these languages ("of", "de", "am", "le") may stand
// around the date; any other word makes the text no date, as a strict
// parser should when it scans arbitrary page text.
//
// Nothing is computed at package initialisation: the word table is built
// on the first call to Parse. Input longer than [MaxInput] bytes is
// refused, so memory stays bounded.
package dateparser
