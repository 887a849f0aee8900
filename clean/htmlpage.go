package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// go-trafilatura keeps the article's body but often drops its lead: the
// standfirst or first paragraph that many sites set apart from the body
// (a "teaser" or "intro" box between the headline and the text, which its
// rules take for a teaser of another story). The page as a reader sees it
// still has it, between the headline and the first paragraph
// go-trafilatura kept. pageBlocks renders the page as those blocks, with
// the markup evidence each carries; leadBlocks finds the lead among them,
// markFurniture the blocks go-trafilatura kept from small boxes of
// furniture (a bio, a newsletter box), pageHeadline the headline as the
// page's h1 shows it. headingsAfterProse reads go-trafilatura's content
// alone: the headings after its last paragraph that head nothing.

// pageBlock is one block of the page as a reader sees it (see copiedText):
// its collapsed text and what the markup says of it.
type pageBlock struct {
	text string
	// linkBytes counts the bytes of text inside links.
	linkBytes int
	// h1 is set inside an h1, heading inside any h1–h6, caption inside
	// a figure or its caption, furniture inside an aside, nav, footer or
	// form, or an element whose class or id names furniture (see
	// furnitureWords).
	h1, heading, caption, furniture bool
	// boxed is set inside an element whose class or id names furniture
	// and whose text is short beside the article (see pageBlocks): a
	// box set in the article, such as a bio or a list of other stories.
	boxed bool
}

// furnitureWords are the words of class and id values that name page
// furniture on sites of any language (CSS names are English): captions
// and credits, bios, sidebars, cookie notices, comments, lists of other
// stories, share buttons. A value is cut into words at every character
// that is no letter ("entry-social", "wp_caption"), a final "s" dropped.
var furnitureWords = map[string]bool{
	"caption": true, "credit": true, "author": true, "bio": true, "sidebar": true,
	"cookie": true, "consent": true, "comment": true, "related": true, "share": true, "social": true,
	"newsletter": true, "subscribe": true, "subscription": true, "promo": true, "advert": true,
	"breadcrumb": true, "footer": true, "menu": true, "nav": true, "modal": true, "popup": true, "banner": true,
}

// namesFurniture reports whether n's class or id holds a furniture word.
// The classes of html, body, main and article name the page's kind and
// its taxonomy ("tag-social", "cookies-not-set"), not a part of it.
func namesFurniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	heading := (n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3 || n.DataAtom == atom.H4 || n.DataAtom == atom.H5 || n.DataAtom == atom.H6)
	for _, a := range n.Attr {
		// A heading's id is often its own text as a slug
		// ("nav_nur_die_folie"), for links to it.
		if a.Key != "class" && (a.Key != "id" || heading) || a.Val == "" {
			continue
		}
		if hasFurnitureWord(a.Val) {
			return true
		}
	}
	return false
}

// hasFurnitureWord reports whether v holds one of furnitureWords, v cut
// into words at every byte that is no ASCII letter, folded to lower case,
// a final "s" dropped. It allocates nothing: it runs on every element.
func hasFurnitureWord(v string) bool {
	var buf [16]byte
	for i := 0; i < len(v); {
		for i < len(v) && !asciiLetter(v[i]) {
			i++
		}
		j := i
		for j < len(v) && asciiLetter(v[j]) {
			j++
		}
		if n := j - i; n >= 3 && n <= len(buf) {
			for k := range n {
				buf[k] = v[i+k] | 0x20
			}
			if buf[n-1] == 's' {
				n--
			}
			if furnitureWords[string(buf[:n])] {
				return true
			}
		}
		i = j
	}
	return false
}

func asciiLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// pageBlocks renders doc as the blocks a reader sees, in reading order.
// An element naming furniture boxes its blocks when its text is under
// boxMax bytes.
func pageBlocks(doc *html.Node, boxMax int) []pageBlock {
	var out []pageBlock
	// cur collects the text of the current block (see htmlBlocks).
	var cur []byte
	links := 0
	// flags are the marks of the block's first text that is not white
	// space; caption, furniture and boxed hold only when every such
	// text of the block has them.
	var flags pageBlock
	started := false
	flush := func() {
		started = false
		t := blockText(cur)
		if t != "" {
			b := flags
			b.text, b.linkBytes = t, min(links, len(t))
			out = append(out, b)
		}
		cur = cur[:0]
		links = 0
	}
	var walk func(n *html.Node, inLink bool, f pageBlock)
	walk = func(n *html.Node, inLink bool, f pageBlock) {
		switch n.Type {
		case html.TextNode:
			if strings.TrimSpace(n.Data) != "" {
				if !started {
					flags, started = f, true
				} else {
					flags.caption = flags.caption && f.caption
					flags.furniture = flags.furniture && f.furniture
					flags.boxed = flags.boxed && f.boxed
				}
			}
			cur = append(cur, n.Data...)
			if inLink {
				links += len(n.Data)
			}
			return
		case html.ElementNode:
			a := n.DataAtom
			if skipText[a] {
				return
			}
			switch a {
			case atom.A:
				inLink = true
			case atom.H1:
				f.h1, f.heading = true, true
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				f.heading = true
			case atom.Figure, atom.Figcaption:
				f.caption = true
			case atom.Aside, atom.Nav, atom.Footer, atom.Form:
				f.furniture = true
			}
			if !f.boxed && namesFurniture(n) {
				f.furniture = true
				f.boxed = textBytes(n, boxMax) < boxMax
			}
			line := lineTags[a]
			if line {
				flush()
			} else {
				cur = append(cur, ' ')
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inLink, f)
			}
			if line {
				flush()
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink, f)
		}
	}
	walk(doc, false, pageBlock{})
	flush()
	return out
}

// textBytes returns the bytes of visible text under n, counted up to max.
func textBytes(n *html.Node, max int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total < max; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total += len(c.Data)
			case html.ElementNode:
				if !skipText[c.DataAtom] {
					walk(c)
				}
			}
		}
	}
	walk(n)
	return total
}

// Limits of the lead search, in page blocks.
const (
	// maxLeadAnchor is how many of go-trafilatura's first blocks are
	// tried to find where its content starts on the page.
	maxLeadAnchor = 3
	// maxLeadGap is how far before that start a lead is looked for.
	maxLeadGap = 8
	// minLeadWords is the fewest words of a lead: a sentence or more.
	minLeadWords = 10
)

