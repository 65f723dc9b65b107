// IEEE 754 binary32 addition, round to nearest, ties to even, with subnormals, infinities
// and NaN (every NaN result is the quiet NaN 0x7fc00000; an exact zero sum of non-zero
// operands is +0; -0 + -0 = -0).
module fp32_add (
    input  wire [31:0] x,
    input  wire [31:0] y,
    output reg  [31:0] sum
);
    wire xs = x[31], ys = y[31];
    wire [7:0] xe_f = x[30:23], ye_f = y[30:23];
    wire x_nan = xe_f == 8'hFF && x[22:0] != 0, y_nan = ye_f == 8'hFF && y[22:0] != 0;
    wire x_inf = xe_f == 8'hFF && x[22:0] == 0, y_inf = ye_f == 8'hFF && y[22:0] == 0;
    wire x_zero = x[30:0] == 0, y_zero = y[30:0] == 0;

    // Exponent (subnormals at 1) and 24-bit significand of each operand.
    wire [7:0]  xe = xe_f == 0 ? 8'd1 : xe_f, ye = ye_f == 0 ? 8'd1 : ye_f;
    wire [23:0] xm = {xe_f != 0, x[22:0]}, ym = {ye_f != 0, y[22:0]};

    // The operand of larger magnitude first.
    wire        swap = {ye, ym} > {xe, xm};
    wire        bs = swap ? ys : xs, ss = swap ? xs : ys;
    wire [7:0]  be = swap ? ye : xe, se = swap ? xe : ye;
    wire [23:0] bm = swap ? ym : xm, sm = swap ? xm : ym;
    wire [7:0]  d = be - se;

    // Align the smaller significand: 3 extra bits (guard, round, sticky).
    wire [5:0]  shift = d > 8'd54 ? 6'd54 : d[5:0];
    wire [53:0] aligned = {sm, 3'b000, 27'd0} >> shift;
    wire [26:0] minor = {aligned[53:28], aligned[27] | (|aligned[26:0])};
    wire [26:0] major = {bm, 3'b000};
    wire [27:0] raw = (bs ^ ss) ? {1'b0, major} - {1'b0, minor} : {1'b0, major} + {1'b0, minor};

    // Normalize: a carry shifts right by one; otherwise shift left up to the leading one,
    // but not below exponent 1 (the result is then subnormal).
    reg [4:0] lz;
    integer i;
    always @(*) begin
        lz = 5'd27;
        for (i = 0; i <= 26; i = i + 1) if (raw[i]) lz = 5'd26 - i[4:0];
    end
    wire [8:0]  room = {1'b0, be} - 9'd1;
    wire [4:0]  left = ({4'd0, lz} > room) ? room[4:0] : lz;
    wire [26:0] norm = raw[27] ? {raw[27:2], raw[1] | raw[0]} : raw[26:0] << left;
    wire [8:0]  e_norm = raw[27] ? {1'b0, be} + 9'd1 : {1'b0, be} - {4'd0, left};

    // Round to nearest, ties to even.
    wire        round_up = norm[2] & (norm[1] | norm[0] | norm[3]);
    wire [24:0] m_round = {1'b0, norm[26:3]} + {24'd0, round_up};
    wire [23:0] m_final = m_round[24] ? m_round[24:1] : m_round[23:0];
    wire [8:0]  e_final = m_round[24] ? e_norm + 9'd1 : e_norm;
    wire [7:0]  e_field = m_final[23] ? e_final[7:0] : 8'd0;      // no leading one: subnormal

    always @(*) begin
        if (x_nan || y_nan || (x_inf && y_inf && xs != ys))
            sum = 32'h7fc00000;
        else if (x_inf)
            sum = {xs, 8'hFF, 23'd0};
        else if (y_inf)
            sum = {ys, 8'hFF, 23'd0};
        else if (x_zero && y_zero)
            sum = {xs & ys, 31'd0};
        else if (y_zero)
            sum = x;
        else if (x_zero)
            sum = y;
        else if (raw == 28'd0)
            sum = 32'h00000000;
        else if (e_final >= 9'd255)
            sum = {bs, 8'hFF, 23'd0};
        else
            sum = {bs, e_field, m_final[22:0]};
    end
endmodule
