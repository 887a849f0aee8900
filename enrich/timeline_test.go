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
			"Friday", "2026-03-20"},
		{"plans to", "The ministry plans to lift the warning on Friday.", "on Friday", "2026-03-27"},
		{"is planned for", "The vote is planned for Friday.", "Friday", "2026-03-27"},
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
