package jobs_test

import (
	"context"
	"fmt"
	"log"

	"tidings/internal/jobs"
)

// Example shows the wiring of one server process: open the queue on the
// database the store uses, start it with the handlers, and let a post
// wait for its article to be prepared by whichever process takes the
// job. It needs a PostgreSQL database, so it is compiled but not run.
func Example() {
	ctx := context.Background()
	q, err := jobs.Open(ctx, "postgres://tidings@127.0.0.1:5432/tidings", jobs.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer q.Close()
	err = q.Start(jobs.Handlers{
		Prepare: func(ctx context.Context, j jobs.Prepare) (jobs.Result, error) {
			// Fetch j.URL when j.Fetch, clean, store (in q.InOrder).
			return jobs.Result{ID: 1, Created: true}, nil
		},
		Poll:  func(ctx context.Context, feed int64) error { return nil },
		Brief: func(ctx context.Context, story int64) error { return nil },
		Lead: func(ctx context.Context, wake <-chan struct{}) {
			for {
				// Place the articles stored since the last wake, then
				// q.Placed and q.Briefs.
				select {
				case <-ctx.Done():
					return
				case <-wake:
				}
			}
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	res, err := q.Prepare(ctx, jobs.Prepare{Raw: "The harbour wall reopened on Saturday."})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.ID, res.Created)
}

// ExamplePrepare_Kind shows the names the jobs carry in River's table.
func ExamplePrepare_Kind() {
	fmt.Println(jobs.Prepare{}.Kind(), jobs.Poll{}.Kind(), jobs.Brief{}.Kind())
	// Output: tidings_prepare tidings_poll tidings_brief
}
