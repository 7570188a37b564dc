module github.com/cellscript/cellscript

go 1.26.8

require (
	github.com/chzyer/readline v1.5.1 // indirect
	go.starlark.net v0.0.0-20260908191801-89a6a09411d5 // indirect
	golang.org/x/sys v0.50.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)
