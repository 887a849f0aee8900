package dateparser

import (
	"testing"
	"time"
)

// now is the fixed "current time" of the tests.
var now = time.Date(2024, time.June, 15, 12, 0, 0, 0, time.UTC)

func TestParse(t *testing.T) {
	strict := &Configuration{CurrentTime: now, StrictParsing: true, PreferredDateSource: Past}
	lenient := &Configuration{CurrentTime: now, PreferredDateSource: Past, PreferredDayOfMonth: First}
	dmy := &Configuration{CurrentTime: now, StrictParsing: true, DateOrder: DMY}
	mdy := &Configuration{CurrentTime: now, StrictParsing: true, DateOrder: MDY}
	p := &Parser{ParserTypes: []ParserType{CustomFormat, AbsoluteTime}}
	tests := []struct {
		name string
		cfg  *Configuration
		in   string
		want string // RFC 3339, "" for no date
	}{
		{"iso", strict, "2021-03-04", "2021-03-04T00:00:00Z"},
		{"iso slashes", strict, "2021/03/04", "2021-03-04T00:00:00Z"},
		{"iso dots", strict, "2021.3.4", "2021-03-04T00:00:00Z"},
		{"compact", strict, "20210304", "2021-03-04T00:00:00Z"},
		{"iso date-time", strict, "2021-03-04T10:30:15Z", "2021-03-04T10:30:15Z"},
		{"iso fraction and offset", strict, "2021-03-04T10:30:15.250+01:00", "2021-03-04T10:30:15.25+01:00"},
		{"iso negative offset", strict, "2021-03-04 23:10 -0500", "2021-03-04T23:10:00-05:00"},
		{"german numeric", strict, "04.03.2021", "2021-03-04T00:00:00Z"},
		{"dashes day first", strict, "04-03-2021", "2021-03-04T00:00:00Z"},
		{"slashes month first", strict, "03/04/2021", "2021-03-04T00:00:00Z"},
		{"slashes, day above 12", strict, "25/12/2021", "2021-12-25T00:00:00Z"},
		{"dots, month-day forced by 13", strict, "12.13.2021", "2021-12-13T00:00:00Z"},
		{"DateOrder DMY", dmy, "03/04/2021", "2021-04-03T00:00:00Z"},
		{"DateOrder MDY", mdy, "04.03.2021", "2021-04-03T00:00:00Z"},
		{"two-digit year", strict, "04.03.21", "2021-03-04T00:00:00Z"},
		{"two-digit year of the last century", strict, "04.03.97", "1997-03-04T00:00:00Z"},
		{"english", strict, "4 March 2021", "2021-03-04T00:00:00Z"},
		{"english month first", strict, "March 4th, 2021", "2021-03-04T00:00:00Z"},
		{"english weekday and time", strict, "Thursday, March 4, 2021 10:30 p.m. EST", "2021-03-04T22:30:00Z"},
		{"english abbreviation", strict, "Mar. 4, 2021", "2021-03-04T00:00:00Z"},
		{"english of", strict, "the 4th of March 2021", "2021-03-04T00:00:00Z"},
		{"upper case", strict, "4 MARCH 2021", "2021-03-04T00:00:00Z"},
		{"german", strict, "Donnerstag, 4. März 2021, 10:30 Uhr", "2021-03-04T10:30:00Z"},
		{"german am", strict, "am 4. Mär 2021", "2021-03-04T00:00:00Z"},
		{"german dotted time", strict, "4. März 2021 10.30 Uhr", "2021-03-04T10:30:00Z"},
		{"french", strict, "jeudi 4 mars 2021 à 10h30", "2021-03-04T10:30:00Z"},
		{"french first", strict, "1er févr. 2021", "2021-02-01T00:00:00Z"},
		{"spanish", strict, "4 de marzo de 2021", "2021-03-04T00:00:00Z"},
		{"italian", strict, "giovedì 4 marzo 2021", "2021-03-04T00:00:00Z"},
		{"polish genitive", strict, "4 marca 2021 r.", "2021-03-04T00:00:00Z"},
		{"polish without diacritics", strict, "12 pazdziernika 2020", "2020-10-12T00:00:00Z"},
		{"dutch", strict, "donderdag 4 maart 2021", "2021-03-04T00:00:00Z"},
		{"portuguese", strict, "4 de março de 2021", "2021-03-04T00:00:00Z"},
		{"year month day with name", strict, "2021 March 4", "2021-03-04T00:00:00Z"},
		{"chinese", strict, "2021年3月4日", "2021-03-04T00:00:00Z"},
		{"korean", strict, "2021년 3월 4일", "2021-03-04T00:00:00Z"},
		{"leap day", strict, "29 February 2020", "2020-02-29T00:00:00Z"},

		{"strict wants a year", strict, "4 March", ""},
		{"strict wants a day", strict, "March 2021", ""},
		{"lenient, past year", lenient, "4 December", "2023-12-04T00:00:00Z"},
		{"lenient, this year", lenient, "4 March", "2024-03-04T00:00:00Z"},
		{"lenient, first day", lenient, "March 2021", "2021-03-01T00:00:00Z"},
		{"lenient, numeric month and year", lenient, "03/2021", "2021-03-01T00:00:00Z"},

		{"unknown word", strict, "Published 4 March 2021", ""},
		{"no leap day", strict, "29 February 2021", ""},
		{"day zero", strict, "00.03.2021", ""},
		{"month 13", strict, "2021-13-04", ""},
		{"mixed separators", strict, "04.03/2021", ""},
		{"two month names", strict, "4 March April 2021", ""},
		{"hour 25", strict, "2021-03-04 25:00", ""},
		{"pm hour 13", strict, "2021-03-04 13 pm", ""},
		{"year only", lenient, "2021", ""},
		{"phone number", strict, "0171 555 1234", ""},
		{"empty", strict, "", ""},
		{"lone marker", strict, "年", ""},
		{"marked and unmarked", strict, "2021年3月4", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := p.Parse(tt.cfg, tt.in)
			if tt.want == "" {
				if err == nil {
					t.Errorf("Parse(%q) = %v, want no date", tt.in, d.Time)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v, want %s", tt.in, err, tt.want)
			}
			if got := d.Time.Format(time.RFC3339Nano); got != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	cfg := &Configuration{CurrentTime: now, PreferredDayOfMonth: Last}
	var p Parser
	d, err := p.Parse(cfg, "February 2024")
	if err != nil || d.Period != Month || d.Time.Day() != 29 {
		t.Errorf("Parse(February 2024) = %v %v, %v; want the 29th, period Month", d.Time, d.Period, err)
	}
	d, err = p.Parse(cfg, "4 February 2024")
	if err != nil || d.Period != Day {
		t.Errorf("Parse(4 February 2024) period = %v, %v; want Day", d.Period, err)
	}
}

func TestCustomFormat(t *testing.T) {
	p := &Parser{ParserTypes: []ParserType{CustomFormat}}
	d, err := p.Parse(nil, "04|03|2021", "2006-01-02", "02|01|2006")
	if err != nil || !d.Time.Equal(time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Parse with layouts = %v, %v; want 2021-03-04", d.Time, err)
	}
	if _, err := p.Parse(nil, "4 March 2021"); err == nil {
		t.Error("CustomFormat without layouts read a date")
	}
}

func TestTooLong(t *testing.T) {
	var p Parser
	long := make([]byte, MaxInput+1)
	for i := range long {
		long[i] = '1'
	}
	if _, err := p.Parse(nil, string(long)); err != ErrTooLong {
		t.Errorf("Parse of %d bytes: %v, want ErrTooLong", len(long), err)
	}
}

// FuzzParse checks that Parse never panics and that a date it reads is a
// real calendar date it can read again.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2021-03-04T10:30:15.250+01:00", "Donnerstag, 4. März 2021, 10:30 Uhr",
		"2021年3月4日", "March 4th, 2021 10:30 p.m.", "04.03.21", "1er févr. 2021 à 10h30", "4 pm"} {
		f.Add(s)
	}
	p := &Parser{ParserTypes: []ParserType{AbsoluteTime}}
	cfg := &Configuration{CurrentTime: now}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := p.Parse(cfg, s)
		if err != nil {
			return
		}
		if d.IsZero() {
			t.Fatalf("Parse(%q) gave no error and no date", s)
		}
		iso := d.Time.Format("2006-01-02")
		again, err := p.Parse(&Configuration{StrictParsing: true}, iso)
		if err != nil || again.Time.Format("2006-01-02") != iso {
			t.Fatalf("Parse(%q) = %s, which reads back as %v, %v", s, iso, again.Time, err)
		}
	})
}