// leadBlocks returns the lead paragraphs go-trafilatura dropped, in
// order: the blocks of prose (minLeadWords or more, ending a sentence,
// less than half of it link text, no heading nor caption) among the
// maxLeadGap page blocks before the first block of its content (kept,
// the texts of its blocks), after the page's h1 or the block that
// repeats the title.
func leadBlocks(page []pageBlock, kept []string, title string) []string {
	if len(kept) == 0 || len(page) == 0 {
		return nil
	}
	at := -1
	for _, k := range kept[:min(maxLeadAnchor, len(kept))] {
		for i := range page {
			if page[i].text == k {
				at = i
				break
			}
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 {
		return nil
	}
	in := make(map[string]bool, len(kept))
	for _, k := range kept {
		in[k] = true
	}
	t := normalize(title)
	var lead []string
	for i := at - 1; i >= 0 && i >= at-maxLeadGap; i-- {
		b := page[i]
		if b.heading || isTitle(normalize(b.text), t) {
			break
		}
		if in[b.text] || b.caption || b.furniture || 2*b.linkBytes >= len(b.text) {
			continue
		}
		if weightWords(b.text) >= minLeadWords && endsSentence(b.text) {
			lead = append(lead, b.text)
		}
	}
	for i, j := 0, len(lead)-1; i < j; i, j = i+1, j-1 {
		lead[i], lead[j] = lead[j], lead[i]
	}
	return lead
}

// isTitle reports whether the normalised block text n repeats the
// normalised title t, or t holds it with a site's name around it.
func isTitle(n, t string) bool {
	if n == "" || t == "" {
		return false
	}
	return n == t || len(n) >= 20 && strings.Contains(t, n) || len(t) >= 20 && strings.Contains(n, t)
}

// prependBlocks returns src and bs with texts put before them as blocks
// of their own (hints -1), offsets shifted.
func prependBlocks(texts []string, src string, bs []block, hints []int) (string, []block, []int) {
	if len(texts) == 0 {
		return src, bs, hints
	}
	var sb strings.Builder
	nb := make([]block, 0, len(texts)+len(bs))
	nh := make([]int, 0, len(texts)+len(bs))
	for _, t := range texts {
		start := sb.Len()
		sb.WriteString(t)
		nb = append(nb, newBlock(start, sb.Len(), t))
		nh = append(nh, -1)
		sb.WriteString("\n\n")
	}
	shift := sb.Len()
	sb.WriteString(src)
	for _, b := range bs {
		b.start += shift
		b.end += shift
		nb = append(nb, b)
	}
	if hints != nil {
		nh = append(nh, hints...)
	} else {
		for range bs {
			nh = append(nh, -1)
		}
	}
	return sb.String(), nb, nh
}

// markFurniture labels as promotion the article blocks that the page
// sets only in boxes of furniture (see pageBlock.boxed): a bio, a
// newsletter box, a list of other stories that go-trafilatura kept. It
// reports whether a block changed.
func markFurniture(bs []Block, page []pageBlock) bool {
	// boxed holds the texts of the page's blocks, and whether every
	// block of that text is boxed (a teaser of the article's own
	// paragraph in a box is no reason to drop it).
	boxed := make(map[string]bool, len(page))
	for _, p := range page {
		if b, ok := boxed[p.text]; ok {
			boxed[p.text] = b && p.boxed
		} else {
			boxed[p.text] = p.boxed
		}
	}
	changed := false
	for i := range bs {
		b := &bs[i]
		if !b.Kind.InArticle() {
			continue
		}
		if boxed[b.Text] {
			b.Kind, b.Rule = Promotion, "furniture-markup"
			changed = true
		}
	}
	return changed
}

// headingsAfterProse labels as promotion the headings after the last
// paragraph of prose of go-trafilatura's content that head no body block
// (only other headings or furniture follow them before the next heading):
// there they open the page's lists of other stories, its comments or its
// share buttons ("Related articles", "Mehr zum Thema", "Keine
// Kommentare"), not a section of the article. A heading over the
// article's closing list or table stays. It reports whether a block
// changed.
func headingsAfterProse(bs []Block) bool {
	last := -1
	for i := len(bs) - 1; i >= 0 && last < 0; i-- {
		if bs[i].Kind == Body && proseWeight(bs[i].Text) > 0 {
			last = i
		}
	}
	if last < 0 {
		return false
	}
	changed := false
	for i := last + 1; i < len(bs); i++ {
		if bs[i].Kind == Heading && !headsBody(bs[i+1:]) {
			bs[i].Kind, bs[i].Rule = Promotion, "heading-after-prose"
			changed = true
		}
	}
	return changed
}

// headsBody reports whether a body block comes in bs before the next
// heading.
func headsBody(bs []Block) bool {
	for _, b := range bs {
		switch b.Kind {
		case Body:
			return true
		case Heading:
			return false
		}
	}
	return false
}

// pageHeadline returns the text of the page's first h1 when the title
// of its metadata holds it with more around it (a site's name: "Storm
// closes harbour | Port Alder Gazette"), else "". The h1 is the
// headline as the page shows it.
func pageHeadline(page []pageBlock, title string) string {
	t := normalize(title)
	for _, b := range page {
		if !b.h1 {
			continue
		}
		if n := normalize(b.text); len(n) < len(t) && weightWords(n) >= 2 && strings.Contains(t, n) {
			return b.text
		}
		return ""
	}
	return ""
}
