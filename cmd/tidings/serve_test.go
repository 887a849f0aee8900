package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// startServe runs the tidings binary's serve command and returns it with
// its base URL, read from its start line; args are more flags.
func startServe(t *testing.T, bin, db string, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "TIDINGS_TOKEN=kill-test")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if _, rest, ok := strings.Cut(lines.Text(), "serving on "); ok {
			go io.Copy(io.Discard, stderr)
			return cmd, strings.Fields(rest)[0]
		}
	}
	cmd.Process.Kill()
	t.Fatal("serve did not start")
	return nil, ""
}

// TestServeSurvivesKill posts articles from four clients, kills the server
// with SIGKILL in the middle of the burst, restarts it and checks that
// every article that got a 2xx answer is there. Then SIGTERM stops it
// cleanly.
func TestServeSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tidings")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "t.db")
	cmd, base := startServe(t, bin, db)

	type ack struct {
		id    int64
		title string
	}
	var (
		mu    sync.Mutex
		acked []ack
		wg    sync.WaitGroup
	)
	killed := make(chan struct{})
	var once sync.Once
	client := &http.Client{Timeout: 10 * time.Second}
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-killed:
					return
				default:
				}
				title := fmt.Sprintf("Report %d-%d on the harbour works", w, i)
				body, _ := json.Marshal(map[string]string{"title": title, "outlet": fmt.Sprint("Outlet ", w),
					"text": fmt.Sprintf("Workers %d and %d repaired section %d of the harbour wall on Tuesday, the port authority said. The work on section %d will continue through the week, and the wall will reopen to walkers on Saturday.", w, i, i, i)})
				req, _ := http.NewRequest("POST", base+"/api/articles", strings.NewReader(string(body)))
				req.Header.Set("Authorization", "Bearer kill-test")
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					return // the server is gone
				}
				var p struct{ ID int64 }
				json.NewDecoder(resp.Body).Decode(&p)
				resp.Body.Close()
				if resp.StatusCode/100 == 2 {
					mu.Lock()
					acked = append(acked, ack{p.ID, title})
					n := len(acked)
					mu.Unlock()
					if n >= 40 {
						once.Do(func() {
							cmd.Process.Signal(syscall.SIGKILL)
							close(killed)
						})
					}
				}
			}
		}()
	}
	wg.Wait()
	cmd.Wait()

	cmd, base = startServe(t, bin, db)
	for _, a := range acked {
		resp, err := http.Get(fmt.Sprint(base, "/api/articles/", a.id))
		if err != nil {
			t.Fatal(err)
		}
		var got struct{ Title string }
		json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if resp.StatusCode != 200 || got.Title != a.title {
			t.Errorf("acknowledged article %d (%q) after the kill: %d %q", a.id, a.title, resp.StatusCode, got.Title)
		}
	}
	t.Logf("%d acknowledged articles, all present after kill -9 and restart", len(acked))

	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v", err)
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Error("serve did not stop on SIGTERM")
	}
}

// TestServeStopsGracefully sends SIGTERM while a post is still sending its
// body: a post that finishes within --grace is stored and answered, one
// that does not is answered 503 with a message, and either way the server
// exits with status 0.
func TestServeStopsGracefully(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tidings")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		name     string
		grace    string
		rest     time.Duration // when the body's second half is sent, after SIGTERM
		want     int
		wantPart string
	}{
		{"finishes within the grace", "5s", time.Second, http.StatusCreated, `"id"`},
		{"cut after the grace", "1s", 4 * time.Second, http.StatusServiceUnavailable, "stopping"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd, base := startServe(t, bin, filepath.Join(dir, fmt.Sprint(i, ".db")), "--grace", tt.grace)
			exited := make(chan error, 1)
			body, send := io.Pipe()
			go func() {
				fmt.Fprintf(send, `{"title": "Harbour wall", "outlet": "Outlet %d", "text": "Workers repaired`, i)
				time.Sleep(300 * time.Millisecond) // the handler is reading the body
				cmd.Process.Signal(syscall.SIGTERM)
				go func() { exited <- cmd.Wait() }()
				time.Sleep(tt.rest)
				fmt.Fprint(send, ` section 4 of the harbour wall on Tuesday, the port authority said, and it reopens on Saturday."}`)
				send.Close()
			}()
			req, _ := http.NewRequest("POST", base+"/api/articles", body)
			req.Header.Set("Authorization", "Bearer kill-test")
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("no answer: %v", err)
			}
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != tt.want || !strings.Contains(string(b), tt.wantPart) {
				t.Errorf("answer %d %s (%v), want %d with %s", resp.StatusCode, b, err, tt.want, tt.wantPart)
			}
			select {
			case err := <-exited:
				if err != nil {
					t.Errorf("exit after SIGTERM: %v, want status 0", err)
				}
			case <-time.After(15 * time.Second):
				cmd.Process.Kill()
				t.Error("serve did not stop on SIGTERM")
			}
		})
	}
}
