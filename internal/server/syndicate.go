package server

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"tidings/render"
	"tidings/store"
)

// The story feeds: GET /feed.atom (Atom, RFC 4287) and GET /feed.json
// (JSON Feed 1.1) list the latest stories, or a search's (?q=), newest
// activity first, one entry per story: its title, brief, sources and
// update time, linked to the story's page.

// feedEntry is one story as both feeds give it.
type feedEntry struct {
	ID      int64
	Title   string
	Brief   string
	Updated time.Time
	Sources []render.JSONSource
}

// feedStories reads the stories of a feed request: q bounded as a
// search, limit (1 to maxPage, default 20). It answers a bad request
// itself and then returns ok false.
func (s *Server) feedStories(w http.ResponseWriter, r *http.Request) ([]feedEntry, bool) {
	q := store.Query{Search: r.URL.Query().Get("q"), Limit: 20}
	if msg := checkQuery(q.Search); msg != "" {
		fail(w, http.StatusBadRequest, "%s", msg)
		return nil, false
	}
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPage {
			fail(w, http.StatusBadRequest, "bad limit %q: want a whole number from 1 to %d", v, maxPage)
			return nil, false
		}
		q.Limit = n
	}
	list, err := s.st.Stories(r.Context(), q)
	if err != nil {
		s.internal(w, err)
		return nil, false
	}
	out := make([]feedEntry, 0, len(list))
	for _, st := range list {
		e := feedEntry{ID: st.ID, Title: st.Title, Brief: st.Summary, Updated: st.Updated.UTC()}
		full, err := s.st.Story(r.Context(), st.ID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			continue // gone since the list
		case err != nil:
			s.internal(w, err)
			return nil, false
		}
		var body render.JSONStory
		if json.Unmarshal(full.Body, &body) == nil {
			e.Sources = body.Sources
		}
		if e.Title == "" {
			e.Title = "Story " + strconv.FormatInt(st.ID, 10)
		}
		out = append(out, e)
	}
	return out, true
}

// baseURL is the server's own address as the request names it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// listURL is the address of the web page listing search q's stories.
func listURL(base, q string) string {
	if q == "" {
		return base + "/"
	}
	return base + "/?" + url.Values{"q": {q}}.Encode()
}

// newest is the latest update of entries, or the Unix epoch for none.
func newest(entries []feedEntry) time.Time {
	t := time.Unix(0, 0).UTC()
	for _, e := range entries {
		if e.Updated.After(t) {
			t = e.Updated
		}
	}
	return t
}

// webURL returns raw when it is an http or https URL (fit for a link),
// else "".
func webURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return raw
}

// sourceLine names a source: "Outlet: Title", as far as they are known.
func sourceLine(src render.JSONSource) string {
	var parts []string
	for _, p := range []string{src.Outlet, src.Title} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "Article " + src.ID
	}
	return strings.Join(parts, ": ")
}

