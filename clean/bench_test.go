package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// thousandWords builds a page of about 1,000 words from the self-written
// ferry_strike fixture: its furniture once, its article paragraphs
// repeated with a number so that no block repeats.
func thousandWords(tb testing.TB, file string) string {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages2", file))
	if err != nil {
		tb.Fatal(err)
	}
	page := string(raw)
	const para = "Crews on the three ferries that link Port Alder with the outer islands walked out on Tuesday morning"
	i := strings.Index(page, para)
	var extra strings.Builder
	for n := 0; wordCount(page)+wordCount(extra.String()) < 1000; n++ {
		line := "Ferry crew number " + strings.Repeat("x", n%7+1) + " said on Tuesday that the dispute over the winter timetable had gone on for " +
			string(rune('a'+n%26)) + " weeks and that the islanders deserved better."
		if strings.HasSuffix(file, ".html") {
			extra.WriteString("<p>" + line + "</p>\n")
		} else {
			extra.WriteString(line + "\n\n")
		}
	}
	if strings.HasSuffix(file, ".html") {
		i = strings.LastIndex(page[:i], "<p>")
	}
	return page[:i] + extra.String() + page[i:]
}

func BenchmarkClean(b *testing.B) {
	for _, tc := range []struct {
		name, file string
		opts       Options
	}{
		{"text", "ferry_strike.txt", Options{}},
		{"html", "ferry_strike.html", Options{HTML: true}},
	} {
		page := thousandWords(b, tc.file)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if _, err := Clean(page, tc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestThousandWords(t *testing.T) {
	for _, f := range []string{"ferry_strike.txt", "ferry_strike.html"} {
		page := thousandWords(t, f)
		res, err := Clean(page, Options{HTML: strings.HasSuffix(f, ".html")})
		if err != nil {
			t.Fatal(err)
		}
		if n := wordCount(res.Text); n < 850 || n > 1000 {
			t.Errorf("Clean(1,000-word %s) kept %d words, want 850 to 1,000 (the page less its furniture)", f, n)
		}
	}
}
