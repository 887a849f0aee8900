package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrefilters checks that each cheap check the rules make before a
// pattern passes every text the pattern matches: on the blocks of the
// fixture pages and on cases written to match.
func TestPrefilters(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Home | News | World | Politics", "HOME > News > Local", "Skip to main content", "ſkip to content",
		"back to top", "Toggle navigation", "You are here: Home", "The ferry crews walked out.",
		"REUTERS/Anna Berg", "(AP Photo/Jane Doe)", "Photo: Priya Nand", "(Photo by Jo Lee)", "Getty Images",
		"Image copyright Reuters", "(Associated Press)", "(aſſociated preſſ)", "Pictured: the ferry at dawn",
		"The harbour (Priya Nand / Northshore Daily)", "Jonathan Ernst/Reuters", "FILE PHOTO: the pier",
		"March 5, 2014", "5 March 2014", "2014-03-05", "05.03.2014", "3/5/2014", "2014年3月5日", "in 1999 and 2020",
		"© 2023 The Independent", "Copyright 2014 Los Angeles Times", "(c) 2020 Port Alder Post", "COPYRIGHT Reuters",
		"PORT ALDER, Island -- The crews", "LONDON (Reuters) - The crews", "NEAH BAY, Wash. _ The crews", "The Crews - on strike",
	}
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		raw, err := os.ReadFile(path)
		for _, b := range blocks(string(raw)) {
			texts = append(texts, b.text)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	md := monthDates()
	for _, s := range texts {
		lower := strings.ToLower(s)
		if navigation().MatchString(s) && !mayStartNavigation(s) {
			t.Errorf("mayStartNavigation(%q) = false, but navigation matches", s)
		}
		if (creditRe().MatchString(s) || trailingCredit().MatchString(s) || loneCredit().MatchString(s)) && !mayBeCredit(s, lower) {
			t.Errorf("mayBeCredit(%q) = false, but a credit pattern matches", s)
		}
		if copyrightName().MatchString(s) && !mayNameCopyright(s) {
			t.Errorf("mayNameCopyright(%q) = false, but copyrightName matches", s)
		}
		dated := isoDate().MatchString(s) || dottedDate().MatchString(s) || slashDate().MatchString(s) || hanDate().MatchString(s) ||
			md.dayMonthYear.MatchString(s) || md.monthDayYear.MatchString(s)
		if dated && !hasYear(s) {
			t.Errorf("hasYear(%q) = false, but a date pattern matches", s)
		}
		if datelineRe().MatchString(s) && !capitalsStart(s) {
			t.Errorf("capitalsStart(%q) = false, but datelineRe matches", s)
		}
	}
}
