package server

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tidings/render"
)

func TestPagesServeHTML(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	for _, body := range pile(t) {
		call(t, "POST", ts.URL+"/api/articles", token, "application/json", body, nil)
	}
	for _, tt := range []struct {
		path string
		code int
		want string
	}{
		{"/", 200, "Norland and Ostrava ministers meet in Geneva"},
		{"/?q=prisoners", 200, "Berg and Sal agree prisoner exchange"},
		{"/?q=zebra", 200, "No story matches."},
		{"/stories/1", 200, `class="cite" data-article="1"`},
		{"/stories/1", 200, "Where sources disagree"},
		{"/stories/1", 200, "also carried by Northern Echo"},
		{"/stories/99", 404, "no such story"},
		{"/stories/x", 400, "bad story id"},
		{"/static/app.js", 200, "TextEncoder"},
	} {
		resp, err := http.Get(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code || !strings.Contains(string(b), tt.want) {
			t.Errorf("GET %s: %d, want %d with %q", tt.path, resp.StatusCode, tt.code, tt.want)
		}
	}
}

// chromium finds Debian's Chromium (.ci/run installs it).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found: the browser test needs Debian's chromium package (.ci/run installs it)")
	return ""
}

// TestStoryPageInBrowser loads a story page in headless Chromium, clicks
// the first citation of the brief and checks that the article appears
// with the cited sentence marked; it saves a screenshot.
func TestStoryPageInBrowser(t *testing.T) {
	exe := chromium(t)
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	for _, body := range pile(t) {
		call(t, "POST", ts.URL+"/api/articles", token, "application/json", body, nil)
	}
	var story struct {
		Sentences []struct {
			Citations []struct{ Text string } `json:"citations"`
		} `json:"sentences"`
	}
	call(t, "GET", ts.URL+"/api/stories/1", "", "", "", &story)
	want := story.Sentences[0].Citations[0].Text

	ctx := startBrowser(t, exe)

	step := func(what string, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		if _, err := chromedp.Run(ctx, a); err != nil {
			t.Fatalf("browser, %s: %v", what, err)
		}
	}
	step("open the search", chromedp.Navigate(ts.URL+"/?q=prisoners"))
	step("wait for the list", chromedp.WaitVisible(`ol.stories`))
	stories, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("li.story").length`))
	if err != nil {
		t.Fatal(err)
	}
	step("open story 1", chromedp.Navigate(ts.URL+"/stories/1"))
	step("wait for the brief", chromedp.WaitVisible(`.brief .sentence button.cite`))
	step("click the first citation", chromedp.Click(`.brief .sentence button.cite`, chromedp.NodeVisible))
	step("wait for the marked sentence", chromedp.WaitVisible(`#evidence mark`))
	marked, err := chromedp.Run(ctx, chromedp.Text(`#evidence mark`))
	if err != nil {
		t.Fatal(err)
	}
	from, err := chromedp.Run(ctx, chromedp.Text(`#evidence .from`))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
	if err != nil {
		t.Fatal(err)
	}
	// A disagreement's outlets are citations too: the second outlet of
	// the first one (Capital Times, 5,000 troops) shows its sentence.
	step("click an outlet of a disagreement", chromedp.Click(`ul.disputes li button.cite:nth-of-type(2)`, chromedp.NodeVisible))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#evidence mark").textContent.includes("5,000")`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Text(`#evidence mark`))
		t.Errorf("after a click on the disagreement's second outlet the marked text is %q, want the 5,000 troops sentence: %v", text, err)
	}
	if stories != 1 {
		t.Errorf("search for prisoners lists %d stories, want 1", stories)
	}
	if strings.TrimSpace(marked) != want {
		t.Errorf("marked text after the click:\n%q\nwant the cited sentence:\n%q", marked, want)
	}
	if !strings.Contains(from, "Harbour Post") {
		t.Errorf("evidence panel names %q, want the Harbour Post article", from)
	}
	path := filepath.Join(os.TempDir(), "tidings-story-page.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
}

