namespace SelfDrivingLab.Benchmarks.Calibration;

/// <summary>How many test measurements fell inside their central predictive interval.</summary>
/// <param name="Tests">Measurements tested.</param>
/// <param name="Covered">Measurements inside the interval.</param>
public readonly record struct Coverage(int Tests, int Covered)
{
    /// <summary>Covered / Tests (NaN without tests).</summary>
    public double Fraction => Tests > 0 ? (double)Covered / Tests : double.NaN;

    /// <summary>The sum of two counts.</summary>
    public static Coverage operator +(Coverage a, Coverage b) => new(a.Tests + b.Tests, a.Covered + b.Covered);

    /// <summary>The sum of two counts.</summary>
    public static Coverage Add(Coverage a, Coverage b) => a + b;
}
