package ingest_test

import (
	"fmt"

	"tidings/ingest"
)

func ExampleParse() {
	data := []byte(`{"id": "ferry-1", "title": "Ferry crews end strike", "text": "Services resumed on Tuesday.", "published": "2026-03-03"}
{"id": "ferry-2", "text": "Ferries ran again on Tuesday after the strike ended."}
`)
	arts, err := ingest.Parse("ferry.jsonl", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range arts {
		fmt.Printf("%s %q %s %q\n", a.ID, a.Title, a.Date.Format("2006-01-02"), a.Raw[:20])
	}
	_, err = ingest.Parse("photo.jpg", []byte{0xff, 0xd8, 0})
	fmt.Println(err)
	// Output:
	// ferry-1 "Ferry crews end strike" 2026-03-03 "Services resumed on "
	// ferry-2 "" 0001-01-01 "Ferries ran again on"
	// photo.jpg: ingest: binary data, not text or HTML
}
