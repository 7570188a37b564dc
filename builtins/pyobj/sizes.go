package pyobj

import "go.starlark.net/starlark"

// MaxCollectionLen is the largest length of an argument that list(),
// tuple(), dict(), set(), sorted(), reversed(), enumerate() and zip()
// accept.
// go.starlark.net allocates the whole result before it reads an
// argument of known length, such as range(1 << 40), and a slice too
// large to allocate is a fatal Go error that no recover can catch. The
// default, 1 << 26 elements, is 1 GiB of Starlark values; a host may
// change it before running scripts.
//
// NOTE: repetition with * ([0] * n, "ab" * n) is go.starlark.net's own
// operator and is bounded only by its cap of 1 << 30 elements, so
// [0] * (1 << 29) still allocates 8 GiB.
var MaxCollectionLen = 1 << 26

// CheckCollectionLen returns a MemoryError when an element of args has
// a known length above MaxCollectionLen. call names the Python function
// for the message.
func CheckCollectionLen(call string, args starlark.Tuple) error {
	for _, a := range args {
		if n := starlark.Len(a); n > MaxCollectionLen {
			return NewError(MemoryError, "%s(): the argument has %d elements, more than the %d that a %s may have (pyobj.MaxCollectionLen); iterate over it with a for loop instead", call, n, MaxCollectionLen, resultKind(call))
		}
	}
	return nil
}

func resultKind(call string) string {
	switch call {
	case "tuple", "dict":
		return call
	}
	return "list"
}

// allocating lists the go.starlark.net universe built-ins that allocate
// their whole result from the length of their argument.
var allocating = map[string]bool{
	"list": true, "tuple": true, "dict": true, "set": true,
	"sorted": true, "reversed": true, "enumerate": true, "zip": true,
}

// SizeGuarded returns the go.starlark.net universe built-in name, with
// CheckCollectionLen applied to its positional arguments when it is one
// that allocates its result up front (list, tuple, dict, set, sorted,
// reversed, enumerate, zip). Other built-ins are returned as they are.
func SizeGuarded(name string) *starlark.Builtin {
	fn := starlark.Universe[name].(*starlark.Builtin)
	if !allocating[name] {
		return fn
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := CheckCollectionLen(name, args); err != nil {
			return nil, err
		}
		return fn.CallInternal(thread, args, kwargs)
	})
}
