package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The reads of a server's start (internal/server/window.go): its
// snapshot by name, the articles stored after it by id, and the stories
// of the articles it replays by sequence number. Each searches an
// index, so that a start costs what the active window holds, not what
// the store has ever had; TestStartPlans checks their query plans.
const (
	stateQuery      = `SELECT data FROM state WHERE name = ?`
	articlesAfter   = `WHERE id > ? ORDER BY id LIMIT ?` // after SELECT articleCols FROM articles
	storyBySeqQuery = `SELECT id FROM stories WHERE seq = ? ORDER BY id LIMIT 1`
)

func (s *sqlStore) PutState(ctx context.Context, name string, data []byte) error {
	if data == nil {
		data = []byte{}
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO state (name, data, updated) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated = excluded.updated`),
		name, data, formatTime(time.Now()))
	if err != nil {
		return fmt.Errorf("store: put state: %w", err)
	}
	return nil
}

func (s *sqlStore) State(ctx context.Context, name string) ([]byte, error) {
	var data []byte
	err := s.rd.QueryRowContext(ctx, s.q(stateQuery), name).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: read state: %w", err)
	}
	return data, nil
}

func (s *sqlStore) Import(ctx context.Context, arts []Article, stories []Story) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, s.q(`INSERT INTO articles (id, key, url, outlet, title, author, published, raw, is_html, text, added, story, copy_of, cleaning)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	defer ins.Close()
	for i := range arts {
		a := &arts[i]
		if a.ID <= 0 || a.Key == "" {
			return fmt.Errorf("store: import: article %d of %d without an id or a key", i+1, len(arts))
		}
		normalizeArticle(a)
		var cleaning sql.NullString
		if a.Cleaning != "" {
			cleaning = sql.NullString{String: a.Cleaning, Valid: true}
		}
		if _, err := ins.ExecContext(ctx, a.ID, a.Key, a.URL, a.Outlet, a.Title, a.Author, formatTime(a.Published), a.Raw, a.IsHTML,
			a.Text, formatTime(a.Added), a.Story, a.CopyOf, cleaning); err != nil {
			return fmt.Errorf("store: import article %d: %w", a.ID, err)
		}
	}
	insStory, err := tx.PrepareContext(ctx, s.q(`INSERT INTO stories (id, updated, title, articles, summary, body, seq) VALUES (?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	defer insStory.Close()
	for i := range stories {
		st := &stories[i]
		if st.ID <= 0 {
			return fmt.Errorf("store: import: story %d of %d without an id", i+1, len(stories))
		}
		normalizeStory(st)
		if _, err := insStory.ExecContext(ctx, st.ID, formatTime(st.Updated), st.Title, st.Articles, st.Summary, string(st.Body), st.Seq); err != nil {
			return fmt.Errorf("store: import story %d: %w", st.ID, err)
		}
	}
	if s.d.name == "postgres" {
		// Ids given explicitly do not advance the sequences.
		for _, t := range []string{"articles", "stories"} {
			if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), GREATEST((SELECT MAX(id) FROM `+t+`), 1))`); err != nil {
				return fmt.Errorf("store: import: %w", err)
			}
		}
	}
	return tx.Commit()
}
