package store

import (
	"strings"
	"unicode/utf8"
)

// normalize makes s storable in both databases, which keep text as UTF-8
// (PostgreSQL refuses a NUL byte and any invalid sequence): each NUL byte
// becomes a space and each byte of an invalid UTF-8 sequence a '?'. The
// length in bytes stays the same, so byte offsets into the text (the
// citations into Article.Text) keep pointing at the same sentences. Text
// that is already valid, the usual case, is returned as it is.
func normalize(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteByte('?')
			n = 1
		case r == 0:
			b.WriteByte(' ')
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// normalizeArticle normalizes every text field of a.
func normalizeArticle(a *Article) {
	for _, p := range []*string{&a.Key, &a.URL, &a.Outlet, &a.Title, &a.Author, &a.Raw, &a.Text, &a.Cleaning} {
		*p = normalize(*p)
	}
}

func normalizeStory(st *Story) {
	st.Title, st.Summary = normalize(st.Title), normalize(st.Summary)
	if b := string(st.Body); !utf8.ValidString(b) || strings.IndexByte(b, 0) >= 0 {
		st.Body = []byte(normalize(b))
	}
}

func normalizeFeed(f *Feed) {
	for _, p := range []*string{&f.URL, &f.Title, &f.ETag, &f.LastModified, &f.Error} {
		*p = normalize(*p)
	}
}
