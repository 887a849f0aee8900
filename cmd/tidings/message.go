package main

import (
	"errors"
	"io/fs"
	"strings"

	"tidings"
	"tidings/clean"
	"tidings/ingest"
)

// plainWords are the library's sentinel errors, whose texts carry their
// package's name (STYLE.md §4), with what a user reads instead.
var plainWords = []struct {
	err error
	say string
}{
	{ingest.ErrEmpty, "empty input"},
	{ingest.ErrBinary, "binary data, not text or HTML"},
	{ingest.ErrInvalidUTF8, "invalid UTF-8"},
	{ingest.ErrTooLarge, "input too large"},
	{ingest.ErrNoArticles, "no articles found"},
	{clean.ErrNoContent, "no article text"},
	{tidings.ErrNoArticles, "no article has text to summarize"},
}

// libraryPrefixes are the package names library errors begin with.
var libraryPrefixes = []string{"tidings", "ingest", "clean", "segment", "dedupe", "cluster", "summarize",
	"enrich", "render", "eval", "store", "news", "feed", "bench", "server"}

// message is err as the user reads it: in plain words, without the
// library's package names or the CLI's own markers ("usage", "some
// inputs failed"), which the exit status already says.
func message(err error) string {
	msg := err.Error()
	for _, p := range plainWords {
		if errors.Is(err, p.err) {
			msg = strings.ReplaceAll(msg, p.err.Error(), p.say)
		}
	}
	for _, marker := range []error{errUsage, errPartial} {
		msg = strings.TrimPrefix(msg, marker.Error()+": ")
	}
	// An error about an input begins with its name, which may be any
	// word; other errors may begin with the package that made them.
	var ie *ingest.Error
	var pe *fs.PathError
	if errors.As(err, &ie) || errors.As(err, &pe) {
		return msg
	}
	for stripped := true; stripped; {
		stripped = false
		for _, p := range libraryPrefixes {
			if rest, ok := strings.CutPrefix(msg, p+": "); ok {
				msg, stripped = rest, true
			}
		}
	}
	return msg
}
