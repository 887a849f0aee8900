package tidings

import (
	"strings"
	"testing"
	"time"

	"tidings/news"
)

func TestStampDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{"month day year", "Storm hits the coast  May 03, 2013  Winds of 100 km/h", "2013-05-03"},
		{"ordinal and abbreviation", "Posted Sept. 18th, 2013, 05:31 GMT", "2013-09-18"},
		{"day month year", "Monday 16 September 2013 03. 31 BST", "2013-09-16"},
		{"numeric, month first", "First Posted: 10 / 25 / 11 06: 44 PM ET", "2011-10-25"},
		{"numeric, day first when it must be", "27/09/2013 - Elections", "2013-09-27"},
		{"iso", "Published 2014-03-30 by the desk", "2014-03-30"},
		{"the earliest in the text wins", "July 2, 2013 ... the tsunami of December 26, 2004", "2013-07-02"},
		{"no year: no date", "The talks ended on March 3 without a deal", ""},
		{"impossible day", "February 30, 2013", ""},
		{"a word that starts like a month", "Mayor 3, 2013", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := stampDate(tc.text)
			s := ""
			if !got.IsZero() {
				s = got.Format(time.DateOnly)
			}
			if s != tc.want {
				t.Errorf("stampDate(%q) = %q, want %q", tc.text, s, tc.want)
			}
		})
	}
}

func TestEventDate(t *testing.T) {
	t.Parallel()
	pub := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    news.Article
		want string
	}{
		{"the publication date first", news.Article{Date: pub, Text: "May 3, 2013. Talks."}, "2026-03-02"},
		{"else the stamp at the top", news.Article{Text: "May 3, 2013\n\nTalks ended."}, "2013-05-03"},
		{"the stamp in the title", news.Article{Title: "Talks end (May 3, 2013)", Text: "Talks ended."}, "2013-05-03"},
		{"a date deep in the text is not a stamp", news.Article{Text: strings.Repeat("Talks went on. ", 30) + "He was convicted on May 3, 2009."}, ""},
		{"no date", news.Article{Text: "Talks ended on Monday."}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := eventDate(&tc.a)
			s := ""
			if !got.IsZero() {
				s = got.Format(time.DateOnly)
			}
			if s != tc.want {
				t.Errorf("eventDate = %q, want %q", s, tc.want)
			}
		})
	}
}

func FuzzStampDate(f *testing.F) {
	for _, s := range []string{"May 03, 2013", "10 / 25 / 11", "16 September 2013", "2014-03-30", "99/99/99", "February 30, 2013"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := stampDate(s)
		if !d.IsZero() && (d.Year() < 1900 || d.Year() > 2099) {
			t.Errorf("stampDate(%q) = %v: year out of range", s, d)
		}
	})
}

func TestReportedDates(t *testing.T) {
	t.Parallel()
	pub := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		text string
		pub  time.Time
		want string
	}{
		{"a day in the publication year", "The fire broke out on January 7.", pub, "[2026-01-07]"},
		{"a late-December day is last year's", "Talks began on December 30 and ended on 2 January.", pub, "[2025-12-30 2026-01-02]"},
		{"with its year", "He was convicted on March 3, 2009.", pub, "[2009-03-03]"},
		{"a day after publication is a plan", "The patrol starts on January 20.", pub, "[]"},
		{"without a publication date only years count", "On March 3 and on May 4, 2013.", time.Time{}, "[2013-05-04]"},
		{"repeats once", "On January 7 ... January 7.", pub, "[2026-01-07]"},
		{"a weekday before publication", "Talks ended on Monday.", pub, "[2026-01-05]"},
		{"yesterday", "The ferry sank yesterday.", pub, "[2026-01-09]"},
		{"a past day without a year, months ahead in the calendar, is last year's", "Her body was found on May 9.", pub, "[2025-05-09]"},
		{"the next day, from the day named", "The fire broke out on January 3, 2026. Crews put it out the next day.", pub, "[2026-01-03 2026-01-04]"},
		{"a week or a month is not a day", "Talks ended last week, after talks in December.", pub, "[]"},
		{"no days", "Talks ended without a deal.", pub, "[]"},
		{"weekdays need a publication date", "Talks ended on Monday.", time.Time{}, "[]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := news.Article{Text: tc.text}
			Segment(&a)
			var got []string
			for _, d := range reportedDates(&a, tc.pub) {
				got = append(got, d.Format(time.DateOnly))
			}
			if s := "[" + strings.Join(got, " ") + "]"; s != tc.want {
				t.Errorf("reportedDates(%q) = %s, want %s", tc.text, s, tc.want)
			}
		})
	}
}
