package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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

// StaleStories returns, in id order, the stories whose stored brief
// counts another number of articles than are placed in them now: those a
// leader that died between placing articles and asking for their briefs
// left behind. (A story that lost one article and gained another at that
// moment keeps its count and is not found.)
func (s *sqlStore) StaleStories(ctx context.Context) ([]int64, error) {
	return s.storyIDs(ctx, `SELECT s.id FROM stories s
		LEFT JOIN (SELECT story, COUNT(*) AS n FROM articles WHERE story <> 0 GROUP BY story) a ON a.story = s.id
		WHERE s.articles <> COALESCE(a.n, 0) ORDER BY s.id`)
}

// staleAfterQuery is StaleStoriesAfter's; TestStartPlans checks that it
// searches the indexes (articles by id, by story; stories by id).
const staleAfterQuery = `SELECT s.id FROM stories s
	JOIN (SELECT story, COUNT(*) AS n FROM articles
		WHERE story <> 0 AND story IN (SELECT story FROM articles WHERE id > ?) GROUP BY story) a ON a.story = s.id
	WHERE s.articles <> a.n ORDER BY s.id`

// StaleStoriesAfter is StaleStories over the stories that hold an
// article whose id is above after (the active window, for a server that
// holds it): its cost is what those stories hold, not what the store
// has ever had. A story that holds no article now is not found, however
// many its brief counts (the story lists leave it out: see placed).
func (s *sqlStore) StaleStoriesAfter(ctx context.Context, after int64) ([]int64, error) {
	return s.storyIDs(ctx, s.q(staleAfterQuery), after)
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
