package news

import (
	"fmt"
	"time"
)

// Story is one event of a mixed pile: its brief (articles and cited
// summary) and what the stories stage found in it.
type Story struct {
	// Brief holds the story's articles and summary; Brief.ID names the
	// story ("1", "2", ... in order of size).
	Brief
	// Quotes are the direct quotations of the story's articles with their
	// speakers, the most widely carried first.
	Quotes []Quote
	// Entities are the people, organisations and places the articles
	// mention, the most mentioned first.
	Entities []Entity
	// Timeline is the story's dated events, earliest first.
	Timeline []Event
	// Support gives, for each summary sentence in order, the outlets that
	// report it.
	Support []Support
	// Conflicts are the places where sources disagree.
	Conflicts []Conflict
}

// Quote is a direct quotation and who said it.
type Quote struct {
	// Text is the quotation without its quote marks.
	Text string
	// Speaker is the person or body quoted, as the article names them, or
	// "" when the article does not say.
	Speaker string
	// Citations are the sentences that carry the quotation, one per
	// article, the first occurrence first.
	Citations []Citation
	// Outlets are the outlets that carry it.
	Outlets []string
}

// EntityKind tells people, organisations and places apart.
type EntityKind uint8

// The kinds of entity.
const (
	Person EntityKind = iota + 1
	Organization
	Place
)

// String returns "person", "organization" or "place".
func (k EntityKind) String() string {
	switch k {
	case Person:
		return "person"
	case Organization:
		return "organization"
	case Place:
		return "place"
	}
	return "unknown"
}

// Entity is a person, organisation or place a story mentions.
type Entity struct {
	// Name is the fullest form the articles use ("Tomas Avery", not
	// "Avery").
	Name string
	Kind EntityKind
	// Mentions counts the mentions across all articles; Articles counts
	// the articles that mention it.
	Mentions int
	Articles int
	// Outlets are the outlets that mention it.
	Outlets []string
	// First is the first mention.
	First Citation
}

// DatePrecision is how much of the calendar an event's date names.
type DatePrecision uint8

// The precisions of a date, the zero value a whole day.
const (
	Day       DatePrecision = iota // "March 3", "on Friday", "yesterday"
	PartOfDay                      // "Friday night", "tonight", "9 a.m. Tuesday" (Date holds the time)
	Week                           // "last week", "the week of March 6"
	Month                          // "last month", "in August 1998"
	Year                           // "in 1995", "last year"
)

// String returns "day", "part of day", "week", "month" or "year".
func (p DatePrecision) String() string {
	switch p {
	case Day:
		return "day"
	case PartOfDay:
		return "part of day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "unknown"
}

// Event is one dated line of a story's timeline.
type Event struct {
	// Date is the day the event happened (or, for a publication, the day
	// it was published), in UTC at midnight unless a time was given; for
	// a week, month or year (see Precision), its first day (a week starts
	// on Monday).
	Date time.Time
	// Precision is how much of the calendar Date names: a day (the zero
	// value), a part of a day, a week, a month or a year.
	Precision DatePrecision
	// Expression is the words that date it ("on Friday", "March 3"), or
	// "published" for an article's publication.
	Expression string
	// Text is the sentence that reports it, or the article's title for a
	// publication.
	Text string
	// Citation points at Text when it is a sentence; for a publication it
	// names the article with an empty span.
	Citation Citation
	// Outlets are the outlets whose articles date the same sentence.
	Outlets []string
}

// Support is how widely one summary sentence is reported.
type Support struct {
	// Outlets are the outlets that report the sentence, the origin's
	// first.
	Outlets []string
	// Single reports that only one outlet reports it.
	Single bool
}

// ConflictKind tells the kinds of disagreement apart.
type ConflictKind uint8

// The kinds of conflict.
const (
	// Figures: sources give different numbers for the same quantity.
	Figures ConflictKind = iota + 1
	// Characterization: outlets describe the same thing in opposing words,
	// as their own statement (not in quotes nor in someone's words), no
	// outlet on both sides.
	Characterization
	// Views: people quoted or cited describe the same thing in opposing
	// words; a contrast of views, not a disagreement between sources.
	Views
)

// String returns "figures", "characterization" or "views".
func (k ConflictKind) String() string {
	switch k {
	case Figures:
		return "figures"
	case Characterization:
		return "characterization"
	case Views:
		return "views"
	}
	return "unknown"
}

// Conflict is a disagreement between sources about one thing.
type Conflict struct {
	Kind ConflictKind
	// Subject is what the sources disagree about: the counted noun
	// ("troops", "people killed") or the described thing ("talks").
	Subject string
	// Claims are the differing statements, at least two, in article order.
	Claims []Claim
}

// Claim is one source's version in a conflict.
type Claim struct {
	// Value is what the source says: a figure ("3,000") or a word
	// ("tough").
	Value  string
	Outlet string
	// Speaker is, for a contrast of views, the person or body whose view
	// it is, as the article names them; "" for an outlet's own claim.
	Speaker  string
	Citation Citation
}

// When returns the event's date at its precision: "2026-03-02" for a day
// or a part of one, "2026-03-02T09:00" for a time of day, the ISO week
// "2026-W10", the month "2026-03" or the year "2026".
func (e Event) When() string {
	switch e.Precision {
	case PartOfDay:
		if e.Date.Hour() != 0 || e.Date.Minute() != 0 {
			return e.Date.Format("2006-01-02T15:04")
		}
	case Week:
		y, w := e.Date.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return e.Date.Format("2006-01")
	case Year:
		return e.Date.Format("2006")
	}
	return e.Date.Format("2006-01-02")
}
