// BROKEN COPY of mxfp4_block_dot.v for the tests: one rounding decision flipped, a tie in the
// subnormal range rounds away from zero instead of to even.
// MXFP4 block dot (combinational): one 32-element block pair, y = RN_fp32(2^(sa-127) *
// 2^(sb-127) * sum_i a_i * b_i), the sum exact. Checked by `qarch cosim --design
// Designs/mxfp4-dot.json` (operation `block`).
//
// Elements are E2M1 (magnitudes in units of 1/2: 0, 1, 2, 3, 4, 6, 8, 12), so the sum in
// units of 1/4 is an integer S with |S| <= 32 * 144 = 4608 and y = S * 2^(sa + sb - 256).
// The only rounding is into the FP32 subnormal range (round to nearest, ties to even);
// above it the result is exact or overflows to infinity. A scale code 0xFF (NaN) gives the
// quiet NaN 0x7fc00000; S = 0 gives +0.
module mxfp4_block_dot_broken (
    input  wire [127:0] a,       // 32 x E2M1, element i at [4i+3:4i]
    input  wire [127:0] b,
    input  wire [7:0]   sa,      // E8M0 block scales
    input  wire [7:0]   sb,
    output reg  [31:0]  y
);
    function [3:0] half_units(input [2:0] em);
        case (em)
            3'd0: half_units = 4'd0;  3'd1: half_units = 4'd1;
            3'd2: half_units = 4'd2;  3'd3: half_units = 4'd3;
            3'd4: half_units = 4'd4;  3'd5: half_units = 4'd6;
            3'd6: half_units = 4'd8;  3'd7: half_units = 4'd12;
        endcase
    endfunction

    // The product of two E2M1 magnitudes in units of 1/4 (0..144).
    function [7:0] quarter_units(input [2:0] em_a, input [2:0] em_b);
        quarter_units = {4'd0, half_units(em_a)} * {4'd0, half_units(em_b)};
    endfunction

    // Exact signed sum of the 32 products, in units of 1/4.
    reg signed [15:0] sum;
    integer i;
    always @(*) begin
        sum = 16'sd0;
        for (i = 0; i < 32; i = i + 1) begin
            if (a[4 * i + 3] ^ b[4 * i + 3])
                sum = sum - $signed({8'd0, quarter_units(a[4 * i +: 3], b[4 * i +: 3])});
            else
                sum = sum + $signed({8'd0, quarter_units(a[4 * i +: 3], b[4 * i +: 3])});
        end
    end

    wire        negative = sum[15];
    wire [15:0] magnitude = negative ? -sum : sum;                  // < 2^13
    wire [9:0]  scale_sum = {2'd0, sa} + {2'd0, sb};                // value = magnitude * 2^(scale_sum - 256)

    // Leading one of the magnitude.
    reg [3:0] lead;
    integer j;
    always @(*) begin
        lead = 4'd0;
        for (j = 0; j < 13; j = j + 1) if (magnitude[j]) lead = j[3:0];
    end

    // Biased FP32 exponent if normal: lead + scale_sum - 256 + 127.
    wire signed [11:0] biased = $signed({8'd0, lead}) + $signed({2'd0, scale_sum}) - 12'sd129;
    // Subnormal: the value in units of 2^-149 is magnitude * 2^(scale_sum - 107).
    wire signed [11:0] sub_shift = $signed({2'd0, scale_sum}) - 12'sd107;
    wire [6:0]  right = (-sub_shift > 12'sd64) ? 7'd64 : -sub_shift[6:0];  // used when sub_shift < 0
    wire [63:0] wide = {magnitude, 48'd0} >> right;                  // magnitude . 48 fraction bits, shifted
    wire [22:0] kept = {7'd0, wide[63:48]};
    wire        guard = wide[47];
    /* verilator lint_off UNUSEDSIGNAL */   // the broken rounding ignores it
    wire        sticky = |wide[46:0];
    /* verilator lint_on UNUSEDSIGNAL */
    wire        round_up = guard;   // flipped: ties away instead of ties to even
    wire [23:0] rounded = {1'b0, kept} + {23'd0, round_up};          // 0x800000: rounds up to the smallest normal

    always @(*) begin
        if (sa == 8'hFF || sb == 8'hFF)
            y = 32'h7fc00000;
        else if (magnitude == 16'd0)
            y = 32'h00000000;
        else if (biased >= 12'sd255)
            y = {negative, 8'hFF, 23'd0};
        else if (biased >= 12'sd1)
            y = {negative, biased[7:0], 23'({7'd0, magnitude} << (5'd23 - {1'b0, lead}))};
        else if (sub_shift >= 12'sd0)
            y = {negative, 8'd0, 23'({7'd0, magnitude} << sub_shift[4:0])};
        else
            y = {negative, rounded[23] ? 8'd1 : 8'd0, rounded[22:0]};
    end
endmodule
