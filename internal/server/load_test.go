package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/store"
)

// syntheticArticle writes an article of eight 14-word sentences of
// made-up words: a third from the 20 words of one of 60 topics, the rest
// drawn from a 5,000-word vocabulary with Zipf-like frequencies. The posts
// spread over many stories, and no two are near-duplicates.
func syntheticArticle(r *rand.Rand, n int) string {
	topic := r.IntN(60)
	var b strings.Builder
	for range 8 {
		for w := range 14 {
			var word string
			if r.IntN(3) == 0 {
				word = pseudoWord(100000 + topic*20 + r.IntN(20))
			} else {
				word = pseudoWord(int(5000 * math.Pow(r.Float64(), 3)))
			}
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			b.WriteString(word)
			if w < 13 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
	}
	return b.String()
}

// pseudoWord spells number i as a word of syllables.
func pseudoWord(i int) string {
	syl := []string{"ka", "lo", "min", "ter", "sa", "vo", "ren", "di", "mu", "pel", "ar", "zon", "fi", "gu", "tes", "bra"}
	var b strings.Builder
	for {
		b.WriteString(syl[i%len(syl)])
		i /= len(syl)
		if i == 0 {
			return b.String()
		}
	}
}

// measure runs clients goroutines calling do for d and returns requests
// per second, the 50th and 99th percentile latencies and the errors.
func measure(clients int, d time.Duration, do func(worker, i int) error) (rps float64, p50, p99 time.Duration, errs int) {
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	stop := time.Now().Add(d)
	start := time.Now()
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for i := 0; time.Now().Before(stop); i++ {
				t0 := time.Now()
				if err := do(w, i); err != nil {
					bad++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	if len(lat) == 0 {
		return 0, 0, 0, errs
	}
	return float64(len(lat)) / elapsed.Seconds(), lat[len(lat)/2], lat[len(lat)*99/100], errs
}

// TestLoad measures the API on loopback: GET /api/stories/{id} and POST
// /api/articles, each for TIDINGS_LOAD seconds (skipped when unset):
//
//	TIDINGS_LOAD=10 go test -run TestLoad -v ./internal/server
func TestLoad(t *testing.T) {
	secs, _ := strconv.Atoi(os.Getenv("TIDINGS_LOAD"))
	if secs <= 0 {
		t.Skip("set TIDINGS_LOAD=<seconds per endpoint> to run the load test")
	}
	d := time.Duration(secs) * time.Second
	st := openStore(t, filepath.Join(t.TempDir(), "load.db"))
	srv, err := New(context.Background(), st, Options{Token: token, ReadRate: -1, WriteRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	r := rand.New(rand.NewPCG(1, 2))
	var ids []int64
	for n := range 300 {
		body, _ := json.Marshal(map[string]string{"outlet": fmt.Sprint("Outlet ", n%7), "published": "2026-04-20", "text": syntheticArticle(r, n)})
		var p posted
		call(t, "POST", ts.URL+"/api/articles", token, "application/json", string(body), &p)
		ids = append(ids, p.Story)
	}
	srv.Wait() // every story summarized before the reads
	rps, p50, p99, errs := measure(16, d, func(w, i int) error {
		resp, err := client.Get(fmt.Sprint(ts.URL, "/api/stories/", ids[(w*7919+i)%len(ids)]))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != 200 {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	})
	t.Logf("GET /api/stories/{id}: 16 clients, %v: %.0f requests/s, p50 %v, p99 %v, %d errors", d, rps, p50.Round(10*time.Microsecond), p99.Round(10*time.Microsecond), errs)

	var seq sync.Mutex
	next := 1000
	rps, p50, p99, errs = measure(8, d, func(w, i int) error {
		seq.Lock()
		next++
		n := next
		text := syntheticArticle(r, n)
		seq.Unlock()
		body, _ := json.Marshal(map[string]string{"outlet": fmt.Sprint("Outlet ", w), "published": "2026-04-21", "text": text})
		req, _ := http.NewRequest("POST", ts.URL+"/api/articles", strings.NewReader(string(body)))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != 201 {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	})
	t.Logf("POST /api/articles: 8 clients, %v: %.0f requests/s, p50 %v, p99 %v, %d errors (after 300 articles)", d, rps, p50.Round(10*time.Microsecond), p99.Round(10*time.Microsecond), errs)
	t0 := time.Now()
	srv.Wait()
	t.Logf("the summaries of the stories those posts touched were all up to date %v after the last post", time.Since(t0).Round(time.Millisecond))
}

// BenchmarkReplay measures a server's start over a store of 2,000 HTML
// articles: "replay" without the saved grouping state, so that every
// stored article is segmented again and placed; "snapshot" from the
// state the last server saved.
//
//	go test -run '^$' -bench Replay -benchtime 3x ./internal/server
func BenchmarkReplay(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "replay.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s, err := New(context.Background(), st, Options{Token: token})
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		html := "<html><body><article><p>" + syntheticArticle(r, n) + "</p><p>" + syntheticArticle(r, n+1) + "</p></article></body></html>"
		if _, err := s.ingest(context.Background(), store.Article{Outlet: fmt.Sprint("Outlet ", n%7), Raw: html, IsHTML: true}); err != nil {
			b.Fatal(err)
		}
	}
	s.Wait()
	s.Close()
	for _, saved := range []bool{false, true} {
		b.Run(map[bool]string{false: "replay", true: "snapshot"}[saved], func(b *testing.B) {
			for b.Loop() {
				if !saved {
					if err := st.PutState(context.Background(), stateName, nil); err != nil {
						b.Fatal(err)
					}
				}
				s, err := New(context.Background(), st, Options{Token: token})
				if err != nil {
					b.Fatal(err)
				}
				if saved != (s.placer.replayed == 0) {
					b.Fatalf("replayed %d articles", s.placer.replayed)
				}
				s.Close()
			}
		})
	}
}
