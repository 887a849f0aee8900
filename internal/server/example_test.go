package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"tidings/internal/server"
	"tidings/store"
)

// A server over a fresh SQLite store takes an article posted with its
// write token and refuses one posted without it.
func ExampleNew() {
	dir, err := os.MkdirTemp("", "tidings-server-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "tidings.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	srv, err := server.New(ctx, st, server.Options{Token: "secret"})
	if err != nil {
		fmt.Println(err)
		return
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	post := func(token string) int {
		body := `{"title": "Ferry service resumes", "outlet": "Harbour Post",
			"text": "The ferry between Port Alder and Wren Island ran again on Monday after a week of storms. The operator said all crossings would run to the timetable."}`
		req, _ := http.NewRequest("POST", ts.URL+"/api/articles", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	fmt.Println("with the token:", post("secret"))
	fmt.Println("without:", post(""))
	// Output:
	// with the token: 201
	// without: 401
}
