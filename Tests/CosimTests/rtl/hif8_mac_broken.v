// BROKEN COPY of hif8_mac.v for the tests, built on hif8_decode_broken.v (no infinity).
// HiF8 x HiF8 product with FP32 accumulation (combinational): acc_out = RN_fp32(acc_in + a*b).
// Checked by `qarch cosim --design Designs/hif8-mac.json` (operation `mac`).
//
// Each HiF8 operand has at most 4 significant bits and an exponent in -22..15, so the
// product (8 significant bits, 2^-44 .. 2^32) is an exact, normal FP32 value; the only
// rounding is the FP32 addition (fp32_add.v). NaN times anything and infinity times zero
// give NaN.
module hif8_mac_broken (
    input  wire [7:0]  a,
    input  wire [7:0]  b,
    input  wire [31:0] acc_in,
    output wire [31:0] acc_out
);
    wire a_zero, a_nan, a_inf, a_sign, b_zero, b_nan, b_inf, b_sign;
    wire signed [6:0] a_exp, b_exp;
    wire [3:0] a_sig, b_sig;
    hif8_decode_broken da (.code(a), .zero(a_zero), .nan(a_nan), .inf(a_inf), .sign(a_sign), .exponent(a_exp), .sig(a_sig));
    hif8_decode_broken db (.code(b), .zero(b_zero), .nan(b_nan), .inf(b_inf), .sign(b_sign), .exponent(b_exp), .sig(b_sig));

    // Product: sig8 * 2^(exponent sum - 6), normalized to FP32 fields.
    wire       sign = a_sign ^ b_sign;
    wire [7:0] sig8 = {4'd0, a_sig} * {4'd0, b_sig};               // 64..225
    wire signed [8:0] e_sum = $signed({{2{a_exp[6]}}, a_exp}) + $signed({{2{b_exp[6]}}, b_exp});
    /* verilator lint_off UNUSEDSIGNAL */   // 83..158: bit 8 is always 0
    wire [8:0] biased = sig8[7] ? e_sum + 9'sd128 : e_sum + 9'sd127;
    /* verilator lint_on UNUSEDSIGNAL */
    wire [22:0] fraction = sig8[7] ? {sig8[6:0], 16'd0} : {sig8[5:0], 17'd0};

    reg [31:0] product;
    always @(*) begin
        if (a_nan || b_nan || (a_inf && b_zero) || (b_inf && a_zero))
            product = 32'h7fc00000;
        else if (a_inf || b_inf)
            product = {sign, 8'hFF, 23'd0};
        else if (a_zero || b_zero)
            product = {sign, 31'd0};
        else
            product = {sign, biased[7:0], fraction};
    end

    fp32_add add (.x(acc_in), .y(product), .sum(acc_out));
endmodule
