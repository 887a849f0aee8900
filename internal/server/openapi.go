package server

import (
	_ "embed"
	"net/http"
)

// openAPI is the OpenAPI 3.1 description of every route of the Handler;
// TestOpenAPICoversRoutes keeps the two in step.
//
//go:embed openapi.json
var openAPI []byte

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}
