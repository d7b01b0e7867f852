namespace SelfDrivingLab.PropertyModels;

/// <summary>What a property model predicts.</summary>
public enum PropertyTask
{
    /// <summary>A number (e.g. a band gap in eV), with an uncertainty.</summary>
    Regression,

    /// <summary>The probability that a yes/no property is yes (e.g. "is a metal").</summary>
    Classification,
}
