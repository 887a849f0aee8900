package server

import (
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"tidings/render"
	"tidings/store"
)

//go:embed web
var webFiles embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"excerpt": func(s string) string {
		if len(s) <= 280 {
			return s
		}
		cut := strings.LastIndex(s[:280], " ")
		return s[:max(cut, 0)] + " …"
	},
	"join": func(s []string) string { return strings.Join(s, ", ") },
	"day":  func(date string) string { return date[:min(len(date), 10)] },
	"outlet": func(st render.JSONStory, article string) string {
		for _, src := range st.Sources {
			if src.ID == article {
				return src.Outlet
			}
		}
		return ""
	},
}).ParseFS(webFiles, "web/*.html"))

// page is what the templates get.
type page struct {
	Title   string
	Query   string
	Stories []store.Story
	Next    string
	Story   render.JSONStory
	Support []render.JSONSupport
}

func (s *Server) webRoutes(mux *http.ServeMux) {
	static, _ := fs.Sub(webFiles, "web")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.read(s.listPage))
	mux.HandleFunc("GET /stories/{id}", s.read(s.storyPage))
}

func (s *Server) listPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	const per = 20
	list, err := s.st.Stories(r.Context(), store.Query{Search: q, Limit: per, Offset: max(offset, 0)})
	if err != nil {
		s.internal(w, err)
		return
	}
	p := page{Title: "Latest stories", Query: q, Stories: list}
	if len(list) == per {
		p.Next = url.Values{"q": {q}, "offset": {strconv.Itoa(max(offset, 0) + per)}}.Encode()
	}
	s.html(w, "list.html", p)
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.Error(w, "bad story id", http.StatusBadRequest)
		return
	}
	st, err := s.st.Story(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, "no such story", http.StatusNotFound)
		return
	}
	if err != nil {
		s.internal(w, err)
		return
	}
	p := page{Title: st.Title}
	if err := json.Unmarshal(st.Body, &p.Story); err != nil {
		s.internal(w, err)
		return
	}
	p.Support = p.Story.Support
	for len(p.Support) < len(p.Story.Sentences) {
		p.Support = append(p.Support, render.JSONSupport{})
	}
	w.Header().Set("Last-Modified", st.Updated.UTC().Format(http.TimeFormat))
	s.html(w, "story.html", p)
}

func (s *Server) html(w http.ResponseWriter, name string, p page) {
	var b strings.Builder
	if err := pages.ExecuteTemplate(&b, name, p); err != nil {
		s.internal(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'")
	w.Write([]byte(b.String()))
}
