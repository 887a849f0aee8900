package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"sync"
)

// Drain answers the requests still running with 503 Service Unavailable
// (with Retry-After and Connection: close), cancels their contexts, and
// answers every later request the same way. It is the last step of a
// graceful stop, when the requests in flight had their grace and did not
// finish: each client gets a clear answer instead of a closed connection.
// A request that had begun its answer keeps it. A cut post may or may not
// have been stored; posting it again is safe (ingest is idempotent).
// Drain may be called more than once.
func (s *Server) Drain() { s.drain() }

// errCut is what a cut request's handler gets from Write.
var errCut = errors.New("server: request cut by Drain")

// cuttable runs h so that Drain can answer for it.
func (s *Server) cuttable(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.draining.Err() != nil {
			cw := &cutWriter{w: w}
			cw.cut()
			return
		}
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		cw := &cutWriter{w: w, header: http.Header{}}
		stop := context.AfterFunc(s.draining, func() {
			cw.cut()
			cancel()
		})
		defer stop()
		h.ServeHTTP(cw, r.WithContext(ctx))
		cw.finish()
	})
}

// cutWriter is a ResponseWriter that Drain can answer through from another
// goroutine: the handler's header stays its own until it writes, and
// every write is under mu.
type cutWriter struct {
	w      http.ResponseWriter
	header http.Header // the handler's, copied to w's at WriteHeader

	mu    sync.Mutex
	wrote bool // the answer has begun
	cutAt bool // Drain answered: the handler's writes are dropped
	done  bool // the handler returned
}

func (c *cutWriter) Header() http.Header { return c.header }

func (c *cutWriter) WriteHeader(code int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.writeHeader(code)
}

// writeHeader begins the handler's answer; c.mu is held.
func (c *cutWriter) writeHeader(code int) {
	if c.wrote || c.cutAt {
		return
	}
	h := c.w.Header()
	for k, v := range c.header {
		h[k] = v
	}
	c.wrote = true
	c.w.WriteHeader(code)
}

func (c *cutWriter) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cutAt {
		return 0, errCut
	}
	c.writeHeader(http.StatusOK)
	return c.w.Write(b)
}

// Flush sends what the handler wrote so far.
func (c *cutWriter) Flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.cutAt {
		c.writeHeader(http.StatusOK)
		http.NewResponseController(c.w).Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (c *cutWriter) Unwrap() http.ResponseWriter { return c.w }

// cut answers 503 unless the handler has begun its answer or returned.
func (c *cutWriter) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done || c.cutAt || c.wrote {
		return
	}
	c.cutAt = true
	body, _ := json.Marshal(map[string]string{"error": "the server is stopping; try again shortly (a cut post may or may not be stored: posting it again is safe)"})
	body = append(body, '\n')
	h := c.w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Retry-After", "5")
	h.Set("Connection", "close")
	c.w.WriteHeader(http.StatusServiceUnavailable)
	c.w.Write(body)
	http.NewResponseController(c.w).Flush()
}

// finish marks the handler returned: from here on, cut does nothing.
func (c *cutWriter) finish() {
	c.mu.Lock()
	c.done = true
	c.mu.Unlock()
}
