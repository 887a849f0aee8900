package enrich_test

import (
	"testing"
	"time"

	"tidings/enrich"
	"tidings/news"
)

// TestTimelineRules checks the rules of the timeline one by one: each
// text is one article published on a Wednesday, and the event wanted is
// the one whose expression is expr.
func TestTimelineRules(t *testing.T) {
	wed := time.Date(2026, 3, 25, 8, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		name, text, expr, want string // want "" for no event with expr
	}{
		{"plans a noun", "On Friday, when Berg set aside vacation plans for the trip, the ministry lifted a warning.",
			"On Friday", "2026-03-20"},
		{"plans to", "The ministry plans to lift the warning on Friday.", "on Friday", "2026-03-27"},
		{"is planned for", "The vote is planned for Friday.", "Friday", "2026-03-27"},
		{"the next day", "The talks opened on March 3 in Oslo. The next day, the envoys left.", "The next day", "2026-03-04"},
		{"a day earlier", "Berg spoke on Monday. A day earlier, she had met the envoy.", "A day earlier", "2026-03-22"},
		{"two days later", "Talks opened on March 3. Two days later they broke down.", "Two days later", "2026-03-05"},
		{"that same day", "The bridge fell on Oct. 23. Berg resigned that same day.", "that same day", "2025-10-23"},
		{"the next morning", "The vote was on Monday. Berg left the next morning.", "the next morning", "2026-03-24"},
		{"the day before a day", "The day before last Tuesday's hearing, Berg met the envoy.", "The day before last Tuesday's", "2026-03-23"},
		{"the day before, at the end", "Berg left on Friday. The envoy had arrived the day before.", "the day before", "2026-03-19"},
		{"no day told before", "The next day, the envoys left.", "The next day", ""},
		{"a month told last", "The bridge fell on Oct. 23. In November the mayor resigned, and the next day a new one was named.", "the next day", ""},
		{"a day long before", "The bridge fell on Oct. 23. The mayor spoke. Crews came. Roads shut. The next day was calm.", "The next day", ""},
		{"on the 5th of the month named", "The strike began in February. It ended on the 5th.", "on the 5th", "2026-02-05"},
		{"on the 5th of this month", "The strike ended on the 5th, the union said.", "on the 5th", "2026-03-05"},
		{"by the 28th to come", "The union will decide by the 28th.", "by the 28th", "2026-03-28"},
		{"on the 28th gone", "The strike ended on the 28th.", "on the 28th", "2026-02-28"},
		{"on the 5th floor", "The fire started on the 5th floor.", "on the 5th", ""},
		{"range first day", "The fair runs May 3–4 in Oslo.", "May 3", "2026-05-03"},
		{"range second day", "The fair runs May 3–4 in Oslo.", "4", "2026-05-04"},
		{"range through", "The fair ran March 3 through 5 in Oslo.", "5", "2026-03-05"},
		{"ordinal date", "The fair opened on March 3rd.", "March 3rd", "2026-03-03"},
		{"weekday and date", "The paper said on Monday, March 23, that talks had failed.", "Monday, March 23", "2026-03-23"},
		{"earlier this week is a week", "Berg said earlier this week that talks had failed.", "this week", "2026-W13"},
		{"last weekday", "Berg spoke last Thursday.", "last Thursday", "2026-03-19"},
		{"next weekday", "Berg speaks next Monday.", "next Monday", "2026-03-30"},
		{"weekday night is that day", "Berg spoke on Monday night.", "on Monday night", "2026-03-23"},
		{"Last weekday opening a sentence", "Last Wednesday, Berg spoke.", "Last Wednesday", "2026-03-18"},
		{"until a past weekday", "Until Monday, the police had not named him.", "Until Monday", "2026-03-23"},
		{"until a weekday to come", "The bridge stays shut until Monday.", "until Monday", "2026-03-30"},
		{"In opening a sentence", "In November the mayor resigned.", "In November", "2025-11"},
		{"the day after an event", "The bridge fell on Oct. 23. Berg came the day after the vote.", "the day after", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := enrich.Timeline([]news.Article{article("a", "O", tt.text, wed)})
			got := ""
			for _, e := range evs {
				if e.Expression == tt.expr {
					got = e.When()
				}
			}
			if got != tt.want {
				t.Errorf("%q: %q is %q, want %q (events %+v)", tt.text, tt.expr, got, tt.want, evs)
			}
		})
	}
}
