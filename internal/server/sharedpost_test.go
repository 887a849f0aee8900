package server

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tidings/internal/jobs"
	"tidings/internal/pgtest"
	"tidings/store"
)

// TestSharedPost posts articles to a shared server and checks that the
// server stores them itself, without a Prepare job: each answer names
// the stored article and its story, a post made again is the same
// article, and River's table holds no Prepare job.
func TestSharedPost(t *testing.T) {
	url := pgtest.Fresh(t, "tidings_sharedpost")
	if url == "" {
		t.Skip("TIDINGS_TEST_POSTGRES is not set (.ci/postgres.sh starts a PostgreSQL): sharing needs one")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, err := jobs.Open(ctx, url, jobs.Options{Tick: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(ctx, st, Options{Token: token, Queue: q, ReadRate: -1, WriteRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for !q.Leading() { // it leads three ticks after taking the lock
		time.Sleep(20 * time.Millisecond)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	post := func(text string) (int, posted) {
		t.Helper()
		body, _ := json.Marshal(map[string]string{"outlet": "Harbour Times", "text": text})
		req, _ := http.NewRequest("POST", ts.URL+"/api/articles", strings.NewReader(string(body)))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var p posted
		json.NewDecoder(resp.Body).Decode(&p)
		return resp.StatusCode, p
	}
	texts := []string{
		"The harbour wall at Kestrel Bay reopened on Saturday after a year of repairs. The council said the works cost less than planned.",
		"Fishing boats returned to Kestrel Bay on Sunday, a day after the harbour wall reopened. Skippers said the new wall held in the swell.",
	}
	var first []posted
	for _, text := range texts {
		code, p := post(text)
		if code != http.StatusCreated || p.ID == 0 || p.Story == 0 || !p.Created {
			t.Fatalf("post: %d %+v, want 201 with the article and its story", code, p)
		}
		first = append(first, p)
	}
	code, again := post(texts[0])
	if code != http.StatusOK || again.ID != first[0].ID || again.Created || again.Story == 0 {
		t.Errorf("the post made again: %d %+v, want 200 with article %d", code, again, first[0].ID)
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var prepares int
	if err := db.QueryRow(`SELECT COUNT(*) FROM river_job WHERE kind = $1`, jobs.Prepare{}.Kind()).Scan(&prepares); err != nil {
		t.Fatal(err)
	}
	if prepares != 0 {
		t.Errorf("%d Prepare jobs for posts of articles, want none", prepares)
	}
}
