// BROKEN COPY of e2m1_mul.v for the tests: the last mantissa bit is rounded down (truncated)
// instead of kept, so 1.5 x 1.5 = 2.25 comes out as 2.0. E2M1 x E2M1 -> E4M3 multiplier (combinational), the element multiplier of an MXFP4/NVFP4
// block dot unit. Checked by `qarch cosim --design Designs/mxfp4-dot.json --op product`.
//
// An E2M1 magnitude in units of 1/2 is one of 0, 1, 2, 3, 4, 6, 8, 12, so the product in
// units of 1/4 is an integer 0..144 with at most 4 significant bits: it is exact in E4M3
// (bias 7, 3 mantissa bits). A zero product keeps the sign a_sign ^ b_sign (0x80 is -0).
module e2m1_mul_broken (
    input  wire [3:0] a,
    input  wire [3:0] b,
    output wire [7:0] p
);
    // Magnitude of an E2M1 code in units of 1/2.
    function [3:0] half_units(input [2:0] em);
        case (em)
            3'd0: half_units = 4'd0;  3'd1: half_units = 4'd1;   // 0, 0.5
            3'd2: half_units = 4'd2;  3'd3: half_units = 4'd3;   // 1, 1.5
            3'd4: half_units = 4'd4;  3'd5: half_units = 4'd6;   // 2, 3
            3'd6: half_units = 4'd8;  3'd7: half_units = 4'd12;  // 4, 6
        endcase
    endfunction

    wire       sign = a[3] ^ b[3];
    wire [7:0] q = half_units(a[2:0]) * half_units(b[2:0]);   // product in units of 1/4

    // Leading one of q: value = 1.f x 2^(lead - 2), E4M3 exponent field lead + 5.
    reg [2:0] lead;
    always @(*) begin
        casez (q)
            8'b1???????: lead = 3'd7;
            8'b01??????: lead = 3'd6;
            8'b001?????: lead = 3'd5;
            8'b0001????: lead = 3'd4;
            8'b00001???: lead = 3'd3;
            8'b000001??: lead = 3'd2;
            8'b0000001?: lead = 3'd1;
            default:     lead = 3'd0;
        endcase
    end
    /* verilator lint_off UNUSEDSIGNAL */   // the leading one and the bits below the 3 kept are zero
    wire [7:0] normalized = q << (3'd7 - lead);                // leading one at bit 7
    /* verilator lint_on UNUSEDSIGNAL */
    wire [3:0] exponent = {1'b0, lead} + 4'd5;
    assign p = (q == 8'd0) ? {sign, 7'd0} : {sign, exponent, normalized[6:5], 1'b0};
endmodule
