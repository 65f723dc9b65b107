import CMPFR
import NumberFormats
