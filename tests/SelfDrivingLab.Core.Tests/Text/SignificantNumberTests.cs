using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Core.Tests.Text;

public sealed class SignificantNumberTests
{
    [Theory]
    [InlineData(1.714728724071756, 4, "1.715")]
    [InlineData(-1.714728724071756, 3, "-1.71")]
    [InlineData(250.0, 4, "250")]
    [InlineData(0.5, 4, "0.5")]
    [InlineData(99999.5, 4, "100000")]
    [InlineData(0.00123456, 3, "0.00123")]
    [InlineData(1234567.0, 4, "1.235e+6")]
    [InlineData(0.000012, 4, "1.2e-5")]
    [InlineData(0.0, 4, "0")]
    [InlineData(double.NaN, 4, "NaN")]
    public void Format_RoundsToSignificantDigitsWithoutTrailingZeros(double value, int digits, string expected)
    {
        Assert.Equal(expected, SignificantNumber.Format(value, digits));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void Format_DigitsOutOfRange_Throws(int digits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SignificantNumber.Format(1.0, digits));
    }
}
