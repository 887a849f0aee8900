package dateparser

import (
	"strings"
	"sync"
)

// wordKind is what a word means in a date.
type wordKind uint8

const (
	unknownWord wordKind = iota
	monthWord            // a month name; wordInfo.month is 1-12
	fillerWord           // a weekday, an ordinal suffix, a preposition: ignored
	meridiemAM           // "am" (also a German preposition, "am 4. März")
	meridiemPM           // "pm"
	hourWord             // "h" or "uhr" after an hour: 10h30, 10 Uhr
	zoneWord             // Z, UTC, GMT and common zone abbreviations: read as UTC
	yearMark             // 年, 년
	monthMark            // 月, 월
	dayMark              // 日, 号, 일
)

type wordInfo struct {
	kind  wordKind
	month int
}

// monthNames lists, for each month, its names and abbreviations in
// English, German, French, Spanish, Italian, Polish (nominative and
// genitive), Dutch and Portuguese, lower-case, with the spellings without
// diacritics that pages also use.
var monthNames = [12]string{
	"january jan januar jänner jaenner janvier janv enero ene gennaio gen styczeń styczen stycznia sty januari janeiro",
	"february feb februar feber février fevrier févr fevr febrero febbraio luty lutego lut februari fevereiro fev",
	"march mar märz maerz marz mär mrz mars marzo marzec marca maart mrt março marco",
	"april apr avril avr abril abr aprile kwiecień kwiecien kwietnia kwi",
	"may mai mayo maggio mag maj maja mei maio",
	"june jun juni juin junio giugno giu czerwiec czerwca cze junho",
	"july jul juli juillet juil julio luglio lug lipiec lipca lip julho",
	"august aug augusti août aout agosto ago sierpień sierpien sierpnia sie augustus",
	"september sep sept septembre septiembre setiembre settembre set wrzesień wrzesien września wrzesnia wrz setembro",
	"october oct oktober okt octobre octubre ottobre ott październik pazdziernik października pazdziernika paź paz outubro out",
	"november nov novembre noviembre listopad listopada lis novembro",
	"december dec dezember dez décembre decembre déc diciembre dic dicembre grudzień grudzien grudnia gru dezembro",
}

// fillers are words that may stand around a date without changing it:
// weekday names and abbreviations, ordinal suffixes and the prepositions
// and articles of dates in the languages above.
const fillers = "" +
	// English
	"monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
	"st nd rd th of the on at " +
	// German
	"montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so " +
	"um den der " +
	// French
	"lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim " +
	"le er à a du " +
	// Spanish
	"lunes martes miércoles miercoles jueves viernes sábado sabado domingo " +
	"de del el las los " +
	// Italian
	"lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi domenica " +
	"il di alle ore " +
	// Polish
	"poniedziałek poniedzialek wtorek środa sroda czwartek piątek piatek sobota niedziela " +
	"r roku dnia godz " +
	// Dutch
	"maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma wo za zo " +
	"op om van uur " +
	// Portuguese
	"segunda terça terca quarta quinta sexta feira " +
	"às as o " +
	// ordinal indicators and ISO's date-time separator
	"º ª t"

// zones are zone abbreviations read as UTC: the date, which is all a
// publication date needs, is the one written.
const zones = "z utc gmt cet cest met mest mez mesz wet west eet eest bst ist est edt cst cdt mst mdt pst pdt"

// words returns the word table, built on first use.
var words = sync.OnceValue(func() map[string]wordInfo {
	w := map[string]wordInfo{}
	for i, names := range monthNames {
		for n := range strings.FieldsSeq(names) {
			w[n] = wordInfo{kind: monthWord, month: i + 1}
		}
	}
	for n := range strings.FieldsSeq(fillers) {
		if _, isMonth := w[n]; !isMonth { // "mar" is March before it is mardi
			w[n] = wordInfo{kind: fillerWord}
		}
	}
	for n := range strings.FieldsSeq(zones) {
		w[n] = wordInfo{kind: zoneWord}
	}
	w["am"] = wordInfo{kind: meridiemAM}
	w["a.m"] = wordInfo{kind: meridiemAM}
	w["pm"] = wordInfo{kind: meridiemPM}
	w["h"] = wordInfo{kind: hourWord}
	w["uhr"] = wordInfo{kind: hourWord}
	w["年"], w["년"] = wordInfo{kind: yearMark}, wordInfo{kind: yearMark}
	w["月"], w["월"] = wordInfo{kind: monthMark}, wordInfo{kind: monthMark}
	w["日"], w["号"], w["일"] = wordInfo{kind: dayMark}, wordInfo{kind: dayMark}, wordInfo{kind: dayMark}
	return w
})

// lookup returns what word (lower-case) means; a trailing dot of an
// abbreviation ("févr.") is not part of it.
func lookup(word string) wordInfo {
	return words()[word]
}
