package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"
)

// freshPostgres creates an empty database on the server that
// TIDINGS_TEST_POSTGRES names, drops it when the test ends, and returns its
// URL, or "" when the variable is not set. Each test gets its own
// database, so packages tested in parallel do not meet.
func freshPostgres(t *testing.T) string {
	t.Helper()
	base := os.Getenv("TIDINGS_TEST_POSTGRES")
	if base == "" {
		return ""
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("tidings_store_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("PostgreSQL at TIDINGS_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close()
		}
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String()
}
