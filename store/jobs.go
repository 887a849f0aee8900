package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// What servers sharing one database through a job queue ask of the store
// beside the Store interface (internal/jobs, internal/server): they find
// these methods through an interface of their own.

// Placement returns the story of article id and the article it copies,
// without reading the article: story is 0 while the article waits to be
// placed. It returns ErrNotFound when no article has the id.
func (s *sqlStore) Placement(ctx context.Context, id int64) (story, copyOf int64, err error) {
	err = s.db.QueryRowContext(ctx, s.q(`SELECT story, copy_of FROM articles WHERE id = ?`), id).Scan(&story, &copyOf)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, ErrNotFound
	}
	if err != nil {
		return 0, 0, fmt.Errorf("store: placement: %w", err)
	}
	return story, copyOf, nil
}

// StaleStories returns, in id order, up to limit stories (all of them
// when limit is 0 or less) whose stored brief counts another number of
// articles than are placed in them now: those a leader that died between
// placing articles and asking for their briefs left behind. (A story
// that lost one article and gained another at that moment keeps its count
// and is not found.) It counts each story's articles by the index of
// articles by story, stopping at the limit.
func (s *sqlStore) StaleStories(ctx context.Context, limit int) ([]int64, error) {
	if limit <= 0 {
		limit = math.MaxInt32
	}
	return s.storyIDs(ctx, s.q(staleQuery), limit)
}

// staleQuery is StaleStories'.
const staleQuery = `SELECT s.id FROM stories s
	WHERE s.articles <> (SELECT COUNT(*) FROM articles a WHERE a.story = s.id)
	ORDER BY s.id LIMIT ?`

// staleAfterQuery is StaleStoriesAfter's; TestStartPlans checks that it
// searches the indexes (articles by id, by story; stories by id).
const staleAfterQuery = `SELECT s.id FROM stories s
	JOIN (SELECT story, COUNT(*) AS n FROM articles
		WHERE story <> 0 AND story IN (SELECT story FROM articles WHERE id > ?) GROUP BY story) a ON a.story = s.id
	WHERE s.articles <> a.n ORDER BY s.id`

// staleEmptiedQuery is the other half of StaleStoriesAfter: the stories
// that hold no article now but whose brief, written since the time given,
// counts some. TestStartPlans checks that it searches the indexes
// (stories by updated, articles by story).
const staleEmptiedQuery = `SELECT s.id FROM stories s
	WHERE s.updated >= ? AND s.articles > 0 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story = s.id)
	ORDER BY s.id`

// emptiedMargin is how much earlier than the first article after the
// bound a brief of a story emptied by moves may have been written: the
// clocks of the servers that store articles and write briefs may differ
// by that much.
const emptiedMargin = 10 * time.Minute

// StaleStoriesAfter is StaleStories over the stories that hold an
// article whose id is above after (the active window, for a server that
// holds it), and those that the moves of such articles emptied: its cost
// is what those stories hold, not what the store has ever had. Only the
// articles of the window move, so a story they emptied has a brief
// written after the first of them was stored (less emptiedMargin), and
// it is found among the stories that hold no article and were written
// since (with a few that were emptied before: a brief too many is made,
// none is missed).
func (s *sqlStore) StaleStoriesAfter(ctx context.Context, after int64) ([]int64, error) {
	held, err := s.storyIDs(ctx, s.q(staleAfterQuery), after)
	if err != nil {
		return nil, err
	}
	var added string
	err = s.db.QueryRowContext(ctx, s.q(`SELECT added FROM articles WHERE id > ? ORDER BY id LIMIT 1`), after).Scan(&added)
	if errors.Is(err, sql.ErrNoRows) {
		return held, nil // no article after: none moved
	}
	if err != nil {
		return nil, fmt.Errorf("store: stale stories: %w", err)
	}
	since := ""
	if t := parseTime(added); !t.IsZero() {
		since = formatTime(t.Add(-emptiedMargin))
	}
	emptied, err := s.storyIDs(ctx, s.q(staleEmptiedQuery), since)
	if err != nil {
		return nil, err
	}
	out := append(held, emptied...)
	slices.Sort(out)
	return slices.Compact(out), nil
}

// storyIDs runs a query of the stale stories, whose rows are story ids.
func (s *sqlStore) storyIDs(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: stale stories: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: stale stories: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
