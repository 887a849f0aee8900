package server

import (
	"context"
	"strconv"
	"sync"

	"tidings/internal/groupcommit"
	"tidings/news"
	"tidings/store"
)

// maxCommit bounds the articles of one group commit.
const maxCommit = 256

// commits groups the posts that arrive together into one commit: a post
// queues its cleaned article, and the first post that finds no commit
// running commits every article queued (up to maxCommit) with run, then
// hands the commit of what queued meanwhile to the first of those posts.
// One commit costs about what one article did, so concurrent posts share
// its round trips and fsyncs instead of taking turns.
type commits struct {
	// run commits a group as placer.putAll does: placer.putAll itself
	// (one statement for the inserts, one for the placements), or on a
	// shared server the inserts alone (Server.storeAll).
	run func(ctx context.Context, arts []*store.Article, prepared []*news.Article) (created []bool, placeErr, err error)

	group groupcommit.Group[*commitReq]
}

// commitReq is one queued article and, once committed, its outcome.
type commitReq struct {
	a        *store.Article
	prepared *news.Article
	created  bool
	placeErr error
	err      error
}

// put stores and places a (prepared is a, cleaned and segmented) in a
// group commit with whatever other posts queue at the same time; it
// returns as run does for a. The commit runs without ctx's
// cancellation: a post whose client went away is still stored, as it
// would be had the client stayed.
func (c *commits) put(ctx context.Context, a *store.Article, prepared *news.Article) (created bool, placeErr, err error) {
	req := &commitReq{a: a, prepared: prepared}
	c.group.Do(ctx, req, takeCommit, c.commit)
	return req.created, req.placeErr, req.err
}

// takeCommit bounds a group to maxCommit articles.
func takeCommit(queued []*commitReq) int { return min(len(queued), maxCommit) }

// commit commits a group (the leading post's article first) and records
// each article's outcome.
func (c *commits) commit(ctx context.Context, group []*commitReq) {
	arts := make([]*store.Article, len(group))
	prepared := make([]*news.Article, len(group))
	for i, r := range group {
		arts[i], prepared[i] = r.a, r.prepared
	}
	created, placeErr, err := c.run(ctx, arts, prepared)
	for i, r := range group {
		r.err, r.placeErr = err, placeErr
		if err == nil {
			r.created = created[i]
		}
	}
}

// maxHandoff bounds the prepared articles a handoff holds.
const maxHandoff = 1024

// handoff holds the prepared articles that a shared server stored while
// it led, for its leader's placer to take instead of segmenting each
// stored article again. It is bounded: when full it drops all it holds,
// and the placer prepares those from the store.
type handoff struct {
	mu sync.Mutex
	m  map[int64]*news.Article
}

// put keeps prepared, the prepared form of stored article id.
func (h *handoff) put(id int64, prepared *news.Article) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.m == nil || len(h.m) >= maxHandoff {
		h.m = map[int64]*news.Article{}
	}
	h.m[id] = prepared
}

// take returns and forgets the prepared form of article id, or nil.
func (h *handoff) take(id int64) *news.Article {
	h.mu.Lock()
	defer h.mu.Unlock()
	na := h.m[id]
	delete(h.m, id)
	return na
}

// sameArticle returns prepared when it is the prepared form of stored
// article a (the store keeps the text it was given, unless it had to
// make it valid UTF-8), with a's id; else nil, to prepare a again.
func sameArticle(a *store.Article, prepared *news.Article) *news.Article {
	if prepared == nil || prepared.Text != a.Text {
		return nil
	}
	prepared.ID = strconv.FormatInt(a.ID, 10)
	return prepared
}
