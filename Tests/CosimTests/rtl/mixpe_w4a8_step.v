// MixPE W4A8 group step (combinational): psum_out = psum_in + sum of 4 shift-and-add
// products w_i * a_i, in an INT32 register that wraps (two's complement, modulo 2^32).
// Checked by `qarch cosim --design Designs/mixpe-w4a8.json` (operation `step`).
module mixpe_w4a8_step (
    input  wire [15:0] w,        // 4 x uint4 weight codes, lane i at [4i+3:4i]
    input  wire [31:0] a,        // 4 x int8 activations, lane i at [8i+7:8i]
    input  wire [31:0] psum_in,
    output wire [31:0] psum_out
);
    wire [31:0] p0, p1, p2, p3;
    mixpe_w4a8_lane l0 (.w(w[3:0]),   .a(a[7:0]),   .product(p0));
    mixpe_w4a8_lane l1 (.w(w[7:4]),   .a(a[15:8]),  .product(p1));
    mixpe_w4a8_lane l2 (.w(w[11:8]),  .a(a[23:16]), .product(p2));
    mixpe_w4a8_lane l3 (.w(w[15:12]), .a(a[31:24]), .product(p3));
    // 32-bit adds wrap modulo 2^32, which is the INT32 wrap of the accumulator.
    assign psum_out = psum_in + p0 + p1 + p2 + p3;
endmodule
