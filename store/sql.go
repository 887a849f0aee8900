package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"
)

// dialect holds what differs between SQLite and PostgreSQL.
type dialect struct {
	name string
	// id is the column definition of an auto-assigned primary key.
	id string
	// search are the statements that add full-text search to stories.
	search []string
	// positional turns "?" placeholders into "$1", "$2", ...
	positional bool
	// blob is the column type of binary data.
	blob string
	// compress are the statements that make the large values of stories
	// and state cheap to write (migration 7).
	compress []string
}

var (
	sqliteDialect = dialect{
		name: "sqlite",
		id:   "INTEGER PRIMARY KEY AUTOINCREMENT",
		blob: "BLOB",
		search: []string{
			`CREATE VIRTUAL TABLE stories_fts USING fts5(title, summary, content='stories', content_rowid='id', tokenize='porter unicode61')`,
			`CREATE TRIGGER stories_ai AFTER INSERT ON stories BEGIN
				INSERT INTO stories_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary); END`,
			`CREATE TRIGGER stories_ad AFTER DELETE ON stories BEGIN
				INSERT INTO stories_fts(stories_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary); END`,
			`CREATE TRIGGER stories_au AFTER UPDATE ON stories BEGIN
				INSERT INTO stories_fts(stories_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
				INSERT INTO stories_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary); END`,
		},
	}
	postgresDialect = dialect{
		name: "postgres",
		id:   "BIGSERIAL PRIMARY KEY",
		search: []string{
			`ALTER TABLE stories ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || summary)) STORED`,
			`CREATE INDEX stories_search ON stories USING GIN (search)`,
		},
		positional: true,
		blob:       "BYTEA",
		// A brief's body (about 30 KB) is compressed when it is written,
		// with pglz unless told: about 2 ms of the server's CPU a brief,
		// 0.7 ms with lz4 (PostgreSQL 14 and later, when built with it;
		// an older or other build keeps pglz). Only the values written
		// after change.
		compress: []string{
			`DO $$ BEGIN
				EXECUTE 'ALTER TABLE stories ALTER COLUMN body SET COMPRESSION lz4';
				EXECUTE 'ALTER TABLE state ALTER COLUMN data SET COMPRESSION lz4';
			EXCEPTION WHEN OTHERS THEN NULL; END $$`,
		},
	}
)

