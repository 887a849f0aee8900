package server

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1000, 1200))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

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
