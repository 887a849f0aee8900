package server

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode"
)

// FuzzPostArticle posts arbitrary bodies with each content type: the
// answer is never a 5xx, and a 2xx names a stored article.
func FuzzPostArticle(f *testing.F) {
	f.Add("application/json", `{"title":"Bridge","text":"The bridge reopened on Monday after six weeks of repairs, the city said."}`)
	f.Add("application/json", `{"html":"<p>The bridge reopened on Monday after repairs, officials said today.</p>","published":"2026-03-02"}`)
	f.Add("text/html", "<html><body><article><p>The ferry strike ended on Tuesday after talks.</p></article></body></html>")
	f.Add("text/plain", "Headline\n\nBy Someone\n\nThe council met on Friday to approve the repair budget of 18 million dollars.")
	f.Add("", "{")
	f.Add("application/json", `{"text":"\u0000\u0000"}`)
	st := openStoreF(f)
	s, err := New(context.Background(), st, Options{Token: token, WriteRate: -1})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	h := s.Handler()
	f.Fuzz(func(t *testing.T, ctype, body string) {
		req := httptest.NewRequest("POST", "/api/articles", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", ctype)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%d for %q %q: %s", rec.Code, ctype, body, rec.Body)
		}
		if rec.Code/100 == 2 && !strings.Contains(rec.Body.String(), `"id"`) {
			t.Fatalf("%d without an id: %s", rec.Code, rec.Body)
		}
		if rec.Code >= 400 && !strings.Contains(rec.Body.String(), `"error"`) {
			t.Fatalf("%d without an error message: %s", rec.Code, rec.Body)
		}
	})
}

// FuzzLocalPath checks that whatever next is, the sign-in form sends the
// browser to a path on this server: one leading slash, no host, no
// control character, space or backslash.
func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/stories/3", "/\t/evil.example", "//evil", "/\\evil", "https://evil.example/", "/?q=a b", "/%2F%2Fx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := localPath(next)
		u, err := url.Parse(got)
		if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") ||
			strings.ContainsFunc(got, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) || r == '\\' }) {
			t.Fatalf("localPath(%q) = %q", next, got)
		}
	})
}
