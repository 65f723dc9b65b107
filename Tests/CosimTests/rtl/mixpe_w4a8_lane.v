// One MixPE W4A8 product: a uint4 weight times an int8 activation as the sum of the
// activation shifted by each set weight bit (shift-and-add, no multiplier), sign-extended
// to 32 bits. Used by the MixPE step modules.
module mixpe_w4a8_lane (
    input  wire [3:0]  w,
    input  wire [7:0]  a,
    output wire [31:0] product
);
    wire signed [31:0] x = {{24{a[7]}}, a};
    assign product = (w[0] ? x : 32'sd0) + (w[1] ? (x <<< 1) : 32'sd0)
                   + (w[2] ? (x <<< 2) : 32'sd0) + (w[3] ? (x <<< 3) : 32'sd0);
endmodule
