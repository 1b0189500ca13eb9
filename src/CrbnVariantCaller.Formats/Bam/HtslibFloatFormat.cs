using System.Numerics;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// Reproduces the two ways samtools prints floating-point aux values, byte for byte:
/// C <c>printf("%g")</c> for scalar <c>f</c>/<c>d</c> fields, and htslib's <c>kputd</c> for <c>B,f</c> array elements
/// (six significant digits rounded half-up from <c>(uint64)(d*1e10)</c>, with <c>%g</c> outside 0.0001..999999).
/// </summary>
internal static class HtslibFloatFormat
{
    private const int Precision = 6;

    /// <summary>Writes <paramref name="value"/> as C <c>%g</c> would (glibc, round-half-even on the exact binary value).</summary>
    public static int FormatG(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            return Write(double.IsNegative(value) ? "-nan" : "nan", destination);
        }

        if (double.IsInfinity(value))
        {
            return Write(value < 0 ? "-inf" : "inf", destination);
        }

        if (value == 0)
        {
            return Write(double.IsNegative(value) ? "-0" : "0", destination);
        }

        int pos = 0;
        if (value < 0)
        {
            destination[pos++] = (byte)'-';
            value = -value;
        }

        // Exact decimal expansion: value = digits × 10^scale.
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        int exp2;
        if (biased == 0)
        {
            exp2 = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            exp2 = biased - 1075;
        }

        BigInteger n;
        int scale;
        if (exp2 >= 0)
        {
            n = new BigInteger(mantissa) << exp2;
            scale = 0;
        }
        else
        {
            n = new BigInteger(mantissa) * BigInteger.Pow(5, -exp2);
            scale = exp2;
        }

        string all = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        int exponent = all.Length - 1 + scale;
        Span<byte> digits = stackalloc byte[Precision];
        if (all.Length <= Precision)
        {
            for (int i = 0; i < Precision; i++)
            {
                digits[i] = (byte)(i < all.Length ? all[i] : '0');
            }
        }
        else
        {
            for (int i = 0; i < Precision; i++)
            {
                digits[i] = (byte)all[i];
            }

            char next = all[Precision];
            bool roundUp;
            if (next > '5')
            {
                roundUp = true;
            }
            else if (next < '5')
            {
                roundUp = false;
            }
            else
            {
                bool moreNonZero = all.AsSpan(Precision + 1).IndexOfAnyExcept('0') >= 0;
                roundUp = moreNonZero || ((digits[Precision - 1] - '0') & 1) == 1;
            }

            if (roundUp && Increment(digits))
            {
                exponent++;
            }
        }

        if (exponent < -4 || exponent >= Precision)
        {
            // d.ddddde±XX with trailing zeros removed.
            destination[pos++] = digits[0];
            int last = LastNonZero(digits);
            if (last > 0)
            {
                destination[pos++] = (byte)'.';
                for (int i = 1; i <= last; i++)
                {
                    destination[pos++] = digits[i];
                }
            }

            destination[pos++] = (byte)'e';
            destination[pos++] = (byte)(exponent < 0 ? '-' : '+');
            int e = Math.Abs(exponent);
            if (e < 10)
            {
                destination[pos++] = (byte)'0';
            }

            e.TryFormat(destination[pos..], out int w, default, System.Globalization.CultureInfo.InvariantCulture);
            return pos + w;
        }

        int lastDigit = LastNonZero(digits);
        if (exponent >= 0)
        {
            for (int i = 0; i <= exponent; i++)
            {
                destination[pos++] = digits[i];
            }

            if (lastDigit > exponent)
            {
                destination[pos++] = (byte)'.';
                for (int i = exponent + 1; i <= lastDigit; i++)
                {
                    destination[pos++] = digits[i];
                }
            }

            return pos;
        }

        destination[pos++] = (byte)'0';
        destination[pos++] = (byte)'.';
        for (int i = 0; i < -exponent - 1; i++)
        {
            destination[pos++] = (byte)'0';
        }

        for (int i = 0; i <= lastDigit; i++)
        {
            destination[pos++] = digits[i];
        }

        return pos;
    }

    /// <summary>Writes <paramref name="value"/> as htslib 1.16 <c>kputd</c> does (used for <c>B,f</c> elements).</summary>
    public static int FormatKputd(double value, Span<byte> destination)
    {
        if (value == 0)
        {
            return Write(double.IsNegative(value) ? "-0" : "0", destination);
        }

        int pos = 0;
        if (value < 0)
        {
            destination[pos++] = (byte)'-';
            value = -value;
        }

        if (!(value >= 0.0001 && value <= 999999))
        {
            return pos + FormatG(value, destination[pos..]);
        }

        ulong i = (ulong)(value * 10000000000.0);
        i += value switch
        {
            < 0.001 => 5UL,
            < 0.01 => 50UL,
            < 0.1 => 500UL,
            < 1 => 5000UL,
            < 10 => 50000UL,
            < 100 => 500000UL,
            < 1000 => 5000000UL,
            < 10000 => 50000000UL,
            < 100000 => 500000000UL,
            _ => 5000000000UL,
        };

        Span<byte> all = stackalloc byte[24];
        i.TryFormat(all, out int p, default, System.Globalization.CultureInfo.InvariantCulture);
        Span<byte> text = stackalloc byte[24];
        int len;
        if (p <= 10)
        {
            // 0.000ddddd: (10 - p) zeros after the point, then the first six digits.
            len = 0;
            text[len++] = (byte)'0';
            text[len++] = (byte)'.';
            for (int z = p; z < 10; z++)
            {
                text[len++] = (byte)'0';
            }

            for (int k = 0; k < Precision; k++)
            {
                text[len++] = all[k];
            }
        }
        else
        {
            int integerDigits = p - 10;
            len = 0;
            for (int k = 0; k < integerDigits; k++)
            {
                text[len++] = all[k];
            }

            text[len++] = (byte)'.';
            for (int k = integerDigits; k < p && len < Precision + 1; k++)
            {
                text[len++] = all[k];
            }

            if (len > Precision + 1)
            {
                len = Precision + 1;
            }

            if (text[len - 1] == (byte)'.')
            {
                len--;
                text[..len].CopyTo(destination[pos..]);
                return pos + len;
            }
        }

        while (len > 0 && text[len - 1] == (byte)'0')
        {
            len--;
        }

        if (text[len - 1] == (byte)'.')
        {
            len--;
        }

        text[..len].CopyTo(destination[pos..]);
        return pos + len;
    }

    private static bool Increment(Span<byte> digits)
    {
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            if (digits[i] == (byte)'9')
            {
                digits[i] = (byte)'0';
            }
            else
            {
                digits[i]++;
                return false;
            }
        }

        digits[0] = (byte)'1';
        return true;
    }

    private static int LastNonZero(ReadOnlySpan<byte> digits)
    {
        int last = digits.Length - 1;
        while (last > 0 && digits[last] == (byte)'0')
        {
            last--;
        }

        return last;
    }

    private static int Write(string s, Span<byte> destination)
    {
        for (int i = 0; i < s.Length; i++)
        {
            destination[i] = (byte)s[i];
        }

        return s.Length;
    }
}
