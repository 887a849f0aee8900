package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"tidings/store"
)

// maxCachedBytes bounds the story bodies a cachedStore holds.
const maxCachedBytes = 64 << 20

// cachedStore is a store whose stories are read from memory: it keeps
// each story it writes or reads, so that GET /api/stories/{id} during a
// burst of posts does not queue behind the writer for the database. It
// is for a store this process alone writes (a SQLite store, which its
// lock file keeps to one process, and no job queue), where what it wrote
// is what the database holds; and for a shared server's store, whose
// queue tells of every brief that any server rewrites (forget). Bounded
// by maxCachedBytes: when full it drops what it holds.
type cachedStore struct {
	store.Store
	shared bool // other processes write the store, and forget is told

	wmu     sync.Mutex // serializes the writes of stories with their caching
	mu      sync.Mutex // guards the fields below
	stories map[int64]*cachedStory
	bytes   int
	// epoch counts the writes; a read from the database is kept only
	// when no write came between, so that it never hides a newer one.
	epoch uint64
}

// cachedStory is a story held in memory with its answer to GET
// /api/stories/{id}, made once when the story is kept: every read shares
// its body and headers, and nothing changes them. The gzip encoding of
// the body is made once, by the first read that accepts it.
type cachedStory struct {
	story  store.Story // its Body is the answer's body
	etag   string      // the strong entity tag of Body: "a hash of it"
	header http.Header // of the plain answer (storyHeader)

	gzOnce   sync.Once
	gz       []byte      // Body compressed with gzip; nil when that is no smaller
	gzHeader http.Header // of the gzip answer, with its own tag
}

// Values of the answers' headers, shared by all of them.
var (
	jsonType       = []string{"application/json"}
	gzipEncoding   = []string{"gzip"}
	varyEncoding   = []string{"Accept-Encoding"}
	revalidate     = []string{"no-cache"}
	revalidateMine = []string{"private, no-cache"}
)

// exclusive is what a store that only this process uses says of itself
// (store/sql.go).
type exclusive interface{ Exclusive() bool }

// cacheStories returns st with its stories cached when this process is
// its only user, or when it is shared through a job queue (queued),
// whose news of rewritten briefs the caller passes to forget; else st.
func cacheStories(st store.Store, queued bool) store.Store {
	ex, ok := st.(exclusive)
	if own := ok && ex.Exclusive(); !own && !queued {
		return st
	}
	if _, ok := st.(placements); queued && !ok {
		return st // startShared refuses it
	}
	return &cachedStore{Store: st, shared: queued, stories: map[int64]*cachedStory{}}
}

