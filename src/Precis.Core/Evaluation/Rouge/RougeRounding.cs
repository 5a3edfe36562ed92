namespace Precis.Evaluation.Rouge;

/// <summary>
/// Rounding to 5 decimals exactly as Perl's <c>sprintf("%.5f")</c> does on the C library it runs on: the
/// exact binary value of the double is rounded, and a value exactly halfway goes to the even digit
/// (1/64 = 0.015625 prints 0.01562). <see cref="Math.Round(double, int)"/> scales by 10^5 first and can
/// land on the other side of a tie, so it is not used.
/// </summary>
public static class RougeRounding
{
    private const int Scale = 100_000;
    private const double MaxMagnitude = 1e9;

    public static double Round5(double value) => (double)RoundToHundredThousandths(value) / Scale;

    /// <summary>The value in units of 10^-5, rounded as <see cref="Round5"/> does.</summary>
    public static long RoundToHundredThousandths(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > MaxMagnitude)
            throw new ArgumentOutOfRangeException(nameof(value), value, "ROUGE scores and their sums are finite numbers of modest size.");
        long sign = value < 0 ? -1 : 1;
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int biasedExponent = (int)(bits >> 52);
        ulong mantissa = (ulong)bits & ((1UL << 52) - 1);
        if (biasedExponent == 0) biasedExponent = 1; // subnormal
        else mantissa |= 1UL << 52;
        int shift = 1075 - biasedExponent; // |value| = mantissa / 2^shift, shift > 0 below MaxMagnitude
        // mantissa * 10^5 < 2^70, so from a shift of 71 on the value is below half a unit: it rounds to 0.
        if (shift > 70) return 0;
        UInt128 scaled = (UInt128)mantissa * Scale;
        UInt128 quotient = scaled >> shift;
        UInt128 remainder = scaled - (quotient << shift);
        UInt128 half = UInt128.One << (shift - 1);
        if (remainder > half || (remainder == half && (quotient & 1) == 1)) quotient++;
        return sign * (long)quotient;
    }

    /// <summary>Whether two scores print the same to 5 decimals.</summary>
    public static bool Same(double a, double b) => RoundToHundredThousandths(a) == RoundToHundredThousandths(b);
}
