// Package ingest is the input stage of tidings: it reads files,
// directories, standard input and JSONL data sets, recognises what each
// holds from its content, and yields raw [news.Article] values for the clean
// stage.
//
// Formats, detected from content rather than file names: HTML pages, plain
// text, JSONL of articles ({"id", "title", "text" or "html", "url",
// "outlet", "published"}), RSS, Atom and JSON feeds (their items) and any
// of these gzipped (read decompressed, within the size limit). A caller
// reads more formats through Options.Line (each JSONL line) and
// Options.Split (a plain text holding several articles);
// tidings/internal/bench uses them for the evaluation data sets (clusters
// files, Multi-News text). A path may be an http or https URL, read
// through a [Fetcher].
//
// A [Fetcher] never reaches the machine it runs on or its network: every
// connection's address, after DNS resolution and at each redirect, must
// be globally reachable by the IANA special-purpose address registries
// (an IPv6 address that embeds an IPv4 one is judged by it), unless
// FetchOptions allow it by name, address or range.
//
// Errors about input carry their source in an [*Error]; the sentinels
// [ErrEmpty], [ErrBinary], [ErrNUL], [ErrInvalidUTF8] and [ErrTooLarge]
// say why. One bad file never stops the others: [Paths] yields an error
// for it and goes on. Files are read whole, up to Options.MaxBytes. Streaming and
// deterministic: directories are read in lexical order.
//
// See ExampleParse.
package ingest
