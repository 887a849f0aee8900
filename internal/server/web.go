package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"tidings/render"
	"tidings/store"
)

//go:embed web
var webFiles embed.FS

// pages are the web pages' templates, parsed on first use so that no
// other command pays for them at start-up.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"excerpt": func(s string) string {
			if len(s) <= 280 {
				return s
			}
			cut := strings.LastIndex(s[:280], " ")
			return s[:max(cut, 0)] + " …"
		},
		"join":      func(s []string) string { return strings.Join(s, ", ") },
		"day":       func(date string) string { return date[:min(len(date), 10)] },
		"foundIn":   foundIn,
		"foundNote": foundNote,
		"outlet": func(st render.JSONStory, article string) string {
			for _, src := range st.Sources {
				if src.ID == article {
					return src.Outlet
				}
			}
			return ""
		},
	}).ParseFS(webFiles, "web/*.html"))
})

// foundPlaces are the words a story page uses for where a source's
// metadata was found (see news.Found and the clean package).
var foundPlaces = map[string]string{
	"input": "given with the article", "file-name": "the file name", "html-meta": "the page's metadata",
	"htmldate": "the page's dates", "byline": "the byline", "dateline": "the dateline", "date-line": "a date line",
	"date-stamp": "a date stamp", "first-date": "the first date in the text", "credit-line": "a credit line",
	"copyright": "the copyright line", "site-name": "the site's own name", "url": "the address",
	"url-host": "the address's host", "source-line": "a source line", "headline": "the headline",
	"first-line": "the first line", "headline-date": "the date beside the headline", "json-ld": "the page's structured data",
	"time-element": "the page's time stamp",
}

// foundIn returns where a source's field was found, in words ("the
// byline"), or "" when not known; a place without words is shown as
// named.
func foundIn(f *render.JSONFound, field string) string {
	if f == nil {
		return ""
	}
	var v string
	switch field {
	case "outlet":
		v = f.Outlet
	case "title":
		v = f.Title
	case "author":
		v = f.Author
	case "date":
		v = f.Date
	}
	if w, ok := foundPlaces[v]; ok {
		return w
	}
	return v
}

// foundNote says where the outlet, author and date of src were found
// ("outlet from the copyright line; date from the byline"), leaving out
// the fields src lacks and those given with the article; "" when there is
// nothing to say.
func foundNote(src render.JSONSource) string {
	var parts []string
	for _, f := range []struct{ name, value string }{{"outlet", src.Outlet}, {"author", src.Author}, {"date", src.Date}} {
		if w := foundIn(src.Found, f.name); f.value != "" && w != "" && w != foundPlaces["input"] {
			parts = append(parts, f.name+" from "+w)
		}
	}
	return strings.Join(parts, "; ")
}

// page is what the templates get.
type page struct {
	Title   string
	Query   string
	Stories []store.Story
	Next    string // the list's next page, or the login form's destination
	Message string
	Story   render.JSONStory
	Support []render.JSONSupport
	// Disputes are the story's conflicts with their claims grouped by
	// value, as the text output groups them.
	Disputes []dispute
}

// dispute is one conflict of a story page: each side a value and the
// claims that give it.
type dispute struct {
	Subject, Kind string
	Sides         []side
}

type side struct {
	Value  string
	Claims []render.JSONClaim
}

// disputes groups each conflict's claims by value, in the order the values
// first appear.
func disputes(cs []render.JSONConflict) []dispute {
	var out []dispute
	for _, c := range cs {
		d := dispute{Subject: c.Subject, Kind: c.Kind}
		at := map[string]int{}
		for _, cl := range c.Claims {
			i, ok := at[cl.Value]
			if !ok {
				i = len(d.Sides)
				at[cl.Value] = i
				d.Sides = append(d.Sides, side{Value: cl.Value})
			}
			d.Sides[i].Claims = append(d.Sides[i].Claims, cl)
		}
		out = append(out, d)
	}
	return out
}

