package store

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned when no record has the id asked for.
var ErrNotFound = errors.New("store: not found")

// ErrFull is wrapped by the error of an add that a cap refuses
// ([Store.AddFeedLimit]).
var ErrFull = errors.New("store: full")

// Article is a stored article.
type Article struct {
	// ID is assigned by the store, from 1.
	ID int64
	// Key identifies the article for idempotent ingest: its URL, else a
	// hash of its text.
	Key       string
	URL       string
	Outlet    string
	Title     string
	Author    string
	Published time.Time // zero when unknown
	// Raw is the input as received; IsHTML tells whether it is a page.
	Raw    string
	IsHTML bool
	// Text is the cleaned text that citations point into.
	Text string
	// Cleaning is what cleaning found beside Text, as the caller encodes
	// it (the server writes JSON: where each metadata field was found, the
	// offsets of the subheadings in Text); "" when not recorded, as for
	// articles stored before schema version 5.
	Cleaning string
	Added    time.Time
	// Story is the id of the story the article belongs to, 0 until placed.
	Story int64
	// CopyOf is the id of the article this one copies, or 0.
	CopyOf int64
}

// Placement is where [Store.PlaceArticles] puts one article: the story
// it belongs to, and the article it copies (0 for none).
type Placement struct {
	Article, Story, CopyOf int64
}

// Story is a stored story.
type Story struct {
	// ID is assigned by the store when 0 is given to PutStory.
	ID int64
	// Updated is when an article last joined or the story was last
	// re-summarized; lists are newest first by it.
	Updated time.Time
	Title   string
	// Articles counts the story's articles.
	Articles int
	// Summary is the brief's text, for search.
	Summary string
	// Body is the story's JSON document as the server serves it.
	Body []byte
	// Seq is a number the caller gives the story to find it again
	// ([Store.StoryBySeq]), 0 for none; PutStory keeps the stored one
	// when given 0.
	Seq int64
}

// Feed is a subscribed feed and the state of its polling.
type Feed struct {
	ID    int64
	URL   string
	Title string
	// ETag and LastModified are the validators of the last fetch, for a
	// conditional request.
	ETag         string
	LastModified string
	// Checked is when the feed was last polled (zero: never); Error is
	// that poll's error, or "".
	Checked time.Time
	Error   string
	Added   time.Time
}

// Query selects stories: Search filters by full text (title and
// summary; empty for all), newest activity first, Limit at a time
// (0 means 20) after skipping Offset.
type Query struct {
	Search string
	Limit  int
	Offset int
}

// Importer is implemented by a Store that can add many records at once.
type Importer interface {
	// Import adds arts and stories in one transaction, with the ids,
	// placements (Story, CopyOf) and Added times they hold: the way to
	// copy a store, or to build a large one for a benchmark. A record
	// whose id or key is taken is an error, and nothing is added.
	Import(ctx context.Context, arts []Article, stories []Story) error
}

// Store keeps articles and stories.
type Store interface {
	// AddArticle stores a and sets a.ID and a.Added. When an article with
	// a.Key exists it loads that one into a instead and returns false.
	AddArticle(ctx context.Context, a *Article) (created bool, err error)
	// AddArticles is AddArticle of each of arts, in order, at once (one
	// statement, or one transaction for very many): all are stored, or
	// none (and an error). created[i]
	// tells whether arts[i] was new; a key given twice is stored once,
	// and its second article loads the first.
	AddArticles(ctx context.Context, arts []*Article) (created []bool, err error)
	// PlaceArticle records the story of article id and the article it
	// copies (0 for none).
	PlaceArticle(ctx context.Context, id, story, copyOf int64) error
	// PlaceArticles records many placements at once (one statement, or
	// one transaction for very many). When an id is given twice the last
	// holds. An id that no article has is an error wrapping ErrNotFound;
	// the placements of the others may then be recorded or not. On
	// SQLite the commit does not wait for the disk (no fsync of its
	// own): it survives the process being killed, and only a power
	// failure before the next write that does wait can lose it, so
	// placements suit it because they can be made again from the
	// articles (the server does at its next start).
	PlaceArticles(ctx context.Context, places []Placement) error
	// Article returns the article with the given id, or ErrNotFound.
	Article(ctx context.Context, id int64) (Article, error)
	// Articles returns up to limit articles with ids above after, in id
	// order: the way to replay every article, a page at a time.
	Articles(ctx context.Context, after int64, limit int) ([]Article, error)
	// StoryArticles returns the articles placed in story id, in id order.
	StoryArticles(ctx context.Context, id int64) ([]Article, error)
	// PutStory inserts s (when s.ID is 0, setting it) or replaces the
	// story with its id.
	PutStory(ctx context.Context, s *Story) error
	// Story returns the story with the given id, or ErrNotFound.
	Story(ctx context.Context, id int64) (Story, error)
	// StoryBySeq returns the id of the story with the given Seq, or
	// ErrNotFound.
	StoryBySeq(ctx context.Context, seq int64) (int64, error)
	// SetStorySeq sets the Seq of story id.
	SetStorySeq(ctx context.Context, id, seq int64) error
	// Stories returns the stories q selects, without their bodies. A
	// story with no articles (they all moved to others) is not listed.
	Stories(ctx context.Context, q Query) ([]Story, error)
	// HasArticle reports whether an article with key is stored.
	HasArticle(ctx context.Context, key string) (bool, error)
	// AddFeed stores f and sets f.ID; when a feed with f.URL exists it
	// loads that one into f instead and returns false.
	AddFeed(ctx context.Context, f *Feed) (created bool, err error)
	// AddFeedLimit is AddFeed with a cap: when f.URL is new and limit
	// feeds (or more) are stored, it stores nothing and returns an error
	// wrapping ErrFull. The count and the insert are one transaction,
	// serialized against every other add, so the cap holds however many
	// clients add at once. limit <= 0 means no cap.
	AddFeedLimit(ctx context.Context, f *Feed, limit int) (created bool, err error)
	// DeleteFeed drops feed id (the articles it brought stay), or
	// returns ErrNotFound.
	DeleteFeed(ctx context.Context, id int64) error
	// UpdateFeed records the polling state of feed f.ID.
	UpdateFeed(ctx context.Context, f Feed) error
	// Feeds returns every feed in id order.
	Feeds(ctx context.Context) ([]Feed, error)
	// Lock takes the ingest lock, which several processes sharing one
	// database hold in turn while they place articles; unlock releases it.
	// SQLite's store is for one process, and its lock does nothing.
	Lock(ctx context.Context) (unlock func(), err error)
	// PutState stores data under name, replacing what name held: a
	// snapshot of a caller's state, for State to read back at its next
	// start.
	PutState(ctx context.Context, name string, data []byte) error
	// State returns what PutState last stored under name, or
	// ErrNotFound.
	State(ctx context.Context, name string) ([]byte, error)
	// ID is the store's identity: a random id recorded when the store
	// was made, the same for every process that opens it.
	ID() string
	// Close releases the database.
	Close() error
}
