package httpapi_test

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"xiaotongfu/backend/platform/httpapi"
)

// Credentials a route needs, as /openapi.json states them.
const (
	authNone = iota
	authTerminal
	authSession
)

// fuzzRoute is one call as the published spec describes it: its name (the path after
// /api/v1/), the credentials it needs and the JSON type of each request field.
type fuzzRoute struct {
	name   string
	auth   int
	fields map[string]string
}

// specRoutes reads the routes from httpapi.OpenAPI, so a call added to the API is fuzzed
// without touching the tests.
func specRoutes(t testing.TB) map[string]fuzzRoute {
	t.Helper()
	b, err := json.Marshal(httpapi.OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Paths map[string]struct {
			Post struct {
				Security    []map[string]any `json:"security"`
				RequestBody struct {
					Content map[string]struct {
						Schema struct {
							Ref string `json:"$ref"`
						} `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			} `json:"post"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Type string `json:"type"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	out := map[string]fuzzRoute{}
	for path, p := range spec.Paths {
		r := fuzzRoute{name: strings.TrimPrefix(path, "/api/v1/"), fields: map[string]string{}}
		if len(p.Post.Security) > 0 {
			r.auth = authTerminal
			if _, ok := p.Post.Security[0]["sessionToken"]; ok {
				r.auth = authSession
			}
		}
		ref := p.Post.RequestBody.Content["application/json"].Schema.Ref
		for name, prop := range spec.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")].Properties {
			r.fields[name] = prop.Type
		}
		out[r.name] = r
	}
	return out
}

// routeNames lists the routes in a fixed order, so a fuzz input's route index is stable.
func routeNames(routes map[string]fuzzRoute) []string { return slices.Sorted(maps.Keys(routes)) }

// oddValues are JSON values that have broken parsers before, by the type a field expects:
// huge, negative, fractional and exponent numbers, numbers as strings, full-width digits,
// NUL and other invisible characters, SQL and markup, and very long text.
var oddValues = map[string][]string{
	"string": {`""`, `" "`, `"0"`, `"-1"`, `"1e9"`, `"0.001"`, `"99999999999999999999"`, `"１２．５０"`,
		`"١٢٣"`, `"\u0000"`, `"12\u0000"`, `"\u202e21"`, `"\u200b"`, `"' OR '1'='1"`, `"%_\\"`,
		`"<script>"`, `"` + strings.Repeat("9", 300) + `"`, `"` + strings.Repeat("名", 3000) + `"`, `12`, `null`},
	"integer": {`0`, `-1`, `1`, `1e9`, `1E2`, `0.001`, `1.5`, `-0`, `9223372036854775807`, `9223372036854775808`,
		`-9223372036854775808`, `18446744073709551615`, `18446744073709551616`, `1` + strings.Repeat("0", 400),
		`"12"`, `null`, `true`},
	"boolean": {`true`, `false`, `"true"`, `1`, `null`},
}

// oddBodies are whole bodies that are not what any call expects.
var oddBodies = []string{``, ` `, `{}`, `null`, `[]`, `"x"`, `{`, `{}{}`, `{} x`, `{"a":1}`, "\x00",
	"{\"\x00\":1}", `{"amount":1,"amount":2}`, strings.Repeat("[", 20000), `{"` + strings.Repeat("a", 70<<10) + `":1}`}

// seedBodies is base (may be nil) with each field of r set to each odd value of its type in
// turn, then base as it is; for a route without fields, oddBodies.
func seedBodies(r fuzzRoute, base map[string]any) [][]byte {
	var out [][]byte
	for _, name := range slices.Sorted(maps.Keys(r.fields)) {
		for _, v := range oddValues[r.fields[name]] {
			body := map[string]json.RawMessage{}
			for k, bv := range base {
				raw, _ := json.Marshal(bv)
				body[k] = raw
			}
			body[name] = json.RawMessage(v)
			raw, err := json.Marshal(body)
			if err != nil {
				panic(err) // the values above are valid JSON
			}
			out = append(out, raw)
		}
	}
	if base != nil {
		raw, _ := json.Marshal(base)
		out = append(out, raw)
	}
	if len(r.fields) == 0 {
		for _, b := range oddBodies {
			out = append(out, []byte(b))
		}
	}
	return out
}
