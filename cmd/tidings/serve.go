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
	"tidings/internal/server"
	"tidings/store"
)

func (e *env) serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := fs.String("db", "tidings.db", "SQLite database file, or a postgres:// URL")
	tokenFile := fs.String("token-file", "", "file holding the write token (default: $TIDINGS_TOKEN, else a new token printed at start)")
	private := fs.Bool("private", false, "reads need the token too")
	words := fs.Int("words", 120, "each story brief's budget in words")
	poll := fs.Duration("poll", 15*time.Minute, "how often to poll the subscribed feeds")
	initDB := fs.Bool("init", false, "make a new store in an existing --db that holds none (an empty file, or a database with other tables); without it such a database is refused, since a truncated store looks empty")
	allowFetch := fs.String("allow-fetch", "", "comma-separated hosts, addresses or CIDR ranges that fetches and feeds may reach although they are not public (intranet sites); every other private, loopback or special address stays refused")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *words <= 0 || *poll < time.Minute {
		return fmt.Errorf("%w: serve takes no arguments, a positive --words and a --poll of a minute or more", errUsage)
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
	srv, err := server.New(ctx, st, server.Options{Token: token, Private: *private, Words: *words, Logger: logger, PollEvery: *poll,
		Fetch: ingest.FetchOptions{AllowFetch: allow}})
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
	// SIGINT or SIGTERM: finish the requests in flight, then stop.
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stderr, "tidings: stopped")
	return nil
}
