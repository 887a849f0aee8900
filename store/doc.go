// Package store keeps the server's articles and stories: embedded SQLite
// by default (a single file, nothing to install) or PostgreSQL when several
// tidings processes share the work. Both sit behind one interface, [Store],
// with the same tables and the same numbered migrations; only the column
// types of ids and the full-text search differ (SQLite FTS5, PostgreSQL
// tsvector), and [Open] picks the dialect from the address.
//
// Every write is one transaction; SQLite runs in WAL mode with full
// synchronous commits, so an article whose write returned is on disk even
// if the process is killed the next instant. Adding an article is
// idempotent: its key (the URL when it has one, else a hash of its text)
// is unique, and adding it again returns the stored one.
//
// The store holds records, not pipeline logic: the server decides which
// story an article joins and what a story's body (its JSON) says.
package store
