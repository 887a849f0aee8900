// Package jobs runs the work of tidings servers that share one PostgreSQL
// database as jobs on River (github.com/riverqueue/river), so that any
// server runs any job: preparing an article to be fetched (fetching its
// page, cleaning it, storing it; an article posted with its text is
// prepared by the server it was posted to), polling a feed, and re-making
// a story's brief. It also
// elects the one server that places articles into stories (the leader)
// and hands leadership over when that server dies.
//
// The package knows nothing of articles or stories beyond the job
// arguments: the server gives it [Handlers] that do the work. Jobs are
// idempotent, keyed by what they work on (an article's key, a feed id, a
// story id), so a job that runs again after its server was killed
// (River rescues a job left running by a dead server after
// [Options.RescueAfter]) ends as the first run would have.
//
// Leadership is a PostgreSQL session advisory lock held on a connection of
// its own: the server that holds it leads until its process or its
// connection dies, when PostgreSQL releases the lock and the next server
// waiting for it takes over. A leader checks its connection every
// [Options.Tick] and stops leading when it is gone, and a new leader waits
// three ticks after taking the lock before it begins, so that an old
// leader whose session ended while its process lives has stopped. That
// wait is the fencing: writes carry no token, so an old leader stalled
// longer than that (a process paused for seconds) could still write
// beside its successor.
//
// River's tables are made and migrated by River's own migrator
// (rivermigrate) when a [Queue] opens, beside the store's.
//
// One machine with a SQLite store does not use this package: the server
// keeps its in-process placer and summarizer there (see internal/server).
//
// The example in example_test.go shows the wiring; the tests need
// PostgreSQL (TIDINGS_TEST_POSTGRES, as started by .ci/postgres.sh) and
// skip without it.
package jobs
