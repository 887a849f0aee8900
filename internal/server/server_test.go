package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/cluster"
	"tidings/internal/pgtest"
	"tidings/store"
)

const token = "test-token"

// pile returns the articles of examples/pile as JSON bodies, without ids.
func pile(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "examples", "pile", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		delete(m, "id")
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	return out
}

func newServer(t *testing.T, st store.Store, opts Options) *httptest.Server {
	t.Helper()
	if opts.Token == "" {
		opts.Token = token
	}
	s, err := New(context.Background(), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(settled(s))
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)
	return ts
}

// settled serves s, but lets every read wait until the stories touched
// so far are summarized, so that tests read what they wrote.
func settled(s *Server) http.Handler {
	h := s.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			s.Wait()
		}
		h.ServeHTTP(w, r)
	})
}

// openStoreF opens the fuzz target's store: PostgreSQL when
// TIDINGS_TEST_POSTGRES is set (.ci/run sets it), else SQLite.
func openStoreF(f *testing.F) store.Store {
	addr := pgtest.Fresh(f, "tidings_fuzz_server")
	if addr == "" {
		addr = filepath.Join(f.TempDir(), "fuzz.db")
	}
	st, err := store.Open(context.Background(), addr)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	return st
}

func openStore(t *testing.T, path string) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// call sends a request and decodes the JSON answer into out (when not nil).
func call(t *testing.T, method, url, auth, contentType, body string, out any) int {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("%s %s: Content-Type %q", method, url, resp.Header.Get("Content-Type"))
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, url, err, b)
		}
	}
	return resp.StatusCode
}

func TestIngestAndRead(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	ids := postPile(t, ts.URL)
	// The reprint (Northern Echo, same text as Valley Wire) is stored and
	// folded into the wire copy.
	if ids[3].CopyOf != ids[2].ID || ids[3].Story != ids[2].Story {
		t.Errorf("reprint = %+v, want a copy of %d", ids[3], ids[2].ID)
	}
	if ids[0].Story != ids[1].Story || ids[0].Story == ids[4].Story || ids[4].Story != ids[5].Story || ids[6].Story == ids[0].Story {
		t.Errorf("stories = %+v", ids)
	}
	// Posting the same article again is idempotent.
	var again posted
	if code := call(t, "POST", ts.URL+"/api/articles", token, "", pile(t)[0], &again); code != http.StatusOK || again.ID != ids[0].ID || again.Created {
		t.Errorf("repost: %d %+v", code, again)
	}
	var list struct {
		Stories []storyItem `json:"stories"`
	}
	call(t, "GET", ts.URL+"/api/stories", "", "", "", &list)
	// The list is ordered by the time each story's brief was last written
	// (ties by id, newest first). Briefs are written in the background,
	// several at once when posts are quiet, so which story comes first
	// depends on which brief ended last: check the order, not a story.
	// The API shows whole seconds while the store orders by the stored
	// nanoseconds, so stories updated in one second may come in any id order.
	if len(list.Stories) != 3 || !slices.ContainsFunc(list.Stories, func(s storyItem) bool { return s.ID == ids[6].Story }) {
		t.Errorf("stories list = %+v, want 3 holding story %d", list.Stories, ids[6].Story)
	}
	for i := 1; i < len(list.Stories); i++ {
		a, b := list.Stories[i-1], list.Stories[i]
		if a.Updated < b.Updated {
			t.Errorf("stories list = %+v, want the latest updated first", list.Stories)
			break
		}
	}
	call(t, "GET", ts.URL+"/api/stories?q=prisoners", "", "", "", &list)
	if len(list.Stories) != 1 || list.Stories[0].ID != ids[4].Story {
		t.Errorf("search = %+v", list.Stories)
	}
	var story struct {
		Articles  []string `json:"articles"`
		Sentences []struct {
			Citations []struct {
				Article    string `json:"article"`
				Start, End int
				Text       string
			} `json:"citations"`
		} `json:"sentences"`
		Conflicts []struct{ Subject string } `json:"conflicts"`
	}
	if code := call(t, "GET", fmt.Sprint(ts.URL, "/api/stories/", ids[0].Story), "", "", "", &story); code != 200 {
		t.Fatalf("story: %d", code)
	}
	if len(story.Articles) != 4 || len(story.Conflicts) != 2 || len(story.Sentences) == 0 {
		t.Errorf("story 1: %d articles, %d conflicts, %d sentences", len(story.Articles), len(story.Conflicts), len(story.Sentences))
	}
	for _, s := range story.Sentences {
		for _, c := range s.Citations {
			var a articleOut
			call(t, "GET", ts.URL+"/api/articles/"+c.Article, "", "", "", &a)
			if c.End > len(a.Text) || a.Text[c.Start:c.End] != c.Text {
				t.Errorf("citation %+v does not point into article %s", c, c.Article)
			}
		}
	}
	// A new server over the same store replays it: the next meeting
	// article joins story 2, not a new one.
	ts2 := newServer(t, st, Options{})
	postNextMeeting(t, ts2.URL, ids[4].Story)
}

