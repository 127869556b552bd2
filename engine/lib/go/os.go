// Package os: the process's standard streams, arguments and exit. Programs are sandboxed: there
// is no file system access.
package os

// File is an open file descriptor: only the standard streams exist.
type File struct {
	fd   int
	name string
}

// Write writes len(b) bytes to the file (native: the engine's output streams).
func (f *File) Write(b []byte) (n int, err error)

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Name returns the name of the file.
func (f *File) Name() string {
	return f.name
}

// Fd returns the file descriptor number.
func (f *File) Fd() uintptr {
	return uintptr(f.fd)
}

// Close does nothing: the standard streams stay open.
func (f *File) Close() error {
	return nil
}

var (
	Stdin  = &File{0, "/dev/stdin"}
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

// Args holds the command-line arguments, starting with the program name.
var Args []string = runtimeArgs()

func runtimeArgs() []string

// Exit causes the current program to exit with the given status code; deferred functions are
// not run.
func Exit(code int)

// Getenv returns "": sandboxed programs have no environment.
func Getenv(key string) string {
	return ""
}

// LookupEnv reports that no variable is set.
func LookupEnv(key string) (string, bool) {
	return "", false
}

// Getpid returns a fixed process id.
func Getpid() int {
	return 1
}
