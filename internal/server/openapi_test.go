package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// docPath is the OpenAPI path of a ServeMux pattern's path.
func docPath(path string) string {
	switch path {
	case "/{$}":
		return "/"
	case "/static/":
		return "/static/{file}"
	}
	return path
}

// TestOpenAPICoversRoutes checks openapi.json against the Handler: every
// route is in the document, every operation of the document is a route,
// the Handler serves each (not its 404 or 405), and every $ref resolves.
func TestOpenAPICoversRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	s, err := New(context.Background(), st, Options{Token: token})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	served := map[string]bool{} // "get /api/stories"
	for _, rt := range s.routes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		op := strings.ToLower(method) + " " + docPath(path)
		served[op] = true
		if _, ok := doc.Paths[docPath(path)][strings.ToLower(method)]; !ok {
			t.Errorf("route %q is not in openapi.json (as %s)", rt.pattern, op)
		}
	}
	h := s.Handler()
	methods := []string{"get", "put", "post", "delete", "patch", "head", "options"}
	for path, item := range doc.Paths {
		for method := range item {
			if !slices.Contains(methods, method) {
				continue // parameters, summary
			}
			op := method + " " + path
			t.Run(op, func(t *testing.T) {
				if !served[op] {
					t.Fatalf("openapi.json has %s, which no route serves", op)
				}
				url := strings.NewReplacer("{id}", "1", "{file}", "style.css").Replace(path)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(strings.ToUpper(method), url, nil))
				body, _ := io.ReadAll(rec.Body)
				if rec.Code == http.StatusMethodNotAllowed || strings.Contains(string(body), "no such endpoint") || string(body) == "404 page not found\n" {
					t.Errorf("%s %s = %d %s: not served", method, url, rec.Code, body)
				}
			})
		}
	}
	// Every $ref points into the document.
	var whole any
	json.Unmarshal(openAPI, &whole)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if ref, ok := x.(string); ok && k == "$ref" {
					var at any = whole
					for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
						m, _ := at.(map[string]any)
						at = m[part]
					}
					if at == nil {
						t.Errorf("$ref %q resolves to nothing", ref)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(whole)
}

func TestOpenAPIServed(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	var doc map[string]any
	if code := call(t, "GET", ts.URL+"/api/openapi.json", "", "", "", &doc); code != 200 || doc["openapi"] == nil {
		t.Errorf("GET /api/openapi.json = %d %v", code, doc["openapi"])
	}
}
