package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
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
// its body and header, and nothing changes them.
type cachedStory struct {
	story  store.Story // its Body is the answer's body
	header http.Header // Content-Type, Content-Length, Last-Modified
}

// Values of the answers' headers, shared by all of them.
var jsonType = []string{"application/json"}

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
		c.bytes -= len(old.story.Body)
	}
	if c.bytes+len(s.Body) > maxCachedBytes {
		clear(c.stories)
		c.bytes = 0
	}
	c.stories[s.ID] = e
	c.bytes += len(s.Body)
	return e
}

// newCachedStory returns s with its answer, on a copy of s.Body (the
// caller's slice may change).
func newCachedStory(s store.Story) *cachedStory {
	s.Body = append([]byte(nil), s.Body...)
	return &cachedStory{story: s, header: storyHeader(s)}
}

// storyHeader is the header of story s's answer to GET
// /api/stories/{id}.
func storyHeader(s store.Story) http.Header {
	return http.Header{
		"Content-Type":   jsonType,
		"Content-Length": {strconv.Itoa(len(s.Body))},
		"Last-Modified":  {s.Updated.UTC().Format(http.TimeFormat)},
	}
}

// written marks a write of story id: it drops the story and returns the
// epoch after the write.
func (c *cachedStore) written(id int64) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	if old, ok := c.stories[id]; ok {
		c.bytes -= len(old.story.Body)
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

func (c *cachedStore) StaleStories(ctx context.Context) ([]int64, error) {
	pl, ok := c.Store.(placements)
	if !ok {
		return nil, errNotShared
	}
	return pl.StaleStories(ctx)
}