// migrations are the schema steps in order; "{id}" is the dialect's
// primary key, "{blob}" its binary type, "{search}" its full-text
// search statements and "{compress}" its compression ones. A database
// records the steps it has run in schema_version.
var migrations = [][]string{
	{
		`CREATE TABLE articles (
			id {id},
			key TEXT NOT NULL UNIQUE,
			url TEXT NOT NULL,
			outlet TEXT NOT NULL,
			title TEXT NOT NULL,
			author TEXT NOT NULL,
			published TEXT NOT NULL,
			raw TEXT NOT NULL,
			is_html BOOLEAN NOT NULL,
			text TEXT NOT NULL,
			added TEXT NOT NULL,
			story BIGINT NOT NULL DEFAULT 0,
			copy_of BIGINT NOT NULL DEFAULT 0)`,
		`CREATE INDEX articles_story ON articles (story)`,
		`CREATE TABLE stories (
			id {id},
			updated TEXT NOT NULL,
			title TEXT NOT NULL,
			articles INTEGER NOT NULL,
			summary TEXT NOT NULL,
			body TEXT NOT NULL)`,
		`CREATE INDEX stories_updated ON stories (updated)`,
		"{search}",
	},
	{
		`CREATE TABLE feeds (
			id {id},
			url TEXT NOT NULL UNIQUE,
			title TEXT NOT NULL,
			etag TEXT NOT NULL,
			last_modified TEXT NOT NULL,
			checked TEXT NOT NULL,
			error TEXT NOT NULL,
			added TEXT NOT NULL)`,
	},
	{
		`ALTER TABLE stories ADD COLUMN seq INTEGER NOT NULL DEFAULT 0`,
		`CREATE INDEX stories_seq ON stories (seq)`,
	},
	{
		// The store's identity: format "tidings", a random id and when
		// it was made (see identify).
		`CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
	},
	{
		// What cleaning found beside the text (Article.Cleaning); NULL
		// for the articles stored before.
		`ALTER TABLE articles ADD COLUMN cleaning TEXT`,
	},
	{
		// Named snapshots of a caller's state (Store.PutState): the
		// server's grouping state over the active window.
		`CREATE TABLE state (
			name TEXT PRIMARY KEY,
			data {blob} NOT NULL,
			updated TEXT NOT NULL)`,
	},
	{
		"{compress}",
	},
}

// sqlStore is the Store of both dialects over database/sql.
type sqlStore struct {
	db *sql.DB // writes (one connection for SQLite)
	rd *sql.DB // reads: the same pool for PostgreSQL, a pool of readers for SQLite
	d  dialect
	// id is the store's identity (store_meta); lock, for SQLite, the
	// held lock file that keeps a second process out.
	id   string
	lock interface{ Close() error }
}

func (s *sqlStore) Close() error {
	if s.rd != s.db {
		s.rd.Close()
	}
	err := s.db.Close()
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

func (s *sqlStore) ID() string { return s.id }

// Exclusive reports whether this process is the store's only user, so
// that what it reads back is what it wrote: true for SQLite, whose lock
// file keeps other processes out; false for PostgreSQL, which several
// servers may share.
func (s *sqlStore) Exclusive() bool { return s.d.name == "sqlite" }

// q rewrites "?" placeholders for the dialect.
func (s *sqlStore) q(query string) string {
	if !s.d.positional {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// migrate brings the schema up to date in one transaction, after checking
// that the database is a store (identify) and before recording its
// identity.
func (s *sqlStore) migrate(ctx context.Context, addr string, init bool) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	defer tx.Rollback()
	if s.d.name == "postgres" {
		// Several processes may start at once: one migrates, the others
		// wait for it.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(74696467)`); err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
	}
	if err := s.identify(ctx, tx, addr, init); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	version := 0
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("store: the database is at schema version %d, newer than this tidings (%d)", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		for _, stmt := range migrations[v] {
			stmts := []string{stmt}
			switch stmt {
			case "{search}":
				stmts = s.d.search
			case "{compress}":
				stmts = s.d.compress
			}
			for _, st := range stmts {
				st = strings.NewReplacer("{id}", s.d.id, "{blob}", s.d.blob).Replace(st)
				if _, err := tx.ExecContext(ctx, st); err != nil {
					return fmt.Errorf("store: migration %d: %w", v+1, err)
				}
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_version (version) VALUES (?)`), v+1); err != nil {
			return fmt.Errorf("store: migration %d: %w", v+1, err)
		}
	}
	if err := s.recordIdentity(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

const articleCols = `id, key, url, outlet, title, author, published, raw, is_html, text, added, story, copy_of, cleaning`

// timeLayout stores times in UTC with a fixed width, so that text order is
// time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}

func (s *sqlStore) AddArticle(ctx context.Context, a *Article) (bool, error) {
	return s.addArticle(ctx, s.db, a)
}

// querier is what addArticle needs of a *sql.DB or a *sql.Tx.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// addArticle is AddArticle through q: the store's writer, or a
// transaction of AddArticles.
func (s *sqlStore) addArticle(ctx context.Context, q querier, a *Article) (bool, error) {
	if a.Key == "" {
		return false, errors.New("store: article without a key")
	}
	normalizeArticle(a)
	a.Added = time.Now().UTC()
	var id int64
	var cleaning sql.NullString
	if a.Cleaning != "" {
		cleaning = sql.NullString{String: a.Cleaning, Valid: true}
	}
	err := q.QueryRowContext(ctx, s.q(`INSERT INTO articles (key, url, outlet, title, author, published, raw, is_html, text, added, cleaning)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING id`),
		a.Key, a.URL, a.Outlet, a.Title, a.Author, formatTime(a.Published), a.Raw, a.IsHTML, a.Text, formatTime(a.Added), cleaning).Scan(&id)
	switch {
	case err == nil:
		a.ID = id
		return true, nil
	case errors.Is(err, sql.ErrNoRows):
		old, err := s.scanArticle(q.QueryRowContext(ctx, s.q(`SELECT `+articleCols+` FROM articles WHERE key = ?`), a.Key))
		if err != nil {
			return false, err
		}
		*a = old
		return false, nil
	}
	return false, fmt.Errorf("store: add article: %w", err)
}

func (s *sqlStore) PlaceArticle(ctx context.Context, id, story, copyOf int64) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE articles SET story = ?, copy_of = ? WHERE id = ?`), story, copyOf, id)
	if err != nil {
		return fmt.Errorf("store: place article: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func (s *sqlStore) scanArticle(row scanner) (Article, error) {
	var a Article
	var published, added string
	var cleaning sql.NullString
	err := row.Scan(&a.ID, &a.Key, &a.URL, &a.Outlet, &a.Title, &a.Author, &published, &a.Raw, &a.IsHTML, &a.Text, &added, &a.Story, &a.CopyOf, &cleaning)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("store: read article: %w", err)
	}
	a.Published, a.Added = parseTime(published), parseTime(added)
	a.Cleaning = cleaning.String
	return a, nil
}

func (s *sqlStore) Article(ctx context.Context, id int64) (Article, error) {
	return s.scanArticle(s.rd.QueryRowContext(ctx, s.q(`SELECT `+articleCols+` FROM articles WHERE id = ?`), id))
}

func (s *sqlStore) Articles(ctx context.Context, after int64, limit int) ([]Article, error) {
	if limit <= 0 {
		limit = 100
	}
	return s.articles(ctx, "list articles", articlesAfter, after, limit)
}

func (s *sqlStore) StoryArticles(ctx context.Context, id int64) ([]Article, error) {
	return s.articles(ctx, "story articles", `WHERE story = ? ORDER BY id`, id)
}

// headCols are the columns of StoryHeads: articleCols without the
// texts (raw, text, cleaning), the bulk of a row.
const headCols = `id, key, url, outlet, title, author, published, is_html, added, story, copy_of`

// StoryHeads returns the articles placed in story id, in id order, as
// StoryArticles does but without Raw, Text and Cleaning (left empty):
// for a caller that keeps the prepared texts of the articles it has seen
// (the server's summarizer) and reads the few others by id.
func (s *sqlStore) StoryHeads(ctx context.Context, id int64) ([]Article, error) {
	rows, err := s.rd.QueryContext(ctx, s.q(`SELECT `+headCols+` FROM articles WHERE story = ? ORDER BY id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: story heads: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		var a Article
		var published, added string
		if err := rows.Scan(&a.ID, &a.Key, &a.URL, &a.Outlet, &a.Title, &a.Author, &published, &a.IsHTML, &added, &a.Story, &a.CopyOf); err != nil {
			return nil, fmt.Errorf("store: story heads: %w", err)
		}
		a.Published, a.Added = parseTime(published), parseTime(added)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: story heads: %w", err)
	}
	return out, nil
}

// articles reads the articles that the clause (WHERE ... ORDER BY ...)
// selects; what names the operation in errors.
func (s *sqlStore) articles(ctx context.Context, what, clause string, args ...any) ([]Article, error) {
	rows, err := s.rd.QueryContext(ctx, s.q(`SELECT `+articleCols+` FROM articles `+clause), args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := s.scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (s *sqlStore) PutStory(ctx context.Context, st *Story) error {
	if st.Updated.IsZero() {
		st.Updated = time.Now().UTC()
	}
	normalizeStory(st)
	if st.ID == 0 {
		err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO stories (updated, title, articles, summary, body, seq) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
			formatTime(st.Updated), st.Title, st.Articles, st.Summary, string(st.Body), st.Seq).Scan(&st.ID)
		if err != nil {
			return fmt.Errorf("store: add story: %w", err)
		}
		return nil
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO stories (id, updated, title, articles, summary, body, seq) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, title = excluded.title, articles = excluded.articles,
		summary = excluded.summary, body = excluded.body,
		seq = CASE WHEN excluded.seq <> 0 THEN excluded.seq ELSE stories.seq END`),
		st.ID, formatTime(st.Updated), st.Title, st.Articles, st.Summary, string(st.Body), st.Seq)
	if err != nil {
		return fmt.Errorf("store: put story: %w", err)
	}
	return nil
}

func (s *sqlStore) Story(ctx context.Context, id int64) (Story, error) {
	var st Story
	var updated, body string
	err := s.rd.QueryRowContext(ctx, s.q(`SELECT id, updated, title, articles, summary, body, seq FROM stories WHERE id = ?`), id).
		Scan(&st.ID, &updated, &st.Title, &st.Articles, &st.Summary, &body, &st.Seq)
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotFound
	}
	if err != nil {
		return st, fmt.Errorf("store: read story: %w", err)
	}
	st.Updated, st.Body = parseTime(updated), []byte(body)
	return st, nil
}

