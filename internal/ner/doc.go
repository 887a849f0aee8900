// Package ner is a named-entity tagger for English news: an averaged
// perceptron that labels each token of a sentence with BIO tags over
// person, organisation, place and other names (PER, ORG, LOC, MISC, the
// CoNLL-2003 types), trained and decoded over the whole sentence
// (Viterbi, first order: the features of a token pair it with the label
// before; an I- tag only continues a name of its type).
//
// Features are the usual ones of such taggers: the word and its
// neighbours (lower-cased), word shape, prefixes and suffixes,
// capitalisation pattern, whether the word is written in lower case
// elsewhere in the document (or among the training data's most common
// lower-case words), gazetteer matches, and, for a capitalized word, the
// kind (a type of name, or O) the document's earlier sentences were
// labelled with most at that word (its history: training reads the
// perceptron's own labels, each document's sentences in order). The gazetteer lists
// are given at training time and stored in the model, so that training
// and tagging see the same lists.
//
// [Train] learns a [Model] from labelled sentences ([ReadCoNLL] reads the
// CoNLL-2003 files); [Model.WriteTo] stores it gzip-compressed, with rare
// features pruned and weights quantised to 16 bits; [Read] loads it.
// [Tokenize] splits text into tokens the way the CoNLL files are
// tokenized, keeping byte offsets; [Model.Tag] labels a sentence's tokens
// and [Names] reads the labels as spans. Tag reads the weights from a
// hash table built at load time, one memory slot per feature, behind a
// bit filter of 64 kB that tells most features the model lacks (most
// word pairs) without reading the table's 3 MB, finds the
// features pairing a word with every label before in one look-up, sums
// the quantised weights as integers (so its labels are those of a
// float64 lattice, exactly) and reuses its buffers from call to call.
// The model stores its vocabulary (the word forms seen twice or more in
// training, as written) and, when it is loaded, sums for each of them the
// weights of the features that read only that word (itself, or as a
// neighbour) and the weights of its features pairing it with the label
// before (16 bits each, added to those of the label before alone as the
// Viterbi step reads them); a word of it is then one look-up, and only
// other words are scored token by token. A [Tagger] (from
// [Model.NewTagger]) tags the sentences of one text, with their history,
// and remembers those sums for the other words it has seen, all of them
// found in a small index of its own (open addressing, a word of seven
// bytes or fewer matched in the slot itself), the vocabulary's read once
// per word; the features of several words and the small tables of flags
// and gazetteer marks are then a few look-ups per token. The word sums
// and rows are kept small (224 and 156 bytes), as reading them from
// memory the first time a text has a word is much of a Tagger's time. The
// Viterbi step passes over the labels before that cannot lead to a
// label's best (their best score at the token below what the best label
// before gives every label at least), exactly.
// Deterministic: the same data and
// options give the same model byte for byte.
//
// The model enrich embeds (enrich/data/ner.model.gz) is made, from the
// repository root, by
//
//	go run ./cmd/tidings train-ner --data ../shared/data/enrich-dev --out enrich/data/ner.model.gz
//
// (8 passes over eng.train, features seen twice or more, averaged weights
// of 0.01 or more, the word forms seen twice or more as the vocabulary;
// the gazetteer is enrich/data/places.txt, firstnames.txt and
// nonnames.txt). It prints the model's size and its span F1 on eng.testa
// (0.9231 for the committed model, each document tagged by a Tagger).
package ner
