package segment

// IsStopWord reports whether the lower-cased word w is an English function
// word that carries no topic: articles, pronouns, auxiliaries, prepositions,
// conjunctions and reporting verbs common to every news story.
func IsStopWord(w string) bool { return stopWords()[w] }

// stopWords is our own list, built from the function words of English
// grammar plus the reporting verbs of news copy ("said", "told").
var stopWords = lazySet(
	"a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than",
	"because", "as", "while", "although", "though", "whether", "of", "in", "on", "at",
	"to", "for", "from", "by", "with", "without", "about", "into", "onto", "over",
	"under", "after", "before", "between", "through", "during", "against", "among",
	"up", "down", "out", "off", "around", "across", "along", "within", "upon", "via",
	"per", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours",
	"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their",
	"theirs", "this", "that", "these", "those", "who", "whom", "whose", "which", "what",
	"where", "when", "why", "how", "is", "am", "are", "was", "were", "be", "been",
	"being", "have", "has", "had", "having", "do", "does", "did", "doing", "done",
	"will", "would", "shall", "should", "can", "could", "may", "might", "must",
	"not", "no", "yes", "all", "any", "both", "each", "every", "few", "more", "most",
	"other", "some", "such", "only", "own", "same", "too", "very", "just", "also",
	"there", "here", "now", "again", "once", "ever", "even", "still", "already",
	"said", "says", "say", "saying", "told", "tell", "according", "mr", "mrs", "ms",
	"it's", "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't",
	"won't", "can't", "couldn't", "wouldn't", "shouldn't", "hasn't", "haven't",
	"hadn't", "i'm", "i've", "we're", "they're", "you're", "he's", "she's", "that's",
	"there's", "let's", "would've",
)
