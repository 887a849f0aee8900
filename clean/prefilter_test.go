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
		"Published 2014-03-05", "POSTED on Monday", "Veröffentlicht am 5. März", "发布时间：2020-03-05", "發佈時間 2020", "Datum: 5. März", "gepubliceerd op", "Mis en ligne le", "Opublikowano", "Erstellt am", "First published", "Source: BBC News", "ſource: Port Alder Post", "PUBLICATION: The Daily", "outlet : Reuters", "PORT ALDER, Island -- The crews", "LONDON (Reuters) - The crews", "NEAH BAY, Wash. _ The crews", "The Crews - on strike",
		"Related stories:", "[Related]", "Read more", "ſee also", "More from the Post", "Also read:", "Recommended", "Trending",
		"You may also like", "Most read", "13 Comments", "Kommentare (4)", "Leave a Reply", "Laisser un commentaire", "Komentarze",
		"评论", "Responses", "Schreibe einen Kommentar", "Post a comment", "Dodaj komentarz", "Napisz komentarz", "Einen Kommentar hinterlassen",
		"Ajouter un commentaire", "Write a comment", "\u212aommentare", "3 thoughts on “Ferries”", "Hide Caption 1 of 23", "show caption 2 of 3",
		"ſhow caption 2 of 3", "Expand caption 5 of 9", "1 of 26 Full Screen Autoplay", "Posted by Anna Berg", "Geschrieben von Eva Roth",
		"Veröffentlicht von Max", "Publié par Jean", "Écrit par Luc", "Publicado por Ana", "Scritto da Maria", "Napisane przez Jana",
		"Autorin: Eva", "AUTHOR: Jo Lee", "Texte : Luc", "Von: Max", "Door Piet", "vom Team", "| by Anna", "(von Max",
		"[Related coverage]", "RELATED ARTICLES", "ſee alſo", "moſt read", "MORE ABOUT the strike", "you may alſo like:",
		"Updated 5:07 PM ET", "Last updated: Monday", "laſt updated 5 March", "FIRST PUBLISHED 2014", "poſted: Monday",
		"Please wait 5 seconds to continue", "WAIT 10 SECONDS TO CONTINUE", "Follow us on X", "Skip Ad", "Buy Photo",
		"In the second half the crews walked out.", "Wait, the second ferry left.",
		"site : http : //www.example.org", "REUTERS /Anna Berg", "Reuters\t/ Anna", "AFP/ Getty", "Jr./Reuters", "O'/Reuters",
		"The pier (Priya Nand\t/\tNorthshore Daily)", "The pier (Priya Nand / Northshore Daily) ", "Müller/AFP", "reuterſ/Anna",
		"a / b", "x // y", "(AP Photo/Jane Doe) and http://x/y", "EPA \t/x", "dpa/", "AFP via Getty Images/ x",
		"Posted by Anna", "posted\tBY anna", "(by Max)", "|von Heiko", "Text: Jo", "TEXTE : Luc", "Autorin:Eva", "scritto da Maria",
		"today", "nearby", "Monday, da Silva", "Comments", "COMMENT:", "Kommentare (4)", "Komentarzy", "Comentarios", "Reacties", "Reaction",
		"Replies", "ANTWORTEN", "Responses (3)", "Leave a comment", "Post A Comment", "ADD a comment", "write a comment", "Schreibe einen Kommentar",
		"Einen Kommentar hinterlassen", "Laisser un commentaire", "Ajouter un commentaire", "Dodaj komentarz", "Napisz komentarz",
		"Comments are closed", "Kommentare sind geschlossen", "12 thoughts on “Ferry”", "3 Gedanken zu Fähre", "4 Antworten zu x", "留言",
		"reſponses", "\u212aommentar schreiben", "[Comments]",
		"(SOUNDBITE OF MUSIC)", "(ſoundbite", "(ONLINE: x", "[Related]", "[Photo] caption", "JANE DOE, HOST: x", "More Jones, host: x",
		"Most Ames, byline: x", "Watch video: x", "Watch: x", "Most read", "MOST POPULAR", "Also read:", "Also on Friday", "More from the Post",
		"More :", "More on", "Read more", "See also", "See alſo", "Play Video", "View photos", "Email this", "Video: x", "Jobs", "Trending",
		"Editors: x", "ſee also x", "jane doe, host: x", "\u212aim lee, host: x", "Most parents agree", "Read the bill", "Also \u212anown", "Mo\u017Ft read", "x(door Piet", "x\fpar Jean", "x\vpar Jean", "Opublikowane przez Jana",
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
	md := monthRegexps()
	for _, s := range texts {
		lower := strings.ToLower(s)
		if navigation().MatchString(s) && !mayStartNavigation(s) {
			t.Errorf("mayStartNavigation(%q) = false, but navigation matches", s)
		}
		if (creditRe().MatchString(s) || trailingCredit().MatchString(s) || loneCredit().MatchString(s)) && !mayBeCredit(s, lower, (*state)(nil).grams(lower)) {
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
		if stampWords().MatchString(s) && !mayStamp(s) {
			t.Errorf("mayStamp(%q) = false, but stampWords matches", s)
		}
		if listIntro().MatchString(s) && !opensWithWord(s, listIntroFirstWords) {
			t.Errorf("opensWithWord(%q, listIntroFirstWords) = false, but listIntro matches", s)
		}
		if stampLine().MatchString(s) && !opensWith(s, stampLineFirst) {
			t.Errorf("opensWith(%q, stampLineFirst) = false, but stampLine matches", s)
		}
		if promoAnywhere().MatchString(s) && !isPromotion(s, lower, (*state)(nil).grams(lower), false) {
			t.Errorf("isPromotion(%q) = false, but promoAnywhere matches", s)
		}
		if commentsMarker().MatchString(s) && !mayMarkComments(s) {
			t.Errorf("mayMarkComments(%q) = false, but commentsMarker matches", s)
		}
		if galleryCaption().MatchString(s) && !opensWith(s, galleryCaptionFirst) {
			t.Errorf("opensWith(%q, galleryCaptionFirst) = false, but galleryCaption matches", s)
		}
		if authorMark().MatchString(s) && !mayMarkAuthor(s) {
			t.Errorf("mayMarkAuthor(%q) = false, but authorMark matches", s)
		}
		if wireCredit().MatchString(s) && !creditSlash(s) {
			t.Errorf("creditSlash(%q) = false, but wireCredit matches", s)
		}
		if promoStart().MatchString(s) && !mayStartPromo(s, lower) {
			t.Errorf("mayStartPromo(%q) = false, but promoStart matches", s)
		}
		if sourceLine().MatchString(s) && !maySourceLine(s) {
			t.Errorf("maySourceLine(%q) = false, but sourceLine matches", s)
		}
		if datelineRe().MatchString(s) && !capitalsStart(s) {
			t.Errorf("capitalsStart(%q) = false, but datelineRe matches", s)
		}
	}
}

