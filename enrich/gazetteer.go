package enrich

import "strings"

// places are the countries, regions and large cities that need no
// context to be known as places. Written for this package from general
// knowledge; lower-cased.
var places = setOf(strings.Split(`afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|chad|chile|china|colombia|congo|costa rica|croatia|cuba|cyprus|czech republic|denmark|djibouti|dominican republic|ecuador|egypt|el salvador|eritrea|estonia|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|south korea|korea|norway|oman|pakistan|palestine|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|saudi arabia|senegal|serbia|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|united kingdom|britain|great britain|england|scotland|wales|northern ireland|united states|america|uruguay|uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|u.s.|us|usa|uk|europe|asia|africa|antarctica|the middle east|middle east|latin america|south america|north america|central america|the balkans|balkans|caribbean|gaza|west bank|the west bank|crimea|tibet|kashmir|chechnya|darfur|hong kong|macau|puerto rico|greenland|siberia|scandinavia|london|paris|berlin|madrid|rome|moscow|beijing|shanghai|tokyo|seoul|delhi|new delhi|mumbai|karachi|islamabad|kabul|tehran|baghdad|damascus|beirut|jerusalem|tel aviv|cairo|istanbul|ankara|athens|vienna|geneva|zurich|brussels|amsterdam|the hague|stockholm|oslo|copenhagen|helsinki|warsaw|prague|budapest|bucharest|kiev|kyiv|minsk|lisbon|dublin|edinburgh|manchester|sydney|melbourne|toronto|montreal|vancouver|ottawa|washington|new york|los angeles|chicago|houston|boston|san francisco|miami|atlanta|seattle|dallas|philadelphia|detroit|new orleans|mexico city|havana|bogota|lima|caracas|santiago|buenos aires|rio de janeiro|sao paulo|brasilia|nairobi|lagos|johannesburg|cape town|addis ababa|khartoum|tripoli|tunis|algiers|riyadh|dubai|doha|bangkok|hanoi|manila|jakarta|singapore|kuala lumpur|taipei|pyongyang|hong kong|california|texas|florida|new jersey|ohio|michigan|illinois|pennsylvania|virginia|massachusetts|arizona|colorado|oregon|alaska|hawaii|louisiana|kentucky|tennessee|alabama|mississippi|missouri|iowa|kansas|nebraska|nevada|utah|idaho|montana|wyoming|maine|vermont|connecticut|maryland|delaware|oklahoma|arkansas|wisconsin|minnesota|indiana|carolina|north carolina|south carolina|dakota`, "|")...)

// geoWords mark a name as a place when it holds one: features, buildings
// and areas.
var geoWords = setOf("river", "bridge", "street", "square", "airport", "island", "islands", "mountains",
	"mountain", "lake", "sea", "ocean", "valley", "road", "palace", "palais", "estuary", "bay",
	"harbour", "harbor", "county", "province", "state", "city", "port", "avenue", "park", "gulf",
	"strait", "desert", "coast", "peninsula", "region", "district", "station", "stadium",
	"hills", "hill", "airfield", "canal", "border", "plain", "plains", "forest", "strip", "heights",
	"plateau", "delta")

// directions before a place name make a place of the whole name.
var directions = setOf("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "greater", "upper", "lower", "saharan", "sub-saharan", "northeast", "northwest",
	"southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern")

// orgWords mark a name as an organisation when it holds one.
var orgWords = setOf("air", "union", "company", "ministry", "party", "council", "nations", "bank", "agency",
	"corporation", "corp", "inc", "ltd", "group", "association", "university", "court", "committee",
	"commission", "department", "office", "authority", "police", "army", "navy", "institute",
	"foundation", "news", "times", "post", "press", "reuters", "wire", "herald", "daily", "gazette",
	"radio", "tv", "echo", "journal", "tribune", "guardian", "telegraph", "network", "parliament",
	"congress", "senate", "assembly", "government", "cabinet", "federation", "league", "club",
	"school", "college", "hospital", "church", "airlines", "airways", "motors", "systems", "services",
	"board", "organisation", "organization", "alliance", "front", "movement", "forces", "fund",
	"service", "centre", "center", "society", "trust", "bureau", "fc", "laboratory", "administration",
	"academy", "panel", "institutes", "centers", "centres", "program", "programme", "brotherhood",
	"coalition", "brigade", "brigades", "militia")

// titles before a name mark it as a person's; they are not part of it.
var titles = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president",
	"minister", "secretary", "senator", "sen", "rep", "governor", "gov", "mayor", "general", "gen",
	"chancellor", "king", "queen", "prince", "princess", "pope", "judge", "chief", "envoy",
	"ambassador", "premier", "colonel", "col", "captain", "capt", "lieutenant", "sergeant", "professor",
	"prof", "rev", "father", "sheikh", "vice", "prime", "foreign", "defence", "defense", "interior",
	"finance", "deputy", "justice", "commissioner", "inspector", "director", "chairman", "chairwoman",
	"spokesman", "spokeswoman", "coach", "officer", "engineer", "leader", "counterpart", "lawyer",
	"attorney", "detective", "superintendent", "economist", "analyst", "bishop", "archbishop", "sheriff",
	"representative", "congressman", "congresswoman", "councilman", "councilwoman", "councillor", "lt", "sgt",
	"trooper", "pastor", "rabbi", "imam", "constable", "marshal", "admiral", "spokesperson", "commander",
	"principal", "supt", "meteorologist", "speaker", "administrator", "executive", "ceo", "manager",
	"founder", "correspondent", "reporter", "editor", "researcher", "scientist", "physician", "curator",
	"coordinator", "chairperson", "chair", "host", "anchor")

