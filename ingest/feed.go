package ingest

import (
	"bytes"
	"fmt"
	"time"

	"github.com/mmcdole/gofeed"
)

// Feed is a parsed RSS, Atom or JSON feed.
type Feed struct {
	Title string
	Items []FeedItem
}

// FeedItem is one entry of a feed.
type FeedItem struct {
	Title string
	// Link is the entry's page; the article is fetched from it.
	Link      string
	Author    string
	Published time.Time // zero when the feed does not say
	// Content is the entry's own text or HTML (its content, else its
	// description): the article when its page cannot be fetched.
	Content string
}

// ParseFeed parses an RSS, Atom or JSON feed (gofeed detects which).
func ParseFeed(data []byte) (Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return Feed{}, fmt.Errorf("feed: %w", err)
	}
	out := Feed{Title: f.Title}
	for _, it := range f.Items {
		fi := FeedItem{Title: it.Title, Link: it.Link, Content: it.Content}
		if fi.Content == "" {
			fi.Content = it.Description
		}
		if it.PublishedParsed != nil {
			fi.Published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			fi.Published = *it.UpdatedParsed
		}
		if it.Author != nil {
			fi.Author = it.Author.Name
		}
		out.Items = append(out.Items, fi)
	}
	return out, nil
}
