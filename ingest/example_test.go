package ingest_test

import (
	"fmt"

	"tidings/ingest"
)

func ExampleParse() {
	data := []byte("Ferry crews end strike\n\nServices resumed on Tuesday.\n|||||\nFerries ran again on Tuesday after the strike ended.")
	arts, err := ingest.Parse("ferry.txt", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range arts {
		fmt.Printf("%s html=%v %q\n", a.ID, a.IsHTML, a.Raw[:20])
	}
	_, err = ingest.Parse("photo.jpg", []byte{0xff, 0xd8, 0})
	fmt.Println(err)
	// Output:
	// ferry.txt#1 html=false "Ferry crews end stri"
	// ferry.txt#2 html=false "\nFerries ran again o"
	// photo.jpg: ingest: binary data, not text or HTML
}
