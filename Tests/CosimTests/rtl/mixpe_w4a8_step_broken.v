// BROKEN COPY of mixpe_w4a8_step.v for the tests: the overflow decision is flipped, the sum
// saturates at the INT32 limits instead of wrapping, so every vector whose sum leaves the
// INT32 range differs.
module mixpe_w4a8_step_broken (
    input  wire [15:0] w,
    input  wire [31:0] a,
    input  wire [31:0] psum_in,
    output wire [31:0] psum_out
);
    wire [31:0] p0, p1, p2, p3;
    mixpe_w4a8_lane l0 (.w(w[3:0]),   .a(a[7:0]),   .product(p0));
    mixpe_w4a8_lane l1 (.w(w[7:4]),   .a(a[15:8]),  .product(p1));
    mixpe_w4a8_lane l2 (.w(w[11:8]),  .a(a[23:16]), .product(p2));
    mixpe_w4a8_lane l3 (.w(w[15:12]), .a(a[31:24]), .product(p3));
    wire signed [34:0] wide = $signed({{3{psum_in[31]}}, psum_in}) + $signed({{3{p0[31]}}, p0}) + $signed({{3{p1[31]}}, p1})
                            + $signed({{3{p2[31]}}, p2}) + $signed({{3{p3[31]}}, p3});
    assign psum_out = wide > 35'sd2147483647 ? 32'h7fffffff : wide < -35'sd2147483648 ? 32'h80000000 : wide[31:0];
endmodule
