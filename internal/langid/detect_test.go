package whatlanggo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The sentences are our own, written for these tests.
func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The council said on Tuesday that the new bridge would be open to traffic by the end of the year.", "en"},
		{"german", "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke bis zum Ende des Jahres für den Verkehr geöffnet wird.", "de"},
		{"french", "Le conseil municipal a annoncé mardi que le nouveau pont sera ouvert à la circulation avant la fin de l'année.", "fr"},
		{"spanish", "El ayuntamiento anunció el martes que el nuevo puente estará abierto al tráfico antes del final del año.", "es"},
		{"portuguese", "A câmara municipal anunciou na terça-feira que a nova ponte será aberta ao trânsito até ao fim do ano.", "pt"},
		{"italian", "Il consiglio comunale ha annunciato martedì che il nuovo ponte sarà aperto al traffico entro la fine dell'anno.", "it"},
		{"dutch", "De gemeenteraad heeft dinsdag gezegd dat de nieuwe brug voor het einde van het jaar open is voor het verkeer.", "nl"},
		{"polish", "Rada miasta ogłosiła we wtorek, że nowy most zostanie otwarty dla ruchu do końca roku, ale nie podała daty.", "pl"},
		{"swedish", "Kommunen meddelade på tisdagen att den nya bron ska öppnas för trafik innan årets slut, och att det inte blir dyrare.", "sv"},
		{"danish", "Kommunen sagde tirsdag, at den nye bro åbner for trafik inden årets udgang, og at den ikke bliver dyrere end det, der er aftalt.", "da"},
		{"norwegian", "Kommunen sa tirsdag at den nye brua åpner for trafikk før nyttår, og at det ikke blir dyrere enn det som ble avtalt etter valget.", "nb"},
		{"finnish", "Kaupunginvaltuusto kertoi tiistaina, että uusi silta avataan liikenteelle ennen vuoden loppua, mutta hinta ei ole vielä selvä.", "fi"},
		{"czech", "Městská rada v úterý oznámila, že nový most bude otevřen pro dopravu do konce roku a že je to také levnější.", "cs"},
		{"turkish", "Belediye meclisi salı günü yeni köprünün yıl sonundan önce trafiğe açılacağını ve bu projenin çok önemli olduğunu açıkladı.", "tr"},
		{"indonesian", "Dewan kota mengatakan pada hari Selasa bahwa jembatan yang baru akan dibuka untuk lalu lintas sebelum akhir tahun.", "id"},
		{"romanian", "Consiliul local a anunțat marți că noul pod va fi deschis pentru trafic până la sfârșitul anului și că nu va costa mai mult.", "ro"},
		{"hungarian", "A városi tanács kedden bejelentette, hogy az új híd az év végéig megnyílik a forgalom előtt, de még nem volt döntés.", "hu"},
		{"vietnamese", "Hội đồng thành phố cho biết cây cầu mới sẽ được thông xe trước cuối năm và không có chi phí phát sinh.", "vi"},
		{"croatian", "Gradsko vijeće je u utorak objavilo da će novi most biti otvoren za promet do kraja godine, ali nije rečeno što će koštati.", "hr"},
		{"russian", "Городской совет заявил во вторник, что новый мост откроют для движения до конца года.", "ru"},
		{"ukrainian", "Міська рада заявила у вівторок, що новий міст відкриють для руху до кінця року.", "uk"},
		{"bulgarian", "Общинският съвет съобщи във вторник, че новият мост ще бъде открит за движение до края на годината.", "bg"},
		{"serbian", "Градско веће је у уторак саопштило да ће нови мост бити отворен за саобраћај до краја године, али није рекло колико кошта њихов рад.", "sr"},
		{"greek", "Το δημοτικό συμβούλιο ανακοίνωσε την Τρίτη ότι η νέα γέφυρα θα ανοίξει πριν από το τέλος του έτους.", "el"},
		{"hebrew", "מועצת העיר הודיעה ביום שלישי כי הגשר החדש ייפתח לתנועה עד סוף השנה.", "he"},
		{"arabic", "أعلن مجلس المدينة يوم الثلاثاء أن الجسر الجديد سيفتح أمام حركة المرور قبل نهاية العام.", "ar"},
		{"persian", "شورای شهر روز سه\u200cشنبه اعلام کرد که پل جدید پیش از پایان سال برای رفت و آمد باز می\u200cشود.", "fa"},
		{"hindi", "नगर परिषद ने मंगलवार को कहा कि नया पुल साल के अंत तक यातायात के लिए खोल दिया जाएगा।", "hi"},
		{"thai", "สภาเมืองประกาศเมื่อวันอังคารว่าสะพานใหม่จะเปิดให้รถสัญจรได้ก่อนสิ้นปี", "th"},
		{"korean", "시의회는 화요일 새 다리가 연말까지 개통될 것이라고 밝혔다.", "ko"},
		{"japanese", "市議会は火曜日、新しい橋が年末までに開通すると発表した。", "ja"},
		{"chinese", "市议会周二宣布，新桥将在年底前通车。", "zh"},
		{"georgian", "საკრებულომ სამშაბათს განაცხადა, რომ ახალი ხიდი წლის ბოლომდე გაიხსნება.", "ka"},
		{"no letters", "12:30 — 4,500 € / 2025 !!!", ""},
		{"empty", "", ""},
		{"latin without function words", "Xyzzy plugh quux frobnicate.", ""},
		{"mostly english with a greek word", "The word λόγος was used by the speaker in the debate on the bridge.", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(tt.text).Iso6391(); got != tt.want {
				t.Errorf("DetectLang(%q).Iso6391() = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectLangSample checks that only the first SampleRunes runes count:
// German text after a long English one does not change the answer.
func TestDetectLangSample(t *testing.T) {
	en := strings.Repeat("It was the end of the year and the bridge was open. ", 60)
	de := strings.Repeat("Die Brücke ist nicht offen und das ist auch gut so, sagt der Rat. ", 200)
	if utf8.RuneCountInString(en) < SampleRunes {
		t.Fatalf("the English part has %d runes, fewer than the sample", utf8.RuneCountInString(en))
	}
	if got := DetectLang(en + de).Iso6391(); got != "en" {
		t.Errorf("English then German: %q, want en", got)
	}
	if got := DetectLang(de + en).Iso6391(); got != "de" {
		t.Errorf("German then English: %q, want de", got)
	}
}

func TestIso6391OutOfRange(t *testing.T) {
	for _, l := range []Lang{-1, -7, numLangs, 1000} {
		if got := l.Iso6391(); got != "" {
			t.Errorf("Lang(%d).Iso6391() = %q, want \"\"", l, got)
		}
	}
	seen := map[string]Lang{}
	for l := range numLangs {
		code := l.Iso6391()
		if len(code) != 2 {
			t.Errorf("Lang(%d) has code %q", l, code)
		}
		if o, ok := seen[code]; ok {
			t.Errorf("Lang(%d) and Lang(%d) share code %q", o, l, code)
		}
		seen[code] = l
	}
}

// FuzzDetectLang checks that DetectLang never panics and returns -1 or a
// language with a code, and that what follows the sample never matters.
func FuzzDetectLang(f *testing.F) {
	for _, s := range []string{"The bridge is open.", "Die Brücke ist offen.", "Мост открыт.", "橋が開通した。", "", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := DetectLang(s)
		if l != -1 && l.Iso6391() == "" {
			t.Fatalf("DetectLang(%q) = %d, no language and not -1", s, l)
		}
		if utf8.RuneCountInString(s) >= SampleRunes {
			return
		}
		pad := strings.Repeat(" ", SampleRunes-utf8.RuneCountInString(s))
		if got := DetectLang(s + pad + "der die das und ist nicht"); got != l {
			t.Fatalf("DetectLang(%q) = %d, but %d with text after the sample", s, l, got)
		}
	})
}

func BenchmarkDetectLang(b *testing.B) {
	page := strings.Repeat("The council said on Tuesday that the new bridge would be open to traffic by the end of the year, "+
		"although the contractor had warned of delays. ", 60) // about 1,500 words
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		DetectLang(page)
	}
}