func (s *sqlStore) StoryBySeq(ctx context.Context, seq int64) (int64, error) {
	var id int64
	err := s.rd.QueryRowContext(ctx, s.q(storyBySeqQuery), seq).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("store: find story: %w", err)
	}
	return id, nil
}

func (s *sqlStore) SetStorySeq(ctx context.Context, id, seq int64) error {
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE stories SET seq = ? WHERE id = ?`), seq, id); err != nil {
		return fmt.Errorf("store: set story seq: %w", err)
	}
	return nil
}

// placed is the condition that a story (named stories, or s) holds an
// article now: one whose articles all moved to other stories is not
// listed, whatever its last summary counted.
const placed = `EXISTS (SELECT 1 FROM articles a WHERE a.story = stories.id)`

func (s *sqlStore) Stories(ctx context.Context, q Query) ([]Story, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	query := `SELECT id, updated, title, articles, summary FROM stories WHERE ` + placed + ` ORDER BY updated DESC, id DESC LIMIT ? OFFSET ?`
	args := []any{limit, max(q.Offset, 0)}
	if terms := searchTerms(q.Search); len(terms) > 0 {
		switch s.d.name {
		case "postgres":
			query = `SELECT id, updated, title, articles, summary FROM stories WHERE search @@ plainto_tsquery('english', ?)
				AND ` + placed + ` ORDER BY updated DESC, id DESC LIMIT ? OFFSET ?`
			args = append([]any{strings.Join(terms, " ")}, args...)
		default:
			// Each term quoted: user text never reaches FTS5's syntax.
			quoted := make([]string, len(terms))
			for i, t := range terms {
				quoted[i] = `"` + t + `"`
			}
			query = `SELECT s.id, s.updated, s.title, s.articles, s.summary FROM stories s JOIN stories_fts f ON f.rowid = s.id
				WHERE stories_fts MATCH ? AND ` + strings.ReplaceAll(placed, "stories.id", "s.id") + ` ORDER BY s.updated DESC, s.id DESC LIMIT ? OFFSET ?`
			args = append([]any{strings.Join(quoted, " ")}, args...)
		}
	}
	rows, err := s.rd.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: list stories: %w", err)
	}
	defer rows.Close()
	var out []Story
	for rows.Next() {
		var st Story
		var updated string
		if err := rows.Scan(&st.ID, &updated, &st.Title, &st.Articles, &st.Summary); err != nil {
			return nil, fmt.Errorf("store: list stories: %w", err)
		}
		st.Updated = parseTime(updated)
		out = append(out, st)
	}
	return out, rows.Err()
}

// searchTerms splits a search into words of letters and digits, or nil.
func searchTerms(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func (s *sqlStore) HasArticle(ctx context.Context, key string) (bool, error) {
	key = normalize(key)
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM articles WHERE key = ?`), key).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: find article: %w", err)
	}
	return n > 0, nil
}

