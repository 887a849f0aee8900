package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// Fresh creates an empty database whose name starts with prefix, drops it
// when the test ends, and returns its URL; it returns "" when
// TIDINGS_TEST_POSTGRES is not set.
func Fresh(tb testing.TB, prefix string) string {
	tb.Helper()
	base := os.Getenv("TIDINGS_TEST_POSTGRES")
	if base == "" {
		return ""
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("%s_%d", prefix, time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		tb.Fatalf("PostgreSQL at TIDINGS_TEST_POSTGRES: %v", err)
	}
	tb.Cleanup(func() {
		if a, err := sql.Open("pgx", base); err == nil {
			a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("TIDINGS_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}
