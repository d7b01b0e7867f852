namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>The shape of a <see cref="DurationDistribution"/>.</summary>
public enum DurationDistributionKind
{
    /// <summary>Normal with the mean and standard deviation, never below a tenth of the mean (the original form).</summary>
    Normal,

    /// <summary>Log-normal with the given mean and standard deviation of the duration itself (always positive, right-skewed).</summary>
    LogNormal,

    /// <summary>Uniform between <see cref="DurationDistribution.Minimum"/> and <see cref="DurationDistribution.Maximum"/>.</summary>
    Uniform,

    /// <summary>Always exactly the mean; draws no random numbers.</summary>
    Fixed,
}