// webRoutes are the routes of the web pages and their static files.
func (s *Server) webRoutes() []route {
	static, _ := fs.Sub(webFiles, "web")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	return []route{
		{"GET /static/", func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/") { // a directory: not listed
				http.NotFound(w, r)
				return
			}
			files.ServeHTTP(w, r)
		}},
		{"GET /{$}", s.page(s.listPage)},
		{"GET /stories/{id}", s.page(s.storyPage)},
		{"GET /login", s.loginPage},
		{"POST /login", s.login},
		{"POST /logout", s.logout},
	}
}

// sessionCookie is the cookie a browser signs in with on a private server.
// It holds an HMAC of the token, not the token, and is HttpOnly and
// SameSite=Strict; it opens the reads (pages and GET endpoints) only, so a
// page of another site cannot make a signed-in browser write.
const sessionCookie = "tidings_session"

// sessionValue is the cookie value for the server's token.
func (s *Server) sessionValue() string {
	m := hmac.New(sha256.New, []byte(s.opts.Token))
	m.Write([]byte("tidings web session"))
	return hex.EncodeToString(m.Sum(nil))
}

// signedIn reports whether r carries the session cookie.
func (s *Server) signedIn(r *http.Request) bool {
	c, err := r.Cookie(sessionCookie)
	return err == nil && hmac.Equal([]byte(c.Value), []byte(s.sessionValue()))
}

// page guards a web page as read guards an endpoint, but sends a browser
// without the token to the sign-in form.
func (s *Server) page(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if limited(s.reads, w, r, false) {
			return
		}
		if s.opts.Private && !s.authorized(r) && !s.signedIn(r) {
			http.Redirect(w, r, "/login?"+url.Values{"next": {r.URL.RequestURI()}}.Encode(), http.StatusSeeOther)
			return
		}
		h(w, r)
	}
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if limited(s.reads, w, r, false) {
		return
	}
	s.html(w, "login.html", page{Title: "Sign in", Next: localPath(r.URL.Query().Get("next"))})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if limited(s.writes, w, r, false) { // a bound on guessing the token too
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	next := localPath(r.PostFormValue("next"))
	if subtle.ConstantTimeCompare([]byte(r.PostFormValue("token")), []byte(s.opts.Token)) != 1 {
		w.WriteHeader(http.StatusUnauthorized)
		s.html(w, "login.html", page{Title: "Sign in", Next: next, Message: "That is not this server's token."})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: s.sessionValue(), Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode, MaxAge: 30 * 24 * 3600})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// localPath returns next when it is a path on this server ("/stories/3",
// "/?q=ferry"), else "/": the sign-in form never sends a browser
// elsewhere. next must parse as a URL reference with no scheme, host or
// user, begin with one "/", and hold no backslash, control character or
// space, which browsers read leniently (they take "/\evil" and
// "/<TAB>/evil" for "//evil", another host). The path returned is next
// re-encoded.
func localPath(next string) string {
	if strings.ContainsFunc(next, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) || r == '\\' }) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" ||
		!strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	out := u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if strings.HasPrefix(out, "//") {
		return "/"
	}
	return out
}

func (s *Server) listPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if msg := checkQuery(q); msg != "" {
		http.Error(w, msg, http.StatusBadRequest)
		return
	}
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
	p.Disputes = disputes(p.Story.Conflicts)
	p.Support = p.Story.Support
	for len(p.Support) < len(p.Story.Sentences) {
		p.Support = append(p.Support, render.JSONSupport{})
	}
	w.Header().Set("Last-Modified", st.Updated.UTC().Format(http.TimeFormat))
	s.html(w, "story.html", p)
}

func (s *Server) html(w http.ResponseWriter, name string, p page) {
	var b strings.Builder
	if err := pages().ExecuteTemplate(&b, name, p); err != nil {
		s.internal(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'")
	w.Write([]byte(b.String()))
}
