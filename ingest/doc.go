// Package ingest is the input stage of tidings: it reads files,
// directories, standard input and JSONL data sets, recognises what each
// holds from its content, and yields raw [news.Article] values for the clean
// stage.
//
// Formats, detected from content rather than file names: HTML pages, plain
// text and JSONL of articles ({"id", "title", "text" or "html", "url",
// "outlet", "published"}). A caller reads more formats through
// Options.Line (each JSONL line) and Options.Split (a plain text holding
// several articles); tidings/internal/bench uses them for the evaluation
// data sets (clusters files, Multi-News text).
//
// Errors about input carry their source in an [*Error]; the sentinels
// [ErrEmpty], [ErrBinary], [ErrInvalidUTF8] and [ErrTooLarge] say why. One
// bad file never stops the others: [Paths] yields an error for it and goes
// on. Files are read whole, up to Options.MaxBytes. Streaming and
// deterministic: directories are read in lexical order.
//
// See ExampleParse.
package ingest
