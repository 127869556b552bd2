// Package time: durations, the clock, sleeping, timers and tickers. Durations and calendar
// arithmetic are Go; the clock and the timers are the engine's (natives): a timer's channel is
// made here and handed to the engine, which sends the current Time on it when the timer fires.
// Times are in UTC: programs see no time zones.
package time

import "errors"

// A Duration represents the elapsed time between two instants as an int64 nanosecond count.
type Duration int64

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// String returns a string representing the duration in the form "72h3m0.5s". Leading zero units
// are omitted; durations under one second use ms, µs or ns. The zero duration is "0s".
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	var s string
	if u < uint64(Second) {
		switch {
		case u < uint64(Microsecond):
			s = utoa(u) + "ns"
		case u < uint64(Millisecond):
			s = fraction(u, 3) + "µs"
		default:
			s = fraction(u, 6) + "ms"
		}
	} else {
		s = fraction(u%uint64(Minute), 9) + "s"
		u /= uint64(Minute)
		if u > 0 {
			s = utoa(u%60) + "m" + s
			u /= 60
			if u > 0 {
				s = utoa(u) + "h" + s
			}
		}
	}
	if neg {
		return "-" + s
	}
	return s
}

// fraction formats v/10**prec with the trailing zeros of its fraction (and a lone dot) removed.
func fraction(v uint64, prec int) string {
	var frac [9]byte
	digits := 0
	for i := prec - 1; i >= 0; i-- {
		frac[i] = byte(v%10) + '0'
		v /= 10
		if frac[i] != '0' && digits == 0 {
			digits = i + 1
		}
	}
	if digits == 0 {
		return utoa(v)
	}
	return utoa(v) + "." + string(frac[:digits])
}

func utoa(v uint64) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte(v%10) + '0'
		v /= 10
	}
	return string(b[i:])
}

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns the duration as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns the duration as a floating point number of seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns the duration as a floating point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns the duration as a floating point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns the result of rounding d toward zero to a multiple of m.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round returns the result of rounding d to the nearest multiple of m (halfway values away from
// zero), saturating at the extremes.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs returns the absolute value of d (the maximum Duration for the minimum one).
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// A Time represents an instant with nanosecond precision: nanoseconds since January 1, 1970
// UTC, plus a monotonic clock reading for Times from Now (used by Sub, Since and Until).
type Time struct {
	wall int64 // nanoseconds since the Unix epoch
	mono int64 // monotonic clock reading in nanoseconds; 0 if none
}

// now returns the wall clock (Unix nanoseconds) and the monotonic clock (nanoseconds, > 0).
func now() (wall int64, mono int64)

// Now returns the current time.
func Now() Time {
	wall, mono := now()
	return Time{wall, mono}
}

// Unix returns the local Time corresponding to the given Unix time.
func Unix(sec int64, nsec int64) Time {
	return Time{sec*1e9 + nsec, 0}
}

// UnixMilli returns the Time corresponding to the given Unix time in milliseconds.
func UnixMilli(msec int64) Time {
	return Time{msec * 1e6, 0}
}

// Since returns the time elapsed since t.
func Since(t Time) Duration {
	return Now().Sub(t)
}

// Until returns the duration until t.
func Until(t Time) Duration {
	return t.Sub(Now())
}

// Sub returns the duration t-u.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	return Duration(t.wall - u.wall)
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	mono := t.mono
	if mono != 0 {
		mono += int64(d)
	}
	return Time{t.wall + int64(d), mono}
}

// After reports whether the time instant t is after u.
func (t Time) After(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono > u.mono
	}
	return t.wall > u.wall
}

// Before reports whether the time instant t is before u.
func (t Time) Before(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono < u.mono
	}
	return t.wall < u.wall
}

// Equal reports whether t and u represent the same time instant.
func (t Time) Equal(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono == u.mono
	}
	return t.wall == u.wall
}

// Compare compares the time instant t with u: -1, 0 or +1.
func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return 1
	}
	return 0
}

// IsZero reports whether t represents the zero time instant (here: the Unix epoch with no
// monotonic reading).
func (t Time) IsZero() bool {
	return t.wall == 0 && t.mono == 0
}

// Unix returns t as a Unix time, the number of seconds elapsed since January 1, 1970 UTC.
func (t Time) Unix() int64 {
	return floorDiv(t.wall, 1e9)
}

// UnixMilli returns t as a Unix time in milliseconds.
func (t Time) UnixMilli() int64 {
	return floorDiv(t.wall, 1e6)
}

// UnixMicro returns t as a Unix time in microseconds.
func (t Time) UnixMicro() int64 {
	return floorDiv(t.wall, 1e3)
}

// UnixNano returns t as a Unix time in nanoseconds.
func (t Time) UnixNano() int64 {
	return t.wall
}

