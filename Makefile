.PHONY: check test bench speed fuzz brief eval

# check runs everything CI runs.
check:
	./.ci/run

test:
	go test -race ./...

bench:
	go test -run '^$$' -bench . -benchmem -cpu 1 ./...

# speed runs the speed rows of the README's results table that need no
# PostgreSQL: the brief, page cleaning, start-up and the ROUGE table (the
# firehose: see the table's command).
speed:
	go test -run '^$$' -bench 'Brief$$' -benchmem -cpu 1 -benchtime 300x -count 5 .
	go test -run '^$$' -bench Clean -benchmem -benchtime 300x -cpu 1 -count 5 ./clean
	go test -run '^$$' -bench 'Command/(help|rouge-table)' ./cmd/tidings
	cd internal/peers && go test -run '^$$' -bench Ratio -benchtime 10x -cpu 1 -count 3 .

fuzz:
	go test -run '^$$' -fuzz FuzzSegment -fuzztime 30s ./segment
	go test -run '^$$' -fuzz FuzzClean -fuzztime 30s ./clean
	go test -run '^$$' -fuzz FuzzPile -fuzztime 30s ./clean
	go test -run '^$$' -fuzz FuzzCitation -fuzztime 30s .
	go test -run '^$$' -fuzz FuzzMethods -fuzztime 30s ./summarize
	go test -run '^$$' -fuzz FuzzROUGE -fuzztime 30s ./eval
	go test -run '^$$' -fuzz FuzzFold -fuzztime 30s ./dedupe
	go test -run '^$$' -fuzz FuzzEnrich -fuzztime 30s ./enrich
	go test -run '^$$' -fuzz FuzzWordSpans -fuzztime 30s ./enrich
	go test -run '^$$' -fuzz FuzzPostArticle -fuzztime 30s ./internal/server
	go test -run '^$$' -fuzz FuzzLocalPath -fuzztime 30s ./internal/server
	go test -run '^$$' -fuzz FuzzMDEscape -fuzztime 30s ./render
	go test -run '^$$' -fuzz FuzzLine -fuzztime 30s ./internal/bench
	go test -run '^$$' -fuzz FuzzStoreText -fuzztime 30s ./store

brief:
	go run ./cmd/tidings brief examples/bridge

eval:
	go run ./cmd/tidings eval --data ../shared/data/tac2009.jsonl
	go run ./cmd/tidings eval --data ../shared/data/multinews-dev.jsonl
