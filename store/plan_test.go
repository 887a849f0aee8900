package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// planOf returns the query plan s's database makes for query with args:
// SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN lines
// with sequential scans disabled, so that a plan that still scans a
// table has no index to use.
func planOf(t *testing.T, s *sqlStore, query string, args ...any) []string {
	t.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	explain := "EXPLAIN QUERY PLAN "
	if s.d.name == "postgres" {
		explain = "EXPLAIN "
		if _, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := tx.QueryContext(ctx, explain+s.q(query), args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		// The detail is the last column: SQLite's (id, parent,
		// notused, detail), PostgreSQL's one QUERY PLAN.
		plan = append(plan, fmt.Sprintf("%s", vals[len(vals)-1]))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// scans reports the steps of plan that read a whole table (SQLite's
// SCAN of a subquery's rows, "SCAN a", reads no table).
func scans(plan []string) []string {
	var out []string
	for _, step := range plan {
		step = strings.TrimSpace(step)
		name, isScan := strings.CutPrefix(step, "SCAN ")
		name, _, _ = strings.Cut(name, " ")
		if isScan && tables[name] || strings.Contains(step, "Seq Scan") {
			out = append(out, step)
		}
	}
	return out
}

// tables are the store's tables (and the aliases the queries give them).
var tables = map[string]bool{"articles": true, "stories": true, "feeds": true, "state": true, "store_meta": true, "s": true}

// TestStartPlans checks that the reads of a server's start (state.go,
// and a shared leader's StaleStoriesAfter) search an index of the table they read instead of scanning it, so
// that a start over a large store costs what its active window holds;
// the last case, a read by an unindexed column, shows that a scan is
// seen. The store holds a few thousand articles, so that the planner
// has tables to choose for.
func TestStartPlans(t *testing.T) {
	eachStore(t, func(t *testing.T, st Store) {
		ctx := context.Background()
		s := st.(*sqlStore)
		var arts []Article
		var stories []Story
		day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 3000 {
			id := int64(i + 1)
			arts = append(arts, Article{ID: id, Key: fmt.Sprint("k", i), URL: fmt.Sprint("https://example.org/", i),
				Title: "t", Published: day, Added: day, Text: "text", Raw: "text", Story: id/10 + 1})
			if i%10 == 0 {
				stories = append(stories, Story{ID: id/10 + 1, Updated: day, Title: "t", Body: []byte("{}"), Seq: id/10 + 1})
			}
		}
		if err := s.Import(ctx, arts, stories); err != nil {
			t.Fatal(err)
		}
		if err := s.PutState(ctx, "placer", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, "ANALYZE"); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name  string
			query string
			args  []any
			scan  bool
		}{
			{"snapshot", stateQuery, []any{"placer"}, false},
			{"articles after", `SELECT ` + articleCols + ` FROM articles ` + articlesAfter, []any{int64(2900), 500}, false},
			{"story by seq", storyBySeqQuery, []any{int64(7)}, false},
			{"stale stories of the window", staleAfterQuery, []any{int64(2900)}, false},
			{"stories emptied in the window", staleEmptiedQuery, []any{formatTime(day.Add(time.Hour))}, false},
			{"control: by title", `SELECT id FROM articles WHERE title = ?`, []any{"t"}, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				plan := planOf(t, s, tc.query, tc.args...)
				t.Logf("%q", plan)
				if got := scans(plan); (len(got) > 0) != tc.scan {
					t.Errorf("plan of %s: %q; scans %q, want a scan: %v", tc.query, plan, got, tc.scan)
				}
			})
		}
	})
}
