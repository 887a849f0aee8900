package distiller_test

import (
	"fmt"
	"strings"

	distiller "github.com/markusmobius/go-domdistiller"
	"golang.org/x/net/html"
)

func ExampleApply() {
	doc, _ := html.Parse(strings.NewReader("<p>A short story.</p>"))
	r, err := distiller.Apply(doc, &distiller.Options{SkipPagination: true})
	fmt.Println(r.Node == nil, err)
	// Output:
	// true <nil>
}
