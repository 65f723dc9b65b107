// The E2M1 x E2M1 -> E4M3 multiplier of e2m1_mul.v in a 2-stage pipeline: the operands are
// registered on one rising edge, the product on the next (latency 2, one product per cycle).
module e2m1_mul_pipelined (
    input  wire       clk,
    input  wire       rst,
    input  wire [3:0] a,
    input  wire [3:0] b,
    output reg  [7:0] p
);
    reg  [3:0] a_q, b_q;
    wire [7:0] product;
    e2m1_mul core (.a(a_q), .b(b_q), .p(product));
    always @(posedge clk) begin
        if (rst) begin
            a_q <= 4'd0; b_q <= 4'd0; p <= 8'd0;
        end else begin
            a_q <= a; b_q <= b; p <= product;
        end
    end
endmodule