// Round returns t stripped of its monotonic clock reading and rounded to a multiple of d since
// the epoch.
func (t Time) Round(d Duration) Time {
	return Time{int64(Duration(t.wall).Round(d)), 0}
}

// Truncate returns t stripped of its monotonic clock reading and rounded down to a multiple of
// d since the epoch.
func (t Time) Truncate(d Duration) Time {
	if d <= 0 {
		return Time{t.wall, 0}
	}
	return Time{t.wall - mod(t.wall, int64(d)), 0}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

func mod(a, b int64) int64 {
	r := a % b
	if r < 0 {
		r += b
	}
	return r
}

// A Month specifies a month of the year (January = 1, ...).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// String returns the English name of the month ("January", "February", ...).
func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + itoa(int64(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0, ...).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"}

// String returns the English name of the day ("Sunday", "Monday", ...).
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + itoa(int64(d)) + ")"
}

func itoa(v int64) string {
	if v < 0 {
		return "-" + utoa(uint64(-v))
	}
	return utoa(uint64(v))
}

// civil converts days since 1970-01-01 to a proleptic Gregorian date (the "days from civil"
// method: 400-year eras of 146097 days, years starting in March).
func civil(days int64) (year int, month Month, day int) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), Month(m), int(d)
}

// Date returns the year, month, and day in which t occurs.
func (t Time) Date() (year int, month Month, day int) {
	return civil(floorDiv(t.wall, int64(24*Hour)))
}

// Year returns the year in which t occurs.
func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

// Month returns the month of the year specified by t.
func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

// Day returns the day of the month specified by t.
func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

// Weekday returns the day of the week specified by t.
func (t Time) Weekday() Weekday {
	days := floorDiv(t.wall, int64(24*Hour))
	return Weekday(mod(days+4, 7))
}

// Clock returns the hour, minute, and second within the day specified by t.
func (t Time) Clock() (hour, min, sec int) {
	s := mod(floorDiv(t.wall, 1e9), 86400)
	return int(s / 3600), int(s % 3600 / 60), int(s % 60)
}

// Hour returns the hour within the day specified by t, in the range [0, 23].
func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

// Minute returns the minute offset within the hour specified by t, in the range [0, 59].
func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

// Second returns the second offset within the minute specified by t, in the range [0, 59].
func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// Nanosecond returns the nanosecond offset within the second specified by t.
func (t Time) Nanosecond() int {
	return int(mod(t.wall, 1e9))
}

// YearDay returns the day of the year specified by t, in the range [1,365] for non-leap years,
// and [1,366] in leap years.
func (t Time) YearDay() int {
	y, _, _ := t.Date()
	start := Date(y, January, 1, 0, 0, 0, 0, UTC)
	return int(floorDiv(t.wall-start.wall, int64(24*Hour))) + 1
}

// A Location maps time instants to the zone in use at that time: only UTC exists here.
type Location struct {
	name string
}

// UTC represents Universal Coordinated Time (UTC).
var UTC = &Location{"UTC"}

// Local is UTC: programs see no time zones.
var Local = UTC

// String returns the location's name.
func (l *Location) String() string {
	return l.name
}

// UTC returns t with the location set to UTC.
func (t Time) UTC() Time { return t }

// Local returns t with the location set to local time (UTC).
func (t Time) Local() Time { return t }

// Location returns the time zone information associated with t.
func (t Time) Location() *Location { return UTC }