// entryHTML is an entry's content as HTML: the brief, then its sources,
// each linked to its page when it has a web URL.
func entryHTML(e feedEntry) string {
	var b strings.Builder
	for _, para := range strings.Split(e.Brief, "\n") {
		if strings.TrimSpace(para) != "" {
			b.WriteString("<p>" + html.EscapeString(para) + "</p>")
		}
	}
	if len(e.Sources) > 0 {
		b.WriteString("<p>Sources:</p><ul>")
		for _, src := range e.Sources {
			line := html.EscapeString(sourceLine(src))
			if u := webURL(src.URL); u != "" {
				line = `<a href="` + html.EscapeString(u) + `">` + line + "</a>"
			}
			b.WriteString("<li>" + line + "</li>")
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

// entryText is an entry's content as plain text: the brief, a blank
// line, and a line per source.
func entryText(e feedEntry) string {
	var b strings.Builder
	b.WriteString(e.Brief)
	if len(e.Sources) > 0 {
		b.WriteString("\n\nSources:\n")
		for _, src := range e.Sources {
			b.WriteString("- " + sourceLine(src))
			if u := webURL(src.URL); u != "" {
				b.WriteString(" <" + u + ">")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// atomFeed and its parts are the Atom document.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID      string       `xml:"id"`
	Title   string       `xml:"title"`
	Updated string       `xml:"updated"`
	Link    atomLink     `xml:"link"`
	Summary atomText     `xml:"summary"`
	Content atomText     `xml:"content"`
	Authors []atomPerson `xml:"author,omitempty"`
}

// feedTitle is the title of a feed of search q ("" for all stories).
func feedTitle(q string) string {
	if q == "" {
		return "tidings: latest stories"
	}
	return "tidings: stories on " + q
}

func (s *Server) atomFeed(w http.ResponseWriter, r *http.Request) {
	entries, ok := s.feedStories(w, r)
	if !ok {
		return
	}
	base := baseURL(r)
	q := r.URL.Query().Get("q")
	updated := newest(entries)
	f := atomFeed{ID: base + r.URL.RequestURI(), Title: feedTitle(q), Updated: updated.Format(time.RFC3339),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + r.URL.RequestURI()},
			{Rel: "alternate", Type: "text/html", Href: listURL(base, q)}},
		Author: atomPerson{Name: "tidings"}}
	for _, e := range entries {
		page := base + "/stories/" + strconv.FormatInt(e.ID, 10)
		ae := atomEntry{ID: page, Title: e.Title, Updated: e.Updated.Format(time.RFC3339),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: page},
			Summary: atomText{Type: "text", Body: e.Brief}, Content: atomText{Type: "html", Body: entryHTML(e)}}
		for _, src := range e.Sources {
			if src.Outlet != "" && !containsPerson(ae.Authors, src.Outlet) {
				ae.Authors = append(ae.Authors, atomPerson{Name: src.Outlet})
			}
		}
		f.Entries = append(f.Entries, ae)
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		s.internal(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Last-Modified", updated.Format(http.TimeFormat))
	w.Write([]byte(xml.Header))
	w.Write(b)
}

func containsPerson(ps []atomPerson, name string) bool {
	for _, p := range ps {
		if p.Name == name {
			return true
		}
	}
	return false
}

// jsonFeed and its parts are the JSON Feed 1.1 document
// (https://www.jsonfeed.org/version/1.1/).
type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonFeedItem struct {
	ID           string             `json:"id"`
	URL          string             `json:"url"`
	Title        string             `json:"title"`
	Summary      string             `json:"summary,omitempty"`
	ContentHTML  string             `json:"content_html"`
	ContentText  string             `json:"content_text"`
	DateModified string             `json:"date_modified"`
	Authors      []jsonFeedAuthor   `json:"authors,omitempty"`
	Extension    *jsonFeedExtension `json:"_tidings,omitempty"`
}

type jsonFeedAuthor struct {
	Name string `json:"name"`
}

// jsonFeedExtension is tidings' own part of an item (JSON Feed
// extensions begin with "_"): the story's id and its sources.
type jsonFeedExtension struct {
	Story   int64            `json:"story"`
	Sources []jsonFeedSource `json:"sources"`
}

type jsonFeedSource struct {
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Date   string `json:"date,omitempty"`
}

func (s *Server) jsonFeed(w http.ResponseWriter, r *http.Request) {
	entries, ok := s.feedStories(w, r)
	if !ok {
		return
	}
	base := baseURL(r)
	q := r.URL.Query().Get("q")
	f := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: feedTitle(q),
		HomePageURL: listURL(base, q), FeedURL: base + r.URL.RequestURI(), Items: []jsonFeedItem{}}
	for _, e := range entries {
		page := base + "/stories/" + strconv.FormatInt(e.ID, 10)
		it := jsonFeedItem{ID: page, URL: page, Title: e.Title, Summary: e.Brief, ContentHTML: entryHTML(e), ContentText: entryText(e),
			DateModified: e.Updated.Format(time.RFC3339), Extension: &jsonFeedExtension{Story: e.ID, Sources: []jsonFeedSource{}}}
		seen := map[string]bool{}
		for _, src := range e.Sources {
			if src.Outlet != "" && !seen[src.Outlet] {
				seen[src.Outlet] = true
				it.Authors = append(it.Authors, jsonFeedAuthor{Name: src.Outlet})
			}
			it.Extension.Sources = append(it.Extension.Sources, jsonFeedSource{Outlet: src.Outlet, Title: src.Title, URL: webURL(src.URL), Date: src.Date})
		}
		f.Items = append(f.Items, it)
	}
	w.Header().Set("Content-Type", "application/feed+json; charset=utf-8")
	w.Header().Set("Last-Modified", newest(entries).Format(http.TimeFormat))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(f)
}
