package main

import (
	"flag"
	"fmt"

	"tidings/ingest"
)

// fetchFlags are the flags of the commands that read PATH arguments, for
// the paths that are URLs and the pages of feed items.
type fetchFlags struct {
	allowPrivate *bool
	allowFetch   *string
}

// addFetchFlags adds the fetch flags to fs; e.inputOptions reads them.
func (e *env) addFetchFlags(fs *flag.FlagSet) {
	e.fetch = &fetchFlags{
		allowPrivate: fs.Bool("allow-private", false, "URLs and feed items may reach hosts of private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): an intranet; loopback, link-local and the cloud metadata addresses stay refused"),
		allowFetch:   fs.String("allow-fetch", "", "comma-separated hosts, addresses or CIDR ranges that URLs and feed items may reach although they are not public (localhost, 10.1.0.0/16)"),
	}
}

// inputOptions are the ingest options of a command's PATH arguments:
// standard input, and a fetcher for URLs, as safe as the server's.
func (e *env) inputOptions() (ingest.Options, error) {
	opts := e.ingestOptions()
	fo := ingest.FetchOptions{}
	if f := e.fetch; f != nil {
		list, err := ingest.ParseAllowFetch(*f.allowFetch)
		if err != nil {
			return opts, fmt.Errorf("%w: --allow-fetch: %v", errUsage, err)
		}
		fo.AllowFetch, fo.AllowPrivate = list, *f.allowPrivate
	}
	opts.Fetcher = ingest.NewFetcher(fo)
	return opts, nil
}
