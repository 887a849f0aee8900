package gomoji

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The strings are our own, written for these tests.
func TestRemoveEmojis(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text", "Maria Schmidt", "Maria Schmidt"},
		{"empty", "", ""},
		{"one emoji", "Maria 📷 Schmidt", "Maria  Schmidt"},
		{"emoji at the end, trimmed", "Maria Schmidt ✨", "Maria Schmidt "},
		{"presentation selector", "Sun ☀️ and rain", "Sun  and rain"},
		{"text selector", "Sun ☀︎ and rain", "Sun  and rain"},
		{"skin tone", "Thanks 👍🏽 all", "Thanks  all"},
		{"joined family", "Home 👨‍👩‍👧 sweet", "Home  sweet"},
		{"joined with a selector", "Rainbow 🏳️‍🌈 flag", "Rainbow  flag"},
		{"flag", "Team 🇳🇴 wins", "Team  wins"},
		{"tag sequence", "Go 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F go", "Go  go"},
		{"keycap", "Step 1️⃣ then 2⃣", "Step  then "},
		{"digits, hash and star stay", "Room #4 * 2", "Room #4 * 2"},
		{"copyright and trade marks", "© Acme™ Ltd®", " Acme Ltd"},
		{"joiner not between emoji stays", "a\u200db", "a\u200db"},
		{"trims control and no-break space", "\u00a0\tAnna Berg\n", "Anna Berg"},
		{"trims a lone selector", "\ufe0fAnna", "Anna"},
		{"letters of other scripts", "Анна Берг, 李明, أحمد", "Анна Берг, 李明, أحمد"},
		{"arrows and stars", "Up ↗️ star ⭐ check ✅", "Up  star  check "},
		{"newer emoji", "Jar 🫙 and face 🫠", "Jar  and face "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RemoveEmojis(tt.in); got != tt.want {
				t.Errorf("RemoveEmojis(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEmojiSpansSorted(t *testing.T) {
	for i, s := range emojiSpans {
		if s.lo > s.hi {
			t.Errorf("span %d: %U > %U", i, s.lo, s.hi)
		}
		if i > 0 && emojiSpans[i-1].hi >= s.lo {
			t.Errorf("span %d (%U) overlaps or precedes span %d (%U)", i, s.lo, i-1, emojiSpans[i-1].hi)
		}
	}
}

// FuzzRemoveEmojis checks that RemoveEmojis never panics, never adds
// bytes and, on valid UTF-8, keeps it valid, leaves no emoji, and is
// idempotent.
func FuzzRemoveEmojis(f *testing.F) {
	for _, s := range []string{"Maria 📷 Schmidt", "👨‍👩‍👧", "1️⃣", "🏳️‍🌈", "\ufe0f", "a\u200d", "#\ufe0f", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := RemoveEmojis(s)
		if len(out) > len(s) {
			t.Fatalf("RemoveEmojis(%q) = %q, longer", s, out)
		}
		if !utf8.ValidString(s) {
			return // removing an emoji may join the stray bytes around it into another
		}
		if !utf8.ValidString(out) {
			t.Fatalf("RemoveEmojis(%q) = %q, invalid UTF-8", s, out)
		}
		for _, r := range out {
			if isEmoji(r) {
				t.Fatalf("RemoveEmojis(%q) = %q keeps %U", s, out, r)
			}
		}
		if again := RemoveEmojis(out); again != out && !strings.ContainsRune(s, '\u20e3') {
			// A keycap mark can meet a digit once the emoji between them is gone.
			t.Fatalf("RemoveEmojis not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

func BenchmarkRemoveEmojis(b *testing.B) {
	for _, in := range []string{"Maria Schmidt, Staff Reporter", "Maria 📷 Schmidt ✨ 👍🏽"} {
		b.Run(strings.Fields(in)[1], func(b *testing.B) {
			for b.Loop() {
				RemoveEmojis(in)
			}
		})
	}
}
