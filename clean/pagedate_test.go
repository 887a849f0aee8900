package clean

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestPageDates(t *testing.T) {
	t.Parallel()
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	const related = `<aside class="related"><h3>More</h3><ul><li><a href="/a">Harbour reopens, 02.02.2022</a></li></ul></aside>`
	tests := []struct {
		name     string
		page     string
		htmldate string // go-htmldate's date, "" for none
		want     string
		source   string
	}{
		{"shown beside the headline beats a meta date",
			`<head><meta property="article:published_time" content="2021-11-29T14:13:37+00:00"></head><body><h1>Ferry strike</h1><p class="meta">By Mira Holt | 12.01.2022</p><p>The crews walked out.</p></body>`,
			"2021-11-29", "2022-01-12", "headline-date"},
		{"update stamp beside the headline",
			`<body><header><h1>Ferry strike</h1><p>Stand: 28.04.2020 18:00 Uhr</p></header><p>Text.</p></body>`,
			"2020-04-29", "2020-04-28", "headline-date"},
		{"time element read as written, not in UTC",
			`<body><h1>Fashion show</h1><span class="post-date"><time datetime="2022-05-03T23:37:37-04:00">3 May, 2022, 11:37 pm</time></span></body>`,
			"2022-05-04", "2022-05-03", "headline-date"},
		{"ambiguous slash date read day first when go-htmldate says so",
			`<body><main><article><h1>Investigador chileno</h1><h6><span>3/5/2022 22:41</span></h6></article></main></body>`,
			"2022-05-04", "2022-05-03", "headline-date"},
		{"ambiguous slash date read month first when go-htmldate says so",
			`<body><main><article><h1>Investigador chileno</h1><h6><span>3/5/2022 22:41</span></h6></article></main></body>`,
			"2022-03-04", "2022-03-05", "headline-date"},
		{"dates of linked stories and sidebars are not the page's",
			`<body><h1>Ferry strike</h1><ul><li><a href="/b">Storm, 01.02.2022</a></li></ul>` + related + `<p>The crews walked out.</p></body>`,
			"2022-01-20", "2022-01-20", "htmldate"},
		{"a sentence that mentions a date is not a date line",
			`<body><h1>Ferry strike</h1><p>The union said on Monday that the crews would meet again on 5 November 2023.</p></body>`,
			"2023-11-06", "2023-11-06", "htmldate"},
		{"a date far below the headline is not beside it",
			`<body><h1>Ferry strike</h1><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>07.07.2021</p></body>`,
			"2021-07-01", "2021-07-01", "htmldate"},
		{"modified date alone gives way to JSON-LD datePublished",
			`<head><meta property="article:modified_time" content="2022-12-20T16:55:21+00:00"><script type="application/ld+json">{"@graph":[{"@type":"Article","datePublished":"2022-12-21T05:49:28+00:00"}]}</script></head><body><p>Text.</p></body>`,
			"2022-12-20", "2022-12-21", "json-ld"},
		{"modified date alone gives way to the first time element",
			`<head><meta property="og:updated_time" content="2020-06-02T11:57:06+02:00"></head><body><p>Text.</p><time>31.03.2020</time></body>`,
			"2020-06-02", "2020-03-31", "time-element"},
		{"a modified date that is also the published one stays",
			`<head><meta property="article:published_time" content="2020-06-02"><meta property="article:modified_time" content="2020-06-02"><script type="application/ld+json">{"datePublished":"2019-01-01"}</script></head><body><p>Text.</p></body>`,
			"2020-06-02", "2020-06-02", "htmldate"},
		{"no evidence, no date", `<body><p>Text.</p></body>`, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			got, src := scanDates(doc).choose(day(tc.htmldate))
			if !got.Equal(day(tc.want)) || src != tc.source {
				t.Errorf("scanDates(page).choose(%s) = %v, %q, want %s, %q", tc.htmldate, got.Format(time.DateOnly), src, tc.want, tc.source)
			}
		})
	}
}

// FuzzPageDates checks that no markup makes the date scan panic and that a
// date it gives is a valid calendar day.
func FuzzPageDates(f *testing.F) {
	f.Add(`<h1>T</h1><time datetime="2022-05-03T23:37">x</time><script type="application/ld+json">{"datePublished":"2022-13-45"}</script>`)
	f.Add(`<meta name="date" content="11/01/2023"><h1>x</h1><p>3/5/2022</p>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		d, _ := scanDates(doc).choose(time.Time{})
		if !d.IsZero() && (d.Year() < 1990 || d.Year() > 2100) {
			t.Errorf("scanDates(%q) gave %v", page, d)
		}
	})
}
