package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"
)

// Errors of Open.
var (
	// ErrNotStore is wrapped when the database is not a tidings store:
	// an existing empty SQLite file (a truncated store looks like that),
	// a database that holds other tables, or another program's store.
	// Options.Init makes a new store in an empty one.
	ErrNotStore = errors.New("store: not a tidings store")
	// ErrLocked is wrapped when another process has the SQLite store
	// open: a SQLite store serves one process.
	ErrLocked = errors.New("store: in use by another process")
)

// Options controls Open. The zero value opens an existing store, or makes
// a new one where nothing exists yet (a SQLite file that does not exist,
// a PostgreSQL database without tables).
type Options struct {
	// Init lets Open make a new store in a database that exists but is
	// not a tidings store: an empty SQLite file, or a database holding
	// other tables (tidings' tables are added beside them).
	Init bool
}

// pgConns is the most connections a store holds to PostgreSQL.
const pgConns = 24

// format is the value of the "format" key of store_meta.
const format = "tidings"

// Open opens the store at addr with the zero Options: a "postgres://" or
// "postgresql://" URL for PostgreSQL, else the path of a SQLite database
// file. See [OpenWith].
func Open(ctx context.Context, addr string) (Store, error) {
	return OpenWith(ctx, addr, Options{})
}

// OpenWith opens the store at addr, migrating its schema when it is older
// than this tidings. A store records its identity (store_meta: the format
// "tidings", a random id, its creation time), and OpenWith refuses, with
// an error wrapping [ErrNotStore], a database that is not one unless
// opts.Init allows making it one. A SQLite store is for one process: the
// file "<path>.lock" beside it is held locked while it is open, and a
// second process gets an error wrapping [ErrLocked].
func OpenWith(ctx context.Context, addr string, opts Options) (Store, error) {
	var s *sqlStore
	created := false
	if strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://") {
		db, err := sql.Open("pgx", addr)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		// database/sql keeps 2 idle connections unless told: under
		// concurrent requests it would close and open PostgreSQL
		// connections (a server process each) all the time. Bounded, so
		// that several servers stay within PostgreSQL's 100 connections.
		db.SetMaxOpenConns(pgConns)
		db.SetMaxIdleConns(pgConns)
		s = &sqlStore{db: db, rd: db, d: postgresDialect}
	} else {
		if addr == "" {
			return nil, errors.New("store: no database path")
		}
		lock, err := lockFile(addr + ".lock")
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(addr); errors.Is(err, fs.ErrNotExist) {
			created = true
		}
		// WAL with full synchronous commits: a committed write survives
		// the process being killed. busy_timeout lets readers wait out a
		// writer.
		dsn := "file:" + addr + "?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(ON)"
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			if lock != nil {
				lock.Close()
			}
			return nil, fmt.Errorf("store: %w", err)
		}
		db.SetMaxOpenConns(1) // one writer; SQLite serializes writes anyway
		s = &sqlStore{db: db, rd: db, d: sqliteDialect}
		if lock != nil {
			s.lock = lock
		}
	}
	fail := func(err error) (Store, error) {
		s.Close()
		if created { // a store Open made and could not finish
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(addr + suffix)
			}
		}
		return nil, err
	}
	if err := s.db.PingContext(ctx); err != nil {
		if notADatabase(err) {
			return fail(fmt.Errorf("%w: %s is not a SQLite database", ErrNotStore, addr))
		}
		where := " " + addr
		if s.d.name == "postgres" {
			where = "" // the URL may hold a password
		}
		return fail(fmt.Errorf("store: open %s database%s: %w", s.d.name, where, err))
	}
	if err := s.migrate(ctx, addr, created || opts.Init); err != nil {
		return fail(err)
	}
	if s.d.name == "sqlite" {
		// WAL lets readers work beside the writer: give reads their own
		// connections, once the schema exists.
		rd, err := sql.Open("sqlite", "file:"+addr+"?mode=ro&_pragma=busy_timeout(5000)")
		if err != nil {
			return fail(fmt.Errorf("store: %w", err))
		}
		rd.SetMaxOpenConns(4)
		s.rd = rd
	}
	return s, nil
}

// notADatabase reports SQLite's SQLITE_NOTADB: the file is something
// else.
func notADatabase(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == 26
}

// tables lists the tables of the database (of the current schema, for
// PostgreSQL).
func (s *sqlStore) tables(ctx context.Context, tx *sql.Tx) ([]string, error) {
	query := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if s.d.name == "postgres" {
		query = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	slices.Sort(out)
	return out, rows.Err()
}

// identify decides, before migrating, whether the database is a tidings
// store: one with store_meta saying so, or an older one (schema_version
// without store_meta), or an empty database that may become one (init).
func (s *sqlStore) identify(ctx context.Context, tx *sql.Tx, addr string, init bool) error {
	where := addr
	if s.d.name == "postgres" {
		where = "the PostgreSQL database" // the URL may hold a password
	}
	tables, err := s.tables(ctx, tx)
	if err != nil {
		if notADatabase(err) {
			return fmt.Errorf("%w: %s is not a SQLite database", ErrNotStore, where)
		}
		return fmt.Errorf("store: open %s: %w", where, err)
	}
	switch {
	case slices.Contains(tables, "store_meta"):
		var got string
		err := tx.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE key = 'format'`).Scan(&got)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: open %s: %w", where, err)
		}
		if got != format {
			return fmt.Errorf("%w: %s says its format is %q, not %q", ErrNotStore, where, got, format)
		}
	case slices.Contains(tables, "schema_version"):
		// A store made before store_meta existed: migrating adds it.
	case init:
	case len(tables) == 0 && s.d.name == "postgres":
		// An empty database, made for the store (createdb).
	case len(tables) == 0:
		return fmt.Errorf("%w: %s exists but holds no store (an empty file: was it truncated?); restore it from a backup, or ask for a new store in it", ErrNotStore, where)
	default:
		if len(tables) > 5 {
			tables = append(tables[:5], "...")
		}
		return fmt.Errorf("%w: %s holds other tables (%s); ask for a new store to add tidings' tables beside them", ErrNotStore, where, strings.Join(tables, ", "))
	}
	return nil
}

// recordIdentity fills store_meta when it is new and reads the store id.
func (s *sqlStore) recordIdentity(ctx context.Context, tx *sql.Tx) error {
	b := make([]byte, 16)
	rand.Read(b)
	for _, kv := range [][2]string{{"format", format}, {"id", hex.EncodeToString(b)}, {"created", formatTime(time.Now())}} {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`), kv[0], kv[1]); err != nil {
			return fmt.Errorf("store: record identity: %w", err)
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE key = 'id'`).Scan(&s.id); err != nil {
		return fmt.Errorf("store: read identity: %w", err)
	}
	return nil
}
