// Package clean is the cleaning stage of tidings: it turns a raw page
// (HTML as served, or text as copied out of a browser or scraped) into its
// article text, labels everything else on the page, and lifts metadata
// out of it.
//
// Input: raw HTML or text and [Options] (the page's URL when known).
// Output: a [Result] holding every block of the page in order, each with a
// [Kind] (body, heading, title, caption, byline, navigation, promotion,
// comments, legal, advertisement, …), the rule that decided it and its
// byte offsets; the article text (the body and heading blocks joined by
// "\n\n", headings listed in [Result.Headings]); the metadata found
// (title, outlet, author, date, dateline) with where each was found; and a
// map from article offsets back to the source.
//
// Text is cut into blocks (rules.go: an ordered list of named rules for
// captions and credits, menus, promotions, "Read more" lists, bylines and
// datelines, comments markers, legal and cookie notices, job ads, social
// posts, headings, repeats); then the page's main region, the densest run
// of prose (region.go), is kept and the blocks before and after it are
// labelled as navigation, promotion or comments. In bare text, where no
// rule found furniture by its words (a wire's copy, a JSONL record), the
// rows of tables come back and the region is carried across them
// (tables.go): a results table is the article there. HTML is first checked
// against [Limits] by a streaming tokenizer (a hostile page is refused
// with [ErrTooLarge] before any tree is built), then go-trafilatura
// extracts its main content and metadata and the same rules label its
// blocks; a page beyond go-trafilatura's budget is cleaned as the text a
// reader would copy from it. Metadata (meta.go) comes from the page's
// markup, bylines and date stamps in common formats of several languages
// ([FindDate]), a date in the URL, copyright lines, the site's own name,
// the URL's host and wire credits.
//
// Invariants: the article text is valid UTF-8 when the input is; every
// block is a verbatim slice of its source (the input for text,
// [Result.Source] for HTML), so [Result.Map] is monotonic and
// [Result.RawOffset] is exact. The stage works per article and is safe to
// stream. Deterministic. Time and memory are linear in the page for text;
// bounded by [Limits] for HTML.
//
// See ExampleText and ExampleClean.
package clean
