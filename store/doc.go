// Package store keeps the server's articles and stories: embedded SQLite
// by default (a single file, nothing to install) or PostgreSQL when several
// tidings processes share the work. Both sit behind one interface, [Store],
// with the same tables and the same numbered migrations; only the column
// types of ids and the full-text search differ (SQLite FTS5, PostgreSQL
// tsvector), and [Open] picks the dialect from the address.
//
// Every write is one transaction (or one statement: [Store.AddArticles]
// and [Store.PlaceArticles] write many records in one); SQLite runs in WAL
// mode with full synchronous commits, so an article whose write returned is on disk even
// if the process is killed the next instant. Adding an article is
// idempotent: its key (the URL when it has one, else a hash of its text)
// is unique, and adding it again returns the stored one.
//
// A store records its identity (table store_meta: format "tidings", a
// random id, when it was made), and [Open] takes only a store, or makes
// one where nothing exists: an existing empty SQLite file (which is what a
// truncated store looks like) or a database with other tables is refused
// with [ErrNotStore] unless [Options].Init asks for a new store there. A
// SQLite store serves one process: while it is open the file
// "<path>.lock" beside it is held with flock, and a second process gets
// [ErrLocked]; several servers share a PostgreSQL store instead.
//
// Text is stored as UTF-8, which PostgreSQL requires: every text field is
// normalized on the way in, each NUL byte to a space and each byte of an
// invalid UTF-8 sequence to '?', so that the length in bytes, and every
// byte offset into the text, stays the same. Callers should refuse such
// input earlier (ingest does); the store does not fail on it.
//
// Caps that must hold under concurrency are kept by the database:
// [Store.AddFeedLimit] counts and inserts in one serialized transaction.
//
// The store holds records, not pipeline logic: the server decides which
// story an article joins and what a story's body (its JSON) says.
package store