// TestHasDash checks hasDash against the strings.ContainsAny it stands
// for, on dashes of each kind, cut UTF-8 and invalid bytes.
func TestHasDash(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "PARIS -- The", "NEAH BAY, Wash. _ The", "LONDON — The", "LONDON – The", "no dash at all",
		"\xe2\x80", "\xe2\x80\x95", "\xe2\x80\x92 figure dash", "\xe2\xe2\x80\x94", "\xf0\xe2\x80\x93", "é—", "\x80\x94",
	} {
		if got, want := hasDash(s), strings.ContainsAny(s, "-—–_"); got != want {
			t.Errorf("hasDash(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzHasDash(f *testing.F) {
	f.Add("LONDON — The")
	f.Add("\xe2\xe2\x80\x93")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasDash(s), strings.ContainsAny(s, "-—–_"); got != want {
			t.Errorf("hasDash(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzMayBeCredit holds mayBeCredit to the patterns it guards: when one
// matches, it must let the text through.
func FuzzMayBeCredit(f *testing.F) {
	for _, s := range []string{"REUTERS/Anna Berg", "site : http : //www.example.org", "The pier (Priya Nand / Northshore Daily)", "Jr./Reuters", "x - /Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lower := strings.ToLower(s)
		if (creditRe().MatchString(s) || trailingCredit().MatchString(s) || loneCredit().MatchString(s)) && !mayBeCredit(s, lower, (*state)(nil).grams(lower)) {
			t.Errorf("mayBeCredit(%q) = false, but a credit pattern matches", s)
		}
		if wireCredit().MatchString(s) && !creditSlash(s) {
			t.Errorf("creditSlash(%q) = false, but wireCredit matches", s)
		}
	})
}

// FuzzMayMarkAuthor holds mayMarkAuthor to authorMark: when the pattern
// matches, it must let the text through.
func FuzzMayMarkAuthor(f *testing.F) {
	for _, s := range []string{"Posted by Anna", "today", "(von Max)", "x|par Jean", "Autorin: Eva", "texte : Luc", "BY:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if authorMark().MatchString(s) && !mayMarkAuthor(s) {
			t.Errorf("mayMarkAuthor(%q) = false, but authorMark matches", s)
		}
	})
}

// FuzzMayMarkComments holds mayMarkComments to commentsMarker: when the
// pattern matches, it must let the text through.
func FuzzMayMarkComments(f *testing.F) {
	for _, s := range []string{"13 Comments", "Leave a Reply", "Kommentare (4)", "reſponses", "评论", "Commentaires:", "Post a comment"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if commentsMarker().MatchString(s) && !mayMarkComments(s) {
			t.Errorf("mayMarkComments(%q) = false, but commentsMarker matches", s)
		}
	})
}

// FuzzMayStartPromo holds mayStartPromo to promoStart: the prefilter
// never turns away a text the pattern matches.
func FuzzMayStartPromo(f *testing.F) {
	for _, s := range []string{"(SOUNDBITE OF MUSIC)", "[Related]", "Watch video: x", "More Jones, host: x", "ſee also x", "more jones, byline: x", "Also read:", "Also on Friday", "(ONLINE: x", "Most popular"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lower := strings.ToLower(s)
		if promoStart().MatchString(s) && !mayStartPromo(s, lower) {
			t.Errorf("mayStartPromo(%q) = false, but promoStart matches", s)
		}
	})
}