const feedCols = `id, url, title, etag, last_modified, checked, error, added`

func (s *sqlStore) scanFeed(row scanner) (Feed, error) {
	var f Feed
	var checked, added string
	err := row.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &checked, &f.Error, &added)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	if err != nil {
		return f, fmt.Errorf("store: read feed: %w", err)
	}
	f.Checked, f.Added = parseTime(checked), parseTime(added)
	return f, nil
}

func (s *sqlStore) AddFeed(ctx context.Context, f *Feed) (bool, error) {
	return s.AddFeedLimit(ctx, f, 0)
}

// feedLock is the PostgreSQL advisory lock key that serializes adding
// feeds, so that the count AddFeedLimit checks is the count it adds to.
const feedLock = 74696469

func (s *sqlStore) AddFeedLimit(ctx context.Context, f *Feed, limit int) (bool, error) {
	normalizeFeed(f)
	f.Added = time.Now().UTC()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: add feed: %w", err)
	}
	defer tx.Rollback()
	if s.d.name == "postgres" {
		// SQLite has one writing connection, which serializes this
		// transaction already; PostgreSQL's are many.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, feedLock); err != nil {
			return false, fmt.Errorf("store: add feed: %w", err)
		}
	}
	old, err := s.scanFeed(tx.QueryRowContext(ctx, s.q(`SELECT `+feedCols+` FROM feeds WHERE url = ?`), f.URL))
	switch {
	case err == nil:
		*f = old
		return false, nil
	case !errors.Is(err, ErrNotFound):
		return false, err
	}
	if limit > 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM feeds`).Scan(&n); err != nil {
			return false, fmt.Errorf("store: add feed: %w", err)
		}
		if n >= limit {
			return false, fmt.Errorf("%w: %d feeds stored, the most this store takes is %d", ErrFull, n, limit)
		}
	}
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO feeds (url, title, etag, last_modified, checked, error, added)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		f.URL, f.Title, f.ETag, f.LastModified, formatTime(f.Checked), f.Error, formatTime(f.Added)).Scan(&f.ID)
	if err != nil {
		return false, fmt.Errorf("store: add feed: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: add feed: %w", err)
	}
	return true, nil
}

func (s *sqlStore) DeleteFeed(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM feeds WHERE id = ?`), id)
	if err != nil {
		return fmt.Errorf("store: delete feed: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *sqlStore) UpdateFeed(ctx context.Context, f Feed) error {
	normalizeFeed(&f)
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE feeds SET title = ?, etag = ?, last_modified = ?, checked = ?, error = ? WHERE id = ?`),
		f.Title, f.ETag, f.LastModified, formatTime(f.Checked), f.Error, f.ID)
	if err != nil {
		return fmt.Errorf("store: update feed: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *sqlStore) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.rd.QueryContext(ctx, `SELECT `+feedCols+` FROM feeds ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: list feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := s.scanFeed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// ingestLock is the PostgreSQL advisory lock key of Lock.
const ingestLock = 74696468

func (s *sqlStore) Lock(ctx context.Context) (func(), error) {
	if s.d.name != "postgres" {
		return func() {}, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: lock: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, ingestLock); err != nil {
		conn.Close()
		return nil, fmt.Errorf("store: lock: %w", err)
	}
	return func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, ingestLock)
		conn.Close()
	}, nil
}