// daysFromCivil is the inverse of civil.
func daysFromCivil(y int64, m int64, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := m + 9
	if m > 2 {
		mp = m - 3
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Date returns the Time corresponding to yyyy-mm-dd hh:mm:ss + nsec nanoseconds (values
// outside their usual ranges are normalized).
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int64(month) - 1
	y := int64(year) + floorDiv(m, 12)
	m = mod(m, 12) + 1
	days := daysFromCivil(y, m, 1) + int64(day) - 1
	ns := days*int64(24*Hour) + int64(hour)*int64(Hour) + int64(min)*int64(Minute) +
		int64(sec)*int64(Second) + int64(nsec)
	return Time{ns, 0}
}

func pad(v int, width int) string {
	s := itoa(int64(v))
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// String returns the time formatted as "2006-01-02 15:04:05.999999999 +0000 UTC" (with the
// monotonic clock reading "m=±<value>" appended for Times from Now, as Go does).
func (t Time) String() string {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	out := pad(y, 4) + "-" + pad(int(mo), 2) + "-" + pad(d, 2) + " " + pad(h, 2) + ":" + pad(mi, 2) +
		":" + pad(s, 2)
	if ns := t.Nanosecond(); ns != 0 {
		frac := pad(ns, 9)
		for frac[len(frac)-1] == '0' {
			frac = frac[:len(frac)-1]
		}
		out += "." + frac
	}
	out += " +0000 UTC"
	if t.mono != 0 {
		sign := "+"
		m := t.mono
		if m < 0 {
			sign = "-"
			m = -m
		}
		out += " m=" + sign + itoa(m/1e9) + "." + pad(int(m%1e9), 9)
	}
	return out
}

// Sleep pauses the current goroutine for at least the duration d. A negative or zero duration
// causes Sleep to return immediately.
func Sleep(d Duration)

// The Timer type represents a single event. When the Timer expires, the current time will be
// sent on C, unless the Timer was created by AfterFunc.
type Timer struct {
	C      <-chan Time
	handle __handle
}

// start arms the engine timer: after d (then every period, if period > 0) it sends the time on
// c, or, when f is not nil, runs f in its own goroutine instead.
func (t *Timer) start(d Duration, c chan Time, f func())

// stop disarms the timer; true if it was still pending.
func (t *Timer) stop() bool

// reset rearms the timer for d; true if it was still pending.
func (t *Timer) reset(d Duration) bool

// NewTimer creates a new Timer that will send the current time on its channel after at least
// duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c}
	t.start(d, c, nil)
	return t
}

// Stop prevents the Timer from firing. It returns true if the call stops the timer, false if
// the timer has already expired or been stopped.
func (t *Timer) Stop() bool {
	if t.handle == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return t.stop()
}

// Reset changes the timer to expire after duration d. It returns true if the timer had been
// active, false if the timer had expired or been stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.handle == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return t.reset(d)
}

// After waits for the duration to elapse and then sends the current time on the returned
// channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine. It returns
// a Timer that can be used to cancel the call using its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{}
	t.start(d, nil, f)
	return t
}

// A Ticker holds a channel that delivers “ticks” of a clock at intervals.
type Ticker struct {
	C      <-chan Time
	handle __handle
}

func (t *Ticker) start(d Duration, c chan Time)
func (t *Ticker) stop()
func (t *Ticker) reset(d Duration)

// NewTicker returns a new Ticker containing a channel that will send the current time on the
// channel after each tick. The period of the ticks is specified by the duration argument. It
// panics if d <= 0.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c}
	t.start(d, c)
	return t
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
func (t *Ticker) Stop() {
	if t.handle == nil {
		return
	}
	t.stop()
}

// Reset stops a ticker and resets its period to the specified duration.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.handle == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	t.reset(d)
}

// Tick is a convenience wrapper for NewTicker providing access to the ticking channel only.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

// ParseDuration parses a duration string such as "300ms", "-1.5h" or "2h45m".
func ParseDuration(s string) (Duration, error) {
	orig := s
	var d uint64
	neg := false
	if s != "" {
		c := s[0]
		if c == '-' || c == '+' {
			neg = c == '-'
			s = s[1:]
		}
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	for s != "" {
		var v, f uint64
		scale := 1.0
		var ok bool
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		pl := len(s)
		v, s, ok = leadingInt(s)
		if !ok {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		pre := pl != len(s)
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			pl := len(s)
			f, scale, s = leadingFraction(s)
			post = pl != len(s)
		}
		if !pre && !post {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c == '.' || '0' <= c && c <= '9' {
				break
			}
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		u := s[:i]
		s = s[i:]
		var unit uint64
		switch u {
		case "ns":
			unit = uint64(Nanosecond)
		case "us", "µs", "μs":
			unit = uint64(Microsecond)
		case "ms":
			unit = uint64(Millisecond)
		case "s":
			unit = uint64(Second)
		case "m":
			unit = uint64(Minute)
		case "h":
			unit = uint64(Hour)
		default:
			return 0, errors.New("time: unknown unit " + quote(u) + " in duration " + quote(orig))
		}
		if v > 1<<63/unit {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		v *= unit
		if f > 0 {
			v += uint64(float64(f) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, errors.New("time: invalid duration " + quote(orig))
			}
		}
		d += v
		if d > 1<<63 {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	return Duration(d), nil
}

func quote(s string) string {
	return "\"" + s + "\""
}

func leadingInt(s string) (x uint64, rem string, ok bool) {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if x > 1<<63/10 {
			return 0, rem, false
		}
		x = x*10 + uint64(c) - '0'
		if x > 1<<63 {
			return 0, rem, false
		}
	}
	return x, s[i:], true
}

func leadingFraction(s string) (x uint64, scale float64, rem string) {
	i := 0
	scale = 1
	overflow := false
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if overflow {
			continue
		}
		if x > (1<<63-1)/10 {
			overflow = true
			continue
		}
		y := x*10 + uint64(c) - '0'
		if y > 1<<63 {
			overflow = true
			continue
		}
		x = y
		scale *= 10
	}
	return x, scale, s[i:]
}