// firstNames are common given names: a name that starts with one is a
// person's.
var firstNames = setOf(strings.Split(`john|james|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|timothy|ronald|edward|jason|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan|stephen|larry|justin|scott|brandon|benjamin|samuel|gregory|alexander|frank|patrick|raymond|jack|dennis|jerry|tyler|aaron|jose|adam|nathan|henry|douglas|zachary|peter|kyle|ethan|walter|noah|jeremy|christian|keith|roger|terry|gerald|harold|sean|austin|carl|arthur|lawrence|dylan|jesse|jordan|bryan|billy|joe|bruce|gabriel|logan|albert|willie|alan|juan|wayne|elijah|randy|roy|vincent|ralph|eugene|russell|bobby|mason|philip|louis|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|lisa|nancy|betty|margaret|sandra|ashley|kimberly|emily|donna|michelle|carol|amanda|dorothy|melissa|deborah|stephanie|rebecca|sharon|laura|cynthia|kathleen|amy|angela|shirley|anna|anne|ann|brenda|pamela|emma|nicole|helen|samantha|katherine|christine|debra|rachel|carolyn|janet|catherine|maria|heather|diane|ruth|julie|olivia|joyce|virginia|victoria|kelly|lauren|christina|joan|evelyn|judith|megan|andrea|cheryl|hannah|jacqueline|martha|gloria|teresa|ann|sara|madison|frances|kathryn|janice|jean|abigail|alice|judy|sophia|grace|denise|amber|doris|marilyn|danielle|beverly|isabella|theresa|diana|natalie|brittany|charlotte|marie|kayla|alexis|lori|vladimir|sergei|viktor|victor|ivan|dmitry|igor|boris|hans|klaus|angela|francois|jean|pierre|jacques|marie|luis|carlos|miguel|antonio|manuel|ahmed|mohammed|muhammad|ali|hassan|hussein|omar|abdul|yusuf|ibrahim|mustafa|xi|li|wang|zhang|kim|park|lee|hiroshi|yuki|raj|rahul|priya|amit|sanjay|emmanuel|kofi|nelson|tomas|lena|sam|petra|maria|ruth|nina|elena|olga|sofia|lars|erik|sven|ingrid|astrid|nils|karl|fritz|otto|marco|giuseppe|luca|paolo|jorge|pablo|diego|fernando|ricardo|rosa|ana|isabel|carmen|boris|yasmin|fatima|aisha|leila|omar|tariq|benjamin|barack|hillary|joe|kamala|vladimir|recep|emmanuel|olaf|rishi|keir|justin|narendra|shinzo|fumio|moon|yoon|jair|javier|pedro|andres|nicolas|gustavo|cyril|william|harry|charles|camilla|kate|meghan`, "|")...)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nonNames are capitalized words that name no person, organisation or
// place: nationalities and peoples, political groups, the net, aircraft
// makers' products aside. A name of one such word is left out.
var nonNames = setOf(strings.Split(`american|americans|british|briton|britons|english|french|german|germans|italian|italians|spanish|russian|russians|chinese|japanese|korean|koreans|indian|indians|pakistani|pakistanis|afghan|afghans|iranian|iranians|iraqi|iraqis|israeli|israelis|palestinian|palestinians|arab|arabs|jewish|jews|muslim|muslims|christian|christians|catholic|catholics|protestant|protestants|hindu|hindus|buddhist|buddhists|sunni|shiite|shia|kurdish|kurds|turkish|turks|syrian|syrians|egyptian|egyptians|saudi|saudis|african|africans|european|europeans|asian|asians|western|eastern|northern|southern|canadian|canadians|mexican|mexicans|brazilian|brazilians|australian|australians|dutch|swedish|norwegian|norwegians|danish|finnish|polish|ukrainian|ukrainians|greek|greeks|irish|scottish|welsh|swiss|austrian|belgian|cuban|cubans|venezuelan|venezuelans|colombian|colombians|nigerian|nigerians|kenyan|kenyans|somali|somalis|ethiopian|ethiopians|sudanese|libyan|libyans|vietnamese|thai|filipino|filipinos|indonesian|indonesians|malaysian|chechen|chechens|serb|serbs|serbian|croat|croats|bosnian|bosnians|albanian|albanians|latino|latinos|hispanic|hispanics|republican|republicans|democrat|democrats|democratic|conservative|conservatives|liberal|liberals|labour|socialist|socialists|communist|communists|tanzanian|tanzanians|quebecer|quebecers|internet|web|online`, "|")...)