// forget drops story id, which another process may have rewritten; id 0
// drops every story.
func (c *cachedStore) forget(id int64) {
	if id != 0 {
		c.written(id)
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	clear(c.stories)
	c.bytes = 0
}

// keep caches s and returns what it keeps, unless a write came after
// epoch (for a read; a write passes the epoch it made): then nil.
func (c *cachedStore) keep(s store.Story, epoch uint64) *cachedStory {
	e := newCachedStory(s)
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch != c.epoch {
		return nil
	}
	if old, ok := c.stories[s.ID]; ok {
		c.bytes -= old.size()
	}
	if c.bytes+e.size() > maxCachedBytes {
		clear(c.stories)
		c.bytes = 0
	}
	c.stories[s.ID] = e
	c.bytes += e.size()
	return e
}

// size is what e counts against maxCachedBytes: its body and, made or
// not yet, room for its gzip encoding (at most about the body's size).
func (e *cachedStory) size() int { return 2 * len(e.story.Body) }

// newCachedStory returns s with its answer, on a copy of s.Body (the
// caller's slice may change).
func newCachedStory(s store.Story) *cachedStory {
	s.Body = append([]byte(nil), s.Body...)
	sum := sha256.Sum256(s.Body)
	e := &cachedStory{story: s, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	e.header = storyHeader(s, e.etag)
	return e
}

// storyHeader is the header of story s's plain answer to GET
// /api/stories/{id}, whose entity tag is etag.
func storyHeader(s store.Story, etag string) http.Header {
	return http.Header{
		"Content-Type":   jsonType,
		"Content-Length": {strconv.Itoa(len(s.Body))},
		"Last-Modified":  {s.Updated.UTC().Format(http.TimeFormat)},
		"Etag":           {etag},
		"Vary":           varyEncoding,
		"Cache-Control":  revalidate,
	}
}

// gzipWriters holds gzip writers between briefs: each holds a few
// hundred kilobytes of compressor state.
var gzipWriters sync.Pool

// gzipped returns e's body compressed with gzip and the header of that
// answer, made on the first call; nil when compressing saves nothing.
func (e *cachedStory) gzipped() ([]byte, http.Header) {
	e.gzOnce.Do(func() {
		var b bytes.Buffer
		zw, _ := gzipWriters.Get().(*gzip.Writer)
		if zw == nil {
			zw, _ = gzip.NewWriterLevel(&b, gzip.BestSpeed) // a valid level: no error
		} else {
			zw.Reset(&b)
		}
		zw.Write(e.story.Body)
		zw.Close()
		gzipWriters.Put(zw)
		if b.Len() >= len(e.story.Body) {
			return
		}
		e.gz = b.Bytes()
		e.gzHeader = http.Header{
			"Content-Type":     jsonType,
			"Content-Encoding": gzipEncoding,
			"Content-Length":   {strconv.Itoa(len(e.gz))},
			"Last-Modified":    e.header["Last-Modified"],
			// Each encoding has its own strong tag (RFC 9110, 8.8.3).
			"Etag":          {e.etag[:len(e.etag)-1] + `-gzip"`},
			"Vary":          varyEncoding,
			"Cache-Control": revalidate,
		}
	})
	return e.gz, e.gzHeader
}

// matches reports whether If-None-Match values inm name e in either of
// its encodings (the weak comparison of RFC 9110, 13.1.2), or are "*".
func (e *cachedStory) matches(inm []string) bool {
	plain := e.etag[1 : len(e.etag)-1]
	for _, v := range inm {
		for v != "" {
			var tag string
			tag, v, _ = strings.Cut(v, ",")
			tag = strings.TrimSpace(tag)
			if tag == "*" {
				return true
			}
			tag = strings.TrimPrefix(tag, "W/")
			if len(tag) < 2 || tag[0] != '"' || tag[len(tag)-1] != '"' {
				continue
			}
			tag = strings.TrimSuffix(tag[1:len(tag)-1], "-gzip")
			if tag == plain {
				return true
			}
		}
	}
	return false
}

// acceptsGzip reports whether Accept-Encoding values ae take gzip: named,
// or by "*", and not with q=0 (RFC 9110, 12.5.3).
func acceptsGzip(ae []string) bool {
	star := false
	for _, v := range ae {
		for v != "" {
			var item string
			item, v, _ = strings.Cut(v, ",")
			name, params, _ := strings.Cut(item, ";")
			name = strings.TrimSpace(name)
			ok := !zeroQ(params)
			switch {
			case strings.EqualFold(name, "gzip"), strings.EqualFold(name, "x-gzip"):
				return ok
			case name == "*":
				star = ok
			}
		}
	}
	return star
}

// zeroQ reports whether the parameters of an Accept-Encoding item give it
// a weight of 0 ("q=0", "q=0.0", "q=0.000").
func zeroQ(params string) bool {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		k, val, _ := strings.Cut(strings.TrimSpace(p), "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		val = strings.TrimSpace(val)
		return val != "" && strings.Trim(val, "0.") == "" && val[0] == '0'
	}
	return false
}

// written marks a write of story id: it drops the story and returns the
// epoch after the write.
func (c *cachedStore) written(id int64) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	if old, ok := c.stories[id]; ok {
		c.bytes -= old.size()
		delete(c.stories, id)
	}
	return c.epoch
}

// Exclusive tells whether this process alone uses the store.
func (c *cachedStore) Exclusive() bool { return !c.shared }

func (c *cachedStore) PutStory(ctx context.Context, s *store.Story) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.Store.PutStory(ctx, s); err != nil {
		c.written(s.ID)
		return err
	}
	// Read back what the database holds: PutStory keeps the stored Seq
	// when given 0.
	got, err := c.Store.Story(ctx, s.ID)
	epoch := c.written(s.ID)
	if err == nil {
		c.keep(got, epoch)
	}
	return nil
}

func (c *cachedStore) SetStorySeq(ctx context.Context, id, seq int64) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	defer c.written(id)
	return c.Store.SetStorySeq(ctx, id, seq)
}

func (c *cachedStore) Story(ctx context.Context, id int64) (store.Story, error) {
	e, err := c.answer(ctx, id)
	if err != nil {
		return store.Story{}, err
	}
	s := e.story
	s.Body = append([]byte(nil), s.Body...) // the cached body is shared
	return s, nil
}

// answer returns story id as held in memory, reading it from the
// database first when it is not. What it returns is shared: the caller
// must not change it.
func (c *cachedStore) answer(ctx context.Context, id int64) (*cachedStory, error) {
	c.mu.Lock()
	e, ok := c.stories[id]
	epoch := c.epoch
	c.mu.Unlock()
	if ok {
		return e, nil
	}
	s, err := c.Store.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	if e = c.keep(s, epoch); e == nil {
		e = newCachedStory(s) // a write came between: answer what was read
	}
	return e, nil
}

// errNotShared is what a cachedStore over a store that cannot be shared
// says of the placements interface's methods.
var errNotShared = errors.New("server: this store cannot be shared through a job queue")

func (c *cachedStore) Placement(ctx context.Context, id int64) (story, copyOf int64, err error) {
	pl, ok := c.Store.(placements)
	if !ok {
		return 0, 0, errNotShared
	}
	return pl.Placement(ctx, id)
}

func (c *cachedStore) StaleStories(ctx context.Context, limit int) ([]int64, error) {
	pl, ok := c.Store.(placements)
	if !ok {
		return nil, errNotShared
	}
	return pl.StaleStories(ctx, limit)
}

func (c *cachedStore) StoryHeads(ctx context.Context, id int64) ([]store.Article, error) {
	if hs, ok := c.Store.(storyHeads); ok {
		return hs.StoryHeads(ctx, id)
	}
	return c.Store.StoryArticles(ctx, id)
}

func (c *cachedStore) StaleStoriesAfter(ctx context.Context, after int64) ([]int64, error) {
	pl, ok := c.Store.(placements)
	if !ok {
		return nil, errNotShared
	}
	return pl.StaleStoriesAfter(ctx, after)
}
