package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Rows of one statement of AddArticles (11 parameters each) and of
// PlaceArticles (3 each): within both databases' parameter limits.
const (
	maxAddRows   = 256
	maxPlaceRows = 500
)

// execer is what the batch writes need of a *sql.DB or a *sql.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// inTx runs fn on the writer when there is one statement to run (a
// statement is atomic on its own, and a transaction would cost two more
// round trips to PostgreSQL), else in one transaction.
func (s *sqlStore) inTx(ctx context.Context, statements int, fn func(ex execer) error) error {
	return txOn(ctx, s.db, statements, fn)
}

// txBeginner is a *sql.DB or one of its *sql.Conn.
type txBeginner interface {
	execer
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// txOn runs fn on db itself for one statement, else in a transaction of db.
func txOn(ctx context.Context, db txBeginner, statements int, fn func(ex execer) error) error {
	if statements <= 1 {
		return fn(db)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// relaxed is inTx for a write whose commit need not wait for the disk:
// on SQLite it runs with synchronous(NORMAL) instead of FULL, so that its
// commit is written to the WAL without an fsync of its own. It survives
// the process being killed (the WAL is in the file system's cache); only
// a power failure before the next fully synchronous commit (which syncs
// the WAL, this write included) can lose it. For writes that can be made
// again from what is stored, as placements can from the articles.
func (s *sqlStore) relaxed(ctx context.Context, statements int, fn func(ex execer) error) (err error) {
	if s.d.name != "sqlite" {
		return s.inTx(ctx, statements, fn)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = NORMAL`); err != nil {
		return err
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA synchronous = FULL`); rerr != nil {
			// Not back to FULL: the pool must not hand this connection
			// to a write that needs the disk.
			conn.Raw(func(any) error { return driver.ErrBadConn })
			err = cmp.Or(err, rerr)
		}
	}()
	return txOn(ctx, conn, statements, fn)
}

func (s *sqlStore) AddArticles(ctx context.Context, arts []*Article) ([]bool, error) {
	created := make([]bool, len(arts))
	// The first article of each key is inserted; a later one loads it.
	first := map[string]int{}
	var fresh []int
	now := time.Now().UTC()
	for i, a := range arts {
		if a.Key == "" {
			return nil, fmt.Errorf("store: add articles: article %d has no key", i)
		}
		normalizeArticle(a)
		a.Added = now
		if _, ok := first[a.Key]; !ok {
			first[a.Key] = i
			fresh = append(fresh, i)
		}
	}
	if len(fresh) == 0 {
		return created, nil
	}
	ids := map[string]int64{} // key -> id of the articles inserted
	chunks := (len(fresh) + maxAddRows - 1) / maxAddRows
	err := s.inTx(ctx, chunks, func(ex execer) error {
		for rest := fresh; len(rest) > 0; {
			chunk := rest[:min(len(rest), maxAddRows)]
			rest = rest[len(chunk):]
			var b strings.Builder
			b.WriteString(`INSERT INTO articles (key, url, outlet, title, author, published, raw, is_html, text, added, cleaning) VALUES `)
			args := make([]any, 0, 11*len(chunk))
			for j, i := range chunk {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				a := arts[i]
				var cleaning sql.NullString
				if a.Cleaning != "" {
					cleaning = sql.NullString{String: a.Cleaning, Valid: true}
				}
				args = append(args, a.Key, a.URL, a.Outlet, a.Title, a.Author, formatTime(a.Published), a.Raw, a.IsHTML, a.Text, formatTime(a.Added), cleaning)
			}
			b.WriteString(` ON CONFLICT (key) DO NOTHING RETURNING id, key`)
			rows, err := ex.QueryContext(ctx, s.q(b.String()), args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id int64
				var key string
				if err := rows.Scan(&id, &key); err != nil {
					rows.Close()
					return err
				}
				ids[key] = id
			}
			if err := rows.Close(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: add articles: %w", err)
	}
	stored := map[string]Article{} // key -> the article stored before
	for i, a := range arts {
		id, ok := ids[a.Key]
		switch {
		case ok && first[a.Key] == i:
			a.ID, created[i] = id, true
			continue
		case ok: // a key given twice: the first of them
			f := arts[first[a.Key]]
			*a = *f
			continue
		}
		old, ok := stored[a.Key]
		if !ok {
			if old, err = s.scanArticle(s.db.QueryRowContext(ctx, s.q(`SELECT `+articleCols+` FROM articles WHERE key = ?`), a.Key)); err != nil {
				return nil, err
			}
			stored[a.Key] = old
		}
		*a = old
	}
	return created, nil
}

func (s *sqlStore) PlaceArticles(ctx context.Context, places []Placement) error {
	// The last placement of an id is the one that holds.
	last := make(map[int64]Placement, len(places))
	order := make([]int64, 0, len(places))
	for _, p := range places {
		if _, ok := last[p.Article]; !ok {
			order = append(order, p.Article)
		}
		last[p.Article] = p
	}
	if len(order) == 0 {
		return nil
	}
	chunks := (len(order) + maxPlaceRows - 1) / maxPlaceRows
	err := s.relaxed(ctx, chunks, func(ex execer) error {
		for rest := order; len(rest) > 0; {
			chunk := rest[:min(len(rest), maxPlaceRows)]
			rest = rest[len(chunk):]
			// UPDATE ... FROM a VALUES list named by a WITH clause, which
			// both SQLite (3.33 and later) and PostgreSQL take.
			var b strings.Builder
			b.WriteString(`WITH v (id, story, copy_of) AS (VALUES `)
			args := make([]any, 0, 3*len(chunk))
			for i, id := range chunk {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))")
				p := last[id]
				args = append(args, p.Article, p.Story, p.CopyOf)
			}
			b.WriteString(`) UPDATE articles SET story = v.story, copy_of = v.copy_of FROM v WHERE articles.id = v.id`)
			res, err := ex.ExecContext(ctx, s.q(b.String()), args...)
			if err != nil {
				return err
			}
			if got, err := res.RowsAffected(); err == nil && got != int64(len(chunk)) {
				return fmt.Errorf("%d of %d articles found: %w", got, len(chunk), ErrNotFound)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: place articles: %w", err)
	}
	return nil
}
