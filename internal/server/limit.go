package server

import (
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"
	"unicode"
)

// Default rates of the per-client limits (see [Options]).
const (
	// DefaultReadRate is how many reads a second one client may make.
	DefaultReadRate = 100
	// DefaultWriteRate is how many writes a second one client may make.
	DefaultWriteRate = 50
	// maxClients bounds the clients a limiter remembers.
	maxClients = 10000
)

// Bounds of a search (the q parameter of the story lists and feeds).
const (
	// MaxQueryBytes is the longest search, in bytes.
	MaxQueryBytes = 256
	// MaxQueryTerms is the most terms (runs of letters and digits) in a
	// search.
	MaxQueryTerms = 16
)

// limiter is a token bucket per client: each client may make rate
// requests a second, in bursts of up to burst, and a request over that is
// refused with the time until the next token. It remembers at most
// maxClients clients: when full, it forgets those whose bucket has filled
// again (forgetting them changes nothing), and if all are busy, all.
type limiter struct {
	rate, burst float64 // tokens a second, and the bucket's size
	now         func() time.Time

	mu      sync.Mutex
	buckets map[string]bucket
}

// bucket is one client's tokens at time at.
type bucket struct {
	tokens float64
	at     time.Time
}

// newLimiter returns a limiter of rate requests a second with bursts of
// twice that, or nil (no limit) when rate is negative; 0 means def.
func newLimiter(rate, def float64) *limiter {
	if rate < 0 {
		return nil
	}
	if rate == 0 {
		rate = def
	}
	return &limiter{rate: rate, burst: max(2*rate, 1), now: time.Now, buckets: map[string]bucket{}}
}

// allow takes a token of client's bucket, or reports how long until one
// is there.
func (l *limiter) allow(client string) (ok bool, retry time.Duration) {
	if l == nil {
		return true, 0
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, seen := l.buckets[client]
	if !seen {
		if len(l.buckets) >= maxClients {
			l.forget(now)
		}
		b = bucket{tokens: l.burst, at: now}
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.rate)
	b.at = now
	if b.tokens < 1 {
		l.buckets[client] = b
		return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	}
	b.tokens--
	l.buckets[client] = b
	return true, 0
}

// forget drops the buckets that are full again at now, or all when none
// is; l.mu is held.
func (l *limiter) forget(now time.Time) {
	for c, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Seconds()*l.rate >= l.burst {
			delete(l.buckets, c)
		}
	}
	if len(l.buckets) >= maxClients {
		clear(l.buckets)
	}
}

// clientOf names the client of r for the limits: its remote IP address,
// or for IPv6 its /64 network (one host commonly holds a whole /64).
// Behind a reverse proxy every client is the proxy.
func clientOf(r *http.Request) string {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	a := ap.Addr().Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// limited reports whether r is over l's limit for its client, and if so
// answers it 429 with Retry-After (JSON when api is true, else text).
func limited(l *limiter, w http.ResponseWriter, r *http.Request, api bool) bool {
	ok, retry := l.allow(clientOf(r))
	if ok {
		return false
	}
	secs := int(math.Ceil(retry.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
	const msg = "too many requests from your address: slow down, and retry after the seconds in Retry-After"
	if api {
		fail(w, http.StatusTooManyRequests, msg)
	} else {
		http.Error(w, msg, http.StatusTooManyRequests)
	}
	return true
}

// checkQuery returns an error message when search q is over the bounds,
// or "".
func checkQuery(q string) string {
	if len(q) > MaxQueryBytes {
		return "search too long: " + strconv.Itoa(len(q)) + " bytes, the most is " + strconv.Itoa(MaxQueryBytes)
	}
	terms, in := 0, false
	for _, r := range q {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			terms++
		}
		in = word
	}
	if terms > MaxQueryTerms {
		return "search has " + strconv.Itoa(terms) + " terms, the most is " + strconv.Itoa(MaxQueryTerms)
	}
	return ""
}
