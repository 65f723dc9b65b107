// MixPE W4A8 group step with a start/done handshake: on a rising edge with start high the
// operands are latched; then one lane's shift-and-add product is added per cycle, lane 0
// first, in the wrapping INT32 register; done rises with the 4th addition and stays high
// until the next start.
module mixpe_w4a8_handshake (
    input  wire        clk,
    input  wire        rst,
    input  wire        start,
    input  wire [15:0] w,
    input  wire [31:0] a,
    input  wire [31:0] psum_in,
    output reg  [31:0] psum_out,
    output reg         done
);
    reg [15:0] w_q;
    reg [31:0] a_q;
    reg [1:0]  lane;
    reg        busy;
    wire [31:0] product;
    mixpe_w4a8_lane mul (.w(w_q[4 * lane +: 4]), .a(a_q[8 * lane +: 8]), .product(product));
    always @(posedge clk) begin
        if (rst) begin
            busy <= 1'b0; done <= 1'b0; lane <= 2'd0; psum_out <= 32'd0; w_q <= 16'd0; a_q <= 32'd0;
        end else if (start) begin
            w_q <= w; a_q <= a; psum_out <= psum_in; lane <= 2'd0; busy <= 1'b1; done <= 1'b0;
        end else if (busy) begin
            psum_out <= psum_out + product;
            lane <= lane + 2'd1;
            if (lane == 2'd3) begin busy <= 1'b0; done <= 1'b1; end
        end
    end
endmodule
