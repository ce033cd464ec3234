// Command xtfd is the 小通付 platform server: it serves platform.API as JSON over HTTP
// (see /openapi.json) on SQLite or PostgreSQL, charging through Allinpay or the built-in
// simulator. Operator subcommands register merchants, stores and announcements.
//
//	xtfd [serve] -listen 127.0.0.1:8080 -db xtfd.db -gateway sim -sms console -sms-log sms.log
//	xtfd merchant add -db xtfd.db -no 888888888888888 -name 某某商户 -phone 13800138000
//	xtfd store add -db xtfd.db -merchant 888888888888888 -name 一号店
//	xtfd notice add -db xtfd.db [-merchant 888888888888888] -title 标题 -body 正文
//	xtfd terminal revoke -db xtfd.db -merchant 888888888888888 -term 00000001
//	xtfd demo -db xtfd.db        (seeds the demo merchant, idempotent)
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// commands are the operator commands, by noun and verb.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"merchant add": merchantAdd, "merchant import": merchantImport, "store add": storeAdd, "notice add": noticeAdd, "terminal revoke": terminalRevoke,
}

// run dispatches a command line and returns the exit code: 0 ok, 1 failure, 2 usage.
func run(args []string, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(args, stderr)
	case "demo":
		return demoSeed(args, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	if len(args) > 0 {
		if fn, ok := commands[cmd+" "+args[0]]; ok {
			return fn(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "xtfd: unknown command %q\n\n%s", cmd, usage)
	return 2
}

const usage = `usage:
  xtfd [serve] [flags]            run the platform server (xtfd serve -h for flags)
  xtfd merchant add [flags]       register a merchant (-no, -name, -phone, -cusid, -appid, -limit)
  xtfd merchant import -file F    register the merchants of a CSV file (no,name,phone,store[,cusid,appid,limit]), one store each
  xtfd store add [flags]          add a store (-merchant, -name, -address)
  xtfd notice add [flags]         publish an announcement (-title, -body or -body-file, -merchant)
  xtfd terminal revoke [flags]    stop a terminal for good (-merchant, -term); it must be initialised again
  xtfd demo [flags]               create the demo merchant, stores, admin 01 and notice
Every command takes -db (a SQLite file, or a postgres:// DSN).
`
