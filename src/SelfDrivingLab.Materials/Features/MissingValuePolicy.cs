namespace SelfDrivingLab.Materials.Features;

/// <summary>What <see cref="MagpieFeaturizer"/> does with an element whose property the tables list as <c>Missing</c>.</summary>
public enum MissingValuePolicy
{
    /// <summary>
    /// Use the mean of the property over all elements where it is known (default). Every feature stays finite, so any
    /// parsable formula can be placed in a search space; the few affected elements are noble gases and heavy
    /// radioactive elements, where a neutral value is a fair guess.
    /// </summary>
    TableMean,

    /// <summary>Propagate NaN: every feature of that property is NaN (what matminer does).</summary>
    Propagate,
}
