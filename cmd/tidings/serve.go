package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"tidings/ingest"
	"tidings/internal/jobs"
	"tidings/internal/server"
	"tidings/store"
)

func (e *env) serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := fs.String("db", "tidings.db", "SQLite database file, or a postgres:// URL; servers on one PostgreSQL database share the work (any of them fetches, cleans and summarizes; one places articles into stories, and another takes over when it dies)")
	tokenFile := fs.String("token-file", "", "file holding the write token (default: $TIDINGS_TOKEN, else a new token printed at start)")
	private := fs.Bool("private", false, "reads need the token too")
	words := fs.Int("words", 120, "each story brief's budget in words")
	poll := fs.Duration("poll", 15*time.Minute, "how often to poll the subscribed feeds")
	initDB := fs.Bool("init", false, "make a new store in an existing --db that holds none (an empty file, or a database with other tables); without it such a database is refused, since a truncated store looks empty")
	allowFetch := fs.String("allow-fetch", "", "comma-separated hosts, addresses or CIDR ranges that fetches and feeds may reach although they are not public (intranet sites); every other private, loopback or special address stays refused")
	readRate := fs.Float64("read-rate", server.DefaultReadRate, "reads a second each client address may make, in bursts of twice as many (0: no limit)")
	writeRate := fs.Float64("write-rate", server.DefaultWriteRate, "writes a second each client address may make, in bursts of twice as many (0: no limit)")
	grace := fs.Duration("grace", 30*time.Second, "on SIGINT or SIGTERM, how long requests in flight may run before they are answered 503")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *words <= 0 || *poll < time.Minute || *grace < 0 || *readRate < 0 || *writeRate < 0 {
		return fmt.Errorf("%w: serve takes no arguments, a positive --words, a --poll of a minute or more and a --grace of 0 or more, and rates of 0 or more", errUsage)
	}
	token := os.Getenv("TIDINGS_TOKEN")
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("token file: %w", err)
		}
		token = strings.TrimSpace(string(b))
		if token == "" {
			return fmt.Errorf("token file %s is empty", *tokenFile)
		}
	}
	generated := token == ""
	if generated {
		b := make([]byte, 16)
		rand.Read(b)
		token = hex.EncodeToString(b)
	}
	allow, err := ingest.ParseAllowFetch(*allowFetch)
	if err != nil {
		return fmt.Errorf("%w: --allow-fetch: %v", errUsage, err)
	}
	st, err := store.OpenWith(ctx, *db, store.Options{Init: *initDB})
	if errors.Is(err, store.ErrNotStore) {
		return fmt.Errorf("%w (--init makes a new store there)", err)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	var queue *jobs.Queue
	if strings.Contains(*db, "://") {
		// Servers on one PostgreSQL database share the work as jobs;
		// the server closes the queue.
		if queue, err = jobs.Open(ctx, *db, jobs.Options{Logger: logger}); err != nil {
			return err
		}
	}
	srv, err := server.New(ctx, st, server.Options{Token: token, Private: *private, Words: *words, Logger: logger, PollEvery: *poll,
		ReadRate: noLimit(*readRate), WriteRate: noLimit(*writeRate), Fetch: ingest.FetchOptions{AllowFetch: allow}, Queue: queue})
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute}
	where := *db
	if strings.Contains(where, "://") {
		where = "PostgreSQL"
	}
	if generated {
		fmt.Fprintf(e.stderr, "tidings: no TIDINGS_TOKEN or --token-file: this run's write token is %s\n", token)
	}
	fmt.Fprintf(e.stderr, "tidings: serving on http://%s (database %s)\n", ln.Addr(), where)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	go srv.Run(ctx)
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	// SIGINT or SIGTERM: let the requests in flight finish within the
	// grace; answer those still running 503, then stop.
	shut, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	err = hs.Shutdown(shut)
	if errors.Is(err, context.DeadlineExceeded) {
		srv.Drain()
		fmt.Fprintf(e.stderr, "tidings: requests still running after --grace %v were answered 503\n", *grace)
		// Their clients have the answer; give the handlers a moment to
		// return, then close what is left.
		last, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if hs.Shutdown(last) != nil {
			hs.Close()
		}
	} else if err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stderr, "tidings: stopped")
	return nil
}

// noLimit maps a rate flag's 0 (no limit) to the server's -1.
func noLimit(rate float64) float64 {
	if rate == 0 {
		return -1
	}
	return rate
}