// TestPrivateSignIn checks the sign-in form of a private server: pages
// send a browser to it, a wrong token is refused, the right one sets a
// session cookie that opens pages and reads but not writes.
func TestPrivateSignIn(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{Private: true})
	for _, body := range pile(t) {
		call(t, "POST", ts.URL+"/api/articles", token, "application/json", body, nil)
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	noRedirect := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c := &http.Client{Jar: jar, CheckRedirect: noRedirect}
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := c.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(b)
	}
	signIn := func(tok, next string) *http.Response {
		t.Helper()
		resp, err := c.PostForm(ts.URL+"/login", url.Values{"token": {tok}, "next": {next}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}

	if resp, _ := get("/stories/1"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2Fstories%2F1" {
		t.Fatalf("page before sign-in: %d to %q, want 303 to the sign-in form", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, body := get("/login?next=/stories/1"); resp.StatusCode != 200 || !strings.Contains(body, `name="token"`) {
		t.Fatalf("sign-in form: %d %q", resp.StatusCode, body)
	}
	if resp := signIn("wrong", "/stories/1"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong token: %d, want 401", resp.StatusCode)
	}
	if resp, _ := get("/api/stories"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("reads after a refused sign-in: %d, want 401", resp.StatusCode)
	}
	if resp := signIn(token, "https://elsewhere.example/"); resp.Header.Get("Location") != "/" {
		t.Fatalf("sign-in sent the browser to %q, want / (never off this server)", resp.Header.Get("Location"))
	}
	if resp := signIn(token, "/stories/1"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/stories/1" {
		t.Fatalf("right token: %d to %q, want 303 to /stories/1", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, body := get("/stories/1"); resp.StatusCode != 200 || !strings.Contains(body, "Norland") {
		t.Fatalf("page after sign-in: %d", resp.StatusCode)
	}
	if resp, _ := get("/api/stories"); resp.StatusCode != 200 {
		t.Fatalf("API read after sign-in: %d, want 200", resp.StatusCode)
	}
	// The cookie opens no write.
	req, _ := http.NewRequest("POST", ts.URL+"/api/articles", strings.NewReader(`{"text":"A ferry ran aground off Marden on Sunday."}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("write with the session cookie only: %d, want 401", resp.StatusCode)
	}
	// Signing out ends the session.
	resp, err = c.Post(ts.URL+"/logout", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp, _ := get("/"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("page after sign-out: %d, want 303", resp.StatusCode)
	}
}

// startBrowser starts headless Chromium for the test and returns its
// context, closed when the test ends. A launch can fail when the machine
// is loaded (the whole suite runs in parallel, with the race detector):
// Chromium exits before it prints its DevTools address. It is tried three
// times; each failure is logged.
func startBrowser(t *testing.T, exe string) context.Context {
	t.Helper()
	var err error
	for try := 1; try <= 3; try++ {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
			chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1000, 1200))
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(actx)
		ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
		cancel := func() { cancelTime(); cancelCtx(); cancelAlloc() }
		if _, err = chromedp.Run(ctx, chromedp.Navigate("about:blank")); err == nil {
			t.Cleanup(cancel)
			return ctx
		}
		cancel()
		t.Logf("browser start %d of 3 failed: %v", try, err)
	}
	t.Fatalf("the browser did not start: %v", err)
	return nil
}

// TestDisputes checks that a conflict's claims are grouped by value, the
// values in the order they first appear.
func TestDisputes(t *testing.T) {
	claim := func(v, outlet string) render.JSONClaim { return render.JSONClaim{Value: v, Outlet: outlet} }
	got := disputes([]render.JSONConflict{{Subject: "talks", Kind: "characterization", Claims: []render.JSONClaim{
		claim("constructive", "Harbour Post"), claim("tough", "Harbour Post"), claim("constructive", "Valley Wire"), claim("tough", "Capital Times"),
	}}})
	if len(got) != 1 || len(got[0].Sides) != 2 {
		t.Fatalf("disputes = %+v, want one conflict of two sides", got)
	}
	for i, want := range []struct {
		value   string
		outlets []string
	}{{"constructive", []string{"Harbour Post", "Valley Wire"}}, {"tough", []string{"Harbour Post", "Capital Times"}}} {
		s := got[0].Sides[i]
		var outlets []string
		for _, c := range s.Claims {
			outlets = append(outlets, c.Outlet)
		}
		if s.Value != want.value || !slices.Equal(outlets, want.outlets) {
			t.Errorf("side %d = %s %v, want %s %v", i, s.Value, outlets, want.value, want.outlets)
		}
	}
}

func TestLocalPath(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, next, want string }{
		{"story", "/stories/3", "/stories/3"},
		{"search", "/?q=ferry+strike&offset=20", "/?q=ferry+strike&offset=20"},
		{"root", "/", "/"},
		{"empty", "", "/"},
		{"tab before the slash", "/\t/evil.example", "/"},
		{"newline", "/\n/evil.example", "/"},
		{"carriage return", "/stories/3\r\nSet-Cookie: x=1", "/"},
		{"nul", "/\x00/evil.example", "/"},
		{"c1 control", "/\u0085/evil.example", "/"},
		{"no-break space", "/\u00a0/evil.example", "/"},
		{"protocol-relative", "//evil.example", "/"},
		{"backslash", "/\\evil.example", "/"},
		{"backslash later", "/a\\b", "/"},
		{"absolute http", "http://evil.example/", "/"},
		{"absolute https", "https://evil.example/stories/1", "/"},
		{"scheme without slashes", "javascript:alert(1)", "/"},
		{"relative", "stories/3", "/"},
		{"userinfo form", "/@evil.example", "/@evil.example"},
		{"encoded slashes stay encoded", "/%2F%2Fevil.example", "/%2F%2Fevil.example"},
		{"encoded tab stays encoded", "/%09/evil.example", "/%09/evil.example"},
		{"bad escape", "/%zz", "/"},
		{"fragment dropped", "/stories/3#top", "/stories/3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := localPath(tt.next); got != tt.want {
				t.Errorf("localPath(%q) = %q, want %q", tt.next, got, tt.want)
			}
		})
	}
}
