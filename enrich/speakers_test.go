package enrich_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tidings/enrich"
	"tidings/news"
)

// TestSpeakerRules checks one sentence (or a few) per speaker rule: the
// quotations found and their speakers, as "text — speaker".
func TestSpeakerRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"given name that is a stop word", `"Costs keep rising," said Will Doyle, a professor at Norland University.`,
			[]string{"Costs keep rising — Will Doyle"}},
		{"given name before the verb", `"Costs keep rising," Will Doyle said on Monday.`,
			[]string{"Costs keep rising — Will Doyle"}},
		{"cue verb in -ing after with", `Crowds filled the square, with Anna Berg reportedly yelling: "Open the port!"`,
			[]string{"Open the port! — Anna Berg"}},
		{"conjunction before a pronoun", `Lena Ortiz spoke on Monday. Though she called the plan "a step back," Ortiz voted for it.`,
			[]string{"a step back — Lena Ortiz"}},
		{"pronoun stands for a person named before it", `Lena Ortiz spoke on Monday. Though she called Tomas Berg's plan "a step back," she voted for it.`,
			[]string{"a step back — Lena Ortiz"}},
		{"dash credit after a no-break space", "Readers wrote in.\n\n“The port must open.”\u00a0― Ana Ruiz\u00a0\n“Not again.”\u00a0― Petra Holm",
			[]string{"The port must open. — Ana Ruiz", "Not again. — Petra Holm"}},
		{"abbreviated title Del.", `"This is a waste of time," said Del. Anna Berg of the Harbour Islands.`,
			[]string{"This is a waste of time — Anna Berg"}},
		{"quotation after a reported sentence", "Anna Berg chairs the council.\n\nThe vote may wait until spring, Berg said. \"The council has not met.\"",
			[]string{"The council has not met. — Anna Berg"}},
		{"title of place before the name", `"The talks go on," said former secretary of state Anna Berg, who met Viktor Sal on Monday.`,
			[]string{"The talks go on — Anna Berg"}},
		{"written by", `"Harbour Lights" was written by Tomas Berg after the flood.`,
			[]string{"Harbour Lights — Tomas Berg"}},
		{"written is no cue without by", `Tomas Berg, a former aide to Viktor Sal, has written a book about the "endless" talks.`,
			[]string{"endless — Tomas Berg"}},
		{"sings", `In a clip from her new show, the crowd cheers and Berg sings Tomas Holm's "Harbour Lights" to them.`,
			[]string{"Harbour Lights — Berg"}},
		{"cue that reports a clause", `Rep. Anna Berg (D-North) said Viktor Sal called on members to be "closely coordinated."`,
			[]string{"closely coordinated. — Anna Berg"}},
		{"cue that reports a that-clause", `Anna Berg said during a rally in Alder that Sal once described the deal as "the gold standard" of trade.`,
			[]string{"the gold standard — Anna Berg"}},
		{"adding after a cue", `Anna Berg chairs the council. Sal and Holm will meet next week, Berg said, adding, "They need to talk."`,
			[]string{"They need to talk. — Anna Berg"}},
		{"main clause after a subordinate one", `When Viktor Sal suggested that the port would close, Anna Berg fired back: "It will not."`,
			[]string{"It will not. — Anna Berg"}},
		{"according to a report by", `"The port is unsafe," according to a report filed by harbour master Tomas Berg.`,
			[]string{"The port is unsafe — Tomas Berg"}},
		{"reported clause after a quoted title", `On Radio Alder's "Morning Hour," when asked about the port, Mayor Anna Berg said she expected that voters will say "no" to the plan.`,
			[]string{"Morning Hour … no — Anna Berg"}},
		{"naming participle is no cue", `Later, Anna Berg shared a syllabus for a class called "Harbours" on her page, writing "The class was real."`,
			[]string{"Harbours … The class was real. — Anna Berg"}},
		{"pronoun next to the verb", `Tomas Holm leads the party. The move, Holm explained, took years, an investment he concludes was "worth every cent."`,
			[]string{"worth every cent. — Tomas Holm"}},
		{"cue verb in the present", `Viktor Sal spoke first. While Sal proclaims the plan "a triumph," Berg stays silent.`,
			[]string{"a triumph — Viktor Sal"}},
		{"one dash credit for a line of quotations", "Readers wrote in.\n\n“The port must open.” ― Ana Ruiz\n“We pay for it.” And that is all “we ever do.” ― Petra Holm\n",
			[]string{"The port must open. — Ana Ruiz", "We pay for it. — Petra Holm", "we ever do. — Petra Holm"}},
		{"name after the owner", `The Harbour Post's Tomas Berg sees the plan as a return to "old habits."`,
			[]string{"old habits. — Tomas Berg"}},
		{"phrase between speaker and verb", `Anna Berg in her opening speech called the plan "a step back."`,
			[]string{"a step back. — Anna Berg"}},
		{"no phrase across a clause", `Anna Berg knocked Viktor Sal on trade and called him "a dreamer."`,
			[]string{"a dreamer. — Anna Berg"}},
		{"day between speaker and verb", `The harbour, which Mayor Anna Berg on Friday declared "open to all," was busy.`,
			[]string{"open to all — Anna Berg"}},
		{"described name after the quotation", `Viktor Sal spoke first. "The port stays ours," an angry Berg retaliated.`,
			[]string{"The port stays ours — Berg"}},
		{"name after the quotation before an open appositive", `"The polls moved," Anna Berg, the pollster who founded the site tweeted on Friday.`,
			[]string{"The polls moved — Anna Berg"}},
		{"two cues in -ing joined by and", `Critics piled on, with Anna Berg tweeting that it was a "disaster" and asking, "Who pays?"`,
			[]string{"disaster … Who pays? — Anna Berg"}},
		{"according to after the cue", `"We will win," Sal said, according to Anna Berg.`,
			[]string{"We will win — Anna Berg"}},
		{"statement noun before a that-clause", `Mayor Anna Berg spoke first. On Monday she denied Sal's claim that Port Director Lena Holm "lied to us" at the meeting.`,
			[]string{"lied to us — Sal"}},
		{"statement noun before an infinitive", `The talks go beyond Berg's pledge to stay "neutral" in the dispute.`,
			[]string{"neutral — Berg"}},
		{"statement noun, then is that", `Holm's catch phrase was that Sal "would say anything."`,
			[]string{"would say anything. — Holm"}},
		{"two cues in one sentence", `Anna Berg said she would make the port "safe again," for instance, and Viktor Sal vowed to "close it for good" next year.`,
			[]string{"safe again — Anna Berg", "close it for good — Viktor Sal"}},
		{"one cue in one sentence", `Anna Berg called the plan "a step back" and "a waste of money."`,
			[]string{"a step back … a waste of money. — Anna Berg"}},
		{"split quotation with its cue between", `"The port is open," Anna Berg said, adding that it would stay "open to all."`,
			[]string{"The port is open … open to all. — Anna Berg"}},
		{"surname of a name in the text", "Viktor Sal and Former Speaker of the House Newt Holmgren spoke in May.\n\nIn July, Holmgren cynically dismissed the port as \"a ruin.\"",
			[]string{"a ruin. — Holmgren"}},
		{"person a control verb makes speak", `All this has led the harbour journalist Dainis Ivans to fear a "port war."`,
			[]string{"port war. — Dainis Ivans"}},
		{"pledged to", `And in a turn that called to mind, for some, Holm's old refrain, Mr. Berg pledged to keep the port open "today, tomorrow, forever."`,
			[]string{"today, tomorrow, forever. — Berg"}},
		{"pledged as an adjective is no cue", `Berg admitted that it would be "very hard" to win with fewer pledged delegates.`,
			[]string{"very hard — Berg"}},
		{"unknown verb after the quotation, then a role and a name", `Then came the last word: "It's about time," exhorted the mayor's guest, actress Lena Ortiz.`,
			[]string{"It's about time — Lena Ortiz"}},
		{"adverb before the subject", `Now Anna Berg, the most unusual mayor in years, is promising to make the port "a garden."`,
			[]string{"a garden. — Anna Berg"}},
		{"participle phrase that quotes", `Acknowledging that Sal "says a lot of odd things," though, Berg did suggest that he means well.`,
			[]string{"says a lot of odd things — Berg"}},
		{"appositive in a long sentence", `Holm came with the right card: He fiercely protected the old mayor's harbour plans at the last long and bitter council meeting of the year in 1976, in what Anna Berg, the treasurer of the council, called "hand-to-hand combat."`,
			[]string{"hand-to-hand combat. — Anna Berg"}},
		{"cue of the next clause after the quotation", `Anna Berg accuses Viktor Sal of a "smear" about her links to the port while Sal suggests she is its captive.`,
			[]string{"smear — Anna Berg"}},
		{"headline in title case opened by a person", "The singer Lena Ortiz spoke in May, and Ortiz said more in June.\n\nLena Ortiz Asked Harbour Towns To \u201cOpen the Gates.\u201d\n\nThe towns agreed.",
			[]string{"Open the Gates. — Lena Ortiz"}},
		{"second opening phrase before the subject", `Moreover, as part of the exchange with Viktor Sal, Anna Berg cited a harbour report that "most ships were late."`,
			[]string{"most ships were late. — Anna Berg"}},
		{"preposition and gerund open a phrase that quotes", `After spending the week arguing over whether the other is "fit" to lead, Anna Berg on Monday attacked Viktor Sal.`,
			[]string{"fit — Anna Berg"}},
		{"two roles joined by and after the verb", `"The port is back," said former Alder Gov. and Harbour Party Chairman Tomas Holm. "It is about trade."`,
			[]string{"The port is back … It is about trade. — Tomas Holm"}},
		{"two roles joined by and before the verb", `Former prosecutor and Alder City Mayor Anna Berg, who backs Sal, attacked the board, calling it a "disgrace" to the town.`,
			[]string{"disgrace — Anna Berg"}},
		{"role of something before the name", `"Thanks, Alder, for welcoming them," said master of ceremonies Tomas Holm, a harbour pilot.`,
			[]string{"Thanks, Alder, for welcoming them — Tomas Holm"}},
		{"a cue after and goes on its clause", `The union is such a presence that Anna Berg during a rally thanked its members "for their help" and called it "a friend of the port."`,
			[]string{"for their help … a friend of the port. — Anna Berg"}},
		{"a cue after and goes on the reporting verb", `Tomas Holm spoke first. Holm suggested that Berg was "soft on spending" and argued that the port costs too much.`,
			[]string{"soft on spending — Tomas Holm"}},
		{"the name after an appositive that ends in an object", `Critics were quick. The leader of the Harbour League, Anna Berg, warned that a ban would be "unacceptable to us."`,
			[]string{"unacceptable to us. — Anna Berg"}},
		{"the name after the quotation, not the object before the verb", `"The ad raises questions," Anna Berg, who is chairman of Our Harbour Fund said in a statement.`,
			[]string{"The ad raises questions — Anna Berg"}},
		{"kept and a cue in -ing after a party", `The gaffes recalled 2013, when Viktor Sal testified, and Sen. Anna Berg (D-Alder) kept asking him why the port had tied the fire to "spontaneous" protests.`,
			[]string{"spontaneous — Anna Berg"}},
		{"known as", `"There never was an order," said the harbour master known as Bob, speaking for the first time.`,
			[]string{"There never was an order — Bob"}},
		{"the name before roles of an organisation", `The board met. Anthony Anton, president and CEO of Harbour Restaurant Association stated, “It is a math problem.”`,
			[]string{"It is a math problem. — Anthony Anton"}},
		{"a paragraph of quotation after a paragraph about someone", "Anna Berg spoke first, on the port. Then she left.\n\nBerg also spoke about the harbour case, which the court hears in May. (The law requires pilots on every ship.)\n\n\u201cThe port is the town's right. We will keep it open.\u201d",
			[]string{"The port is the town's right. We will keep it open. — Anna Berg"}},
		{"the next sentence's cue past an appositive", `In Alder, leaders say the visits were long. "He stopped and said, 'How do we win Alder?’" Tomas Holm, the chairman for the Alder county party, said of the encounter.`,
			[]string{"He stopped and said, 'How do we win Alder?’ — Tomas Holm"}},
		{"the owner of a claim that leads to the quotation over a cue after it", `Mayor Lena Holm blamed the press for making an issue of Viktor Sal's claim that Anna Berg "sold the port," saying they were unfair.`,
			[]string{"sold the port — Viktor Sal"}},
		{"a statement noun right before the quotation is no owner", `Mayor Tomas Holm told the radio on Tuesday that Berg's comments "show bias to me."`,
			[]string{"show bias to me. — Tomas Holm"}},
		{"her claim that with no name in its clause", "Anna Berg misspoke, an aide said.\n\nThe comments came in answer to a question about her claim that she \"never sent secret mail\" on her server.",
			[]string{"never sent secret mail — Anna Berg"}},
		{"his claim that", `As the debate went on and Viktor Sal stood by his claim Monday that "the port is ours," refusing to yield, Anna Berg tried again.`,
			[]string{"the port is ours — Viktor Sal"}},
		{"a long description, then a name between commas", "The head of the biggest harbour fund backing former Alder Mayor Tomas Holm for governor, Anna Berg, praised the donors on Friday.\n\n\u201cNot us, but we cannot argue with it!\u201d",
			[]string{"Not us, but we cannot argue with it! — Anna Berg"}},
		{"a role and a name before an appositive", `Before Sal appeared in the video, the harbour-linked radical cleric Anwar al-Berg, who was killed in 2011, is shown lecturing: “Sailors of the West, take heed.”`,
			[]string{"Sailors of the West, take heed. — the harbour-linked radical cleric Anwar al-Berg"}},
		{"a quoted phrase inside the appositive", `“We had better meetings than this one,” Alder delegate Tomas Holm, wearing a cowboy hat and “Anna Berg” campaign pins, said as confetti fell.`,
			[]string{"We had better meetings than this one … Anna Berg — Tomas Holm"}},
		{"a role and a name after the object of for", "The union plans to protest.\n\n\u201cThey have to decide whether to eat,\u201d Fight for $15 organizing director Kendall Fells told the radio.",
			[]string{"They have to decide whether to eat — Kendall Fells"}},
		{"the person before the place", `"We will win," G.K. Butterfield of North Carolina said.`,
			[]string{"We will win — G.K. Butterfield"}},
		{"proposed", `Mayor Tomas Holm on Monday signed an order, while Anna Berg, the former harbour master, proposed we "open the gates" and said Holm should resign.`,
			[]string{"open the gates — Anna Berg"}},
		{"cites", `The story ignored much history, and in the book Anna Berg cites “the placards carried by dockers in 1963” as evidence.`,
			[]string{"the placards carried by dockers in 1963 — Anna Berg"}},
		{"the next sentence names the quotation and its source", `"I would rather sail than fly." That quote from Harbour Commissioner Tomas Holm appeared in the Alder Post in 1980.`,
			[]string{"I would rather sail than fly. — Tomas Holm"}},
		{"an organisation and a compound role before the name", `Alder News and former TV network anchor Lena Ortiz has promoted a humble approach in recent speeches, advising graduates to "work hard and stay humble."`,
			[]string{"work hard and stay humble. — Lena Ortiz"}},
		{"a verb before a role is no part of the subject", `First, Viktor Sal attacked former harbour nominee Anna Berg for being a "failed candidate."`,
			[]string{"failed candidate. — Viktor Sal"}},
		{"to call after a cue in -ing", `Videos of the incident surfaced, with Tomas Holm taking to the radio to call Berg "totally delusional" for the claim.`,
			[]string{"totally delusional — Tomas Holm"}},
		{"a capitalized modal before the verb is a name", "The columnist George Will wrote again.\n\n\u201cThe port needs a captain,\u201d Will wrote. He praised the speech, which Will claims affirmed \u201cthe old belief in the sea.\u201d",
			[]string{"The port needs a captain — George Will", "the old belief in the sea. — George Will"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			arts := []news.Article{article("a", "O", tc.text, time.Time{})}
			var got []string
			for _, q := range enrich.Quotes(arts, enrich.Entities(arts)) {
				got = append(got, q.Text+" — "+q.Speaker)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Quotes(%q):\n%s\nwant:\n%s", tc.text, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// FuzzQuotes checks that any text gives quotations without a panic,
// each with a citation inside its article and a speaker of valid UTF-8.
func FuzzQuotes(f *testing.F) {
	for _, seed := range []string{
		`"A," said Will Doyle. "B," he added.`,
		"“A.” ― Ana Ruiz\n“B.” And “C.” ― Petra Holm",
		`When Sal suggested it, Berg fired back: "No." Cruz said he'd "A," and Trump vowed to "B".`,
		`All this has led the journalist Dainis Ivans to fear a "war." The move, Holm explained, was "C."`,
		`"`, `“”`, `" , said`, `a "b" c "d`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		arts := []news.Article{article("a", "O", text, time.Time{})}
		for _, q := range enrich.Quotes(arts, enrich.Entities(arts)) {
			if !utf8.ValidString(q.Speaker) && utf8.ValidString(text) {
				t.Errorf("speaker %q is not valid UTF-8", q.Speaker)
			}
			for _, c := range q.Citations {
				if _, err := arts[0].Span(c); err != nil {
					t.Errorf("citation %+v: %v", c, err)
				}
			}
		}
	})
}
