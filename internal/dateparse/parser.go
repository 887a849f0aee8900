package dateparser

import (
	"errors"
	"time"
)

// MaxInput is the longest text, in bytes, that Parse reads.
const MaxInput = 256

// ErrNoDate is returned when the text holds no date that the parser types
// can read.
var ErrNoDate = errors.New("dateparser: no date found")

// ErrTooLong is returned for a text longer than MaxInput bytes.
var ErrTooLong = errors.New("dateparser: text too long")

// ParserType names one way of reading a date.
type ParserType uint8

const (
	// CustomFormat reads the text with each format given to Parse, as Go
	// time layouts ("2006-01-02"), the first that fits winning.
	CustomFormat ParserType = iota + 1
	// AbsoluteTime reads a calendar date written out in numbers or with a
	// month name (see the package documentation).
	AbsoluteTime
)

// Parser reads dates. The zero value tries CustomFormat, then
// AbsoluteTime. A Parser holds no state: it is safe for concurrent use.
type Parser struct {
	// ParserTypes are tried in order; the first that reads a date wins.
	// Empty means CustomFormat, then AbsoluteTime.
	ParserTypes []ParserType
}

// DateOrder says how to read a numeric date whose first two numbers could
// each be the day or the month (04/03/2021).
type DateOrder uint8

const (
	// AutoOrder reads day first when the numbers are separated by dots or
	// dashes (04.03.2021, the European way) and month first when they are
	// separated by slashes or spaces (04/03/2021, the American way). A
	// number above 12 is the day whatever the order.
	AutoOrder DateOrder = iota
	// DMY reads day, month, year.
	DMY
	// MDY reads month, day, year.
	MDY
)

// PreferredDayOfMonth chooses the day of a date given as month and year
// only (when StrictParsing is off).
type PreferredDayOfMonth uint8

const (
	// Current takes the day of Configuration.CurrentTime (the month's
	// last day when the month is shorter).
	Current PreferredDayOfMonth = iota
	// First takes the month's first day.
	First
	// Last takes the month's last day.
	Last
)

// PreferredDateSource chooses the year of a date given as day and month
// only (when StrictParsing is off).
type PreferredDateSource uint8

const (
	// CurrentPeriod takes the year of Configuration.CurrentTime.
	CurrentPeriod PreferredDateSource = iota
	// Past takes the latest year in which the date is not after
	// CurrentTime.
	Past
	// Future takes the earliest year in which the date is not before
	// CurrentTime.
	Future
)

// Configuration tunes Parse. The zero value works: automatic day/month
// order, missing parts filled from the current time, times in UTC.
type Configuration struct {
	// DateOrder reads ambiguous numeric dates.
	DateOrder DateOrder
	// CurrentTime is "now" for filling missing parts; zero means
	// time.Now().
	CurrentTime time.Time
	// DefaultTimezone is the zone of a text that gives no UTC offset; nil
	// means UTC.
	DefaultTimezone *time.Location
	// PreferredDayOfMonth fills a missing day.
	PreferredDayOfMonth PreferredDayOfMonth
	// PreferredDateSource fills a missing year.
	PreferredDateSource PreferredDateSource
	// StrictParsing accepts only dates that give day, month and year.
	StrictParsing bool
}

// Period is how precise a parsed date is.
type Period uint8

const (
	// None is no date.
	None Period = iota
	// Day is a date with its day.
	Day
	// Month is a month of a year: the day was filled in.
	Month
)

// Date is a parsed date.
type Date struct {
	// Time is the date, at the time of day the text gave (midnight when
	// none), in the text's UTC offset or Configuration.DefaultTimezone.
	Time time.Time
	// Period is Day or Month; None with a zero Time when no date was read.
	Period Period
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Period == None || d.Time.IsZero() }

// Parse reads the date that s holds, trying p's parser types in order.
// cfg may be nil (the zero Configuration). formats are the layouts of
// CustomFormat. It returns ErrNoDate when no parser type reads a date.
func (p *Parser) Parse(cfg *Configuration, s string, formats ...string) (Date, error) {
	if len(s) > MaxInput {
		return Date{}, ErrTooLong
	}
	var c Configuration
	if cfg != nil {
		c = *cfg
	}
	types := p.ParserTypes
	if len(types) == 0 {
		types = []ParserType{CustomFormat, AbsoluteTime}
	}
	for _, t := range types {
		var d Date
		switch t {
		case CustomFormat:
			d = customFormat(&c, s, formats)
		case AbsoluteTime:
			d = absoluteTime(&c, s)
		}
		if !d.IsZero() {
			return d, nil
		}
	}
	return Date{}, ErrNoDate
}

// customFormat reads s with the first layout that fits.
func customFormat(c *Configuration, s string, layouts []string) Date {
	loc := c.DefaultTimezone
	if loc == nil {
		loc = time.UTC
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return Date{Time: t, Period: Day}
		}
	}
	return Date{}
}
