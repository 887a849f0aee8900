package render

import (
	"strings"
	"testing"
)

func TestMDEscape(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"plain", "Floods closed the coast road on Monday.", "Floods closed the coast road on Monday."},
		{"emphasis", "a *big* and _small_ deal", `a \*big\* and \_small\_ deal`},
		{"code and strike", "the `tax` would ~not~ change", "the \\`tax\\` would \\~not\\~ change"},
		{"link", "[update](x)", `\[update\](x)`},
		{"html", "<b>bold</b>", `\<b\>bold\</b\>`},
		{"backslash", `C:\path`, `C:\\path`},
		{"entity", "AT&T &amp; &#169; & co", `AT\&T \&amp; \&#169; & co`},
		{"heading", "# 1 priority", `\# 1 priority`},
		{"list dash", "- Officials said", `\- Officials said`},
		{"list plus", "+ more", `\+ more`},
		{"ordered list", "2026. A year", `2026\. A year`},
		{"ordered list paren", "3) three", `3\) three`},
		{"number mid-sentence", "about 3. That", "about 3. That"},
		{"hash mid-sentence", "tag #news", "tag #news"},
		{"line breaks", "one\n\n# two", "one # two"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := mdEscape(tc.in); got != tc.want {
				t.Errorf("mdEscape(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMDURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"https://post.example/a?b=c", "https://post.example/a?b=c"},
		{"https://post.example/fund (raised)", "https://post.example/fund%20%28raised%29"},
		{"https://x.example/<a>", "https://x.example/%3Ca%3E"},
	}
	for _, tc := range tests {
		if got := mdURL(tc.in); got != tc.want {
			t.Errorf("mdURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzMDEscape checks that escaping only adds backslashes: removing the
// backslash before each escaped character gives back the text with its
// white space collapsed, and no special character is left bare.
func FuzzMDEscape(f *testing.F) {
	for _, s := range []string{"# 1. The fund_raiser's *total*", "- a [b](c) <d> & e", "AT&T", `C:\x`, "12) x", "", "a\n\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := mdEscape(s)
		var plain strings.Builder
		for i := 0; i < len(got); i++ {
			if got[i] == '\\' {
				i++
				if i == len(got) {
					t.Fatalf("mdEscape(%q) = %q ends in a lone backslash", s, got)
				}
			} else if strings.IndexByte("`*_[]<>~", got[i]) >= 0 {
				t.Fatalf("mdEscape(%q) = %q leaves %q bare", s, got, got[i])
			}
			plain.WriteByte(got[i])
		}
		if want := strings.Join(strings.Fields(s), " "); plain.String() != want {
			t.Fatalf("mdEscape(%q) = %q, which unescapes to %q, want %q", s, got, plain.String(), want)
		}
	})
}