// postPile posts the articles of the pile to the server at url and
// returns the answers.
func postPile(t *testing.T, url string) []posted {
	t.Helper()
	var ids []posted
	for _, body := range pile(t) {
		var p posted
		if code := call(t, "POST", url+"/api/articles", token, "application/json", body, &p); code != http.StatusCreated {
			t.Fatalf("post: %d", code)
		}
		ids = append(ids, p)
	}
	return ids
}

// postNextMeeting posts one more article on the second meeting of the
// pile and checks that it joins that story, want.
func postNextMeeting(t *testing.T, url string, want int64) {
	t.Helper()
	var p posted
	body := `{"outlet": "Valley Wire", "published": "2026-03-25", "title": "Prisoner exchange set for Friday",
		"text": "Norland and Ostrava will exchange 200 prisoners at Kessel on Friday, the UN envoy Maria Lund said, after foreign ministers Anna Berg and Viktor Sal agreed the swap in Geneva on Tuesday."}`
	if code := call(t, "POST", url+"/api/articles", token, "application/json", body, &p); code != 201 || p.Story != want {
		t.Errorf("the next meeting's article: %d %+v, want story %d", code, p, want)
	}
}

// TestSettlingMoves posts articles where the clusterer's settling step
// moves an early article to the story that formed after it: the store
// follows the move, the story it left keeps only its own articles, and a
// new server over the same store replays to the same placements.
func TestSettlingMoves(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	opts := Options{Cluster: cluster.Options{Settle: 3, Threshold: 0.25}}
	ts := newServer(t, st, opts)
	texts := []string{
		"Ferry strike crews pay lannic islands sailings.",
		"Ferry strike crews pay lannic union.",
		"Ferry strike geneva talks ministers.",
		"Geneva talks ministers border ceasefire vell troops.",
		"Geneva talks ministers border ceasefire vell prisoners.",
		"Geneva talks ministers ceasefire vell troops kessel.",
		"Geneva ministers border ceasefire vell kessel envoy.",
	}
	var ids []posted
	for i, text := range texts {
		var p posted
		body := fmt.Sprintf(`{"outlet": "Outlet %d", "text": %q}`, i, text)
		if code := call(t, "POST", ts.URL+"/api/articles", token, "application/json", body, &p); code != http.StatusCreated {
			t.Fatalf("post %d: %d", i, code)
		}
		ids = append(ids, p)
	}
	if ids[2].Story != ids[0].Story {
		t.Fatalf("article 3 was first placed in story %d, want the ferry story %d (the test's premise)", ids[2].Story, ids[0].Story)
	}
	placed := func() map[int64]int64 {
		out := map[int64]int64{}
		for _, p := range ids {
			a, err := st.Article(context.Background(), p.ID)
			if err != nil {
				t.Fatal(err)
			}
			out[a.ID] = a.Story
		}
		return out
	}
	got := placed()
	ferry, talks := got[ids[0].ID], got[ids[3].ID]
	if ferry == talks || got[ids[1].ID] != ferry || got[ids[2].ID] != talks {
		t.Fatalf("placements %v: want articles 1-2 in one story and 3-7 in another", got)
	}
	var story struct {
		Articles []string `json:"articles"`
	}
	call(t, "GET", fmt.Sprint(ts.URL, "/api/stories/", ferry), "", "", "", &story)
	if len(story.Articles) != 2 {
		t.Errorf("the ferry story lists %d articles, want 2 after the move", len(story.Articles))
	}
	// A second server replays to the same placements.
	ts2 := newServer(t, st, opts)
	if again := placed(); fmt.Sprint(again) != fmt.Sprint(got) {
		t.Errorf("after replay %v, want %v", again, got)
	}
	var p posted
	body := `{"outlet": "Outlet 9", "text": "Geneva talks ministers border ceasefire vell envoy kessel."}`
	if code := call(t, "POST", ts2.URL+"/api/articles", token, "application/json", body, &p); code != http.StatusCreated || p.Story != talks {
		t.Errorf("after restart: %d %+v, want story %d", code, p, talks)
	}
}

