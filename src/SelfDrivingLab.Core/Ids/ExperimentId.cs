using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Ids;

/// <summary>Identifies a Experiment; a non-empty token of letters, digits, '-', '_' or '.'. Immutable and thread-safe.</summary>
[JsonConverter(typeof(StringIdJsonConverter<ExperimentId>))]
public readonly record struct ExperimentId : IStringId<ExperimentId>
{
    /// <summary>Creates the id after checking <paramref name="value"/> with <see cref="IdRules.Validate"/>.</summary>
    public ExperimentId(string value) => Value = IdRules.Validate(value, nameof(ExperimentId));

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static ExperimentId Create(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
