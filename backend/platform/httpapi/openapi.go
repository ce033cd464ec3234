package httpapi

import (
	"reflect"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
)

// OpenAPI returns the OpenAPI 3.1 description of the API, built from the route table and
// the Go types of the requests and answers, so it cannot drift from the code.
func OpenAPI() map[string]any {
	g := &schemaGen{defs: map[string]any{}}
	errRef := g.schema(reflect.TypeFor[domain.Error]())
	errResp := map[string]any{"description": "错误：code 供界面翻译，message 为中文说明，field 指出表单字段",
		"content": map[string]any{"application/json": map[string]any{"schema": errRef}}}
	paths := map[string]any{}
	for _, r := range routes {
		op := map[string]any{
			"operationId": strings.NewReplacer("/", "_", "-", "_").Replace(r.Name),
			"summary":     r.Summary,
			"requestBody": map[string]any{"required": true, "content": map[string]any{
				"application/json": map[string]any{"schema": g.schema(r.Req)}}},
			"responses": map[string]any{
				"200": map[string]any{"description": "成功", "content": map[string]any{
					"application/json": map[string]any{"schema": g.schema(r.Resp)}}},
				"default": errResp,
			},
		}
		switch r.Auth {
		case authNone:
			op["security"] = []any{}
		case authTerminal:
			op["security"] = []any{map[string]any{"terminalToken": []string{}}}
		case authSession:
			op["security"] = []any{map[string]any{"terminalToken": []string{}, "sessionToken": []string{}}}
		}
		paths[apiPrefix+r.Name] = map[string]any{"post": op}
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "小通付平台 API (xtfd)", "version": "1",
			"description": "JSON over HTTP implementation of platform.API. Amounts are int64 fen."},
		"paths": paths,
		"components": map[string]any{
			"schemas": g.defs,
			"securitySchemes": map[string]any{
				"terminalToken": map[string]any{"type": "apiKey", "in": "header", "name": HeaderTerminal,
					"description": "初始化时发放的终端令牌"},
				"sessionToken": map[string]any{"type": "http", "scheme": "bearer", "description": "登录后发放的会话令牌"},
			},
		},
	}
}

// schemaGen turns Go types into JSON Schemas, collecting named structs under components.
type schemaGen struct {
	defs map[string]any
}

var timeType = reflect.TypeFor[time.Time]()

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	if t.Kind() == reflect.Pointer {
		return g.schema(t.Elem())
	}
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t.Kind() == reflect.Struct:
		name := schemaName(t)
		if _, seen := g.defs[name]; !seen {
			g.defs[name] = map[string]any{} // placeholder against recursion
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	case t.Kind() == reflect.Slice:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case t.Kind() == reflect.Map:
		return map[string]any{"type": "object"}
	case t.Kind() == reflect.String:
		return map[string]any{"type": "string"}
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return map[string]any{"type": "integer", "format": "int64"}
	}
	return map[string]any{}
}

// object describes a struct's JSON fields; fields without omitempty are required.
func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = g.schema(f.Type)
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
		}
	}
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// schemaName names a struct schema after its package and type: platform.Trade → PlatformTrade.
func schemaName(t reflect.Type) string {
	pkg := t.PkgPath()
	pkg = pkg[strings.LastIndex(pkg, "/")+1:]
	name := t.Name()
	if pkg == "httpapi" {
		return strings.ToUpper(name[:1]) + name[1:]
	}
	return strings.ToUpper(pkg[:1]) + pkg[1:] + name
}
