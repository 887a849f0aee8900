package store

import (
	"context"
	"fmt"
	"strings"
)

// maxPlaceRows bounds the placements of one UPDATE statement of
// PlaceArticles (3 parameters each: within both databases' limits).
const maxPlaceRows = 500

func (s *sqlStore) AddArticles(ctx context.Context, arts []*Article) ([]bool, error) {
	if len(arts) == 0 {
		return nil, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: add articles: %w", err)
	}
	defer tx.Rollback()
	created := make([]bool, len(arts))
	for i, a := range arts {
		if created[i], err = s.addArticle(ctx, tx, a); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: add articles: %w", err)
	}
	return created, nil
}

func (s *sqlStore) PlaceArticles(ctx context.Context, places []Placement) error {
	if len(places) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: place articles: %w", err)
	}
	defer tx.Rollback()
	// The last placement of an id is the one that holds.
	last := make(map[int64]Placement, len(places))
	order := make([]int64, 0, len(places))
	for _, p := range places {
		if _, ok := last[p.Article]; !ok {
			order = append(order, p.Article)
		}
		last[p.Article] = p
	}
	for len(order) > 0 {
		n := min(len(order), maxPlaceRows)
		chunk := order[:n]
		order = order[n:]
		// One statement per chunk: UPDATE ... FROM a VALUES list named by
		// a WITH clause, which both SQLite (3.33 and later) and
		// PostgreSQL take.
		var b strings.Builder
		b.WriteString(`WITH v (id, story, copy_of) AS (VALUES `)
		args := make([]any, 0, 3*n)
		for i, id := range chunk {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))")
			p := last[id]
			args = append(args, p.Article, p.Story, p.CopyOf)
		}
		b.WriteString(`) UPDATE articles SET story = v.story, copy_of = v.copy_of FROM v WHERE articles.id = v.id`)
		res, err := tx.ExecContext(ctx, s.q(b.String()), args...)
		if err != nil {
			return fmt.Errorf("store: place articles: %w", err)
		}
		if got, err := res.RowsAffected(); err == nil && got != int64(n) {
			return fmt.Errorf("store: place articles: %d of %d articles found: %w", got, n, ErrNotFound)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: place articles: %w", err)
	}
	return nil
}
