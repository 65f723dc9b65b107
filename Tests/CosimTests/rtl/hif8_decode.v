// HiFloat8 decoder (Sources/NumberFormats/README.md, "HiFloat8"): sign, a prefix ("dot")
// code giving the exponent width D, a sign-magnitude exponent without bias, the mantissa.
// Outputs the class and, for finite non-zero codes, value = sig * 2^(exponent - 3) with a
// 4-bit significand 1.xxx (normal: (1 + M/2^mw) * 2^E; denormal 0000MMM: 2^(M - 23)).
// Specials: 0x00 zero, 0x80 NaN, 0x6F / 0xEF +-infinity.
module hif8_decode (
    input  wire [7:0]       code,
    output wire             zero,
    output wire             nan,
    output wire             inf,
    output wire             sign,
    output reg signed [6:0] exponent,
    output reg [3:0]        sig
);
    wire [6:0] body = code[6:0];
    assign sign = code[7];
    assign zero = code == 8'h00;
    assign nan = code == 8'h80;
    assign inf = body == 7'h6F;
    always @(*) begin
        casez (body)
            7'b11?????: begin   // D = 4, 1 mantissa bit: |E| = 8 + Em[2:0]
                exponent = body[4] ? -(7'sd8 + {4'd0, body[3:1]}) : (7'sd8 + {4'd0, body[3:1]});
                sig = {1'b1, body[0], 2'b00};
            end
            7'b10?????: begin   // D = 3, 2 mantissa bits: |E| = 4 + Em[1:0]
                exponent = body[4] ? -(7'sd4 + {5'd0, body[3:2]}) : (7'sd4 + {5'd0, body[3:2]});
                sig = {1'b1, body[1:0], 1'b0};
            end
            7'b01?????: begin   // D = 2, 3 mantissa bits: |E| = 2 + Em[0]
                exponent = body[4] ? -(7'sd2 + {6'd0, body[3]}) : (7'sd2 + {6'd0, body[3]});
                sig = {1'b1, body[2:0]};
            end
            7'b001????: begin   // D = 1: |E| = 1
                exponent = body[3] ? -7'sd1 : 7'sd1;
                sig = {1'b1, body[2:0]};
            end
            7'b0001???: begin   // D = 0: E = 0
                exponent = 7'sd0;
                sig = {1'b1, body[2:0]};
            end
            default: begin      // denormal 0000MMM: 2^(M - 23)
                exponent = $signed({4'd0, body[2:0]}) - 7'sd23;
                sig = 4'b1000;
            end
        endcase
    end
endmodule