// TestReplayWithoutSeq replays a store whose stories have no Seq (written
// before stories had one): the stories are found through their articles,
// given their Seq, and a new article joins the right one.
func TestReplayWithoutSeq(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	ids := postPile(t, ts.URL)
	seen := map[int64]bool{}
	for _, p := range ids {
		if !seen[p.Story] {
			seen[p.Story] = true
			if err := st.SetStorySeq(ctx, p.Story, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	ts2 := newServer(t, st, Options{})
	for story := range seen {
		s, err := st.Story(ctx, story)
		if err != nil || s.Seq == 0 {
			t.Errorf("story %d after replay: Seq %d, %v; want one set", story, s.Seq, err)
		}
	}
	postNextMeeting(t, ts2.URL, ids[4].Story)
}

func TestBadRequests(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	private := newServer(t, st, Options{Private: true})
	tests := []struct {
		name, method, url, auth, ctype, body string
		code                                 int
		errPart                              string
	}{
		{"no token", "POST", ts.URL + "/api/articles", "", "application/json", `{"text":"x"}`, 401, "token"},
		{"wrong token", "POST", ts.URL + "/api/articles", "nope", "application/json", `{"text":"x"}`, 401, "token"},
		{"bad JSON", "POST", ts.URL + "/api/articles", token, "application/json", `{"text":`, 400, "bad JSON"},
		{"unknown field", "POST", ts.URL + "/api/articles", token, "application/json", `{"body":"x"}`, 400, "unknown field"},
		{"no text", "POST", ts.URL + "/api/articles", token, "application/json", `{"title":"x"}`, 400, "no article"},
		{"text and html", "POST", ts.URL + "/api/articles", token, "application/json", `{"text":"a b","html":"<p>a</p>"}`, 400, "not both"},
		{"bad date", "POST", ts.URL + "/api/articles", token, "application/json", `{"text":"a b c d e f","published":"May 5"}`, 400, "published"},
		{"too short", "POST", ts.URL + "/api/articles", token, "text/plain", "Hi.", 422, "no article text"},
		{"html without text", "POST", ts.URL + "/api/articles", token, "text/html", "<html><body><nav>Home</nav></body></html>", 422, "no article text"},
		{"bad type", "POST", ts.URL + "/api/articles", token, "image/png", "x", 400, "Content-Type"},
		{"too big", "POST", ts.URL + "/api/articles", token, "text/plain", strings.Repeat("word ", MaxBody/4), 413, "over"},
		{"bad id", "GET", ts.URL + "/api/stories/abc", "", "", "", 400, "bad id"},
		{"missing story", "GET", ts.URL + "/api/stories/99", "", "", "", 404, "no story"},
		{"missing article", "GET", ts.URL + "/api/articles/99", "", "", "", 404, "no article"},
		{"bad limit", "GET", ts.URL + "/api/stories?limit=1000", "", "", "", 400, "limit"},
		{"unknown endpoint", "GET", ts.URL + "/api/nothing", "", "", "", 404, "no such endpoint"},
		{"private read", "GET", private.URL + "/api/stories", "", "", "", 401, "private"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e struct{ Error string }
			code := call(t, tt.method, tt.url, tt.auth, tt.ctype, tt.body, &e)
			if code != tt.code || !strings.Contains(e.Error, tt.errPart) {
				t.Errorf("%d %q, want %d with %q", code, e.Error, tt.code, tt.errPart)
			}
		})
	}
	var list struct{ Stories []storyItem }
	if code := call(t, "GET", private.URL+"/api/stories", token, "", "", &list); code != 200 {
		t.Errorf("private read with token: %d", code)
	}
}

// TestSharedPostgres runs two servers over one PostgreSQL database, as two
// processes would, and posts the pile to them in turn: they must place the
// articles as one server would.
func TestSharedPostgres(t *testing.T) {
	url := pgtest.Fresh(t, "tidings_server")
	if url == "" {
		t.Skip("set TIDINGS_TEST_POSTGRES=postgres://... to run (.ci/run does)")
	}
	first := openStore(t, url)
	a := newServer(t, first, Options{})
	b := newServer(t, openStore(t, url), Options{})
	var got []posted
	for i, body := range pile(t) {
		srv := a
		if i%2 == 1 {
			srv = b
		}
		var p posted
		if code := call(t, "POST", srv.URL+"/api/articles", token, "application/json", body, &p); code != 201 {
			t.Fatalf("post %d: %d", i, code)
		}
		got = append(got, p)
	}
	if got[0].Story != got[1].Story || got[1].Story != got[2].Story || got[3].CopyOf != got[2].ID ||
		got[4].Story != got[5].Story || got[4].Story == got[0].Story || got[6].Story == got[0].Story {
		t.Errorf("placements across two servers: %+v", got)
	}
	var list struct{ Stories []storyItem }
	call(t, "GET", b.URL+"/api/stories", "", "", "", &list)
	if len(list.Stories) != 3 {
		t.Errorf("%d stories, want 3", len(list.Stories))
	}
}

// storedArticles reads every article st holds, in id order, a page at a
// time.
func storedArticles(t *testing.T, st store.Store) []store.Article {
	t.Helper()
	var all []store.Article
	for after := int64(0); ; {
		page, err := st.Articles(context.Background(), after, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return all
		}
		all = append(all, page...)
		after = page[len(page)-1].ID
	}
}
