// MixPE W4A8 group step, lane-serial: one weight and one activation per cycle for 4 cycles
// (the port map's `sequence` protocol presents lane i on cycle i); psum_in is taken on the
// first cycle, marked by start. psum_out holds the wrapping INT32 sum after the 4th edge.
module mixpe_w4a8_serial (
    input  wire        clk,
    input  wire        start,
    input  wire [3:0]  w_lane,
    input  wire [7:0]  a_lane,
    input  wire [31:0] psum_in,
    output reg  [31:0] psum_out
);
    wire [31:0] product;
    mixpe_w4a8_lane mul (.w(w_lane), .a(a_lane), .product(product));
    always @(posedge clk) psum_out <= (start ? psum_in : psum_out) + product;
endmodule
