;; A few exported functions to call from the command line, for example:
;;   bin/robusta run --invoke gcd examples/math.wat 1071 462      (prints 21)
;;   bin/robusta run --invoke factorial examples/math.wat 20      (prints 2432902008176640000)
(module
  ;; a + b, wrapping around at 2^32
  (func (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  ;; a * b, wrapping around at 2^64
  (func (export "mul") (param $a i64) (param $b i64) (result i64)
    (i64.mul (local.get $a) (local.get $b)))

  ;; The greatest common divisor of two unsigned numbers (Euclid's algorithm); gcd(a, 0) = a.
  (func (export "gcd") (param $a i32) (param $b i32) (result i32)
    (local $r i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $b)))
        (local.set $r (i32.rem_u (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $r))
        (br $next)))
    (local.get $a))

  ;; n! for n >= 0, wrapping around at 2^64 (exact up to 20!).
  (func (export "factorial") (param $n i64) (result i64)
    (local $product i64)
    (local.set $product (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i64.le_s (local.get $n) (i64.const 1)))
        (local.set $product (i64.mul (local.get $product) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $product))

  ;; The square root of x, as a double.
  (func (export "sqrt") (param $x f64) (result f64)
    (f64.sqrt (local.get $x)))

  ;; a / b, signed; traps with "integer divide by zero" when b = 0.
  (func (export "div") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b))))
