;; A float kernel: Mandelbrot set iteration counts over a size x size grid, in f64.
;; Returns the total number of iterations (at most 255 per point).
(module
  (func (export "mandelbrot") (param $size i32) (result i32)
    (local $px i32) (local $py i32) (local $iter i32) (local $total i32)
    (local $cr f64) (local $ci f64) (local $zr f64) (local $zi f64) (local $t f64) (local $scale f64)
    (local.set $scale (f64.div (f64.const 3.0) (f64.convert_i32_u (local.get $size))))
    (block $y_done
      (loop $y_loop
        (br_if $y_done (i32.ge_u (local.get $py) (local.get $size)))
        (local.set $ci (f64.sub (f64.mul (f64.convert_i32_u (local.get $py)) (local.get $scale)) (f64.const 1.5)))
        (local.set $px (i32.const 0))
        (block $x_done
          (loop $x_loop
            (br_if $x_done (i32.ge_u (local.get $px) (local.get $size)))
            (local.set $cr (f64.sub (f64.mul (f64.convert_i32_u (local.get $px)) (local.get $scale)) (f64.const 2.0)))
            (local.set $zr (f64.const 0))
            (local.set $zi (f64.const 0))
            (local.set $iter (i32.const 0))
            (block $escaped
              (loop $iterate
                (br_if $escaped (i32.ge_u (local.get $iter) (i32.const 255)))
                (br_if $escaped
                  (f64.gt (f64.add (f64.mul (local.get $zr) (local.get $zr)) (f64.mul (local.get $zi) (local.get $zi)))
                          (f64.const 4.0)))
                (local.set $t (f64.add (f64.sub (f64.mul (local.get $zr) (local.get $zr)) (f64.mul (local.get $zi) (local.get $zi)))
                                       (local.get $cr)))
                (local.set $zi (f64.add (f64.mul (f64.mul (f64.const 2.0) (local.get $zr)) (local.get $zi)) (local.get $ci)))
                (local.set $zr (local.get $t))
                (local.set $iter (i32.add (local.get $iter) (i32.const 1)))
                (br $iterate)))
            (local.set $total (i32.add (local.get $total) (local.get $iter)))
            (local.set $px (i32.add (local.get $px) (i32.const 1)))
            (br $x_loop)))
        (local.set $py (i32.add (local.get $py) (i32.const 1)))
        (br $y_loop)))
    (local.get $total)))
