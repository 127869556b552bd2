package main

func f[T any](n int, v T) any {
	if n == 0 {
		return v
	}
	return f(n-1, []T{v})
}

func main() {
	println(f(3, 1) != nil)
}
